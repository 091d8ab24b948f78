"""Where a line's pieces get a space between them: from gaps and the stream's own spaces.

A gap is a word space when it is wide, or when a space character of the stream lies in it
(browsers draw spaces without width, not always where the gap is), or between an Arabic and a
Latin letter. Pieces that follow each other in the stream of a producer that writes spaces are
one word unless the gap is very wide (Chromium splits words in runs), but a bracket is always a
word of its own; a producer that writes no spaces (LuaTeX) is told by its pages, and its gaps
alone decide.
"""

from __future__ import annotations

import bisect
import unicodedata

from reader.formats.pdf_glyphs import Glyph
from reader.formats.pdf_pieces import Piece

_WORD_GAP = 0.15  # of the font size: a gap this wide is a space even where the stream has none
_JOINED_GAP = 0.5  # of the font size: neighbours in the stream closer than this are one word
_SPACELESS_GAP = 0.1  # of the font size: a word gap on a line whose stream has no spaces
_INK_MARK = 0.3  # of the font size: a mark box narrower than this is the mark's ink
_MIN_GAP = 0.04  # of the font size: a narrower gap is no space, whatever the stream says
_ZERO_WIDTH = 0.02  # of the font size
_BRACKETS = frozenset(("Ps", "Pe", "Pi", "Pf"))


def spaced(before: Piece, piece: Piece, centres: list[float], size: float, writes_spaces: bool) -> bool:
    """True when a space goes between *before* and *piece* (left to right)."""
    gap_left, gap_right = _inked_right(before, size), _inked_left(piece, size)
    return (
        _spaced_gap(gap_left, gap_right, centres, size, writes_spaces)
        or (gap_right - gap_left > _MIN_GAP * size and _scripts_change(before, piece))
    ) and not (
        writes_spaces
        and gap_right - gap_left < _JOINED_GAP * size
        and _stream_neighbours(before, piece)
        and not (_is_bracket(before) or _is_bracket(piece))
    )


def writes_spaces(runs: list[tuple[list[Piece], list[float], float]], spaces: int) -> bool:
    """True when the page's stream has a space for most gaps that could be a word's (Chromium,
    even where it splits a word in runs); LuaTeX writes none, only a few where it changes fonts
    or places a mark."""
    gaps = sum(
        1
        for pieces, _centres, size in runs
        for a, b in zip(pieces, pieces[1:], strict=False)
        if b.left - a.right > _SPACELESS_GAP * size
    )
    return spaces * 2 >= gaps and spaces > 0


def space_centres(spaces: list[Glyph], size: float) -> list[float]:
    """Where the band's space glyphs lie; those without width are left out (browsers draw them
    anywhere, even inside the next word)."""
    return sorted((g.left + g.right) / 2 for g in spaces if g.right - g.left >= _ZERO_WIDTH * size)


def _spaced_gap(
    gap_left: float, gap_right: float, centres: list[float], size: float, writes_spaces: bool
) -> bool:
    """A gap is a word space when it is wide, or when a space glyph of the stream lies in it
    (browsers draw spaces without width, and not always where the gap is: only a real gap counts).
    A line of a producer that writes no spaces (LuaTeX) has no gaps inside its words, and may set
    its words 0.14 em apart."""
    gap = gap_right - gap_left
    if gap > (_WORD_GAP if writes_spaces else _SPACELESS_GAP) * size:
        return True
    if gap <= _MIN_GAP * size:
        return False
    k = bisect.bisect_left(centres, gap_left - _MIN_GAP * size)
    return k < len(centres) and centres[k] <= gap_right + _MIN_GAP * size


def _is_bracket(piece: Piece) -> bool:
    """A bracket or quotation mark: its stream neighbour is no part of its word, whatever the gap
    (Chromium writes «الطعام [وكان» with the space after the bracket, the gap before it)."""
    return unicodedata.category(piece.glyphs[0].text[:1]) in _BRACKETS


def _scripts_change(a: Piece, b: Piece) -> bool:
    """An Arabic letter beside a Latin one: typed text never joins them without a space, so any
    gap between them is one (Chromium draws that space without width, the gap a narrow 0.14 em)."""
    kinds = {unicodedata.bidirectional(a.glyphs[0].text[:1]), unicodedata.bidirectional(b.glyphs[0].text[:1])}
    return "L" in kinds and bool(kinds & {"R", "AL"})


def _stream_neighbours(a: Piece, b: Piece) -> bool:
    """True when a glyph of *a* and one of *b* follow each other in the stream (no space between)."""
    indexes = {g.index for g in (*a.glyphs, *a.marks)}
    return any(g.index - 1 in indexes or g.index + 1 in indexes for g in (*b.glyphs, *b.marks))


def _inked_left(piece: Piece, size: float) -> float:
    """The piece's left edge, its vowel marks included where their boxes are ink (narrow), not
    a font's advance box: a mark drawn in the gap between two letters of a word closes it."""
    if not piece.marks:
        return piece.left
    return min([piece.left, *(m.left for m in piece.marks if m.right - m.left < _INK_MARK * size)])


def _inked_right(piece: Piece, size: float) -> float:
    if not piece.marks:
        return piece.right
    return max([piece.right, *(m.right for m in piece.marks if m.right - m.left < _INK_MARK * size)])
