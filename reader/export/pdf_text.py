"""Drawing one line of mixed Arabic/Latin text so that it looks right AND copies out right.

fpdf2 shapes Arabic with HarfBuzz and places bidi runs correctly, but it writes a line's glyphs in
visual order. Text extractors without a full bidi algorithm (pypdf, pdf.js selection, many search
indexers) read the content stream in order and only reverse runs of "right-to-left" code points,
so a visually ordered line such as ``في عام 2023 إن`` comes back as ``إن 2023 في عام``.

So each line is drawn piece by piece: the Unicode bidi algorithm (fpdf2's own implementation)
gives the runs and their visual positions, and the pieces are *written in logical order*, each
at its computed position. A piece is either a "core" that starts and ends with a letter of its
run's direction (so even a naive extractor knows which way it reads) or a single character —
the spaces, brackets and full stops at run edges whose direction such an extractor cannot know.
The page looks exactly as fpdf2 would draw the line; only the order in the file changes.
"""

from __future__ import annotations

import dataclasses
import unicodedata
from dataclasses import dataclass
from typing import Literal

from fpdf.bidi import BidiParagraph
from fpdf.enums import TextDirection

from reader.export.directions import extractor_direction
from reader.export.pdf_ayah import number_signs, unit_widths
from reader.export.pdf_glyphs import GlyphWriter
from reader.export.pdf_justify import Spaced, space_extra, spread
from reader.export.pdf_mupdf import mupdf_plan
from reader.export.pdf_number_marks import (
    carries,
    marks_before_numbers,
    reading_positions,
    split_beside_numbers,
)
from reader.export.pdf_wrap import TextMeasure

Align = Literal["L", "R", "C"]


@dataclass(frozen=True)
class Run:
    """A maximal stretch of a line at one bidi embedding level, in logical order."""

    text: str
    level: int

    @property
    def rtl(self) -> bool:
        return self.level % 2 == 1


def bidi_runs(line: str, rtl_base: bool) -> tuple[list[Run], list[int]]:
    """The line's level runs in logical order, and their indexes from left to right.

    fpdf2's Unicode bidi algorithm gives the levels (rules up to L1) and the visual order (L2).
    """
    base = 1 if rtl_base else 0
    if _single_direction(line, rtl_base):
        return ([Run(line, base)], [0]) if line else ([], [])
    direction = TextDirection.RTL if rtl_base else TextDirection.LTR
    characters, reordered = BidiParagraph(text=line, base_direction=direction).get_all()
    runs: list[Run] = []
    run_of: dict[int, int] = {}  # id of a character → index of its run
    for character in characters:
        if runs and runs[-1].level == character.embedding_level:
            runs[-1] = Run(runs[-1].text + character.character, character.embedding_level)
        else:
            runs.append(Run(character.character, character.embedding_level))
        run_of[id(character)] = len(runs) - 1
    # L2 reverses whole level runs, so each run stays contiguous: its first character gives its place.
    return runs, list(dict.fromkeys(run_of[id(character)] for character in reordered))


def _single_direction(line: str, rtl_base: bool) -> bool:
    """Fast path: a line with no character that could start a run of the other direction."""
    if rtl_base:
        return all(extractor_direction(c) != "L" and not c.isdigit() for c in line)
    return all(extractor_direction(c) != "R" for c in line)


def extraction_pieces(run: Run) -> list[str]:
    """Split a run into pieces that an in-order extractor reads back in logical order.

    A core starts and ends with a character of the run's own direction and contains no character
    of the other; everything else (edge punctuation, spaces, stray characters) stands alone.
    """
    own = "R" if run.rtl else "L"
    pieces: list[str] = []
    group: list[str] = []

    def close_group() -> None:
        first = next((i for i, c in enumerate(group) if extractor_direction(c) == own), None)
        if first is None:
            pieces.extend(group)
        else:
            ends = [i for i, c in enumerate(group) if _ends_core(c, own)]
            last = ends[-1] if ends else max(i for i, c in enumerate(group) if extractor_direction(c) == own)
            pieces.extend(group[:first])
            pieces.extend(
                _sign_apart("".join(group[first : last + 1]))
                if own == "R"
                else ["".join(group[first : last + 1])]
            )
            pieces.extend(group[last + 1 :])
        group.clear()

    for char in run.text:
        kind = extractor_direction(char)
        if kind not in (own, "N") or (run.rtl and _stands_alone(char, group)):
            close_group()
            pieces.append(char)
        else:
            group.append(char)
    close_group()
    return pieces


