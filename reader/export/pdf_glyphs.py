"""Writing shaped text into the page ourselves: one text object and one ``TJ`` array per piece.

fpdf2 writes shaped text as a ``Tj`` run that restarts (with a new text matrix) at every glyph
HarfBuzz moves: Amiri moves dozens per page, so PDFium and pdf.js see one word as several runs
and print ``رو يترز`` or move pieces of a word about. Here a piece of a line is one ``TJ`` array:
the advances that differ from a glyph's own width and horizontal offsets are numbers inside the
array (the position never jumps), vertical offsets are a text rise (``Ts``), so every reader sees
one unbroken run.

A glyph HarfBuzz moves up or down (a vowel mark onto its letter) is drawn as an outline, and an
ink-less placeholder in the array stands for its text (see :mod:`reader.export.pdf_outlines`).

Each glyph stands for the text HarfBuzz gave its cluster (cluster level 1: marks are their own
clusters). When a cluster has more glyphs than characters (Amiri draws the lam of ``لك`` as a
lam and a connecting stroke), the extra glyphs stand for no text, and the cluster is wrapped in
an ``/ActualText`` span so that readers that honour it (PDFium, MuPDF) take the cluster's text
from there; the others fall back to the font's ToUnicode map (see :mod:`reader.export.fpdf_fixes`).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import uharfbuzz as hb
from fpdf import FPDF
from fpdf.enums import PDFResourceType
from fpdf.fonts import Glyph, TTFFont

from reader.export.pdf_outlines import glyph_outline, inkless_glyph, outline_operators

_SLIVER = 0.01
"""The size of invisible text read elsewhere than it is drawn, as a fraction of its font size."""
_BASELINE_SHIFT = 0.3  # as fpdf2's cell: the baseline sits 0.3 font sizes below the box's middle


@dataclass(frozen=True)
class _Shaped:
    """One glyph in visual order, in thousandths of the font size."""

    code: int
    width: float
    advance: float
    x_offset: float
    y_offset: float
    cluster: int
    space: bool = False  # the glyph of a space (where justification widens the line)
    outline: str | None = None  # a moved glyph's name: drawn as a path, ``code`` is its placeholder


@dataclass(frozen=True)
class Operators:
    """A piece's text operators, and the moved glyphs to fill as outlines: (glyph name, x, y) in
    thousandths of the font size from the piece's origin."""

    text: str
    outlines: tuple[tuple[str, float, float], ...] = ()


def pdf_string(text: str) -> str:
    """A PDF text string in UTF-16BE hex (any text, no escaping needed)."""
    return "<FEFF" + text.encode("utf-16-be").hex().upper() + ">"


def _cluster_texts(text: str, clusters: Sequence[int]) -> dict[int, str]:
    starts = sorted(set(clusters))
    ends = [*starts[1:], len(text)]
    return {start: text[start:end] for start, end in zip(starts, ends, strict=True)}


