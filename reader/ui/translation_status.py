"""What the window shows about translation: the status-bar progress, the placeholders, the model
banner and the download dialog, all driven by :class:`TranslationController`'s signals.

The controller knows nothing of widgets; this is the one place that turns its states and
signals into what the reader sees, so the status bar's behaviour can be read (and tested) whole.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QLabel, QProgressDialog

from reader.ui.translation_controller import TranslationState

if TYPE_CHECKING:
    from reader.ui.main_window import MainWindow


class TranslationStatus(QObject):
    """Wires a window's controller to its progress panel, banner, view placeholder and dialogs.

    How a run ended (finished, cancelled) is said by the progress panel's one line, not by a
    status-bar message that would repeat it and then vanish."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.download_dialog: QProgressDialog | None = None
        self.model_label = QLabel(window)  # which model translates: shown while one is loaded
        self.model_label.setToolTip(self.tr("The translation model in use"))
        self.model_label.hide()
        window.statusBar().addPermanentWidget(self.model_label)
        c, panel = window.controller, window.progress_panel
        c.loading.connect(self._on_loading)
        c.model_ready.connect(self._on_model_ready)
        c.model_unavailable.connect(self._on_model_unavailable)
        c.failed.connect(lambda message: window.show_error(self.tr("Translation stopped"), message))
        c.progress.connect(panel.set_progress)
        c.state_changed.connect(self._on_state_changed)
        c.cancelled.connect(self._on_cancelled)
        panel.cancel_requested.connect(c.cancel)
        panel.resume_requested.connect(self.translate_now)

    def translate_now(self) -> None:
        self.window.banner.hide()
        self.window.controller.start()

    def _on_state_changed(self, state: TranslationState) -> None:
        w = self.window
        busy = state in (TranslationState.LOADING, TranslationState.TRANSLATING)
        w.progress_panel.set_running(busy)
        w.progress_panel.set_can_resume(state is not TranslationState.UNAVAILABLE)
        placeholders = {
            TranslationState.LOADING: self.tr("waiting for the translation model…"),
            TranslationState.TRANSLATING: self.tr("translating…"),
            TranslationState.UNAVAILABLE: self.tr("no translation model"),
        }
        w.view.set_placeholder(placeholders.get(state, self.tr("not translated yet")))

    def _on_cancelled(self) -> None:
        self.close_download_dialog()
        self.window.progress_panel.set_running(False)
        self.window.progress_panel.set_cancelled()  # the panel's one line says so until the next run

    def _on_loading(self, message: str, fraction: object) -> None:
        w = self.window
        w.banner.hide()
        w.progress_panel.set_running(True)
        w.statusBar().showMessage(message)
        if fraction is None:
            return
        if self.download_dialog is None:  # only downloads report a fraction: show the dialog for those
            dialog = QProgressDialog(message, self.tr("Cancel"), 0, 1000, w)
            dialog.setWindowTitle(self.tr("Downloading the model"))
            dialog.setMinimumDuration(0)
            dialog.setAutoClose(False)
            dialog.canceled.connect(w.controller.cancel)
            self.download_dialog = dialog
        self.download_dialog.setLabelText(message)
        self.download_dialog.setValue(round(float(fraction) * 1000))  # type: ignore[arg-type]

    def close_download_dialog(self) -> None:
        if self.download_dialog is not None:
            self.download_dialog.canceled.disconnect(self.window.controller.cancel)
            self.download_dialog.close()
            self.download_dialog.deleteLater()
            self.download_dialog = None

    def _on_model_ready(self, description: str) -> None:
        self.close_download_dialog()
        self.window.banner.hide()
        self.model_label.setText(self.tr("Model: {model}").format(model=description))
        self.model_label.show()
        self.window.statusBar().clearMessage()  # the loading line ("loaded …") is said by the label now

    def _on_model_unavailable(self, reason: str) -> None:
        w = self.window
        self.close_download_dialog()
        self.model_label.hide()
        w.progress_panel.set_running(False)
        w.statusBar().clearMessage()
        w.banner.show_unavailable(w.controller.settings.model, reason)
