"""The settings dialog: model (hub id or folder), engine, beams, batch size; applied to the translator."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from reader.export import pdf_layout
from reader.translate.factory import ENGINE_CHOICES
from reader.translate.fake import FakeTranslator
from reader.translate.protocol import DEFAULT_MODEL, EngineSettings
from reader.ui.settings import BATCH_MAX, BEAMS_MAX
from reader.ui.settings_dialog import SettingsDialog


def test_the_dialog_shows_and_saves_the_settings(qtbot, ui_settings, tmp_path: Path) -> None:
    dialog = SettingsDialog(ui_settings, choose_folder=lambda _parent, _title: str(tmp_path))
    qtbot.addWidget(dialog)
    assert dialog.model.text() == "Helsinki-NLP/opus-mt-ar-en"
    assert dialog.beams.text() == "Model default"
    dialog._browse()
    dialog.engine.setCurrentIndex(dialog.engine.findData("ct2"))
    dialog.beams.setValue(2)
    dialog.batch_size.setValue(8)
    assert not dialog.justify_arabic.isChecked()  # ragged unless asked for
    dialog.justify_arabic.setChecked(True)
    dialog.apply()
    assert ui_settings.engine_settings() == EngineSettings(
        model=str(tmp_path), engine="ct2", beams=2, batch_size=8
    )
    assert ui_settings.export_justify_arabic is True


def test_the_export_without_diacritics_box_round_trips(qtbot, ui_settings) -> None:
    dialog = SettingsDialog(ui_settings)
    qtbot.addWidget(dialog)
    assert not dialog.export_without_diacritics.isChecked()  # exports keep the marks by default
    dialog.export_without_diacritics.setChecked(True)
    dialog.apply()
    assert ui_settings.export_diacritics is False
    again = SettingsDialog(ui_settings)
    qtbot.addWidget(again)
    assert again.export_without_diacritics.isChecked()


def test_the_choices_are_the_ones_the_engines_and_the_exporter_know(qtbot, ui_settings) -> None:
    dialog = SettingsDialog(ui_settings)
    qtbot.addWidget(dialog)

    def items(combo) -> tuple[str, ...]:
        return tuple(combo.itemData(i) for i in range(combo.count()))

    assert items(dialog.engine) == ENGINE_CHOICES
    assert items(dialog.layout_choice) == tuple(pdf_layout.LAYOUTS)
    assert items(dialog.page_size) == tuple(pdf_layout.PAGE_SIZES)
    assert (dialog.beams.maximum(), dialog.batch_size.maximum()) == (BEAMS_MAX, BATCH_MAX)


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
    assert all(s.translation.startswith("[other/model] ") for s in window.document.segments)
    assert window.settings.model == "other/model"


def test_cancelling_the_dialog_changes_nothing(qtbot, make_window) -> None:
    window = make_window()
    window.actions_["settings"].trigger()
    dialog = window.findChild(SettingsDialog)
    dialog.model.setText("other/model")
    dialog.reject()
    assert window.settings.model == "Helsinki-NLP/opus-mt-ar-en"


def _open_dialog(window) -> SettingsDialog:
    window.actions_["settings"].trigger()
    dialog = window.findChild(SettingsDialog)
    assert dialog is not None
    return dialog


def _click_ok(qtbot, dialog: SettingsDialog) -> None:
    qtbot.mouseClick(
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok),
        Qt.MouseButton.LeftButton,
    )


def test_ok_with_nothing_changed_keeps_the_command_line_model(qtbot, make_window, seed_path) -> None:
    built: list[EngineSettings] = []

    def factory(settings: EngineSettings) -> FakeTranslator:
        built.append(settings)
        return FakeTranslator()

    window = make_window(factory=factory, model_override="cli/model")
    with qtbot.waitSignal(window.controller.finished, timeout=5000):
        window.open_path(seed_path)
    dialog = _open_dialog(window)
    _click_ok(qtbot, dialog)
    assert window.model_override == "cli/model"
    assert window.controller.settings.model == "cli/model"
    assert window.controller.translator is not None  # not retired: nothing changed
    assert [s.model for s in built] == ["cli/model"]
    assert window.settings.model == DEFAULT_MODEL


def test_clearing_the_model_field_goes_back_to_the_default_model(qtbot, make_window, seed_path) -> None:
    built: list[EngineSettings] = []

    def factory(settings: EngineSettings) -> FakeTranslator:
        built.append(settings)
        return FakeTranslator(render=lambda text: f"[{settings.model}] {text}")

    window = make_window(factory=factory)
    window.settings.model = "other/model"
    window.controller.set_settings(window.engine_settings(), retranslate=False)
    with qtbot.waitSignal(window.controller.finished, timeout=5000):
        window.open_path(seed_path)
    dialog = _open_dialog(window)
    dialog.model.clear()
    with qtbot.waitSignal(window.controller.finished, timeout=5000):
        _click_ok(qtbot, dialog)
    assert window.settings.model == DEFAULT_MODEL
    assert [s.model for s in built] == ["other/model", DEFAULT_MODEL]
    assert all(s.translation.startswith(f"[{DEFAULT_MODEL}] ") for s in window.document.segments)


def test_changing_only_the_batch_size_keeps_the_translations(qtbot, make_window, seed_path) -> None:
    built: list[EngineSettings] = []

    def factory(settings: EngineSettings) -> FakeTranslator:
        built.append(settings)
        return FakeTranslator()

    window = make_window(factory=factory)
    with qtbot.waitSignal(window.controller.finished, timeout=5000):
        window.open_path(seed_path)
    before = [s.translation for s in window.document.segments]
    dialog = _open_dialog(window)
    dialog.batch_size.setValue(3)
    with qtbot.assertNotEmitted(window.controller.state_changed, wait=200):
        _click_ok(qtbot, dialog)
    assert window.controller.settings.batch_size == 3
    assert [s.translation for s in window.document.segments] == before


def test_the_dialog_shows_the_model_in_use_and_saves_it_only_if_edited(qtbot, make_window, tmp_path) -> None:
    window = make_window(model_override=str(tmp_path))
    dialog = _open_dialog(window)
    assert dialog.model.text() == str(tmp_path)  # not the saved default
    assert not dialog.model_note.isHidden()
    saved = window.settings.model
    _click_ok(qtbot, dialog)
    assert window.settings.model == saved  # untouched: the override stays an override
    assert window.model_override == str(tmp_path)


def test_the_justify_box_says_it_applies_to_exported_pdfs(qtbot, ui_settings) -> None:
    """Justification is a PDF export setting (EPUB, HTML and the reading view are not justified)."""
    dialog = SettingsDialog(ui_settings)
    qtbot.addWidget(dialog)
    assert dialog.justify_arabic.text() == "Justify the Arabic in exported PDFs (word spacing, no kashida)"
