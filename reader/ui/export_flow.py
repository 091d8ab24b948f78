"""File ▸ Export… from the window: ask, check the target, start the background :class:`Exporter`,
and say in the status bar how it went.

:mod:`reader.ui.export_task` runs the export off the GUI thread; this module is the dialogue
around it (the untranslated-sentences question, the save dialog, refusals before any work), so
the window itself holds no export logic.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QStatusBar, QWidget

from reader.atomic import check_writable_target
from reader.errors import ReaderError
from reader.export.dispatch import format_for
from reader.ui.dialogs import Dialogs
from reader.ui.export_task import FILTER_LAYOUTS, Exporter, with_filter_extension
from reader.ui.open_document import OpenDocument
from reader.ui.settings import AppSettings


class ExportFlow(QObject):
    """Exports the open document; the ``dialogs`` are looked up at use so tests can replace them.
    The save dialog it offers becomes ``dialogs.ask_save_path``."""

    def __init__(
        self,
        exporter: Exporter,
        current: OpenDocument,
        settings: AppSettings,
        dialogs: Dialogs,
        status: QStatusBar,
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self._exporter, self._open, self._settings = exporter, current, settings
        self._dialogs, self._status, self._parent = dialogs, status, parent
        dialogs.ask_save_path = self.ask_save_path
        self._label = "PDF"
        self.chosen_layout: str | None = None  # the PDF layout picked in the save dialog, if any
        exporter.progress.connect(self._on_progress)
        exporter.succeeded.connect(self._on_exported)
        exporter.failed.connect(self._on_failed)
        exporter.cancelled.connect(self._on_cancelled)

    def export_document(self) -> None:
        """File ▸ Export…: PDF, EPUB, HTML, TMX, XLIFF or CSV, by the extension chosen in the save dialog."""
        document, dialogs = self._open.document, self._dialogs
        if document is None or self._exporter.is_running:
            return
        missing = document.pending_count + document.failed_count
        if missing:
            # As the CLI, which refuses (exit 3) unless --allow-untranslated: say so, never silently.
            question = self.tr(
                "{count} of {total} sentences have no translation yet; the export will mark them "
                "[not translated]. Export anyway?"
            ).format(count=missing, total=len(document))
            if not dialogs.ask_confirm(self.tr("Export"), question):
                return
        self.chosen_layout = None
        path = dialogs.ask_save_path(self._suggested_name())
        if not path:
            return
        try:  # the document's own file, a device, a folder, an unknown extension: refused before any work
            check_writable_target(Path(path), [self._open.path] if self._open.path else [])
            fmt = format_for(Path(path))
        except ReaderError as error:
            dialogs.show_error(self.tr("Could not export"), str(error))
            return
        self._label = fmt.upper()
        settings = self._settings
        if self.chosen_layout is not None:  # chosen in the save dialog: the default from now on
            settings.export_layout = self.chosen_layout
        self._exporter.start(
            document,
            Path(path),
            fmt=fmt,
            layout=settings.export_layout,
            page_size=settings.export_page_size,
            justify_arabic=settings.export_justify_arabic,
            diacritics=settings.export_diacritics,
        )
        self._status.showMessage(self.tr("Exporting {format}…").format(format=self._label))

    def ask_save_path(self, suggested: str) -> str:
        """The save dialog (the window's default ``ask_save_path``); the chosen filter's extension
        is added when the name has none. The PDF comes as two file types, side by side and
        interleaved: the layout is chosen here (it was only in Settings)."""
        filters = self._exporter.filters()
        current = FILTER_LAYOUTS.index(self._settings.export_layout)
        path, chosen = QFileDialog.getSaveFileName(
            self._parent, self.tr("Export"), suggested, ";;".join(filters), filters[current]
        )
        index = filters.index(chosen) if chosen in filters else current
        if path and index < len(FILTER_LAYOUTS):
            self.chosen_layout = FILTER_LAYOUTS[index]
        return with_filter_extension(path, index)

    def _suggested_name(self) -> str:
        if self._open.path is not None:
            return str(self._open.path.with_suffix(".pdf"))
        return str(Path.home() / "translation.pdf")

    def _on_progress(self, done: int, total: int) -> None:
        self._status.showMessage(
            self.tr("Exporting {format}… {done} / {total}").format(format=self._label, done=done, total=total)
        )

    def _on_exported(self, path: str) -> None:
        self._status.showMessage(self.tr("Saved {path}").format(path=path), 8000)

    def _on_cancelled(self) -> None:
        self._status.showMessage(self.tr("Export cancelled."), 5000)

    def _on_failed(self, message: str) -> None:
        self._status.clearMessage()
        self._dialogs.show_error(self.tr("Could not export"), message)
