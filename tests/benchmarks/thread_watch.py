"""Every thread of a process, sampled from outside it: who ran, and who waited for a CPU, when.

``bench_ui_x11.py --why`` starts this as a separate process on the window's process id: it
reads ``/proc/PID/task/*/schedstat`` every few milliseconds (time on a CPU, time waiting for
one) with a ``CLOCK_MONOTONIC`` timestamp, the clock of ``time.perf_counter`` in the window.
Reading those files inside the window would itself stall it: each read gives the GIL up and
waits to take it back from a busy worker. :func:`busy_between` then says, for a stall, which
threads ran or waited meanwhile (whoever held the GIL is among them).

Run: ``python thread_watch.py PID OUT [INTERVAL_MS]``; it stops at SIGTERM or when PID ends.
"""

from __future__ import annotations

import bisect
import os
import signal
import sys
import time
from pathlib import Path

Sample = tuple[float, dict[int, tuple[str, float, float]]]  # when; per thread (name, CPU ms, runnable ms)


def read(pid: int) -> dict[int, tuple[str, float, float]]:
    found = {}
    for task in os.listdir(f"/proc/{pid}/task"):
        try:
            with open(f"/proc/{pid}/task/{task}/schedstat", encoding="ascii") as stat:
                ran, waited = stat.read().split()[:2]
            with open(f"/proc/{pid}/task/{task}/comm", encoding="ascii") as comm:
                name = comm.read().strip()
        except (OSError, ValueError):
            continue
        found[int(task)] = (name, int(ran) / 1e6, int(waited) / 1e6)
    return found


def watch(pid: int, out: Path, interval_s: float) -> None:
    stop = []
    signal.signal(signal.SIGTERM, lambda *_: stop.append(True))
    with out.open("w", encoding="utf-8") as log:
        while not stop:
            try:
                sample = read(pid)
            except FileNotFoundError:
                return
            log.write(f"{time.perf_counter():.6f}")
            for tid, (name, ran, waited) in sample.items():
                log.write(f"\t{tid}:{name.replace(chr(9), ' ')}:{ran:.3f}:{waited:.3f}")
            log.write("\n")
            time.sleep(interval_s)


def load(path: Path) -> list[Sample]:
    samples = []
    for line in path.read_text(encoding="utf-8").splitlines():
        when, *fields = line.split("\t")
        threads = {}
        for field in fields:
            tid, name, ran, waited = field.rsplit(":", 3)
            threads[int(tid)] = (name, float(ran), float(waited))
        samples.append((float(when), threads))
    return samples


def busy_between(
    samples: list[Sample], start: float, end: float, skip: int
) -> list[tuple[str, float, float]]:
    """Threads other than *skip* that ran or waited over 2 ms between the samples bracketing
    [start, end] (perf_counter seconds): (name/tid, CPU ms, runnable ms), busiest first."""
    times = [when for when, _ in samples]
    first = max(bisect.bisect_right(times, start) - 1, 0)
    last = min(bisect.bisect_left(times, end), len(samples) - 1)
    if first >= last:
        return []
    before, after = samples[first][1], samples[last][1]
    busy = []
    for tid, (name, ran, waited) in after.items():
        _, ran0, waited0 = before.get(tid, (name, 0.0, 0.0))
        if tid != skip and ran - ran0 + waited - waited0 > 2:
            busy.append((f"{name}/{tid}", ran - ran0, waited - waited0))
    return sorted(busy, key=lambda b: -b[1] - b[2])[:5]


if __name__ == "__main__":
    watch(int(sys.argv[1]), Path(sys.argv[2]), float(sys.argv[3] if len(sys.argv) > 3 else 5) / 1000)
