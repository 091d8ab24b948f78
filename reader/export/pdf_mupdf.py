"""Which pieces of a line MuPDF is told to read otherwise than their glyphs say, and as what.

MuPDF starts a new line, or reverses text, where our pieces are drawn in an order it does not
expect (see :mod:`reader.export.pdf_actual_text`, which writes what MuPDF alone reads):

- a neutral sign after the marks of a word's last letter, read apart («جَمِيلٍ\\n!», «»» and a
  separator after it): MuPDF reads the signs with those marks, and nothing for their glyphs;
- a number in Arabic-Indic digits, each digit drawn on its own («٥٤٩١» for «١٩٤٥», and the
  end-of-ayah sign before its number): MuPDF reads the whole number with the piece before it
  (a space, a separator, or the marks of the word's last letter in «وَ١٢»), in that piece's
  direction, and nothing for the digits' glyphs (nor for a separator right after them).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field

from reader.export.pdf_number_marks import Piece, carries

_SIGNS = frozenset({"ON", "CS"})
"""Bidi classes of the signs read with the marks before them («!», «»», «.»)."""
_HOSTS = frozenset({"WS", "CS", "ON"})
"""Bidi classes of a one-character piece that can carry the number after it: MuPDF gives a text
object that starts with one the left-to-right direction, so the number is not reversed."""


@dataclass
class MupdfPlan:
    """``texts``: index of a piece → what MuPDF reads for its glyphs (``""``: nothing);
    ``after``: index of a piece that ends in vowel marks → (what MuPDF reads after those marks,
    how many of the following pieces that stands for)."""

    texts: dict[int, str] = field(default_factory=dict)
    after: dict[int, tuple[str, int]] = field(default_factory=dict)

    def not_told(self, index: int) -> None:
        """The marks of piece ``index`` were not read apart: the pieces after it read their own text."""
        _text, count = self.after.pop(index, ("", 0))
        for following in range(index + 1, index + 1 + count):
            self.texts.pop(following, None)


def _ends_in_mark(piece: Piece) -> bool:
    return piece.rtl and unicodedata.category(piece.text[-1]) == "Mn"


def _is_sign(piece: Piece) -> bool:
    return piece.rtl and len(piece.text) == 1 and unicodedata.bidirectional(piece.text) in _SIGNS


def _is_arabic_number(text: str) -> bool:
    return bool(text) and all(unicodedata.bidirectional(c) == "AN" for c in text)


def mupdf_plan(pieces: Sequence[Piece]) -> MupdfPlan:
    """What MuPDF is told to read for a line's pieces, in logical order (see the module docstring)."""
    plan = MupdfPlan()
    for index, piece in enumerate(pieces):
        if not _ends_in_mark(piece):
            continue
        end = index + 1
        if end < len(pieces) and carries(piece, pieces[end]):
            continue  # the separator rides in the marks' glyph
        while end < len(pieces) and _is_sign(pieces[end]):
            end += 1
        if end > index + 1:
            plan.after[index] = ("".join(p.text for p in pieces[index + 1 : end]), end - index - 1)
            plan.texts.update(dict.fromkeys(range(index + 1, end), ""))
    start = 0
    while start < len(pieces):
        end = start
        while end < len(pieces) and _is_arabic_number(pieces[end].text):
            end += 1
        if end - start > 1 and start > 0:
            _read_with_host(plan, pieces, start, end)
        start = max(end, start + 1)
    return plan


def _read_with_host(plan: MupdfPlan, pieces: Sequence[Piece], start: int, end: int) -> None:
    """Give the number ``pieces[start:end]`` to the piece before it, where that piece can carry it."""
    if end < len(pieces) and _is_sign(pieces[end]) and unicodedata.bidirectional(pieces[end].text) == "CS":
        end += 1  # «١٩٤٥،»: the comma, read at the number's edge, would be a word of its own
    number = "".join(p.text for p in pieces[start:end])
    host = start - 1
    before = pieces[host]
    if host in plan.texts or host in plan.after or (host > 0 and carries(pieces[host - 1], before)):
        return
    if len(before.text) == 1 and unicodedata.bidirectional(before.text) in _HOSTS:
        plan.texts[host] = before.text + number
    elif _ends_in_mark(before):
        plan.after[host] = (number, end - start)
    else:
        return
    plan.texts.update(dict.fromkeys(range(start, end), ""))
