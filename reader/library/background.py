"""One background thread for the library's big writes, keeping every write in the order it was made.

A model change resets every machine translation of a book at once: deleting 20 000 rows costs
0.1–0.5 s (tests/benchmarks/bench_library.py), far beyond what the GUI thread may spend on one
event. :class:`OrderedWriter` runs such a write on its own thread. While any write is queued,
later ones (even a one-row edit) queue behind it, so the file always ends up as the changes
happened; when the queue is empty a small write runs at once on the caller's thread, committed
before the call returns (what makes an edit survive a kill -9 straight after it).
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable

log = logging.getLogger(__name__)

Write = Callable[[], None]


class OrderedWriter:
    """Runs writes at once or on one worker thread, in submission order; :meth:`drain` waits."""

    def __init__(self, name: str = "library writer") -> None:
        self._name = name
        self._jobs: queue.Queue[Write] = queue.Queue()
        self._lock = threading.Lock()
        self._queued = 0
        self._thread: threading.Thread | None = None

    @property
    def busy(self) -> bool:
        """True while a write is queued or running on the worker."""
        with self._lock:
            return self._queued > 0

    def run(self, write: Write, *, in_background: bool) -> None:
        """Run *write* now, or queue it when asked to or when earlier writes are still queued."""
        with self._lock:
            if not in_background and self._queued == 0:
                queued = False
            else:
                self._queued += 1
                queued = True
                if self._thread is None or not self._thread.is_alive():
                    self._thread = threading.Thread(target=self._work, name=self._name, daemon=True)
                    self._thread.start()
        if queued:
            self._jobs.put(write)
        else:
            write()

    def drain(self) -> None:
        """Wait until every queued write has run (closing, or a test)."""
        self._jobs.join()

    def _work(self) -> None:
        while True:
            write = self._jobs.get()
            try:
                write()
            except Exception:  # a write reports its own errors; this only keeps the thread alive
                log.exception("a background library write failed")
            finally:
                with self._lock:
                    self._queued -= 1
                self._jobs.task_done()
