"""Writing shaped text into the page ourselves: one text object and one ``TJ`` array per piece.

fpdf2 writes shaped text as a ``Tj`` run that restarts (with a new text matrix) at every glyph
HarfBuzz moves: Amiri moves dozens per page, so PDFium and pdf.js see one word as several runs
and print ``رو يترز`` or move pieces of a word about. Here a piece of a line is one ``TJ`` array:
each glyph is declared as wide as it advances, so the array holds numbers only where a line is
justified or a zero-width glyph steps back, and every reader sees one unbroken run.

Which glyphs stand for which text, and which are drawn as outlines with an ink-less placeholder
in the array instead (a raised vowel mark, a cluster with more glyphs than letters), is
:mod:`reader.export.pdf_shaping`'s business.

The marks of a right-to-left piece's last letter lead its array (visual order), and three readers
misread them there. MuPDF and pdf.js hang a vowel mark on the character read before it, which
for the first glyph of a word is the previous word, the previous line or the title («tً»);
PDFium reads a mark and the «.» or «،» beside it as one left-to-right stretch («مَسَاء.ً»). So
those marks are taken out of the array and written after it, in a text object of their own,
invisible (their ink is the outline), :data:`EDGE_MARK_SHIFT` left of the piece: PDFium,
ordering a line's objects by where they start, reads them before the piece, and a separator
after the word is read between the two (:mod:`reader.export.pdf_number_marks`). pypdf reads the
objects in the file's order. One glyph stands for them all, the font's full stop
(:mod:`reader.export.pdf_stand_ins`): PDFium skips a text object without ink, and put one whose
box floats above the line's (Amiri's tanween and small meem, «أَحَدٌۢ») on a line of its own.
A separator right after such marks («مَسَاءً.») rides in one glyph with them instead (see
:meth:`GlyphWriter.draw`): MuPDF put it, read on its own, on a line of its own. The marks' text
object is a marked-content sequence of its own: pdf.js, which ends a text item there, read
them before the word otherwise («ٍجَمِيل»); and MuPDF is told to read a ``!`` or ``»`` that
follows with them (:mod:`reader.export.pdf_actual_text`).
"""

from __future__ import annotations

import dataclasses
import math
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from fpdf import FPDF
from fpdf.enums import PDFResourceType
from fpdf.fonts import Glyph, TTFFont

from reader.export.pdf_actual_text import begin_item, begin_mupdf_text, end
from reader.export.pdf_outlines import glyph_outline, outline_operators
from reader.export.pdf_shaping import Shaped, shape
from reader.export.pdf_stand_ins import full_stop

_SLIVER = 0.01
"""The size of invisible text read elsewhere than it is drawn, as a fraction of its font size."""
EDGE_MARK_SHIFT = 0.04
"""How far (pt) left of its piece the marks at a right-to-left piece's left edge are read."""
_BASELINE_SHIFT = 0.3  # as fpdf2's cell: the baseline sits 0.3 font sizes below the box's middle


@dataclass(frozen=True)
class Operators:
    """A piece's text operators, and the moved glyphs to fill as outlines: (glyph name, x, y) in
    thousandths of the font size from the piece's origin."""

    text: str
    outlines: tuple[tuple[str, float, float], ...] = ()
    edge_marks: str = ""  # the TJ of the marks at the piece's left edge, written apart
    carried: bool = False  # the last edge mark's glyph also stands for the separator after the piece


@dataclass(frozen=True)
class Drawn:
    """What :meth:`GlyphWriter.draw` did with the text after the piece."""

    carried: bool = False  # the separator rides in the piece's last mark glyph
    told_mupdf: bool = False  # MuPDF reads the text after the piece with its last marks


def pdf_string(text: str) -> str:
    """A PDF text string in UTF-16BE hex (any text, no escaping needed)."""
    return "<FEFF" + text.encode("utf-16-be").hex().upper() + ">"


MAX_STEP = 100.0
"""The largest forward move (thousandths of the font size) written as one ``TJ`` number. pypdf
takes a number that moves on by more than 95% of half a space for a word break and adds a
space: a justified line's wider space is written as several smaller numbers (the other readers
add them up)."""


def _move(array: list[str], shift: float) -> float:
    """Append ``TJ`` numbers that move the pen by ``-shift``; returns the shift they make."""
    steps = max(1, math.ceil(-shift / MAX_STEP)) if shift < 0 else 1
    step = float(f"{shift / steps:.1f}")
    array.append(" ".join([f"{step:.1f}"] * steps))
    return step * steps


