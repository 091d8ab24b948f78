"""Word-to-word highlighting: hovering a word lights up its aligned words on the other side."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF

from reader.model import SegmentResult
from reader.ui.pair_layout import PAD
from reader.ui.word_hover import word_at, word_spans
from tests.helpers.window import paste_and_wait

ARABIC = "وبالكتاب قرأ الطالبُ ـ درسه"
ENGLISH = "With the book the student read his lesson"
ALIGNMENT = ((0, 0), (0, 1), (0, 2), (1, 5), (2, 3), (2, 4), (3, 6), (3, 7))


def test_words_are_counted_as_the_alignment_counts_them() -> None:
    spans = word_spans(ARABIC, "ar")
    assert [ARABIC[a:b] for a, b in spans] == [
        "وبالكتاب",
        "قرأ",
        "الطالبُ",
        "درسه",
    ]  # a lone tatweel is no word
    assert word_at(spans, 1) == 0
    assert word_at(spans, 8) == -1  # the space


def word_point(window, row: int, side: str, char: int) -> QPoint:  # type: ignore[no-untyped-def]
    """Viewport point over displayed character *char* of one side of *row*."""
    view = window.view
    view.viewport().repaint()
    painted = next(p for p in view.painted if p.position == row)
    pad = view.layouts.px(PAD)
    text_rect = painted.rect.adjusted(
        0, view.layouts.gap_above(row, window.document.starts_block(row)) + pad, 0, -pad
    )
    arabic_box, english_box = view.layouts.arabic_and_english(text_rect)
    pair = view.layouts.pair(window.document.segment_at(row), view.placeholder)
    layout, box, shift = (
        (pair.arabic, arabic_box, pair.arabic_shift)
        if side == "ar"
        else (pair.english, english_box, pair.english_shift)
    )
    line = layout.lineAt(0)
    left, right = sorted((line.cursorToX(char)[0], line.cursorToX(char + 1)[0]))
    return QPointF(box.left() + (left + right) / 2, box.top() + shift + line.height() / 2).toPoint()


def test_hovering_an_arabic_word_highlights_its_english_words_and_back(qtbot, make_window) -> None:
    window = make_window()
    window.controller.set_document = lambda _document: None
    paste_and_wait(qtbot, window, ARABIC + ".")
    segment = window.document.segment_at(0)
    window.document.apply_results([SegmentResult(segment.id, segment.revision, ENGLISH, alignment=ALIGNMENT)])
    view = window.view
    assert window.document.segment_at(0).rendering.alignment == ALIGNMENT
    qtbot.mouseMove(view.viewport(), word_point(window, 0, "ar", 3))  # inside وبالكتاب
    qtbot.waitUntil(lambda: view.word_hover.hovered is not None)
    assert view.highlights.word[(0, "ar")] == [(0, 8)]
    assert [ENGLISH[a:b] for a, b in view.highlights.word[(0, "en")]] == ["With", "the", "book"]
    qtbot.mouseMove(view.viewport(), word_point(window, 0, "en", ENGLISH.index("read") + 1))
    qtbot.waitUntil(lambda: view.word_hover.hovered == (0, "en", 5))
    assert [ARABIC[a:b] for a, b in view.highlights.word[(0, "ar")]] == ["قرأ"]


def test_hover_works_with_vowel_marks_hidden(qtbot, make_window) -> None:
    window = make_window()
    window.controller.set_document = lambda _document: None
    paste_and_wait(qtbot, window, ARABIC + ".")
    segment = window.document.segment_at(0)
    window.document.apply_results([SegmentResult(segment.id, segment.revision, ENGLISH, alignment=ALIGNMENT)])
    window.actions_["diacritics"].trigger()
    shown = window.view.layouts.pair(window.document.segment_at(0), "").arabic.text()
    assert "\u064f" not in shown
    qtbot.mouseMove(window.view.viewport(), word_point(window, 0, "ar", shown.index("الطالب") + 2))
    qtbot.waitUntil(lambda: window.view.word_hover.hovered == (0, "ar", 2))
    assert [ENGLISH[a:b] for a, b in window.view.highlights.word[(0, "en")]] == ["the", "student"]
