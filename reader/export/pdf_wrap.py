"""Shaped text widths and line wrapping, fast enough for book-length exports.

fpdf2's own ``multi_cell`` wrapping re-shapes the growing line after every character, which was
over half of the export time. Shaped widths are additive at spaces (Amiri and Noto Serif do not
kern across a space; see the tests), so a line's width is the sum of its words' widths plus its
spaces, and each distinct word needs shaping only once per font and size.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

from fpdf import FPDF
from fpdf.fonts import TTFFont

from reader.export.pdf_shaping import extent


def set_direction(pdf: FPDF, rtl: bool) -> None:
    """Shape what follows as right-to-left Arabic or as left-to-right text."""
    if rtl:
        pdf.set_text_shaping(use_shaping_engine=True, direction="rtl", script="arab", language="ara")
    else:
        pdf.set_text_shaping(use_shaping_engine=True, direction="ltr")


class TextMeasure:
    """Widths (mm) of shaped strings in the PDF's current font, remembered per font, size and direction.

    ``fallbacks`` maps a family to the one that draws what it lacks: text the family cannot draw
    and the fallback can (Arabic in Noto Serif; the slash or hyphen Noto Naskh Arabic has no glyph
    for) is measured, and drawn (see :meth:`family_for`), in the fallback; :meth:`split_uncovered`
    cuts such characters out of a piece. fpdf2 has fallback fonts of its own, but with text
    shaping they leave the wrong font selected for the next text drawn.
    """

    def __init__(self, pdf: FPDF, fallbacks: dict[str, str] | None = None) -> None:
        self.pdf = pdf
        self.fallbacks = fallbacks or {}
        self._widths: dict[tuple[str, str, float, bool, str], float] = {}
        self._coverage: dict[str, frozenset[int] | None] = {}
        self._families: dict[tuple[str, str, str], str] = {}  # (family, style, text) → family_for

    def _glyphs_of(self, family: str) -> frozenset[int] | None:
        """Code points ``family`` (in the current style if it has it) has glyphs for; None if unknown."""
        key = f"{family}{self.pdf.font_style}".lower()
        if key not in self.pdf.fonts:
            key = family.lower()
        if key not in self._coverage:
            font = self.pdf.fonts.get(key)
            glyph_ids = getattr(font, "glyph_ids", None)
            self._coverage[key] = frozenset(glyph_ids) if isinstance(glyph_ids, dict) else None
        return self._coverage[key]

    def covers(self, family: str, char: str) -> bool:
        glyphs = self._glyphs_of(family)
        return glyphs is None or char.isspace() or ord(char) in glyphs

    def family_for(self, text: str, family: str | None = None) -> str:
        """The family ``text`` is drawn in when ``family`` (by default the current one) is selected."""
        family = str(self.pdf.font_family) if family is None else family
        key = (family, str(self.pdf.font_style), text)
        known = self._families.get(key)
        if known is None:  # a book repeats its pieces: each is checked once (it was most of the export)
            known = self._families[key] = self._family_for(text, family)
        return known

    def _family_for(self, text: str, family: str) -> str:
        fallback = self.fallbacks.get(family)
        if fallback is None or all(self.covers(family, c) for c in text):
            return family
        return fallback if all(self.covers(fallback, c) for c in text) else family

    def split_uncovered(self, text: str) -> list[str]:
        """``text`` cut so that the characters its family cannot draw (and its fallback can) stand
        apart: ``نوفمبر/تشرين`` → ``نوفمبر``, ``/``, ``تشرين``."""
        family = self.family_for(text)
        fallback = self.fallbacks.get(family)
        if fallback is None or all(self.covers(family, c) for c in text):
            return [text]
        parts: list[str] = []
        previous: bool | None = None
        for char in text:
            borrowed = not self.covers(family, char) and self.covers(fallback, char)
            if borrowed == previous:
                parts[-1] += char
            else:
                parts.append(char)
            previous = borrowed
        return [piece for part in parts for piece in _edges_apart(part)]

    def use_family(self, family: str) -> None:
        """Select ``family`` at the current size (in the current style if it has one)."""
        style = self.pdf.font_style if f"{family}{self.pdf.font_style}".lower() in self.pdf.fonts else ""
        self.pdf.set_font(family, style, self.pdf.font_size_pt)

    @contextlib.contextmanager
    def family_selected(self, family: str) -> Iterator[None]:
        """Inside the block ``family`` is selected (see :meth:`use_family`); after it, the font before."""
        pdf = self.pdf
        current = (str(pdf.font_family), str(pdf.font_style), float(pdf.font_size_pt))
        if family == current[0]:
            yield
            return
        self.use_family(family)
        try:
            yield
        finally:
            pdf.set_font(*current)

    def width(self, text: str, rtl: bool) -> float:
        pdf = self.pdf
        family = self.family_for(text)
        key = (family, pdf.font_style, pdf.font_size_pt, rtl, text)
        known = self._widths.get(key)
        if known is None:
            with self.family_selected(family):
                set_direction(pdf, rtl)
                known = self._widths[key] = float(pdf.get_string_width(text))
        return known

    def reach(self, text: str, rtl: bool) -> float:
        """How far (mm) ``text`` reaches, ink included (see :func:`~reader.export.pdf_shaping.extent`)."""
        with self.family_selected(self.family_for(text)):
            font = self.pdf.current_font
            if not isinstance(font, TTFFont):
                return self.width(text, rtl)
            return extent(font, text, rtl) * float(self.pdf.font_size) / 1000


def _edges_apart(part: str) -> list[str]:
    """Spaces at the edges of a part stand alone (where a reader puts a glyph run's edge space
    depends on the run's direction; alone, it is read where it is drawn)."""
    core = part.strip()
    if not core:
        return list(part)
    start = part.index(core)
    return [*part[:start], core, *part[start + len(core) :]]


def wrap(measure: TextMeasure, text: str, width: float, rtl: bool) -> list[str]:
    """Break ``text`` at spaces into lines no wider than ``width``; never returns an empty list.

    Whitespace runs become single spaces. A word wider than a whole line is cut where it must be.
    """
    words = text.split()
    if not words:
        return [""]
    space = measure.width(" ", rtl)
    lines: list[str] = []
    current: list[str] = []
    used = 0.0
    for word in words:
        word_width = measure.width(word, rtl)
        if current and used + space + word_width > width:
            lines.append(" ".join(current))
            current, used = [], 0.0
        if not current and word_width > width:
            *full, word = _cut_word(measure, word, width, rtl)
            lines.extend(full)
            word_width = measure.width(word, rtl)
        used = word_width if not current else used + space + word_width
        current.append(word)
    lines.append(" ".join(current))
    return lines


def _cut_word(measure: TextMeasure, word: str, width: float, rtl: bool) -> list[str]:
    """Cut an over-long word (a URL, say) into line-sized chunks, at least one character each."""
    chunks: list[str] = []
    start = 0
    while start < len(word):
        end = start + 1
        while end < len(word) and measure.width(word[start : end + 1], rtl) <= width:
            end += 1
        chunks.append(word[start:end])
        start = end
    return chunks


def without_widow(measure: TextMeasure, lines: list[str], width: float, rtl: bool) -> list[str]:
    """``lines`` with a lone last word joined by the word before it, when that still fits.

    A paragraph ending in a one-word line looks broken; taking one word down from a line of three
    or more leaves both lines full enough.
    """
    if len(lines) < 2:
        return lines
    before, last = lines[-2].split(" "), lines[-1].split(" ")
    if len(last) != 1 or len(before) < 3:
        return lines
    joined = measure.width(before[-1], rtl) + measure.width(" ", rtl) + measure.width(last[0], rtl)
    if joined > width:
        return lines
    return [*lines[:-2], " ".join(before[:-1]), f"{before[-1]} {last[0]}"]
