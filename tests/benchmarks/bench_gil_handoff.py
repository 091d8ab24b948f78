"""Benchmark: how long a GIL-releasing call on the GUI thread waits while a worker runs Python.

Run: ``.venv/bin/python tests/benchmarks/bench_gil_handoff.py``. A thread spins in pure Python
(like the translation worker tokenising and aligning) while this thread makes calls that give up
the GIL and take it back: ``time.sleep(0)``, and the Qt drawing calls a repaint makes. It prints
the mean and worst wait per call at Python's default switch interval (5 ms) and at the window's
(:mod:`reader.ui.gil_handoff`).
"""

from __future__ import annotations

import os
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def timed(call: Callable[[], object], count: int) -> tuple[float, float]:
    """Mean and worst milliseconds per call."""
    worst = 0.0
    started = time.perf_counter()
    for _ in range(count):
        before = time.perf_counter()
        call()
        worst = max(worst, time.perf_counter() - before)
    return (time.perf_counter() - started) * 1000 / count, worst * 1000


def spin(stop: threading.Event) -> None:
    """Pure Python until told to stop, as a tokenising worker is."""
    total = 0
    while not stop.is_set():
        total += sum(range(50))


def main() -> int:
    from PySide6.QtCore import QPoint, QRect
    from PySide6.QtGui import QGuiApplication, QImage, QPainter

    from reader.ui.gil_handoff import SWITCH_INTERVAL_S

    app = QGuiApplication([])
    image = QImage(400, 200, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    rect = QRect(0, 0, 300, 100)
    calls: dict[str, Callable[[], object]] = {
        "time.sleep(0)": lambda: time.sleep(0),
        "QPainter.fillRect": lambda: painter.fillRect(rect, 0),
        "QPainter.drawText": lambda: painter.drawText(QPoint(5, 50), "قال الوزير اليوم"),
    }
    for interval in (0.005, SWITCH_INTERVAL_S):
        sys.setswitchinterval(interval)
        stop = threading.Event()

        worker = threading.Thread(target=spin, args=(stop,))
        worker.start()
        time.sleep(0.05)
        for name, call in calls.items():
            mean, worst = timed(call, 200)
            print(
                f"switch interval {interval * 1000:.0f} ms  {name:>18}: mean {mean:6.3f} ms, worst {worst:6.2f} ms"
            )
        stop.set()
        worker.join()
    painter.end()
    del app
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
