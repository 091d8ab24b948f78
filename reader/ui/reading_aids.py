"""The understanding aids, wired to the window in one place: find, vowel marks on/off, read aloud
and word-to-word highlighting.

The window only creates a :class:`ReadingAids` and tells it about documents; the menus call
its methods. Each aid's behaviour lives in its own module (find_bar, speech, word_hover).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QStatusBar, QWidget

from reader.model import Document, Segment
from reader.ui.detail_strip import DetailStrip
from reader.ui.find_bar import FindBar
from reader.ui.fonts import ReadingFonts
from reader.ui.read_aloud import ReadAloud, SpeechEngine, detect_speech
from reader.ui.reading_view import ReadingView
from reader.ui.settings import AppSettings
from reader.ui.theme import ThemeKeeper


class ReadingAids(QObject):
    """Owns the find bar and applies the display options; see the module docstring.

    Signals: checked(str, bool) — the menu entry of that name should show that check mark (the
    diacritics switch, the theme from Settings)."""

    checked = Signal(str, bool)

    def __init__(
        self,
        view: ReadingView,
        strip: DetailStrip,
        settings: AppSettings,
        fonts: ReadingFonts,
        status: QStatusBar,
        current_sentence: Callable[[], Segment | None],
        window: QWidget,
        *,
        detect_speech: Callable[[QObject], SpeechEngine | None] = detect_speech,
    ) -> None:
        super().__init__(window)
        self._view, self._strip, self._settings, self._fonts, self._status = (
            view,
            strip,
            settings,
            fonts,
            status,
        )
        self._shortcut_owner = window  # the read-aloud keys work with the menus closed
        self.actions: dict[str, QAction] = {
            "read_arabic": self._action("F7", lambda: self.read_aloud.read("ar")),
            "read_english": self._action("Ctrl+F7", lambda: self.read_aloud.read("en")),
            "stop_reading": self._action("Shift+F7", lambda: self.read_aloud.stop()),
        }
        self._name_actions()
        self.read_aloud = ReadAloud(
            {"ar": self.actions["read_arabic"], "en": self.actions["read_english"]},
            self.actions["stop_reading"],
            current_sentence,
            self,
            detect=detect_speech,
        )
        self._speech_line = ""
        self.read_aloud.state_changed.connect(self._show_speech_state)
        for action in self.actions.values():
            action.setEnabled(False)  # until a sentence is selected and the engine is known
        view.current_row_changed.connect(lambda _row: self.read_aloud.refresh())
        self.find_bar = FindBar(view, window)
        self.find_bar.closed.connect(lambda: view.setFocus(Qt.FocusReason.OtherFocusReason))
        self._show_diacritics(settings.show_diacritics)
        self.apply_reading_settings()

    def _show_speech_state(self, line: str) -> None:
        """Reading aloud (until done, without a timeout) or why it failed, in the status bar; the
        line is taken away when speaking ends unless another message replaced it meanwhile."""
        bar = self._status
        if line:
            bar.showMessage(line, 0 if self.read_aloud.speaking else 15000)
        elif bar.currentMessage() == self._speech_line:
            bar.clearMessage()
        self._speech_line = line

    def apply_reading_settings(self) -> None:
        """Faces, sizes, line spacing and theme from the settings (start-up, Settings ▸ OK)."""
        settings = self._settings
        fonts = settings.reading_fonts(self._fonts)
        self._view.set_reading_fonts(fonts, settings.line_spacing / 100)
        self._strip.set_fonts(fonts)
        if ThemeKeeper.current is not None and ThemeKeeper.current.choice != settings.theme:
            ThemeKeeper.current.set_choice(settings.theme)
        self.checked.emit(f"theme_{settings.theme}", True)

    def retranslate(self) -> None:
        """The read-aloud entries (and their tooltips) in the current UI language."""
        self._name_actions()
        self.read_aloud.refresh()

    def _name_actions(self) -> None:
        self.actions["read_arabic"].setText(self.tr("Read &Arabic Aloud"))
        self.actions["read_english"].setText(self.tr("Read &English Aloud"))
        self.actions["stop_reading"].setText(self.tr("&Stop Reading"))

    def _action(self, key: str, slot: Callable[[], object]) -> QAction:
        action = QAction(self._shortcut_owner)
        action.setShortcut(QKeySequence(key))
        action.triggered.connect(lambda _checked=False: slot())
        self._shortcut_owner.addAction(action)  # shortcuts work with the menu closed
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
        shown = not self._settings.show_diacritics
        self._settings.show_diacritics = shown
        self.checked.emit("diacritics", shown)
        self._show_diacritics(shown)

    def _show_diacritics(self, shown: bool) -> None:
        """The reading view and the detail strip show the vowel marks alike (display only)."""
        self._view.set_show_diacritics(shown)
        self._strip.set_show_diacritics(shown)

    def shutdown(self) -> None:
        self.find_bar.shutdown()
        if self.read_aloud._detected and self.read_aloud.engine is not None:
            self.read_aloud.stop()
