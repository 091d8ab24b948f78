"""One copy of each cluster a producer's ActualText gives once per glyph (Typst's vowelled Arabic).

Typst wraps a cluster it cannot map glyph by glyph (a letter and its vowel mark drawn as two
glyphs, each in its own text object) in an ActualText span per glyph, each with the whole
cluster's text. PDFium gives that text once per glyph: «لَ» over the letter and again over the
mark, each copy's characters slicing its glyph's box into equal parts, all of them at the glyph's
origin. Read as they come, a verse doubles its letters («تحَحْْ سَس»). A copy is recognised by
what PDFium makes of it (characters at one origin whose boxes tile one box, or share it) and
dropped where another copy of the same characters overlaps it; the widest copy, the base
letter's, is kept, and its characters take its whole box so that its marks sit on its letter.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Sequence

from reader.formats.pdf_glyphs import Glyph

_NEAR = 8  # stream positions: characters of one copy are this close (PDFium interleaves copies)
_SAME = 0.01  # points


def one_copy_per_cluster(glyphs: list[Glyph]) -> list[Glyph]:
    """*glyphs* (stream order) less the extra copies of clusters given once per glyph."""
    if not _shared_origins(glyphs):
        return glyphs
    copies = sorted(_copies(glyphs), key=_left)
    if not copies:
        return glyphs
    heights = sorted(g.top - g.bottom for g in glyphs)
    near = 0.5 * heights[len(heights) // 2]
    on_base = Counter(g.base for g in glyphs)  # a copy drawn on the line's baseline is the letter's
    dropped: set[int] = set()
    for k, first in enumerate(copies):
        for second in copies[k + 1 :]:
            if _left(second) >= _right(first):
                break
            if (
                abs(first[0].base - second[0].base) < near
                and _same_text(first, second)
                and min(_right(first), _right(second)) - _left(second) > _SAME
            ):
                worse = min((first, second), key=lambda c: (on_base[c[0].base], _right(c) - _left(c)))
                dropped.update(id(g) for g in worse)
    merged: dict[int, Glyph] = {}  # first glyph of a copy with marks → the copy as one glyph
    for copy in copies:
        if id(copy[0]) in dropped:
            continue
        left, right = _left(copy), _right(copy)
        for glyph in copy:
            glyph.left, glyph.right = left, right
        if any(_is_mark(g) for g in copy):
            dropped.update(id(g) for g in copy)
            head = min(copy, key=lambda g: g.index)
            merged[id(head)] = _as_one(copy)
    if not dropped:
        return glyphs
    return [merged.get(id(g), g) for g in glyphs if id(g) not in dropped or id(g) in merged]


def _as_one(copy: Sequence[Glyph]) -> Glyph:
    """A copy with vowel marks as one glyph, its letter first, its marks where they were: a mark
    of PDFium's slicing can lie nearer a neighbouring letter than its own (Chromium's «وسمّى»
    was read «وسمىّ»)."""
    by_index = sorted(copy, key=lambda g: g.index)
    leading = 0
    while leading < len(by_index) and _is_mark(by_index[leading]):
        leading += 1
    # Marks before the first letter (PDFium interleaves copies) go right after it; before a stop
    # they stay where they are (a word's last marks and its stop in one glyph: «اً.»).
    if leading < len(by_index) and by_index[leading].text[:1].isalpha():
        order = by_index[leading : leading + 1] + by_index[:leading] + by_index[leading + 1 :]
    else:
        order = by_index
    text = "".join(g.text for g in order)
    first = by_index[0]
    return Glyph(
        text,
        first.left,
        first.right,
        min(g.bottom for g in copy),
        max(g.top for g in copy),
        first.base,
        first.index,
        first.x,
    )


def _is_mark(glyph: Glyph) -> bool:
    return unicodedata.category(glyph.text[:1]) == "Mn"


def _shared_origins(glyphs: Sequence[Glyph]) -> bool:
    """Cheap test first: do any two characters share an origin?"""
    return len({(g.x, g.base) for g in glyphs}) < len(glyphs)


def _copies(glyphs: Sequence[Glyph]) -> list[list[Glyph]]:
    """Runs of characters at one origin, close in the stream, whose boxes tile one box in equal
    slices or are one box: what PDFium makes of one glyph's multi-character text."""
    groups: list[list[Glyph]] = []
    open_groups: dict[tuple[float, float, float, float], list[Glyph]] = {}
    for glyph in glyphs:
        key = (glyph.x, glyph.base, glyph.bottom, glyph.top)
        group = open_groups.get(key)
        if group is not None and glyph.index - group[-1].index <= _NEAR:
            group.append(glyph)
        else:
            open_groups[key] = group = [glyph]
            groups.append(group)
    return [g for g in groups if len(g) > 1 and (_one_box(g) or _tiled(g))]


def _one_box(group: Sequence[Glyph]) -> bool:
    first = group[0]
    return all(abs(g.left - first.left) < _SAME and abs(g.right - first.right) < _SAME for g in group)


def _tiled(group: Sequence[Glyph]) -> bool:
    by_left = sorted(group, key=lambda g: g.left)
    width = by_left[0].right - by_left[0].left
    return width > 0 and all(
        abs((b.right - b.left) - width) < _SAME and abs(b.left - a.right) < _SAME
        for a, b in zip(by_left, by_left[1:], strict=False)
    )


def _same_text(a: Sequence[Glyph], b: Sequence[Glyph]) -> bool:
    return len(a) == len(b) and sorted(g.text for g in a) == sorted(g.text for g in b)


def _left(group: Sequence[Glyph]) -> float:
    return min(g.left for g in group)


def _right(group: Sequence[Glyph]) -> float:
    return max(g.right for g in group)
