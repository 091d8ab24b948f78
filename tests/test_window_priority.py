"""Background steps wait while the reader uses the window or the window works, never for long,
and never in a process without a window."""

from __future__ import annotations

import gc
import threading
import time
from collections.abc import Iterator

import pytest

from reader import window_priority
from reader.window_priority import note_input, reset, step_aside, window_busy, window_idle


@pytest.fixture(autouse=True)
def _fresh() -> Iterator[None]:
    # An earlier test's window freed by the collector meanwhile would send events through its
    # watch (a child removed) and mark the window busy: collect first, then hold the collector.
    gc.collect()
    gc.disable()
    reset()
    try:
        yield
    finally:
        gc.enable()
        reset()


def test_without_a_window_a_step_never_waits() -> None:
    assert step_aside() < 0.01


def test_after_input_a_step_waits_for_the_quiet_time() -> None:
    note_input(0.15)
    waited = step_aside()
    assert 0.12 <= waited < 0.5
    assert step_aside() < 0.01  # quiet now


def test_under_input_that_never_stops_the_work_waits_the_longest_pause_then_runs_a_while() -> None:
    note_input(60)
    assert 0.09 <= step_aside(longest_s=0.1) < 0.5
    ran = time.monotonic()
    while time.monotonic() - ran < window_priority.RUN_S * 0.8:
        assert step_aside(longest_s=0.1) < 0.01  # the steps of the run do not wait
    time.sleep(window_priority.RUN_S * 0.3)
    assert step_aside(longest_s=0.1) >= 0.09  # and then it waits again


def test_a_busy_window_holds_a_step_until_it_goes_idle() -> None:
    window_busy()
    threading.Timer(0.08, window_idle).start()
    waited = step_aside(idle_wait_s=5)
    assert 0.06 <= waited < 1.0


def test_a_window_busy_for_long_holds_a_step_at_most_the_idle_wait() -> None:
    window_busy()
    assert 0.04 <= step_aside(idle_wait_s=0.05) < 0.5


def test_reset_forgets_input_and_busyness() -> None:
    note_input(60)
    window_busy()
    reset()
    assert step_aside() < 0.01
    assert window_priority._quiet_from == 0.0


def test_a_later_shorter_quiet_time_does_not_cut_an_earlier_one() -> None:
    note_input(0.2)
    note_input(0.01)
    started = time.monotonic()
    step_aside()
    assert time.monotonic() - started >= 0.15


def test_work_the_reader_awaits_waits_for_a_busy_window_but_not_for_input() -> None:
    note_input(60)
    assert step_aside(longest_s=0) < 0.01
    window_busy()
    threading.Timer(0.05, window_idle).start()
    assert 0.03 <= step_aside(longest_s=0, idle_wait_s=5) < 1.0
    assert window_priority._run_until == 0.0  # the translation's run of steps is not started by it
