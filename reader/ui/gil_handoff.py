"""Let the window take the GIL back within a millisecond while a worker runs Python.

CPython hands the GIL over on request only every *switch interval* (5 ms by default). The
window's thread gives the GIL up for many a Qt call (painting, text layout) and must wait to
get it back while the translation worker is busy in Python (tokenising, decoding, word
alignment): with the default that is up to 5 ms per call, and a repaint of the reading view
makes a dozen of them. This is the "convoy" in the translating stalls of bench_ui_book.py:
the window's own CPU time was 11–16 ms of 58–63 ms stalls. With a 1 ms interval a GIL-releasing
call on the GUI thread against a busy worker waits ~1.7 ms instead of ~6.6 ms
(tests/benchmarks/bench_gil_handoff.py). The cost is more frequent hand-overs between threads
that both want the GIL, which only happens while a worker runs.
"""

from __future__ import annotations

import sys

SWITCH_INTERVAL_S = 0.001


def favour_the_window() -> None:
    """Shorten the interpreter's switch interval (never lengthen one set shorter already)."""
    if sys.getswitchinterval() > SWITCH_INTERVAL_S:
        sys.setswitchinterval(SWITCH_INTERVAL_S)
