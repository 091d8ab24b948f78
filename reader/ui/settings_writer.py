"""Write the window's settings to disk on a thread, a moment after they change.

A ``QSettings.setValue`` on the GUI thread makes Qt rewrite the settings file on the next turn
of the event loop, and that write ends in an fsync: 10–25 ms on a quiet disk, 70 ms and more on
a busy one, paid again on every zoom step or theme change. Here a write only records the value;
a timer on the thread that made the writer (the GUI thread: it must outlive any worker, so it is
never made lazily on whatever thread writes first) hands what changed to the process's writing
thread, which has its own ``QSettings`` on the same file (QSettings is reentrant, not
thread-safe: one object per thread, and Qt shares the file between them under its own lock).
:meth:`flush` hands over what is left and waits for it (tests that reopen the file), or, when
quitting, leaves the waiting to the process's exit (starting a thread then costs 10-30 ms).
"""

from __future__ import annotations

import atexit
import logging
import queue
import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, QSettings, QTimer, Signal

DELAY_MS = 500  # a run of zoom steps becomes one write

# One writing thread for the process, started with the first writer (at start-up, not on the
# first zoom step: starting a thread waits for it to run, 10-30 ms on a loaded machine).
_jobs: queue.Queue[Callable[[], None]] = queue.Queue()
_worker: threading.Thread | None = None
log = logging.getLogger(__name__)


def _work() -> None:
    while True:
        job = _jobs.get()
        try:
            job()
        finally:
            _jobs.task_done()


def _ensure_worker() -> None:
    global _worker
    if _worker is None:
        # A daemon, so it never holds the process open; but the interpreter runs its exit
        # functions before it stops daemons, so a write handed over while quitting is finished.
        _worker = threading.Thread(target=_work, name="settings writer", daemon=True)
        _worker.start()
        atexit.register(_jobs.join)


class SettingsWriter(QObject):
    """Deferred, off-GUI-thread writes of ``key → value`` to the file of *store*."""

    _wanted = Signal()  # queued to this object's thread when written from another one

    def __init__(self, store: QSettings, *, delay_ms: int = DELAY_MS, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._file, self._format = store.fileName(), store.format()
        self._pending: dict[str, object] = {}
        self._lock = threading.Lock()
        self._writing = False
        self._timer = QTimer(self)  # lives on the thread that made the writer, like this object
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self._hand_over)
        self._wanted.connect(self._schedule)
        _ensure_worker()

    def write(self, key: str, value: object) -> None:
        """Record *value*; it reaches the file within the delay (or at :meth:`flush`)."""
        with self._lock:
            self._pending[key] = value
        try:
            self._wanted.emit()
        except RuntimeError:  # its Qt side is gone: a window torn down as the process ends
            log.debug("settings writer deleted; %s not written", key)

    @property
    def pending(self) -> bool:
        with self._lock:
            return bool(self._pending) or self._writing

    def flush(self, *, wait: bool = True) -> None:
        """Write everything recorded so far; with *wait*, return once it is on disk. Without (the
        window closing), the process waits for the writing at exit (see :func:`_ensure_worker`)."""
        self._timer.stop()
        self._hand_over()
        if wait:
            _jobs.join()

    def _schedule(self) -> None:
        if not self._timer.isActive():
            self._timer.start()

    def _hand_over(self) -> None:
        with self._lock:
            if not self._pending or self._writing:
                return  # a running write picks up what was added meanwhile
            self._writing = True
        _jobs.put(self._write_all)

    def _write_all(self) -> None:
        store: QSettings | None = None  # the writing thread's own object on the same file
        while True:
            with self._lock:
                batch, self._pending = self._pending, {}
                if not batch:
                    self._writing = False  # under the lock: a write from now on is handed over anew
                    return
            try:
                store = store or QSettings(self._file, self._format)
                for key, value in batch.items():
                    store.setValue(key, value)
                store.sync()
            except Exception:  # an unwritable file: the values stay in this run's memory
                log.exception("could not write the settings")
