"""Write the settings file off the GUI thread, at most once a second.

``QSettings`` writes its file on the event loop's next turn after every ``setValue``: a zoom
step, a theme change or a pane resize each paid a file write (and its lock file) on the GUI
thread, 10-25 ms on this 2-core machine, two thirds of a zoom's whole turn (4 ms without it).
:class:`DeferredSettingsWriter` takes that turn's request, waits for the changes to settle, and
has a second ``QSettings`` on the same file write them on a plain thread: Qt shares one in-memory
copy of a file between its ``QSettings`` objects behind a lock, so the pending changes are what
that one writes. A quick ``sync`` on the GUI thread afterwards (nothing left to write) lets the
window's ``QSettings`` ask again at its next change. Closing still syncs as before.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QEvent, QObject, QSettings, QTimer

SETTLE_MS = 1000


class DeferredSettingsWriter(QObject):
    """Installed on a ``QSettings``: its write requests are collected and done on a thread."""

    def __init__(self, store: QSettings, *, settle_ms: int = SETTLE_MS) -> None:
        super().__init__(store)
        self.store = store
        self.writes = 0  # files written (by the thread)
        self.settled = 0  # writes the store has been re-armed after
        self._writing: threading.Thread | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(settle_ms)
        self._timer.timeout.connect(self._write)
        store.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.store and event.type() == QEvent.Type.UpdateRequest:
            self._timer.start()
            return True  # not now, and not on this thread
        return False

    def _write(self) -> None:
        if self._writing is not None and self._writing.is_alive():
            self._timer.start()  # the last write is still going: try again later
            return
        path, kind = self.store.fileName(), self.store.format()

        def write() -> None:
            QSettings(path, kind).sync()
            self.writes += 1

        self._writing = threading.Thread(target=write, name="write settings")
        self._writing.start()
        QTimer.singleShot(50, self._settle)

    def _settle(self) -> None:
        """Once the thread has written: a sync here has nothing to write, and re-arms the store."""
        if self._writing is not None and self._writing.is_alive():
            QTimer.singleShot(50, self._settle)
            return
        self.store.sync()
        self.settled += 1

    def wait(self) -> None:
        """Block until a write under way has finished (tests, closing)."""
        if self._writing is not None:
            self._writing.join()
