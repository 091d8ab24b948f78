"""Glyphs drawn as filled outlines, their text carried by ink-less placeholders in the array.

Which glyphs, and why, is :mod:`reader.export.pdf_shaping`'s business; the first was the raised
vowel mark. HarfBuzz moves a vowel mark up or down onto its letter. A text
object cannot move one glyph vertically inside a ``TJ`` array, so such a glyph had to be a text
object of its own with a text rise, and PDFium, which sorts a line's text objects by where they
start, put the mark after its letter's whole object: «وغيّر» came back as «ّ وغير».

So a moved glyph is drawn twice over: its outline, as a path, exactly where HarfBuzz put it (a
path is no text to any reader), and an ink-less placeholder glyph inside the piece's ``TJ``
array, on the baseline, that stands for the glyph's text. Every reader then finds the mark in
its word, in the array's order, as it finds an unmoved mark.
"""

from __future__ import annotations

from functools import lru_cache

from fontTools.pens.basePen import BasePen
from fontTools.pens.boundsPen import BoundsPen
from fontTools.ttLib import TTFont

_INKLESS_CANDIDATES = (0x200B, 0x200D, 0x200C, 0x2060, 0x0020)
"""Code points whose glyph draws nothing (zero-width space and joiners first, space last)."""


class _PdfPathPen(BasePen):  # type: ignore[misc]  # fontTools ships no type hints
    """Collects a glyph's outline as PDF path operators, in thousandths of the font size."""

    def __init__(self, glyph_set: object, scale: float) -> None:
        super().__init__(glyph_set)
        self.scale = scale
        self.operators: list[str] = []

    def _point(self, point: tuple[float, float]) -> str:
        return f"{point[0] * self.scale:.2f} {point[1] * self.scale:.2f}"

    def _moveTo(self, point: tuple[float, float]) -> None:
        self.operators.append(f"{self._point(point)} m")

    def _lineTo(self, point: tuple[float, float]) -> None:
        self.operators.append(f"{self._point(point)} l")

    def _curveToOne(
        self, first: tuple[float, float], second: tuple[float, float], end: tuple[float, float]
    ) -> None:
        self.operators.append(f"{self._point(first)} {self._point(second)} {self._point(end)} c")

    def _closePath(self) -> None:
        self.operators.append("h")


def glyph_outline(ttfont: TTFont, glyph_name: str) -> str:
    """The glyph's outline as path operators, in thousandths of the font size ("" if it has no ink)."""
    glyph_set = ttfont.getGlyphSet()
    pen = _PdfPathPen(glyph_set, 1000 / ttfont["head"].unitsPerEm)
    glyph_set[glyph_name].draw(pen)
    return " ".join(pen.operators)


def outline_operators(path: str, *, x: float, y: float, size: float, colour: str) -> str:
    """Operators that fill an outline (from :func:`glyph_outline`) with its origin at (``x``, ``y``)
    in points, at ``size`` points, in ``colour`` (fill-colour operators such as ``0 g``)."""
    if not path:
        return ""
    scale = size / 1000
    return f"q {colour} {scale:.5f} 0 0 {scale:.5f} {x:.2f} {y:.2f} cm {path} f Q"


@lru_cache(maxsize=8)  # one per font of the exports under way; a font is looked through once
def inkless_glyph(ttfont: TTFont) -> tuple[int, str]:
    """The id and name of a glyph of ``ttfont`` that draws nothing, to carry a moved glyph's text."""
    cmap = ttfont.getBestCmap() or {}
    glyph_set = ttfont.getGlyphSet()
    for code in _INKLESS_CANDIDATES:
        name = cmap.get(code)
        if name is not None and not glyph_outline(ttfont, name):
            return ttfont.getGlyphID(name), name
    for name in ttfont.getGlyphOrder()[1:]:  # .notdef draws a box
        if name in glyph_set and not glyph_outline(ttfont, name):
            return ttfont.getGlyphID(name), name
    raise ValueError(f"the font {ttfont} has no glyph without ink")


@lru_cache(maxsize=512)
def ink_right(ttfont: TTFont, glyph_name: str) -> float | None:
    """The right edge of the glyph's ink in font units (None if it has no ink)."""
    glyph_set = ttfont.getGlyphSet()
    pen = BoundsPen(glyph_set)
    glyph_set[glyph_name].draw(pen)
    return None if pen.bounds is None else float(pen.bounds[2])
