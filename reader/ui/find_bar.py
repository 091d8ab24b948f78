"""Find (Ctrl+F): a bar under the reading view, not a dialog, so the text stays readable around it.

Typing searches both languages of the whole book at once (:mod:`reader.find`, a few ms per key
on 20 000 sentences); every hit is highlighted in place, the bar says "3 of 17", Enter and
Shift+Enter go to the next and previous hit (wrapping), Esc closes. The search index is built
on a worker thread the first time the bar opens for a document (a few hundred ms on a book);
translations that arrive meanwhile or later are folded in by the index itself
(:meth:`FindIndex.mark_changed`), and the hits are refreshed shortly after.

Signals: closed() — the bar was closed (the window gives the reading view its focus back).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

from reader.find import FindIndex, Matches
from reader.model import Change, ChangeKind, Document
from reader.ui.reading_view import ReadingView
from reader.ui.task_slot import TaskSlot
from reader.ui.workers import Task, TaskContext

REFRESH_MS = 250  # after a batch of translations, re-run the query at most this often


class FindBar(QWidget):
    """See the module docstring."""

    closed = Signal()

    def __init__(
        self, view: ReadingView, parent: QWidget | None = None, *, refresh_ms: int = REFRESH_MS
    ) -> None:
        super().__init__(parent)
        self.setObjectName("findBar")
        self.view = view
        self.document: Document | None = None
        self.index: FindIndex | None = None
        self.matches: Matches | None = None
        self.current = -1
        self._slot = TaskSlot()  # the index being built
        self._unsubscribe: Callable[[], None] | None = None
        self.field = QLineEdit(self)
        self.field.setPlaceholderText(self.tr("Find in Arabic or English"))
        self.field.setClearButtonEnabled(True)
        self.field.setMinimumWidth(260)
        self.count = QLabel(self)
        self.count.setMinimumWidth(90)
        self.previous_button = self._button("▲", self.tr("Previous match (Shift+Enter)"), self.previous)
        self.next_button = self._button("▼", self.tr("Next match (Enter)"), self.next)
        self.close_button = close = self._button("✕", self.tr("Close (Esc)"), self.close_bar)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        self.find_label = QLabel(self.tr("Find:"), self)
        layout.addWidget(self.find_label)
        layout.addWidget(self.field)
        layout.addWidget(self.previous_button)
        layout.addWidget(self.next_button)
        layout.addWidget(self.count, 1)
        layout.addWidget(close)
        self.field.textChanged.connect(self._search)
        self.field.installEventFilter(self)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.close_bar)
        self._refresh = QTimer(self)
        self._refresh.setSingleShot(True)
        self._refresh.setInterval(refresh_ms)
        self._refresh.timeout.connect(lambda: self._search(keep_place=True))
        self.hide()

    def _button(self, text: str, tip: str, slot: Callable[[], None]) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setToolTip(tip)
        button.setAutoRaise(True)
        button.clicked.connect(slot)
        return button

    # Document ----------------------------------------------------------------------------------
    def set_document(self, document: Document | None) -> None:
        """A new document: the old index is dropped; a new one is built when the bar is used."""
        self._slot.drop()
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None
        self.document, self.index = document, None
        if document is not None:
            self._unsubscribe = document.subscribe(self._on_change)
            if self.isVisible():
                self._build()
        self._set_matches(None)

    def _on_change(self, change: Change) -> None:
        if self.index is None:
            return
        if change.kind is ChangeKind.STRUCTURE:
            self.index = None
            if self.isVisible():
                self._build()
            return
        self.index.mark_changed(change.segment_ids)
        if self.isVisible() and self.field.text():
            self._refresh.start()

    def _build(self) -> None:
        document = self.document
        if document is None or self._slot.busy:
            return
        index = FindIndex(document)

        def op(_context: TaskContext) -> FindIndex:
            return index.build()  # reads immutable segments only; later changes are marked

        self.index = index  # changes from now on are marked on it (and folded at the next search)
        task = Task(op, name="find index")
        task.succeeded.connect(lambda built: self._on_built(task, built))
        self.count.setText(self.tr("Indexing…"))
        self._slot.start(task)

    def _on_built(self, task: Task, index: object) -> None:
        if index is self.index:
            self._slot.release(task)  # ready now, before the thread has quite finished
            self._search()

    def shutdown(self) -> None:
        self._slot.drop(wait=True)

    # Opening and closing -----------------------------------------------------------------------
    def open_bar(self) -> None:
        """Ctrl+F: show the bar with its text selected (typing replaces it)."""
        self.show()
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()
        if self.index is None:
            self._build()
        elif self.field.text():
            self._search(keep_place=True)

    def close_bar(self) -> None:
        self._refresh.stop()  # a refresh due now would search the whole book for a closed bar
        self.hide()
        self._set_matches(None)
        self.closed.emit()

    # Searching and moving ----------------------------------------------------------------------
    @property
    def ready(self) -> bool:
        return self.index is not None and self.index.built and not self._slot.busy

    def _search(self, _text: str = "", *, keep_place: bool = False) -> None:
        query = self.field.text()
        if not query or not self.ready:
            self._set_matches(None)
            if query and self.index is not None:
                self.count.setText(self.tr("Indexing…"))
            return
        assert self.index is not None
        place = self._current_place() if keep_place else None
        matches = self.index.search(query)
        if not len(matches):
            self._set_matches(matches)
            return
        row = place if place is not None else max(self.view.top_row(), 0)
        self._set_matches(matches, matches.first_from(row))
        if not keep_place:
            self._go_to_current()

    def _current_place(self) -> int | None:
        if self.matches is None or not 0 <= self.current < len(self.matches):
            return None
        return self.matches.row(self.current)

    def next(self) -> None:
        self._step(1)

    def previous(self) -> None:
        self._step(-1)

    def _step(self, step: int) -> None:
        if self.matches is None or not len(self.matches):
            return
        self._set_matches(self.matches, (self.current + step) % len(self.matches))
        self._go_to_current()

    def _go_to_current(self) -> None:
        if self.matches is not None and 0 <= self.current < len(self.matches):
            self.view.ensure_visible(self.matches.row(self.current))
            self.view.viewport().update()

    def _set_matches(self, matches: Matches | None, current: int = -1) -> None:
        self.matches, self.current = matches, current
        self.view.highlights.set_matches(matches, current)
        self.view.viewport().update()
        if matches is None or not len(matches):
            self.view.ahead.prefer([])  # no hit to go to next: only the pages around the screen
        if matches is None:
            self.count.setText("")
        elif not len(matches):
            self.count.setText(self.tr("No matches"))
        else:
            self.count.setText(
                self.tr("{current} of {total}").format(current=current + 1, total=len(matches))
            )
            # F3 and Shift+F3 next: their screens laid out at idle, so the jump only paints.
            rows = [matches.row((current + step) % len(matches)) for step in (1, -1)]
            self.view.ahead.prefer(rows)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        """A new UI language: the labels, tips and the count are said again."""
        if event.type() == QEvent.Type.LanguageChange:
            self.field.setPlaceholderText(self.tr("Find in Arabic or English"))
            self.previous_button.setToolTip(self.tr("Previous match (Shift+Enter)"))
            self.next_button.setToolTip(self.tr("Next match (Enter)"))
            self.close_button.setToolTip(self.tr("Close (Esc)"))
            self.find_label.setText(self.tr("Find:"))
            if not self.ready and self.count.text():
                self.count.setText(self.tr("Indexing…"))  # the index is still being built
            elif self.field.text():
                self._search(keep_place=True)
        super().changeEvent(event)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802
        """Enter: next hit; Shift+Enter: previous (the field would otherwise swallow them)."""
        enter = (
            watched is self.field
            and isinstance(event, QKeyEvent)
            and event.type() == QKeyEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        )
        if enter:
            if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                self.previous()
            else:
                self.next()
            return True
        return super().eventFilter(watched, event)
