"""The engine flags shared by ``translate`` and ``export``."""

from __future__ import annotations

import argparse
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

import pytest

from reader.cli import main
from reader.commands import engine_options
from reader.commands.engine_options import add_engine_arguments, settings_from_args, warn_untranslated
from reader.model import SegmentResult
from reader.translate.cache import TranslationCache
from reader.translate.fake import FakeTranslator
from reader.translate.protocol import DEFAULT_MODEL, EngineSettings
from reader.translate.service import TranslationService
from tests.helpers.segmenting import segment_text


def _parse(*argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    add_engine_arguments(parser)
    return parser.parse_args(argv)


def test_defaults_follow_the_model_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    assert settings_from_args(_parse()) == EngineSettings(model=DEFAULT_MODEL)
    monkeypatch.setenv("BIREADER_MODEL", "/models/opus")
    assert settings_from_args(_parse()).model == "/models/opus"
    assert settings_from_args(_parse("--model", "other/id")).model == "other/id"


def test_flags_map_to_settings() -> None:
    args = _parse("--engine", "ct2", "--quantization", "float32", "--beams", "2", "--batch-size", "8")
    assert settings_from_args(args) == EngineSettings(
        model=DEFAULT_MODEL, engine="ct2", quantization="float32", beams=2, batch_size=8
    )


def test_device_flag_maps_to_settings() -> None:
    assert settings_from_args(_parse()).device == "auto"
    assert settings_from_args(_parse("--device", "cpu")).device == "cpu"
    assert settings_from_args(_parse("--device", "cuda")).device == "cuda"


@pytest.mark.parametrize("command", ["translate", "export"])
@pytest.mark.parametrize(
    ("flags", "message"),
    [
        (["--beams", "0"], "argument --beams: expected a number of at least 1, got 0"),
        (["--batch-size", "x"], "argument --batch-size: expected a whole number, got 'x'"),
        (["--engine", "onnx"], "argument --engine: invalid choice: 'onnx'"),
        (["--device", "gpu"], "argument --device: invalid choice: 'gpu'"),
    ],
)
def test_bad_values_exit_2_with_one_line(
    command: str, flags: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    extra = ["-o", "out.pdf"] if command == "export" else []
    assert main([command, "doc.txt", *extra, *flags]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"error: {message}")
    assert err.count("\n") == 1


def test_warn_untranslated_counts_failures_and_gives_the_first_reason(
    capsys: pytest.CaptureFixture[str],
) -> None:
    document = segment_text("جملة أولى. جملة ثانية. جملة ثالثة.")
    first, second, third = document.segments
    document.apply_results(
        [
            SegmentResult(first.id, first.revision, "First."),
            SegmentResult(second.id, second.revision, None, "out of memory"),
            SegmentResult(third.id, third.revision, None, "too long"),
        ]
    )
    warn_untranslated(document, "were skipped")
    assert capsys.readouterr().err == "warning: 2 sentence(s) were skipped: out of memory\n"


def test_warn_untranslated_is_silent_when_all_translated(capsys: pytest.CaptureFixture[str]) -> None:
    document = segment_text("جملة أولى. جملة ثانية.")
    document.apply_results(SegmentResult(s.id, s.revision, "Done.") for s in document.segments)
    warn_untranslated(document, "were skipped")
    assert capsys.readouterr().err == ""


class _StandIn(FakeTranslator):
    """A fake engine filed in the cache under the engine ``--engine transformers`` names."""

    @property
    def cache_identity(self) -> str:
        return "transformers"


def test_translate_asks_the_cache_about_each_sentence_once(
    tiny_model: Path, seed_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The question "must the model load?" and the translation share one cache lookup, whether
    the cache is empty (first run) or holds everything (second run)."""
    asked: list[str] = []
    get_many = TranslationCache.get_many

    def counted(cache: TranslationCache, setup: str, sources: Iterable[str]) -> dict[str, str]:
        wanted = list(dict.fromkeys(sources))  # one question per distinct text, as the cache asks
        asked.extend(wanted)
        return get_many(cache, setup, wanted)

    engines: list[_StandIn] = []

    def fake_engine(_settings: EngineSettings) -> _StandIn:
        engines.append(_StandIn())
        return engines[-1]

    monkeypatch.setattr(TranslationCache, "get_many", counted)
    monkeypatch.setattr(
        engine_options,
        "create_translator",
        lambda settings, use_cache=True: TranslationService(
            settings, use_cache=use_cache, engine_factory=fake_engine
        ),
    )
    texts = {s.text for s in segment_text(seed_path.read_text(encoding="utf-8")).segments}
    argv = ["translate", str(seed_path), "--model", str(tiny_model), "--engine", "transformers"]
    for run in ("empty cache", "full cache"):
        asked.clear()
        assert main([*argv, "--no-library"]) == 0, run
        assert set(asked) == texts, run
        assert max(Counter(asked).values()) == 1, run
        assert "[en] " in capsys.readouterr().out
    assert len(engines) == 1  # the second run never needed the model
