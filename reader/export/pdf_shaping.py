"""Shaping a piece of text into the glyphs the PDF writes, each standing for its own letters.

HarfBuzz shapes at cluster level 1 (a mark is a cluster of its own), and each glyph stands for
the text of its cluster: a cluster's characters go to its glyphs in logical order, one each, the
last glyph taking what is left (a ligature stands for all its letters).

Two kinds of glyph are drawn as outlines (see :mod:`reader.export.pdf_outlines`) while an
ink-less placeholder in the ``TJ`` array stands for their text:

- a glyph HarfBuzz moves up or down (a vowel mark onto its letter): a text rise would need a
  text object of its own, which PDFium reads at the wrong end of the word; and a glyph moved
  sideways (a mark, Amiri's kerning), whose move back and forth inside the array PDFium and
  pdf.js read as a space or a new run;
- every glyph of a cluster with more glyphs than letters (Amiri draws the lam of «لك» as a lam
  and a connecting stroke). A glyph that stands for no text has no right way into a PDF: an
  empty ToUnicode entry is honoured by pypdf only (PDFium, MuPDF and pdf.js print the raw code),
  and MuPDF doubled the letter of an ``/ActualText`` span. So the cluster's letters ride on as
  many placeholders, side by side across the cluster's advance;
- every glyph of a right-to-left cluster with fewer glyphs than letters (Noto Naskh's
  lam-lam-heh in «ٱلله»): PDFium and MuPDF reverse a right-to-left run read in visual order,
  and reversed the letters of one glyph that stands for three with it («ٱهلل»).
"""

from __future__ import annotations

import dataclasses
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

import uharfbuzz as hb
from fpdf.fonts import Glyph, TTFFont

from reader.export.pdf_outlines import ink_right, inkless_glyph


@dataclass(frozen=True)
class Shaped:
    """One glyph in visual order; positions in thousandths of the font size from the piece's start."""

    code: int | None  # written in the TJ array at ``x`` (None: drawn only as an outline)
    width: float  # the declared width of ``code``
    x: float
    space: bool = False  # the glyph of a space (where justification widens the line)
    outline: str | None = None  # the glyph's name when it is drawn as a path, at (ink_x, ink_y)
    ink_x: float = 0.0
    ink_y: float = 0.0
    mark: bool = False  # ``code`` stands for vowel marks only
    inked: int | None = None  # a mark's own glyph, with ink, standing for the same text
    inked_glyph: Glyph | None = None  # what ``inked`` was picked from (to map it to more text)
    picked: Glyph | None = None  # what ``code`` was picked from (to declare it wider)


@dataclass(frozen=True)
class _Glyph:
    name: str
    glyph_id: int
    width: int  # declared: its advance, and 1/1000 em for a zero-width glyph (see _glyphs)
    pen: float
    advance: float
    x_offset: float
    y_offset: float


def _cluster_texts(text: str, clusters: Sequence[int]) -> dict[int, str]:
    starts = sorted(set(clusters))
    ends = [*starts[1:], len(text)]
    return {start: text[start:end] for start, end in zip(starts, ends, strict=True)}


def _glyphs(font: TTFFont, text: str, rtl: bool) -> tuple[list[_Glyph], list[int]]:
    """HarfBuzz's glyphs in visual order, and each one's cluster."""
    buffer = hb.Buffer()
    buffer.cluster_level = 1
    buffer.add_str(text)
    buffer.direction = "rtl" if rtl else "ltr"
    if rtl:
        buffer.script, buffer.language = "arab", "ar"
    buffer.guess_segment_properties()
    hb.shape(font.hbfont, buffer, {})
    scale, pen, glyphs = font.scale, 0.0, []
    for info, position in zip(buffer.glyph_infos, buffer.glyph_positions, strict=True):
        name = font.ttfont.getGlyphName(info.codepoint)
        advance = position.x_advance * scale
        # Declared as wide as HarfBuzz advances it (not the font's own width), so that kerning
        # needs no move in the array: readers take moves for word breaks or new runs. A
        # zero-width glyph is declared 1/1000 em wide (and the array steps back by as much):
        # pdf.js measures gaps from the last glyph that had a width, so after a zero-width one
        # (Noto Naskh's alef of lam-alef, a mark) it guessed a word break inside the word.
        width = round(advance) or 1
        glyphs.append(
            _Glyph(
                name,
                info.codepoint,
                width,
                pen,
                advance,
                position.x_offset * scale,
                position.y_offset * scale,
            )
        )
        pen += advance
    return glyphs, [info.cluster for info in buffer.glyph_infos]