def shape(
    font: TTFFont, text: str, rtl: bool, *, outlined: bool = False
) -> tuple[list[_Shaped], dict[int, str]]:
    """Glyphs of ``text`` in visual order with their subset codes, and the clusters that need
    ``/ActualText`` (cluster start → its text).

    A cluster's characters go to its glyphs in logical order, one each, the last glyph taking
    what is left; glyphs beyond the characters stand for no text. With ``outlined`` every glyph
    is also to be filled as an outline (for text read somewhere else than where it is drawn, see
    :mod:`reader.export.pdf_number_marks`).
    """
    buffer = hb.Buffer()
    buffer.cluster_level = 1
    buffer.add_str(text)
    buffer.direction = "rtl" if rtl else "ltr"
    if rtl:
        buffer.script, buffer.language = "arab", "ar"
    buffer.guess_segment_properties()
    hb.shape(font.hbfont, buffer, {})
    infos, positions = buffer.glyph_infos, buffer.glyph_positions
    texts = _cluster_texts(text, [info.cluster for info in infos])
    members: dict[int, list[int]] = {}
    order = range(len(infos) - 1, -1, -1) if rtl else range(len(infos))
    for index in order:  # logical order within each cluster
        members.setdefault(infos[index].cluster, []).append(index)
    unicode_of: dict[int, tuple[int, ...]] = {}
    actual: dict[int, str] = {}
    for cluster, indexes in members.items():
        chars = [ord(c) for c in texts[cluster]]
        last = min(len(chars), len(indexes)) - 1  # the last glyph with text takes what is left
        for rank, index in enumerate(indexes):
            unicode_of[index] = (chars[rank],) if rank < last else tuple(chars[rank:]) if rank == last else ()
        if len(indexes) > len(chars):
            actual[cluster] = texts[cluster]
    scale = font.scale
    shaped = []
    for index, (info, position) in enumerate(zip(infos, positions, strict=True)):
        name = font.ttfont.getGlyphName(info.codepoint)
        # A zero-width glyph is declared 1/1000 em wide (and the array steps back by as much):
        # pdf.js measures gaps from the last glyph that had a width, so after a zero-width one
        # (Noto Naskh's alef of lam-alef, a mark) it guessed a word break inside the word.
        width = round(scale * font.ttfont["hmtx"].metrics[name][0]) or 1
        outline = name if position.y_offset or outlined else None
        if outline is None or outlined:
            glyph = Glyph(info.codepoint, unicode_of[index], name, width)
        else:  # drawn as a path; an ink-less glyph of the same width carries its text
            inkless_id, inkless_name = inkless_glyph(font.ttfont)
            glyph = Glyph(inkless_id, unicode_of[index], inkless_name, width)
        code = font.subset.pick_glyph(glyph)
        if code is None:
            continue
        shaped.append(
            _Shaped(
                code,
                width,
                position.x_advance * scale,
                position.x_offset * scale,
                position.y_offset * scale,
                info.cluster,
                texts[info.cluster] == " ",
                outline,
            )
        )
    return shaped, actual


MAX_STEP = 100.0
"""The largest forward move (thousandths of the font size) written as one ``TJ`` number. pypdf
takes a number that moves on by more than 95% of half a space for a word break and adds a
space: a mark moved onto its letter, or a justified line's wider space, is written as several
smaller numbers (the other readers add them up)."""


def _move(array: list[str], shift: float) -> float:
    """Append ``TJ`` numbers that move the pen by ``-shift``; returns the shift they make."""
    steps = max(1, math.ceil(-shift / MAX_STEP)) if shift < 0 else 1
    step = float(f"{shift / steps:.1f}")
    array.append(" ".join([f"{step:.1f}"] * steps))
    return step * steps


def text_operators(
    shaped: Sequence[_Shaped], actual: dict[int, str], size: float, space_extra: float = 0.0
) -> Operators:
    """``TJ`` arrays (split only around ActualText clusters) for the glyphs, and the moved glyphs'
    outlines; ``space_extra`` (thousandths of the font size) widens every space, for justified lines.

    The extra comes after the space glyph: PDFium ignores a gap that follows a space, so it
    invents no second one, and pdf.js reads the wider gap as the space it is."""
    out: list[str] = []
    array: list[str] = []
    outlines: list[tuple[str, float, float]] = []
    at = 0.0  # where the text position is, in thousandths of the font size from the start
    pen = 0.0  # where HarfBuzz puts the next glyph's origin
    open_cluster: int | None = None

    def flush() -> None:
        if array:
            out.append("[" + "".join(array) + "] TJ")
            array.clear()

    for glyph in shaped:
        cluster = glyph.cluster if glyph.cluster in actual else None
        if cluster != open_cluster:
            flush()
            if open_cluster is not None:
                out.append("EMC")
            if cluster is not None:
                out.append(f"/Span <</ActualText {pdf_string(actual[cluster])}>> BDC")
            open_cluster = cluster
        # A moved glyph's placeholder draws nothing, so it stays at the pen: a move onto the mark
        # would be a gap PDFium reads as a space (more than half a space wide).
        x_offset = glyph.x_offset if glyph.outline is None else 0.0
        shift = at - (pen + x_offset)
        if abs(shift) >= 0.05:
            at -= _move(array, shift)
        if glyph.outline is not None:
            outlines.append((glyph.outline, pen + glyph.x_offset, glyph.y_offset))
        array.append(f"<{glyph.code:04X}>")
        at += glyph.width
        pen += glyph.advance
        if glyph.space and space_extra:
            pen += space_extra
    flush()
    if open_cluster is not None:
        out.append("EMC")
    return Operators(" ".join(out), tuple(outlines))


