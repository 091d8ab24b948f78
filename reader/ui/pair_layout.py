"""Lays out sentence pairs: Arabic right to left in its pane, English left to right in the other.

Both sentences of a pair share a row, so they start on the same baseline by construction, and
the row is as tall as the taller side. Qt shapes and orders the text (a paragraph direction,
never a reversed string). Each side's layout is cached by its text, font (family, size, zoom) and
width, so repainting or scrolling back lays nothing out twice, a zoom or resize simply misses the
cache, and a translation arriving re-lays its English, not the Arabic beside it. Estimates for rows not yet laid out come from
text lengths and font metrics in one vector pass.
"""

from __future__ import annotations

import re
from collections import OrderedDict
from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QCoreApplication, QPointF, QRect, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QGuiApplication, QTextLayout, QTextOption

from reader.arabic.folding import strip_diacritics
from reader.export.directions import has_rtl_letters
from reader.model import Origin, Segment, Status
from reader.ui.fonts import ReadingFonts

# Pixel sizes at 100 % zoom.
MARGIN = 14  # window edge to text
GUTTER = 28  # between the two panes
PAD = 5  # highlight around text
SENTENCE_GAP = 6  # between sentences of one paragraph
PARAGRAPH_GAP = 22  # extra space where a new paragraph starts
CACHE_SIZE = 800  # laid-out sides kept: a few screens' worth at any zoom
_URL = re.compile(r"(?:https?://|www\.)\S+")
_WORD_JOINER = "\u2060"
_BREAKS_AFTER = "/-\u2010\u2013\u2014"  # a line may end after these inside a token


def keep_urls_whole(text: str) -> str:
    """Display text whose URLs break only where a line cannot hold them.

    Qt's line breaker may break after ``/`` or ``-``, so "https://" ended up alone at a line end.
    A word joiner after each of those marks (display only: copying and translation use the
    source text) leaves the URL one unit, which ``WrapAtWordBoundaryOrAnywhere`` still splits
    when it is wider than the whole line.
    """
    if "://" not in text and "www." not in text:
        return text
    return _URL.sub(lambda m: re.sub(r"([/:\-?&=.])", "\\1" + _WORD_JOINER, m.group()), text)


def cuts_a_word(text: str, end: int) -> bool:
    """Whether a line ending at *end* cuts a token: no space on either side, and not just after
    a «/» or a dash («نوفمبر/تشرين», "well-known" may break there; a URL's marks carry a word
    joiner, so a URL counts as one token)."""
    if not 0 < end < len(text):
        return False
    before, after = text[end - 1], text[end]
    return not (before.isspace() or after.isspace() or before in _BREAKS_AFTER)


def token_start(text: str, end: int) -> int:
    """Where the whitespace-separated token around *end* begins."""
    start = end
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    return start


def is_as_is(segment: Segment) -> bool:
    """A sentence that is not Arabic: shown as is on both sides and never sent to the model."""
    return segment.rendering is not None and segment.rendering.origin is Origin.SOURCE


def _heading(font: QFont) -> QFont:
    heading = QFont(font)
    heading.setPointSizeF(font.pointSizeF() * 1.25)
    heading.setBold(True)
    return heading


def lay_out(
    text: str,
    font: QFont,
    width: float,
    right_to_left: bool,
    *,
    flush_right: bool | None = None,
    spacing: float = 1.0,
) -> tuple[QTextLayout, float]:
    """Lay *text* out in lines of *width*; return the layout and its height.

    *right_to_left* is the paragraph direction; lines sit against the right edge when
    *flush_right* (by default: when the paragraph is right to left). *spacing* is the line
    spacing as a share of the font's own (1.0): extra space goes between lines, not after the last.
    """
    layout = QTextLayout(text, font)
    option = QTextOption()
    # "Or anywhere" lets a token wider than the whole line (a long URL) break instead of running
    # out of the pane; but Qt also took it as leave to cut an ordinary word at a line end
    # («ل|لأمن» in Amiri at 80 %), so a line that cuts a word it does not start is shortened
    # to end before that word, which then begins the next line whole.
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    direction = Qt.LayoutDirection.RightToLeft if right_to_left else Qt.LayoutDirection.LeftToRight
    option.setTextDirection(direction)
    right = right_to_left if flush_right is None else flush_right
    side = Qt.AlignmentFlag.AlignRight if right else Qt.AlignmentFlag.AlignLeft
    option.setAlignment(side | Qt.AlignmentFlag.AlignAbsolute)
    layout.setTextOption(option)
    layout.setCacheEnabled(True)
    height = 0.0
    layout.beginLayout()
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        if height:
            height += line.height() * (spacing - 1.0)
        line.setLineWidth(max(width, 1.0))
        end = line.textStart() + line.textLength()
        if cuts_a_word(text, end):
            start = token_start(text, end)
            if start > line.textStart():  # to the next line whole (broken there if wider than it)
                line.setNumColumns(start - line.textStart(), max(width, 1.0))
        line.setPosition(QPointF(0, height))
        height += line.height()
    layout.endLayout()
    return layout, height