def extent(font: TTFFont, text: str, rtl: bool) -> float:
    """How far (thousandths of the font size) ``text`` reaches from its start: its advance, or
    the right edge of its ink where a glyph draws beyond it (Noto Naskh's end-of-ayah circle
    reaches a whole em past its advance, over the word after it)."""
    glyphs, _clusters = _glyphs(font, text, rtl)
    scale = 1000 / font.ttfont["head"].unitsPerEm
    reach = sum(g.advance for g in glyphs)
    for glyph in glyphs:
        right = ink_right(font.ttfont, glyph.name)
        if right is not None:
            reach = max(reach, glyph.pen + glyph.x_offset + right * scale)
    return reach


def shape(font: TTFFont, text: str, rtl: bool, *, outlined: bool = False) -> list[Shaped]:
    """The glyphs of ``text`` in visual order with their subset codes (see the module docstring).

    With ``outlined`` every glyph is also filled as an outline and keeps its own code (for text
    read somewhere else than where it is drawn, see :mod:`reader.export.pdf_number_marks`).
    """
    glyphs, clusters = _glyphs(font, text, rtl)
    texts = _cluster_texts(text, clusters)
    members: dict[int, list[int]] = {}  # cluster → its glyphs' indexes in logical order
    for index in range(len(glyphs) - 1, -1, -1) if rtl else range(len(glyphs)):
        members.setdefault(clusters[index], []).append(index)
    shaped: list[Shaped] = []
    done: set[int] = set()
    for index, glyph in enumerate(glyphs):
        cluster = clusters[index]
        letters = texts[cluster]
        if _spread(len(members[cluster]), letters, rtl) and not outlined:
            if cluster not in done:
                done.add(cluster)
                spread = _outlined_cluster(font, [glyphs[i] for i in members[cluster]], letters, rtl)
                shaped.extend(
                    _folded(font, shaped, spread) if rtl and all(map(_is_mark, letters)) else spread
                )
            continue
        rank = members[cluster].index(index)
        last = len(members[cluster]) - 1
        unicode = (ord(letters[rank]),) if rank < last else tuple(ord(c) for c in letters[rank:])
        # A glyph moved sideways (a mark onto its letter, Amiri's kerning) would be a move back
        # and forth in the array, which PDFium and pdf.js read as a space or a new run.
        moved = bool(glyph.y_offset or glyph.x_offset) and not outlined
        if moved:  # drawn as a path; an ink-less glyph of the same width carries its text
            picked = _placeholder(font, unicode, glyph.width)
            x = glyph.pen  # not moved onto its letter: a move is a gap PDFium may read as a space
        else:
            picked = Glyph(glyph.glyph_id, unicode, glyph.name, glyph.width)
            x = glyph.pen + glyph.x_offset
        code = font.subset.pick_glyph(picked)
        outline = glyph.name if moved or outlined else None
        ink = (glyph.pen + glyph.x_offset, glyph.y_offset)
        mark = all(map(_is_mark, map(chr, unicode)))
        own = Glyph(glyph.glyph_id, unicode, glyph.name, glyph.width) if mark else None
        inked = font.subset.pick_glyph(own) if mark and moved else (code if mark else None)
        shaped.append(
            Shaped(
                code,
                glyph.width,
                x,
                letters == " ",
                outline,
                *ink,
                mark=mark,
                inked=inked,
                inked_glyph=own,
                picked=picked,
            )
        )
    return shaped


def _placeholder(font: TTFFont, unicode: tuple[int, ...], width: int) -> Glyph:
    inkless_id, inkless_name = inkless_glyph(font.ttfont)
    return Glyph(inkless_id, unicode, inkless_name, width)


