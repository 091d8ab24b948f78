"""The transformers engine on the tiny Marian checkpoint: loading, 1:1 results, order, caps, splitting."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import sentencepiece

from reader.errors import ModelUnavailable
from reader.translate.generation import GenerationOptions, output_cap
from reader.translate.long_sentences import split_long_sentence
from reader.translate.marian_engine import available_cores
from reader.translate.protocol import Engine, EngineSettings, TranslationResult, Translator
from reader.translate.transformers_engine import TransformersEngine
from tests.helpers.loading import load_document

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def engine(tiny_model: Path) -> TransformersEngine:
    loaded = TransformersEngine(EngineSettings(model=str(tiny_model), batch_size=4))
    loaded.load()
    return loaded


@pytest.fixture(scope="module")
def greedy(tiny_model: Path) -> TransformersEngine:
    loaded = TransformersEngine(EngineSettings(model=str(tiny_model), beams=1, batch_size=4))
    loaded.load()
    return loaded


@pytest.fixture(scope="module")
def seed_sentences() -> list[str]:
    from tests.conftest import SEED

    return [s.text for s in load_document(SEED).iter_segments()]


def flatten(
    batches: Iterator[list[TranslationResult]] | list[list[TranslationResult]],
) -> list[TranslationResult]:
    return [r for batch in batches for r in batch]


class Spy:
    """Records the texts of each batch the engine generates for."""

    def __init__(self, engine: TransformersEngine, monkeypatch: pytest.MonkeyPatch) -> None:
        self.batches: list[list[str]] = []
        real = engine.generate_ids

        def recording(texts: list[str], **options: Any) -> list[list[int]]:
            self.batches.append(list(texts))
            return real(texts, **options)

        monkeypatch.setattr(engine, "generate_ids", recording)


def test_loads_from_a_folder_with_the_model_s_own_beam_size(
    engine: TransformersEngine, tiny_model: Path
) -> None:
    assert isinstance(engine, Translator)
    assert isinstance(engine, Engine)
    assert engine.loaded
    assert engine.location is not None
    assert engine.location.folder == tiny_model.resolve()
    assert engine.beams == 4  # from generation_config.json, as opus-mt's
    assert engine.description == f"{tiny_model} · transformers"


def test_torch_uses_every_available_core(engine: TransformersEngine) -> None:
    import torch

    assert torch.get_num_threads() == available_cores()


def test_seed_translates_one_to_one(engine: TransformersEngine, seed_sentences: list[str]) -> None:
    results = flatten(engine.translate(seed_sentences))
    assert sorted(r.index for r in results) == list(range(len(seed_sentences)))
    assert all(r.ok and r.text for r in results)


def test_batches_stream_shortest_first_and_map_back(
    greedy: TransformersEngine, seed_sentences: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    sentences = seed_sentences[:9]
    alone = {i: flatten(greedy.translate([s]))[0].text for i, s in enumerate(sentences)}
    spy = Spy(greedy, monkeypatch)
    batches = list(greedy.translate(sentences))
    assert [len(b) for b in batches] == [4, 4, 1]
    lengths = [[greedy.count_tokens(t) for t in texts] for texts in spy.batches]
    flat_lengths = [n for batch in lengths for n in batch]
    assert flat_lengths == sorted(flat_lengths)
    # Each result is the translation of the sentence its index names, as if translated alone.
    assert {r.index: r.text for r in flatten(batches)} == alone


def test_every_output_is_capped_by_its_own_source_length(engine: TransformersEngine) -> None:
    texts = [
        "قال",
        "قالت ثلاثة مصادر مطلعة",
        "قالت ثلاثة مصادر مطلعة إن مشاركين أميركيين وروسا اجتمعوا في سويسرا",
    ]
    outputs = engine.generate_ids(texts)  # one batch of three different lengths
    for text, ids in zip(texts, outputs, strict=True):
        # Random weights never choose </s>: the cap alone ends each output, with a forced </s>.
        assert len(ids) == output_cap(engine.count_tokens(text))
        assert ids[-1] == 0
        assert 0 not in ids[:-1]


def test_cap_never_exceeds_512(tiny_model: Path) -> None:
    long_engine = TransformersEngine(
        EngineSettings(model=str(tiny_model), beams=1, max_source_tokens=500),
    )
    text = " ".join(["مصادر"] * 200)
    assert long_engine.count_tokens(text) > 340  # 1.5 × that + 10 would pass 512
    (ids,) = long_engine.generate_ids([text])
    assert len(ids) == 512


def test_forced_output_length_for_benchmarks(tiny_model: Path) -> None:
    forced = TransformersEngine(
        EngineSettings(model=str(tiny_model), beams=1), GenerationOptions(beams=1, forced_output_tokens=45)
    )
    outputs = forced.generate_ids(["قال", "قالت ثلاثة مصادر مطلعة إن مشاركين أميركيين وروسا اجتمعوا"])
    assert [len(ids) for ids in outputs] == [45, 45]


def test_long_sentence_is_cut_translated_in_pieces_and_joined(
    tiny_model: Path, seed_sentences: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    cutting = TransformersEngine(EngineSettings(model=str(tiny_model), beams=1, max_source_tokens=24))
    sentence = max(seed_sentences, key=len)
    assert cutting.count_tokens(sentence) > 3 * 24
    spy = Spy(cutting, monkeypatch)
    (result,) = flatten(cutting.translate([sentence]))
    pieces = split_long_sentence(sentence, cutting.count_tokens, 24)  # in sentence order
    assert sorted(text for batch in spy.batches for text in batch) == sorted(pieces)  # what the model saw
    assert len(pieces) >= 3
    assert all(cutting.count_tokens(p) <= 24 for p in pieces)
    assert " ".join(pieces).split() == sentence.split()
    alone = [flatten(cutting.translate([p]))[0].text for p in pieces]
    assert result.text == " ".join(alone)


def test_token_ids_come_from_vocab_json_not_sentencepiece(
    engine: TransformersEngine, tiny_model: Path
) -> None:
    vocab = json.loads((tiny_model / "vocab.json").read_text(encoding="utf-8"))
    processor = sentencepiece.SentencePieceProcessor(model_file=str(tiny_model / "source.spm"))
    text = "قالت ثلاثة مصادر مطلعة إن مشاركين أميركيين"
    pieces = processor.encode(text, out_type=str)
    ids = engine.encode(text)
    assert ids == [vocab[p] for p in pieces] + [vocab["</s>"]]
    assert ids[:-1] != processor.encode(text)  # the two numberings really differ
    assert vocab["<pad>"] == len(vocab) - 1


def test_invisible_marks_do_not_reach_the_model(
    greedy: TransformersEngine, monkeypatch: pytest.MonkeyPatch
) -> None:
    spy = Spy(greedy, monkeypatch)
    marked, plain = flatten(greedy.translate(["\u200fقـــالت\u200e \u2067المصادر\u2069", "قالت المصادر"]))
    assert spy.batches == [["قالت المصادر", "قالت المصادر"]]
    assert marked.text == plain.text


def test_stopping_iteration_stops_the_work(
    greedy: TransformersEngine, seed_sentences: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    spy = Spy(greedy, monkeypatch)
    stream = greedy.translate(seed_sentences)
    next(stream)
    stream.close()
    assert len(spy.batches) == 1


def test_a_failing_batch_becomes_error_results(
    greedy: TransformersEngine, seed_sentences: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    real = greedy.generate_ids

    def failing_once(texts: list[str]) -> list[list[int]]:
        if not calls:
            calls.append(texts)
            raise RuntimeError("simulated decoder failure")
        return real(texts)

    calls: list[list[str]] = []
    monkeypatch.setattr(greedy, "generate_ids", failing_once)
    results = flatten(greedy.translate(seed_sentences[:8]))
    assert sorted(r.index for r in results) == list(range(8))
    failed = [r for r in results if not r.ok]
    assert len(failed) == 4
    assert all(r.error == "translation failed: simulated decoder failure" for r in failed)


def test_folder_that_is_not_marian_fails_on_load(tmp_path: Path) -> None:
    (tmp_path / "config.json").write_text(json.dumps({"model_type": "t5"}))
    engine = TransformersEngine(EngineSettings(model=str(tmp_path)))
    with pytest.raises(ModelUnavailable, match="is not a MarianMT checkpoint"):
        list(engine.translate(["قال"]))


def test_damaged_weights_are_a_model_error(tiny_model: Path, tmp_path: Path) -> None:
    folder = Path(shutil.copytree(tiny_model, tmp_path / "model"))
    weights = folder / "model.safetensors"
    weights.write_bytes(weights.read_bytes()[:1000])
    with pytest.raises(ModelUnavailable, match=r"^could not load model '.*model': ") as info:
        TransformersEngine(EngineSettings(model=str(folder))).load()
    assert "\n" not in str(info.value)


def test_load_reports_progress(tiny_model: Path) -> None:
    reports: list[tuple[str, float | None]] = []
    TransformersEngine(EngineSettings(model=str(tiny_model))).load(lambda m, f: reports.append((m, f)))
    assert reports == [(f"loading {tiny_model}", None), (f"loaded {tiny_model}", 1.0)]


@pytest.mark.parametrize("fixture", ["greedy", "engine"])
def test_the_normal_path_reports_a_score_and_the_cut_at_the_cap(
    fixture: str, request: pytest.FixtureRequest, seed_sentences: list[str]
) -> None:
    """The tiny model never picks </s>: every output runs to its cap, and is flagged so."""
    chosen: TransformersEngine = request.getfixturevalue(fixture)
    results = flatten(chosen.translate(seed_sentences[:5]))
    assert all(r.flags == ("cut",) for r in results)
    assert all(isinstance(r.score, float) and -20.0 < r.score < 0.0 for r in results)


def test_an_output_that_ends_at_eos_is_not_cut_and_scores_its_eos(tiny_model: Path, tmp_path: Path) -> None:
    from safetensors.torch import load_file, save_file

    eager = tmp_path / "eager"
    shutil.copytree(tiny_model, eager)
    weights = load_file(eager / "model.safetensors")
    weights["final_logits_bias"][0, 0] = 50.0  # </s> first, always: an empty, confident output
    save_file(weights, eager / "model.safetensors", metadata={"format": "pt"})
    for beams in (1, 4):
        stopping = TransformersEngine(EngineSettings(model=str(eager), beams=beams))
        (result,) = flatten(stopping.translate(["قال"]))
        assert result.flags == ()
        assert result.score is not None
        assert -0.01 < result.score <= 0.0
