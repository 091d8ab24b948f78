"""The questions the window asks the reader, in one replaceable place.

Message boxes and file dialogs would block a test, so every part that asks goes through a
:class:`Dialogs` it was given, looked up at the moment it asks: a test replaces an attribute
(``window.ask_save_path = …`` reaches here through the window) and every part sees the change.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from reader.ui.open_filters import open_filters
from reader.ui.settings_dialog import choose_directory


class Dialogs:
    """``show_error(title, message)``, ``ask_open_path()``, ``ask_save_path(suggested)``,
    ``ask_directory(parent, title)`` and ``ask_confirm(title, question)``; all replaceable."""

    def __init__(self, parent: QWidget) -> None:
        self._parent = parent
        self.show_error: Callable[[str, str], None] = self._message_box
        self.ask_open_path: Callable[[], str] = self._ask_open_path
        self.ask_save_path: Callable[[str], str] = lambda _suggested: ""  # the export flow sets it
        self.ask_directory: Callable[[QWidget, str], str] = choose_directory
        self.ask_confirm: Callable[[str, str], bool] = self._confirm

    def _message_box(self, title: str, message: str) -> None:
        """Non-blocking, window-modal: the event loop (and the translation) keep running."""
        box = QMessageBox(
            QMessageBox.Icon.Warning, title, message, QMessageBox.StandardButton.Ok, self._parent
        )
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    def _confirm(self, title: str, question: str) -> bool:
        answer = QMessageBox.question(self._parent, title, question)
        return answer == QMessageBox.StandardButton.Yes

    def _ask_open_path(self) -> str:
        path, _ = QFileDialog.getOpenFileName(
            self._parent, QCoreApplication.translate("MainWindow", "Open an Arabic text"), "", open_filters()
        )
        return path
