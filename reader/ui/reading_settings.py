"""The reading part of Settings: UI language, theme, each language's face and size, line spacing.

Kept apart from the engine settings dialog so each stays one concern; the dialog embeds the form
and calls :meth:`ReadingSettingsForm.apply` when the reader presses OK. The window then applies
the fonts and spacing at once (the anchor keeps the same sentence on top), the theme and the UI
language at once (every part of the window says its strings again and the direction flips).
"""

from __future__ import annotations

from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QComboBox, QDoubleSpinBox, QFormLayout, QHBoxLayout, QSpinBox, QWidget

from reader.ui.fonts import arabic_families, register_naskh
from reader.ui.settings import (
    FONT_SIZE_MAX,
    FONT_SIZE_MIN,
    SPACING_MAX,
    SPACING_MIN,
    THEMES,
    UI_LANGUAGES,
    AppSettings,
)


class ReadingSettingsForm(QWidget):
    """Edits a copy of the reading settings; :meth:`apply` writes them."""

    def __init__(
        self, settings: AppSettings, bundled: tuple[str, str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.language = QComboBox(self)
        names = {"": self.tr("Follow the system"), "en": "English", "ar": "العربية"}
        for code in UI_LANGUAGES:
            self.language.addItem(names[code], code)
        self.language.setCurrentIndex(max(self.language.findData(settings.ui_language), 0))
        self.theme = QComboBox(self)
        themes = {"system": self.tr("Follow the system"), "light": self.tr("Light"), "dark": self.tr("Dark")}
        for key in THEMES:
            self.theme.addItem(themes[key], key)
        self.theme.setCurrentIndex(THEMES.index(settings.theme))
        self.arabic_font, self.arabic_size = self._font_row(
            bundled[0], arabic_families(bundled[0]), settings.arabic_font, settings.arabic_size
        )
        english_families = [f for f in QFontDatabase.families() if f != bundled[1]]
        self.english_font, self.english_size = self._font_row(
            bundled[1], english_families, settings.english_font, settings.english_size
        )
        self.spacing = QSpinBox(self)
        self.spacing.setRange(SPACING_MIN, SPACING_MAX)
        self.spacing.setSingleStep(10)
        self.spacing.setSuffix(" %")
        self.spacing.setValue(settings.line_spacing)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("Window language:"), self.language)
        form.addRow(self.tr("Theme:"), self.theme)
        form.addRow(self.tr("Arabic text:"), self._pair(self.arabic_font, self.arabic_size))
        form.addRow(self.tr("English text:"), self._pair(self.english_font, self.english_size))
        form.addRow(self.tr("Line spacing:"), self.spacing)

    def _font_row(
        self, bundled: str, families: list[str], chosen: str, size: float
    ) -> tuple[QComboBox, QDoubleSpinBox]:
        faces = QComboBox(self)
        faces.addItem(self.tr("{family} (bundled)").format(family=bundled), "")
        naskh = register_naskh()
        for family in families:
            label = self.tr("{family} (bundled)").format(family=family) if family == naskh else family
            faces.addItem(label, family)
        faces.setCurrentIndex(max(faces.findData(chosen), 0))
        faces.setMaxVisibleItems(20)
        points = QDoubleSpinBox(self)
        points.setRange(FONT_SIZE_MIN, FONT_SIZE_MAX)
        points.setSingleStep(0.5)
        points.setDecimals(1)
        points.setSuffix(self.tr(" pt"))
        points.setValue(size)
        return faces, points

    def _pair(self, faces: QComboBox, points: QDoubleSpinBox) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(faces, 1)
        row.addWidget(points)
        return row

    def apply(self) -> None:
        s = self.settings
        s.ui_language = self.language.currentData()
        s.theme = self.theme.currentData()
        s.arabic_font = self.arabic_font.currentData()
        s.arabic_size = self.arabic_size.value()
        s.english_font = self.english_font.currentData()
        s.english_size = self.english_size.value()
        s.line_spacing = self.spacing.value()
