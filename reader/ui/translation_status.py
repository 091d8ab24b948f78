"""What the window shows about translation: the status-bar progress, the placeholders, the model
banner and the download dialog, all driven by :class:`TranslationController`'s signals.

The controller knows nothing of widgets; this is the one place that turns its states and
signals into what the reader sees, so the status bar's behaviour can be read (and tested) whole.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QLabel, QProgressDialog, QStatusBar, QWidget

from reader.ui.banner import ModelBanner
from reader.ui.dialogs import Dialogs
from reader.ui.progress_panel import ProgressPanel
from reader.ui.reading_view import ReadingView
from reader.ui.translation_controller import TranslationController, TranslationState


class TranslationStatus(QObject):
    """Wires a window's controller to its progress panel, banner, view placeholder and dialogs.

    How a run ended (finished, cancelled) is said by the progress panel's one line, not by a
    status-bar message that would repeat it and then vanish."""

    def __init__(
        self,
        controller: TranslationController,
        panel: ProgressPanel,
        banner: ModelBanner,
        view: ReadingView,
        status: QStatusBar,
        dialogs: Dialogs,
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self._controller, self._panel, self._banner, self._view = controller, panel, banner, view
        self._status, self._parent = status, parent
        self.download_dialog: QProgressDialog | None = None
        self._model = ""  # the model the label names
        self.model_label = QLabel(parent)  # which model translates: shown while one is loaded
        self.model_label.setToolTip(self.tr("The translation model in use"))
        self.model_label.hide()
        status.addPermanentWidget(self.model_label)
        c = controller
        c.loading.connect(self._on_loading)
        c.model_ready.connect(self._on_model_ready)
        c.model_unavailable.connect(self._on_model_unavailable)
        c.failed.connect(lambda message: dialogs.show_error(self.tr("Translation stopped"), message))
        c.progress.connect(panel.set_progress)
        c.state_changed.connect(self._on_state_changed)
        c.cancelled.connect(self._on_cancelled)
        panel.cancel_requested.connect(c.cancel)
        panel.resume_requested.connect(self.translate_now)

    def translate_now(self) -> None:
        self._banner.hide()
        self._controller.start()

    def retranslate(self) -> None:
        """Say the model label and the placeholder again in the current UI language."""
        self.model_label.setToolTip(self.tr("The translation model in use"))
        if self._model:
            self.model_label.setText(self.tr("Model: {model}").format(model=self._model))
        self._on_state_changed(self._controller.state)

    def _on_state_changed(self, state: TranslationState) -> None:
        busy = state in (TranslationState.LOADING, TranslationState.TRANSLATING)
        self._panel.set_running(busy)
        if state is not TranslationState.LOADING:  # counting from now on (or not running)
            self._panel.set_busy("")
        self._panel.set_can_resume(state is not TranslationState.UNAVAILABLE)
        placeholders = {
            TranslationState.LOADING: self.tr("waiting for the translation model…"),
            TranslationState.TRANSLATING: self.tr("translating…"),
            TranslationState.UNAVAILABLE: self.tr("no translation model"),
        }
        self._view.set_placeholder(placeholders.get(state, self.tr("not translated yet")))

    def _on_cancelled(self) -> None:
        self.close_download_dialog()
        self._panel.set_running(False)
        self._panel.set_cancelled()  # the panel's one line says so until the next run

    def _on_loading(self, message: str, fraction: object) -> None:
        self._banner.hide()
        self._panel.set_running(True)
        if self._controller.state is TranslationState.LOADING:  # not a late report after the load
            self._panel.set_busy(message)  # a moving bar and what is happening (converting, loading)
        self._status.showMessage(message)
        if fraction is None:
            return
        if self.download_dialog is None and float(fraction) >= 1.0:  # type: ignore[arg-type]
            return  # a load that is already done ("loaded …"): no dialog flashing open and shut
        if self.download_dialog is None:  # only downloads report a fraction: show the dialog for those
            dialog = QProgressDialog(message, self.tr("Cancel"), 0, 1000, self._parent)
            dialog.setWindowTitle(self.tr("Downloading the model"))
            dialog.setMinimumDuration(0)
            dialog.setAutoClose(False)
            dialog.canceled.connect(self._controller.cancel)
            self.download_dialog = dialog
        self.download_dialog.setLabelText(message)
        self.download_dialog.setValue(round(float(fraction) * 1000))  # type: ignore[arg-type]

    def close_download_dialog(self) -> None:
        if self.download_dialog is not None:
            self.download_dialog.canceled.disconnect(self._controller.cancel)
            self.download_dialog.close()
            self.download_dialog.deleteLater()
            self.download_dialog = None

    def _on_model_ready(self, description: str) -> None:
        self.close_download_dialog()
        self._banner.hide()
        self._model = description
        self.model_label.setText(self.tr("Model: {model}").format(model=description))
        self.model_label.show()
        self._status.clearMessage()  # the loading line ("loaded …") is said by the label now

    def _on_model_unavailable(self, reason: str) -> None:
        self.close_download_dialog()
        self.model_label.hide()
        self._panel.set_running(False)
        self._status.clearMessage()
        self._banner.show_unavailable(self._controller.settings.model, reason)