def text_operators(
    shaped: Sequence[Shaped],
    size: float,
    space_extra: float = 0.0,
    *,
    edge_marks: bool = False,
    carry: str = "",
    pick: Callable[[Glyph], int | None] | None = None,
    stand_in: Glyph | None = None,
) -> Operators:
    """The ``TJ`` array for the glyphs' codes, and the outlines to fill; ``space_extra``
    (thousandths of the font size) widens every space, for justified lines. With ``edge_marks``
    the marks that lead the array (those of a right-to-left piece's last letter) are written
    apart, each as its own glyph (see the module docstring). With ``carry`` (a separator that
    follows the piece) and ``pick`` (the font subset's), the last of those marks is written as
    a code that stands for the mark and the separator (see :meth:`GlyphWriter.draw`). A piece
    that is a pause sign on a space alone (see ``reader.export.pdf_text._sign_apart``) has its
    sign written apart too. Given ``stand_in`` (a glyph whose ink sits on the baseline, see
    :mod:`reader.export.pdf_stand_ins`), one such glyph stands for all the marks written apart:
    Amiri's pause signs and tanween float high, and PDFium, finding no vertical overlap between
    their box and the line's, put them on a line of their own («ٌ،» before «جَدِيد»).

    The extra comes after the space glyph: PDFium ignores a gap that follows a space, so it
    invents no second one, and pdf.js reads the wider gap as the space it is."""
    array: list[str] = []
    outlines: list[tuple[str, float, float]] = []
    at = 0.0  # where the text position is, in thousandths of the font size from the start
    extra = 0.0  # how far justification has moved this glyph on
    edge: list[Shaped] = []
    first = next((index for index, g in enumerate(shaped) if g.code is not None and not g.mark), None)
    leading = (
        edge_marks
        and first is not None
        # A mark on a space (a Quranic pause sign) stays where it is, unless the piece is that
        # sign alone (see reader.export.pdf_text._sign_apart).
        and (not shaped[first].space or all(g.space or g.mark for g in shaped if g.code is not None))
        and all(g.inked is not None for g in shaped[:first] if g.code is not None)
    )
    for glyph in shaped:
        if leading and glyph.code is not None and not glyph.mark:
            leading = False
        if leading:
            if glyph.code is not None:
                edge.append(glyph)
            if glyph.outline is not None:
                outlines.append((glyph.outline, glyph.ink_x + extra, glyph.ink_y))
            elif glyph.inked == glyph.code and glyph.inked_glyph is not None:  # its ink leaves the array
                outlines.append((glyph.inked_glyph.glyph_name, glyph.ink_x + extra, glyph.ink_y))
            continue
        if glyph.code is not None:
            shift = at - (glyph.x + extra)
            if abs(shift) >= 0.05:
                at -= _move(array, shift)
            array.append(f"<{glyph.code:04X}>")
            at += glyph.width
        if glyph.outline is not None:
            outlines.append((glyph.outline, glyph.ink_x + extra, glyph.ink_y))
        if glyph.space and space_extra:
            extra += space_extra
    codes = [g.inked if g.inked is not None else g.code for g in edge]
    carried = False
    owns = [g.inked_glyph for g in edge if g.inked_glyph is not None]
    if pick is not None and edge and len(owns) == len(edge) and (carry or stand_in is not None):
        # One glyph for all the marks (logical order: the array's is visual) and the separator.
        unicode = tuple(c for own in reversed(owns) for c in _codes(own))
        # The stand-in is declared as narrow as a mark: its box is its ink, on the baseline.
        base = dataclasses.replace(stand_in, glyph_width=1) if stand_in else owns[-1]
        codes = [pick(dataclasses.replace(base, unicode=(*unicode, *map(ord, carry))))]
        carried = bool(carry)
    edge_text = f"[{''.join(f'<{code:04X}>' for code in codes)}] TJ" if edge else ""
    return Operators(f"[{''.join(array)}] TJ" if array else "", tuple(outlines), edge_text, carried)


def _codes(glyph: Glyph) -> tuple[int, ...]:
    return glyph.unicode if isinstance(glyph.unicode, tuple) else (glyph.unicode,)


