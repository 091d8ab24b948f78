"""Keep Python's cycle collector from freezing the window on a big book.

A full (generation 2) collection walks every tracked object: with a 20 000-sentence book and
torch loaded that is ~90 ms, with 100 000 sentences ~250 ms, and it runs on whichever thread
allocates, often the GUI thread (measured with ``gc.callbacks`` in bench_ui_book.py). The
document's nodes and the loaded libraries live as long as the window anyway and form no cycles,
so once they exist they are moved out of the collector's sight with ``gc.freeze()``: collections
then walk only what was made since. Frozen objects are still freed by reference counting.

While a worker builds a book or imports a model it allocates hundreds of thousands of objects,
and each full collection that triggers meanwhile walks all of them (77–172 ms seen, holding the
GIL, so the window stalls too). :func:`bulk_allocation` pauses the collector for such work and
freezes its result on the worker, before any later collection can walk it.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_bulk_depth = 0


def settle() -> None:
    """Move every object alive now out of the cycle collector's generations.

    The young generations are collected first (a few ms: they hold only what was made since the
    last collection), so short-lived cycles such as a finished task's signal closures are freed
    rather than frozen for good; the freeze itself is O(1).
    """
    gc.collect(1)
    gc.freeze()


@contextmanager
def bulk_allocation() -> Iterator[None]:
    """Run a worker's bulk allocation (opening a book, loading a model) with the cycle collector
    paused, then freeze what it made. Nests and overlaps across threads: the collector runs again
    when the last one ends. Cycles made meanwhile stay uncollected (a few, from imports)."""
    global _bulk_depth
    with _lock:
        _bulk_depth += 1
        if _bulk_depth == 1:
            gc.disable()
    try:
        yield
    finally:
        with _lock:
            _bulk_depth -= 1
            if _bulk_depth == 0:
                gc.freeze()
                gc.enable()
