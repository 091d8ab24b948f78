"""Find in both languages of a whole document, Arabic-aware, fast enough to run on every keystroke.

Each language is folded once (:mod:`reader.arabic.folding`: vowel marks, tatweel and hamza seats ignored;
English case- and accent-insensitive) and joined into one array of code points, so a query is a
few vectorised comparisons over the whole book (numpy) instead of a Python loop over sentences:
a few milliseconds for 20 000 sentences (tests/benchmarks/bench_find.py). When translations
arrive, only the changed sentences are folded again (:meth:`FindIndex.mark_changed`), and at the
next search only their blocks are encoded and searched again. A letter typed onto the last query
is checked only where that query's hits start (every hit of the longer one starts at one of them).

Hits come back in reading order (sentence, then Arabic before English, then offset) and are
mapped to the *original* text only when asked for (:meth:`Matches.hit`), one sentence at a time,
through the fold's offset map. Qt-free: the find bar and ``bireader find`` share it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

import numpy as np

from reader.arabic.folding import Folder, Folds, folder
from reader.model import Document, Segment
from reader.window_priority import step_aside

Language = Literal["ar", "en"]
LANGUAGES: tuple[Language, Language] = ("ar", "en")
_SEPARATOR = "\x00"  # never in a folded query, so no hit spans two sentences
_PREFIX_PASSES = 3  # whole-array comparisons before switching to checking the candidates
BLOCK = 512  # sentences joined together: what one arriving translation costs to re-encode
FOLD_STEP = 256  # sentences folded between two steps aside for the window
_NO_CODES = np.zeros(0, dtype=np.uint32)
_NO_LENGTHS = np.zeros(0, dtype=np.int64)


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
    """One language's folded sentences, in reading order, as code points in blocks.

    The code points are kept per block of :data:`BLOCK` sentences, and the last query's hits are
    kept: translations arriving while the find bar is open re-encode and search again only their
    blocks, and the hits elsewhere are moved, not found again (no hit spans two blocks: each
    sentence ends in a separator). A query typed further (the kept one and more letters) is
    checked only where the kept hits start; any other new query searches the whole joined text.
    """

    def __init__(self, texts: list[str], sources: list[str]) -> None:
        self.texts = texts  # folded
        self.sources = sources  # as shown: a sentence whose source is unchanged is not folded again
        self.starts = np.zeros(0, dtype=np.int64)
        self._blocks: list[np.ndarray] = []
        self._lengths: list[np.ndarray] = []
        self._bases = _NO_LENGTHS  # where each block starts in the joined text
        self._codes: np.ndarray | None = None  # the blocks joined, made again when a query needs it
        self._query, self._hits, self._hit_bases = "", _NO_LENGTHS, _NO_LENGTHS
        self._stale: set[int] = set()  # blocks encoded again since the hits were found
        self.join()

    def join(self, rows: Iterable[int] | None = None) -> None:
        """Encode the texts again: only the blocks holding *rows*, or all of them."""
        count = -(-len(self.texts) // BLOCK)
        if rows is None or len(self._blocks) != count:
            self._blocks, self._lengths = [_NO_CODES] * count, [_NO_LENGTHS] * count
            blocks: Iterable[int] = range(count)
            self._query = ""  # nothing kept
        else:
            blocks = sorted({row // BLOCK for row in rows})
        for block in blocks:
            part = self.texts[block * BLOCK : (block + 1) * BLOCK]
            joined = _SEPARATOR.join(part) + _SEPARATOR  # a separator after each sentence
            self._blocks[block] = np.frombuffer(joined.encode("utf-32-le"), dtype=np.uint32)
            self._lengths[block] = np.fromiter((len(t) + 1 for t in part), dtype=np.int64, count=len(part))
            self._stale.add(block)
        # A whole build (on the find bar's worker) joins the blocks now, for the first query; a
        # few arrived translations leave it to a new query (the kept one needs no joining).
        self._codes = (np.concatenate(self._blocks) if count else _NO_CODES) if rows is None else None
        sizes = np.fromiter((len(b) for b in self._blocks), dtype=np.int64, count=count)
        self._bases = np.concatenate(([0], np.cumsum(sizes)[:-1])) if count else _NO_LENGTHS
        lengths = np.concatenate(self._lengths) if count else _NO_LENGTHS
        self.starts = np.concatenate(([0], np.cumsum(lengths)[:-1])) if len(lengths) else lengths

    def find(self, query: str) -> np.ndarray:
        """The joined offsets of every occurrence, ascending (so in reading order)."""
        if query == self._query and not self._stale:
            return self._hits
        if self._query and query.startswith(self._query):
            # The same query after arrivals, or one typed further: every hit of it starts where
            # a kept hit does, so only those are checked (a typed letter cost a whole-book scan).
            self._hits = self._kept_hits(query)
        else:
            if self._codes is None:
                self._codes = np.concatenate(self._blocks) if self._blocks else _NO_CODES
            self._hits = find_all(self._codes, query)
        self._query, self._hit_bases, self._stale = query, self._bases, set()
        return self._hits

    def _kept_hits(self, query: str) -> np.ndarray:
        """The kept hits, block by block: found again in the stale blocks; elsewhere moved, and
        narrowed to those that go on into *query* when it is longer than the kept one."""
        old, bases, known = self._hit_bases, self._bases, len(self._query)
        cuts = np.searchsorted(self._hits, np.append(old, np.iinfo(np.int64).max))
        parts = []
        for block, codes in enumerate(self._blocks):
            if block in self._stale:
                parts.append(find_all(codes, query) + bases[block])
            else:
                local = self._hits[cuts[block] : cuts[block + 1]] - old[block]
                parts.append(extend_hits(codes, local, query, known) + bases[block])
        return np.concatenate(parts) if parts else _NO_LENGTHS


def extend_hits(codes: np.ndarray, starts: np.ndarray, query: str, known: int) -> np.ndarray:
    """Of *starts*, where ``query[:known]`` occurs in *codes*, those where all of *query* does."""
    if known >= len(query):
        return starts
    starts = starts[starts <= len(codes) - len(query)]
    wanted = np.frombuffer(query.encode("utf-32-le"), dtype=np.uint32)
    for i in range(known, len(query)):
        starts = starts[codes[starts + i] == wanted[i]]
    return starts


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
    return candidates.astype(np.int64, copy=False)


class Matches:
    """The hits of one query, in reading order; mapped to original offsets on demand.

    Hit *i* is addressed by arithmetic, not by a per-hit table: each side keeps only its sorted
    joined offsets, and a per-sentence count of the hits before it (one binary search per
    sentence) orders them as reading does (sentence, Arabic before English, offset). So a
    one-letter query with 750 000 hits costs what finding them costs, a few ms, and nothing per
    hit; the rows of all hits are built only if asked for (:attr:`rows`, the CLI's listing).
    """

    def __init__(
        self, document: Document, finder: Folder, found: Sequence[tuple[np.ndarray, np.ndarray]], width: int
    ) -> None:
        self.document, self._folder, self.width = document, finder, width
        self._positions = [positions for positions, _starts in found]
        self._starts = [starts for _positions, starts in found]
        count = len(self._starts[0]) if found else 0
        # _before[side][r]: that side's hits in sentences before r (r = count: all of them).
        self._before = [
            np.searchsorted(positions, np.append(starts, np.iinfo(np.int64).max), side="left")
            for positions, starts in found
        ]
        self._cumulative: np.ndarray = np.zeros(count + 1, dtype=np.int64)
        for before in self._before:
            self._cumulative = self._cumulative + before

    def __len__(self) -> int:
        return int(self._cumulative[-1])

    def row(self, index: int) -> int:
        """The reading position of hit *index*."""
        return int(np.searchsorted(self._cumulative, index, side="right")) - 1

    @property
    def rows(self) -> np.ndarray:
        """The reading position of every hit (O(hits): for listings, not for the window)."""
        return np.repeat(np.arange(len(self._cumulative) - 1), np.diff(self._cumulative))

    def _located(self, index: int) -> tuple[int, int, int]:
        """(row, side, folded start within the sentence) of hit *index*."""
        row = self.row(index)
        rank = index - int(self._cumulative[row])
        for side, before in enumerate(self._before):
            here = int(before[row + 1] - before[row])
            if rank < here:
                offset = int(self._positions[side][int(before[row]) + rank])
                return row, side, offset - int(self._starts[side][row])
            rank -= here
        raise IndexError(index)

    def hit(self, index: int) -> Hit:
        row, side, start = self._located(index)
        segment = self.document.segment_at(row)
        language = LANGUAGES[side]
        folded = self._folder.fold_with_offsets(side_text(segment, language))
        begin, end = folded.original_span(start, start + self.width)
        return Hit(segment.id, language, begin, end)

    def hits(self) -> Iterable[Hit]:
        return (self.hit(i) for i in range(len(self)))

    def first_from(self, row: int) -> int:
        """The index of the first hit at or after reading position *row* (wrapping to 0)."""
        if not 0 <= row < len(self._cumulative) - 1:
            return 0
        index = int(self._cumulative[row])
        return index if index < len(self) else 0

    def in_row(self, row: int, language: Language) -> list[tuple[int, int]]:
        """Original spans of the hits in one side of one sentence (what a painter highlights)."""
        side = LANGUAGES.index(language)
        if side >= len(self._before) or not 0 <= row < len(self._cumulative) - 1:
            return []
        low, high = int(self._before[side][row]), int(self._before[side][row + 1])
        if low == high:
            return []
        begin = int(self._starts[side][row])
        folded = self._folder.fold_with_offsets(side_text(self.document.segment_at(row), language))
        return [
            folded.original_span(start, start + self.width)
            for start in (self._positions[side][low:high] - begin).tolist()
        ]


def _folded(fold: Callable[[str], str], texts: list[str]) -> list[str]:
    """*texts* folded, stepping aside for the window every :data:`FOLD_STEP` (a book's folding is
    ~0.2 s of Python on a worker: met by the window's own work, it made the window wait for the GIL)."""
    folded: list[str] = []
    for start in range(0, len(texts), FOLD_STEP):
        step_aside()
        folded.extend(fold(t) for t in texts[start : start + FOLD_STEP])
    return folded


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
        arabic_texts = [s.text for s in segments]
        english_texts = [s.translation or "" for s in segments]
        arabic = _SideIndex(_folded(fold, arabic_texts), arabic_texts)
        english = _SideIndex(_folded(fold, english_texts), english_texts)
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
        if not needle:
            return Matches(self.document, self.folder, [], 0)
        found = [(side.find(needle), side.starts) for side in self._sides]
        return Matches(self.document, self.folder, found, len(needle))

    def _refresh(self) -> None:
        if not self._dirty or self._sides is None:
            return
        dirty, self._dirty = self._dirty, set()
        fold = self.folder.fold
        changed: tuple[list[int], list[int]] = ([], [])
        for segment_id in dirty:
            segment = self.document.segment(segment_id)
            if segment is None:
                continue
            row = self.document.position_of(segment_id)
            for side, language in enumerate(LANGUAGES):
                index, text = self._sides[side], side_text(segment, language)
                if index.sources[row] == text:  # a translation leaves the Arabic as it was
                    continue
                index.sources[row] = text
                folded = fold(text)
                if index.texts[row] != folded:
                    index.texts[row] = folded
                    changed[side].append(row)
        for side, rows in enumerate(changed):
            if rows:
                self._sides[side].join(rows)
