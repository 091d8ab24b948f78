"""File ▸ Open in the background: reading, decoding and segmenting a book never freezes the window.

The op loads and structures the file on a worker thread (a ``.bireader`` project as saved), puts
back what the library kept of it (edits, splits, merges, translations, the reading position) and
computes what the window needs of the whole document, so the GUI thread receives a ready document. A newer open supersedes an older one still running.

Signals: opened(object) — an :class:`Opened`; failed(str, str) — file name and one-line reason;
started(str) — the file name now being opened; progressed(str, float) — its name and the share done.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from reader.errors import error_line
from reader.library.opening import load_with_work
from reader.library.positions import content_hash
from reader.library.store import Library
from reader.model import Document
from reader.ui.row_metrics import RowMetrics, row_metrics
from reader.ui.workers import Task, TaskContext


@dataclass(frozen=True)
class Opened:
    document: Document
    path: Path | None
    key: str  # content hash
    position: int  # where the reader left it
    metrics: RowMetrics | None = None  # what the view needs of every row


def prepare(
    document: Document,
    path: Path | None,
    library: Library | None,
    *,
    key: str = "",
    position: int | None = None,
) -> Opened:
    """What the window needs of a freshly loaded document (O(document): run it off the GUI thread).

    Without a *position*, the library restores what it kept for the document's text."""
    key = key or content_hash(document)
    if position is None:
        position = library.restore(key, document) if library is not None else 0
    if len(document):
        document.position_of(document.segment_at(0).id)  # builds the id → position index here
    return Opened(document, path, key, position, row_metrics(document))


class DocumentOpener(QObject):
    """See the module docstring."""

    opened = Signal(object)
    failed = Signal(str, str)
    started = Signal(str)
    progressed = Signal(str, float)

    def __init__(self, library: Library | None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self._task: Task | None = None

    @property
    def is_running(self) -> bool:
        return self._task is not None

    def open(self, path: Path) -> None:
        self._drop_running()
        library = self.library

        def op(context: TaskContext) -> Opened:
            def progress(fraction: float) -> None:
                context.raise_if_cancelled()  # a newer open or closing the window stops this one
                context.report(fraction)

            loaded = load_with_work(path, library, progress)
            context.raise_if_cancelled()
            return prepare(loaded.document, path, None, key=loaded.key, position=loaded.position)

        task = Task(op, name="open document")
        task.succeeded.connect(self.opened)
        task.progressed.connect(lambda fraction: self.progressed.emit(path.name, float(fraction)))
        task.failed.connect(lambda error: self.failed.emit(path.name, error_line(error)))
        task.finished.connect(lambda: self._forget(task))
        self._task = task
        self.started.emit(path.name)
        task.start()

    def shutdown(self) -> None:
        self._drop_running(wait=True)

    def _drop_running(self, *, wait: bool = False) -> None:
        task, self._task = self._task, None
        if task is not None:
            task.detach()
            task.cancel()
            if wait:
                task.wait()

    def _forget(self, task: Task) -> None:
        if self._task is task:
            self._task = None
