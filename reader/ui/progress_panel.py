"""Status-bar progress: sentences translated of the total, time left, and Cancel / Resume."""

from __future__ import annotations

import math

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QSizePolicy, QWidget


def format_seconds(seconds: float) -> str:
    """A short, rounded-up duration: "5 s", "2 min", "1 h 05 min"."""
    seconds = max(0, math.ceil(seconds))
    if seconds < 60:
        return f"{seconds} s"
    minutes = math.ceil(seconds / 60)
    if minutes < 60:
        return f"{minutes} min"
    return f"{minutes // 60} h {minutes % 60:02d} min"


class ProgressPanel(QWidget):
    """Signals: cancel_requested(), resume_requested()."""

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
        self.can_resume = True
        self.done = self.failed = self.total = 0
        self.set_running(False)
        self.set_progress(0, 0, 0, None)

    def set_running(self, running: bool) -> None:
        self.running = running
        self.cancel_button.setVisible(running)
        self._update_resume()

    def set_progress(self, done: int, failed: int, total: int, seconds_left: float | None) -> None:
        self.done, self.failed, self.total = done, failed, total
        self.setVisible(total > 0)
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(done + failed)
        text = self.tr("{done} / {total} sentences translated").format(done=done, total=total)
        if failed:
            text += " · " + self.tr("{failed} failed").format(failed=failed)
        if self.running and seconds_left is not None and done + failed < total:
            text += " · " + self.tr("about {time} left").format(time=format_seconds(seconds_left))
        self.label.setText(text)
        self._update_resume()

    def set_can_resume(self, can_resume: bool) -> None:
        """False while no model can be had: Resume would do nothing (the banner says what to do)."""
        self.can_resume = can_resume
        self._update_resume()

    def _update_resume(self) -> None:
        pending = self.total - self.done - self.failed
        self.resume_button.setVisible(self.can_resume and not self.running and pending > 0)
