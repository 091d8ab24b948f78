"""A page's characters with boxes → its lines as typed text, decided from geometry, not stream order.

Lines are bands of characters whose vertical centres agree (a small glyph, such as a vowel mark
or a producer's tiny invisible separator, joins the band its centre falls in). Inside a band,
glyphs are grouped into pieces: a vowel mark goes with the letter it overlaps most, glyphs with
the same box (a ligature's letters) stay together in stream order, and a zero-width glyph (which
has no position of its own) follows the glyph before it in the stream. Pieces are ordered left
to right by their centres, split where a gap is wide enough to be a column gutter, given a
space where the stream had one or the gap is a word's, and read back into logical order by
:func:`reader.formats.pdf_bidi.logical_order` with a right-to-left base for lines whose strong
characters are mostly Arabic (the whole page decides a line that has no evidence of its own).
"""

from __future__ import annotations

import bisect
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field

from reader.formats.arabic_order import fold_presentation_forms
from reader.formats.pdf_bidi import logical_order
from reader.formats.pdf_clusters import one_copy_per_cluster
from reader.formats.pdf_glyphs import Glyph, PageGlyphs, font_size, ink_box

_WORD_GAP = 0.15  # of the font size: a gap this wide is a space even where the stream has none
_JOINED_GAP = 0.5  # of the font size: neighbours in the stream closer than this are one word
_SPACELESS_GAP = 0.1  # of the font size: a word gap on a line whose stream has no spaces
_INK_MARK = 0.3  # of the font size: a mark box narrower than this is the mark's ink
_MIN_GAP = 0.04  # of the font size: a narrower gap is no space, whatever the stream says
_COLUMN_GAP = 1.6  # of the font size: wider gaps split a band into separate lines (columns)
_JOINED = 0.12  # of the font size: pieces closer than this belong to one word
_SMALL = 0.6  # of the page's median glyph height: smaller glyphs join the band around them
_ZERO_WIDTH = 0.02  # of the font size
_ALEFS = "اأإآٱ"
_ALEF_MARKS = "\u064b\u0670\u0654\u0655"  # what a bare alef carries: tanween fath, dagger alef, hamza
_BRACKETS = frozenset(("Ps", "Pe", "Pi", "Pf"))
_INKED = 0.05  # of the font size: a mark whose ink is narrower is invisible text
_FOLLOWS = 0.3  # a mark right after a letter in the stream is that much likelier its own


_Box = tuple[float, float, float, float]  # left, right, bottom, top
_Inks = Callable[[Glyph], _Box]


@dataclass(slots=True)
class Line:
    """One line of a page, typed order, with its box (PDF points, origin bottom left)."""

    text: str
    left: float
    right: float
    bottom: float
    top: float
    size: float
    rtl: bool


@dataclass(slots=True)
class _Piece:
    glyphs: list[Glyph] = field(default_factory=list)
    marks: list[Glyph] = field(default_factory=list)
    left: float = 0.0
    right: float = 0.0

    @classmethod
    def of(cls, glyph: Glyph) -> _Piece:
        return cls([glyph], [], glyph.left, glyph.right)

    def add(self, glyph: Glyph) -> None:
        self.glyphs.append(glyph)
        self.left, self.right = min(self.left, glyph.left), max(self.right, glyph.right)

    @property
    def center(self) -> float:
        first = self.glyphs[0]
        return (first.left + first.right) / 2

    def text(self) -> str:
        letters = "".join(g.text for g in self.glyphs)
        if len(self.glyphs) == 2 and letters[0] in _ALEFS and letters[1] == "ل":
            letters = letters[::-1]  # one lam-alef box, its letters mapped alef first
        return letters + "".join(m.text for m in self.marks)


