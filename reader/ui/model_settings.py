"""Which model and engine the window translates with, and when a settings change retranslates.

The Settings dialog, the banner's "Choose model folder…" and a ``--model`` override all end in
one :class:`EngineSettings` handed to the controller; the rule for when that redoes the work
(only what changes the translations themselves) lives here, next to the override's.
"""

from __future__ import annotations

import contextlib
import dataclasses
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt

from reader.models.registry import remember_folder
from reader.translate.protocol import EngineSettings
from reader.ui.settings import AppSettings
from reader.ui.settings_dialog import SettingsDialog

if TYPE_CHECKING:
    from reader.ui.main_window import MainWindow


def output_fields(settings: EngineSettings) -> tuple[object, ...]:
    """The settings that change the translations themselves (batch size only changes speed)."""
    return (settings.model, settings.engine, settings.quantization, settings.beams)


def window_engine_settings(settings: AppSettings, model_override: str | None) -> EngineSettings:
    """The saved engine settings with alignment on (word hover) and ``--model`` over the saved model."""
    chosen = dataclasses.replace(settings.engine_settings(), alignment=True)
    if model_override:
        chosen = dataclasses.replace(chosen, model=model_override)
    return chosen


class ModelSettings(QObject):
    """The Settings dialog and the model folder choice, applied to a :class:`MainWindow`."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        window.banner.choose_folder_requested.connect(self.choose_model_folder)
        window.banner.settings_requested.connect(self.open_settings)

    def choose_model_folder(self) -> None:
        w = self.window
        folder = w.ask_directory(w, self.tr("Choose a MarianMT model folder"))
        if folder:
            with contextlib.suppress(OSError):  # Translation ▸ Models… lists it from now on
                remember_folder(Path(folder).absolute())
            w.settings.model = folder
            w.model_override = None
            w.banner.hide()
            w.controller.set_settings(w.engine_settings(), retranslate=False)

    def open_settings(self) -> None:
        w = self.window
        dialog = SettingsDialog(
            w.settings,
            w,
            choose_folder=w.ask_directory,
            model_in_use=w.controller.settings.model,
            bundled_fonts=(w.fonts.arabic, w.fonts.english),
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.apply_settings(dialog))
        dialog.open()

    def apply_settings(self, dialog: SettingsDialog) -> None:
        """Save the dialog; retranslate when what the translator produces would change.

        A ``--model`` override survives OK unless the user changed the saved model itself.
        """
        w = self.window
        saved_model = w.settings.model
        dialog.apply()
        w.aids.apply_reading_settings()
        if w.settings.model != saved_model:
            w.model_override = None
        new, old = w.engine_settings(), w.controller.settings
        if new == old:
            return
        retranslate = output_fields(new) != output_fields(old)
        w.banner.hide()
        w.controller.set_settings(new, retranslate=retranslate)
