"""The stall meter notices a blocked event loop and stays near zero on an idle one."""

from __future__ import annotations

import time

from reader.ui.stall_meter import StallMeter


def test_a_blocked_event_loop_is_measured(qtbot) -> None:
    meter = StallMeter(interval_ms=5)
    meter.start()
    qtbot.waitUntil(lambda: meter.ticks >= 3)
    time.sleep(0.12)  # the stall being measured, on the GUI thread on purpose
    qtbot.waitUntil(lambda: meter.ticks >= 5)
    stall = meter.stop()
    assert 100 <= stall < 1000


def test_the_clock_is_injectable(qtbot) -> None:
    now = [0.0]
    meter = StallMeter(interval_ms=5, clock=lambda: now[0])
    meter.start()
    now[0] = 0.250
    assert meter.stop() == 245.0


def test_stalls_over_the_limit_are_logged_with_when_they_ended(qtbot) -> None:
    now = [10.0]
    meter = StallMeter(interval_ms=5, log_over_ms=50, clock=lambda: now[0])
    meter.start()
    for step in (0.030, 0.100, 0.020, 0.080):
        now[0] += step
        meter._tick()
    meter.stop()
    assert [(round(at, 3), round(ms)) for at, ms in meter.stalls] == [(0.13, 95), (0.23, 75)]
