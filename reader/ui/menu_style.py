"""Menus in a right-to-left UI: keep shortcuts such as "Ctrl+," whole.

A menu item's text is "label<TAB>shortcut". Drawn in a right-to-left paragraph, the shortcut's
trailing punctuation takes the paragraph's direction, so "Ctrl+," came out as "+,Ctrl". Wrapping
the shortcut in a left-to-right isolate (U+2066 … U+2069) keeps it in its own order; the label
still reads right to left. Nothing else about the style changes.

Only menus get this style (:func:`with_shortcut_style`); the application's is plain Fusion. As the
application's style it made every widget's every ``drawControl`` (tree items, buttons, splitter
handles, the menu bar) a call into Python and back: about a tenth of the GUI thread's time in a
window resize under Xvfb.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMenu, QProxyStyle, QStyle, QStyleOptionMenuItem

_LRI, _PDI = "\u2066", "\u2069"


def isolate_shortcut(text: str) -> str:
    """The menu text with its shortcut (after the tab) isolated left to right."""
    label, tab, shortcut = text.partition("\t")
    if not tab or not shortcut or shortcut.startswith(_LRI):
        return text
    return f"{label}\t{_LRI}{shortcut}{_PDI}"


class ShortcutDirectionStyle(QProxyStyle):
    """A proxy over the application's style that isolates menu shortcuts in right-to-left menus."""

    def drawControl(self, element, option, painter, widget=None) -> None:  # noqa: N802 - Qt override
        if (
            element == QStyle.ControlElement.CE_MenuItem
            and isinstance(option, QStyleOptionMenuItem)
            and option.direction == Qt.LayoutDirection.RightToLeft
            and "\t" in option.text
        ):
            option = QStyleOptionMenuItem(option)
            option.text = isolate_shortcut(option.text)
        super().drawControl(element, option, painter, widget)


@cache
def shortcut_style() -> ShortcutDirectionStyle:
    """The one instance every menu shares (a widget does not own the style it is given)."""
    return ShortcutDirectionStyle("Fusion")


def with_shortcut_style(menu: QMenu) -> QMenu:
    """*menu*, drawn with :class:`ShortcutDirectionStyle` (its submenus need their own call)."""
    menu.setStyle(shortcut_style())
    return menu
