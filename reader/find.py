"""Find in both languages of a whole document, Arabic-aware, fast enough to run on every keystroke.

Each language is folded once (:mod:`reader.arabic.folding`: vowel marks, tatweel and hamza seats ignored;
English case- and accent-insensitive) and joined into one array of code points, so a query is a
few vectorised comparisons over the whole book (numpy) instead of a Python loop over sentences:
a few milliseconds for 20 000 sentences (tests/benchmarks/bench_find.py). When translations
arrive, only the changed sentences are folded again (:meth:`FindIndex.mark_changed`); the array is
rejoined at the next search.

Hits come back in reading order (sentence, then Arabic before English, then offset) and are
mapped to the *original* text only when asked for (:meth:`Matches.hit`), one sentence at a time,
through the fold's offset map. Qt-free: the find bar and ``bireader find`` share it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

import numpy as np

from reader.arabic.folding import Folder, Folds, folder
from reader.model import Document, Segment

Language = Literal["ar", "en"]
LANGUAGES: tuple[Language, Language] = ("ar", "en")
_SEPARATOR = "\x00"  # never in a folded query, so no hit spans two sentences
_PREFIX_PASSES = 3  # whole-array comparisons before switching to checking the candidates


@dataclass(frozen=True)
class Hit:
    """One match: which sentence, which side, and its span in the original (unfolded) text."""

    segment_id: int
    language: Language
    start: int
    end: int


def side_text(segment: Segment, language: Language) -> str:
    """The text a side shows and find searches: the Arabic, or the English once there is one."""
    return segment.text if language == "ar" else (segment.translation or "")


class _SideIndex:
    """One language's folded sentences, in reading order, and their joined code points."""

    def __init__(self, texts: list[str]) -> None:
        self.texts = texts
        self.codes = np.zeros(0, dtype=np.uint32)
        self.starts = np.zeros(0, dtype=np.int64)
        self.join()

    def join(self) -> None:
        joined = _SEPARATOR.join(self.texts)
        self.codes = np.frombuffer(joined.encode("utf-32-le"), dtype=np.uint32)
        lengths = np.fromiter((len(t) + 1 for t in self.texts), dtype=np.int64, count=len(self.texts))
        self.starts = np.concatenate(([0], np.cumsum(lengths)[:-1])) if len(lengths) else lengths

    def find(self, query: str) -> tuple[np.ndarray, np.ndarray]:
        """(sentence positions, folded starts within the sentence) of every occurrence."""
        positions = find_all(self.codes, query)
        rows = np.searchsorted(self.starts, positions, side="right") - 1
        return rows, positions - self.starts[rows]


def find_all(codes: np.ndarray, query: str) -> np.ndarray:
    """Every offset where *query* occurs in *codes* (overlapping occurrences included)."""
    size, width = len(codes), len(query)
    if not width or size < width:
        return np.zeros(0, dtype=np.int64)
    wanted = np.frombuffer(query.encode("utf-32-le"), dtype=np.uint32)
    last = size - width + 1
    passes = min(width, _PREFIX_PASSES)
    mask = codes[:last] == wanted[0]
    for i in range(1, passes):
        mask &= codes[i : last + i] == wanted[i]
    candidates = np.flatnonzero(mask)
    for i in range(passes, width):  # the rest only where the prefix matched: few by now
        candidates = candidates[codes[candidates + i] == wanted[i]]
    return candidates.astype(np.int64)


