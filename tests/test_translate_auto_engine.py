"""``--engine auto``: CTranslate2 when it works, transformers with one warning line when it does not."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import pytest

from reader.errors import BadInput, ModelUnavailable
from reader.translate import auto_engine, ct2_engine
from reader.translate.auto_engine import AutoEngine
from reader.translate.ct2_convert import Ct2Unavailable
from reader.translate.ct2_engine import Ct2Engine
from reader.translate.factory import ENGINE_CHOICES, cache_identity, create_engine, engine_name
from reader.translate.protocol import EngineSettings, Translator
from reader.translate.transformers_engine import TransformersEngine

SENTENCES = ["قالت ثلاثة مصادر مطلعة إن مشاركين اجتمعوا في سويسرا.", "العنوان"]


def auto(model: Path, quantization: str = "int8") -> AutoEngine:
    return AutoEngine(EngineSettings(model=str(model), quantization=quantization, beams=1))


@pytest.mark.slow
@pytest.mark.usefixtures("ct2_converted")
def test_uses_ct2_when_it_works(tiny_model: Path, caplog: pytest.LogCaptureFixture) -> None:
    engine = auto(tiny_model, "float32")
    assert isinstance(engine, Translator)
    assert engine.cache_identity == "ct2-float32"  # expected before loading: ctranslate2 is installed
    results = [r for batch in engine.translate(SENTENCES) for r in batch]
    assert isinstance(engine.engine, Ct2Engine)
    assert engine.cache_identity == "ct2-float32"
    assert engine.description == f"{tiny_model} · ct2 float32"
    assert engine.location is not None
    assert engine.location.folder == tiny_model.resolve()
    assert len(results) == 2
    assert all(r.ok and r.text for r in results)
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING]


def _no_ctranslate2(monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setitem(sys.modules, "ctranslate2", None)
    return "CTranslate2 is not installed"


def _conversion_fails(monkeypatch: pytest.MonkeyPatch) -> str:
    def fail(*_args: object, **_keywords: object) -> Path:
        raise Ct2Unavailable("could not convert 'm' for CTranslate2: disk full")

    monkeypatch.setattr(ct2_engine, "ensure_converted", fail)
    return "could not convert 'm' for CTranslate2: disk full"


@pytest.mark.slow
@pytest.mark.parametrize("breakage", [_no_ctranslate2, _conversion_fails])
def test_falls_back_to_transformers_with_one_warning(
    tiny_model: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture, breakage: object
) -> None:
    reason = breakage(monkeypatch)  # type: ignore[operator]
    engine = auto(tiny_model)
    with caplog.at_level(logging.WARNING, logger="reader"):
        results = [r for batch in engine.translate(SENTENCES) for r in batch]
    assert isinstance(engine.engine, TransformersEngine)
    assert engine.cache_identity == "transformers"  # its output is filed under the engine that made it
    assert len(results) == 2
    assert all(r.ok and r.text for r in results)
    warnings = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    assert len(warnings) == 1
    assert warnings[0].startswith(reason)
    assert warnings[0].endswith("; using the transformers engine instead")


def test_a_missing_model_is_reported_not_hidden_by_a_fallback(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    with pytest.raises(ModelUnavailable, match="does not exist"):
        auto(tmp_path / "nowhere").load()
    (tmp_path / "config.json").write_text('{"model_type": "marian"}', encoding="utf-8")
    with pytest.raises(ModelUnavailable, match="missing source.spm"):
        auto(tmp_path).load()
    assert not caplog.records


def test_expected_identity_without_ctranslate2(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(auto_engine.importlib.util, "find_spec", lambda _name: None)
    settings = EngineSettings(engine="auto")
    assert AutoEngine(settings).cache_identity == "transformers"
    assert engine_name(settings) == "transformers"
    assert cache_identity(settings) == "transformers"


@pytest.mark.parametrize(
    ("engine", "quantization", "name", "identity", "kind"),
    [
        ("auto", "int8", "ct2", "ct2-int8", AutoEngine),
        ("ct2", "int8", "ct2", "ct2-int8", Ct2Engine),
        ("ct2", "float32", "ct2", "ct2-float32", Ct2Engine),
        ("transformers", "int8", "transformers", "transformers", TransformersEngine),
    ],
)
def test_factory_maps_engine_and_quantization(
    engine: str, quantization: str, name: str, identity: str, kind: type
) -> None:
    settings = EngineSettings(engine=engine, quantization=quantization)
    assert engine_name(settings) == name
    assert cache_identity(settings) == identity
    assert isinstance(create_engine(settings), kind)


def test_factory_rejects_an_unknown_quantization() -> None:
    with pytest.raises(BadInput, match="^unknown quantization 'int4'"):
        create_engine(EngineSettings(engine="ct2", quantization="int4"))


def test_every_engine_the_window_offers_is_one_the_factory_builds() -> None:
    from reader.ui.settings import ENGINES

    assert set(ENGINES) == set(ENGINE_CHOICES)
    for engine in ENGINES:
        assert isinstance(create_engine(EngineSettings(engine=engine)), Translator)
