"""Choosing the model (flag, environment, default) and the engine."""

from __future__ import annotations

import subprocess
import sys

import pytest

from reader.errors import BadInput
from reader.translate.factory import (
    cache_identity,
    create_engine,
    create_translator,
    engine_name,
    resolve_model,
)
from reader.translate.protocol import DEFAULT_MODEL, EngineSettings, Translator
from reader.translate.service import TranslationService
from reader.translate.transformers_engine import TransformersEngine


def test_flag_beats_environment_beats_default(monkeypatch: pytest.MonkeyPatch) -> None:
    assert resolve_model(None) == DEFAULT_MODEL
    monkeypatch.setenv("BIREADER_MODEL", " /models/opus ")
    assert resolve_model(None) == "/models/opus"
    assert resolve_model("org/model") == "org/model"
    assert resolve_model("  ") == "/models/opus"
    monkeypatch.setenv("BIREADER_MODEL", "")
    assert resolve_model(None) == DEFAULT_MODEL


def test_transformers_uses_the_transformers_engine() -> None:
    settings = EngineSettings(engine="transformers")  # auto and ct2: tests/test_translate_auto_engine.py
    assert engine_name(settings) == "transformers"
    assert cache_identity(settings) == "transformers"
    assert isinstance(create_engine(settings), TransformersEngine)


def test_translator_is_the_cache_aware_service() -> None:
    translator = create_translator(EngineSettings(model="org/model"), use_cache=False)
    assert isinstance(translator, TranslationService)
    assert isinstance(translator, Translator)
    assert not translator.use_cache
    assert translator.engine is None  # nothing is loaded until needed


def test_unknown_engine_is_bad_input() -> None:
    with pytest.raises(BadInput, match="unknown engine 'onnx'"):
        create_translator(EngineSettings(engine="onnx"))


def test_importing_the_factory_is_cheap() -> None:
    code = (
        "import sys, reader.translate.factory, reader.commands.translate; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('torch', 'transformers', 'huggingface_hub')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_model_from_cli_or_env_ignores_blank_values(monkeypatch: pytest.MonkeyPatch) -> None:
    from reader.translate.factory import model_from_cli_or_env

    monkeypatch.setenv("BIREADER_MODEL", "   ")
    assert model_from_cli_or_env(None) is None
    assert model_from_cli_or_env("  ") is None
    monkeypatch.setenv("BIREADER_MODEL", " /models/x ")
    assert model_from_cli_or_env(None) == "/models/x"
    assert model_from_cli_or_env("cli/model") == "cli/model"
