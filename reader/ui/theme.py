"""Light and dark palettes that follow the system, plus the small style sheet for the banner.

Fusion is used everywhere so the palettes look the same on every platform; the reading view
derives its highlight colours from the palette, so it works in both.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from reader.ui.menu_style import shortcut_style
from reader.ui.paths import resource_path


def dark_palette() -> QPalette:
    palette = QPalette()
    roles = {
        QPalette.ColorRole.Window: "#202124",
        QPalette.ColorRole.WindowText: "#e8eaed",
        QPalette.ColorRole.Base: "#1b1c1e",
        QPalette.ColorRole.AlternateBase: "#2a2b2e",
        QPalette.ColorRole.ToolTipBase: "#303134",
        QPalette.ColorRole.ToolTipText: "#e8eaed",
        QPalette.ColorRole.PlaceholderText: "#9aa0a6",
        QPalette.ColorRole.Text: "#e8eaed",
        QPalette.ColorRole.Button: "#2d2e31",
        QPalette.ColorRole.ButtonText: "#e8eaed",
        QPalette.ColorRole.BrightText: "#ff8a80",
        QPalette.ColorRole.Highlight: "#8ab4f8",
        QPalette.ColorRole.HighlightedText: "#202124",
        QPalette.ColorRole.Link: "#8ab4f8",
        QPalette.ColorRole.Mid: "#5f6368",
        QPalette.ColorRole.Dark: "#121314",
        QPalette.ColorRole.Light: "#3c4043",
    }
    for role, colour in roles.items():
        palette.setColor(role, QColor(colour))
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.WindowText, QPalette.ColorRole.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor("#80868b"))
    return palette


def wants_dark(choice: str) -> bool:
    """``choice`` is the user's setting: system | light | dark."""
    if choice in {"light", "dark"}:
        return choice == "dark"
    return QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark


class ThemeKeeper(QObject):
    """Applies the palette now and again whenever the system switches between light and dark."""

    current: ThemeKeeper | None = None

    def __init__(self, app: QApplication, choice: str = "system") -> None:
        super().__init__(app)
        ThemeKeeper.current = self
        self.app = app
        self.choice = choice
        self.style_sheet = resource_path("qss", "reader.qss").read_text(encoding="utf-8")
        self.styled_names = frozenset(re.findall(r"#(\w+)", self.style_sheet))  # what the sheet styles
        app.setStyle("Fusion")  # menus get Fusion with RTL shortcuts kept whole (menu_style.py)
        self.menu_style = shortcut_style()
        QGuiApplication.styleHints().colorSchemeChanged.connect(self._on_scheme_changed)
        self.apply()

    def set_choice(self, choice: str) -> None:
        self.choice = choice
        self.apply()

    def apply(self) -> None:
        palette = dark_palette() if wants_dark(self.choice) else self.app.style().standardPalette()
        self.app.setPalette(palette)
        if self.app.styleSheet() != self.style_sheet:
            self.app.setStyleSheet(self.style_sheet)
        else:
            self._repolish_styled()

    def _repolish_styled(self) -> None:
        """Polish again only the widgets the sheet names, so its palette(...) colours follow the new
        palette. Setting the app-wide sheet again did the same by repolishing every widget of the
        window: 10-30 ms of a frozen window per theme change under Xvfb."""
        for widget in self.app.allWidgets():
            if widget.objectName() in self.styled_names:
                style = widget.style()
                style.unpolish(widget)
                style.polish(widget)
                widget.update()

    def _on_scheme_changed(self, _scheme: Qt.ColorScheme) -> None:
        if self.choice == "system":
            self.apply()
