"""Choosing the model and the engine from what the user said (flag, environment, default).

The one place that maps ``EngineSettings.engine`` to an engine class, so the CLI, the window
and the cache agree on which engine actually runs. Importing this module is cheap: engine
modules import torch (or ctranslate2) only when a model is loaded.
"""

from __future__ import annotations

import os

from reader.errors import BadInput
from reader.translate.auto_engine import AUTO, AutoEngine, expected_engine
from reader.translate.ct2_convert import QUANTIZATIONS
from reader.translate.ct2_engine import ENGINE_NAME as CT2
from reader.translate.ct2_engine import Ct2Engine, check_quantization, ct2_identity
from reader.translate.protocol import DEFAULT_MODEL, Engine, EngineSettings
from reader.translate.service import TranslationService
from reader.translate.transformers_engine import ENGINE_NAME as TRANSFORMERS
from reader.translate.transformers_engine import TransformersEngine

MODEL_VARIABLE = "BIREADER_MODEL"
ENGINE_CHOICES = (AUTO, CT2, TRANSFORMERS)
QUANTIZATION_CHOICES = QUANTIZATIONS


def model_from_cli_or_env(cli_value: str | None) -> str | None:
    """``--model``, else ``$BIREADER_MODEL`` (blank values ignored), else None."""
    for candidate in (cli_value, os.environ.get(MODEL_VARIABLE)):
        if candidate is not None and candidate.strip():
            return candidate.strip()
    return None


def resolve_model(cli_value: str | None) -> str:
    """The model to use: ``--model``, else ``$BIREADER_MODEL``, else the default opus-mt model."""
    return model_from_cli_or_env(cli_value) or DEFAULT_MODEL


def engine_name(settings: EngineSettings) -> str:
    """The concrete engine ``settings.engine`` stands for; "auto" is the one expected to work.

    (Expected: auto falls back to transformers at load time if CTranslate2 fails there.)
    """
    if settings.engine not in ENGINE_CHOICES:
        raise BadInput(f"unknown engine '{settings.engine}' (choose from {', '.join(ENGINE_CHOICES)})")
    check_quantization(settings.quantization)
    if settings.engine == AUTO:
        return expected_engine()
    return settings.engine


def cache_identity(settings: EngineSettings) -> str:
    """The engine part of the translation cache key before an engine exists (with ct2's quantization)."""
    name = engine_name(settings)
    return ct2_identity(settings.quantization) if name == CT2 else name


def create_engine(settings: EngineSettings) -> Engine:
    """A bare engine (no cache) for ``settings``; it loads its model on first use."""
    engine_name(settings)
    if settings.engine == AUTO:
        return AutoEngine(settings)
    if settings.engine == CT2:
        return Ct2Engine(settings)
    return TransformersEngine(settings)


def create_translator(settings: EngineSettings, *, use_cache: bool = True) -> TranslationService:
    """The translator the app and the commands use: the cache in front of the chosen engine."""
    engine_name(settings)  # reject an unknown engine before anything else happens
    return TranslationService(settings, use_cache=use_cache, engine_factory=create_engine)
