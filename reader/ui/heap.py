"""Keep Python's cycle collector from freezing the window on a big book.

A full (generation 2) collection walks every tracked object: with a 20 000-sentence book and
torch loaded that is ~90 ms, with 100 000 sentences ~250 ms, and it runs on whichever thread
allocates, often the GUI thread (measured with ``gc.callbacks`` in bench_ui_book.py). The
document's nodes and the loaded libraries live as long as the window anyway and form no cycles,
so once they exist they are moved out of the collector's sight with ``gc.freeze()``: collections
then walk only what was made since. Frozen objects are still freed by reference counting.
"""

from __future__ import annotations

import gc


def settle(generation: int | None = 1) -> None:
    """Move every object alive now out of the cycle collector's generations.

    The young generations (up to *generation*) are collected first, so short-lived cycles such as
    a finished task's signal closures are freed rather than frozen for good; the freeze itself is
    O(1). Right after a book is built, its big containers (the segment list, the id index) are
    still young, and even a generation-0 collection traverses every entry of them (25 ms at
    100 000 sentences): opening passes ``None`` and only freezes, leaving the few cycles of the
    finished open task uncollected.
    """
    if generation is not None:
        gc.collect(generation)
    gc.freeze()
