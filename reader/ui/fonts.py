"""The two reading faces: Amiri (a Naskh) for Arabic, Noto Serif for English, registered at start-up.

The fonts come from the ``fontpkg-amiri`` and ``fontpkg-noto-serif`` packages so the window looks
the same on every machine, whatever the system has installed. If a file is missing we fall back
to the system's serif rather than refuse to start: a reader with a plainer font beats no reader.
"""

from __future__ import annotations

import functools
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
NASKH_FILES = ("NotoNaskhArabic-Regular.ttf", "NotoNaskhArabic-Bold.ttf")  # bundled for the PDF too


@functools.cache
def register_naskh() -> str:
    """Register the bundled Noto Naskh Arabic (the PDF's face) so Settings can offer it; its
    family name, or "" when the files are missing."""
    from reader.ui.paths import resource_path

    family = ""
    for name in NASKH_FILES:
        font_id = QFontDatabase.addApplicationFont(str(resource_path("fonts", name)))
        families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        family = family or (families[0] if families else "")
    return family


def arabic_families(bundled: str) -> list[str]:
    """The faces to offer for Arabic: the bundled Naskh first, then every other installed family
    that covers Arabic (not the Latin-only majority), without *bundled* (the default)."""
    naskh = register_naskh()
    others = sorted(set(QFontDatabase.families(QFontDatabase.WritingSystem.Arabic)) - {bundled, naskh})
    return [f for f in (naskh,) if f and f != bundled] + others


def register_fonts() -> ReadingFonts:
    """Register the bundled faces once per process (needs a QGuiApplication) and name them."""
    global _registered
    if _registered is None:
        _registered = ReadingFonts(
            arabic=_register("fontpkg_amiri", "serif"),
            english=_register("fontpkg_noto_serif", "serif"),
        )
    return _registered
