"""The document on screen, told to every part of the window by one signal.

Each part that follows the document (the view, the editor, the find bar, the contents, the
translation controller, the autosave) connects itself to :attr:`OpenDocument.changed` or
:attr:`OpenDocument.settled` where the window is composed, so a new document-aware part is one
``connect`` there, not a line in the opening code. Parts read the current document from here,
never from the window.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from reader.model import Document
from reader.ui.document_opener import Opened


class OpenDocument(QObject):
    """Signals: changed(object) — an :class:`Opened` is now on screen (connected parts show it
    at once, in connection order); settled(object) — the same :class:`Opened`, a turn after its
    first paint, for the slower parts (contents, translation). A document replaced before its
    turn comes never settles."""

    changed = Signal(object)
    settled = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.document: Document | None = None
        self.path: Path | None = None
        self.key = ""  # the content hash the library keeps the reader's work under

    def show(self, opened: Opened) -> None:
        self.document, self.path, self.key = opened.document, opened.path, opened.key
        self.changed.emit(opened)
        # The contents and the translation start in a turn of their own, after the book's first
        # paint: all in one turn was the longest stall while opening a 20 000-sentence book
        # (~50 ms). A real (1 ms) timer, not a 0 ms one, which Qt would run with the paint.
        QTimer.singleShot(1, self, lambda: self._settle(opened))

    def _settle(self, opened: Opened) -> None:
        if self.document is opened.document:  # not replaced meanwhile
            self.settled.emit(opened)
