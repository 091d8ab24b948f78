"""The window's side of opening a document: from a path, pasted or dropped text to a book on screen.

:class:`DocumentOpener` reads and structures the file in the background (fonts are warmed on the
GUI thread meanwhile); this module says how the opening goes, attaches the autosave and hands the
document to :class:`OpenDocument`, whose two signals carry it to the window's parts in the order
tuned against stalls on a 20 000-sentence book (the view at once; contents, translation and the
opening warnings a turn after the first paint).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QGuiApplication
from PySide6.QtWidgets import QStatusBar

from reader.library.opening import has_text, normalise_text
from reader.library.store import Library
from reader.ui.dialogs import Dialogs
from reader.ui.document_opener import DocumentOpener, Opened
from reader.ui.open_document import OpenDocument
from reader.ui.reading_view import ReadingView
from reader.ui.settings import AppSettings
from reader.ui.text_warm_up import warm_up


class OpeningSequence(QObject):
    """Opens documents onto :class:`OpenDocument` (which tells the window's parts), keeps each
    one autosaved and remembers where the reader left the last."""

    def __init__(
        self,
        opener: DocumentOpener,
        current: OpenDocument,
        view: ReadingView,
        library: Library,
        settings: AppSettings,
        status: QStatusBar,
        dialogs: Dialogs,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._opener, self._open, self._view, self._library = opener, current, view, library
        self._settings, self._status, self._dialogs = settings, status, dialogs
        self._autosave: Callable[[], None] | None = None
        opener.started.connect(lambda name: self._say(self.tr("Opening {name}…").format(name=name)))
        opener.progressed.connect(
            lambda name, fraction: self._say(
                self.tr("Opening {name}… {percent} %").format(name=name, percent=round(fraction * 100))
            )
        )
        opener.opened.connect(self._on_opened)
        opener.failed.connect(self._on_open_failed)
        opener.cancelled.connect(lambda _name: self._say(""))

    def _say(self, line: str) -> None:
        """Where the opening shows: the status bar, and an empty view (instead of its hint)."""
        if line:
            self._status.showMessage(line)
        else:
            self._status.clearMessage()
        self._view.set_opening(line)

    def open_path(self, path: str | Path) -> None:
        """Open a document in the background (``document_opened`` when it is on screen); a bad
        one shows the loader's one-line error and changes nothing."""
        self._opener.open(Path(path))
        QTimer.singleShot(0, lambda: warm_up(self._view.layouts))  # while the worker reads the file

    def open_text(self, text: str) -> bool:
        """Open pasted or dropped text as a new, unsaved document (structured in the background,
        ``document_opened`` when it is on screen)."""
        text = normalise_text(text)
        if not has_text(text):
            self._dialogs.show_error(self.tr("Nothing to open"), self.tr("The clipboard holds no text."))
            return False
        self._opener.open_text(text, self.tr("Pasted text"))
        QTimer.singleShot(0, lambda: warm_up(self._view.layouts))
        return True

    def open_dialog(self) -> None:
        path = self._dialogs.ask_open_path()
        if path:
            self.open_path(path)

    def paste_document(self) -> None:
        self.open_text(QGuiApplication.clipboard().text())

    def accept_drag(self, event: QDragEnterEvent) -> None:
        mime = event.mimeData()
        if any(url.isLocalFile() for url in mime.urls()) or mime.hasText():
            event.acceptProposedAction()

    def drop(self, event: QDropEvent) -> None:
        mime = event.mimeData()
        files = [url.toLocalFile() for url in mime.urls() if url.isLocalFile()]
        if files:
            self.open_path(files[0])
        elif mime.hasText():
            self.open_text(mime.text())
        event.acceptProposedAction()

    def _on_opened(self, opened: Opened) -> None:
        if opened.path is not None:
            resolved = opened.path.resolve()
            self._settings.add_recent_file(str(resolved))
            opened = dataclasses.replace(opened, path=resolved)
        self._say("")
        self.set_document(opened)

    def _on_open_failed(self, name: str, reason: str) -> None:
        self._say("")
        self._dialogs.show_error(self.tr("Cannot open {name}").format(name=name), reason)

    def set_document(self, opened: Opened) -> None:
        """Put *opened* on screen: the parts that follow :class:`OpenDocument` do the rest."""
        self.remember_position()
        if self._autosave is not None:
            self._autosave()
        self._autosave = self._library.attach(opened.key, opened.document)  # every change saved as it happens
        self._open.show(opened)

    def remember_position(self) -> None:
        """Keep where the reader is in the current document, for the next time it is opened."""
        document, key = self._open.document, self._open.key
        if document is not None and key:
            top, selected = max(self._view.top_row(), 0), self._view.current_row()
            self._library.remember_position(key, document, top, selected)