@dataclass
class PairLayout:
    """Laid-out sides of one row; the shifts put both first baselines at ``baseline``."""

    arabic: QTextLayout
    english: QTextLayout
    arabic_shift: float
    english_shift: float
    baseline: float
    height: float
    placeholder: bool


class PairLayouts:
    """Row geometry, fonts and the layout cache shared by painting and measuring."""

    def __init__(self, fonts: ReadingFonts) -> None:
        self.fonts = fonts
        self.zoom = 100
        self.arabic_on_left = False
        self.split = 0.5  # share of the width given to the left pane
        self.width = 800
        self.show_diacritics = True  # display only: copy, export and translation keep the marks
        self.line_spacing = 1.0  # share of the font's own line spacing
        self._sides: OrderedDict[tuple[object, ...], tuple[QTextLayout, float]] = OrderedDict()
        self._refresh_fonts()

    # Geometry -------------------------------------------------------------------------------
    def px(self, value: int) -> int:
        return round(value * self.zoom / 100)

    def _refresh_fonts(self) -> None:
        self.arabic_font = self.fonts.arabic_font(self.zoom)
        self.english_font = self.fonts.english_font(self.zoom)
        self.placeholder_font = QFont(self.english_font)
        self.placeholder_font.setItalic(True)
        self.heading_fonts = (_heading(self.arabic_font), _heading(self.english_font))

    def set_zoom(self, zoom: int) -> None:
        self.zoom = zoom
        self._refresh_fonts()

    def set_fonts(self, fonts: ReadingFonts) -> None:
        self.fonts = fonts
        self._refresh_fonts()

    def panes(self, rect: QRect) -> tuple[QRect, QRect]:
        """The text boxes of the left and right pane inside a row rectangle."""
        margin, gutter = self.px(MARGIN), self.px(GUTTER)
        usable = max(rect.width() - 2 * margin - gutter, 2)
        left_width = round(usable * self.split)
        left = QRect(rect.left() + margin, rect.top(), left_width, rect.height())
        right = QRect(left.right() + 1 + gutter, rect.top(), usable - left_width, rect.height())
        return left, right

    def arabic_and_english(self, rect: QRect) -> tuple[QRect, QRect]:
        left, right = self.panes(rect)
        return (left, right) if self.arabic_on_left else (right, left)

    def gap_above(self, row: int, starts_block: bool) -> int:
        if row == 0:
            return self.px(PARAGRAPH_GAP) // 2
        return self.px(PARAGRAPH_GAP if starts_block else SENTENCE_GAP)

    def chrome(self, row: int, starts_block: bool) -> int:
        """Pixels of a row that are not text: the gap above and the padding."""
        return self.gap_above(row, starts_block) + 2 * self.px(PAD)

    # Layout -----------------------------------------------------------------------------------
    def english_display(self, segment: Segment, placeholder: str) -> tuple[str, QFont, bool]:
        """What the English cell shows: the translation, the failure mark, or *placeholder*
        (what is happening to pending segments: loading the model, translating…)."""
        if is_as_is(segment):  # not Arabic: its own text, in italics, marked as such
            return segment.translation or "", self.placeholder_font, False
        if segment.status is Status.DONE:
            return segment.translation or "", self.english_font, False
        if segment.status is Status.FAILED:
            text = QCoreApplication.translate(
                "PairDelegate", "Translation failed (hover for the reason; Ctrl+R retries)"
            )
            return "⚠ " + text, self.english_font, True
        return placeholder, self.placeholder_font, True

    def pair(self, segment: Segment, placeholder: str, *, heading: bool = False) -> PairLayout:
        """Both sides of a row, laid out (from the cache when nothing it depends on changed).

        A heading is set larger and bold on both sides."""
        arabic_box, english_box = self.arabic_and_english(QRect(0, 0, self.width, 10))
        arabic_font = self.heading_fonts[0] if heading else self.arabic_font
        shown = segment.text if self.show_diacritics else strip_diacritics(segment.text)
        rtl = not is_as_is(segment) or has_rtl_letters(segment.text)  # an English quotation reads LTR
        arabic, arabic_height = self._side(shown, arabic_font, arabic_box.width(), rtl, rtl)
        text, font, is_placeholder = self.english_display(segment, placeholder)
        if heading and not is_placeholder:
            font = self.heading_fonts[1]
        # A placeholder is UI text: it reads in the UI's direction (Arabic in an Arabic UI),
        # still against the English pane's left edge. A translation is always left to right.
        ui_rtl = is_placeholder and QGuiApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
        english, english_height = self._side(text, font, english_box.width(), ui_rtl, False)
        arabic_ascent = arabic.lineAt(0).ascent() if arabic.lineCount() else 0.0
        english_ascent = english.lineAt(0).ascent() if english.lineCount() else 0.0
        baseline = max(arabic_ascent, english_ascent)
        arabic_shift, english_shift = baseline - arabic_ascent, baseline - english_ascent
        height = max(arabic_height + arabic_shift, english_height + english_shift)
        return PairLayout(arabic, english, arabic_shift, english_shift, baseline, height, is_placeholder)

    def _side(
        self, text: str, font: QFont, width: int, right_to_left: bool, flush_right: bool
    ) -> tuple[QTextLayout, float]:
        """One side laid out, from the cache when possible: a translation arriving re-lays the
        English only, never the Arabic beside it."""
        # The text is the shown one (with or without vowel marks); the font key holds its size.
        key = (text, font.key(), width, right_to_left, flush_right, self.line_spacing)
        cached = self._sides.get(key)
        if cached is not None:
            self._sides.move_to_end(key)
            return cached
        laid = lay_out(
            keep_urls_whole(text),
            font,
            width,
            right_to_left,
            flush_right=flush_right,
            spacing=self.line_spacing,
        )
        self._sides[key] = laid
        if len(self._sides) > CACHE_SIZE:
            self._sides.popitem(last=False)
        return laid

    def row_height(
        self, row: int, segment: Segment, starts_block: bool, placeholder: str, *, heading: bool = False
    ) -> int:
        laid = self.pair(segment, placeholder, heading=heading)
        return self.chrome(row, starts_block) + int(laid.height + 0.999)

    def estimate(
        self,
        arabic_chars: np.ndarray,
        english_chars: np.ndarray,
        starts: np.ndarray,
        rows: list[int] | None = None,
    ) -> np.ndarray:
        """Estimated row heights from character counts (every row at once, or the given *rows*)."""
        arabic_box, english_box = self.arabic_and_english(QRect(0, 0, self.width, 10))
        arabic_metrics, english_metrics = QFontMetricsF(self.arabic_font), QFontMetricsF(self.english_font)
        arabic_per_line = max(arabic_box.width() / max(arabic_metrics.averageCharWidth(), 1.0), 1.0)
        english_per_line = max(english_box.width() / max(english_metrics.averageCharWidth(), 1.0), 1.0)
        arabic_lines = np.ceil(np.maximum(arabic_chars, 1) / arabic_per_line)
        english_lines = np.ceil(np.maximum(english_chars, 1) / english_per_line)
        spacing = self.line_spacing
        text = np.maximum(
            arabic_lines * arabic_metrics.lineSpacing() * spacing,
            english_lines * english_metrics.lineSpacing() * spacing,
        )
        gaps = np.where(starts, self.px(PARAGRAPH_GAP), self.px(SENTENCE_GAP))
        first = [0] if rows is None else [k for k, row in enumerate(rows) if row == 0]
        if len(gaps) and first:
            gaps[first] = self.px(PARAGRAPH_GAP) // 2
        return (np.ceil(text) + gaps + 2 * self.px(PAD)).astype(np.int64)