def page_lines(page: PageGlyphs) -> list[Line]:
    """The page's lines, top to bottom, each in logical order."""
    glyphs = one_copy_per_cluster(page.glyphs)
    if not glyphs:
        return []
    rtl_page = _mostly_rtl(glyphs)
    boxes: dict[int, tuple[float, float, float, float]] = {}

    def inks(glyph: Glyph) -> tuple[float, float, float, float]:
        if glyph.index not in boxes:
            boxes[glyph.index] = ink_box(page, glyph)
        return boxes[glyph.index]

    runs: list[tuple[list[_Piece], list[float], float]] = []
    spaces = 0
    for band in _bands(glyphs):
        ink = [g for g in band if not g.text.isspace()]
        if not ink:
            continue
        size = max(
            font_size(page, ink[0]), font_size(page, ink[len(ink) // 2]), font_size(page, ink[-1]), 1.0
        )
        blanks = [g for g in band if g.text.isspace()]
        spaces += len(blanks)
        centres = _space_centres(blanks, size)
        runs += [(run, centres, size) for run in _split_columns(_pieces(ink, size, inks), size)]
    writes_spaces = _writes_spaces(runs, spaces)
    return [_line(run, centres, size, rtl_page, writes_spaces) for run, centres, size in runs]


def _bands(glyphs: list[Glyph]) -> list[list[Glyph]]:
    """Glyphs grouped by baseline, top to bottom, each group in stream order. A band of nothing
    but small glyphs (marks drawn on their own, a producer's tiny invisible separators) joins the
    band whose box holds it."""
    heights = sorted(g.top - g.bottom for g in glyphs)
    typical = heights[len(heights) // 2] or 1.0
    order = sorted(glyphs, key=lambda g: -g.base)
    bands: list[list[Glyph]] = []
    for glyph in order:
        if bands and abs(bands[-1][0].base - glyph.base) < 0.2 * typical:
            bands[-1].append(glyph)
        else:
            bands.append([glyph])
    kept: list[list[Glyph]] = []
    small: list[list[Glyph]] = []
    for band in bands:
        big = any(g.top - g.bottom >= _SMALL * typical and not _is_mark(g) for g in band)
        (kept if big else small).append(band)
    boxes = [(min(g.bottom for g in b), max(g.top for g in b)) for b in kept]
    for band in small:
        centre = sum(g.top + g.bottom for g in band) / (2 * len(band))
        if boxes:
            nearest = min(range(len(boxes)), key=lambda k: _distance(boxes[k], centre))
            kept[nearest].extend(band)
        else:
            kept.append(band)
    kept.sort(key=lambda band: -band[0].base)
    return [sorted(band, key=lambda g: g.index) for band in kept]


def _distance(box: tuple[float, float], y: float) -> float:
    return max(box[0] - y, y - box[1], 0.0)


def _is_punctuation(glyph: Glyph) -> bool:
    return unicodedata.category(glyph.text[:1] or " ").startswith("P")


def _is_bracket(piece: _Piece) -> bool:
    """A bracket or quotation mark: its stream neighbour is no part of its word, whatever the gap
    (Chromium writes «الطعام [وكان» with the space after the bracket, the gap before it)."""
    return unicodedata.category(piece.glyphs[0].text[:1]) in _BRACKETS


def _is_mark(glyph: Glyph) -> bool:
    return unicodedata.category(glyph.text[:1]) == "Mn"


def _pieces(band: list[Glyph], size: float, inks: _Inks) -> list[_Piece]:
    """The band's glyphs (spaces aside) as pieces, left to right."""
    pieces: list[_Piece] = []
    marks: list[Glyph] = []
    last: _Piece | None = None
    for glyph in _without_duplicates(band):  # stream order
        if _is_mark(glyph):
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
            last = _Piece.of(glyph)
            pieces.append(last)
    pieces = _in_painted_order(pieces, size)
    if marks:
        _attach_marks(pieces, marks, inks, size)
    return pieces


def _in_painted_order(pieces: list[_Piece], size: float) -> list[_Piece]:
    """Pieces left to right. Glyphs of one word can overlap (stacked ligatures, kerned marks), so
    where a run of touching pieces is one unbroken stretch of the stream going one way, the
    stream orders it; elsewhere the centres do."""
    pieces = sorted(pieces, key=lambda p: p.center)
    ordered: list[_Piece] = []
    word: list[_Piece] = []
    reach = 0.0
    for piece in pieces:
        if word and piece.glyphs[0].left - reach > _JOINED * size:
            ordered += _word_order(word) if len(word) > 2 else word
            word = []
        reach = max(reach, piece.right) if word else piece.right
        word.append(piece)
    return ordered + (_word_order(word) if len(word) > 2 else word)


def _word_order(word: list[_Piece]) -> list[_Piece]:
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


def _space_centres(spaces: list[Glyph], size: float) -> list[float]:
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


def _same_box(a: Glyph, b: Glyph) -> bool:
    return abs(a.left - b.left) < 0.01 and abs(a.right - b.right) < 0.01


def _touches(a: Glyph, b: Glyph) -> bool:
    return a.left - 0.5 <= b.left <= a.right + 0.5


def _attach_marks(pieces: list[_Piece], marks: list[Glyph], inks: _Inks, size: float) -> None:
    """Each mark to the letter it sits on. Advance boxes overlap too much to tell (in «تَحْ» the
    ت is stacked on the ح, both under the fatha), so an inked mark goes where its ink is best
    placed: over (or under) most of the letter's ink, least far above or below it, with its
    letter before it in the stream counting for much. An inkless mark (an exporter's invisible
    text) goes by advance boxes. A mark never sits on punctuation."""
    letters = [p for p in pieces if p.text()[:1].isalpha()] or pieces
    if not letters:
        return
    lefts = [p.glyphs[0].left for p in letters]
    for mark in marks:
        k = bisect.bisect_right(lefts, mark.right)
        best, best_score = letters[max(k - 1, 0)], -float("inf")
        ink = inks(mark)
        inked = ink[1] - ink[0] > _INKED * size
        for piece in letters[max(k - 4, 0) : k + 2]:
            glyph = piece.glyphs[0]
            follows = glyph.index == mark.index - 1 or piece.glyphs[-1].index == mark.index - 1
            if inked:
                score = _closeness(ink, inks(glyph), size) + (_FOLLOWS if follows else 0.0)
            else:
                score = _loose_overlap(mark, glyph) + (0.01 if follows else 0.0)
            if score > best_score:
                best, best_score = piece, score
        (_lam_of_ligature(best, mark, letters[max(k - 4, 0) : k + 2]) or best).marks.append(mark)


def _lam_of_ligature(alef: _Piece, mark: Glyph, near: list[_Piece]) -> _Piece | None:
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


def _closeness(mark: _Box, letter: _Box, size: float) -> float:
    """How well a mark's ink sits on a letter's: the share of its width over the letter (less the
    distance across, in em, where they do not overlap) less half the gap up or down, in em."""
    across = min(mark[1], letter[1]) - max(mark[0], letter[0])
    share = across / (mark[1] - mark[0]) if across >= 0 else across / size
    gap = max(letter[2] - mark[3], mark[2] - letter[3], 0.0)
    return share - 0.5 * gap / size


def _width(glyph: Glyph) -> float:
    return glyph.right - glyph.left


def _centre(glyph: Glyph) -> float:
    return (glyph.left + glyph.right) / 2


def _split_columns(pieces: list[_Piece], size: float) -> list[list[_Piece]]:
    runs = [[pieces[0]]] if pieces else []
    for before, piece in zip(pieces, pieces[1:], strict=False):
        if piece.left - before.right > _COLUMN_GAP * size:
            runs.append([piece])
        else:
            runs[-1].append(piece)
    return runs


def _scripts_change(a: _Piece, b: _Piece) -> bool:
    """An Arabic letter beside a Latin one: typed text never joins them without a space, so any
    gap between them is one (Chromium draws that space without width, the gap a narrow 0.14 em)."""
    kinds = {unicodedata.bidirectional(a.glyphs[0].text[:1]), unicodedata.bidirectional(b.glyphs[0].text[:1])}
    return "L" in kinds and bool(kinds & {"R", "AL"})


def _stream_neighbours(a: _Piece, b: _Piece) -> bool:
    """True when a glyph of *a* and one of *b* follow each other in the stream (no space between)."""
    indexes = {g.index for g in (*a.glyphs, *a.marks)}
    return any(g.index - 1 in indexes or g.index + 1 in indexes for g in (*b.glyphs, *b.marks))


def _inked_left(piece: _Piece, size: float) -> float:
    """The piece's left edge, its vowel marks included where their boxes are ink (narrow), not
    a font's advance box: a mark drawn in the gap between two letters of a word closes it."""
    if not piece.marks:
        return piece.left
    return min([piece.left, *(m.left for m in piece.marks if m.right - m.left < _INK_MARK * size)])


def _inked_right(piece: _Piece, size: float) -> float:
    if not piece.marks:
        return piece.right
    return max([piece.right, *(m.right for m in piece.marks if m.right - m.left < _INK_MARK * size)])


def _line(
    pieces: list[_Piece], centres: list[float], size: float, rtl_page: bool, writes_spaces: bool
) -> Line:
    painted: list[str] = []
    for k, piece in enumerate(pieces):
        if k:
            before = pieces[k - 1]
            gap_left, gap_right = _inked_right(before, size), _inked_left(piece, size)
            if (
                _spaced_gap(gap_left, gap_right, centres, size, writes_spaces)
                or (gap_right - gap_left > _MIN_GAP * size and _scripts_change(before, piece))
            ) and not (
                writes_spaces
                and gap_right - gap_left < _JOINED_GAP * size
                and _stream_neighbours(before, piece)
                and not (_is_bracket(before) or _is_bracket(piece))
            ):
                painted.append(" ")
        painted.append(fold_presentation_forms(piece.text()))
    rtl = _line_rtl(painted, rtl_page)
    text = " ".join(logical_order(painted, rtl).split())
    glyphs = [g for p in pieces for g in p.glyphs]
    return Line(
        text,
        min(p.left for p in pieces),
        max(p.right for p in pieces),
        min(g.bottom for g in glyphs),
        max(g.top for g in glyphs),
        size,
        rtl,
    )


def _writes_spaces(runs: list[tuple[list[_Piece], list[float], float]], spaces: int) -> bool:
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


def _strong(texts: list[str]) -> tuple[int, int]:
    rtl = ltr = 0
    for text in texts:
        for ch in text:
            kind = unicodedata.bidirectional(ch)
            if kind in ("R", "AL"):
                rtl += 1
            elif kind == "L":
                ltr += 1
    return rtl, ltr


def _mostly_rtl(glyphs: list[Glyph]) -> bool:
    rtl, ltr = _strong([g.text for g in glyphs])
    return rtl >= ltr


def _line_rtl(painted: list[str], rtl_page: bool) -> bool:
    """A line's base direction: the page's, unless the line has no strong letter of that kind."""
    rtl, ltr = _strong(painted)
    if rtl_page:
        return rtl > 0 or ltr == 0
    return ltr == 0 and rtl > 0
