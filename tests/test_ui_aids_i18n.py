"""The Arabic UI shows every string of the find bar, read aloud, reading settings and banner in Arabic."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from reader.translate.model_location import offline_message
from reader.ui.i18n import install_ui_language, remove_ui_language
from reader.ui.settings_dialog import SettingsDialog
from tests.helpers.window import paste_and_wait

LATIN_WORD = re.compile(r"[A-Za-z0-9]{3,}")
ALLOWED = {
    "Amiri",
    "Shift",
    "Enter",
    "Esc",
    "espeak",
    "PySide6",
    "Addons",
    "speech",
    "dispatcher",
    "MarianMT",
    "English",
}


def untranslated(text: str) -> list[str]:
    """Latin words left in a UI string (names of programs and keys are allowed)."""
    return [w for w in LATIN_WORD.findall(text.replace("&", "")) if w not in ALLOWED]


@pytest.fixture
def arabic_ui(qapp) -> Iterator[None]:
    install_ui_language(qapp, "ar")
    yield
    remove_ui_language(qapp)


def test_every_new_string_is_arabic(qtbot, arabic_ui, make_window, ui_settings) -> None:
    window = make_window()
    window.controller.set_document = lambda _document: None
    paste_and_wait(qtbot, window, "جملة أولى. جملة ثانية.")
    bar = window.aids.find_bar
    window.aids.open_find()
    qtbot.waitUntil(lambda: bar.ready)
    bar.field.setText("لا يوجد")
    texts = [
        bar.field.placeholderText(),
        bar.count.text(),
        bar.next_button.toolTip(),
        bar.previous_button.toolTip(),
    ]
    bar.field.setText("جملة")
    texts.append(bar.count.text())
    for name in (
        "find",
        "find_next",
        "find_previous",
        "diacritics",
        "read_arabic",
        "read_english",
        "stop_reading",
    ):
        texts.append(window.actions_[name].text())
    window.aids.read_aloud.use_detector(lambda _parent: None)
    window.view.select_row(0)
    texts.append(window.actions_["read_arabic"].toolTip())
    window.banner.show_unavailable("m", offline_message("m"))
    texts.append(window.banner.window_wording("use --model PATH to a local MarianMT folder"))
    dialog = SettingsDialog(ui_settings, window)
    qtbot.addWidget(dialog)
    form = dialog.reading
    texts += [
        form.theme.itemText(0),
        form.theme.itemText(1),
        form.arabic_font.itemText(0),
        dialog.export_without_diacritics.text(),
    ]
    texts += [
        form.layout().labelForField(field).text() for field in (form.language, form.theme, form.spacing)
    ]
    assert all(texts)
    assert texts[4] == "1 من 2"
    leftovers = {text: untranslated(text) for text in texts if untranslated(text)}
    assert not leftovers
