"""The two reading faces: Amiri (a Naskh) for Arabic, Noto Serif for English, registered at start-up.

The fonts come from the ``fontpkg-amiri`` and ``fontpkg-noto-serif`` packages so the window looks
the same on every machine, whatever the system has installed. If a file is missing we fall back
to the system's serif rather than refuse to start: a reader with a plainer font beats no reader.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase

log = logging.getLogger(__name__)

# Point sizes at 100 % zoom. Amiri's letters sit small on their body, so it gets a larger size to
# read at the same apparent size as the English.
ARABIC_POINT_SIZE = 17.0
ENGLISH_POINT_SIZE = 12.5


@dataclass(frozen=True)
class ReadingFonts:
    """Family names actually registered (or the fallbacks used, or the reader's choice) and the
    point sizes at 100 % zoom."""

    arabic: str
    english: str
    arabic_size: float = ARABIC_POINT_SIZE
    english_size: float = ENGLISH_POINT_SIZE

    def arabic_font(self, zoom: int = 100) -> QFont:
        font = QFont(self.arabic)
        font.setPointSizeF(self.arabic_size * zoom / 100)
        return font

    def english_font(self, zoom: int = 100) -> QFont:
        font = QFont()
        # Arabic that stays in the English (an untranslated name, say) falls back to Amiri.
        font.setFamilies([self.english, self.arabic])
        font.setPointSizeF(self.english_size * zoom / 100)
        font.setStyleHint(QFont.StyleHint.Serif)
        return font


def _font_files(package: str) -> list[Path]:
    try:
        folder = resources.files(package) / "files"
    except ModuleNotFoundError:
        return []
    return sorted(
        Path(str(item)) for item in folder.iterdir() if item.name.lower().endswith((".ttf", ".otf"))
    )


def _register(package: str, fallback: str) -> str:
    family = ""
    for path in _font_files(package):
        font_id = QFontDatabase.addApplicationFont(str(path))
        families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        if families and not family:
            family = families[0]
    if not family:
        log.warning("font package %s not found; using %s", package, fallback)
        return fallback
    return family


_registered: ReadingFonts | None = None


def register_fonts() -> ReadingFonts:
    """Register the bundled faces once per process (needs a QGuiApplication) and name them."""
    global _registered
    if _registered is None:
        _registered = ReadingFonts(
            arabic=_register("fontpkg_amiri", "serif"),
            english=_register("fontpkg_noto_serif", "serif"),
        )
    return _registered
