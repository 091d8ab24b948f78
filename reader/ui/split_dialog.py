"""Edit ▸ Split Sentence…: where to cut the selected sentence, in one click.

Aiming a caret between two letters in a right-to-left box took a new reader three tries. So the
punctuation marks inside the sentence (:func:`reader.model.editing.split_candidates`) are offered
as buttons that split at once, and a click anywhere in the text snaps to the nearest gap between
words, with both halves shown before Split is pressed: a word is never cut by a stray click.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QTextCursor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

CONTEXT = 24  # characters of the sentence shown on a cut-point button


def word_gaps(text: str) -> list[int]:
    """Where a cut falls between two words: the start of each inner run of spaces (the space
    stays with the first half's end and is trimmed)."""
    gaps = [i for i in range(1, len(text)) if text[i].isspace() and not text[i - 1].isspace()]
    return [i for i in gaps if text[:i].strip() and text[i:].strip()]


def word_gap(text: str, at: int, step: int = 0) -> int:
    """The gap between words nearest to *at*; with *step* ±1 (the caret moved one character by
    key), the next gap that way, so the arrow keys walk from word to word. *at* itself when the
    text has no inner gap."""
    gaps = word_gaps(text)
    if step > 0:
        gaps = [i for i in gaps if i >= at] or gaps[-1:]
    elif step < 0:
        gaps = [i for i in gaps if i <= at] or gaps[:1]
    return min(gaps, key=lambda i: abs(i - at)) if gaps else at


class SplitDialog(QDialog):
    """Asks where to cut *text*; ``chosen`` is the offset once accepted (None until then)."""

    def __init__(self, text: str, candidates: list[int], font: QFont, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.text = text
        self.chosen: int | None = None
        self.setWindowTitle(self.tr("Split Sentence"))
        layout = QVBoxLayout(self)
        self.marks: list[QPushButton] = []
        if candidates:
            layout.addWidget(QLabel(self.tr("Split after a punctuation mark:"), self))
            row = QHBoxLayout()
            for at in candidates:
                button = QPushButton(f"…{text[max(at - CONTEXT, 0) : at]}", self)
                button.setFont(font)
                button.clicked.connect(lambda _checked=False, at=at: self.choose(at))
                row.addWidget(button)
                self.marks.append(button)
            row.addStretch(1)
            layout.addLayout(row)
        layout.addWidget(QLabel(self.tr("Or click between two words, then press Split:"), self))
        self.editor = QPlainTextEdit(self)
        self.editor.setPlainText(text)
        self.editor.setReadOnly(True)
        self.editor.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByKeyboard | Qt.TextInteractionFlag.TextSelectableByMouse
        )
        self.editor.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self.editor.setFont(font)
        layout.addWidget(self.editor)
        self.preview = QLabel(self)
        self.preview.setFont(font)
        self.preview.setWordWrap(True)
        self.preview.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        layout.addWidget(self.preview)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.split_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.split_button.setText(self.tr("Split"))
        buttons.accepted.connect(lambda: self.choose(self.aimed()))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._aim = 0  # the gap the caret sits in
        self.editor.cursorPositionChanged.connect(self._snap)
        self.set_aim(word_gap(text, (candidates or [len(text) // 2])[0]))

    def aimed(self) -> int:
        return self.editor.textCursor().position()

    def set_aim(self, at: int) -> None:
        cursor = self.editor.textCursor()
        cursor.setPosition(at)
        self.editor.setTextCursor(cursor)

    def _snap(self) -> None:
        """A click lands on the nearest gap between words; both halves are shown."""
        cursor = self.editor.textCursor()
        if cursor.hasSelection():
            return
        moved = cursor.position() - self._aim
        at = word_gap(self.text, cursor.position(), moved if abs(moved) == 1 else 0)
        self._aim = at
        if at != cursor.position():
            cursor.setPosition(at, QTextCursor.MoveMode.MoveAnchor)
            self.editor.blockSignals(True)
            self.editor.setTextCursor(cursor)
            self.editor.blockSignals(False)
        first, second = self.text[:at].strip(), self.text[at:].strip()
        self.split_button.setEnabled(bool(first and second))
        self.preview.setText(f"{first}\n— — —\n{second}" if first and second else "")

    def choose(self, at: int) -> None:
        if self.text[:at].strip() and self.text[at:].strip():
            self.chosen = at
            self.accept()


def ask_split(text: str, candidates: list[int], font: QFont, parent: QWidget | None = None) -> int | None:
    """Show the dialog; the offset to split at, or None when cancelled."""
    dialog = SplitDialog(text, candidates, font, parent)
    dialog.exec()
    return dialog.chosen
