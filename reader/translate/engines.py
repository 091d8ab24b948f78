"""Which engine class ``EngineSettings.engine`` stands for, and its part of the cache key.

The one place that maps the setting to an engine, so the CLI, the window and the cache agree on
which engine runs. Cheap to import: engine modules import torch (or ctranslate2) only when a
model loads. (The cache-first service uses it; :mod:`reader.translate.factory` builds the service.)
"""

from __future__ import annotations

from reader.errors import BadInput
from reader.translate.auto_engine import AUTO, AutoEngine, expected_engine
from reader.translate.ct2_convert import QUANTIZATIONS
from reader.translate.ct2_engine import ENGINE_NAME as CT2
from reader.translate.ct2_engine import Ct2Engine, check_quantization, ct2_identity
from reader.translate.protocol import Engine, EngineSettings
from reader.translate.transformers_engine import ENGINE_NAME as TRANSFORMERS
from reader.translate.transformers_engine import TransformersEngine

ENGINE_CHOICES = (AUTO, CT2, TRANSFORMERS)
QUANTIZATION_CHOICES = QUANTIZATIONS


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