def _sign_apart(core: str) -> list[str]:
    """A right-to-left core that ends in a pause sign on a space («نَوْمٌۭ ۚ»), as the core and the
    sign: its marks then lead no array (MuPDF hung the last word's marks on the next line), and
    the sign is read as its own piece, after the word (see :mod:`~reader.export.pdf_glyphs`)."""
    stripped = core.rstrip("".join(c for c in core if unicodedata.category(c) == "Mn"))
    if len(stripped) < len(core) and stripped.endswith(" ") and stripped.strip():
        word = stripped[:-1].rstrip(" ")  # more spaces before the sign's own stand alone
        return [word, *stripped[len(word) : -1], core[len(stripped) - 1 :]]
    return [core]


_MUPDF_LTR = frozenset({"ES", "ET"})
"""Bidi classes of neutral characters (``- + % $``) MuPDF takes for left-to-right: inside a
right-to-left core it reversed the words on either side of the hyphen in «الثاني -لغة»."""


def _stands_alone(char: str, group: list[str]) -> bool:
    """Whether ``char`` is cut out of a right-to-left core: ``- + % $`` (see ``_MUPDF_LTR``), and a
    separator (``. ، :``) after a vowel mark, which PDFium read before the mark inside one text
    object («جَدِيد،ٌ»): alone, it is read beside the word (see :mod:`~reader.export.pdf_number_marks`)."""
    bidi = unicodedata.bidirectional(char)
    return bidi in _MUPDF_LTR or (bidi == "CS" and bool(group) and unicodedata.category(group[-1]) == "Mn")


def _ends_core(char: str, own: str) -> bool:
    """Whether ``char`` may end a core of direction ``own``.

    An Arabic comma is an Arabic-block character (naive extractors read it right to left) but a
    neutral separator to the bidi algorithm: at the end of a line MuPDF, reading the line's
    glyphs as visual order on a left-to-right base, left it at the line's start. Kept out of the
    core (drawn after it, as its own piece) it is read last everywhere.
    """
    if extractor_direction(char) != own:
        return False
    return own != "R" or unicodedata.bidirectional(char) in ("R", "AL", "NSM")


@dataclass(frozen=True)
class _Placed:
    text: str
    rtl: bool
    x: float
    width: float
    read_x: float | None = None  # where the text is read, when not where it is drawn
    ink: str | None = None  # drawn as outlines from this piece on, in its place (see pdf_ayah)
    hidden: float = 0.0  # when not 0, its text is read, at this fraction of the size, but not drawn


def _measure(measure: TextMeasure, line: str, rtl_base: bool) -> list[list[_Placed]]:
    """Pieces of each logical run, with widths and x relative to the line's left edge."""
    runs, visual_order = bidi_runs(line, rtl_base)
    texts_of_runs = split_beside_numbers([extraction_pieces(run) for run in runs], [run.rtl for run in runs])
    measured: list[list[_Placed]] = []
    for run, run_pieces in zip(runs, texts_of_runs, strict=True):
        texts = [part for piece in run_pieces for part in measure.split_uncovered(piece)]
        pieces = [_Placed(t, run.rtl, 0.0, measure.width(t, run.rtl)) for t in texts]
        for start, end in number_signs(texts):
            unit = "".join(texts[start:end])
            with measure.family_selected(measure.family_for(unit)):
                total = max(measure.width(unit, run.rtl), measure.reach(unit, run.rtl))
            widths, scale = unit_widths([p.width for p in pieces[start:end]], total)
            for index, width in zip(range(start, end), widths, strict=True):
                ink = unit if index == start else None
                pieces[index] = dataclasses.replace(pieces[index], width=width, ink=ink, hidden=scale)
        measured.append(pieces)
    placed: list[list[_Placed]] = [[] for _ in runs]
    x = 0.0
    for index in visual_order:
        pieces = measured[index]
        run_width = sum(p.width for p in pieces)
        cursor = x + run_width if runs[index].rtl else x
        for piece in pieces:  # an RTL run is laid out from its right edge
            if piece.rtl:
                cursor -= piece.width
            placed[index].append(dataclasses.replace(piece, x=cursor))
            if not piece.rtl:
                cursor += piece.width
        x += run_width
    return placed


