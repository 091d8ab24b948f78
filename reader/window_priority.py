"""Background Python work steps aside while the window works or the reader uses it.

The window's thread gives the GIL up at every Qt call (painting a row makes dozens) and must
take it back each time from whichever worker runs Python meanwhile, up to a switch interval
later. The translation thread runs Python in bursts (CTranslate2's attention handed over as
lists, word alignment, decoding): a burst that met a repaint or a resize made the window wait
for the GIL 35–70 ms of a 50–112 ms stall (``bench_ui_x11.py --why``: the translation thread on
a CPU, the window asleep).

So background work calls :func:`step_aside` between its small steps (a sentence, a batch), and
the window says when it works and when the reader uses it:

- :func:`window_busy` / :func:`window_idle`: the window handles an event / its event loop is
  about to sleep. A step waits for the window to go idle, at most :data:`IDLE_WAIT_S` (so a
  step never waits long on a window that is itself waiting for the work, which also says idle
  before such a wait);
- :func:`note_input`: a key, click, wheel turn, resize or menu action. Steps wait until
  :data:`QUIET_S` after the last one (the repaint and layout it causes come in the next few
  turns of the loop), at most :data:`LONGEST_PAUSE_S`; under input that never stops the work
  then runs :data:`RUN_S` before it waits again, so it goes on, slower.

Nothing here imports Qt; a process without a window (the CLI) never waits.
"""

from __future__ import annotations

import threading
import time

QUIET_S = 0.25
"""How long after the last input steps wait (a key's auto-repeat comes every ~33 ms)."""

LONGEST_PAUSE_S = 0.5
"""The longest a step waits for input to stop; then steps run :data:`RUN_S` without waiting for it."""

RUN_S = 0.1
"""Under input that never stops, how long steps run between two longest waits (a sixth of the time)."""

IDLE_WAIT_S = 0.05
"""The longest one step waits for the window to go idle."""

_quiet_from = 0.0  # monotonic time from which steps may run again
_run_until = 0.0  # after a longest wait, steps run without waiting for input until then
_idle = threading.Event()
_idle.set()


def note_input(quiet_s: float = QUIET_S) -> None:
    """The reader did something in the window: steps wait until *quiet_s* from now."""
    global _quiet_from
    _quiet_from = max(_quiet_from, time.monotonic() + quiet_s)


def window_busy() -> None:
    """The window handles an event: steps wait until its event loop sleeps again."""
    if _idle.is_set():
        _idle.clear()


def window_idle() -> None:
    """The window's event loop is about to sleep (or the window waits for the work itself)."""
    _idle.set()


def step_aside(longest_s: float = LONGEST_PAUSE_S, idle_wait_s: float = IDLE_WAIT_S) -> float:
    """Wait, without the GIL, while the reader uses the window or the window works; the seconds
    waited. ``longest_s=0``: only while the window works (work the reader is waiting for)."""
    global _run_until
    started = now = time.monotonic()
    if longest_s > 0 and now >= _run_until:
        while now < _quiet_from and now - started < longest_s:
            time.sleep(min(_quiet_from - now, longest_s - (now - started)))
            now = time.monotonic()
        if now < _quiet_from:  # the input goes on: the work runs a while before it waits again
            _run_until = now + RUN_S
    if not _idle.is_set():
        _idle.wait(idle_wait_s)
        now = time.monotonic()
    return now - started


def reset() -> None:
    """Forget input and busyness (the window is gone)."""
    global _quiet_from, _run_until
    _quiet_from = _run_until = 0.0
    _idle.set()
