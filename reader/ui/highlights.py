"""Highlights painted inside the cached text layouts: find hits (all of them, the current one
stronger) and the words a hovered word was translated into.

Spans come in original-text offsets (what :mod:`reader.find` and the alignment speak); what a
layout holds is the *displayed* text (vowel marks hidden, word joiners in URLs), so each span
is moved onto the displayed text first (:func:`display_offsets`). Highlights are drawn by
``QTextLayout.draw``'s selections, which shape and order them as the text itself is, so a
highlight in right-to-left Arabic covers exactly its letters. Only rows being painted ask for
their spans, and a row's spans are kept until the hits change.

A side with more than :data:`DENSE` find hits (a one-letter query: a dozen per sentence) has its
hits painted as boxes behind the text instead (:func:`span_boxes`, from the line's own cursor
positions): ``draw`` redraws a line once per selection, so a row of 15 hits cost 15 redraws, and
that paint was most of a one-letter Find's stall.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QPainter, QPalette, QTextCharFormat, QTextLayout, QTextLine

from reader.find import Language, Matches

Span = tuple[int, int]
_JOINER = "\u2060"
DENSE = 8  # find hits in one side of a row above which they are painted as boxes
FOUND = "#f9d65c"


def display_offsets(original: str, shown: str) -> list[int]:
    """For each original index (and the end), its index in *shown*.

    *shown* is *original* with some characters dropped (vowel marks) and word joiners inserted
    (URLs); a dropped character maps to where the next shown one is.
    """
    mapping: list[int] = []
    j = 0
    for ch in original:
        while j < len(shown) and shown[j] != ch and shown[j] == _JOINER:
            j += 1
        mapping.append(j)
        if j < len(shown) and shown[j] == ch:
            j += 1
    mapping.append(len(shown))
    return mapping


def shown_spans(spans: Sequence[Span], original: str, shown: str) -> list[Span]:
    """*spans* (original offsets) on the shown text; empty ones (only hidden marks) dropped."""
    mapping = display_offsets(original, shown) if spans and original != shown else None
    moved = []
    for start, end in spans:
        if mapping is not None:
            start, end = mapping[min(start, len(original))], mapping[min(end, len(original))]
        if end > start:
            moved.append((start, end))
    return moved


def _cursor_x(line: QTextLine, position: int) -> float:
    """The x of a cursor before *position* (PySide returns it with the position, as a pair)."""
    value = line.cursorToX(position)
    return float(value[0] if isinstance(value, tuple) else value)  # type: ignore[arg-type]


def span_boxes(layout: QTextLayout, origin: QPointF, spans: Sequence[Span]) -> list[QRectF]:
    """Where *spans* (shown offsets) sit, one box per span per line it is on."""
    boxes = []
    for index in range(layout.lineCount()):
        line = layout.lineAt(index)
        low, high = line.textStart(), line.textStart() + line.textLength()
        for start, end in spans:
            first, last = max(start, low), min(end, high)
            if first >= last:
                continue
            x1, x2 = _cursor_x(line, first), _cursor_x(line, last)
            boxes.append(QRectF(origin.x() + min(x1, x2), origin.y() + line.y(), abs(x2 - x1), line.height()))
    return boxes


def format_ranges(
    spans: Sequence[Span], original: str, shown: str, colour: QColor
) -> list[QTextLayout.FormatRange]:
    """Selections for ``QTextLayout.draw``: one background range per span, on the shown text."""
    ranges = []
    for start, end in shown_spans(spans, original, shown):
        selection = QTextLayout.FormatRange()
        selection.start, selection.length = start, end - start
        text_format = QTextCharFormat()
        text_format.setBackground(colour)
        selection.format = text_format
        ranges.append(selection)
    return ranges


class Highlights:
    """What the pair view paints over the text: find hits and the hovered word's counterparts."""

    def __init__(self) -> None:
        self.matches: Matches | None = None
        self.current = -1  # index into matches of the hit the bar is on
        self.word: dict[tuple[int, Language], list[Span]] = {}  # (row, side) → hovered/aligned words
        self._cache: dict[tuple[int, Language], list[Span]] = {}

    def set_matches(self, matches: Matches | None, current: int = -1) -> None:
        self.matches, self.current = matches, current
        self._cache.clear()

    def find_spans(self, row: int, language: Language) -> list[Span]:
        if self.matches is None or not len(self.matches):
            return []
        key = (row, language)
        spans = self._cache.get(key)
        if spans is None:
            spans = self.matches.in_row(row, language)
            self._cache[key] = spans
        return spans

    def current_span(self, row: int, language: Language) -> Span | None:
        matches = self.matches
        if matches is None or not 0 <= self.current < len(matches):
            return None
        if matches.row(self.current) != row:
            return None
        hit = matches.hit(self.current)
        return (hit.start, hit.end) if hit.language == language else None

    def paint_dense(
        self, painter: QPainter, layout: QTextLayout, at: QPointF, row: int, language: Language, original: str
    ) -> None:
        """Before the text: a side's find hits as boxes, if there are more than :data:`DENSE`."""
        spans = self.find_spans(row, language)
        if len(spans) <= DENSE:
            return
        colour = QColor(FOUND)
        colour.setAlpha(150)
        for box in span_boxes(layout, at, shown_spans(spans, original, layout.text())):
            painter.fillRect(box, colour)

    def ranges(
        self, row: int, language: Language, original: str, shown: str, palette: QPalette
    ) -> list[QTextLayout.FormatRange]:
        """Every selection for one side of one row, weakest first (later ones paint on top);
        dense find hits are left to :meth:`paint_dense`."""
        found = QColor(FOUND)
        found.setAlpha(150)
        strong = QColor("#f29d38")
        word = QColor(palette.color(QPalette.ColorRole.Highlight))
        word.setAlpha(110)
        current = self.current_span(row, language)
        spans = self.find_spans(row, language)
        result = format_ranges(spans if len(spans) <= DENSE else [], original, shown, found)
        result += format_ranges([current] if current else [], original, shown, strong)
        result += format_ranges(self.word.get((row, language), []), original, shown, word)
        return result
