"""The strip under the reading view: the selected pair in full, selectable, with copy and retry buttons."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from reader.arabic.folding import strip_diacritics
from reader.model import Segment, Status
from reader.ui.fonts import ReadingFonts
from reader.ui.pair_layout import is_as_is


class DetailStrip(QWidget):
    """Shows one pair; empty when nothing is selected.

    Signals: retry_requested(int) — the segment id whose translation should be tried again;
    copy_arabic_requested(), copy_english_requested(), copy_pair_requested() — the copy buttons
    (the window copies its current sentence, the one shown here, as its Edit menu does);
    alternative_picked(str) — the reader chose one of the engine's other translations;
    alternatives_requested(int) — the reader wants them for this segment id and none are known.
    """

    retry_requested = Signal(int)
    alternative_picked = Signal(str)
    alternatives_requested = Signal(int)
    copy_arabic_requested = Signal()
    copy_english_requested = Signal()
    copy_pair_requested = Signal()

    def __init__(self, fonts: ReadingFonts, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("detailStrip")
        self.fonts = fonts
        self.sentence: Segment | None = None
        self.zoom = 100
        self.show_diacritics = True  # View ▸ Show Diacritics, as in the panes: display only
        self._refont = QTimer(self)  # see changeEvent
        self._refont.setSingleShot(True)
        self._refont.setInterval(0)
        self._refont.timeout.connect(lambda: self.set_zoom(self.zoom))
        self.heading = QLabel(self)
        self.heading.setObjectName("detailHeading")
        # In a narrow window the heading wraps instead of setting the strip's (and so the reading
        # view's) minimum width, which squeezed the Contents sidebar to a few letters.
        self.heading.setWordWrap(True)
        self.heading.setMinimumWidth(1)
        self.heading.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        # The two texts sit where their panes are, whatever the UI's direction.
        self.texts = QWidget(self)
        self.texts.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.arabic = QLabel(self.texts)
        self.arabic.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self.arabic.setAlignment(
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute | Qt.AlignmentFlag.AlignTop
        )
        self.english = QLabel(self.texts)
        self.english.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.english.setAlignment(
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignAbsolute | Qt.AlignmentFlag.AlignTop
        )
        for label in (self.arabic, self.english):
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.copy_arabic = QPushButton(self)
        self.copy_english = QPushButton(self)
        self.copy_pair = QPushButton(self)
        self.retry = QPushButton(self)
        # The engine's other translations, on demand: a menu under the button.
        self.alternatives = QPushButton(self)
        self.alternatives_menu = QMenu(self.alternatives)
        self.alternatives.clicked.connect(self.show_alternatives)
        self.popup_menu = QMenu.popup  # tests replace it (a popup grabs the keyboard)
        buttons = QHBoxLayout()
        buttons.addWidget(self.heading, 1)
        for button in (self.alternatives, self.retry, self.copy_arabic, self.copy_english, self.copy_pair):
            buttons.addWidget(button)
        self.grid = QGridLayout(self.texts)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setHorizontalSpacing(28)
        self.grid.setColumnStretch(0, 1)
        self.grid.setColumnStretch(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 6, 14, 8)
        # A long sentence (or a large zoom) scrolls inside the strip instead of being cut off.
        self.scroller = QScrollArea(self)
        self.scroller.setWidget(self.texts)
        self.scroller.setWidgetResizable(True)
        self.scroller.setFrameShape(QFrame.Shape.NoFrame)
        self.scroller.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroller.viewport().setAutoFillBackground(False)
        self.texts.setAutoFillBackground(False)
        layout.addLayout(buttons)
        layout.addWidget(self.scroller, 1)
        self.set_arabic_on_left(False)
        self.copy_arabic.clicked.connect(self.copy_arabic_requested)
        self.copy_english.clicked.connect(self.copy_english_requested)
        self.copy_pair.clicked.connect(self.copy_pair_requested)
        self.retry.clicked.connect(self._retry)
        self.set_zoom(100)
        self._shown: tuple[Segment | None, int, int, int] = (None, -1, 0, -1)
        self.retranslate()

    def set_arabic_on_left(self, on_left: bool) -> None:
        self.grid.removeWidget(self.arabic)
        self.grid.removeWidget(self.english)
        self.grid.addWidget(self.arabic, 0, 0 if on_left else 1)
        self.grid.addWidget(self.english, 0, 1 if on_left else 0)

    def set_show_diacritics(self, shown: bool) -> None:
        """Show the Arabic with or without vowel marks; the Copy buttons still copy the original."""
        self.show_diacritics = shown
        if self.sentence is not None:
            self.arabic.setText(self._arabic_text(self.sentence))

    def _arabic_text(self, sentence: Segment) -> str:
        return sentence.text if self.show_diacritics else strip_diacritics(sentence.text)

    def set_fonts(self, fonts: ReadingFonts) -> None:
        self.fonts = fonts
        self.set_zoom(self.zoom)

    def set_zoom(self, zoom: int) -> None:
        self.zoom = zoom
        self.arabic.setFont(self.fonts.arabic_font(zoom))
        self.english.setFont(self.fonts.english_font(zoom))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        # A new application style sheet (a theme switch) re-polishes the labels and drops the
        # fonts set on them to the default, *after* the strip hears of it (setting them here at
        # once was undone: Sans Serif 9 pt after a theme change): set them again in the next turn.
        super().changeEvent(event)
        if event.type() == QEvent.Type.StyleChange and hasattr(self, "_refont"):
            self._refont.start()
        elif event.type() == QEvent.Type.LanguageChange:
            self.retranslate()

    def retranslate(self) -> None:
        """Say the buttons and the shown pair's lines in the current UI language."""
        self.copy_arabic.setText(self.tr("Copy Arabic"))
        self.copy_english.setText(self.tr("Copy English"))
        self.copy_pair.setText(self.tr("Copy pair"))
        self.retry.setText(self.tr("Retry"))
        self.alternatives.setText(self.tr("Alternatives"))
        self.show_sentence(*self._shown)

    def show_sentence(
        self, sentence: Segment | None, position: int = -1, total: int = 0, paragraph: int = -1
    ) -> None:
        self._shown = (sentence, position, total, paragraph)
        self.sentence = sentence
        has = sentence is not None
        for button in (self.copy_arabic, self.copy_english, self.copy_pair):
            button.setEnabled(has)
        if sentence is None:
            self.heading.setText(self.tr("Click a sentence to see the pair here."))
            self.arabic.clear()
            self.english.clear()
            self.retry.hide()
            self._fill_alternatives(None)
            return
        heading = self.tr("Sentence {number} of {total}, paragraph {paragraph}").format(
            number=position + 1, total=total, paragraph=paragraph + 1
        )
        if is_as_is(sentence):
            heading += " · " + self.tr("not Arabic: shown as is, not translated")
        self.heading.setText(heading)
        self.arabic.setText(self._arabic_text(sentence))
        # A translation reads left to right; a status line reads in the UI's direction.
        done = sentence.status is Status.DONE
        self.english.setLayoutDirection(Qt.LayoutDirection.LeftToRight if done else self.layoutDirection())
        if done:
            self.english.setText(sentence.translation or "")
        elif sentence.status is Status.FAILED:
            self.english.setText(self.tr("Translation failed: {reason}").format(reason=sentence.error or ""))
        else:
            self.english.setText(self.tr("Not translated yet."))
        self.copy_english.setEnabled(sentence.status is Status.DONE)
        self.retry.setVisible(sentence.status is Status.FAILED)
        self._fill_alternatives(sentence)

    def _fill_alternatives(self, sentence: Segment | None) -> None:
        self.alternatives_menu.clear()
        choices = sentence.rendering.alternatives if sentence is not None and sentence.rendering else ()
        for choice in choices:
            action = self.alternatives_menu.addAction(choice)
            action.triggered.connect(lambda _checked=False, text=choice: self.alternative_picked.emit(text))
        self.alternatives.setVisible(sentence is not None and sentence.status is Status.DONE)
        # A sentence shown as is (not Arabic) was never translated: there is nothing to choose from.
        as_is = sentence is not None and is_as_is(sentence)
        self.alternatives.setEnabled(not as_is)
        self.alternatives.setToolTip(
            self.tr("Not translated (not Arabic): no alternatives")
            if as_is
            else self.tr("Other translations")
        )

    def show_alternatives(self) -> None:
        """The menu of known alternatives, or a request to find them."""
        if self.sentence is None:
            return
        if self.alternatives_menu.actions():
            self.popup_menu(
                self.alternatives_menu, self.alternatives.mapToGlobal(self.alternatives.rect().bottomLeft())
            )
        else:
            self.alternatives_requested.emit(self.sentence.id)

    def _retry(self) -> None:
        if self.sentence is not None:
            self.retry_requested.emit(self.sentence.id)
