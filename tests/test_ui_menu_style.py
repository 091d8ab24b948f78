"""Right-to-left menus keep shortcuts such as "Ctrl+," whole."""

from __future__ import annotations

from reader.ui.menu_style import ShortcutDirectionStyle, isolate_shortcut


def test_the_shortcut_after_the_tab_is_isolated_left_to_right() -> None:
    assert isolate_shortcut("الإعدادات…\tCtrl+,") == "الإعدادات…\t\u2066Ctrl+,\u2069"
    assert isolate_shortcut("بلا اختصار") == "بلا اختصار"
    once = isolate_shortcut("خروج\tCtrl+Q")
    assert isolate_shortcut(once) == once


def test_the_theme_installs_the_style_over_fusion(qapp) -> None:
    from reader.ui.theme import ThemeKeeper

    keeper = ThemeKeeper(qapp, "light")
    assert isinstance(keeper.menu_style, ShortcutDirectionStyle)
    assert keeper.menu_style.baseStyle().name().lower() == "fusion"
