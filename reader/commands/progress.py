"""A long command's progress on stderr: ``writing PDF 1200/3000 pairs (40%), 560 pairs/s``.

Shown on an interactive terminal, as one line rewritten in place, or when asked (``--progress``),
then as plain lines a log can keep. Never otherwise: a script's stderr stays one line per
problem. Updates are throttled, because the exporters report every sentence pair and a
100 000-pair export would write 100 000 lines: at most one every ``interval`` seconds (a tenth of
a second on a terminal, smooth to the eye; one second in a log), and always the last one.
"""

from __future__ import annotations

import contextlib
import sys
import time
from collections.abc import Callable
from typing import TextIO

TERMINAL_INTERVAL = 0.1
LOG_INTERVAL = 1.0


class ProgressLine:
    """``progress(done, total)`` for an exporter or the translation loop; :meth:`clear` at the end."""

    def __init__(
        self,
        what: str,
        unit: str,
        *,
        asked: bool = False,
        stream: TextIO | None = None,
        interval: float | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.what = what
        self.unit = unit
        self.stream: TextIO | None = stream if stream is not None else sys.stderr
        self.live = _is_terminal(self.stream)
        self.enabled = self.live or asked
        self.interval = interval if interval is not None else TERMINAL_INTERVAL if self.live else LOG_INTERVAL
        self.clock = clock
        self.first: tuple[float, int] | None = None  # (when, done) at the first report: the rate's origin
        self.shown_at: float | None = None

    def __call__(self, done: int, total: int) -> None:
        if not self.enabled:
            return
        now = self.clock()
        if self.first is None:
            self.first = (now, done)
        if done < total and self.shown_at is not None and now - self.shown_at < self.interval:
            return
        self.shown_at = now
        self._write(self.text(done, total, done - self.first[1], now - self.first[0]))

    def text(self, done: int, total: int, recent: int, seconds: float) -> str:
        """``WHAT DONE/TOTAL UNIT (P%), R UNIT/s``: the rate of the ``recent`` units done in
        ``seconds`` since the first report (so a model's loading time does not lower it)."""
        line = f"{self.what} {done}/{total} {self.unit}"
        if total:
            line += f" ({done * 100 // total}%)"
        if seconds > 0 and recent > 0:
            line += f", {recent / seconds:.0f} {self.unit}/s"
        return line

    def clear(self) -> None:
        """Remove the in-place line from the terminal (a log keeps its lines)."""
        if self.live and self.shown_at is not None:
            self._write("")
            self.shown_at = None

    def _write(self, text: str) -> None:
        if self.stream is None:
            return
        with contextlib.suppress(OSError, ValueError):  # progress must never be what fails a command
            self.stream.write(f"\r\x1b[K{text}" if self.live else f"{text}\n")
            self.stream.flush()


def _is_terminal(stream: TextIO | None) -> bool:
    try:
        return stream is not None and stream.isatty()
    except (OSError, ValueError):
        return False
