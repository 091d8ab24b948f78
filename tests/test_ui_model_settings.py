"""Which engine settings the window uses, and which changes call for translating again."""

from __future__ import annotations

import dataclasses

from reader.translate.protocol import EngineSettings
from reader.ui.model_settings import output_fields, window_engine_settings


def test_the_window_aligns_words_and_a_model_override_wins_over_the_saved_model(ui_settings) -> None:
    ui_settings.model = "/models/saved"
    assert window_engine_settings(ui_settings, None) == EngineSettings(model="/models/saved", alignment=True)
    assert window_engine_settings(ui_settings, "/models/given").model == "/models/given"
    assert window_engine_settings(ui_settings, "").model == "/models/saved"  # a blank --model is none


def test_only_what_changes_the_translations_calls_for_retranslating() -> None:
    base = EngineSettings(model="m")
    assert output_fields(dataclasses.replace(base, batch_size=64)) == output_fields(base)  # speed only
    for change in ({"model": "other"}, {"engine": "ct2"}, {"quantization": "float32"}, {"beams": 2}):
        assert output_fields(dataclasses.replace(base, **change)) != output_fields(base), change
