"""The virtualised pair view on a 20 000-sentence book: rows never overlap, the anchor holds.

Random sequences of resize, zoom, pane swap, theme switch, jumps and batches of results (above,
on and below the screen); after each step the view is painted and checked from what it painted:
no two row rectangles intersect, the anchored segment is the first one on screen at the same
offset, and each pair's two first baselines (read from the painted text layouts) are level.
"""

from __future__ import annotations

import random

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QPalette

from reader.formats.plain_text import build_text_document
from reader.model import SegmentResult
from reader.ui.fonts import register_fonts
from reader.ui.reading_view import ReadingView
from reader.ui.theme import dark_palette

WORDS = [
    "قال",
    "المتحدث",
    "إن",
    "المحادثات",
    "ستستمر",
    "في",
    "جنيف",
    "خلال",
    "الأسبوع",
    "المقبل",
    "بمشاركة",
    "وفود",
    "عدة",
]
BOOK_SIZE = 20_000


def make_book(rng: random.Random, count: int = BOOK_SIZE):
    lines = []
    for i in range(count):
        words = rng.choices(WORDS, k=rng.choice([3, 6, 12, 30, 60]))
        lines.append(" ".join(words) + f" {i}.")
    return build_text_document("\n".join(lines))


@pytest.fixture
def view(qtbot):
    widget = ReadingView(register_fonts())
    qtbot.addWidget(widget)
    widget.resize(900, 600)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def paint(view: ReadingView):
    view.viewport().repaint()
    return view.painted


def check_painted(view: ReadingView) -> None:
    painted = paint(view)
    assert painted, "nothing painted"
    for above, below in zip(painted, painted[1:], strict=False):
        assert below.position == above.position + 1
        assert not above.rect.intersects(below.rect), (above, below)
        assert above.rect.bottom() < below.rect.top()
    for row in painted:
        assert abs(row.arabic_baseline - row.english_baseline) < 0.5, row
        assert row.text_bottom <= row.rect.bottom() + 1, row  # the text stays inside its own row


def results_for(document, rng: random.Random, rows: list[int]) -> list[SegmentResult]:
    found = []
    for row in rows:
        segment = document.segment_at(row)
        english = " ".join(
            rng.choices(["the", "talks", "will", "continue", "in", "Geneva"], k=rng.randint(1, 80))
        )
        found.append(SegmentResult(segment.id, segment.revision, english))
    return found


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_random_resizes_zooms_themes_and_results_keep_rows_apart_and_the_anchor(
    qtbot, qapp, view, seed
) -> None:
    rng = random.Random(seed)
    document = make_book(rng)
    view.set_document(document)
    original_palette = qapp.palette()
    try:
        anchor = rng.randrange(1000, BOOK_SIZE - 1000)
        view.scroll_to_row(anchor)
        for _step in range(14):
            action = rng.choice(["resize", "zoom", "swap", "theme", "results", "results", "jump"])
            if action == "resize":
                view.resize(rng.randint(420, 1400), rng.randint(300, 900))
            elif action == "zoom":
                view.set_zoom(rng.choice([50, 80, 100, 130, 170, 200]))
            elif action == "swap":
                view.set_arabic_on_left(not view.layouts.arabic_on_left)
            elif action == "theme":
                dark = qapp.palette().color(QPalette.ColorRole.Base).lightness() > 128
                qapp.setPalette(dark_palette() if dark else original_palette)
            elif action == "jump":
                anchor = rng.randrange(0, BOOK_SIZE - 50)
                view.scroll_to_row(anchor)
            else:  # a batch of results: some above the screen, some on it, some below
                rows = [anchor - k for k in range(1, 30)] + [anchor + k for k in range(0, 10)]
                rows += rng.sample(range(BOOK_SIZE), 20)
                with document.transaction():
                    document.apply_results(
                        results_for(document, rng, [r for r in rows if 0 <= r < BOOK_SIZE])
                    )
            check_painted(view)
            assert view.top_row() == anchor, action
            assert view.painted[0].position == anchor, action
            assert view.painted[0].rect.top() == 0, action
    finally:
        qapp.setPalette(original_palette)


def test_narrowing_the_window_relays_out_without_overlap(qtbot, view) -> None:
    document = make_book(random.Random(7), 3000)
    view.set_document(document)
    view.resize(1200, 700)
    check_painted(view)
    view.resize(600, 700)
    check_painted(view)
    assert paint(view)[-1].rect.bottom() >= 0


def test_scrolling_to_the_end_and_back_measures_what_it_shows(qtbot, view) -> None:
    document = make_book(random.Random(8))
    view.set_document(document)
    bar = view.verticalScrollBar()
    bar.setValue(bar.maximum())
    check_painted(view)
    assert view.painted[-1].position == BOOK_SIZE - 1
    assert view.painted[-1].rect.bottom() <= view.viewport().height()
    bar.setValue(0)
    check_painted(view)
    assert view.painted[0].position == 0


def test_a_result_on_screen_is_shown_in_one_repaint(qtbot, view) -> None:
    document = make_book(random.Random(9), 200)
    view.set_document(document)
    paint(view)
    segment = document.segment_at(1)
    before = view.heights.height(1)
    document.apply_results([SegmentResult(segment.id, segment.revision, "word " * 200)])
    check_painted(view)
    assert view.heights.height(1) > before  # measured again with its long English


