"""Measure how long the event loop goes without running: the number behind "never a frozen window".

A timer asks to fire every few milliseconds; the longest gap between two firings, minus the
interval, is the longest time the GUI thread was busy (or waiting for the GIL) and could not
repaint or react to input. Stalls longer than *log_over_ms* are also kept with the time they
ended (seconds since the meter was made), so a benchmark can say *when* the window froze, not only
how long. Set ``BIREADER_STALL_METER=1`` to print the longest one when the window closes.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer


class StallMeter(QObject):
    """Records the longest event-loop stall between :meth:`start` and :meth:`stop`, and every
    stall over *log_over_ms* in :attr:`stalls` as (seconds since the meter was made, ms)."""

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        interval_ms: int = 5,
        log_over_ms: float = 50.0,
        clock: Callable[[], float] = time.perf_counter,
    ) -> None:
        super().__init__(parent)
        self.interval_ms = interval_ms
        self.log_over_ms = log_over_ms
        self.clock = clock
        self.timer = QTimer(self)
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self._tick)
        self.max_stall_ms = 0.0
        self.ticks = 0
        self.origin = clock()
        self.stalls: list[tuple[float, float]] = []
        self._last = self.origin

    def start(self) -> None:
        """Measure from now (the longest stall starts again at zero; the log is kept)."""
        self.max_stall_ms, self.ticks = 0.0, 0
        self._last = self.clock()
        self.timer.start()

    def stop(self) -> float:
        """Stop measuring; return the longest stall in milliseconds."""
        self._tick()
        self.timer.stop()
        return self.max_stall_ms

    def _tick(self) -> None:
        now = self.clock()
        stall = (now - self._last) * 1000 - self.interval_ms
        self.max_stall_ms = max(self.max_stall_ms, stall)
        if stall > self.log_over_ms:
            self.stalls.append((now - self.origin, stall))
        self._last = now
        self.ticks += 1
