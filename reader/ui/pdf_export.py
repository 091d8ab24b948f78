"""File ▸ Export PDF… in the background: the export op works on a snapshot of the document.

The window keeps receiving translations while the PDF is written, so the op gets a snapshot
(sentences without a translation are marked "[not translated]" by the exporter, never dropped).
Cancelling raises inside the exporter's progress callback; the exporter writes atomically, so
no half-written PDF is left behind.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal

from reader.errors import error_line
from reader.model import Document
from reader.ui.workers import Task, TaskContext

ExportFunction = Callable[..., None]


def default_export_pdf(*args: Any, **kwargs: Any) -> None:
    from reader.export.pdf import export_pdf  # fpdf2 and HarfBuzz load only when exporting

    export_pdf(*args, **kwargs)


class PdfExporter(QObject):
    """Signals: progress(int, int) — done, total; succeeded(str) — the path; failed(str); cancelled()."""

    progress = Signal(int, int)
    succeeded = Signal(str)
    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, parent: QObject | None = None, *, export: ExportFunction = default_export_pdf) -> None:
        super().__init__(parent)
        self.export = export
        self.task: Task | None = None

    @property
    def is_running(self) -> bool:
        return self.task is not None

    def start(self, document: Document, output: Path, *, layout: str, page_size: str) -> None:
        if self.task is not None:
            return
        snapshot = document.snapshot()
        export = self.export

        def export_document(context: TaskContext) -> str:
            def progress(done: int, total: int) -> None:
                context.raise_if_cancelled()
                context.report((done, total))

            export(snapshot, output, layout=layout, page_size=page_size, progress=progress)
            return str(output)

        task = Task(export_document, name="export pdf")
        task.progressed.connect(lambda payload: self.progress.emit(*payload))
        task.succeeded.connect(lambda path: self._end(self.succeeded, path))
        task.failed.connect(lambda error: self._end(self.failed, error_line(error)))
        task.cancelled.connect(lambda: self._end(self.cancelled))
        self.task = task
        task.start()

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()

    def shutdown(self) -> None:
        """Cancel and wait (the window is closing); later deliveries are dropped."""
        if self.task is not None:
            self.task.detach()
            self.task.cancel_and_wait()
            self.task = None

    def _end(self, signal: Any, *args: object) -> None:
        self.task = None  # before telling anyone, so listeners see the exporter idle
        signal.emit(*args)
