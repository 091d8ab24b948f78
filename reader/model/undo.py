"""The undo stack: every change a reader makes by hand can be taken back and done again.

Qt-free so the model's tests drive it directly; the window only binds Ctrl+Z / Ctrl+Shift+Z. A
command is anything with ``do(document) -> bool`` (False: nothing to do, nothing recorded),
``undo(document)`` and a ``label`` (see :mod:`reader.model.editing`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from reader.model.document import Document

MAX_STEPS = 500


class Command(Protocol):
    label: str

    def do(self, document: Document) -> bool: ...

    def undo(self, document: Document) -> None: ...


class UndoStack:
    """Linear history: a new command after an undo drops what could have been redone."""

    def __init__(self, document: Document, *, limit: int = MAX_STEPS) -> None:
        self.document = document
        self.limit = limit
        self._done: list[Command] = []
        self._undone: list[Command] = []
        self.on_change: Callable[[], None] | None = None  # the window enables its actions here

    def push(self, command: Command | None) -> bool:
        """Do *command* and remember it; False (nothing recorded) when it did nothing."""
        if command is None or not command.do(self.document):
            return False
        self._done.append(command)
        del self._done[: -self.limit]
        self._undone.clear()
        self._changed()
        return True

    def undo(self) -> Command | None:
        if not self._done:
            return None
        command = self._done.pop()
        command.undo(self.document)
        self._undone.append(command)
        self._changed()
        return command

    def redo(self) -> Command | None:
        if not self._undone:
            return None
        command = self._undone.pop()
        command.do(self.document)
        self._done.append(command)
        self._changed()
        return command

    @property
    def can_undo(self) -> bool:
        return bool(self._done)

    @property
    def can_redo(self) -> bool:
        return bool(self._undone)

    def undo_label(self) -> str:
        return self._done[-1].label if self._done else ""

    def redo_label(self) -> str:
        return self._undone[-1].label if self._undone else ""

    def _changed(self) -> None:
        if self.on_change is not None:
            self.on_change()
