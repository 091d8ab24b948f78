"""Which segments to translate next: the ones on screen first, then reading on from there.

The queue holds segment *ids*, never positions: a split or a merge renumbers the rows while a
book translates, and an id keeps naming the same sentence. Each id carries an order key (its
reading position when it was queued) used only to read on in roughly document order; a key that
has drifted by a few rows after a split changes which sentence goes first, never which English
lands where.

The GUI thread tells the queue what is visible whenever the reader scrolls; the worker thread
takes chunks from it between batches. The first chunk is small so the first English sentence
appears quickly; later chunks are the engine's batch size, or larger once the session has
measured its engine (:meth:`VisibleFirstQueue.grow_chunks`): the engine sorts a chunk by length,
so a larger one wastes less decoding on padding. Rows on screen still go in a chunk of the batch
size at most, so they never wait behind a large one. No Qt here: the queue is plain Python
guarded by a lock.
"""

from __future__ import annotations

import bisect
import threading
from collections.abc import Iterable, Sequence

FIRST_CHUNK = 2
"""One sentence per CTranslate2 replica on 2 cores. First English after the model is ready, opus-mt
shape, int8, beam 4, random weights running to the cap: 0.49 s for 2 sentences, 0.62-0.69 s for 3
(at realistic 45-token outputs 0.29 s against 0.31-0.36 s); bench_engines_cli.py measures it."""

Entry = tuple[int, int]
"""(order key, segment id): the key is the reading position the id had when it was queued."""


class VisibleFirstQueue:
    """A thread-safe set of segment ids still to translate, ordered for the reader.

    Order of :meth:`take`: ids reported visible (in on-screen order), then the following ones
    by order key from just after the last one taken, wrapping to the start. Once :meth:`take`
    has returned an empty chunk the queue is closed: :meth:`add` then returns False so the caller
    knows to start a new run. Reading on is amortised O(1) per id (a sorted list scanned from a
    cursor, compacted when half of it is taken), so a 100 000-sentence book does not cost a sort
    per chunk. *pending* given as plain ints is a list of ids whose order key is the id itself.
    """

    def __init__(
        self,
        pending: Iterable[int] = (),
        *,
        chunk_size: int,
        first_chunk: int = FIRST_CHUNK,
        visible: Sequence[int] = (),
    ) -> None:
        if chunk_size < 1 or first_chunk < 1:
            raise ValueError("chunk sizes must be positive")
        self._lock = threading.Lock()
        self._order: dict[int, int] = {}  # pending id -> order key
        self._sorted: list[Entry] = []
        self._visible: list[int] = list(visible)
        self._chunk_size = self._batch = chunk_size
        self._next_size = min(first_chunk, chunk_size)
        self._first_taken = False
        self._cursor = 0
        self._closed = False
        self.fill((i, i) for i in pending)

    def __len__(self) -> int:
        with self._lock:
            return len(self._order)

    def __contains__(self, segment_id: object) -> bool:
        with self._lock:
            return segment_id in self._order

    @property
    def closed(self) -> bool:
        with self._lock:
            return self._closed

    def fill(self, entries: Iterable[Entry]) -> None:
        """Add the ids a run starts with, in one go (the run builds them on its thread)."""
        with self._lock:
            for key, segment_id in entries:
                self._order[segment_id] = key
            self._sorted = sorted((key, i) for i, key in self._order.items())

    def prioritize(self, visible: Sequence[int]) -> None:
        """Put the ids in *visible* at the front; replaces the previous visible set."""
        with self._lock:
            self._visible = list(visible)

    def add(self, entries: Iterable[Entry], *, urgent: bool = False) -> bool:
        """Queue more ids (a retry, a split's pieces); False if the queue is already closed.

        *urgent* puts every one of them at the front, those already queued too (a change event
        may have queued a split's pieces a moment before the window asks for them first)."""
        with self._lock:
            if self._closed:
                return False
            wanted = []
            for key, segment_id in entries:
                if segment_id not in self._order:
                    self._order[segment_id] = key
                    bisect.insort(self._sorted, (key, segment_id))
                wanted.append(segment_id)
            if urgent and wanted:
                first = list(dict.fromkeys(wanted))
                fresh = set(first)
                self._visible = first + [i for i in self._visible if i not in fresh]
            return True

    def discard(self, segment_ids: Iterable[int]) -> None:
        """Forget ids that no longer need translating."""
        with self._lock:
            for segment_id in segment_ids:
                self._order.pop(segment_id, None)

    def grow_chunks(self, size: int) -> None:
        """Chunks read on in *size* from now on (never below the batch size; the first stays small)."""
        with self._lock:
            self._chunk_size = max(self._batch, size)
            if self._first_taken:
                self._next_size = self._chunk_size

    def take(self) -> list[int]:
        """The next chunk to translate, or [] (and the queue closes) when nothing is left."""
        with self._lock:
            order = self._order
            if not order:
                self._closed = True
                return []
            size = self._next_size
            self._next_size = self._chunk_size
            self._first_taken = True
            chunk = [i for i in dict.fromkeys(self._visible) if i in order][:size]
            if chunk:  # read on from the bottom of the screen, in a chunk no larger than a batch
                size = min(size, max(self._batch, len(chunk)))
                chunk = chunk[:size]
                self._cursor = max(order[i] for i in chunk) + 1
            if len(chunk) < size:
                chunk += self._following(size - len(chunk), exclude=set(chunk))
            self._cursor = order[chunk[-1]] + 1
            for segment_id in chunk:
                del order[segment_id]
            return chunk

    def _following(self, count: int, exclude: set[int]) -> list[int]:
        order = self._order
        if len(self._sorted) > 2 * len(order) + 64:
            self._sorted = [(k, i) for k, i in self._sorted if order.get(i) == k]
        ordered, found = self._sorted, []
        start = bisect.bisect_left(ordered, (self._cursor, -1))
        for span in (range(start, len(ordered)), range(0, start)):
            for k in span:
                key, segment_id = ordered[k]
                if order.get(segment_id) == key and segment_id not in exclude:
                    found.append(segment_id)
                    exclude.add(segment_id)
                    if len(found) == count:
                        return found
        return found
