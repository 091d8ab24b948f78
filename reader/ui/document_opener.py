"""File ▸ Open and Paste in the background: reading, decoding and segmenting never freezes the window.

Every format goes through :func:`reader.formats.registry.open_document`.

The op loads and structures the file on a worker thread, and also computes what the window needs
of the whole document before showing it (the content hash and the remembered reading position),
so the GUI thread receives a ready document. A newer open supersedes an older one still running.

Signals: opened(object) — an :class:`Opened`; failed(str, str) — file name and one-line reason;
started(str) — the file name now being opened; progressed(str, float) — its name and the share done.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from reader.errors import error_line
from reader.formats.registry import open_document
from reader.library.positions import ReadingPositions, content_hash
from reader.model import Document
from reader.model.text_builder import build_text_document
from reader.ui import heap
from reader.ui.row_metrics import RowMetrics, row_metrics
from reader.ui.workers import Task, TaskContext

Progress = Callable[[float], None]


@dataclass(frozen=True)
class Opened:
    document: Document
    path: Path | None
    key: str  # content hash
    position: int  # where the reader left it
    metrics: RowMetrics | None = None  # what the view needs of every row
    warnings: tuple[str, ...] = ()  # shown beside the document (damaged bytes replaced, …)


def prepare(
    document: Document, path: Path | None, positions: ReadingPositions, warnings: tuple[str, ...] = ()
) -> Opened:
    """What the window needs of a freshly loaded document (O(document): run it off the GUI thread)."""
    key = content_hash(document)
    if len(document):
        document.position_of(document.segment_at(0).id)  # builds the id → position index here
    return Opened(document, path, key, positions.recall(key, document), row_metrics(document), warnings)


class DocumentOpener(QObject):
    """See the module docstring."""

    opened = Signal(object)
    failed = Signal(str, str)
    started = Signal(str)
    progressed = Signal(str, float)

    def __init__(self, positions: ReadingPositions, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.positions = positions
        self._task: Task | None = None

    @property
    def is_running(self) -> bool:
        return self._task is not None

    def open(self, path: Path) -> None:
        """Read, decode and structure the file at *path* in the background."""

        def load(progress: Progress) -> tuple[Document, tuple[str, ...]]:
            loaded = open_document(path, progress)
            return loaded.document, loaded.warnings

        self._run(path.name, path, load)

    def open_text(self, text: str, name: str) -> None:
        """Structure pasted or dropped *text* in the background: a pasted book is as big as a file."""
        self._run(name, None, lambda progress: (build_text_document(text, name=name, progress=progress), ()))

    def _run(
        self, name: str, path: Path | None, load: Callable[[Progress], tuple[Document, tuple[str, ...]]]
    ) -> None:
        self._drop_running()
        positions = self.positions

        def op(context: TaskContext) -> Opened:
            def progress(fraction: float) -> None:
                context.raise_if_cancelled()  # a newer open or closing the window stops this one
                context.report(fraction)

            with heap.bulk_allocation():
                document, warnings = load(progress)
                context.raise_if_cancelled()
                return prepare(document, path, positions, warnings)

        task = Task(op, name="open document")
        task.succeeded.connect(self.opened)
        task.progressed.connect(lambda fraction: self.progressed.emit(name, float(fraction)))
        task.failed.connect(lambda error: self.failed.emit(name, error_line(error)))
        task.finished.connect(lambda: self._forget(task))
        self._task = task
        self.started.emit(name)
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
