"""The understanding aids, wired to the window in one place: find, vowel marks on/off, read aloud
and word-to-word highlighting.

The window only creates a :class:`ReadingAids` and tells it about documents; the menus call
its methods. Each aid's behaviour lives in its own module (find_bar, speech, word_hover).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence

from reader.model import Document
from reader.ui.find_bar import FindBar
from reader.ui.read_aloud import ReadAloud, SpeechEngine, detect_speech
from reader.ui.theme import ThemeKeeper

if TYPE_CHECKING:
    from reader.ui.main_window import MainWindow


class ReadingAids(QObject):
    """Owns the find bar and applies the display options; see the module docstring."""

    def __init__(
        self, window: MainWindow, *, detect_speech: Callable[[QObject], SpeechEngine | None] = detect_speech
    ) -> None:
        super().__init__(window)
        self.window = window
        self.actions: dict[str, QAction] = {
            "read_arabic": self._action(
                self.tr("Read &Arabic Aloud"), "F7", lambda: self.read_aloud.read("ar")
            ),
            "read_english": self._action(
                self.tr("Read &English Aloud"), "Ctrl+F7", lambda: self.read_aloud.read("en")
            ),
            "stop_reading": self._action(
                self.tr("&Stop Reading"), "Shift+F7", lambda: self.read_aloud.stop()
            ),
        }
        self.read_aloud = ReadAloud(
            {"ar": self.actions["read_arabic"], "en": self.actions["read_english"]},
            self.actions["stop_reading"],
            window.current_sentence,
            self,
            detect=detect_speech,
        )
        self._speech_line = ""
        self.read_aloud.state_changed.connect(self._show_speech_state)
        for action in self.actions.values():
            action.setEnabled(False)  # until a sentence is selected and the engine is known
        window.view.current_row_changed.connect(lambda _row: self.read_aloud.refresh())
        self.find_bar = FindBar(window.view, window)
        self.find_bar.closed.connect(lambda: window.view.setFocus(Qt.FocusReason.OtherFocusReason))
        self._show_diacritics(window.settings.show_diacritics)
        self.apply_reading_settings()

    def _show_speech_state(self, line: str) -> None:
        """Reading aloud (until done, without a timeout) or why it failed, in the status bar; the
        line is taken away when speaking ends unless another message replaced it meanwhile."""
        bar = self.window.statusBar()
        if line:
            bar.showMessage(line, 0 if self.read_aloud.speaking else 15000)
        elif bar.currentMessage() == self._speech_line:
            bar.clearMessage()
        self._speech_line = line

    def apply_reading_settings(self) -> None:
        """Faces, sizes, line spacing and theme from the settings (start-up, Settings ▸ OK)."""
        settings, window = self.window.settings, self.window
        fonts = settings.reading_fonts(window.fonts)
        window.view.set_reading_fonts(fonts, settings.line_spacing / 100)
        window.strip.set_fonts(fonts)
        if ThemeKeeper.current is not None and ThemeKeeper.current.choice != settings.theme:
            ThemeKeeper.current.set_choice(settings.theme)
        action = window.actions_.get(f"theme_{settings.theme}") if hasattr(window, "actions_") else None
        if action is not None:
            action.setChecked(True)

    def _action(self, text: str, key: str, slot: Callable[[], object]) -> QAction:
        action = QAction(text, self.window)
        action.setShortcut(QKeySequence(key))
        action.triggered.connect(lambda _checked=False: slot())
        self.window.addAction(action)  # shortcuts work with the menu closed
        return action

    def set_document(self, document: Document | None) -> None:
        self.find_bar.set_document(document)
        if document is not None:
            self.read_aloud.refresh()

    def open_find(self) -> None:
        self.find_bar.open_bar()

    def find_next(self) -> None:
        if not self.find_bar.isVisible():
            self.find_bar.open_bar()
        else:
            self.find_bar.next()

    def find_previous(self) -> None:
        if not self.find_bar.isVisible():
            self.find_bar.open_bar()
        else:
            self.find_bar.previous()

    def toggle_diacritics(self) -> None:
        """View ▸ Show Diacritics: display only; the top sentence stays on top."""
        shown = not self.window.settings.show_diacritics
        self.window.settings.show_diacritics = shown
        self.window.actions_["diacritics"].setChecked(shown)
        self._show_diacritics(shown)

    def _show_diacritics(self, shown: bool) -> None:
        """The reading view and the detail strip show the vowel marks alike (display only)."""
        self.window.view.set_show_diacritics(shown)
        self.window.strip.set_show_diacritics(shown)

    def shutdown(self) -> None:
        self.find_bar.shutdown()
        if self.read_aloud._detected and self.read_aloud.engine is not None:
            self.read_aloud.stop()
