"""Reading settings: language, theme, faces, sizes and line spacing round-trip and apply at once;
the offline banner speaks the window's language, not command-line flags."""

from __future__ import annotations

from PySide6.QtCore import QSettings

from reader.translate.model_location import offline_message
from reader.ui.settings import ARABIC_SIZE_DEFAULT, SPACING_DEFAULT, AppSettings
from reader.ui.settings_dialog import SettingsDialog
from tests.helpers.window import paste_and_wait


def reopen(settings: AppSettings) -> AppSettings:
    settings.sync()
    return AppSettings(QSettings(settings.store.fileName(), QSettings.Format.IniFormat))


def test_reading_settings_round_trip(ui_settings: AppSettings) -> None:
    assert ui_settings.arabic_font == ""
    assert ui_settings.arabic_size == ARABIC_SIZE_DEFAULT
    assert ui_settings.line_spacing == SPACING_DEFAULT
    assert ui_settings.show_diacritics
    ui_settings.ui_language = "ar"
    ui_settings.theme = "dark"
    ui_settings.arabic_font = "DejaVu Sans"
    ui_settings.english_font = "DejaVu Serif"
    ui_settings.arabic_size = 21.5
    ui_settings.english_size = 14
    ui_settings.line_spacing = 150
    ui_settings.show_diacritics = False
    again = reopen(ui_settings)
    assert (again.ui_language, again.theme, again.arabic_font, again.english_font) == (
        "ar",
        "dark",
        "DejaVu Sans",
        "DejaVu Serif",
    )
    assert (again.arabic_size, again.english_size, again.line_spacing) == (21.5, 14.0, 150)
    assert again.show_diacritics is False


def test_nonsense_falls_back_to_defaults_or_limits(ui_settings: AppSettings) -> None:
    ui_settings.store.setValue("reading/arabic_size", "huge")
    ui_settings.store.setValue("reading/english_size", "500")
    ui_settings.store.setValue("reading/line_spacing", "nan")
    ui_settings.store.setValue("view/show_diacritics", "maybe")
    again = reopen(ui_settings)
    assert again.arabic_size == ARABIC_SIZE_DEFAULT
    assert again.english_size == 48.0
    assert again.line_spacing == SPACING_DEFAULT
    assert again.show_diacritics is True


def test_the_dialog_saves_reading_choices_and_the_window_applies_them(
    qtbot, make_window, ui_settings
) -> None:
    window = make_window()
    paste_and_wait(qtbot, window, "\n".join(f"جملة رقم {i} في كتاب طويل." for i in range(500)))
    window.view.scroll_to_row(200)
    window.view.viewport().repaint()
    dialog = SettingsDialog(ui_settings, window, bundled_fonts=(window.fonts.arabic, window.fonts.english))
    qtbot.addWidget(dialog)
    form = dialog.reading
    form.language.setCurrentIndex(form.language.findData("ar"))
    form.theme.setCurrentIndex(form.theme.findData("dark"))
    form.arabic_size.setValue(24)
    form.english_size.setValue(15)
    form.spacing.setValue(160)
    before = window.view.layouts.pair(window.document.segment_at(200), "").height
    window.apply_settings(dialog)
    assert (ui_settings.ui_language, ui_settings.theme, ui_settings.line_spacing) == ("ar", "dark", 160)
    assert window.view.layouts.arabic_font.pointSizeF() == 24
    assert window.view.layouts.english_font.pointSizeF() == 15
    assert window.view.layouts.pair(window.document.segment_at(200), "").height > before
    window.view.viewport().repaint()
    assert window.view.top_row() == 200  # the reader stays where they were
    assert window.actions_["theme_dark"].isChecked()


def test_the_offline_banner_names_the_window_button_not_a_flag(make_window) -> None:
    window = make_window()
    window.banner.show_unavailable(
        "Helsinki-NLP/opus-mt-ar-en", offline_message("Helsinki-NLP/opus-mt-ar-en")
    )
    detail = window.banner.detail.text()
    assert "--model" not in detail
    assert "Choose model folder…" in detail


def test_the_arabic_faces_are_the_bundled_naskh_then_fonts_that_cover_arabic(qtbot, ui_settings) -> None:
    from PySide6.QtGui import QFontDatabase

    from reader.ui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(ui_settings, bundled_fonts=("Amiri", "Noto Serif"))
    qtbot.addWidget(dialog)
    faces = dialog.reading.arabic_font
    families = [faces.itemData(i) for i in range(faces.count())]
    assert families[:2] == ["", "Noto Naskh Arabic"]
    assert faces.itemText(1) == "Noto Naskh Arabic (bundled)"
    arabic = QFontDatabase.WritingSystem.Arabic
    assert all(arabic in QFontDatabase.writingSystems(f) for f in families[1:]), families
    assert "Amiri" not in families  # the default, offered once, first
    faces.setCurrentIndex(1)
    dialog.apply()
    assert ui_settings.arabic_font == "Noto Naskh Arabic"


def test_the_model_note_is_not_clipped_when_the_language_changes(qtbot, ui_settings) -> None:
    from reader.ui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(ui_settings, model_in_use="/a/folder/given/on/the/command/line")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    note = dialog.model_note
    assert note.height() >= note.heightForWidth(note.width())
    language = dialog.reading.language
    language.setCurrentIndex(language.findData("ar" if ui_settings.ui_language != "ar" else "en"))
    qtbot.waitUntil(lambda: note.height() >= note.heightForWidth(note.width()), timeout=2000)
