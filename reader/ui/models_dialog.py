"""Translation ▸ Models…: the models ``bireader models list`` shows, and getting, dropping or using one.

Download and Import run as a :class:`Task` (verified download, then the CTranslate2 conversion)
with progress and Cancel; a cancelled download keeps what it fetched and resumes next time.
Remove asks first (an imported folder is only forgotten). "Use this model" hands the id or
folder to the window, which translates with it from then on.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import cast

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reader.errors import error_line
from reader.models.inventory import ModelEntry, list_models
from reader.translate.model_download import size_text
from reader.translate.model_location import ModelLocation
from reader.ui.workers import Task, TaskContext

AskDirectory = Callable[[QWidget, str], "str | None"]
Confirm = Callable[[QWidget, str], bool]


def ask_yes_no(parent: QWidget, question: str) -> bool:
    title = QCoreApplication.translate("ModelsDialog", "Remove model")
    answer = QMessageBox.question(parent, title, question)
    return answer == QMessageBox.StandardButton.Yes


class ModelsDialog(QDialog):
    """The model list with Download, Remove, Import folder and Use this model.

    Signals: model_chosen(str) — "Use this model"; work_finished(str) — a download or import
    ended ("succeeded", "failed" or "cancelled").
    """

    model_chosen = Signal(str)
    work_finished = Signal(str)

    def __init__(
        self,
        parent: QWidget | None,
        *,
        current_model: str,
        ask_directory: AskDirectory,
        confirm: Confirm = ask_yes_no,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Translation Models"))
        self.current_model = current_model
        self.ask_directory = ask_directory
        self.confirm = confirm
        self.task: Task | None = None
        self.entries: list[ModelEntry] = []
        self.table = QTreeWidget(self)
        self.table.setRootIsDecorated(False)
        self.table.setHeaderLabels(
            [self.tr("Model"), self.tr("State"), self.tr("Size"), self.tr("Licence"), self.tr("Quality")]
        )
        self.table.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.detail = QLabel(self)
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.progress = QProgressBar(self)
        self.progress.hide()
        self.download_button = QPushButton(self.tr("&Download"), self)
        self.remove_button = QPushButton(self.tr("&Remove"), self)
        self.import_button = QPushButton(self.tr("&Import Folder…"), self)
        self.use_button = QPushButton(self.tr("&Use This Model"), self)
        self.cancel_button = QPushButton(self.tr("&Cancel Download"), self)
        self.cancel_button.hide()
        self.close_button = QPushButton(self.tr("Close"), self)
        buttons = QHBoxLayout()
        for button in (self.download_button, self.remove_button, self.import_button, self.use_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.detail)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        self.table.currentItemChanged.connect(lambda *_: self._update_buttons())
        self.download_button.clicked.connect(self.download_selected)
        self.remove_button.clicked.connect(self.remove_selected)
        self.import_button.clicked.connect(self.import_folder)
        self.use_button.clicked.connect(self.use_selected)
        self.cancel_button.clicked.connect(self.cancel_work)
        self.close_button.clicked.connect(self.reject)
        self.resize(900, 380)
        self.refresh()

    # -- the list --------------------------------------------------------------------------------

    def refresh(self, select: str | None = None) -> None:
        """Read the list again from disk (a few small reads per model, no network)."""
        chosen = select or (self.selected.model if self.selected else self.current_model)
        self.entries = list_models()
        self.table.clear()
        for entry in self.entries:
            known = entry.known
            size = entry.disk_bytes() if entry.installed else (known.approx_bytes if known else 0)
            row = QTreeWidgetItem(
                [
                    entry.model + ("  ✓" if entry.model == self.current_model else ""),
                    self._state(entry),
                    size_text(size) if size else "",
                    known.licence if known else "",
                    known.quality if known else "",
                ]
            )
            self.table.addTopLevelItem(row)
            if entry.model == chosen:
                self.table.setCurrentItem(row)
        if self.table.currentItem() is None and self.entries:
            self.table.setCurrentItem(self.table.topLevelItem(0))  # type: ignore[arg-type]
        self._update_buttons()

    def _state(self, entry: ModelEntry) -> str:
        if entry.problem:
            return self.tr("unusable")
        if not entry.installed:
            return self.tr("not installed")
        return self.tr("installed, ready") if entry.converted else self.tr("installed")

    @property
    def selected(self) -> ModelEntry | None:
        item = self.table.currentItem()
        if item is None:
            return None
        index = self.table.indexOfTopLevelItem(item)
        return self.entries[index] if 0 <= index < len(self.entries) else None

    def select(self, model: str) -> None:
        for index, entry in enumerate(self.entries):
            if entry.model == model:
                self.table.setCurrentItem(self.table.topLevelItem(index))  # type: ignore[arg-type]

    def _update_buttons(self) -> None:
        entry, busy = self.selected, self.task is not None
        known = entry.known if entry else None
        lines = (
            [
                known.summary,
                self.tr("Quality: {q} (source: {s})").format(q=known.quality, s=known.quality_source),
            ]
            if known
            else []
        )
        if entry is not None and entry.location is not None:
            lines.append(self.tr("Folder: {folder}").format(folder=entry.location.folder))
        if entry is not None and entry.problem:
            lines.append(entry.problem)
        self.detail.setText("\n".join(lines))
        self.download_button.setEnabled(
            not busy and entry is not None and not entry.installed and entry.origin != "imported"
        )
        self.remove_button.setEnabled(
            not busy and entry is not None and (entry.installed or entry.origin == "imported")
        )
        self.use_button.setEnabled(not busy and entry is not None and entry.installed)
        self.import_button.setEnabled(not busy)

    # -- actions ---------------------------------------------------------------------------------

    def download_selected(self) -> None:
        entry = self.selected
        if entry is None or self.task is not None:
            return
        from reader.models.manage import install

        model = entry.model
        self._start(lambda progress: install(model, progress), model, self.tr("Downloading {m}…"))

    def import_folder(self) -> None:
        if self.task is not None:
            return
        folder = self.ask_directory(self, self.tr("Import a MarianMT model folder"))
        if not folder:
            return
        from reader.models.manage import import_folder

        self._start(lambda progress: import_folder(folder, progress), folder, self.tr("Importing {m}…"))

    def remove_selected(self) -> None:
        entry = self.selected
        if entry is None or self.task is not None:
            return
        from reader.models.manage import plan_removal, remove

        try:
            removal = plan_removal(entry.model)
        except Exception as error:  # noqa: BLE001 - shown as one line
            self.status.setText(error_line(error))
            return
        question = (
            self.tr("Forget the folder {m}? The folder itself is kept.")
            if removal.forget is not None
            else self.tr("Delete {m}, its converted copies and its cached translations?")
        ).format(m=entry.model)
        if not self.confirm(self, question):
            return
        remove(removal)
        self.status.setText(self.tr("Removed {m}.").format(m=entry.model))
        self.refresh()

    def use_selected(self) -> None:
        entry = self.selected
        if entry is not None and entry.installed:
            self.model_chosen.emit(entry.model)
            self.accept()

    def cancel_work(self) -> None:
        if self.task is not None:
            self.task.cancel()
            self.status.setText(self.tr("Cancelling…"))

    # -- background work -------------------------------------------------------------------------

    def _start(self, work: Callable[..., object], model: str, message: str) -> None:
        def op(context: TaskContext) -> object:
            def progress(text: str, fraction: float | None) -> None:
                context.raise_if_cancelled()
                context.report((text, fraction))

            return work(progress)

        self.task = Task(op, None, name="models")  # not our child: it may outlive a closed dialog
        self.task.progressed.connect(self._on_progress)
        self.task.succeeded.connect(lambda result: self._on_done("succeeded", model, result))
        self.task.failed.connect(lambda error: self._on_done("failed", model, error))
        self.task.cancelled.connect(lambda: self._on_done("cancelled", model, None))
        self.status.setText(message.format(m=model))
        self.progress.setRange(0, 0)
        self.progress.show()
        self.cancel_button.show()
        self._update_buttons()
        self.task.start()

    def _on_progress(self, payload: object) -> None:
        text, fraction = cast("tuple[str, float | None]", payload)
        self.status.setText(text)
        if fraction is None:
            self.progress.setRange(0, 0)
        else:
            self.progress.setRange(0, 1000)
            self.progress.setValue(int(fraction * 1000))

    def _on_done(self, outcome: str, model: str, result: object) -> None:
        self.task = None
        self.progress.hide()
        self.cancel_button.hide()
        if outcome == "succeeded":
            location, warning = cast("tuple[ModelLocation, str | None]", result)
            done = self.tr("{m} is installed and ready.").format(m=model)
            self.status.setText(done + (f" {warning}" if warning else ""))
            self.refresh(select=location.model)
        elif outcome == "failed":
            self.status.setText(error_line(result))  # type: ignore[arg-type]
            self.refresh()
        else:
            self.status.setText(self.tr("Download cancelled: it resumes where it stopped next time."))
            self.refresh()
        self.work_finished.emit(outcome)

    def reject(self) -> None:
        """Closing the dialog stops a download (what it fetched is kept) and hears nothing more of it."""
        if self.task is not None:
            self.task.cancel()
            self.task.detach()
            self.task = None
        super().reject()
