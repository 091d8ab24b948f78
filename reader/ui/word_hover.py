"""Word-to-word highlighting: hovering an Arabic word lights up the English words it became, and
the reverse, from the alignment stored with the translation (:mod:`reader.translate.word_alignment`).

Words are counted the way the alignment counts them: the whitespace-separated words of the
Arabic as the model saw it (a "word" of only bidi marks or tatweel does not count) and of the
English. The point under the mouse is turned into a character of the displayed text through
the row's cached layout (``QTextLine.xToCursor``), then into a character of the original (vowel
marks may be hidden) and a word index. Only the hovered row is looked at: O(1) per mouse move.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import Any, Protocol

from PySide6.QtCore import QPoint, QPointF, QRect
from PySide6.QtGui import QTextLayout

from reader.find import Language
from reader.model import Document
from reader.translate.long_sentences import clean_model_input
from reader.ui.height_map import HeightMap
from reader.ui.highlights import Highlights, Span, display_offsets
from reader.ui.pair_layout import PAD, PairLayouts


class HoveredView(Protocol):
    """What the hover reads of the reading view (:class:`reader.ui.pair_view.PairView`), named
    here so the two modules do not import each other."""

    document: Document | None
    highlights: Highlights
    layouts: PairLayouts
    heights: HeightMap
    placeholder: str
    _starts: Any
    _headings: Any

    def row_at_point(self, point: QPoint) -> int: ...

    def verticalScrollBar(self) -> Any: ...  # noqa: N802

    def viewport(self) -> Any: ...


_WORD = re.compile(r"\S+")


def word_spans(text: str, language: Language) -> list[Span]:
    """Each counted word's (start, end) in *text*."""
    spans = [(m.start(), m.end()) for m in _WORD.finditer(text)]
    if language == "ar":
        spans = [(a, b) for a, b in spans if clean_model_input(text[a:b])]
    return spans


def word_at(spans: list[Span], index: int) -> int:
    """The word holding character *index*, or -1 (a space, or past the end)."""
    for number, (start, end) in enumerate(spans):
        if start <= index < end:
            return number
    return -1


def cursor_at(layout: QTextLayout, point: QPointF) -> int:
    """The displayed character under *point* (layout coordinates), or -1 outside its lines."""
    for i in range(layout.lineCount()):
        line = layout.lineAt(i)
        if line.y() <= point.y() < line.y() + line.height():
            cursor = line.xToCursor(point.x(), line.CursorPosition.CursorOnCharacter)
            return min(max(cursor, line.textStart()), line.textStart() + max(line.textLength() - 1, 0))
    return -1


def original_index(original: str, shown: str, cursor: int) -> int:
    """The original character shown at displayed index *cursor*."""
    if original == shown:
        return cursor
    return max(bisect_right(display_offsets(original, shown), cursor) - 1, 0)


class WordHover:
    """Finds the word under the mouse and sets the view's word highlights from the alignment."""

    def __init__(self, view: HoveredView) -> None:
        self.view = view
        self.hovered: tuple[int, Language, int] | None = None  # row, side, word

    def update(self, point: QPoint) -> bool:
        """Highlight for the mouse at *point* (viewport coordinates); True when anything changed."""
        found = self._word_under(point)
        if found == self.hovered:
            return False
        self.hovered = found
        self.view.highlights.word = self._spans(found) if found is not None else {}
        return True

    def clear(self) -> bool:
        if self.hovered is None:
            return False
        self.hovered = None
        self.view.highlights.word = {}
        return True

    def _word_under(self, point: QPoint) -> tuple[int, Language, int] | None:
        view, document = self.view, self.view.document
        row = view.row_at_point(point)
        if document is None or row < 0:
            return None
        segment = document.segment_at(row)
        if segment.rendering is None or not segment.rendering.alignment:
            return None
        layouts = view.layouts
        top = view.heights.top(row) - view.verticalScrollBar().value()
        rect = QRect(0, top, view.viewport().width(), view.heights.height(row))
        pad = layouts.px(PAD)
        text_rect = rect.adjusted(0, layouts.gap_above(row, bool(view._starts[row])) + pad, 0, -pad)
        arabic_box, english_box = layouts.arabic_and_english(text_rect)
        pair = layouts.pair(segment, view.placeholder, heading=bool(view._headings[row]))
        sides: list[tuple[Language, QRect, QTextLayout, float, str]] = [
            ("ar", arabic_box, pair.arabic, pair.arabic_shift, segment.text),
            ("en", english_box, pair.english, pair.english_shift, segment.translation or ""),
        ]
        for language, box, layout, shift, original in sides:
            if not box.contains(point):
                continue
            local = QPointF(point.x() - box.left(), point.y() - box.top() - shift)
            cursor = cursor_at(layout, local)
            if cursor < 0:
                return None
            index = original_index(original, layout.text(), cursor)
            word = word_at(word_spans(original, language), index)
            return (row, language, word) if word >= 0 else None
        return None

    def _spans(self, found: tuple[int, Language, int]) -> dict[tuple[int, Language], list[Span]]:
        row, language, word = found
        assert self.view.document is not None
        segment = self.view.document.segment_at(row)
        alignment = segment.rendering.alignment if segment.rendering is not None else None
        other: Language = "en" if language == "ar" else "ar"
        texts = {"ar": segment.text, "en": segment.translation or ""}
        mine, theirs = word_spans(texts[language], language), word_spans(texts[other], other)
        if language == "ar":
            partners = sorted({t for s, t in alignment or () if s == word})
        else:
            partners = sorted({s for s, t in alignment or () if t == word})
        return {
            (row, language): [mine[word]],
            (row, other): [theirs[i] for i in partners if 0 <= i < len(theirs)],
        }
