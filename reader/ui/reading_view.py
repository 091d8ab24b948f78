"""The reading area: a pane header (a splitter between "English" and "Arabic") over the pair view.

Why one view of pairs rather than two synchronised panes: each row holds a sentence *and* its
translation, so the two always start at the same height, scroll together and can never drift
apart, whatever the fonts, zoom or window width. The splitter above sets how the width is
shared between the panes. :class:`ReadingView` adds selection, keyboard and mouse to the
virtualised :class:`~reader.ui.pair_view.PairView`.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QMouseEvent
from PySide6.QtWidgets import QLabel, QSplitter, QToolTip, QVBoxLayout, QWidget

from reader.model import Status
from reader.ui.fonts import ReadingFonts
from reader.ui.marks import quality_tooltip
from reader.ui.pair_layout import MARGIN
from reader.ui.pair_view import PairView


class ReadingView(PairView):
    """The pair view with a selection (by segment id), arrow/J/K/page/Home/End keys (Ctrl+Home and
    Ctrl+End too, as in an editor), hover and Ctrl+C.

    Signals: edit_requested(int) — a double-click on a row's English (edit it in place).
    """

    edit_requested = Signal(int)

    # Selection -------------------------------------------------------------------------------
    def select_row(self, row: int) -> None:
        if self.document is None or not 0 <= row < len(self.document):
            return
        segment_id = self.document.segment_at(row).id
        if segment_id != self._selected_id:
            self._selected_id = segment_id
            self.current_row_changed.emit(row)
        self.ensure_visible(row)
        self.viewport().update()

    def clear_selection(self) -> None:
        if self._selected_id is not None:
            self._selected_id = None
            self.current_row_changed.emit(-1)
            self.viewport().update()

    def ensure_visible(self, row: int) -> None:
        """Scroll as little as needed to show the whole pair (measuring it first), and keep it
        there while the rows around it are measured (the anchor is the pair, not the top row)."""
        assert self.document is not None
        if not self.heights.measured[row]:
            self.measure_row(row)
        top, height = self.heights.top(row), self.heights.height(row)
        scroll, page = self.verticalScrollBar().value(), self.viewport().height()
        if top < scroll:
            screen_y = 0
        elif top + height > scroll + page:
            screen_y = page - height
        else:
            screen_y = top - scroll
        self.anchor_on(row, screen_y)
        self._restore_anchor()

    def move_by(self, step: int) -> None:
        """Select the next (+1) or previous (-1) pair, as Down/Up do."""
        count = self.row_count()
        if count:
            row = self.current_row()
            self.select_row(0 if row < 0 else min(max(row + step, 0), count - 1))

    # Keyboard and mouse ----------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.matches(QKeySequence.StandardKey.Copy):
            self.copy_requested.emit()
            return
        key = event.key()
        plain = event.modifiers() in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)
        steps = {Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1, Qt.Key.Key_J: 1, Qt.Key.Key_K: -1}
        step = next((v for k, v in steps.items() if k == key), 0)
        if plain and step:
            self.move_by(step)
            return
        control = (
            event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier == Qt.KeyboardModifier.ControlModifier
        )
        if (plain or control) and key in (Qt.Key.Key_Home, Qt.Key.Key_End) and self.row_count():
            self.select_row(0 if key == Qt.Key.Key_Home else self.row_count() - 1)
            return
        if plain and key in (Qt.Key.Key_PageDown, Qt.Key.Key_PageUp):
            bar = self.verticalScrollBar()
            bar.setValue(bar.value() + (bar.pageStep() if key == Qt.Key.Key_PageDown else -bar.pageStep()))
            return
        super().keyPressEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        row = self.row_at_point(event.position().toPoint())
        if row >= 0:
            self.select_row(row)  # and bring the whole pair (the counterpart too) into view
        event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        event.accept()

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        point = event.position().toPoint()
        row = self.row_at_point(point)
        if row >= 0:
            _arabic, english = self.cell_rects(row)
            if english.left() <= point.x() <= english.right():
                self.select_row(row)
                self.edit_requested.emit(row)
        event.accept()

    def viewportEvent(self, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.ToolTip:
            text = self.row_tooltip(self.row_at_point(event.pos()))  # type: ignore[attr-defined]
            if text:
                QToolTip.showText(event.globalPos(), text, self.viewport())  # type: ignore[attr-defined]
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)

    def failure_tooltip(self, row: int) -> str:
        """What a failed row's tooltip says: why, and how to retry ("" for any other row)."""
        document = self.document
        segment = document.segment_at(row) if document is not None and 0 <= row < len(document) else None
        if segment is None or segment.status is not Status.FAILED:
            return ""
        text = self.tr("Translation failed: {reason}\nSelect the sentence and choose Retry (Ctrl+R).")
        return text.format(reason=segment.error or "")

    def row_tooltip(self, row: int) -> str:
        """A failed row's reason, or why a row is marked (edited, quality flags)."""
        failure = self.failure_tooltip(row)
        document = self.document
        if failure or document is None or not 0 <= row < len(document):
            return failure
        segment = document.segment_at(row)
        return quality_tooltip(segment, document.block(segment.block_id).flags)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        super().mouseMoveEvent(event)
        point = event.position().toPoint()
        if self.word_hover.update(point):  # the words the hovered word was translated into
            self.viewport().update()
        self._set_hover(self.row_at_point(point))

    def leaveEvent(self, event: QEvent) -> None:  # noqa: N802
        super().leaveEvent(event)
        if self.word_hover.clear():
            self.viewport().update()
        self._set_hover(-1)

    def _set_hover(self, row: int) -> None:
        if row != self.hover_row:
            self.hover_row = row
            self.viewport().update()


