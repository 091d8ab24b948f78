"""A page's characters with boxes → its lines as typed text, decided from geometry, not stream order.

Lines are bands of characters whose vertical centres agree (a small glyph, such as a vowel mark
or a producer's tiny invisible separator, joins the band its centre falls in). A band's glyphs
become pieces (:mod:`reader.formats.pdf_pieces`: letters and ligatures, left to right) with their
vowel marks on them (:mod:`reader.formats.pdf_marks`), split where a gap is wide enough to be a
column gutter, given spaces (:mod:`reader.formats.pdf_spacing`), and read back into logical
order by :func:`reader.formats.pdf_bidi.logical_order` with a right-to-left base for lines whose
strong characters are mostly Arabic (the whole page decides a line that has no evidence of its
own). Clusters a producer gives once per glyph are read once first
(:mod:`reader.formats.pdf_clusters`).
"""

from __future__ import annotations

import bisect
import unicodedata
from dataclasses import dataclass

from reader.formats.arabic_order import fold_presentation_forms
from reader.formats.pdf_bidi import logical_order
from reader.formats.pdf_clusters import one_copy_per_cluster
from reader.formats.pdf_glyphs import Glyph, PageGlyphs, font_size, ink_box
from reader.formats.pdf_marks import Box, attach_marks
from reader.formats.pdf_pieces import Piece, is_mark, pieces_and_marks
from reader.formats.pdf_spacing import space_centres, spaced, writes_spaces

_COLUMN_GAP = 1.6  # of the font size: wider gaps split a band into separate lines (columns)
_SMALL = 0.6  # of the page's median glyph height: smaller glyphs join the band around them


@dataclass(slots=True)
class Line:
    """One line of a page, typed order, with its box (PDF points, origin bottom left)."""

    text: str
    left: float
    right: float
    bottom: float
    top: float
    size: float
    rtl: bool


def page_lines(page: PageGlyphs) -> list[Line]:
    """The page's lines, top to bottom, each in logical order."""
    glyphs = one_copy_per_cluster(page.glyphs)
    if not glyphs:
        return []
    rtl_page = _mostly_rtl(glyphs)
    boxes: dict[int, Box] = {}

    def inks(glyph: Glyph) -> Box:
        if glyph.index not in boxes:
            boxes[glyph.index] = ink_box(page, glyph)
        return boxes[glyph.index]

    runs: list[tuple[list[Piece], list[float], float]] = []
    for band in _bands(glyphs):
        ink = [g for g in band if not g.text.isspace()]
        if not ink:
            continue
        size = max(
            font_size(page, ink[0]), font_size(page, ink[len(ink) // 2]), font_size(page, ink[-1]), 1.0
        )
        centres = space_centres([g for g in band if g.text.isspace()], size)
        pieces, marks = pieces_and_marks(ink, size)
        if marks:
            alone = attach_marks(pieces, marks, inks, size)
            for piece in alone:  # a pause sign between words, in its place
                pieces.insert(bisect.bisect_left([p.center for p in pieces], piece.center), piece)
        runs += [(run, centres, size) for run in _split_columns(pieces, size)]
    spacing = writes_spaces(runs, _word_spaces(glyphs))
    return [_line(run, centres, size, rtl_page, spacing) for run, centres, size in runs]


def _word_spaces(glyphs: list[Glyph]) -> int:
    """Space characters between two characters that are no vowel marks: a word's, not one PDFium
    reads beside a mark LuaTeX drew with an offset."""
    return sum(
        1
        for before, glyph, after in zip(glyphs, glyphs[1:], glyphs[2:], strict=False)
        if glyph.text.isspace() and not (is_mark(before) or is_mark(after) or before.text.isspace())
    )


def _bands(glyphs: list[Glyph]) -> list[list[Glyph]]:
    """Glyphs grouped by baseline, top to bottom, each group in stream order. A band of nothing
    but small glyphs (marks drawn on their own, a producer's tiny invisible separators) joins the
    band whose box holds it."""
    heights = sorted(g.top - g.bottom for g in glyphs)
    typical = heights[len(heights) // 2] or 1.0
    order = sorted(glyphs, key=lambda g: -g.base)
    bands: list[list[Glyph]] = []
    for glyph in order:
        if bands and abs(bands[-1][0].base - glyph.base) < 0.2 * typical:
            bands[-1].append(glyph)
        else:
            bands.append([glyph])
    kept: list[list[Glyph]] = []
    small: list[list[Glyph]] = []
    for band in bands:
        big = any(g.top - g.bottom >= _SMALL * typical and not is_mark(g) for g in band)
        (kept if big else small).append(band)
    boxes = [(min(g.bottom for g in b), max(g.top for g in b)) for b in kept]
    for band in small:
        centre = sum(g.top + g.bottom for g in band) / (2 * len(band))
        if boxes:
            nearest = min(range(len(boxes)), key=lambda k: _distance(boxes[k], centre))
            kept[nearest].extend(band)
        else:
            kept.append(band)
    kept.sort(key=lambda band: -band[0].base)
    return [sorted(band, key=lambda g: g.index) for band in kept]


def _distance(box: tuple[float, float], y: float) -> float:
    return max(box[0] - y, y - box[1], 0.0)


def _split_columns(pieces: list[Piece], size: float) -> list[list[Piece]]:
    runs = [[pieces[0]]] if pieces else []
    for before, piece in zip(pieces, pieces[1:], strict=False):
        if piece.left - before.right > _COLUMN_GAP * size:
            runs.append([piece])
        else:
            runs[-1].append(piece)
    return runs


def _line(pieces: list[Piece], centres: list[float], size: float, rtl_page: bool, spacing: bool) -> Line:
    painted: list[str] = []
    for k, piece in enumerate(pieces):
        if k and spaced(pieces[k - 1], piece, centres, size, spacing):
            painted.append(" ")
        painted.append(fold_presentation_forms(piece.text()))
    rtl = _line_rtl(painted, rtl_page)
    text = " ".join(logical_order(painted, rtl).split())
    glyphs = [g for p in pieces for g in p.glyphs]
    return Line(
        text,
        min(p.left for p in pieces),
        max(p.right for p in pieces),
        min(g.bottom for g in glyphs),
        max(g.top for g in glyphs),
        size,
        rtl,
    )


def _strong(texts: list[str]) -> tuple[int, int]:
    rtl = ltr = 0
    for text in texts:
        for ch in text:
            kind = unicodedata.bidirectional(ch)
            if kind in ("R", "AL"):
                rtl += 1
            elif kind == "L":
                ltr += 1
    return rtl, ltr


def _mostly_rtl(glyphs: list[Glyph]) -> bool:
    rtl, ltr = _strong([g.text for g in glyphs])
    return rtl >= ltr


def _line_rtl(painted: list[str], rtl_page: bool) -> bool:
    """A line's base direction: the page's, unless the line has no strong letter of that kind."""
    rtl, ltr = _strong(painted)
    if rtl_page:
        return rtl > 0 or ltr == 0
    return ltr == 0 and rtl > 0
