"""The non-modal strip that says the model is missing, while the Arabic stays readable below it.

The reason comes from the core, whose messages are written for the command line ("use --model
PATH"); the banner says the same in the window's terms, naming its own button.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QToolButton, QVBoxLayout, QWidget


class ModelBanner(QWidget):
    """Names the unavailable model and offers a way out.

    Signals: choose_folder_requested(), settings_requested(), models_requested().
    """

    choose_folder_requested = Signal()
    models_requested = Signal()
    settings_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("modelBanner")
        self.icon = QLabel(self)
        self.icon.setPixmap(QIcon("icons:warning.svg").pixmap(20, 20))
        self.message = QLabel(self)
        self.message.setObjectName("bannerMessage")
        self.message.setWordWrap(True)
        self.detail = QLabel(self)
        self.detail.setObjectName("bannerDetail")
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        texts = QVBoxLayout()
        texts.setSpacing(2)
        texts.addWidget(self.message)
        texts.addWidget(self.detail)
        self.choose_button = QPushButton(self)
        self.settings_button = QPushButton(self)
        self.models_button = QPushButton(self)
        self.close_button = QToolButton(self)
        self.close_button.setText("✕")
        self._unavailable: tuple[str, str] | None = None  # what it says, kept to say again
        self.retranslate()
        self.close_button.setAutoRaise(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 8, 8, 8)
        layout.addWidget(self.icon)
        layout.addLayout(texts, 1)
        layout.addWidget(self.models_button)
        layout.addWidget(self.choose_button)
        layout.addWidget(self.settings_button)
        layout.addWidget(self.close_button)
        self.choose_button.clicked.connect(self.choose_folder_requested)
        self.settings_button.clicked.connect(self.settings_requested)
        self.models_button.clicked.connect(self.models_requested)
        self.close_button.clicked.connect(self.hide)
        self.hide()

    def retranslate(self) -> None:
        """Say the buttons (and the message shown, if any) in the current UI language."""
        self.choose_button.setText(self.tr("Choose model folder…"))
        self.settings_button.setText(self.tr("Settings…"))
        self.models_button.setText(self.tr("Models…"))
        self.close_button.setToolTip(self.tr("Hide this message"))
        if self._unavailable is not None:
            self._say(*self._unavailable)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def show_unavailable(self, model: str, reason: str) -> None:
        self._say(model, reason)
        self.show()

    def _say(self, model: str, reason: str) -> None:
        self._unavailable = (model, reason)
        text = self.tr(
            "The translation model {model} is not available, so the English cannot be shown."
        ).format(model=model)
        self.message.setText(text)
        self.detail.setText(self.window_wording(reason))
        self.detail.setVisible(bool(reason))

    def window_wording(self, reason: str) -> str:
        """*reason* with command-line advice replaced by what to do in the window."""
        advice = self.tr(
            "download it with “Models…”, choose a local MarianMT folder with “Choose model folder…”, "
            "or set the model in Settings"
        )
        for flag_advice in ("use --model PATH to a local MarianMT folder", "--model PATH"):
            reason = reason.replace(flag_advice, advice)
        return reason.replace("--model", self.tr("the model setting"))
