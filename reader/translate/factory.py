"""Choosing the model from what the user said (flag, environment, default), and the translator.

The engine a setting stands for is :mod:`reader.translate.engines`' (re-exported here);
:func:`create_translator` puts the translation cache in front of it. Importing this module is
cheap: engine modules import torch (or ctranslate2) only when a model is loaded.
"""

from __future__ import annotations

import os

from reader.translate.engines import ENGINE_CHOICES as ENGINE_CHOICES
from reader.translate.engines import QUANTIZATION_CHOICES as QUANTIZATION_CHOICES
from reader.translate.engines import cache_identity as cache_identity
from reader.translate.engines import create_engine as create_engine
from reader.translate.engines import engine_name
from reader.translate.protocol import DEFAULT_MODEL, EngineSettings
from reader.translate.service import TranslationService

MODEL_VARIABLE = "BIREADER_MODEL"


def model_from_cli_or_env(cli_value: str | None) -> str | None:
    """``--model``, else ``$BIREADER_MODEL`` (blank values ignored), else None."""
    for candidate in (cli_value, os.environ.get(MODEL_VARIABLE)):
        if candidate is not None and candidate.strip():
            return candidate.strip()
    return None


def resolve_model(cli_value: str | None) -> str:
    """The model to use: ``--model``, else ``$BIREADER_MODEL``, else the default opus-mt model."""
    return model_from_cli_or_env(cli_value) or DEFAULT_MODEL


def create_translator(settings: EngineSettings, *, use_cache: bool = True) -> TranslationService:
    """The translator the app and the commands use: the cache in front of the chosen engine."""
    engine_name(settings)  # reject an unknown engine before anything else happens
    return TranslationService(settings, use_cache=use_cache, engine_factory=create_engine)
