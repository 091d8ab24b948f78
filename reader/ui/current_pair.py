"""The selected pair and what acts on it: the detail strip, the clipboard, the right-click menu, Retry.

Everything here starts from "the row the reader is on"; keeping it together means the window only
says which widgets exist, and a change to how the current pair is found changes one module.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QPoint, Signal
from PySide6.QtGui import QGuiApplication

from reader.model import Change, Segment, Status
from reader.ui.detail_strip import DetailStrip
from reader.ui.document_opener import Opened
from reader.ui.editing import EditingController
from reader.ui.open_document import OpenDocument
from reader.ui.reading_view import ReadingView
from reader.ui.translation_controller import TranslationController


def pair_text(sentence: Segment | None) -> str:
    """The pair for the clipboard: the Arabic line, then the English line when there is one."""
    if sentence is None:
        return ""
    return sentence.text if not sentence.translation else f"{sentence.text}\n{sentence.translation}"


class CurrentPair(QObject):
    """Follows the view's current row into the detail strip and acts on that pair.

    Signals: menu_requested(object, QPoint) — the pair's :class:`Segment` was right-clicked at
    that global position (the window builds the menu)."""

    menu_requested = Signal(object, QPoint)

    def __init__(
        self,
        current: OpenDocument,
        view: ReadingView,
        strip: DetailStrip,
        controller: TranslationController,
        editing: EditingController,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._open, self._view, self._strip = current, view, strip
        self._controller, self._editing = controller, editing
        self._unsubscribe: Callable[[], None] | None = None
        current.changed.connect(self._follow)

    def _follow(self, opened: Opened) -> None:
        if self._unsubscribe is not None:
            self._unsubscribe()
        self._unsubscribe = opened.document.subscribe(self.on_document_changed)

    def current(self) -> Segment | None:
        document, row = self._open.document, self._view.current_row()
        return document.segment_at(row) if document is not None and row >= 0 else None

    def show_current(self, _row: int = -1) -> None:
        segment, document = self.current(), self._open.document
        if segment is None or document is None:
            self._strip.show_sentence(None)
            return
        paragraph = document.block_position(segment.block_id)
        self._strip.show_sentence(segment, self._view.current_row(), len(document), paragraph)

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

    def context_menu(self, position: QPoint) -> None:
        row, document = self._view.row_at_point(position), self._open.document
        if row >= 0 and document is not None:
            self._view.select_row(row)
            self.menu_requested.emit(document.segment_at(row), self._view.viewport().mapToGlobal(position))

    def retry(self) -> None:
        """Retry the selected sentence if it failed, otherwise every failed sentence."""
        document = self._open.document
        if document is None:
            return
        sentence = self.current()
        if sentence is not None and sentence.status is Status.FAILED:
            self._controller.retry([sentence.id])
        elif document.failed_count:
            self._controller.retry([s.id for s in document.iter_segments() if s.status is Status.FAILED])

    def retranslate_current(self) -> None:
        """Ctrl+R: the selected sentence again (a failed one is retried); without a selection,
        every failed sentence."""
        sentence = self.current()
        if sentence is None or sentence.status is Status.FAILED:
            self.retry()
        else:
            self._editing.retranslate_current()
