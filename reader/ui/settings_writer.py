"""Write the window's settings to disk on a thread, a moment after they change.

A ``QSettings.setValue`` on the GUI thread makes Qt rewrite the settings file on the next turn
of the event loop, and that write ends in an fsync: 10–25 ms on a quiet disk, 70 ms and more on
a busy one, paid again on every zoom step or theme change. Here a write only records the value;
a timer on the thread that made the writer (the GUI thread: it must outlive any worker, so it is
never made lazily on whatever thread writes first) hands what changed to a short-lived thread
with its own ``QSettings`` on the same file (QSettings is reentrant, not thread-safe: one object
per thread, and Qt shares the file between them under its own lock). :meth:`flush` writes what
is left and waits, for quitting and for tests that reopen the file.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, QSettings, QTimer, Signal

DELAY_MS = 500  # a run of zoom steps becomes one write


class SettingsWriter(QObject):
    """Deferred, off-GUI-thread writes of ``key → value`` to the file of *store*."""

    _wanted = Signal()  # queued to this object's thread when written from another one

    def __init__(self, store: QSettings, *, delay_ms: int = DELAY_MS, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._file, self._format = store.fileName(), store.format()
        self._pending: dict[str, object] = {}
        self._lock = threading.Lock()
        self._writing = False
        self._thread: threading.Thread | None = None
        self._timer = QTimer(self)  # lives on the thread that made the writer, like this object
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self._hand_over)
        self._wanted.connect(self._schedule)

    def write(self, key: str, value: object) -> None:
        """Record *value*; it reaches the file within the delay (or at :meth:`flush`)."""
        with self._lock:
            self._pending[key] = value
        self._wanted.emit()

    @property
    def pending(self) -> bool:
        with self._lock:
            return bool(self._pending) or self._writing

    def flush(self, *, wait: bool = True) -> None:
        """Write everything recorded so far; with *wait*, return once it is on disk. Without, the
        writing thread is one the interpreter waits for at exit, so quitting loses nothing either."""
        self._timer.stop()
        if not wait:
            self._hand_over()
            return
        if self._thread is not None:
            self._thread.join()
        with self._lock:
            if not self._pending:
                return
            self._writing = True
        self._write_all()

    def _schedule(self) -> None:
        if not self._timer.isActive():
            self._timer.start()

    def _hand_over(self) -> None:
        with self._lock:
            if not self._pending or self._writing:
                return  # a running writer picks up what was added meanwhile
            self._writing = True
        # Not a daemon: a write handed over while quitting is finished before the process ends.
        self._thread = threading.Thread(target=self._write_all, name="settings writer")
        self._thread.start()

    def _write_all(self) -> None:
        store = QSettings(self._file, self._format)  # this thread's own object on the same file
        while True:
            with self._lock:
                batch, self._pending = self._pending, {}
                if not batch:
                    self._writing = False
                    return
            for key, value in batch.items():
                store.setValue(key, value)
            store.sync()
