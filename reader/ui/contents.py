"""The contents sidebar: the document's headings as a tree; a click jumps there, scrolling follows.

Built once per document from its sections (the structure the format reader found). Following the
reading position is a binary search over the headings' positions, so it costs O(log headings)
per scroll, whatever the book's length.

Signals: jump_requested(int) — the position of the heading the reader clicked.
"""

from __future__ import annotations

import bisect

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QToolTip, QTreeWidget, QTreeWidgetItem, QWidget

from reader.model import Document, Section

_POSITION = Qt.ItemDataRole.UserRole + 1


class ContentsTree(QTreeWidget):
    """See the module docstring."""

    jump_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("contents")
        self.setHeaderHidden(True)
        self.setUniformRowHeights(True)
        # Arabic titles: the tree reads and indents from the right, whatever the UI language.
        self.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        # Never narrower than a short chapter title: a narrow window squeezed it to «الف».
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("الفصل الثاني عشر") + 40)
        self._positions: list[int] = []
        self._items: list[QTreeWidgetItem] = []
        self.itemClicked.connect(self._on_clicked)
        self.itemActivated.connect(self._on_clicked)

    def set_document(self, document: Document | None) -> None:
        self.clear()
        self._positions, self._items = [], []
        if document is None:
            return
        for section in document.sections:
            self._add(document, section, None)
        self.expandToDepth(1)

    def is_empty(self) -> bool:
        return not self._items

    def follow(self, position: int) -> None:
        """Mark the chapter that *position* (the top of the screen) is in."""
        index = bisect.bisect_right(self._positions, position) - 1
        item = self._items[index] if index >= 0 else None
        if item is not None and item is not self.currentItem():
            self.blockSignals(True)
            self.setCurrentItem(item)
            self.blockSignals(False)
            self.scrollToItem(item)

    def _add(self, document: Document, section: Section, parent: QTreeWidgetItem | None) -> None:
        target = parent
        if section.heading_block is not None:
            block = document.block(section.heading_block)
            position = document.position_of(block.segment_ids[0])
            item = QTreeWidgetItem([section.title])
            item.setData(0, _POSITION, position)
            if parent is None:
                self.addTopLevelItem(item)
            else:
                parent.addChild(item)
            self._positions.append(position)
            self._items.append(item)
            target = item
        for child in section.children:
            self._add(document, child, target)

    def viewportEvent(self, event: QEvent) -> bool:  # noqa: N802
        """A title cut by the sidebar's width shows whole as a tooltip. Asked for on hover,
        not set on each item: 500 chapters' ``setToolTip`` cost 17 ms when a book opened."""
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            item = self.itemAt(event.pos())
            if item is not None:
                QToolTip.showText(event.globalPos(), item.text(0), self.viewport())
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)

    def _on_clicked(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        position = item.data(0, _POSITION)
        if isinstance(position, int):
            self.jump_requested.emit(position)
