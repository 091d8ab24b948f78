"""The selected pair stays on screen: zoom, resize, J/K, End, jumps (F8 selects far away) and
Ctrl+Home / Ctrl+End, checked from what the view painted."""

from __future__ import annotations

import random

import pytest
from PySide6.QtCore import Qt

from reader.ui.fonts import register_fonts
from reader.ui.reading_view import ReadingView
from tests.test_ui_pair_view import check_painted, make_book


@pytest.fixture
def view(qtbot):
    widget = ReadingView(register_fonts())
    qtbot.addWidget(widget)
    widget.resize(900, 600)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def selected_fully_shown(view: ReadingView) -> bool:
    check_painted(view)
    row = view.current_row()
    shown = [p for p in view.painted if p.position == row]
    if not shown:
        return False
    rect = shown[0].rect
    return (
        rect.top() >= 0
        and rect.bottom() < view.viewport().height()
        or rect.height() > view.viewport().height()
    )


def test_zoom_and_resize_keep_the_selected_pair_on_screen(qtbot, view) -> None:
    rng = random.Random(3)
    view.set_document(make_book(rng, 3000))
    view.scroll_to_row(1200)
    check_painted(view)
    view.select_row(view.painted[-2].position)  # low on the screen: a zoom-in used to push it off
    for step in range(12):
        if step % 2:
            view.set_zoom(rng.choice([50, 80, 130, 170, 200]))
        else:
            view.resize(rng.randint(420, 1400), rng.randint(300, 900))
        assert selected_fully_shown(view), step


def test_keys_and_far_selections_show_the_whole_pair(qtbot, view) -> None:
    document = make_book(random.Random(4), 3000)
    view.set_document(document)
    view.set_zoom(170)
    check_painted(view)
    view.select_row(0)
    for _ in range(25):
        qtbot.keyClick(view, Qt.Key.Key_J)
        assert selected_fully_shown(view)
    for _ in range(5):
        qtbot.keyClick(view, Qt.Key.Key_K)
        assert selected_fully_shown(view)
    for row in (2500, 40, 2999, 1700):  # what F8 and Find do: select far away
        view.select_row(row)
        assert selected_fully_shown(view), row
    qtbot.keyClick(view, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    assert view.current_row() == 0
    assert selected_fully_shown(view)
    qtbot.keyClick(view, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    assert view.current_row() == 2999
    assert selected_fully_shown(view)
    qtbot.keyClick(view, Qt.Key.Key_Home)
    qtbot.keyClick(view, Qt.Key.Key_End)
    assert view.current_row() == 2999
    assert selected_fully_shown(view)
    assert view.painted[-1].position == 2999


def test_scrolling_away_from_the_selection_keeps_the_readers_place(qtbot, view) -> None:
    view.set_document(make_book(random.Random(5), 3000))
    view.select_row(3)
    view.scroll_to_row(900)
    view.set_zoom(130)
    check_painted(view)
    assert view.top_row() == 900
    assert view.painted[0].rect.top() == 0