def draw_line(
    measure: TextMeasure,
    writer: GlyphWriter,
    line: str,
    *,
    left: float,
    width: float,
    y: float,
    height: float,
    rtl: bool,
    align: Align,
    justify: bool = False,
) -> None:
    """Draw one already-wrapped line inside the box ``left``..``left+width`` at ``y``.

    ``rtl`` is the paragraph direction; ``align`` places the line in the box, unless ``justify``
    stretches its spaces to fill it (see :mod:`reader.export.pdf_justify`). Pieces are written
    in logical order (see the module docstring), Arabic ones in the measure's fallback font if the
    current font has no Arabic.
    """
    runs = _measure(measure, line, rtl)
    total = sum(p.width for pieces in runs for p in pieces)
    extra = 0.0
    if justify:
        runs, extra = _justified(runs, width, measure.width(" ", rtl))
        if extra:
            total, align = width, "L"
    pieces = _read_beside_numbers(runs)
    if align == "R":
        origin = left + width - total
    elif align == "C":
        origin = left + (width - total) / 2
    else:
        origin = left
    marks_at = marks_before_numbers(pieces)
    plan = mupdf_plan(pieces)
    carried = False  # the previous piece's last mark stands for this piece's text
    for index, piece in enumerate(pieces):
        ink_x = None if piece.read_x is None else origin + piece.x
        x = origin + (piece.x if piece.read_x is None else piece.read_x)
        if carried:
            ink_x = x = origin + piece.x
        marks_x = origin + marks_at[index] if index in marks_at else None
        following = pieces[index + 1] if index + 1 < len(pieces) else None
        carry = following.text if following is not None and carries(piece, following) else ""
        if piece.ink is not None:  # the number sign and its digits, shaped together
            left = origin + min(p.x for p in _unit(pieces, index))
            with measure.family_selected(measure.family_for(piece.ink)):
                writer.draw(piece.ink, x=left, y=y, height=height, rtl=piece.rtl, ink_x=left, read=False)
        with measure.family_selected(measure.family_for(piece.text)):
            drawn = writer.draw(
                piece.text,
                x=x,
                y=y,
                height=height,
                rtl=piece.rtl,
                space_extra=extra,
                ink_x=ink_x,
                marks_x=marks_x,
                carry=carry,
                read=not carried,
                hidden=piece.hidden,
                mupdf_text=plan.texts.get(index),
                mupdf_after=plan.after.get(index, ("", 0))[0],
            )
        carried = bool(carry) and drawn.carried
        if index in plan.after and not drawn.told_mupdf:
            plan.not_told(index)


def _unit(pieces: list[_Placed], start: int) -> list[_Placed]:
    """The pieces of the number sign unit that starts at ``start`` (see :mod:`~reader.export.pdf_ayah`)."""
    end = start + 1
    while end < len(pieces) and pieces[end].hidden and pieces[end].ink is None:
        end += 1
    return pieces[start:end]


def _read_beside_numbers(runs: list[list[_Placed]]) -> list[_Placed]:
    """The line's pieces in logical order, the separators beside numbers given the x they are
    read at (see :mod:`~reader.export.pdf_number_marks`)."""
    flat = [piece for pieces in runs for piece in pieces]
    moved = reading_positions(flat)
    return [dataclasses.replace(p, read_x=moved[i]) if i in moved else p for i, p in enumerate(flat)]


def _justified(runs: list[list[_Placed]], width: float, space: float) -> tuple[list[list[_Placed]], float]:
    """The pieces moved so that the line fills ``width`` by wider spaces, and the extra per space."""
    flat = [piece for pieces in runs for piece in pieces]
    spaced = [Spaced(p.x, p.width, p.text.count(" ")) for p in flat]
    extra = space_extra(spaced, width, space)
    if not extra:
        return runs, 0.0
    moved = iter(spread(spaced, extra))
    return [[dataclasses.replace(p, x=next(moved)) for p in pieces] for pieces in runs], extra
