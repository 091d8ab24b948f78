"""Light and dark palettes; the reading view's colours come from the palette."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtGui import QPalette

from reader.ui.theme import ThemeKeeper, dark_palette, wants_dark


@pytest.fixture
def restore_palette(qapp) -> Iterator[None]:
    palette, style, sheet = qapp.palette(), qapp.style().name(), qapp.styleSheet()
    yield
    qapp.setStyle(style)
    qapp.setPalette(palette)
    qapp.setStyleSheet(sheet)
    ThemeKeeper.current = None


def test_dark_palette_is_dark_with_light_text() -> None:
    palette = dark_palette()
    assert palette.color(QPalette.ColorRole.Base).lightness() < 60
    assert palette.color(QPalette.ColorRole.Text).lightness() > 200


def test_explicit_choices_win_over_the_system(qapp) -> None:
    assert wants_dark("dark")
    assert not wants_dark("light")


def test_the_keeper_applies_and_switches_palettes(qapp, restore_palette) -> None:
    keeper = ThemeKeeper(qapp, "dark")
    assert qapp.palette().color(QPalette.ColorRole.Window).lightness() < 60
    assert "#modelBanner" in qapp.styleSheet()
    keeper.set_choice("light")
    assert qapp.palette().color(QPalette.ColorRole.Window).lightness() > 180
    assert ThemeKeeper.current is keeper


def test_the_theme_menu_switches_and_remembers(qapp, restore_palette, make_window) -> None:
    ThemeKeeper(qapp, "system")
    window = make_window()
    window.actions_["theme_dark"].trigger()
    assert window.settings.theme == "dark"
    assert qapp.palette().color(QPalette.ColorRole.Base).lightness() < 60


def test_the_sheets_palette_colours_follow_a_theme_change(qapp, restore_palette, make_window) -> None:
    """The detail strip's background is the sheet's palette(alternate-base): it must change with the
    theme although the app-wide sheet is no longer set again (only the widgets it names are)."""
    from PySide6.QtWidgets import QWidget

    ThemeKeeper(qapp, "light")
    window = make_window()
    strip = window.findChild(QWidget, "detailStrip")
    strip.show()

    def background() -> str:
        return strip.grab().toImage().pixelColor(3, 3).name()

    light = qapp.palette().color(QPalette.ColorRole.AlternateBase).name()
    assert background() == light
    window.actions_["theme_dark"].trigger()
    assert background() == dark_palette().color(QPalette.ColorRole.AlternateBase).name()
    window.actions_["theme_light"].trigger()
    assert background() == light
