"""File ▸ Import Translation…: a human English translation aligned to the open document.

The alignment (:mod:`reader.sentence_align`) runs in a :class:`Task` with a progress dialog and
Cancel; the texts it reads are copied once when the import starts, so the live document is never
touched off the GUI thread. Its result is one undoable command (merges plus human renderings,
:class:`ImportTranslation`); rows the translation leaves out keep their machine English or are
translated as usual. When every row already shows machine English, that English is the bridge.

The review: F6 / Shift+F6 step through the imported rows whose link scored under
:data:`LOW_SCORE` and that still show the imported English, in O(log n) a press from an index kept
from the document's change events (:class:`reader.model.flagged.FlaggedIndex`, as F8 does);
Ctrl+Alt+Up / Ctrl+Alt+Down move the current row's first English sentence to
the row above, its last to the row below (undoable).

Signals: message(str) — a status-bar line when an import ends or a review step finds nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QFileDialog, QProgressDialog, QWidget

from reader.errors import ReaderError
from reader.library.opening import supported_extensions
from reader.model import Document, Origin, Segment
from reader.model.flagged import FlaggedIndex
from reader.sentence_align import AlignmentCancelled, Link, align_sentences
from reader.sentence_align.applying import ImportTranslation, Placed, move_english_command
from reader.sentence_align.english_text import read_english
from reader.ui.dialogs import Dialogs
from reader.ui.editing import EditingController
from reader.ui.open_document import OpenDocument
from reader.ui.reading_view import ReadingView
from reader.ui.task_slot import TaskSlot
from reader.ui.workers import Task, TaskCancelled, TaskContext

LOW_SCORE = 0.5


@dataclass(frozen=True)
class Aligned:
    """What the background alignment hands back: the ids it aligned, the links, the English."""

    segment_ids: tuple[int, ...]
    links: tuple[Link, ...]
    english: tuple[str, ...]


class TranslationImport(QObject):
    message = Signal(str)

    def __init__(
        self,
        current: OpenDocument,
        view: ReadingView,
        editing: EditingController,
        dialogs: Dialogs,
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self._open, self._view, self._editing, self._dialogs, self._parent = (
            current,
            view,
            editing,
            dialogs,
            parent,
        )
        self._slot = TaskSlot()  # the alignment under way
        self._document: Document | None = None  # the document being aligned
        self.progress: QProgressDialog | None = None
        self._placed: list[Placed] = []
        self._review: FlaggedIndex | None = None
        self.ask_path = self._ask_path  # tests replace it
        current.changed.connect(lambda _opened: self._forget())

    @property
    def placed(self) -> list[Placed]:
        """The rows the last import placed English in, with their links' scores."""
        return self._placed

    @placed.setter
    def placed(self, placed: list[Placed]) -> None:
        self._placed = placed
        if self._review is not None:
            self._review.close()
            self._review = None
        document = self._open.document
        low = frozenset(p.segment_id for p in placed if p.score < LOW_SCORE)
        if document is not None and low:
            self._review = FlaggedIndex(document, lambda s: s.id in low and _imported(s))

    def _forget(self) -> None:
        """Another document is on screen: the last import's review (and its subscription to the
        old document, which kept it alive) ends."""
        self.placed = []

    def _ask_path(self) -> str:
        patterns = " ".join(f"*.{ext}" for ext in supported_extensions())
        path, _ = QFileDialog.getOpenFileName(
            self._parent,
            self.tr("Import Translation"),
            "",
            self.tr("English translation ({patterns})").format(patterns=patterns),
        )
        return path

    def import_dialog(self) -> None:
        path = self.ask_path()
        if path:
            self.start(Path(path))

    def start(self, path: Path) -> bool:
        """Align *path* with the open document in the background; False when that cannot start."""
        document = self._open.document
        if document is None or self._slot.busy:
            return False
        segments = document.segments
        ids = tuple(s.id for s in segments)
        texts = [s.text for s in segments]
        paragraphs = [document.block_position(s.block_id) for s in segments]
        machine = all(s.rendering is not None and s.rendering.origin is Origin.MACHINE for s in segments)
        bridge = [s.translation or "" for s in segments] if machine and segments else None

        def align(context: TaskContext) -> Aligned:
            english = read_english(path)
            context.raise_if_cancelled()
            try:
                links = align_sentences(
                    texts,
                    english.sentences,
                    source_paragraphs=paragraphs,
                    target_paragraphs=english.paragraphs,
                    bridge=bridge,
                    progress=lambda done, total: context.report((done, total)),
                    should_stop=lambda: context.cancelled,
                )
            except AlignmentCancelled:
                raise TaskCancelled from None
            return Aligned(ids, tuple(links), english.sentences)

        self._document = document
        task = Task(align, self, name="align translation")
        task.progressed.connect(self._on_progress)
        task.succeeded.connect(self._on_aligned)
        task.failed.connect(self._on_failed)
        task.cancelled.connect(lambda: self.message.emit(self.tr("Import cancelled.")))
        task.finished.connect(self._on_finished)
        self.progress = QProgressDialog(
            self.tr("Aligning the translation…"), self.tr("Cancel"), 0, 100, self._parent
        )
        self.progress.setWindowModality(Qt.WindowModality.NonModal)
        self.progress.setMinimumDuration(500)
        self.progress.canceled.connect(self.cancel)
        self._slot.start(task)
        return True

    @property
    def busy(self) -> bool:
        """An alignment is under way (its progress dialog may not show yet)."""
        return self._slot.busy

    def cancel(self) -> None:
        """Stop the alignment; it still ends as usual ("Import cancelled.")."""
        self._slot.cancel()

    def shutdown(self) -> None:
        """The window closes: stop the alignment and wait for its thread."""
        self._slot.drop(wait=True)

    def _on_progress(self, payload: object) -> None:
        if not isinstance(payload, tuple):
            return
        done, total = payload
        if self.progress is not None and total:
            self.progress.setValue(int(100 * done / total))

    def _on_aligned(self, result: object) -> None:
        if not isinstance(result, Aligned):
            return
        if self._open.document is not self._document:  # another document was opened meanwhile
            self.message.emit(self.tr("Import cancelled."))
            return
        editing = self._editing
        command = ImportTranslation(result.segment_ids, result.links, result.english)
        if editing.stack is None or not editing.stack.push(command):
            self.message.emit(self.tr("The translation had nothing to add to this document."))
            return
        self.placed = command.placed
        low = sum(1 for p in self.placed if p.score < LOW_SCORE)
        self.message.emit(
            self.tr(
                "Imported: {rows} rows show the translation, {low} to review (F6); Ctrl+Z undoes."
            ).format(rows=len(self.placed), low=low)
        )

    def _on_failed(self, error: object) -> None:
        text = (
            str(error) if isinstance(error, ReaderError) else self.tr("the translation could not be aligned")
        )
        self._dialogs.show_error(self.tr("Import Translation"), text)

    def _on_finished(self) -> None:
        if self.progress is not None:
            self.progress.reset()
            self.progress.deleteLater()
            self.progress = None

    # The review ---------------------------------------------------------------------------
    def next_low(self, step: int = 1) -> bool:
        """Select the next (+1) or previous (-1) imported row whose link scored low, wrapping round."""
        document, review = self._open.document, self._review
        if document is None or review is None or review.document is not document or not len(review):
            self.message.emit(self.tr("No imported row to review."))
            return False
        current = self._editing.current()
        found = review.after(current.id if current is not None else None, step)
        if found is None:
            return False
        self._view.select_row(document.position_of(found))
        return True

    def move_english(self, step: int) -> bool:
        """Move the current row's first English sentence up (-1) or its last down (+1), undoably."""
        editing = self._editing
        segment = editing.current()
        if segment is None or editing.stack is None or self._open.document is None:
            return False
        return editing.stack.push(move_english_command(self._open.document, segment.id, step))


def _imported(segment: Segment) -> bool:
    """Still the imported English: not edited, moved away or undone since."""
    return segment.rendering is not None and segment.rendering.origin is Origin.HUMAN
