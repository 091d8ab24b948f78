"""Settings ▸ Window language applies at once: every string the window shows is said again in the
new language and the layout direction flips, without a restart, and back again."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QLineEdit, QMenu, QWidget

from reader.translate.model_location import offline_message
from reader.ui.i18n import remove_ui_language
from reader.ui.settings_dialog import SettingsDialog
from tests.helpers.window import paste_and_wait
from tests.test_ui_aids_i18n import untranslated


@pytest.fixture
def english_afterwards(qapp) -> Iterator[None]:
    yield
    remove_ui_language(qapp)


def choose_language(qtbot, window, ui_settings, code: str) -> None:  # type: ignore[no-untyped-def]
    dialog = SettingsDialog(ui_settings, window, bundled_fonts=(window.fonts.arabic, window.fonts.english))
    qtbot.addWidget(dialog)
    dialog.reading.language.setCurrentIndex(dialog.reading.language.findData(code))
    window.apply_settings(dialog)


def shown_strings(window: QWidget) -> dict[str, str]:
    """Every UI string the window keeps on its widgets, menus and actions, by where it is."""
    data = {window.strip.arabic, window.strip.english, window.banner.detail, window.strip.heading}
    found: dict[str, str] = {"title": window.windowTitle()}
    for widget in window.findChildren(QWidget):
        if widget.window() is not window and not isinstance(widget, QMenu):  # a dialog of its own
            continue
        name = f"{type(widget).__name__}:{widget.objectName()}"
        if isinstance(widget, QLabel) and widget not in data:
            found[f"{name}:{id(widget)}"] = widget.text()
        elif isinstance(widget, QAbstractButton):
            found[f"{name}:{id(widget)}"] = widget.text() + " " + widget.toolTip()
        elif isinstance(widget, QLineEdit):
            found[f"{name}:{id(widget)}"] = widget.placeholderText()
        elif isinstance(widget, QMenu) and widget is not window.menus.recent_menu:
            found[f"menu:{id(widget)}"] = widget.title()
    for key, action in window.actions_.items():
        found[f"action:{key}"] = action.text()
    found["dock"] = window.contents_dock.windowTitle()
    return {key: text for key, text in found.items() if text.strip()}


def test_the_window_language_switches_live_and_back(
    qtbot, make_window, ui_settings, english_afterwards
) -> None:
    window = make_window()
    paste_and_wait(qtbot, window, "جملة أولى هنا. جملة ثانية هناك.")
    qtbot.waitUntil(lambda: window.document.pending_count == 0 and not window.controller.is_running)
    window.view.select_row(0)
    window.banner.show_unavailable("x/y", offline_message("x/y"))
    window.aids.open_find()
    english = shown_strings(window)
    assert window.actions_["open"].text() == "&Open…"

    choose_language(qtbot, window, ui_settings, "ar")
    qtbot.waitUntil(lambda: window.actions_["open"].text() != "&Open…")
    assert QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert window.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert window.dockWidgetArea(window.contents_dock) == Qt.DockWidgetArea.RightDockWidgetArea
    arabic = shown_strings(window)
    data = {"title", f"QLabel::{id(window.translation_status.model_label)}"}  # a name, a model id
    leftovers = {key: text for key, text in arabic.items() if untranslated(text) and key not in data}
    assert leftovers == {}, leftovers
    assert window.windowTitle().endswith("القارئ ثنائي اللغة")
    assert window.reading.header.left_title.text() in {"العربية", "الإنجليزية"}

    choose_language(qtbot, window, ui_settings, "en")
    qtbot.waitUntil(lambda: window.actions_["open"].text() == "&Open…")
    assert window.layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert window.dockWidgetArea(window.contents_dock) == Qt.DockWidgetArea.LeftDockWidgetArea
    back = shown_strings(window)
    assert {k: (english.get(k), v) for k, v in back.items() if english.get(k) != v} == {}
