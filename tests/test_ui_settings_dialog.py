"""The settings dialog: model (hub id or folder), engine, beams, batch size; applied to the translator."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from reader.translate.fake import FakeTranslator
from reader.translate.protocol import EngineSettings
from reader.ui.settings_dialog import SettingsDialog


def test_the_dialog_shows_and_saves_the_settings(qtbot, ui_settings, tmp_path: Path) -> None:
    dialog = SettingsDialog(ui_settings, choose_folder=lambda _parent, _title: str(tmp_path))
    qtbot.addWidget(dialog)
    assert dialog.model.text() == "Helsinki-NLP/opus-mt-ar-en"
    assert dialog.beams.text() == "Model default"
    assert not dialog.engine_changed()
    dialog._browse()
    dialog.engine.setCurrentIndex(dialog.engine.findData("ct2"))
    dialog.beams.setValue(2)
    dialog.batch_size.setValue(8)
    assert dialog.engine_changed()
    dialog.apply()
    assert ui_settings.engine_settings() == EngineSettings(
        model=str(tmp_path), engine="ct2", beams=2, batch_size=8
    )


def test_changing_the_model_in_the_window_retranslates_with_the_new_one(
    qtbot, make_window, seed_path
) -> None:
    built: list[EngineSettings] = []

    def factory(settings: EngineSettings) -> FakeTranslator:
        built.append(settings)
        return FakeTranslator(render=lambda text: f"[{settings.model}] {text}")

    window = make_window(factory=factory)
    with qtbot.waitSignal(window.controller.finished, timeout=5000):
        window.open_path(seed_path)
    window.actions_["settings"].trigger()
    dialog = window.findChild(SettingsDialog)
    assert dialog is not None
    assert dialog.isVisible()
    dialog.model.setText("other/model")
    dialog.batch_size.setValue(5)
    with qtbot.waitSignal(window.controller.finished, timeout=5000):
        qtbot.mouseClick(
            dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok),
            Qt.MouseButton.LeftButton,
        )
    assert [s.model for s in built] == ["Helsinki-NLP/opus-mt-ar-en", "other/model"]
    assert built[-1].batch_size == 5
    assert all(s.translation.startswith("[other/model] ") for s in window.document.sentences)
    assert window.settings.model == "other/model"


def test_cancelling_the_dialog_changes_nothing(qtbot, make_window) -> None:
    window = make_window()
    window.actions_["settings"].trigger()
    dialog = window.findChild(SettingsDialog)
    dialog.model.setText("other/model")
    dialog.reject()
    assert window.settings.model == "Helsinki-NLP/opus-mt-ar-en"
