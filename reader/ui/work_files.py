"""File ▸ Save Project As…, and the split-at-a-place dialog.

Small and quick: a project of a 20 000-sentence book is written in well under a second, so it
runs on the GUI thread (atomically, see :mod:`reader.atomic`). ``ask_path`` is an attribute so
tests can answer the file dialog. Translation memories (TMX, XLIFF, CSV) are written by
File ▸ Export… like every other format (:mod:`reader.ui.export_task`).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QStatusBar, QWidget

from reader.atomic import check_writable_target
from reader.errors import ReaderError
from reader.library.project import SUFFIX, save_project
from reader.model.editing import split_candidates
from reader.ui.dialogs import Dialogs
from reader.ui.editing import EditingController
from reader.ui.open_document import OpenDocument
from reader.ui.reading_view import ReadingView
from reader.ui.split_dialog import ask_split


class WorkFiles(QObject):
    def __init__(
        self,
        current: OpenDocument,
        view: ReadingView,
        editing: EditingController,
        dialogs: Dialogs,
        status: QStatusBar,
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self._open, self._view, self._editing = current, view, editing
        self._dialogs, self._status, self._parent = dialogs, status, parent
        self.ask_path = self._ask_path
        self.ask_split = self._ask_split

    def save_project_as(self) -> bool:
        document, source = self._open.document, self._open.path
        if document is None:
            return False
        stem = source.stem if source is not None else "project"
        folder = source.parent if source is not None else Path.home()
        path = self.ask_path(
            self.tr("Save Project As"),
            str(folder / f"{stem}{SUFFIX}"),
            self.tr("Bilingual Reader projects (*.bireader)"),
        )
        if not path:
            return False
        target = Path(path) if Path(path).suffix else Path(path).with_suffix(SUFFIX)
        return self._write(target, lambda: save_project(target, document, max(self._view.top_row(), 0)))

    def _write(self, target: Path, write: Callable[[], None]) -> bool:
        try:
            check_writable_target(target, [self._open.path] if self._open.path else [])
            write()
        except (ReaderError, OSError) as error:
            reason = str(error) if isinstance(error, ReaderError) else (error.strerror or str(error))
            self._dialogs.show_error(self.tr("Could not save {name}").format(name=target.name), reason)
            return False
        self._status.showMessage(self.tr("Saved {path}").format(path=str(target)), 8000)
        return True

    def split_dialog(self) -> bool:
        """Split the selected sentence after one of its punctuation marks or between two words."""
        segment = self._editing.current()
        if segment is None:
            return False
        at = self.ask_split(segment.text, split_candidates(segment))
        return at is not None and self._editing.split_current(at)

    def _ask_path(self, title: str, suggested: str, filters: str) -> str:
        path, _ = QFileDialog.getSaveFileName(self._parent, title, suggested, filters)
        return path

    def _ask_split(self, text: str, candidates: list[int]) -> int | None:
        return ask_split(text, candidates, self._view.layouts.arabic_font, self._parent)
