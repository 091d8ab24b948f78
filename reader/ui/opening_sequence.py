"""The window's side of opening a document: from a path, pasted or dropped text to a book on screen.

:class:`DocumentOpener` reads and structures the file in the background; this module decides what
the window does when it arrives. Its GUI-thread order was tuned against stalls on a 20 000-sentence
book (fonts warmed while the worker reads; contents, translation start and the opening warnings
in a turn after the first paint) and is kept here in one place so it can be read as one sequence.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QGuiApplication

from reader.library.opening import has_text, normalise_text
from reader.ui.document_opener import Opened
from reader.ui.text_warm_up import warm_up

if TYPE_CHECKING:
    from reader.ui.main_window import MainWindow


class OpeningSequence(QObject):
    """Opens documents into a :class:`MainWindow` and keeps the current one's subscriptions."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self._unsubscribe: Callable[[], None] | None = None
        self._autosave: Callable[[], None] | None = None
        opener = window.opener
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
            self.window.statusBar().showMessage(line)
        else:
            self.window.statusBar().clearMessage()
        self.window.view.set_opening(line)

    def open_path(self, path: str | Path) -> None:
        """Open a document in the background (``document_opened`` when it is on screen); a bad
        one shows the loader's one-line error and changes nothing."""
        w = self.window
        w.opener.open(Path(path))
        QTimer.singleShot(0, lambda: warm_up(w.view.layouts))  # while the worker reads the file

    def open_text(self, text: str) -> bool:
        """Open pasted or dropped text as a new, unsaved document (structured in the background,
        ``document_opened`` when it is on screen)."""
        w = self.window
        text = normalise_text(text)
        if not has_text(text):
            w.show_error(self.tr("Nothing to open"), self.tr("The clipboard holds no text."))
            return False
        w.opener.open_text(text, self.tr("Pasted text"))
        QTimer.singleShot(0, lambda: warm_up(w.view.layouts))
        return True

    def open_dialog(self) -> None:
        path = self.window.ask_open_path()
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
            self.window.settings.add_recent_file(str(resolved))
            opened = dataclasses.replace(opened, path=resolved)
        self.window.statusBar().clearMessage()
        self.window.view.set_opening("")
        self.set_document(opened)

    def _on_open_failed(self, name: str, reason: str) -> None:
        self.window.statusBar().clearMessage()
        self.window.view.set_opening("")
        self.window.show_error(self.tr("Cannot open {name}").format(name=name), reason)

    def set_document(self, opened: Opened) -> None:
        w = self.window
        self.remember_position()
        for stop in (self._unsubscribe, self._autosave):
            if stop is not None:
                stop()
        document = opened.document
        w.document, w.document_path, w.document_key = document, opened.path, opened.key
        self._unsubscribe = document.subscribe(w.pair.on_document_changed)
        self._autosave = w.library.attach(opened.key, document)  # every change saved as it happens
        w.editing.set_document(document)
        w.view.set_document(document, top_row=opened.position, metrics=opened.metrics)
        w.aids.set_document(document)
        w.strip.show_sentence(None)
        if opened.selected >= 0:
            w.view.select_row(opened.selected)  # as the reader left it (the strip follows)
        w.update_title()
        w.update_actions()
        # The contents and the translation start in a turn of their own, after the book's first
        # paint: all in one turn was the longest stall while opening a 20 000-sentence book
        # (~50 ms). A real (1 ms) timer, not a 0 ms one, which Qt would run with the paint.
        QTimer.singleShot(1, w, lambda: self._finish_opening(opened))

    def _finish_opening(self, opened: Opened) -> None:
        w = self.window
        document = opened.document
        if w.document is not document:  # another document came meanwhile
            return
        w.contents.set_document(document)
        w.contents_dock.setVisible(w.settings.show_contents and not w.contents.is_empty())
        w.controller.set_document(document)
        if opened.warnings:  # after the translation's own status; the CLI prints `warning: …` lines
            w.statusBar().showMessage(" · ".join(opened.warnings), 20000)
        w.document_opened.emit()

    def remember_position(self) -> None:
        """Keep where the reader is in the current document, for the next time it is opened."""
        w = self.window
        if w.document is not None and w.document_key:
            top, selected = max(w.view.top_row(), 0), w.view.current_row()
            w.library.remember_position(w.document_key, w.document, top, selected)
