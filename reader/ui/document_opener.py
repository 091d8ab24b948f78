"""File ▸ Open and Paste in the background: reading, decoding and segmenting never freezes the window.

Every format goes through :mod:`reader.library.opening` (and so the format registry).

The op loads and structures the file on a worker thread (a ``.bireader`` project as saved), puts
back what the library kept of it (edits, splits, merges, translations, the reading position) and
computes what the window needs of the whole document, so the GUI thread receives a ready document. A newer open supersedes an older one still running.

A hostile file costs the window nothing: every refusal (damage, a limit, the size cap) comes
back as the same one line the CLI prints, and :meth:`DocumentOpener.cancel` frees the window at
once; the worker stops at its next progress report and what it still produces is dropped.

Signals: opened(object) — an :class:`Opened`; failed(str, str) — file name and one-line reason;
started(str) — the file name now being opened; progressed(str, float) — its name and the share
done; cancelled(str) — the file name whose opening :meth:`DocumentOpener.cancel` stopped.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from reader.errors import error_line
from reader.library.opening import load_with_work, structure_text, with_saved_work
from reader.library.positions import content_hash
from reader.library.store import Library
from reader.model import Document
from reader.ui import heap
from reader.ui.row_metrics import RowMetrics, row_metrics
from reader.ui.task_slot import TaskSlot
from reader.ui.workers import Task, TaskContext
from reader.window_priority import step_aside

Progress = Callable[[float], None]


@dataclass(frozen=True)
class Opened:
    document: Document
    path: Path | None
    key: str  # content hash
    position: int  # where the reader left it
    metrics: RowMetrics | None = None  # what the view needs of every row
    warnings: tuple[str, ...] = ()  # shown beside the document (damaged bytes replaced, …)
    selected: int = -1  # the sentence selected when the reader left it (-1: none)


def prepare(
    document: Document,
    path: Path | None,
    library: Library | None,
    *,
    key: str = "",
    position: int | None = None,
    warnings: tuple[str, ...] = (),
    selected: int = -1,
) -> Opened:
    """What the window needs of a freshly loaded document (O(document): run it off the GUI thread).

    Without a *position*, the library restores what it kept for the document's text."""
    if position is None:
        saved = with_saved_work(document, library)
        key, position, selected = saved.key, saved.position, saved.selected
    key = key or content_hash(document)
    if len(document):
        document.position_of(document.segment_at(0).id)  # builds the id → position index here
    return Opened(document, path, key, position, row_metrics(document), warnings, selected)


class DocumentOpener(QObject):
    """See the module docstring."""

    opened = Signal(object)
    failed = Signal(str, str)
    started = Signal(str)
    progressed = Signal(str, float)
    cancelled = Signal(str)

    def __init__(self, library: Library | None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self._slot = TaskSlot()
        self._name = ""

    @property
    def is_running(self) -> bool:
        return self._slot.busy

    def open(self, path: Path) -> None:
        """Read, decode and structure the file at *path* (a project as saved) in the background,
        with the work the library kept for it."""
        library = self.library

        def load(progress: Progress) -> Opened:
            loaded = load_with_work(path, library, progress)
            return prepare(
                loaded.document,
                path,
                None,
                key=loaded.key,
                position=loaded.position,
                warnings=loaded.warnings,
                selected=loaded.selected,
            )

        self._run(path.name, load)

    def open_text(self, text: str, name: str) -> None:
        """Structure pasted or dropped *text* in the background: a pasted book is as big as a file."""
        library = self.library
        self._run(
            name,
            lambda progress: prepare(structure_text(text, name, progress), None, library),
        )

    def _run(self, name: str, load: Callable[[Progress], Opened]) -> None:
        def op(context: TaskContext) -> Opened:
            def progress(fraction: float) -> None:
                context.raise_if_cancelled()  # a newer open or closing the window stops this one
                context.report(fraction)
                step_aside(longest_s=0)  # the window's own work first (not its input: this is awaited)

            with heap.bulk_allocation():
                opened = load(progress)
                context.raise_if_cancelled()
                return opened

        task = Task(op, name="open document")
        task.succeeded.connect(self.opened)
        task.progressed.connect(lambda fraction: self.progressed.emit(name, float(fraction)))
        task.failed.connect(lambda error: self.failed.emit(name, error_line(error)))
        self._slot.drop()
        self._name = name
        self.started.emit(name)
        self._slot.start(task)

    def cancel(self) -> bool:
        """Stop the opening under way: the window is free at once (``cancelled`` is emitted now)
        and keeps what it showed; False when nothing was being opened."""
        if not self._slot.busy:
            return False
        self._slot.drop()
        self.cancelled.emit(self._name)
        return True

    def shutdown(self) -> None:
        self._slot.drop(wait=True)
