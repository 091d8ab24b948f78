"""The find bar: Ctrl+F, "n of m", hits highlighted in both panes, Enter/Shift+Enter, Esc, and a
jump across a 20 000-sentence book; Show Diacritics keeps the top sentence on top."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QImage

from reader.formats.plain_text import build_text_document
from reader.model import SegmentResult
from reader.ui.document_opener import prepare

WORDS = ["قال", "المتحدث", "إن", "المحادثات", "ستستمر", "في", "جنيف", "خلال", "الأسبوع", "المقبل"]


def book(count: int, *, needle_rows: tuple[int, ...] = ()) -> str:
    lines = []
    for i in range(count):
        words = [WORDS[(i + k) % len(WORDS)] for k in range(8)]
        if i in needle_rows:
            words.insert(3, "المَدْرَسَةِ")
        lines.append(" ".join(words) + f" رقم{i}.")
    return "\n".join(lines)


def open_document(window, text: str, english: dict[int, str] | None = None):  # type: ignore[no-untyped-def]
    document = build_text_document(text)
    if english:
        document.apply_results(
            SegmentResult(document.segment_at(row).id, 0, value) for row, value in english.items()
        )
    window.controller.set_document = lambda _document: None  # no translation in these tests
    window.set_document(prepare(document, None, window.library))
    return document


def pixels(window, box: QRect) -> QImage:
    window.view.viewport().repaint()
    return window.view.viewport().grab(box).toImage()


def type_text(field, text: str) -> None:  # type: ignore[no-untyped-def]
    """One character at a time, as typed (QTest's keyClicks only knows ASCII)."""
    for ch in text:
        field.insert(ch)


def open_find(qtbot, window, query: str) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(window.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    bar = window.aids.find_bar
    assert bar.isVisible()
    assert bar.field.hasFocus()
    qtbot.waitUntil(lambda: bar.ready)
    type_text(bar.field, query)
    qtbot.waitUntil(lambda: bar.count.text() and "of" in bar.count.text())


def test_hits_in_both_panes_are_counted_and_highlighted(qtbot, make_window) -> None:
    window = make_window()
    document = open_document(
        window, book(6, needle_rows=(1,)), {1: "He went to the school.", 4: "School again."}
    )
    window.view.scroll_to_row(0)
    from tests.helpers.window import row_boxes

    arabic_box, english_box = row_boxes(window, 1)
    before = (pixels(window, arabic_box), pixels(window, english_box))
    open_find(qtbot, window, "مدرسه")  # teh marbuta and vowels folded
    bar = window.aids.find_bar
    assert bar.count.text() == "1 of 1"
    (hit,) = bar.matches.hits()
    assert document.segment(hit.segment_id).text[hit.start : hit.end] == "المَدْرَسَةِ"[2:]
    assert pixels(window, arabic_box) != before[0]  # the Arabic hit is painted over
    bar.field.clear()
    qtbot.keyClicks(bar.field, "SCHOOL")
    assert bar.count.text() == "1 of 2"
    assert window.view.highlights.find_spans(1, "en") == [(15, 21)]
    assert pixels(window, english_box) != before[1]  # the English one too
    assert pixels(window, arabic_box) == before[0]  # and the Arabic is plain again


def test_enter_and_shift_enter_walk_the_hits_and_esc_closes(qtbot, make_window) -> None:
    window = make_window()
    open_document(window, book(40, needle_rows=(2, 20, 35)))
    open_find(qtbot, window, "المدرسة")
    bar = window.aids.find_bar
    assert bar.count.text() == "1 of 3"
    qtbot.keyClick(bar.field, Qt.Key.Key_Return)
    assert bar.count.text() == "2 of 3"
    assert 20 in window.view.visible_rows()
    qtbot.keyClick(bar.field, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(bar.field, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert bar.count.text() == "3 of 3"  # wrapped backwards
    qtbot.keyClick(bar.field, Qt.Key.Key_Escape)
    assert not bar.isVisible()
    assert window.view.highlights.matches is None
    assert window.view.hasFocus()


def test_a_hit_near_the_end_of_a_book_is_scrolled_to(qtbot, make_window) -> None:
    window = make_window()
    open_document(window, book(20_000, needle_rows=(17_500,)))
    open_find(qtbot, window, "مدرسة")
    assert window.aids.find_bar.count.text() == "1 of 1"
    assert 17_500 in window.view.visible_rows()


def test_no_match_says_so(qtbot, make_window) -> None:
    window = make_window()
    open_document(window, book(5))
    qtbot.keyClick(window.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    bar = window.aids.find_bar
    qtbot.waitUntil(lambda: bar.ready)
    qtbot.keyClicks(bar.field, "zebra")
    assert bar.count.text() == "No matches"


def test_translations_arriving_later_are_found(qtbot, make_window) -> None:
    window = make_window()
    document = open_document(window, book(5))
    open_find(qtbot, window, "قال")
    bar = window.aids.find_bar
    bar.field.setText("apple")
    assert bar.count.text() == "No matches"
    segment = document.segment_at(3)
    document.apply_results([SegmentResult(segment.id, segment.revision, "An apple.")])
    qtbot.waitUntil(lambda: bar.count.text() == "1 of 1")


def test_translations_arriving_just_before_esc_bring_no_hits_back(qtbot, make_window) -> None:
    window = make_window()
    document = open_document(window, book(5))
    open_find(qtbot, window, "قال")
    bar = window.aids.find_bar
    segment = document.segment_at(3)
    document.apply_results([SegmentResult(segment.id, segment.revision, "An apple.")])  # refresh due
    assert bar._refresh.isActive()
    qtbot.keyClick(bar.field, Qt.Key.Key_Escape)
    assert not bar._refresh.isActive()  # no search of the whole book, and no hits, for a closed bar
    assert window.view.highlights.matches is None


def test_show_diacritics_is_display_only_and_keeps_the_anchor(qtbot, make_window, ui_settings) -> None:
    window = make_window()
    text = "\n".join(f"ذَهَبَ الوَلَدُ إِلَى المَدْرَسَةِ فِي الصَّبَاحِ البَاكِرِ رقم{i}." for i in range(3000))
    document = open_document(window, text)
    window.view.scroll_to_row(1234)
    window.view.viewport().repaint()
    assert window.actions_["diacritics"].isChecked()
    window.actions_["diacritics"].trigger()
    assert ui_settings.show_diacritics is False
    window.view.viewport().repaint()
    assert window.view.top_row() == 1234
    shown = window.view.layouts.pair(document.segment_at(1234), "").arabic.text()
    assert "\u064e" not in shown
    assert shown.startswith("ذهب الولد")
    assert "\u064e" in document.segment_at(1234).text  # the document keeps its marks
    window.view.select_row(1234)
    window.copy_arabic()
    from PySide6.QtGui import QGuiApplication

    assert QGuiApplication.clipboard().text() == document.segment_at(1234).text
    window.actions_["diacritics"].trigger()
    window.view.viewport().repaint()
    assert window.view.top_row() == 1234
    assert "\u064e" in window.view.layouts.pair(document.segment_at(1234), "").arabic.text()


def test_the_detail_strip_follows_show_diacritics_and_copy_keeps_the_marks(qtbot, make_window) -> None:
    window = make_window()
    document = open_document(window, "ذَهَبَ الوَلَدُ إِلَى المَدْرَسَةِ.\nقَرَأَ الطَّالِبُ.")
    window.view.select_row(1)
    assert window.strip.arabic.text() == "قَرَأَ الطَّالِبُ."
    window.actions_["diacritics"].trigger()
    assert window.strip.arabic.text() == "قرأ الطالب."  # the sentence shown is re-shown at once
    window.view.select_row(0)
    assert window.strip.arabic.text() == "ذهب الولد إلى المدرسة."  # and the next one too
    window.strip.copy_arabic.click()
    from PySide6.QtGui import QGuiApplication

    assert QGuiApplication.clipboard().text() == document.segment_at(0).text
    window.actions_["diacritics"].trigger()
    assert window.strip.arabic.text() == "ذَهَبَ الوَلَدُ إِلَى المَدْرَسَةِ."


def test_a_one_letter_query_paints_its_many_hits_as_boxes_behind_the_text(qtbot, make_window) -> None:
    """More than DENSE hits in a side: boxes from the line's cursor positions, not one selection
    (one redraw of the line) per hit."""
    from reader.ui.highlights import DENSE
    from tests.helpers.window import row_boxes

    window = make_window()
    open_document(
        window, "جملة أولى.\nقال الولد إن الباب الكبير كان مفتوحا طوال الصباح والمساء.\nجملة أخيرة."
    )
    window.view.scroll_to_row(0)
    arabic_box, _english = row_boxes(window, 1)
    before = pixels(window, arabic_box)
    open_find(qtbot, window, "ا")
    highlights = window.view.highlights
    spans = highlights.find_spans(1, "ar")
    assert len(spans) > DENSE
    text = window.document.segment_at(1).text
    palette = window.view.palette()
    assert highlights.ranges(1, "ar", text, text, palette) == []  # not the bar's current hit: no selections
    assert pixels(window, arabic_box) != before  # yet the hits are painted


def test_span_boxes_follow_the_lines_cursor_positions(qtbot) -> None:
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QFont, QTextLayout

    from reader.ui.highlights import span_boxes

    layout = QTextLayout("one two three four five six", QFont())
    layout.beginLayout()
    first = layout.createLine()
    first.setNumColumns(14)  # "one two three " on the first line, the rest on the second
    second = layout.createLine()
    layout.endLayout()
    boxes = span_boxes(layout, QPointF(10, 20), [(4, 7), (8, 19)])  # "two", "three four"
    assert len(boxes) == 3  # "three four" is on both lines
    two = boxes[0]
    assert two.left() == 10 + first.cursorToX(4)[0]
    assert two.width() == first.cursorToX(7)[0] - first.cursorToX(4)[0]
    assert two.top() == 20 + first.y()
    assert boxes[2].top() == 20 + second.y()


def test_the_screen_of_the_next_hit_is_laid_out_before_f3(qtbot, make_window) -> None:
    """The rows the next F3 brings on screen are laid out at idle; the jump itself only paints."""
    window = make_window()
    open_document(window, book(3000, needle_rows=(10, 1500, 2900)))
    view = window.view
    open_find(qtbot, window, "مدرسة")
    assert window.aids.find_bar.count.text() == "1 of 3"
    # The pages around the screen may be laid out (finished) before the hits are known: wait
    # for the turn that finds the hits' screens laid out too.
    qtbot.waitUntil(
        lambda: all(view.heights.measured[row] for row in (*range(1495, 1501), 2900)), timeout=5000
    )  # the next hit's screen, and the previous one (Shift+F3 wraps to it)
    view.layouts.row_height = None  # type: ignore[assignment,method-assign]  # any layout now fails
    qtbot.keyClick(window.aids.find_bar.field, Qt.Key.Key_Return)
    view.viewport().repaint()
    assert window.aids.find_bar.count.text() == "2 of 3"
    assert 1500 in [row.position for row in view.painted]
