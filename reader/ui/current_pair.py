"""The selected pair and what acts on it: the detail strip, the clipboard, the right-click menu, Retry.

Everything here starts from "the row the reader is on"; keeping it together means the window only
says which widgets exist, and a change to how the current pair is found changes one module.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QGuiApplication

from reader.model import Change, Segment, Status

if TYPE_CHECKING:
    from reader.ui.main_window import MainWindow


def pair_text(sentence: Segment | None) -> str:
    """The pair for the clipboard: the Arabic line, then the English line when there is one."""
    if sentence is None:
        return ""
    return sentence.text if not sentence.translation else f"{sentence.text}\n{sentence.translation}"


class CurrentPair(QObject):
    """Follows the view's current row into the detail strip and acts on that pair."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window

    def current(self) -> Segment | None:
        w = self.window
        row = w.view.current_row()
        return w.document.segment_at(row) if w.document is not None and row >= 0 else None

    def show_current(self, _row: int = -1) -> None:
        w = self.window
        segment, document = self.current(), w.document
        if segment is None or document is None:
            w.strip.show_sentence(None)
            return
        paragraph = document.block_position(segment.block_id)
        w.strip.show_sentence(segment, w.view.current_row(), len(document), paragraph)

    def on_document_changed(self, change: Change) -> None:
        current = self.current()
        if current is not None and current.id in change.segment_ids:
            self.show_current()

    def copy_pair(self) -> None:
        text = pair_text(self.current())
        if text:
            QGuiApplication.clipboard().setText(text)

    def copy_arabic(self) -> None:
        sentence = self.current()
        if sentence is not None:
            QGuiApplication.clipboard().setText(sentence.text)

    def copy_english(self) -> None:
        sentence = self.current()
        if sentence is not None and sentence.translation:
            QGuiApplication.clipboard().setText(sentence.translation)

    def context_menu(self, position) -> None:
        w = self.window
        row = w.view.row_at_point(position)
        if row >= 0 and w.document is not None:
            w.view.select_row(row)
            menu = w.menus.pair_menu(w.document.segment_at(row))
            menu.popup(w.view.viewport().mapToGlobal(position))

    def retry(self) -> None:
        """Retry the selected sentence if it failed, otherwise every failed sentence."""
        w = self.window
        if w.document is None:
            return
        sentence = self.current()
        if sentence is not None and sentence.status is Status.FAILED:
            w.controller.retry([sentence.id])
        elif w.document.failed_count:
            w.controller.retry([s.id for s in w.document.iter_segments() if s.status is Status.FAILED])

    def retranslate_current(self) -> None:
        """Ctrl+R: the selected sentence again (a failed one is retried); without a selection,
        every failed sentence."""
        sentence = self.current()
        if sentence is None or sentence.status is Status.FAILED:
            self.retry()
        else:
            self.window.editing.retranslate_current()
