"""The end of an ayah and its number, drawn as one shaped unit but read as the pieces they were.

«۝١» is U+06DD ARABIC END OF AYAH and a digit: a prepended concatenation mark, which the font
draws as a circle around the digits that follow it (Noto Naskh picks a circle as wide as the
number and shrinks the digits, Amiri sets them inside it). A line's pieces are cut so that each
reader reads them back in order (:mod:`reader.export.pdf_text`): the mark and each Arabic-Indic
digit stand apart, and each was shaped alone, so the circle was drawn without its number and the
full-size digit beside it, over the word before (Noto Naskh's circle reaches a whole em past
its advance).

So the mark and the digits after it are inked together, shaped as one text, as outlines where
the line puts them, and the line gives the unit as much room as its ink reaches; each piece's
text is still written, invisible, side by side where the unit starts (see :func:`unit_widths`).
The readers find the same pieces in the same order.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

PREPENDED_MARKS = frozenset("\u0600\u0601\u0602\u0603\u0604\u0605\u06dd\u08e2")
"""Prepended concatenation marks: signs the font draws around (or over) the number after them."""


def _digit(text: str) -> bool:
    return len(text) == 1 and unicodedata.bidirectional(text) in ("AN", "EN")


def number_signs(texts: Sequence[str]) -> list[tuple[int, int]]:
    """(start, end) of each prepended mark in ``texts`` (a run's pieces, logical order) with the
    digits that follow it, when at least one does: ``["۝", "١", "٢"]`` → ``[(0, 3)]``."""
    found = []
    index = 0
    while index < len(texts):
        end = index + 1
        if texts[index] in PREPENDED_MARKS:
            while end < len(texts) and _digit(texts[end]):
                end += 1
            if end - index > 1:
                found.append((index, end))
        index = end
    return found


def unit_widths(widths: Sequence[float], total: float) -> tuple[list[float], float]:
    """The pieces' widths in a unit that reaches ``total``, and the size (a fraction of the
    font's) their invisible texts are written at so that they lie side by side across it.

    A gap between them would be a space to PDFium. Where the sign's ink reaches beyond the
    pieces (Noto Naskh), the room is left after the number, on the side of the word before it;
    where the pieces are wider than the unit (Amiri sets the digits inside the sign, with no
    advance of their own), their texts are written smaller.
    """
    whole = sum(widths)
    if whole <= 0 or total >= whole:
        return [*widths[:-1], widths[-1] + max(0.0, total - whole)], 1.0
    scale = total / whole
    return [width * scale for width in widths], scale
