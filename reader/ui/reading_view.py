"""The reading area: a pane header (a splitter between "English" and "Arabic") over one list of pairs.

Why one list rather than two synchronised panes: each row holds a sentence *and* its
translation, so the two always start at the same height, scroll together and can never drift
apart, whatever the fonts, zoom or window width. The splitter above sets how the width is
shared between the panes. Paragraphs show as a larger gap before their first sentence.

The view reports which rows are on screen (``visible_rows_changed``) so translation can start there.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QMouseEvent, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QListView,
    QSplitter,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from reader.ui.fonts import ReadingFonts
from reader.ui.pair_delegate import MARGIN, PairDelegate
from reader.ui.pair_model import SentencePairModel


class ReadingView(QListView):
    """One row per sentence pair.

    Signals:
      visible_rows_changed(list) — row numbers now on screen, top to bottom (debounced);
      current_row_changed(int) — the selected pair (-1 for none);
      copy_requested() — Ctrl+C inside the view.
    """

    visible_rows_changed = Signal(list)
    current_row_changed = Signal(int)
    copy_requested = Signal()

    def __init__(
        self, fonts: ReadingFonts, parent: QWidget | None = None, *, visible_delay_ms: int = 40
    ) -> None:
        super().__init__(parent)
        self.pair_model = SentencePairModel(self)
        self.setModel(self.pair_model)
        self.pair_delegate = PairDelegate(self, fonts)
        self.setItemDelegate(self.pair_delegate)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setLayoutMode(QListView.LayoutMode.Batched)
        self.setBatchSize(200)
        self.setUniformItemSizes(False)
        self.setMouseTracking(True)
        self.setFrameShape(QListView.Shape.NoFrame)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.verticalScrollBar().setSingleStep(24)
        self._last_visible: list[int] = []
        self._visible_timer = QTimer(self)
        self._visible_timer.setSingleShot(True)
        self._visible_timer.setInterval(visible_delay_ms)
        self._visible_timer.timeout.connect(self._report_visible)
        # Not connect(timer.start): valueChanged(int) would become the timer's interval.
        self.verticalScrollBar().valueChanged.connect(lambda _value: self._visible_timer.start())
        self.pair_model.dataChanged.connect(self._on_data_changed)
        self.pair_model.modelReset.connect(self._on_reset)
        self.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self._pending_shift = 0
        self._ready = True

    # Document and appearance ----------------------------------------------------------------
    def relayout(self) -> None:
        self.setLayoutMode(QListView.LayoutMode.Batched)
        self.pair_delegate.forget_sizes()
        self.scheduleDelayedItemsLayout()
        self.viewport().update()
        self._visible_timer.start()

    def set_zoom(self, zoom: int) -> None:
        self.pair_delegate.set_zoom(zoom)
        self.verticalScrollBar().setSingleStep(round(24 * zoom / 100))
        self.relayout()

    def set_arabic_on_left(self, on_left: bool) -> None:
        self.pair_delegate.arabic_on_left = on_left
        self.relayout()

    def set_split(self, left_share: float) -> None:
        share = min(max(left_share, 0.15), 0.85)
        if abs(share - self.pair_delegate.split) > 0.001:
            self.pair_delegate.split = share
            self.relayout()

    def set_translating(self, translating: bool) -> None:
        if self.pair_delegate.translating != translating:
            self.pair_delegate.translating = translating
            self.relayout()

    def _on_reset(self) -> None:
        self._pending_shift = 0
        self.setLayoutMode(QListView.LayoutMode.Batched)  # measure a new document without freezing
        self.pair_delegate.forget_sizes()
        self._last_visible = []
        self._visible_timer.start()

    def _on_data_changed(
        self, top: QModelIndex, bottom: QModelIndex, _roles: list[int] | None = None
    ) -> None:
        # A translation can change a row's height: ask the view to measure those rows again.
        rows = range(top.row(), bottom.row() + 1)
        delegate = self.pair_delegate
        measured_all = delegate.measured_rows() >= self.pair_model.rowCount()
        if measured_all:
            self.executeDelayedItemsLayout()  # cached sizes only: cheap, and indexAt is current
        first = self.indexAt(QPoint(self.viewport().width() // 2, 1))
        above = measured_all and first.isValid() and rows.stop <= first.row()
        old = delegate.cached_heights(rows)
        delegate.forget_rows(rows)
        if measured_all:
            # Every row has been measured once (in batches, so opening a book does not freeze
            # the window); measure the changed rows now so that stays true, and let later
            # relayouts, which only read cached sizes, happen in one pass.
            option = QStyleOptionViewItem()
            new = [delegate.sizeHint(option, self.pair_model.index(row)).height() for row in rows]
            self.setLayoutMode(QListView.LayoutMode.SinglePass)
            if above:
                # Rows above the screen grew or shrank (visible-first translation reaches them
                # last): once the view has laid them out, scroll by the difference so the text
                # under the reader's eyes stays where it is.
                self._pending_shift += sum(new) - sum(old)
        for row in rows:
            delegate.sizeHintChanged.emit(self.pair_model.index(row))

    def updateGeometries(self) -> None:  # noqa: N802 - Qt override, called after each layout
        super().updateGeometries()
        shift = getattr(self, "_pending_shift", 0)
        if shift:
            self._pending_shift = 0
            bar = self.verticalScrollBar()
            bar.setValue(bar.value() + shift)

    # Selection -------------------------------------------------------------------------------
    def current_row(self) -> int:
        """The selected pair, or -1. (Qt's current index can exist without a selection; ignore it.)"""
        rows = self.selectionModel().selectedRows()
        return rows[0].row() if rows else -1

    def select_row(self, row: int) -> None:
        index = self.pair_model.index(row)
        if not index.isValid():
            return
        self.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self.scrollTo(index, QAbstractItemView.ScrollHint.EnsureVisible)

    def _on_selection_changed(self, *_args: object) -> None:
        self.current_row_changed.emit(self.current_row())

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        super().mousePressEvent(event)
        index = self.indexAt(event.position().toPoint())
        if index.isValid():  # bring the whole pair (the counterpart too) into view
            self.scrollTo(index, QAbstractItemView.ScrollHint.EnsureVisible)

    # Visible rows ----------------------------------------------------------------------------
    def visible_rows(self) -> list[int]:
        count = self.pair_model.rowCount()
        if count == 0 or not self.isVisible():
            return []
        height = self.viewport().height()
        top = self.indexAt(QPoint(self.viewport().width() // 2, 1))
        bottom = self.indexAt(QPoint(self.viewport().width() // 2, max(height - 2, 1)))
        first = top.row() if top.isValid() else 0
        last = bottom.row() if bottom.isValid() else count - 1
        return list(range(first, last + 1))

    def _report_visible(self) -> None:
        rows = self.visible_rows()
        if rows != self._last_visible:
            self._last_visible = rows
            self.visible_rows_changed.emit(rows)

    def resizeEvent(self, event) -> None:  # noqa: N802
        # Qt can send this while the view is still being constructed: act only once it is ready.
        if getattr(self, "_ready", False) and event.size().width() != event.oldSize().width():
            self.setLayoutMode(QListView.LayoutMode.Batched)  # every row is measured again
        super().resizeEvent(event)
        self._visible_timer.start()

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        self._visible_timer.start()

    # Keyboard and mouse ----------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.matches(QKeySequence.StandardKey.Copy):
            self.copy_requested.emit()
            return
        plain = event.modifiers() in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)
        if plain and event.key() in (Qt.Key.Key_J, Qt.Key.Key_K):
            self.move_by(1 if event.key() == Qt.Key.Key_J else -1)
            return
        super().keyPressEvent(event)

    def move_by(self, step: int) -> None:
        """Select the next (+1) or previous (-1) pair, as Down/Up do."""
        count = self.pair_model.rowCount()
        if count:
            row = self.current_row()
            self.select_row(0 if row < 0 else min(max(row + step, 0), count - 1))

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        super().mouseMoveEvent(event)
        self._set_hover(self.indexAt(event.position().toPoint()).row())

    def leaveEvent(self, event: QEvent) -> None:  # noqa: N802
        super().leaveEvent(event)
        self._set_hover(-1)

    def _set_hover(self, row: int) -> None:
        if row != self.pair_delegate.hover_row:
            self.pair_delegate.hover_row = row
            self.viewport().update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        if self.pair_model.rowCount():
            super().paintEvent(event)
            return
        painter = QPainter(self.viewport())
        painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
        hint = self.tr(
            "Open an Arabic text file (Ctrl+O), drop one here, or paste Arabic text as a new document (Ctrl+Shift+V)."
        )
        area = self.viewport().rect().adjusted(40, 40, -40, -40)
        painter.drawText(area, Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, hint)
        painter.end()


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
        margin = round(MARGIN * self.view.pair_delegate.zoom / 100)
        viewport = self.view.viewport().geometry()
        right = self.view.width() - viewport.right() - 1
        self.header.set_margins(viewport.left() + margin, right + margin)