class PaneHeader(QSplitter):
    """Column titles whose handle sets how the width is shared between the two panes.

    Signals: share_changed(float) — the left pane's share of the width.
    """

    share_changed = Signal(float)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setObjectName("paneHeader")
        self.setLayoutDirection(Qt.LayoutDirection.LeftToRight)  # titles stay over their panes
        self.left_title = QLabel(self)
        self.right_title = QLabel(self)
        for label in (self.left_title, self.right_title):
            label.setObjectName("paneTitle")
            label.setMinimumWidth(60)
            self.addWidget(label)
        self.setChildrenCollapsible(False)
        self.setHandleWidth(8)
        self.splitterMoved.connect(self._emit_share)

    def set_titles(self, left: str, right: str) -> None:
        self.left_title.setText(left)
        self.right_title.setText(right)
        vertical = Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignAbsolute
        self.left_title.setAlignment(Qt.AlignmentFlag.AlignLeft | vertical)
        self.right_title.setAlignment(Qt.AlignmentFlag.AlignRight | vertical)
        self.set_margins(self.contentsMargins().left(), self.contentsMargins().right())

    def set_margins(self, left: int, right: int, vertical: int = 4) -> None:
        """Indent the titles to match the text columns; the height follows the title font."""
        self.setContentsMargins(left, vertical, right, vertical)
        self.setFixedHeight(self.left_title.sizeHint().height() + 2 * vertical)

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._emit_share()  # restored sizes only take effect once the header has a width

    def share(self) -> float:
        left, right = self.sizes()
        return left / (left + right) if left + right else 0.5

    def _emit_share(self, _pos: int = 0, _index: int = 0) -> None:
        self.share_changed.emit(self.share())


class ReadingPane(QWidget):
    """The header above the view, kept the same width as the view's text area."""

    def __init__(self, fonts: ReadingFonts, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.header = PaneHeader(self)
        self.view = ReadingView(fonts, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.header)
        layout.addWidget(self.view, 1)
        self.header.share_changed.connect(self.view.set_split)
        self.view.viewport().installEventFilter(self)

    def eventFilter(self, watched, event: QEvent) -> bool:  # noqa: N802
        if watched is self.view.viewport() and event.type() == QEvent.Type.Resize:
            self.align_header()
        return super().eventFilter(watched, event)

    def align_header(self) -> None:
        """Line the titles up with the text columns (the scroll bar takes width from the view)."""
        margin = self.view.layouts.px(MARGIN)
        viewport = self.view.viewport().geometry()
        right = self.view.width() - viewport.right() - 1
        self.header.set_margins(viewport.left() + margin, right + margin)