def _folded(font: TTFFont, shaped: list[Shaped], spread: list[Shaped]) -> list[Shaped]:
    """A right-to-left cluster of marks only that takes room of its own (Amiri makes room for
    the kasra under «ضِ» in «مَوْضِعِ» with a stroke 371/1000 em long), its advance folded into
    the glyph before it in the array: MuPDF moves its pen for no mark, and read the gap before
    that glyph as a space («مَوْض ِعِ»). The marks are declared 1/1000 em wide, as a zero-width
    glyph is (see :func:`_glyphs`), at the cluster's right edge, beside the letter they belong
    to; the glyph before is declared as much wider. Nothing moves on the page."""
    marks = [g for g in spread if g.code is not None]
    before = next((i for i in range(len(shaped) - 1, -1, -1) if shaped[i].code is not None), None)
    if before is None:
        return spread
    neighbour = shaped[before]
    if not marks or neighbour.mark or neighbour.picked is None:
        return spread
    right = max(g.x + g.width for g in marks)
    if right - min(g.x for g in marks) <= len(marks):  # no room of its own (1/1000 em a mark)
        return spread
    width = round(right - 1 - neighbour.x)
    if width <= neighbour.width:
        return spread
    wider = dataclasses.replace(neighbour.picked, glyph_width=width)
    shaped[before] = dataclasses.replace(
        neighbour, code=font.subset.pick_glyph(wider), width=width, picked=wider
    )
    narrow = []
    for glyph in spread:
        if glyph.code is None or glyph.picked is None:
            narrow.append(glyph)
            continue
        picked = dataclasses.replace(glyph.picked, glyph_width=1)
        code = font.subset.pick_glyph(picked)
        narrow.append(dataclasses.replace(glyph, code=code, width=1, x=right - 1, picked=picked))
    return narrow


def _is_mark(char: str) -> bool:
    return unicodedata.category(char) in ("Mn", "Me")


def _spread(glyph_count: int, letters: str, rtl: bool) -> bool:
    """Whether a cluster's letters are spread over placeholders: it has more glyphs than letters,
    or fewer glyphs than characters and is right to left or has marks. Noto Naskh draws «ٱللَّهِ»
    with a lam-lam-heh ligature and one shadda-fatha glyph for «للَّه»: no glyph can stand for
    the marks between the letters. And a glyph that stands for two marks (shadda and tanween) is
    read by pypdf as a neutral unit: at a word's end it went to the word's start. Without marks
    («ٱلله») the ligature is one glyph for «لله»: PDFium and MuPDF, reversing the right-to-left
    run they read in visual order, reversed its letters with it («ٱهلل»)."""
    fewer = glyph_count < len(letters)
    return glyph_count > len(letters) or (fewer and (rtl or any(map(_is_mark, letters))))


def _outlined_cluster(font: TTFFont, glyphs: list[_Glyph], letters: str, rtl: bool) -> list[Shaped]:
    """A cluster spread over placeholders (see :func:`_spread`): every glyph an outline, and one
    placeholder per character in visual order (right to left for ``rtl``), the letters sharing
    the cluster's advance and each mark at the edge of its letter that comes first in reading,
    declared 1/1000 em wide as a zero-width glyph is (see :func:`_glyphs`)."""
    start = min(g.pen for g in glyphs)
    letter_count = sum(not _is_mark(c) for c in letters) or len(letters)
    share = max(1, round(sum(g.advance for g in glyphs) / letter_count))
    ordered = letters[::-1] if rtl else letters
    placeholders = []
    x = start
    cmap = font.ttfont.getBestCmap() or {}
    for char in ordered:
        wide = not _is_mark(char) or letter_count == len(letters)
        width = share if wide else 1
        picked = _placeholder(font, (ord(char),), width)
        code = font.subset.pick_glyph(picked)
        # A mark's own glyph (with ink, so PDFium keeps it) can stand for it where the marks of a
        # word's last letter are read apart (see reader.export.pdf_glyphs).
        name = cmap.get(ord(char)) if _is_mark(char) else None
        own = Glyph(font.ttfont.getGlyphID(name), (ord(char),), name, 1) if name else None
        inked = font.subset.pick_glyph(own) if own else None
        placeholders.append(
            Shaped(code, width, x, mark=_is_mark(char), inked=inked, inked_glyph=own, picked=picked)
        )
        x += share if wide else 0
    inks = [
        Shaped(None, 0.0, start, outline=g.name, ink_x=g.pen + g.x_offset, ink_y=g.y_offset)
        for g in sorted(glyphs, key=lambda g: g.pen)
    ]
    return placeholders + inks