class GlyphWriter:
    """Draws pieces of text into an fpdf2 page with :func:`text_operators`, shaping each distinct
    piece once per font, size and direction."""

    def __init__(self, pdf: FPDF) -> None:
        self.pdf = pdf
        self._operators: dict[tuple[int, float, bool, str, float, bool], Operators] = {}
        self._outlines: dict[tuple[int, str], str] = {}  # (font, glyph name) → path operators

    def draw(
        self,
        text: str,
        *,
        x: float,
        y: float,
        height: float,
        rtl: bool,
        space_extra: float = 0.0,
        ink_x: float | None = None,
    ) -> None:
        """Draw ``text`` in the current font and colour, starting at ``x`` in a box of ``height`` at ``y``;
        ``space_extra`` (mm) widens each space in it (justification). With ``ink_x`` the text is
        read at ``x`` (invisible there) but drawn at ``ink_x`` (as outlines)."""
        pdf = self.pdf
        font = pdf.current_font
        if not isinstance(font, TTFFont):
            raise TypeError("the glyph writer draws TrueType fonts only")
        size = float(pdf.font_size_pt)
        extra = round(space_extra * pdf.k * 1000 / size, 1)  # mm → thousandths of the font size
        outlined = ink_x is not None
        key = (font.i, size, rtl, text, extra, outlined)
        operators = self._operators.get(key)
        if operators is None:
            operators = text_operators(*shape(font, text, rtl, outlined=outlined), size, extra)
            self._operators[key] = operators
        k = pdf.k
        baseline = y + 0.5 * height + _BASELINE_SHIFT * pdf.font_size
        colour = pdf.text_color.serialize().lower() if pdf.text_color is not None else "0 g"
        pdf._resource_catalog.add(PDFResourceType.FONT, font.i, pdf.page)
        left, bottom = x * k, (pdf.h - baseline) * k
        if ink_x is None:
            pdf._out(f"BT {colour} /F{font.i} {size:.2f} Tf {left:.2f} {bottom:.2f} Td {operators.text} ET")
        else:
            # Text read elsewhere than it is drawn is invisible there (render mode 3; q/Q restores
            # it), and set tiny so that it takes no gap from the next word (PDFium makes spaces of
            # gaps). Tiny by size, not by Tz: PDFium measures the next line's distance in the
            # previous object's text space, and a squeezed one hid the line break.
            sliver = size * _SLIVER
            pdf._out(f"q BT 3 Tr /F{font.i} {sliver:.3f} Tf {left:.2f} {bottom:.2f} Td {operators.text} ET Q")
        ink_left = left if ink_x is None else ink_x * k
        for name, glyph_x, glyph_y in operators.outlines:
            path = self._outlines.get((font.i, name))
            if path is None:
                path = self._outlines[(font.i, name)] = glyph_outline(font.ttfont, name)
            at_x, at_y = ink_left + glyph_x * size / 1000, bottom + glyph_y * size / 1000
            pdf._out(outline_operators(path, x=at_x, y=at_y, size=size, colour=colour))
        pdf.current_font_is_set_on_page = False  # our Tf must not fool fpdf2's own bookkeeping


def begin_span(pdf: FPDF, lang: str) -> None:
    """Mark what follows as text in ``lang`` (a BCP 47 tag), for screen readers and extractors."""
    pdf._out(f"/Span <</Lang {pdf_string(lang)}>> BDC")


def end_span(pdf: FPDF) -> None:
    pdf._out("EMC")
