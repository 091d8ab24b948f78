"""Run a native engine's compute threads at a lower priority than the Python thread that feeds them.

The window waits for the GIL whenever the translation's Python thread holds it (tokenising,
aligning, building results); if that thread is then preempted, the window waits until it runs
again. CTranslate2's replica threads hold no GIL, but they inherited the Python thread's
priority and so took turns with it on the CPUs: in one stall the window waited 56 ms asleep
while the translation thread, holding the GIL, waited 14.5 ms for a CPU the two replicas held
(``bench_ui_x11.py --why``). Made from a thread that first lowered its own priority, the replicas
inherit that lower priority (Linux gives each thread its own nice value), and the GIL holder
gets a CPU back at once.
"""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")

WINDOW_EXTRA_NICE = 9
"""How much nicer than the feeding thread the window makes them (capped at 19, the lowest)."""

_extra_nice = 0  # the CLI feeds its engine from the main thread and leaves priorities alone


def lower_compute_threads(extra: int = WINDOW_EXTRA_NICE) -> None:
    """From now on, engines made in this process start their compute threads *extra* nicer than
    the thread that loads them (the window calls this: it waits for the GIL, the CLI does not)."""
    global _extra_nice
    _extra_nice = max(0, extra)


def lower_this_thread(extra: int) -> None:
    """Add *extra* to the calling thread's nice value, where the platform allows it."""
    if not hasattr(os, "setpriority") or not hasattr(threading, "get_native_id"):
        return
    with contextlib.suppress(OSError):
        thread = threading.get_native_id()
        os.setpriority(os.PRIO_PROCESS, thread, min(19, os.getpriority(os.PRIO_PROCESS, thread) + extra))


def made_at_lower_priority(make: Callable[[], T], extra: int | None = None) -> T:
    """``make()`` called on a short-lived thread *extra* (by default as set by
    :func:`lower_compute_threads`) nicer than this one, so the threads it starts (a native
    library's pool) run nicer too; its result is returned, its error raised."""
    extra = _extra_nice if extra is None else extra
    if extra <= 0:
        return make()
    outcome: list[T] = []
    failure: list[BaseException] = []

    def run() -> None:
        lower_this_thread(extra)
        try:
            outcome.append(make())
        except BaseException as error:  # noqa: BLE001 - raised again on the caller's thread
            failure.append(error)

    thread = threading.Thread(target=run, name="make compute threads")
    thread.start()
    thread.join()
    if failure:
        raise failure[0]
    return outcome[0]
