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


def test_only_menus_draw_through_the_python_style(qapp, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """As the application's style the proxy made every drawControl of every widget a call into
    Python (a tenth of a window resize's GUI time); now only menus go through it, and a
    right-to-left menu still isolates its shortcuts."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QKeySequence
    from PySide6.QtWidgets import QMenu, QPushButton, QTreeWidget, QTreeWidgetItem

    import reader.ui.menu_style as menu_style
    from reader.ui.theme import ThemeKeeper

    drawn: list[str] = []
    real = ShortcutDirectionStyle.drawControl

    def spy(self, element, option, painter, widget=None) -> None:  # type: ignore[no-untyped-def]
        drawn.append(type(widget).__name__)
        real(self, element, option, painter, widget)

    isolated: list[str] = []
    monkeypatch.setattr(ShortcutDirectionStyle, "drawControl", spy)
    monkeypatch.setattr(menu_style, "isolate_shortcut", lambda text: isolated.append(text) or text)
    menu_style.shortcut_style.cache_clear()  # an instance made after the spy is in place
    try:
        ThemeKeeper(qapp, "light")
        tree = QTreeWidget()
        tree.addTopLevelItems([QTreeWidgetItem([f"الفصل {i}"]) for i in range(5)])
        for widget in (tree, QPushButton("OK")):
            widget.resize(200, 120)
            widget.grab()
        assert drawn == []
        menu = menu_style.with_shortcut_style(QMenu())
        menu.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        menu.addAction("الإعدادات…").setShortcut(QKeySequence("Ctrl+,"))
        menu.grab()
        assert "QMenu" in drawn
        assert isolated
        assert isolated[0].endswith("\tCtrl+,")
    finally:
        menu_style.shortcut_style.cache_clear()


def test_every_menu_of_the_window_draws_with_the_shortcut_style(make_window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Each menu and submenu of the menu bar is given the style (a child does not inherit it)."""
    from PySide6.QtWidgets import QMenu

    import reader.ui.menu_style as menu_style

    given: list[QMenu] = []
    real = menu_style.with_shortcut_style
    monkeypatch.setattr(menu_style, "with_shortcut_style", lambda menu: given.append(menu) or real(menu))
    import reader.ui.menus as menus

    monkeypatch.setattr(menus, "with_shortcut_style", menu_style.with_shortcut_style)
    window = make_window()
    # (the menu bar's own overflow menu has no title, and lists menus: no shortcuts to keep whole)
    menus_of_window = [m for m in window.menuBar().findChildren(QMenu) if m.title()]
    assert len(menus_of_window) > 5
    assert [m.title() for m in menus_of_window if all(m is not g for g in given)] == []
