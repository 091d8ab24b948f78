"""The CTranslate2 engine on the tiny Marian checkpoint: equivalence with transformers, caps, errors, cache key."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from reader.cli import main
from reader.errors import BadInput, ModelUnavailable
from reader.translate.ct2_convert import Ct2Unavailable
from reader.translate.ct2_engine import Ct2Engine
from reader.translate.factory import create_translator
from reader.translate.generation import GenerationOptions, output_cap
from reader.translate.protocol import Engine, EngineSettings, TranslationResult, Translator
from reader.translate.transformers_engine import TransformersEngine, available_cores
from tests.conftest import SEED
from tests.helpers.loading import load_document

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def seed_sentences() -> list[str]:
    return [s.text for s in load_document(SEED).iter_segments()]


def ct2(model: Path, **settings: Any) -> Ct2Engine:
    return Ct2Engine(EngineSettings(model=str(model), engine="ct2", **settings))


def texts(translator: Translator, sentences: list[str]) -> list[str | None]:
    results: list[TranslationResult] = [r for batch in translator.translate(sentences) for r in batch]
    assert sorted(r.index for r in results) == list(range(len(sentences)))
    return [r.text for r in sorted(results, key=lambda r: r.index)]


@pytest.mark.usefixtures("ct2_converted")
def test_loads_the_converted_model_with_the_model_s_own_beam_size(tiny_model: Path) -> None:
    engine = ct2(tiny_model)
    assert isinstance(engine, Translator)
    assert isinstance(engine, Engine)
    assert not engine.loaded  # construction is free
    engine.load()
    assert engine.loaded
    assert engine.location is not None
    assert engine.location.folder == tiny_model.resolve()
    assert engine.beams == 4  # generation_config.json, as the transformers engine reads it
    assert engine.cache_identity == "ct2-int8"
    assert engine.description == f"{tiny_model} · ct2 int8"


@pytest.mark.usefixtures("ct2_converted")
@pytest.mark.parametrize(("quantization", "compute_type"), [("int8", "int8_float32"), ("float32", "float32")])
def test_runs_on_every_core_with_the_chosen_weights(
    tiny_model: Path, monkeypatch: pytest.MonkeyPatch, quantization: str, compute_type: str
) -> None:
    import ctranslate2

    created: list[Any] = []
    real = ctranslate2.Translator

    def spy(*args: Any, **kwargs: Any) -> Any:
        created.append((args, kwargs))
        return real(*args, **kwargs)

    monkeypatch.setattr(ctranslate2, "Translator", spy)
    engine = ct2(tiny_model, quantization=quantization)
    engine.load()
    (_, kwargs), *_ = created
    assert (kwargs["inter_threads"], kwargs["intra_threads"]) == (available_cores(), 1)  # a replica per core
    assert engine._translator.compute_type == compute_type


@pytest.mark.usefixtures("ct2_converted")
@pytest.mark.parametrize(("batch_size", "max_source_tokens"), [(16, 200), (3, 200), (16, 24)])
def test_float32_greedy_equals_the_transformers_engine(
    tiny_model: Path, seed_sentences: list[str], batch_size: int, max_source_tokens: int
) -> None:
    """Same text for every seed sentence: in mixed-length batches, and with long sentences split."""
    settings = EngineSettings(
        model=str(tiny_model), beams=1, batch_size=batch_size, max_source_tokens=max_source_tokens
    )
    reference = texts(TransformersEngine(settings), seed_sentences)
    fast = texts(
        Ct2Engine(EngineSettings(**{**settings.__dict__, "quantization": "float32"})), seed_sentences
    )
    assert all(reference)
    assert fast == reference


@pytest.mark.usefixtures("ct2_converted")
def test_a_batch_over_the_token_budget_is_split_by_ctranslate2_in_order(
    tiny_model: Path, seed_sentences: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from reader.translate import ct2_engine

    whole = texts(ct2(tiny_model, quantization="float32", beams=1), seed_sentences)
    monkeypatch.setattr(ct2_engine, "TOKENS_PER_CALL", 100)  # the seed's sentences are 50-100 tokens each
    assert texts(ct2(tiny_model, quantization="float32", beams=1), seed_sentences) == whole


@pytest.mark.usefixtures("ct2_converted")
@pytest.mark.parametrize("beams", [1, None])
def test_int8_translates_every_sentence(
    tiny_model: Path, seed_sentences: list[str], beams: int | None
) -> None:
    out = texts(ct2(tiny_model, beams=beams), seed_sentences)
    assert len(out) == len(seed_sentences)
    assert all(isinstance(text, str) and text.strip() for text in out)


@pytest.mark.usefixtures("ct2_converted")
def test_each_output_stops_at_its_own_cap_inside_a_mixed_batch(
    tiny_model: Path, seed_sentences: list[str]
) -> None:
    engine = ct2(tiny_model, quantization="float32", beams=1)
    engine.load()
    chosen = sorted(seed_sentences, key=engine.count_tokens)
    chosen = [chosen[0], chosen[-1]]  # the shortest and the longest share one call
    outputs = engine.generate_tokens(chosen)
    # Random weights never pick </s>: every length is the cap, which counts the final </s>.
    assert [len(o) + 1 for o in outputs] == [output_cap(engine.count_tokens(s)) for s in chosen]
    assert len(outputs[0]) < len(outputs[1])


@pytest.mark.usefixtures("ct2_converted")
def test_forced_output_length_for_benchmarks(tiny_model: Path, seed_sentences: list[str]) -> None:
    settings = EngineSettings(model=str(tiny_model), engine="ct2", beams=4)
    engine = Ct2Engine(settings, GenerationOptions(beams=4, forced_output_tokens=7))
    assert [len(o) for o in engine.generate_tokens(seed_sentences[:3])] == [7, 7, 7]


def test_missing_ctranslate2_is_a_ct2_problem(tiny_model: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "ctranslate2", None)  # import fails as if not installed
    with pytest.raises(Ct2Unavailable, match="^CTranslate2 is not installed"):
        ct2(tiny_model).load()


def test_unknown_quantization_is_bad_input(tiny_model: Path) -> None:
    with pytest.raises(BadInput, match=r"^unknown quantization 'fp16' \(choose from int8, float32\)$"):
        ct2(tiny_model, quantization="fp16")


def test_a_missing_model_is_a_model_problem_not_a_ct2_one(tmp_path: Path) -> None:
    with pytest.raises(ModelUnavailable, match="does not exist"):
        ct2(tmp_path / "nowhere").load()
    (tmp_path / "config.json").write_text('{"model_type": "bert"}', encoding="utf-8")
    with pytest.raises(ModelUnavailable, match="not a MarianMT checkpoint") as caught:
        ct2(tmp_path).load()
    assert not isinstance(caught.value, Ct2Unavailable)


@pytest.mark.usefixtures("ct2_converted")
def test_cache_key_includes_engine_and_quantization(tiny_model: Path, seed_sentences: list[str]) -> None:
    def translator(engine: str, quantization: str = "int8") -> Any:
        settings = EngineSettings(model=str(tiny_model), engine=engine, quantization=quantization, beams=1)
        return create_translator(settings)

    first = translator("ct2")
    done = texts(first, seed_sentences[:4])
    first.close()
    again = translator("ct2")
    assert again.cached(seed_sentences[:4]) == dict(enumerate(done))
    for other in (translator("ct2", "float32"), translator("transformers")):
        assert other.cached(seed_sentences[:4]) == {}
        other.close()
    again.close()


@pytest.mark.usefixtures("ct2_converted")
def test_an_opus_mt_layout_imports_neither_torch_nor_transformers(tiny_model: Path) -> None:
    """The int8 engine's memory is the model's (torch is only ever loaded by a converter), and
    importing transformers' tokenizer took 1–12 s before the first English (marian_sp)."""
    code = (
        "import sys; from reader.translate.ct2_engine import Ct2Engine; "
        "from reader.translate.protocol import EngineSettings; "
        f"e = Ct2Engine(EngineSettings(model={str(tiny_model)!r}, beams=1, alignment=True)); "
        "r = [x for b in e.translate(['قالت المصادر إن المحادثات جرت']) for x in b]; "
        "a = e.align([('قالت المصادر', 'The sources said')]); "
        "print(r[0].ok, r[0].alignment is not None, a[0] is not None, "
        "'torch' in sys.modules, 'transformers' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["True", "True", "True", "False", "False"]


@pytest.mark.usefixtures("ct2_converted")
def test_cli_ct2_float32_greedy_prints_what_transformers_prints(
    tiny_model: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    common = ["translate", str(SEED), "--model", str(tiny_model), "--beams", "1", "--no-cache", "--json"]
    assert main([*common, "--engine", "ct2", "--quantization", "float32", "--timings"]) == 0
    fast, errors = capsys.readouterr()
    assert main([*common, "--engine", "transformers"]) == 0
    fast_records, slow_records = json.loads(fast), json.loads(capsys.readouterr().out)
    # The same records, but for the model each rendering names.
    assert {r.pop("model") for r in fast_records} == {f"{tiny_model} · ct2 float32"}
    assert {r.pop("model") for r in slow_records} == {f"{tiny_model} · transformers"}
    # A short sentence batched with longer ones is decoded further by CTranslate2 (one length
    # limit per call) and then cut to its cap: its score covers those extra steps too.
    fast_scores = [r.pop("score") for r in fast_records]
    assert fast_scores == pytest.approx([r.pop("score") for r in slow_records], abs=0.05)
    assert fast_records == slow_records
    (line,) = errors.splitlines()
    assert line.startswith(f"timings: {tiny_model} · ct2 float32: model ready in ")
    assert line.endswith(f"; {len(fast_records)} sentences translated in {line.split()[-2]} s")


@pytest.mark.parametrize("command", ["translate", "export"])
def test_cli_rejects_an_unknown_quantization(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    args = [command, str(SEED), "--quantization", "fp16"] + (["-o", "out.pdf"] if command == "export" else [])
    assert main(args) == 2
    assert capsys.readouterr().err == (
        "error: argument --quantization: invalid choice: 'fp16' (choose from 'int8', 'float32') (see --help)\n"
    )


def test_a_damaged_conversion_is_a_ct2_problem_naming_its_folder(
    tiny_model: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from reader.translate import ct2_engine
    from reader.translate.ct2_convert import CONVERTED_FILES

    damaged = tmp_path / "converted"
    damaged.mkdir()
    for name in CONVERTED_FILES:  # the right file names, garbage inside
        (damaged / name).write_text("garbage", encoding="utf-8")

    def converted(*_args: object, meanwhile: Callable[[], None]) -> Path:
        meanwhile()  # the tokenizer, as the real one loads it while converting
        return damaged

    monkeypatch.setattr(ct2_engine, "ensure_converted", converted)
    with pytest.raises(
        Ct2Unavailable, match=f"^CTranslate2 could not load '{tiny_model}': .*deleting {damaged}"
    ):
        ct2(tiny_model).load()


@pytest.mark.usefixtures("ct2_converted")
@pytest.mark.parametrize("beams", [1, 4])
def test_scores_and_cuts_agree_with_the_transformers_engine(
    tiny_model: Path, seed_sentences: list[str], beams: int
) -> None:
    """One sentence per batch, so CTranslate2 decodes each to its own cap as transformers does."""
    settings = EngineSettings(model=str(tiny_model), beams=beams, batch_size=1)
    chosen = seed_sentences[:4]
    reference = sorted(
        (r for batch in TransformersEngine(settings).translate(chosen) for r in batch), key=lambda r: r.index
    )
    fast_settings = EngineSettings(**{**settings.__dict__, "quantization": "float32"})
    fast = sorted(
        (r for batch in Ct2Engine(fast_settings).translate(chosen) for r in batch), key=lambda r: r.index
    )
    assert [r.flags for r in fast] == [r.flags for r in reference] == [("cut",)] * len(chosen)
    assert all(r.score is not None and s.score is not None for r, s in zip(fast, reference, strict=True))
    # Greedy agrees to 1e-4; at beam 4 the two libraries' repetition masks bend the last digits.
    tolerance = 1e-4 if beams == 1 else 5e-3
    assert [r.score for r in fast] == pytest.approx([r.score for r in reference], abs=tolerance)


@given(
    st.lists(st.tuples(st.integers(1, 200), st.integers(1, 512)), max_size=60),
    st.integers(1, 8),
)
@example(sentences=[(1, 1)] * 25, replicas=6)  # found by hypothesis: 9 buckets of 3 for 6 replicas
def test_length_buckets_cover_every_sentence_once_with_its_own_cap(
    sentences: list[tuple[int, int]], replicas: int
) -> None:
    from reader.translate.ct2_engine import TOKENS_PER_CALL, length_buckets

    lengths = [length for length, _ in sentences]
    limits = [limit for _, limit in sentences]
    buckets = length_buckets(limits, lengths, replicas)
    assert sorted(i for bucket, _ in buckets for i in bucket) == list(range(len(sentences)))
    assert all(cap == max(limits[i] for i in bucket) for bucket, cap in buckets)
    caps = [cap for _, cap in buckets]
    assert caps == sorted(caps)  # shortest first: a bucket never waits on a longer sentence's cap
    assert all(len(bucket) * max(lengths) <= TOKENS_PER_CALL or len(bucket) == 1 for bucket, _ in buckets)
    if len(sentences) >= 4 * replicas and max(lengths, default=1) * 2 <= TOKENS_PER_CALL:
        assert len(buckets) >= 2 * replicas - 1  # every replica has a next bucket to take
