"""Status-bar progress: sentences translated of the total, time left, Cancel / Resume, and the outcome.

Before the first sentence is done (the model is being downloaded, converted or loaded, or the
first batch is on its way) the bar is a busy one, moving, with what is happening beside it: an
empty bar there reads as an empty text field, not as work going on.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QSizePolicy, QWidget

BUSY_TEXT_WIDTH = 420  # pixels of the busy line; the rest is elided in the middle (tooltip: whole)


def format_seconds(seconds: float) -> str:
    """A short, rounded-up duration in the window's language: "5 s", "2 min", "1 h 05 min" (the
    units are translated, so an Arabic line does not show "s 4" in the wrong order)."""
    seconds = max(0, math.ceil(seconds))
    if seconds < 60:
        return QCoreApplication.translate("ProgressPanel", "{seconds} s").format(seconds=seconds)
    minutes = math.ceil(seconds / 60)
    if minutes < 60:
        return QCoreApplication.translate("ProgressPanel", "{minutes} min").format(minutes=minutes)
    return QCoreApplication.translate("ProgressPanel", "{hours} h {minutes} min").format(
        hours=minutes // 60, minutes=f"{minutes % 60:02d}"
    )


class ProgressPanel(QWidget):
    """While a run goes: counts, time left, a bar and Cancel. Once it ends: one line saying how it
    went ("Translated 120 sentences", "Translation cancelled · …") and Resume if work is left;
    a full bar that stays after the work is done reads as work still going on.

    Signals: cancel_requested(), resume_requested().
    """

    cancel_requested = Signal()
    resume_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel(self)
        self.bar = QProgressBar(self)
        self.bar.setMaximumWidth(220)
        self.bar.setTextVisible(False)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.resume_button = QPushButton(self.tr("Resume"), self)
        for button in (self.cancel_button, self.resume_button):
            button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(self.cancel_button)
        layout.addWidget(self.resume_button)
        self.cancel_button.clicked.connect(self.cancel_requested)
        self.resume_button.clicked.connect(self.resume_requested)
        self.running = False
        self.cancelled = False
        self.can_resume = True
        self.done = self.failed = self.total = 0
        self.seconds_left: float | None = None
        self.busy_text = ""
        self.set_running(False)
        self.set_progress(0, 0, 0, None)

    def set_running(self, running: bool) -> None:
        """A run started (the outcome of the last one is forgotten) or ended."""
        self.running = running
        if running:
            self.cancelled = False
        self._update()

    def set_busy(self, text: str) -> None:
        """Say what the run is doing before it can count ("Converting the model…"); "" once it counts."""
        self.busy_text = text
        self._update()

    def set_cancelled(self) -> None:
        """The run that just ended was cancelled by the reader: say so until the next run."""
        self.cancelled = True
        self._update()

    def set_progress(self, done: int, failed: int, total: int, seconds_left: float | None) -> None:
        self.done, self.failed, self.total, self.seconds_left = done, failed, total, seconds_left
        self._update()

    def set_can_resume(self, can_resume: bool) -> None:
        """False while no model can be had: Resume would do nothing (the banner says what to do)."""
        self.can_resume = can_resume
        self._update()

    @property
    def busy(self) -> bool:
        """Running with nothing counted yet, or told what it is doing: the bar moves, no count."""
        return self.running and (bool(self.busy_text) or self.done + self.failed == 0)

    def _update(self) -> None:
        pending = self.total - self.done - self.failed
        if self.busy:
            self.bar.setRange(0, 0)  # Qt's busy indicator
        else:
            self.bar.setRange(0, max(self.total, 1))
            self.bar.setValue(self.done + self.failed)
        self.setVisible(self.total > 0 or (self.running and bool(self.busy_text)))
        self.bar.setVisible(self.running)
        self.cancel_button.setVisible(self.running)
        self.resume_button.setVisible(self.can_resume and not self.running and pending > 0)
        text = self._text(pending)
        if self.running and self.busy_text:  # a model path can be long: keep the status bar whole
            self.label.setToolTip(text)
            text = self.label.fontMetrics().elidedText(text, Qt.TextElideMode.ElideMiddle, BUSY_TEXT_WIDTH)
        else:
            self.label.setToolTip("")
        self.label.setText(text)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        """A new UI language: the buttons and the line are said again."""
        if event.type() == QEvent.Type.LanguageChange:
            self.cancel_button.setText(self.tr("Cancel"))
            self.resume_button.setText(self.tr("Resume"))
            self._update()
        super().changeEvent(event)

    def _text(self, pending: int) -> str:
        counts = self.tr("{done} / {total} sentences translated").format(done=self.done, total=self.total)
        failed = " · " + self.tr("{failed} failed").format(failed=self.failed) if self.failed else ""
        if self.running and self.busy_text:
            return self.busy_text
        if self.running:
            left = ""
            if self.seconds_left is not None and pending > 0:
                left = " · " + self.tr("about {time} left").format(time=format_seconds(self.seconds_left))
            return counts + failed + left
        if pending <= 0:
            return self.tr("Translated {count} sentences").format(count=self.done) + failed
        if self.cancelled:
            return self.tr("Translation cancelled") + " · " + counts + failed
        return counts + failed
