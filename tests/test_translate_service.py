"""The cache-first service: hits first, lazy engine, per-batch writes, cancelling, and the document helper
(``translate_document``, now in :mod:`reader.translate.session`)."""

from __future__ import annotations

import dataclasses
import json
import subprocess
import sys
import textwrap
from collections.abc import Callable, Iterable
from pathlib import Path

import pytest

from reader.errors import ModelUnavailable
from reader.model import Document, Origin, SegmentResult, Status
from reader.paths import translation_cache_path
from reader.translate.cache import TranslationCache
from reader.translate.factory import cache_identity
from reader.translate.fake import FakeTranslator
from reader.translate.protocol import Engine, EngineSettings, TranslationResult
from reader.translate.service import TranslationService
from reader.translate.session import TranslationSession, translate_document
from tests.helpers.loading import load_document
from tests.helpers.segmenting import segment_text
from tests.helpers.spans import assert_exact_spans

SENTENCES = ["قال الرئيس.", "نعم.", "لا.", "ربما غدا.", "انتهى."]


class StandIn(FakeTranslator):
    """A fake engine standing in for the one the settings choose: it files its output under that
    engine's cache identity, as the real engine would (FakeTranslator's own is "fake")."""

    def __init__(self, identity: str, **fake_options: object) -> None:
        super().__init__(**fake_options)  # type: ignore[arg-type]
        self._identity = identity

    @property
    def cache_identity(self) -> str:
        return self._identity


class Factory:
    """An engine factory that counts how often it was used and hands out fake translators."""

    def __init__(self, **fake_options: object) -> None:
        self.engines: list[FakeTranslator] = []
        self.fake_options = fake_options

    def __call__(self, settings: EngineSettings) -> Engine:
        engine = StandIn(cache_identity(settings), **self.fake_options)
        self.engines.append(engine)
        return engine


def service_for(model: Path, factory: Factory, **settings: object) -> TranslationService:
    return TranslationService(EngineSettings(model=str(model), **settings), engine_factory=factory)  # type: ignore[arg-type]


def flat(batches: list[list[TranslationResult]]) -> dict[int, TranslationResult]:
    results = [r for b in batches for r in b]
    assert len(results) == len({r.index for r in results})
    return {r.index: r for r in results}


def test_first_run_uses_the_engine_and_fills_the_cache(tiny_model: Path) -> None:
    factory = Factory(batch_size=2)
    service = service_for(tiny_model, factory)
    batches = list(service.translate(SENTENCES))
    assert [len(b) for b in batches] == [2, 2, 1]
    assert {i: r.text for i, r in flat(batches).items()} == {i: f"[en] {s}" for i, s in enumerate(SENTENCES)}
    assert service.cached(SENTENCES) == {i: f"[en] {s}" for i, s in enumerate(SENTENCES)}
    assert translation_cache_path().is_file()


def test_hits_come_first_in_one_batch_then_only_misses_go_to_the_engine(tiny_model: Path) -> None:
    list(service_for(tiny_model, Factory()).translate(SENTENCES[:3]))
    factory = Factory(batch_size=10)
    batches = list(service_for(tiny_model, factory).translate(SENTENCES))
    assert [[r.index for r in b] for b in batches] == [[0, 1, 2], [3, 4]]
    assert factory.engines[0].calls == [SENTENCES[3:]]


def test_fully_cached_text_never_creates_an_engine(tiny_model: Path) -> None:
    list(service_for(tiny_model, Factory()).translate(SENTENCES))
    factory = Factory()
    service = service_for(tiny_model, factory)
    batches = list(service.translate(SENTENCES))
    assert len(batches) == 1
    assert factory.engines == []
    assert service.engine is None


def test_each_batch_is_cached_as_it_arrives_and_stopping_stops(tiny_model: Path) -> None:
    factory = Factory(batch_size=2)
    stream = service_for(tiny_model, factory).translate(SENTENCES)
    first = next(stream)
    stream.close()
    assert [r.index for r in first] == [0, 1]
    assert service_for(tiny_model, Factory()).cached(SENTENCES) == {0: "[en] قال الرئيس.", 1: "[en] نعم."}
    engine = factory.engines[0]
    assert engine.calls == [SENTENCES]  # one request, of which only the first batch was produced