class GlyphWriter:
    """Draws pieces of text into an fpdf2 page with :func:`text_operators`, shaping each distinct
    piece once per font, size and direction."""

    def __init__(self, pdf: FPDF) -> None:
        self.pdf = pdf
        self._operators: dict[tuple[int, float, bool, str, float, bool, str], Operators] = {}
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
        marks_x: float | None = None,
        carry: str = "",
        read: bool = True,
        hidden: float = 0.0,
        mupdf_text: str | None = None,
        mupdf_after: str = "",
    ) -> Drawn:
        """Draw ``text`` in the current font and colour, starting at ``x`` in a box of ``height`` at ``y``;
        ``space_extra`` (mm) widens each space in it (justification). With ``ink_x`` the text is
        read at ``x`` (invisible there) but drawn at ``ink_x`` (as outlines); with ``read`` false
        as well, it is only drawn (its text is carried elsewhere). The marks that end a
        right-to-left piece are read at ``marks_x`` if given, else just left of it (see the module
        docstring). With ``hidden`` (a fraction of the font size) the text is written invisible
        at that size and nothing is inked (another piece inks it, see :mod:`reader.export.pdf_ayah`).

        ``carry`` is a separator drawn after a right-to-left piece that ends in vowel marks
        («مَسَاءً.»): its text is put in the same glyph as the last of those marks, and True is
        returned when it was (the separator is then drawn with ``read`` false). Read as a glyph of
        its own, MuPDF put it on a line of its own after the marks' text object (a space in the
        copied text), and PDFium read it before the mark; inside the mark's glyph each reader
        reads it right after the mark.

        With ``mupdf_text``, MuPDF reads that (an empty string: nothing) for the piece's text (see
        :mod:`reader.export.pdf_actual_text`); with ``mupdf_after``, the text of the piece after
        this one, MuPDF reads it right after the marks at the piece's end where they are read
        apart, and :attr:`Drawn.told_mupdf` says so (the next piece is then drawn with
        ``mupdf_text=""``)."""
        pdf = self.pdf
        font = pdf.current_font
        if not isinstance(font, TTFFont):
            raise TypeError("the glyph writer draws TrueType fonts only")
        size = float(pdf.font_size_pt)
        extra = round(space_extra * pdf.k * 1000 / size, 1)  # mm → thousandths of the font size
        outlined = ink_x is not None
        key = (font.i, size, rtl, text, extra, outlined, carry)
        operators = self._operators.get(key)
        if operators is None:
            operators = text_operators(
                shape(font, text, rtl, outlined=outlined),
                size,
                extra,
                edge_marks=rtl and not outlined,
                carry=carry,
                pick=font.subset.pick_glyph,
                stand_in=full_stop(font),
            )
            self._operators[key] = operators
        k = pdf.k
        baseline = y + 0.5 * height + _BASELINE_SHIFT * pdf.font_size
        colour = pdf.text_color.serialize().lower() if pdf.text_color is not None else "0 g"
        pdf._resource_catalog.add(PDFResourceType.FONT, font.i, pdf.page)
        left, bottom = x * k, (pdf.h - baseline) * k
        told = False
        if mupdf_text is not None:
            begin_mupdf_text(pdf, mupdf_text)
        if hidden:
            small = size * hidden
            pdf._out(f"q BT 3 Tr /F{font.i} {small:.3f} Tf {left:.2f} {bottom:.2f} Td {operators.text} ET Q")
        elif ink_x is None:
            pdf._out(f"BT {colour} /F{font.i} {size:.2f} Tf {left:.2f} {bottom:.2f} Td {operators.text} ET")
            if operators.edge_marks:  # invisible: their ink is an outline (see the module docstring)
                marks_left = left - EDGE_MARK_SHIFT if marks_x is None else marks_x * k
                told = bool(mupdf_after) and not operators.carried and mupdf_text is None
                if told:
                    begin_mupdf_text(pdf, _last_marks(text) + mupdf_after)
                else:
                    begin_item(pdf)
                pdf._out(
                    f"q BT 3 Tr /F{font.i} {size:.2f} Tf {marks_left:.2f} {bottom:.2f} Td {operators.edge_marks} ET Q"
                )
                end(pdf)
        elif read:
            # Text read elsewhere than it is drawn is invisible there (render mode 3; q/Q restores
            # it), and set tiny so that it takes no gap from the next word (PDFium makes spaces of
            # gaps). Tiny by size, not by Tz: PDFium measures the next line's distance in the
            # previous object's text space, and a squeezed one hid the line break.
            sliver = size * _SLIVER
            pdf._out(f"q BT 3 Tr /F{font.i} {sliver:.3f} Tf {left:.2f} {bottom:.2f} Td {operators.text} ET Q")
        if mupdf_text is not None:
            end(pdf)
        if hidden:
            pdf.current_font_is_set_on_page = False
            return Drawn()
        ink_left = left if ink_x is None else ink_x * k
        for name, glyph_x, glyph_y in operators.outlines:
            path = self._outlines.get((font.i, name))
            if path is None:
                path = self._outlines[(font.i, name)] = glyph_outline(font.ttfont, name)
            at_x, at_y = ink_left + glyph_x * size / 1000, bottom + glyph_y * size / 1000
            pdf._out(outline_operators(path, x=at_x, y=at_y, size=size, colour=colour))
        pdf.current_font_is_set_on_page = False  # our Tf must not fool fpdf2's own bookkeeping
        return Drawn(carried=operators.carried, told_mupdf=told)


def _last_marks(text: str) -> str:
    """The vowel marks ``text`` ends with (those of its last letter, in logical order)."""
    kept = len(text)
    while kept and unicodedata.category(text[kept - 1]) in ("Mn", "Me"):
        kept -= 1
    return text[kept:]


def begin_span(pdf: FPDF, lang: str) -> None:
    """Mark what follows as text in ``lang`` (a BCP 47 tag), for screen readers and extractors."""
    pdf._out(f"/Span <</Lang {pdf_string(lang)}>> BDC")


def end_span(pdf: FPDF) -> None:
    pdf._out("EMC")
