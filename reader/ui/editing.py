"""The window's side of a reader's own changes: keys and menus onto the Qt-free undo commands.

Everything that changes the document by hand goes through :class:`reader.model.undo.UndoStack`
(edit, pick an alternative, retranslate, split, merge), so Ctrl+Z takes any of them back. New or
reset sentences are handed to the translation controller, which translates just those.
F8 / Shift+F8 walk the flagged sentences from the selection, through an index kept from the
document's change events.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from reader.model import Document, Segment, Status
from reader.model.carried_english import is_persons
from reader.model.editing import (
    edit_command,
    merge_command,
    neighbour,
    pick_command,
    retranslate_command,
    split_command,
)
from reader.model.flagged import FlaggedIndex
from reader.model.undo import Command, UndoStack
from reader.ui.inline_editor import InlineEditor
from reader.ui.reading_view import ReadingView
from reader.ui.translation_controller import TranslationController


class EditingController(QObject):
    """Signals: history_changed() — what Undo/Redo can do changed (the window updates actions);
    message(str) — one line for the status bar (why a retranslation changed nothing, where a
    person's English went on a split)."""

    history_changed = Signal()
    message = Signal(str)

    def __init__(self, view: ReadingView, translation: TranslationController, parent: QObject | None = None):
        super().__init__(parent)
        self.view = view
        self.translation = translation
        self.document: Document | None = None
        self.stack: UndoStack | None = None
        self.flagged: FlaggedIndex | None = None
        self.editor = InlineEditor(view)
        self.editor.committed.connect(self._on_committed)
        view.edit_requested.connect(lambda row: self.edit_row(row))

    def set_document(self, document: Document | None) -> None:
        self.editor.cancel()
        if self.flagged is not None:
            self.flagged.close()
        self.document = document
        self.flagged = FlaggedIndex(document) if document is not None else None
        self.stack = UndoStack(document) if document is not None else None
        if self.stack is not None:
            self.stack.on_change = self.history_changed.emit
        self.history_changed.emit()

    def current(self) -> Segment | None:
        row = self.view.current_row()
        return self.document.segment_at(row) if self.document is not None and row >= 0 else None

    # Editing in place -------------------------------------------------------------------------
    def edit_current(self) -> bool:
        """F2: edit the selected sentence's English."""
        segment = self.current()
        return segment is not None and self.editor.start(segment.id)

    def edit_row(self, row: int) -> bool:
        if self.document is None or not 0 <= row < len(self.document):
            return False
        return self.editor.start(self.document.segment_at(row).id)

    def _on_committed(self, segment_id: int, english: str) -> None:
        segment = self.document.segment(segment_id) if self.document is not None else None
        if segment is None or not english or english == segment.translation:
            return
        self._push(edit_command(self.document, segment_id, english))  # type: ignore[arg-type]

    # Commands ----------------------------------------------------------------------------------
    def retranslate_current(self) -> None:
        """Ctrl+R: a new machine translation of the selected sentence (even an edited one).

        Only once a model can translate it: without one the translation shown stays, and the
        status bar says why nothing changed."""
        segment = self.current()
        document = self.document
        if segment is None or document is None or segment.status is Status.PENDING:
            return
        segment_id = segment.id

        def ready() -> None:
            live = document.segment(segment_id)
            if live is not None and live.status is not Status.PENDING and document is self.document:
                self._push(retranslate_command(segment_id))

        def unavailable(reason: str) -> None:
            self.message.emit(
                self.tr("Translation kept: no translation model ({reason})").format(reason=reason)
            )

        self.translation.when_ready(ready, unavailable)

    def pick(self, choice: str) -> None:
        segment = self.current()
        if segment is not None and self.document is not None:
            self._push(pick_command(self.document, segment.id, choice))

    def split_current(self, at: int) -> bool:
        segment = self.current()
        if segment is None or self.document is None:
            return False
        if not self._push(split_command(self.document, segment.id, at)):
            return False
        if is_persons(segment):
            self.message.emit(
                self.tr("Your English was divided between the two pieces (Ctrl+Z undoes the split).")
            )
        return True

    def merge_current(self, step: int) -> bool:
        """Merge the selected sentence with the next (+1) or previous (-1) one of its paragraph."""
        segment = self.current()
        if segment is None or self.document is None:
            return False
        other = neighbour(self.document, segment.id, step)
        if other is None:
            return False
        first, second = (segment.id, other) if step > 0 else (other, segment.id)
        return self._push(merge_command(self.document, first, second))

    def undo(self) -> None:
        if self.stack is not None:
            self.editor.cancel()
            self._after(self.stack.undo())

    def redo(self) -> None:
        if self.stack is not None:
            self.editor.cancel()
            self._after(self.stack.redo())

    def _push(self, command: Command | None) -> bool:
        if self.stack is None or not self.stack.push(command):
            return False
        self._after(command)
        return True

    def _after(self, command: Command | None) -> None:
        """Translate whatever the command left pending (new pieces, a retranslated sentence)."""
        if command is None or self.document is None:
            return
        touched = [s.id for s in getattr(command, "after", ())] + [
            s.id for s in getattr(command, "before", ())
        ]
        if hasattr(command, "segment_id"):
            touched.append(command.segment_id)
        self.translation.translate_again([i for i in touched if self.document.segment(i) is not None])

    # Flagged sentences -------------------------------------------------------------------------
    def next_flagged(self, step: int = 1) -> bool:
        """F8 (+1) / Shift+F8 (-1): select the next flagged sentence, wrapping round (O(log n):
        see :class:`reader.model.flagged.FlaggedIndex`)."""
        document, flagged = self.document, self.flagged
        if document is None or flagged is None:
            return False
        current = self.current()
        found = flagged.after(current.id if current is not None else None, step)
        if found is None:
            return False
        self.view.select_row(document.position_of(found))
        return True

    @property
    def can_undo(self) -> bool:
        return self.stack is not None and self.stack.can_undo

    @property
    def can_redo(self) -> bool:
        return self.stack is not None and self.stack.can_redo
