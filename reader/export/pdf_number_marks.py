"""Punctuation beside a number in right-to-left text: drawn where it shows, read where PDFium looks.

In «في عام 2023، أفادت» the comma follows the number, so in a right-to-left line it is drawn to
the number's left. PDFium (Chrome) orders a line's glyphs by position and then files digits and
the separators around them (bidi classes CS, ES, ET: ``، . , : / - + %``) into one left-to-right
stretch that it reads as it lies, left to right: it gave back «عام ،2023». Writing the comma
after the digits inside their text object fixed PDFium but made MuPDF read a space, and moving
the comma would change the page.

So such a separator is cut off the word it was part of and drawn as an outline where it is
shown, while an ink-less placeholder that stands for it sits at the number's edge on its logical
side: the right end for a separator that follows the number, the left end for one before it.
Every reader then finds it next to the digits in the order it was written.

The same stretch broke a word that ends in a vowel mark before «.» or «،» («مَسَاء.ً»): such a
separator is read just left of the word, between it and its last mark, which
:mod:`~reader.export.pdf_glyphs` reads a little further left, so PDFium takes «ً.» forwards.
Where the word's last marks are read apart as their own glyphs, the separator rides in one
glyph with them instead (:func:`carries`): MuPDF put it, read on its own, on a line of its own.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from typing import Protocol

from reader.export.pdf_glyphs import EDGE_MARK_SHIFT

SEPARATORS = frozenset({"CS", "ES", "ET"})
"""Bidi classes PDFium files with the digits next to them ("left weak"), as it does marks."""
_NUMBER = frozenset({"EN", "AN"})
_MARK_GAP = 0.75 * EDGE_MARK_SHIFT * 25.4 / 72
"""How far (mm) left of a word that ends in a vowel mark a separator after it is read: between the
word and its last mark, read ``EDGE_MARK_SHIFT`` points left of it (see :mod:`~reader.export.pdf_glyphs`)."""
_GAP = 0.05
"""How far (mm) a placeholder before a number sits left of it, so that it is read first."""


class Piece(Protocol):
    """A drawn piece of a line (see :mod:`reader.export.pdf_text`)."""

    @property
    def text(self) -> str: ...
    @property
    def rtl(self) -> bool: ...
    @property
    def x(self) -> float: ...
    @property
    def width(self) -> float: ...


def _is_separator(char: str) -> bool:
    return unicodedata.bidirectional(char) in SEPARATORS


def is_number(text: str) -> bool:
    """True if ``text`` is digits (European or Arabic-Indic) and the separators between them."""
    return any(unicodedata.bidirectional(c) in _NUMBER for c in text) and all(
        unicodedata.bidirectional(c) in _NUMBER or _is_separator(c) for c in text
    )


def split_beside_numbers(pieces: list[list[str]], rtl: Sequence[bool]) -> list[list[str]]:
    """The pieces of each run (logical order), with a separator that a right-to-left run starts
    or ends with cut off as a piece of its own where the neighbouring run is a number."""
    result = [list(run) for run in pieces]
    for index, run in enumerate(result):
        if not rtl[index] or not run:
            continue
        before = result[index - 1] if index > 0 else []
        after = result[index + 1] if index + 1 < len(result) else []
        first = run[0]
        if before and is_number(before[-1]) and len(first) > 1 and _is_separator(first[0]):
            run[0:1] = [first[0], first[1:]]
        last = run[-1]
        if after and is_number(after[0]) and len(last) > 1 and _is_separator(last[-1]):
            run[-1:] = [last[:-1], last[-1]]
    return result


def reading_positions(pieces: Sequence[Piece]) -> dict[int, float]:
    """Index (in ``pieces``, logical order) → the x where each right-to-left separator beside a
    number is to be read: that number's right end if it follows it, its left end if before; and
    just left of a right-to-left word ending in a vowel mark that it follows."""
    moved: dict[int, float] = {}
    for index, piece in enumerate(pieces):
        if not (piece.rtl and len(piece.text) == 1 and _is_separator(piece.text)):
            continue
        previous = pieces[index - 1] if index > 0 else None
        following = pieces[index + 1] if index + 1 < len(pieces) else None
        if previous is not None and not previous.rtl and is_number(previous.text):
            moved[index] = previous.x + previous.width
        elif previous is not None and previous.rtl and unicodedata.category(previous.text[-1]) == "Mn":
            moved[index] = previous.x - _MARK_GAP
        elif following is not None and not following.rtl and is_number(following.text):
            moved[index] = following.x - _GAP
    return moved


def marks_before_numbers(pieces: Sequence[Piece]) -> dict[int, float]:
    """Index (in ``pieces``, logical order) → the x where the last marks of a right-to-left word
    are read when a number follows it with no space («وَ١٢»): just left of the number, so that
    PDFium reads the mark and the digits as one stretch after the letter (it gave «و١٢َ»)."""
    found: dict[int, float] = {}
    for index, piece in enumerate(pieces[:-1]):
        following = pieces[index + 1]
        ends_in_mark = piece.rtl and unicodedata.category(piece.text[-1]) == "Mn"
        if ends_in_mark and not following.rtl and is_number(following.text):
            found[index] = following.x - _GAP
    return found


def carries(piece: Piece, following: Piece) -> bool:
    """Whether ``following`` is one separator (``. ، : / -``...) right after a right-to-left piece
    that ends in a vowel mark («مَسَاءً.», «نُورٌ،»): its text then rides in the glyph of that mark
    (see :meth:`~reader.export.pdf_glyphs.GlyphWriter.draw`). Not other punctuation: PDFium reads
    a ``!`` or ``»`` in that glyph before the mark (it files only separators with the mark as
    "left weak", read forward)."""
    return (
        piece.rtl
        and following.rtl
        and unicodedata.category(piece.text[-1]) == "Mn"
        and len(following.text) == 1
        and unicodedata.bidirectional(following.text) in SEPARATORS
    )
