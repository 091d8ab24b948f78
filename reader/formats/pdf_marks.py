"""Each vowel mark of a line to the letter it sits on.

Advance boxes overlap too much to tell (in «تَحْ» the ت is stacked on the ح, both under the
fatha), so an inked mark goes where its ink is best placed: over (or under) most of a letter's
ink, least far above or below it, its letter before it in the stream counting for much. A mark
without ink (an exporter's invisible text) goes by advance boxes; a mark never sits on
punctuation, nor on a bare alef that a lam-alef ligature shares with its lam. A Quranic pause
sign over no letter stands between the words, as typed («رَيْبَ ۛ فِيهِ»).
"""

from __future__ import annotations

import bisect
from collections.abc import Callable

from reader.formats.pdf_glyphs import Glyph
from reader.formats.pdf_pieces import Piece

_INKED = 0.05  # of the font size: a mark whose ink is narrower is invisible text
_FOLLOWS = 0.3  # a mark right after a letter in the stream is that much likelier its own
_PAUSES = frozenset("\u06d6\u06d7\u06d8\u06d9\u06da\u06db\u06dc")  # the Quran's small pause signs
_ALEF_MARKS = "\u064b\u0670\u0654\u0655"  # what a bare alef carries: tanween fath, dagger alef, hamza

Box = tuple[float, float, float, float]  # left, right, bottom, top
Inks = Callable[[Glyph], Box]


def attach_marks(pieces: list[Piece], marks: list[Glyph], inks: Inks, size: float) -> list[Piece]:
    """Each of *marks* onto the piece of *pieces* it sits on (see the module docstring); its
    letter before it in the stream counts with other marks between skipped («مَّ»). The pause
    signs that sit on no letter come back as pieces of their own."""
    letters = [p for p in pieces if p.text()[:1].isalpha()] or pieces
    if not letters:
        return []
    alone: list[Piece] = []
    lefts = [p.glyphs[0].left for p in letters]
    mark_indexes = {m.index for m in marks}
    for mark in marks:
        k = bisect.bisect_right(lefts, mark.right)
        best, best_score = letters[max(k - 1, 0)], -float("inf")
        ink = inks(mark)
        inked = ink[1] - ink[0] > _INKED * size
        before = mark.index - 1  # the letter before the mark in the stream, marks between skipped
        while before in mark_indexes:
            before -= 1
        near = letters[max(k - 4, 0) : k + 2]
        if mark.text in _PAUSES and not any(
            _over(ink if inked else _loose(mark), p, inks, inked) for p in near
        ):
            alone.append(Piece.of(mark))
            continue
        for piece in near:
            glyph = piece.glyphs[0]
            follows = glyph.index == before or piece.glyphs[-1].index == before
            if inked:
                score = _closeness(ink, inks(glyph), size) + (_FOLLOWS if follows else 0.0)
            else:
                score = _loose_overlap(mark, glyph) + (0.01 if follows else 0.0)
            if score > best_score:
                best, best_score = piece, score
        (_lam_of_ligature(best, mark, near) or best).marks.append(mark)
    return alone


def _over(mark: Box, piece: Piece, inks: Inks, inked: bool) -> bool:
    """True when *mark* lies over (or under) a fifth of its width or more of *piece*'s letter."""
    letter = inks(piece.glyphs[0]) if inked else _loose(piece.glyphs[0])
    return min(mark[1], letter[1]) - max(mark[0], letter[0]) > 0.2 * max(mark[1] - mark[0], 0.01)


def _loose(glyph: Glyph) -> Box:
    return glyph.left, glyph.right, glyph.bottom, glyph.top


def _lam_of_ligature(alef: Piece, mark: Glyph, near: list[Piece]) -> Piece | None:
    """The lam drawn in one ligature with *alef*, where a vowel mark was given to a bare alef,
    which never carries one (but for a tanween fath or a dagger alef): LuaTeX maps a lam-alef to
    both letters at one origin, and its marks, after the alef in the stream, are the lam's."""
    if alef.glyphs[0].text != "ا" or mark.text in _ALEF_MARKS:
        return None
    first = alef.glyphs[0]
    for piece in near:
        glyph = piece.glyphs[0]
        if glyph.text == "ل" and min(glyph.right, first.right) - max(glyph.left, first.left) > 0:
            return piece
    return None


def _loose_overlap(mark: Glyph, glyph: Glyph) -> float:
    overlap = min(glyph.right, mark.right) - max(glyph.left, mark.left)
    return overlap if overlap >= 0 else -1.0 + 1.0 / (1.0 - overlap)  # nearer is better


def _closeness(mark: Box, letter: Box, size: float) -> float:
    """How well a mark's ink sits on a letter's: the share of its width over the letter (less the
    distance across, in em, where they do not overlap) less half the gap up or down, in em."""
    across = min(mark[1], letter[1]) - max(mark[0], letter[0])
    share = across / (mark[1] - mark[0]) if across >= 0 else across / size
    gap = max(letter[2] - mark[3], mark[2] - letter[3], 0.0)
    return share - 0.5 * gap / size
