"""The PDF's typefaces: Noto Naskh Arabic (or Amiri) for Arabic and titles, Noto Serif for English.

The Arabic face was chosen by measurement (tests/benchmarks/bench_pdf_extraction.py). At first
Noto Naskh Arabic gave back more: it positions almost no glyph away from its advance and never
draws one letter as two glyphs, while Amiri, more calligraphic, kerns and inserts connecting
strokes, which several readers broke words at. Since the writer declares glyphs as wide as they
advance and draws moved glyphs and multi-glyph letters as outlines (reader/export/pdf_shaping.py),
both give back the same sentences in all four readers. Noto Naskh stays the default: nothing
changes for those who use it, and it needs few outlines (the seed's PDF: 40 KB against Amiri's
58 KB); Amiri is a choice (``ARABIC_FACES``). Noto Naskh Arabic
(OFL 1.1) ships in ``reader/resources/fonts``.

Noto Serif comes only as a variable font (``fontpkg-noto-serif``, which the window uses). fpdf2
can pin its axes itself, but that takes seconds on every export, and making the static instance
with fontTools took 3-7 s on a first export: the regular instance (wght 400, wdth 100) ships in
``reader/resources/fonts`` instead (OFL 1.1; ``tests/helpers/static_noto_serif.py`` makes it).
"""

from __future__ import annotations

import importlib.resources
from pathlib import Path

from fpdf import FPDF
from fpdf.fonts import TTFFont

from reader.export.faces import ARABIC_FACES as ARABIC_FACES

ARABIC = "arabic"  # the family name the PDF's Arabic face is registered under
LATIN = "notoserif"
DEFAULT_ARABIC_FACE = ARABIC_FACES[0]  # "naskh", chosen by measurement (see the module docstring)
# family → the family that draws what it lacks: Arabic letters in an English translation, the
# Latin punctuation (/ - …) Noto Naskh Arabic has no glyphs for
FALLBACKS = {LATIN: ARABIC, ARABIC: LATIN}


def amiri_file(style: str = "Regular") -> Path:
    """Path of an Amiri face shipped by the ``fontpkg-amiri`` package."""
    return Path(str(importlib.resources.files("fontpkg_amiri") / "files" / f"Amiri-{style}.ttf"))


def naskh_file(style: str = "Regular") -> Path:
    """Path of a Noto Naskh Arabic face shipped in ``reader/resources/fonts``."""
    return Path(
        str(importlib.resources.files("reader") / "resources" / "fonts" / f"NotoNaskhArabic-{style}.ttf")
    )


def arabic_face_file(face: str, style: str = "Regular") -> Path:
    """The file of ``face`` (one of ``ARABIC_FACES``) in ``style`` ("Regular" or "Bold")."""
    if face == "amiri":
        return amiri_file(style)
    if face == "naskh":
        return naskh_file(style)
    raise ValueError(f"unknown Arabic face {face!r} (choose from {', '.join(ARABIC_FACES)})")


def noto_serif_file() -> Path:
    """Path of the static Noto Serif Regular shipped in ``reader/resources/fonts``."""
    return Path(str(importlib.resources.files("reader") / "resources" / "fonts" / "NotoSerif-Regular.ttf"))


def close_fonts(pdf: FPDF) -> None:
    """Close the font files fpdf2 keeps open (it reads them lazily, and closes only fonts it wrote)."""
    for font in pdf.fonts.values():
        if isinstance(font, TTFFont):
            font.close()


def register_fonts(pdf: FPDF, arabic_face: str = DEFAULT_ARABIC_FACE) -> None:
    """Make ``ARABIC`` (``arabic_face``, regular and bold) and ``LATIN`` available on ``pdf``.

    Noto Serif has no Arabic letters: Arabic in an English translation is drawn in the Arabic
    face by :class:`reader.export.pdf_wrap.TextMeasure` (see ``FALLBACKS``).
    """
    pdf.add_font(ARABIC, "", arabic_face_file(arabic_face, "Regular"))
    pdf.add_font(ARABIC, "B", arabic_face_file(arabic_face, "Bold"))
    pdf.add_font(LATIN, "", noto_serif_file())
