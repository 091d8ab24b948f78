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

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QApplication, QWidget

from reader.models.registry import remember_folder
from reader.translate.protocol import EngineSettings
from reader.ui.banner import ModelBanner
from reader.ui.dialogs import Dialogs
from reader.ui.fonts import ReadingFonts
from reader.ui.i18n import install_ui_language
from reader.ui.settings import AppSettings
from reader.ui.settings_dialog import SettingsDialog
from reader.ui.translation_controller import TranslationController

if TYPE_CHECKING:
    from reader.ui.models_dialog import ModelsDialog


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
    """The Settings dialog, the model folder choice and Translation ▸ Models…, applied to the
    controller. ``model_override`` is ``--model`` until the reader chooses a model themselves.

    Signals: applied() — Settings ▸ OK saved new reading settings (faces, sizes, theme)."""

    applied = Signal()

    def __init__(
        self,
        settings: AppSettings,
        controller: TranslationController,
        banner: ModelBanner,
        fonts: ReadingFonts,
        dialogs: Dialogs,
        parent: QWidget,
        *,
        model_override: str | None = None,
    ) -> None:
        super().__init__(parent)
        self._settings, self._controller, self._banner = settings, controller, banner
        self._fonts, self._dialogs, self._parent = fonts, dialogs, parent
        self.model_override = model_override
        banner.choose_folder_requested.connect(self.choose_model_folder)
        banner.settings_requested.connect(self.open_settings)
        banner.models_requested.connect(self.open_models)

    def engine_settings(self) -> EngineSettings:
        return window_engine_settings(self._settings, self.model_override)

    def choose_model_folder(self) -> None:
        folder = self._dialogs.ask_directory(self._parent, self.tr("Choose a MarianMT model folder"))
        if folder:
            with contextlib.suppress(OSError):  # Translation ▸ Models… lists it from now on
                remember_folder(Path(folder).absolute())
            self._settings.model = folder
            self.model_override = None
            self._banner.hide()
            self._controller.set_settings(self.engine_settings(), retranslate=False)

    def use_model(self, model: str) -> None:
        """Models… ▸ "Use this model": saved, and translated with from now on."""
        self._settings.model = model
        self.model_override = None
        self._banner.hide()
        new, old = self.engine_settings(), self._controller.settings
        if new != old:
            self._controller.set_settings(new, retranslate=output_fields(new) != output_fields(old))

    def open_models(self) -> ModelsDialog:
        """Translation ▸ Models… (and the missing-model banner's button); imported on first use."""
        from reader.ui.models_dialog import ModelsDialog

        dialog = ModelsDialog(
            self._parent,
            current_model=self._controller.settings.model,
            ask_directory=self._dialogs.ask_directory,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.model_chosen.connect(self.use_model)
        dialog.open()
        return dialog

    def open_settings(self) -> None:
        dialog = SettingsDialog(
            self._settings,
            self._parent,
            choose_folder=self._dialogs.ask_directory,
            model_in_use=self._controller.settings.model,
            bundled_fonts=(self._fonts.arabic, self._fonts.english),
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.apply_settings(dialog))
        dialog.open()

    def apply_settings(self, dialog: SettingsDialog) -> None:
        """Save the dialog; retranslate when what the translator produces would change.

        A ``--model`` override survives OK unless the user changed the saved model itself.
        """
        saved_model, saved_language = self._settings.model, self._settings.ui_language
        dialog.apply()
        app = QApplication.instance()
        if self._settings.ui_language != saved_language and isinstance(app, QApplication):
            install_ui_language(app, self._settings.ui_language)  # at once: every part hears LanguageChange
        self.applied.emit()
        if self._settings.model != saved_model:
            self.model_override = None
        new, old = self.engine_settings(), self._controller.settings
        if new == old:
            return
        retranslate = output_fields(new) != output_fields(old)
        self._banner.hide()
        self._controller.set_settings(new, retranslate=retranslate)