def test_what_cached_found_is_not_looked_up_again_by_translate(
    tiny_model: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    list(service_for(tiny_model, Factory()).translate(SENTENCES[:2]))  # two of the five cached
    asked: list[list[str]] = []
    get_many = TranslationCache.get_many

    def counted(cache: TranslationCache, setup: str, sources: Iterable[str]) -> dict[str, str]:
        asked.append(list(sources))
        return get_many(cache, setup, asked[-1])

    monkeypatch.setattr(TranslationCache, "get_many", counted)
    factory = Factory()
    service = service_for(tiny_model, factory)
    assert set(service.cached(SENTENCES)) == {0, 1}
    results = flat(list(service.translate(SENTENCES)))
    assert asked == [SENTENCES]  # once, by cached(); translate() used that answer
    assert factory.engines[0].calls == [SENTENCES[2:]]
    assert [results[i].text for i in range(5)] == [f"[en] {s}" for s in SENTENCES]
    list(service.translate(SENTENCES[:1]))  # each answer is used once: later calls ask the cache
    assert asked[1:] == [SENTENCES[:1]]


def test_an_answer_from_another_cache_key_is_not_reused(tiny_model: Path) -> None:
    """cached() asks under the engine the settings expect; if the loaded engine files its output
    under another identity (auto fell back), translate() must not take the first answer."""
    list(service_for(tiny_model, Factory()).translate(SENTENCES))
    engines: list[FakeTranslator] = []

    def other_engine(_settings: EngineSettings) -> Engine:
        engines.append(StandIn("another engine"))
        return engines[-1]

    service = TranslationService(EngineSettings(model=str(tiny_model)), engine_factory=other_engine)
    assert len(service.cached(SENTENCES)) == 5
    service.load()
    list(service.translate(SENTENCES))
    assert engines[0].calls == [SENTENCES]


def test_every_miss_is_answered_at_its_own_index(tiny_model: Path) -> None:
    factory = Factory(batch_size=2)
    service = service_for(tiny_model, factory)
    list(service.translate(SENTENCES[1:3]))  # cached now: the rest go to the engine
    results = flat(list(service.translate(SENTENCES)))
    assert factory.engines[0].calls == [SENTENCES[1:3], [SENTENCES[0], *SENTENCES[3:]]]
    assert {i: r.text for i, r in results.items()} == {i: f"[en] {s}" for i, s in enumerate(SENTENCES)}


def window_run(document: Document, service: TranslationService) -> None:
    """What the window's controller runs: a session of small chunks, the screen first."""
    session = TranslationSession(
        document, service, chunk_size=2, first_chunk=1, visible=[document.segment_at(0).id]
    )
    for results in session.run():
        document.apply_results(results)


def cli_run(document: Document, service: TranslationService) -> None:
    for _changed in translate_document(document, service):
        pass


@pytest.mark.parametrize("run", [window_run, cli_run], ids=["window", "cli"])
def test_a_repeated_sentence_reaches_the_engine_once(
    tiny_model: Path, run: Callable[[Document, TranslationService], None]
) -> None:
    """De-duplication by text is the session's, in front of the service, on both paths."""
    document = segment_text("نعم.\nلا.\nنعم.\nربما غدا.\nنعم.", name="x.txt")
    factory = Factory(batch_size=2)
    settings = EngineSettings(model=str(tiny_model))
    run(
        document, TranslationService(settings, use_cache=False, engine_factory=factory)
    )  # no cache to hide a repeat
    sent = [text for call in factory.engines[0].calls for text in call]
    assert sorted(sent) == sorted(["نعم.", "لا.", "ربما غدا."])
    assert [s.translation for s in document.segments] == [f"[en] {s.text}" for s in document.segments]


def test_failures_are_reported_but_not_cached(tiny_model: Path) -> None:
    factory = Factory(fail_when=lambda s: s == "لا.")
    results = flat(list(service_for(tiny_model, factory).translate(SENTENCES)))
    assert results[2].error is not None
    assert 2 not in service_for(tiny_model, Factory()).cached(SENTENCES)
    assert len(service_for(tiny_model, Factory()).cached(SENTENCES)) == 4


def test_options_and_model_are_part_of_the_key(tiny_model: Path, tmp_path: Path) -> None:
    import shutil

    list(service_for(tiny_model, Factory()).translate(SENTENCES))
    assert service_for(tiny_model, Factory(), beams=2).cached(SENTENCES) == {}
    assert service_for(tiny_model, Factory(), max_source_tokens=50).cached(SENTENCES) == {}
    assert len(service_for(tiny_model, Factory(), batch_size=3).cached(SENTENCES)) == 5  # speed only
    changed = Path(shutil.copytree(tiny_model, tmp_path / "changed"))
    config = json.loads((changed / "generation_config.json").read_text())
    config["num_beams"] = 2
    (changed / "generation_config.json").write_text(json.dumps(config))
    assert service_for(changed, Factory()).cached(SENTENCES) == {}


def test_no_cache_neither_reads_nor_writes(tiny_model: Path) -> None:
    list(service_for(tiny_model, Factory()).translate(SENTENCES[:2]))
    factory = Factory()
    service = TranslationService(
        EngineSettings(model=str(tiny_model)), use_cache=False, engine_factory=factory
    )
    assert service.cached(SENTENCES) == {}
    list(service.translate(SENTENCES))
    assert factory.engines[0].calls == [SENTENCES]
    assert set(service_for(tiny_model, Factory()).cached(SENTENCES)) == {0, 1}


def test_model_unavailable_propagates_after_the_hits(tiny_model: Path) -> None:
    list(service_for(tiny_model, Factory()).translate(SENTENCES[:1]))
    stream = service_for(tiny_model, Factory(unavailable="model 'x' is not downloaded")).translate(SENTENCES)
    assert [r.index for r in next(stream)] == [0]
    with pytest.raises(ModelUnavailable, match="not downloaded"):
        next(stream)


def test_unlocatable_model_means_no_cache_hits_and_the_engine_explains(tmp_path: Path) -> None:
    service = TranslationService(EngineSettings(model=str(tmp_path / "missing")))
    assert service.cached(SENTENCES) == {}
    with pytest.raises(ModelUnavailable, match="not downloaded"):
        list(
            TranslationService(
                EngineSettings(model="org/not-downloaded"),
                engine_factory=Factory(unavailable="model 'org/not-downloaded' is not downloaded"),
            ).translate(SENTENCES)
        )


def test_load_creates_and_loads_the_engine_with_progress(tiny_model: Path) -> None:
    reports: list[tuple[str, float | None]] = []
    service = TranslationService(EngineSettings(model=str(tiny_model), engine="transformers"))
    assert service.description == f"{tiny_model} · transformers"
    service.load(lambda message, fraction: reports.append((message, fraction)))
    assert service.engine is not None
    assert reports[-1] == (f"loaded {tiny_model}", 1.0)
    factory = Factory()
    plain = service_for(tiny_model, factory)
    plain.load()
    assert [engine.loads for engine in factory.engines] == [1]
    assert plain.description == "fake translator"
    plain.close()
    assert factory.engines[0].closed


def test_translate_document_fills_sentences_in_place(tiny_model: Path) -> None:
    document = segment_text("قال الرئيس\u200f اليوم. لا.\nانتهى.", name="x.txt")
    factory = Factory(batch_size=2, fail_when=lambda s: s == "لا.")
    service = service_for(tiny_model, factory)
    updates = list(translate_document(document, service))
    assert [[document.position_of(i) for i in batch] for batch in updates] == [[0, 1], [2]]
    first, second, third = document.segments
    assert first.status is Status.DONE
    assert first.translation == "[en] قال الرئيس\u200f اليوم."  # the document keeps its marks
    assert first.rendering is not None
    assert first.rendering.origin is Origin.MACHINE
    assert first.rendering.model  # the translator's description
    assert second.status is Status.FAILED
    assert second.error == "the fake translator was told to fail"
    assert third.translation == "[en] انتهى."
    assert (document.translated_count, document.failed_count, document.pending_count) == (2, 1, 0)
    assert_exact_spans(document)


def test_translate_document_skips_done_segments_and_translates_repeats_once(tiny_model: Path) -> None:
    document = segment_text("نعم.\nلا.\nنعم.\nانتهى.", name="x.txt")
    done = document.segment_at(3)
    document.apply_results([SegmentResult(done.id, done.revision, "The end.")])
    factory = Factory()
    list(translate_document(document, service_for(tiny_model, factory, batch_size=8)))
    assert factory.engines[0].calls == [["نعم.", "لا."]]
    assert [s.translation for s in document.segments] == ["[en] نعم.", "[en] لا.", "[en] نعم.", "The end."]


def test_cache_hit_imports_neither_torch_nor_transformers(tiny_model: Path, seed_path: Path) -> None:
    """Translate the seed for real once, then reopen it in a fresh interpreter."""
    from reader.translate.factory import create_translator

    document = load_document(seed_path)
    settings = EngineSettings(model=str(tiny_model), beams=1)
    list(translate_document(document, create_translator(settings)))
    expected = [s.translation for s in document.segments]
    code = textwrap.dedent(
        f"""
        import json, sys
        from tests.helpers.loading import load_document
        from reader.translate.factory import create_translator
        from reader.translate.protocol import EngineSettings
        from reader.translate.session import translate_document
        document = load_document({str(seed_path)!r})
        translator = create_translator(EngineSettings(model={str(tiny_model)!r}, beams=1))
        batches = list(translate_document(document, translator))
        heavy = sorted(m for m in sys.modules if m.split(".")[0] in ("torch", "transformers"))
        print(json.dumps({{"batches": len(batches), "heavy": heavy,
                           "translations": [s.translation for s in document.segments]}}))
        """
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    report = json.loads(result.stdout)
    assert report["heavy"] == []
    assert report["batches"] == 1
    assert report["translations"] == expected


class Rated(StandIn):
    """A stand-in engine that reports a score per sentence and cuts the first one."""

    def translate(self, sentences):  # type: ignore[no-untyped-def]
        for batch in super().translate(sentences):
            yield [
                dataclasses.replace(r, score=-0.5 - r.index, flags=("cut",) if r.index == 0 else ())
                for r in batch
            ]


def test_a_cache_hit_keeps_the_score_and_cut_the_engine_reported(tiny_model: Path) -> None:
    settings = EngineSettings(model=str(tiny_model))
    made = TranslationService(settings, engine_factory=lambda s: Rated(cache_identity(s)))
    first = flat(list(made.translate(SENTENCES[:2])))
    factory = Factory()
    again = flat(list(service_for(tiny_model, factory).translate(SENTENCES[:2])))
    assert factory.engines == []  # every answer came from the cache
    assert [(r.score, r.flags) for r in again.values()] == [(r.score, r.flags) for r in first.values()]
    assert [(r.score, r.flags) for r in again.values()] == [(-0.5, ("cut",)), (-1.5, ())]
