"""File ▸ Export… in the background: the export op works on a snapshot of the document.

Every format :mod:`reader.export.dispatch` writes is offered: PDF, EPUB, HTML and the translation
memories (TMX, XLIFF, CSV). The window keeps receiving translations while the file is written, so the op gets a
snapshot (sentences without a translation are marked "[not translated]" by the exporter, never
dropped). The export itself runs in a child process (:func:`default_export`), so its work never
holds the window's GIL; an export function is called with ``progress`` and ``cancelled``.
Cancelling raises inside the progress callback or ends the child; the file is written
atomically once complete, so no half-written file is left behind.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal

from reader.errors import error_line
from reader.export.dispatch import EXTENSIONS
from reader.model import Document
from reader.ui.task_slot import TaskSlot
from reader.ui.workers import Task, TaskCancelled, TaskContext

ExportFunction = Callable[..., None]
FILTER_EXTENSIONS = (".pdf", ".pdf", ".epub", ".html", ".tmx", ".xlf", ".csv")
FILTER_LAYOUTS = ("side-by-side", "interleaved")  # the PDF's layout, by the first two file types
REPORT_EVERY_S = 0.1  # progress reaches the window at most ~10 times a second (exporters call per sentence)


def with_filter_extension(path: str, filter_index: int) -> str:
    """``path`` as typed, with the chosen file type's extension added when it has none we know."""
    if not path or Path(path).suffix.lower() in EXTENSIONS:
        return path
    return path + FILTER_EXTENSIONS[filter_index]


def default_export(*args: Any, **kwargs: Any) -> None:
    """The export in a child process (:mod:`reader.export.child_process`): its GIL, collector and
    imports are not the window's."""
    from reader.export.child_process import ExportStopped, export_in_child

    try:
        export_in_child(*args, **kwargs)
    except ExportStopped:
        raise TaskCancelled from None


class Exporter(QObject):
    """Signals: started(); progress(int, int) — done, total; succeeded(str) — the path; failed(str);
    cancelled(). One export at a time: :meth:`start` does nothing while one runs."""

    started = Signal()
    progress = Signal(int, int)
    succeeded = Signal(str)
    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, parent: QObject | None = None, *, export: ExportFunction = default_export) -> None:
        super().__init__(parent)
        self.export = export
        self._slot = TaskSlot()

    @property
    def is_running(self) -> bool:
        return self._slot.busy

    def filters(self) -> list[str]:
        """The save dialog's file types, in the order of :data:`FILTER_EXTENSIONS`."""
        return [
            self.tr("PDF, side by side (*.pdf)"),
            self.tr("PDF, interleaved: the English under each sentence (*.pdf)"),
            self.tr("EPUB e-book (*.epub)"),
            self.tr("Web page (*.html *.htm)"),
            self.tr("Translation memory, TMX (*.tmx)"),
            self.tr("Translation memory, XLIFF 2 (*.xlf *.xliff)"),
            self.tr("Spreadsheet, CSV (*.csv)"),
        ]

    def start(
        self,
        document: Document,
        output: Path,
        *,
        fmt: str,
        layout: str,
        page_size: str,
        justify_arabic: bool = False,
        diacritics: bool = True,
    ) -> None:
        """Export a snapshot of ``document``; ``diacritics=False`` prints the Arabic without vowel
        marks (``export --no-diacritics``; the reading formats only, a translation memory keeps them)."""
        if self._slot.busy:
            return
        snapshot = document.snapshot()
        export = self.export

        def export_document(context: TaskContext) -> str:
            last = -REPORT_EVERY_S

            def progress(done: int, total: int) -> None:
                # Each report is a queued call and a status-bar repaint on the GUI thread: an
                # exporter calls this per sentence, so only ~10 a second go on (and the last).
                nonlocal last
                context.raise_if_cancelled()
                now = time.monotonic()
                if now - last >= REPORT_EVERY_S or done >= total:
                    last = now
                    context.report((done, total))

            export(
                snapshot,
                output,
                fmt,
                layout=layout,
                page_size=page_size,
                justify_arabic=justify_arabic,
                diacritics=diacritics,
                progress=progress,
                cancelled=lambda: context.cancelled,
            )
            return str(output)

        task = Task(export_document, name=f"export {fmt}")
        task.progressed.connect(lambda payload: self.progress.emit(*payload))
        task.succeeded.connect(lambda path: self._end(task, self.succeeded, path))
        task.failed.connect(lambda error: self._end(task, self.failed, error_line(error)))
        task.cancelled.connect(lambda: self._end(task, self.cancelled))
        self._slot.start(task)
        self.started.emit()

    def cancel(self) -> None:
        if self._slot.task is not None:
            self._slot.task.cancel()

    def shutdown(self) -> None:
        """Cancel and wait (the window is closing); later deliveries are dropped."""
        self._slot.drop(wait=True)

    def _end(self, task: Task, signal: Any, *args: object) -> None:
        self._slot.release(task)  # before telling anyone, so listeners see the exporter idle
        signal.emit(*args)
