"""A list model with one row per sentence pair: the Arabic sentence and, once known, its English.

The model reads the :class:`~reader.document.Document` that the window owns; when translations
arrive the window updates the document and calls :meth:`SentencePairModel.sentences_changed`.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import IntEnum

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from reader.document import Document, Sentence, Status


class PairRole(IntEnum):
    ARABIC = Qt.ItemDataRole.UserRole + 1
    ENGLISH = Qt.ItemDataRole.UserRole + 2
    STATUS = Qt.ItemDataRole.UserRole + 3
    STARTS_PARAGRAPH = Qt.ItemDataRole.UserRole + 5


_Index = QModelIndex | QPersistentModelIndex


class SentencePairModel(QAbstractListModel):
    """Rows are ``document.sentences`` in reading order; row ``i`` is sentence index ``i``."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._sentences: list[Sentence] = []

    def set_document(self, document: Document | None) -> None:
        self.beginResetModel()
        self._sentences = document.sentences if document is not None else []
        self.endResetModel()

    def sentence(self, row: int) -> Sentence | None:
        return self._sentences[row] if 0 <= row < len(self._sentences) else None

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._sentences)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        sentence = self.sentence(index.row()) if index.isValid() else None
        if sentence is None:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, PairRole.ARABIC):
            return sentence.text
        if role == PairRole.ENGLISH:
            return sentence.translation
        if role == PairRole.STATUS:
            return sentence.status
        if role == PairRole.STARTS_PARAGRAPH:
            return sentence.index > 0 and self._sentences[sentence.index - 1].paragraph != sentence.paragraph
        if role == Qt.ItemDataRole.ToolTipRole and sentence.status is Status.FAILED:
            text = self.tr("Translation failed: {reason}\nSelect the sentence and choose Retry (Ctrl+R).")
            return text.format(reason=sentence.error or "")
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{sentence.text}\n{sentence.translation or ''}"
        return None

    def sentences_changed(self, indexes: Iterable[int]) -> None:
        """Tell views that these rows' translations or statuses changed."""
        rows = sorted(set(indexes))
        start = previous = None
        for row in rows + [None]:
            if row is not None and previous is not None and row == previous + 1:
                previous = row
                continue
            if start is not None and previous is not None:
                self.dataChanged.emit(self.index(start), self.index(previous))
            start = previous = row