def test_clicks_keys_and_hover_address_rows(qtbot, view) -> None:
    document = make_book(random.Random(10), 500)
    view.set_document(document)
    painted = paint(view)
    with qtbot.waitSignal(view.current_row_changed) as selected:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=painted[2].rect.center())
    assert selected.args == [2]
    qtbot.keyClick(view, Qt.Key.Key_Down)
    assert view.current_row() == 3
    qtbot.keyClick(view, Qt.Key.Key_K)
    assert view.current_row() == 2
    qtbot.keyClick(view, Qt.Key.Key_End)
    assert view.current_row() == 499
    check_painted(view)
    assert view.painted[-1].position == 499  # the selected pair was brought into view
    with qtbot.waitSignal(view.copy_requested):
        qtbot.keyClick(view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert view.row_at_point(QPoint(10, view.painted[0].rect.top() + 1)) == view.painted[0].position


def test_visible_rows_are_reported_for_the_translator(qtbot, view) -> None:
    document = make_book(random.Random(11), 2000)
    with qtbot.waitSignal(view.visible_rows_changed, timeout=2000) as shown:
        view.set_document(document)
    assert shown.args[0][0] == 0
    with qtbot.waitSignal(view.visible_rows_changed, timeout=2000) as moved:
        view.scroll_to_row(1500)
    assert moved.args[0][0] == 1500


def test_a_new_placeholder_is_measured_before_it_is_painted(qtbot, view) -> None:
    document = build_text_document("\n".join(f"جملة {n}." for n in range(300)))  # short Arabic
    view.set_document(document)
    view.resize(420, 600)
    view.set_zoom(200)
    view.set_placeholder("ok")
    check_painted(view)
    view.set_placeholder("waiting for the translation model, which takes a while to load the first time…")
    check_painted(view)  # each row grew to hold its longer English


def test_a_retranslation_of_everything_relays_out_once_and_keeps_the_anchor(qtbot, view) -> None:
    rng = random.Random(13)
    document = make_book(rng, 3000)
    view.set_document(document)
    with document.transaction():
        document.apply_results(results_for(document, rng, list(range(3000))))
    view.scroll_to_row(1200)
    check_painted(view)
    document.reset([s.id for s in document.iter_segments()])
    check_painted(view)
    assert view.top_row() == 1200
    assert view.painted[0].rect.top() == 0


def test_a_split_merge_and_undo_touch_only_their_rows(qtbot, view) -> None:
    """Only the run that changed gets new metrics and heights; every other row keeps its measured
    height, and the arrays equal a full recount (what a whole-book pass would give)."""
    from reader.model.editing import merge_command, neighbour, split_command
    from reader.model.undo import UndoStack
    from reader.ui.row_metrics import row_metrics

    document = build_text_document(
        "\n\n".join(" ".join(f"{w} {w} جملة {p}-{k}." for k, w in enumerate(WORDS[:4])) for p in range(300))
    )
    view.set_document(document)
    view.scroll_to_row(400)
    check_painted(view)
    view.scroll_to_row(0)
    check_painted(view)
    measured = [r for r in range(len(document)) if view.heights.measured[r] and r > 50]  # off screen now
    assert measured
    kept = {document.segment_at(r).id: view.heights.height(r) for r in measured}
    stack = UndoStack(document)
    target = document.segment_at(10)
    stack.push(split_command(document, target.id, target.text.index(" ") + 1))
    stack.push(
        merge_command(
            document, document.segment_at(40).id, neighbour(document, document.segment_at(40).id, 1)
        )
    )
    stack.undo()
    full = row_metrics(document)
    assert (view._arabic_chars == full.arabic_chars).all()
    assert (view._english_chars == full.english_chars).all()
    assert (view._starts == full.starts_block).all()
    assert (view._headings == full.headings).all()
    assert len(view.heights) == len(document)
    for segment_id, height in kept.items():
        row = document.position_of(segment_id)
        assert view.heights.measured[row]  # still measured: no jump when scrolled back to
        assert view.heights.height(row) == height
    check_painted(view)


def test_the_pages_around_the_screen_are_laid_out_at_idle_and_the_place_holds(qtbot, view) -> None:
    """PageDown (and PageUp) bring a screen of rows laid out while the reader read the last one:
    the key only paints. Measuring the page above keeps the top sentence where it was."""
    view.set_document(make_book(random.Random(3)), top_row=5000)
    with qtbot.waitSignal(view.ahead.finished, timeout=5000):
        paint(view)
    top, offset = view.top_row(), view.heights.top(view.top_row()) - view.verticalScrollBar().value()
    scroll, page = view.verticalScrollBar().value(), view.viewport().height()
    below = range(view.heights.row_at(scroll + page), view.heights.row_at(scroll + 2 * page) + 1)
    above = range(view.heights.row_at(max(scroll - page, 0)), top)
    assert all(view.heights.measured[row] for row in [*below, *above])
    assert not view.heights.measured[view.heights.row_at(scroll + 3 * page)]  # not the whole book
    assert view.top_row() == top
    assert view.heights.top(top) - view.verticalScrollBar().value() == offset
    view.layouts.row_height = None  # type: ignore[assignment,method-assign]  # any layout now fails
    qtbot.keyClick(view, Qt.Key.Key_PageDown)
    check_painted(view)
