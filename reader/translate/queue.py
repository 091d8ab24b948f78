"""Which segments to translate next: the ones on screen first, then reading on from there.

The GUI thread tells the queue what is visible whenever the reader scrolls; the worker thread
takes chunks from it between batches. The first chunk is small so the first English sentence
appears quickly; later chunks are the engine's batch size, which is what it translates best.
No Qt here: the queue is plain Python guarded by a lock.
"""

from __future__ import annotations

import bisect
import threading
from collections.abc import Iterable, Sequence

FIRST_CHUNK = 2
"""One sentence per CTranslate2 replica on 2 cores. First English after the model is ready, opus-mt
shape, int8, beam 4, random weights running to the cap: 0.49 s for 2 sentences, 0.62-0.69 s for 3
(at realistic 45-token outputs 0.29 s against 0.31-0.36 s); bench_engines_cli.py measures it."""


class VisibleFirstQueue:
    """A thread-safe set of reading positions still to translate, ordered for the reader.

    Order of :meth:`take`: sentences reported visible (in on-screen order), then the following
    sentences in document order from just after the last one taken, wrapping to the start.
    Once :meth:`take` has returned an empty chunk the queue is closed: :meth:`add` then returns
    False so the caller knows to start a new run. Reading on is amortised O(1) per position (a
    sorted list scanned from a cursor, compacted when half of it is taken), so a 100 000-sentence
    book does not cost a sort per chunk.
    """

    def __init__(
        self,
        pending: Iterable[int],
        *,
        chunk_size: int,
        first_chunk: int = FIRST_CHUNK,
        visible: Sequence[int] = (),
    ) -> None:
        if chunk_size < 1 or first_chunk < 1:
            raise ValueError("chunk sizes must be positive")
        self._lock = threading.Lock()
        self._pending: set[int] = set(pending)
        self._sorted: list[int] = sorted(self._pending)
        self._visible: list[int] = list(visible)
        self._chunk_size = chunk_size
        self._next_size = min(first_chunk, chunk_size)
        self._cursor = 0
        self._closed = False

    def __len__(self) -> int:
        with self._lock:
            return len(self._pending)

    @property
    def closed(self) -> bool:
        with self._lock:
            return self._closed

    def fill(self, pending: Iterable[int]) -> None:
        """Add the positions a run starts with, in one go (the run builds them on its thread)."""
        with self._lock:
            self._pending.update(pending)
            self._sorted = sorted(self._pending)

    def prioritize(self, visible: Sequence[int]) -> None:
        """Put *visible* at the front; replaces the previous visible set (the screen moved on)."""
        with self._lock:
            self._visible = list(visible)

    def add(self, indexes: Iterable[int], *, urgent: bool = False) -> bool:
        """Queue more sentences (a retry); False if the queue is already closed."""
        with self._lock:
            if self._closed:
                return False
            new = [i for i in dict.fromkeys(indexes) if i not in self._pending]
            self._pending.update(new)
            for index in new:
                bisect.insort(self._sorted, index)
            if urgent:
                self._visible = new + [i for i in self._visible if i not in new]
            return True

    def discard(self, indexes: Iterable[int]) -> None:
        """Forget sentences that no longer need translating."""
        with self._lock:
            self._pending.difference_update(indexes)

    def take(self) -> list[int]:
        """The next chunk to translate, or [] (and the queue closes) when nothing is left."""
        with self._lock:
            if not self._pending:
                self._closed = True
                return []
            size = self._next_size
            self._next_size = self._chunk_size
            chunk = [i for i in dict.fromkeys(self._visible) if i in self._pending][:size]
            if chunk:  # read on from the bottom of the screen
                self._cursor = max(chunk) + 1
            if len(chunk) < size:
                chunk += self._following(size - len(chunk), exclude=set(chunk))
            self._pending.difference_update(chunk)
            self._cursor = chunk[-1] + 1
            return chunk

    def _following(self, count: int, exclude: set[int]) -> list[int]:
        if len(self._sorted) > 2 * len(self._pending) + 64:
            self._sorted = [i for i in self._sorted if i in self._pending]
        ordered, found = self._sorted, []
        start = bisect.bisect_left(ordered, self._cursor)
        for span in (range(start, len(ordered)), range(0, start)):
            for k in span:
                index = ordered[k]
                if index in self._pending and index not in exclude:
                    found.append(index)
                    if len(found) == count:
                        return found
        return found