class Matches:
    """The hits of one query, in reading order; mapped to original offsets on demand.

    *rows*, *sides* and *starts* are the Arabic hits, then the English ones, each in text order.
    """

    def __init__(
        self,
        document: Document,
        finder: Folder,
        rows: np.ndarray,
        sides: np.ndarray,
        starts: np.ndarray,
        width: int,
    ) -> None:
        # Each side is already in reading order and Arabic comes first: a stable sort by row is a
        # merge of two sorted runs (timsort), several times faster than a three-key lexsort.
        order = np.argsort(rows, kind="stable")
        self.document, self._folder, self.width = document, finder, width
        self.rows, self.sides, self.starts = rows[order], sides[order], starts[order]

    def __len__(self) -> int:
        return len(self.rows)

    def hit(self, index: int) -> Hit:
        segment = self.document.segment_at(int(self.rows[index]))
        language = LANGUAGES[int(self.sides[index])]
        folded = self._folder.fold_with_offsets(side_text(segment, language))
        start = int(self.starts[index])
        begin, end = folded.original_span(start, start + self.width)
        return Hit(segment.id, language, begin, end)

    def hits(self) -> Iterable[Hit]:
        return (self.hit(i) for i in range(len(self)))

    def first_from(self, row: int) -> int:
        """The index of the first hit at or after reading position *row* (wrapping to 0)."""
        index = int(np.searchsorted(self.rows, row, side="left"))
        return index if index < len(self) else 0

    def in_row(self, row: int, language: Language) -> list[tuple[int, int]]:
        """Original spans of the hits in one side of one sentence (what a painter highlights)."""
        low = int(np.searchsorted(self.rows, row, side="left"))
        high = int(np.searchsorted(self.rows, row, side="right"))
        side = LANGUAGES.index(language)
        chosen = [i for i in range(low, high) if self.sides[i] == side]
        if not chosen:
            return []
        folded = self._folder.fold_with_offsets(side_text(self.document.segment_at(row), language))
        return [folded.original_span(int(self.starts[i]), int(self.starts[i]) + self.width) for i in chosen]


EMPTY_ROWS = np.zeros(0, dtype=np.int64)


class FindIndex:
    """A document's folded text for find; see the module docstring.

    :meth:`build` reads the document (safe on a worker thread: it only reads immutable
    segments); :meth:`mark_changed` records sentences whose text changed since, folded again at
    the next :meth:`search`. A structural change (split, merge) needs a new index.
    """

    def __init__(self, document: Document, folds: Folds | None = None) -> None:
        self.document = document
        self.folder = folder(folds or Folds())
        self._sides: tuple[_SideIndex, _SideIndex] | None = None
        self._dirty: set[int] = set()

    @property
    def built(self) -> bool:
        return self._sides is not None

    def build(self) -> FindIndex:
        fold = self.folder.fold
        segments = list(self.document.iter_segments())
        arabic = _SideIndex([fold(s.text) for s in segments])
        english = _SideIndex([fold(s.translation or "") for s in segments])
        self._sides = (arabic, english)
        return self

    def mark_changed(self, segment_ids: Sequence[int]) -> None:
        self._dirty.update(segment_ids)

    def search(self, query: str) -> Matches:
        """Every hit of *query* (folded the same way as the text) in both languages."""
        if self._sides is None:
            self.build()
        assert self._sides is not None
        self._refresh()
        needle = self.folder.fold(query)
        found = [side.find(needle) for side in self._sides] if needle else []
        if not found:
            return Matches(self.document, self.folder, EMPTY_ROWS, EMPTY_ROWS, EMPTY_ROWS, 0)
        rows = np.concatenate([rows for rows, _ in found])
        starts = np.concatenate([starts for _, starts in found])
        sides = np.concatenate([np.full(len(r), i, dtype=np.int64) for i, (r, _) in enumerate(found)])
        return Matches(self.document, self.folder, rows, sides, starts, len(needle))

    def _refresh(self) -> None:
        if not self._dirty or self._sides is None:
            return
        dirty, self._dirty = self._dirty, set()
        fold = self.folder.fold
        changed = [False, False]
        for segment_id in dirty:
            segment = self.document.segment(segment_id)
            if segment is None:
                continue
            row = self.document.position_of(segment_id)
            for side, language in enumerate(LANGUAGES):
                folded = fold(side_text(segment, language))
                if self._sides[side].texts[row] != folded:
                    self._sides[side].texts[row] = folded
                    changed[side] = True
        for side, was_changed in enumerate(changed):
            if was_changed:
                self._sides[side].join()
