"""Editing a translation where it stands: a text box laid over the English cell of a row.

Enter commits, Esc cancels (Shift+Enter is a line break); leaving the box commits too, as in a
spreadsheet, so a click elsewhere never throws the reader's words away. The box follows its row
while the view scrolls and closes if the row goes away (a merge, another document).

Signals: committed(int, str) — segment id and the new English; closed() — either way.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QFrame, QPlainTextEdit

from reader.ui.pair_view import PairView


class InlineEditor(QPlainTextEdit):
    """See the module docstring. One per view; :meth:`start` shows it over a row."""

    committed = Signal(int, str)
    closed = Signal()

    def __init__(self, view: PairView) -> None:
        super().__init__(view.viewport())
        self.view = view
        self.segment_id: int | None = None
        self.setObjectName("inlineEditor")
        self.setFrameShape(QFrame.Shape.Box)
        self.setTabChangesFocus(True)
        self.hide()
        view.verticalScrollBar().valueChanged.connect(lambda _value: self.follow())

    @property
    def is_open(self) -> bool:
        return self.segment_id is not None

    def start(self, segment_id: int) -> bool:
        document = self.view.document
        segment = document.segment(segment_id) if document is not None else None
        if segment is None:
            return False
        self.segment_id = segment_id
        self.setFont(self.view.layouts.english_font)
        self.setPlainText(segment.translation or "")
        self.selectAll()
        self.follow()
        self.show()
        self.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def follow(self) -> None:
        """Sit over the row's English cell (hidden while the row is scrolled away)."""
        document = self.view.document
        if self.segment_id is None or document is None:
            return
        if document.segment(self.segment_id) is None:
            self.cancel()
            return
        _arabic, english = self.view.cell_rects(document.position_of(self.segment_id))
        pad = self.view.layouts.px(4)
        height = max(english.height() + 2 * pad, self.fontMetrics().height() * 3)
        self.setGeometry(english.left() - pad, english.top() - pad, english.width() + 2 * pad, height)

    def commit(self) -> None:
        segment_id = self._finish()
        if segment_id is not None:
            self.committed.emit(segment_id, self.toPlainText().strip())

    def cancel(self) -> None:
        self._finish()

    def _finish(self) -> int | None:
        segment_id, self.segment_id = self.segment_id, None
        if segment_id is None:
            return None
        self.hide()
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)
        self.closed.emit()
        return segment_id

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not (
            event.modifiers() & Qt.KeyboardModifier.ShiftModifier
        ):
            self.commit()
            return
        if key == Qt.Key.Key_Escape:
            self.cancel()
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802
        super().focusOutEvent(event)
        if self.is_open and event.reason() != Qt.FocusReason.PopupFocusReason:
            self.commit()
