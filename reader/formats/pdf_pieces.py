"""A band's glyphs → pieces, left to right: what is drawn together stays together.

A piece is a letter (or a ligature's letters) with the vowel marks set on it. Glyphs with the
same box (a ligature's letters) stay together in stream order, a zero-width glyph touching the
one before it in the stream (a ligature's second letter, a separator at a number's edge) joins
it, and characters a producer drew twice over one place (fake bold) are read once; a doubled
letter, which its neighbour overlaps, is not. Vowel marks are set apart for
:mod:`reader.formats.pdf_marks`. Pieces are ordered by their centres, but a run of touching
pieces that is one unbroken stretch of the stream (stacked ligatures, kerned marks) keeps the
stream's order.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

from reader.formats.pdf_glyphs import Glyph

_JOINED = 0.12  # of the font size: pieces closer than this belong to one word
_ZERO_WIDTH = 0.02  # of the font size
_ALEFS = "اأإآٱ"
_NUMBER_SIGNS = frozenset("\u0600\u0601\u0602\u0603\u0604\u0605\u06dd\u08e2")


@dataclass(slots=True)
class Piece:
    """A letter (or a ligature's letters) and the vowel marks on it."""

    glyphs: list[Glyph] = field(default_factory=list)
    marks: list[Glyph] = field(default_factory=list)
    left: float = 0.0
    right: float = 0.0

    @classmethod
    def of(cls, glyph: Glyph) -> Piece:
        return cls([glyph], [], glyph.left, glyph.right)

    def add(self, glyph: Glyph) -> None:
        self.glyphs.append(glyph)
        self.left, self.right = min(self.left, glyph.left), max(self.right, glyph.right)

    @property
    def center(self) -> float:
        first = self.glyphs[0]
        return (first.left + first.right) / 2

    def text(self) -> str:
        if len(self.glyphs) == 1 and not self.marks and len(self.glyphs[0].text) == 1:
            return self.glyphs[0].text  # most pieces: one character
        letters = "".join(g.text for g in self.glyphs)
        if len(self.glyphs) == 2 and letters[0] in _ALEFS and letters[1] == "ل":
            letters = letters[::-1]  # one lam-alef box, its letters mapped alef first
        return canonical_marks(letters + "".join(m.text for m in self.marks))


def canonical_marks(text: str) -> str:
    """*text* with each run of combining marks in Unicode's canonical order (by combining class,
    as NFC text has it: «مَّ» is meem, fatha, shadda), nothing composed. Producers write a
    letter's marks in the order their shaper drew them (shadda first), which no reader can
    tell from the typed order; the canonical one is what normalised text and searches use."""
    if not any(unicodedata.combining(ch) for ch in text):
        return text
    out: list[str] = []
    run: list[str] = []
    for ch in text:
        if unicodedata.combining(ch):
            run.append(ch)
            continue
        out += sorted(run, key=unicodedata.combining)
        run = []
        out.append(ch)
    return "".join(out + sorted(run, key=unicodedata.combining))


def _is_punctuation(glyph: Glyph) -> bool:
    return unicodedata.category(glyph.text[:1] or " ").startswith("P")


def is_mark(glyph: Glyph) -> bool:
    return unicodedata.category(glyph.text[:1]) == "Mn"


def pieces_and_marks(band: list[Glyph], size: float) -> tuple[list[Piece], list[Glyph]]:
    """The band's glyphs (spaces aside) as pieces, left to right, and its vowel marks apart."""
    pieces: list[Piece] = []
    marks: list[Glyph] = []
    last: Piece | None = None
    for glyph in _without_duplicates(band):  # stream order
        if is_mark(glyph):
            marks.append(glyph)
            continue
        same_box = last is not None and _same_box(last.glyphs[-1], glyph)
        # A zero-width glyph touching the last one is part of it (a ligature's second letter, a
        # separator read at a number's edge), but a stop is never part of a letter: an exporter's
        # invisible stop beside a word-final vowel mark is read after the mark, on its own.
        zero_width = glyph.right - glyph.left < _ZERO_WIDTH * size
        apart = last is not None and _is_punctuation(glyph) and last.glyphs[-1].text.isalpha()
        if last is not None and (same_box or (zero_width and not apart and _touches(last.glyphs[-1], glyph))):
            last.add(glyph)
        else:
            last = Piece.of(glyph)
            pieces.append(last)
    return _in_painted_order(pieces, size), marks


def _in_painted_order(pieces: list[Piece], size: float) -> list[Piece]:
    """Pieces left to right. Glyphs of one word can overlap (stacked ligatures, kerned marks), so
    where a run of touching pieces is one unbroken stretch of the stream going one way, the
    stream orders it; elsewhere the centres do."""
    pieces = sorted(pieces, key=lambda p: p.center)
    ordered: list[Piece] = []
    word: list[Piece] = []
    reach = 0.0
    for piece in pieces:
        if word and piece.glyphs[0].left - reach > _JOINED * size:
            ordered += _word_order(word) if len(word) > 2 else word
            word = []
        reach = max(reach, piece.right) if word else piece.right
        word.append(piece)
    return _signs_first(ordered + (_word_order(word) if len(word) > 2 else word))


def _signs_first(pieces: list[Piece]) -> list[Piece]:
    """A number sign drawn around its digits («۝١», the end of an ayah) painted before them: typed
    first, it opens their left-to-right run, whatever its centre says."""
    for k, piece in enumerate(pieces):
        if piece.glyphs[0].text[:1] not in _NUMBER_SIGNS:
            continue
        first = k
        while first > 0 and pieces[first - 1].right > piece.left and pieces[first - 1].left < piece.right:
            first -= 1
        if first < k:
            pieces.insert(first, pieces.pop(k))
    return pieces


def _word_order(word: list[Piece]) -> list[Piece]:
    if len(word) < 3:
        return word
    by_stream = sorted(word, key=lambda p: p.glyphs[0].index)
    indexes = [g.index for p in word for g in p.glyphs]
    if max(indexes) - min(indexes) >= 2 * len(indexes):
        return word  # not one stretch of the stream
    if by_stream[0].center > by_stream[-1].center:
        by_stream.reverse()
    centres = [p.center for p in by_stream]
    backwards = sum(b < a for a, b in zip(centres, centres[1:], strict=False))
    return by_stream if backwards <= len(word) // 4 else word


def _without_duplicates(band: list[Glyph]) -> list[Glyph]:
    """The band less characters given twice over the same place (a cluster's ActualText beside
    its glyphs, as Typst writes it; fake bold): the first in the stream is kept."""
    by_left = sorted(band, key=lambda g: g.left)
    dropped: set[int] = set()
    for k, glyph in enumerate(by_left):
        for other in by_left[k + 1 :]:
            if other.left >= glyph.right:
                break
            if other.text == glyph.text and _overlapping(glyph, other, abs(glyph.index - other.index) > 2):
                dropped.add(max(glyph.index, other.index))
    return [g for g in band if g.index not in dropped] if dropped else band


def _overlapping(a: Glyph, b: Glyph, apart: bool) -> bool:
    """Over the same place: much overlapping when far apart in the stream, else nearly the same
    box (fake bold). A letter doubled in a word is its neighbour in the stream and may overlap it
    a lot (a narrow initial lam under the next lam's stroke in «للمشروع» covers 40 % of itself);
    two marks of neighbouring letters barely overlap («آكِلُهُ»: 0.3 of 3.5 points)."""
    overlap = min(a.right, b.right) - max(a.left, b.left)
    narrower = min(a.right - a.left, b.right - b.left)
    wider = max(a.right - a.left, b.right - b.left)
    return narrower > 0 and overlap > (0.4 * narrower if apart else 0.8 * wider)


def _same_box(a: Glyph, b: Glyph) -> bool:
    return abs(a.left - b.left) < 0.01 and abs(a.right - b.right) < 0.01


def _touches(a: Glyph, b: Glyph) -> bool:
    return a.left - 0.5 <= b.left <= a.right + 0.5
