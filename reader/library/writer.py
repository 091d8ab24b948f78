"""One thread that runs the library's deferred writes, in the order they were asked for.

Machine translations arrive sixteen at a time while the window paints. Written on the GUI
thread, each batch's SQLite transaction gave the GIL up and took it back once per statement
step, and each time waited for the translation worker to hand it over; under disk load a
commit also waited on the file system: 38–46 ms of wall time for 6 ms of CPU was measured in
the window's worst stalls. A batch of machine output can wait a few milliseconds (the
translation cache keeps it too), so the library hands it to this writer; the reader's own work
(edits, splits, merges, picks) is still committed before the call returns, after the writer
has drained, so nothing newer is ever overwritten by something older.
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable

log = logging.getLogger(__name__)

Job = Callable[[], None]


class BackgroundWriter:
    """A lazily started daemon thread with a FIFO of jobs; :meth:`drain` waits for all of them."""

    def __init__(self, name: str = "library-writer") -> None:
        self.name = name
        self._jobs: queue.Queue[Job | None] = queue.Queue()
        self._thread: threading.Thread | None = None
        self._start_lock = threading.Lock()

    def submit(self, job: Job) -> None:
        """Run *job* on the writer thread after every job submitted before it."""
        with self._start_lock:
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name=self.name, daemon=True)
                self._thread.start()
        self._jobs.put(job)

    def drain(self) -> None:
        """Return once every job submitted so far has run (at once when there are none)."""
        if self._thread is not None and threading.current_thread() is not self._thread:
            self._jobs.join()

    def close(self) -> None:
        """Run what is queued, then stop the thread; a later :meth:`submit` starts a new one."""
        with self._start_lock:
            thread, self._thread = self._thread, None
        if thread is None:
            return
        self._jobs.put(None)
        thread.join()

    def _run(self) -> None:
        while True:
            job = self._jobs.get()
            try:
                if job is None:
                    return
                job()
            except Exception:  # a job reports its own errors; this only keeps the thread alive
                log.exception("a deferred library write failed")
            finally:
                self._jobs.task_done()
