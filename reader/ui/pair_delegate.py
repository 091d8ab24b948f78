"""Draws one sentence pair per row: Arabic right-to-left in its pane, English left-to-right in the other.

Both sentences of a pair are laid out in the same row, so they start at the same height by
construction, and the row is as tall as the taller of the two. Text is laid out with QTextLayout
and a paragraph direction (RightToLeft for Arabic): Qt shapes and orders the text; nothing here
reverses a string. Measured heights are cached per row and width.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPointF, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPainter, QPalette, QTextLayout, QTextOption
from PySide6.QtWidgets import QAbstractItemView, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from reader.document import Status
from reader.ui.fonts import ReadingFonts
from reader.ui.pair_model import PairRole

ModelIndex = QModelIndex | QPersistentModelIndex

# Pixel sizes at 100 % zoom.
MARGIN = 14  # window edge to text
GUTTER = 28  # between the two panes
PAD = 5  # highlight around text
SENTENCE_GAP = 6  # between sentences of one paragraph
PARAGRAPH_GAP = 22  # extra space where a new paragraph starts


@dataclass
class PaneRects:
    left: QRect
    right: QRect


@dataclass
class PairLayout:
    """Laid-out sides of one row; the shifts align the first baselines."""

    arabic: QTextLayout
    english: QTextLayout
    arabic_shift: float
    english_shift: float
    height: float
    placeholder: bool


def lay_out(
    text: str, font: QFont, width: float, right_to_left: bool, *, flush_right: bool | None = None
) -> tuple[QTextLayout, float]:
    """Lay *text* out in lines of *width*; return the layout and its height.

    *right_to_left* is the paragraph direction; lines sit against the right edge when
    *flush_right* (by default: when the paragraph is right to left).
    """
    layout = QTextLayout(text, font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    direction = Qt.LayoutDirection.RightToLeft if right_to_left else Qt.LayoutDirection.LeftToRight
    option.setTextDirection(direction)
    side = (
        Qt.AlignmentFlag.AlignRight
        if (right_to_left if flush_right is None else flush_right)
        else (Qt.AlignmentFlag.AlignLeft)
    )
    option.setAlignment(side | Qt.AlignmentFlag.AlignAbsolute)
    layout.setTextOption(option)
    layout.setCacheEnabled(True)
    height = 0.0
    layout.beginLayout()
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(max(width, 1.0))
        line.setPosition(QPointF(0, height))
        height += line.height()
    layout.endLayout()
    return layout, height


class PairDelegate(QStyledItemDelegate):
    """Measures and paints sentence pairs for :class:`~reader.ui.reading_view.ReadingView`."""

    def __init__(self, view: QAbstractItemView, fonts: ReadingFonts) -> None:
        super().__init__(view)
        self.view = view
        self.fonts = fonts
        self.zoom = 100
        self.arabic_on_left = False
        self.split = 0.5  # share of the width given to the left pane
        self.hover_row = -1
        self.translating = False  # whether pending sentences are being worked on right now
        self._heights: dict[int, tuple[tuple[object, ...], int]] = {}
        self._refresh_fonts()

    # Geometry --------------------------------------------------------------------------------
    def _px(self, value: int) -> int:
        return round(value * self.zoom / 100)

    def _refresh_fonts(self) -> None:
        self.arabic_font = self.fonts.arabic_font(self.zoom)
        self.english_font = self.fonts.english_font(self.zoom)
        self.placeholder_font = QFont(self.english_font)
        self.placeholder_font.setItalic(True)

    def set_zoom(self, zoom: int) -> None:
        self.zoom = zoom
        self._refresh_fonts()

    def panes(self, rect: QRect) -> PaneRects:
        """The text boxes of the left and right pane inside a row rectangle (without the gap)."""
        margin, gutter = self._px(MARGIN), self._px(GUTTER)
        usable = max(rect.width() - 2 * margin - gutter, 2)
        left_width = round(usable * self.split)
        left = QRect(rect.left() + margin, rect.top(), left_width, rect.height())
        right = QRect(left.right() + 1 + gutter, rect.top(), usable - left_width, rect.height())
        return PaneRects(left, right)

    def arabic_and_english(self, rect: QRect) -> tuple[QRect, QRect]:
        panes = self.panes(rect)
        return (panes.left, panes.right) if self.arabic_on_left else (panes.right, panes.left)

    def gap_above(self, index: ModelIndex) -> int:
        if index.row() == 0:
            return self._px(PARAGRAPH_GAP) // 2
        starts = bool(index.data(PairRole.STARTS_PARAGRAPH))
        return self._px(PARAGRAPH_GAP if starts else SENTENCE_GAP)

    def english_display(self, index: ModelIndex) -> tuple[str, QFont, bool]:
        """What the English cell shows: the translation, or a pending/failed placeholder."""
        status = index.data(PairRole.STATUS)
        if status is Status.DONE:
            return str(index.data(PairRole.ENGLISH) or ""), self.english_font, False
        if status is Status.FAILED:
            return (
                "⚠ " + self.tr("Translation failed (hover for the reason; Ctrl+R retries)"),
                self.english_font,
                True,
            )
        text = self.tr("translating…") if self.translating else self.tr("not translated yet")
        return text, self.placeholder_font, True

    def lay_out_pair(self, index: ModelIndex, arabic_width: int, english_width: int) -> PairLayout:
        """Both sides of a row, shifted so that their first lines share a baseline."""
        arabic, arabic_height = lay_out(
            str(index.data(PairRole.ARABIC) or ""), self.arabic_font, arabic_width, True
        )
        text, font, placeholder = self.english_display(index)
        # A placeholder is UI text: it reads in the UI's direction (Arabic in an Arabic UI),
        # still against the English pane's left edge. A translation is always left to right.
        ui_rtl = placeholder and QGuiApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
        english, english_height = lay_out(text, font, english_width, ui_rtl, flush_right=False)
        arabic_ascent = arabic.lineAt(0).ascent() if arabic.lineCount() else 0.0
        english_ascent = english.lineAt(0).ascent() if english.lineCount() else 0.0
        baseline = max(arabic_ascent, english_ascent)
        arabic_shift, english_shift = baseline - arabic_ascent, baseline - english_ascent
        height = max(arabic_height + arabic_shift, english_height + english_shift)
        return PairLayout(arabic, english, arabic_shift, english_shift, height, placeholder)

    # Measuring -------------------------------------------------------------------------------
    def row_width(self) -> int:
        return max(self.view.viewport().width(), 200)

    def sizeHint(self, option: QStyleOptionViewItem, index: ModelIndex) -> QSize:  # noqa: N802
        # QListView asks for every row's size on each relayout (each finished batch), so the
        # cached path is one lookup; rows whose text changed are forgotten by forget_rows().
        key = self.size_key()
        width = key[0]
        cached = self._heights.get(index.row())
        if cached is not None and cached[0] == key:
            return QSize(width, cached[1])
        arabic_box, english_box = self.arabic_and_english(QRect(0, 0, width, 10))
        pair = self.lay_out_pair(index, arabic_box.width(), english_box.width())
        height = self.gap_above(index) + 2 * self._px(PAD) + int(pair.height + 0.999)
        self._heights[index.row()] = (key, height)
        return QSize(width, height)

    def forget_rows(self, rows: range | list[int]) -> None:
        """These rows' texts or statuses changed: measure them again."""
        for row in rows:
            self._heights.pop(row, None)

    def size_key(self) -> tuple[int, int, float, bool]:
        """What a cached row height depends on besides the row's own text."""
        return (self.row_width(), self.zoom, self.split, self.arabic_on_left)

    def cached_heights(self, rows: range) -> list[int]:
        """The heights last measured for *rows* (at the current size key; 0 if unknown)."""
        key = self.size_key()
        heights = []
        for row in rows:
            cached = self._heights.get(row)
            heights.append(cached[1] if cached is not None and cached[0] == key else 0)
        return heights

    def measured_rows(self) -> int:
        """Rows whose height is known for the current width, zoom and pane split."""
        key = self.size_key()
        return sum(1 for cached_key, _height in self._heights.values() if cached_key == key)

    def forget_sizes(self) -> None:
        self._heights.clear()

    # Painting --------------------------------------------------------------------------------
    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: ModelIndex) -> None:
        painter.save()
        palette: QPalette = option.palette
        row_rect = QRect(option.rect)
        row_rect.setTop(row_rect.top() + self.gap_above(index))
        pad = self._px(PAD)
        text_rect = row_rect.adjusted(0, pad, 0, -pad)
        arabic_box, english_box = self.arabic_and_english(text_rect)
        panes = self.panes(option.rect)
        divider = QColor(palette.color(QPalette.ColorRole.Mid))
        divider.setAlpha(90)
        painter.setPen(divider)
        middle = (panes.left.right() + panes.right.left()) // 2
        painter.drawLine(middle, option.rect.top(), middle, option.rect.bottom())
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        hovered = index.row() == self.hover_row
        if selected or hovered:
            colour = QColor(palette.color(QPalette.ColorRole.Highlight))
            colour.setAlpha(70 if selected else 28)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour)
            for box in (arabic_box, english_box):
                painter.drawRoundedRect(QRectF(box.adjusted(-pad, -pad, pad, pad)), pad, pad)
        pair = self.lay_out_pair(index, arabic_box.width(), english_box.width())
        painter.setPen(palette.color(QPalette.ColorRole.Text))
        pair.arabic.draw(painter, QPointF(arabic_box.left(), arabic_box.top() + pair.arabic_shift))
        if index.data(PairRole.STATUS) is Status.FAILED:
            painter.setPen(self.error_colour(palette))
        elif pair.placeholder:
            painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
        pair.english.draw(painter, QPointF(english_box.left(), english_box.top() + pair.english_shift))
        painter.restore()

    @staticmethod
    def error_colour(palette: QPalette) -> QColor:
        dark = palette.color(QPalette.ColorRole.Base).lightness() < 128
        return QColor("#f28b82" if dark else "#b3261e")
