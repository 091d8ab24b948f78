"""Placing sentence pairs: together on one page when they fit, level continuation when they cannot."""

from __future__ import annotations

import pytest

from reader.export.pdf_layout import PageFrame, Row, Stack, TextStyle, place_block

STYLE = TextStyle("f", "", 10, 5.0, rtl=False, align="L")
TOP, BOTTOM = 20.0, 100.0


def stack(x: float, lines: int, height: float = 5.0) -> Stack:
    return Stack(x, 50, tuple(Row(f"line {i}", STYLE, height) for i in range(lines)))


def test_pair_that_fits_stays_on_the_page_at_the_same_height() -> None:
    pages, end = place_block([stack(0, 3), stack(60, 2)], 30, TOP, BOTTOM)
    assert len(pages) == 1
    firsts = {row.x: row.y for row in pages[0] if row.row.text == "line 0"}
    assert firsts == {0: 30, 60: 30}
    assert end == 45  # the taller stack decides


def test_pair_that_does_not_fit_moves_whole_to_the_next_page() -> None:
    pages, end = place_block([stack(0, 4), stack(60, 2)], 85, TOP, BOTTOM)
    assert pages[0] == []
    assert len(pages) == 2
    assert min(row.y for row in pages[1]) == TOP
    assert end == TOP + 20


def test_pair_taller_than_a_page_continues_level_on_the_next_page() -> None:
    tall, short = stack(0, 22), stack(60, 3)  # 110 mm of Arabic, body is 80 mm
    pages, end = place_block([tall, short], 30, TOP, BOTTOM)
    assert len(pages) == 2
    assert all(row.y + row.row.height <= BOTTOM for page in pages for row in page)
    assert [row.row.text for row in pages[0] if row.x == 60] == ["line 0", "line 1", "line 2"]
    continued = [row for row in pages[1] if row.x == 0]
    assert continued[0].y == TOP
    assert [row.row.text for page in pages for row in page if row.x == 0] == [f"line {i}" for i in range(22)]
    assert end == TOP + 5 * len(continued)


def test_tall_pair_near_the_bottom_starts_on_a_fresh_page() -> None:
    pages, _ = place_block([stack(0, 22)], 90, TOP, BOTTOM)
    assert pages[0] == []
    assert pages[1][0].y == TOP


def test_no_blank_gap_row_at_the_top_of_a_continuation_page() -> None:
    rows = tuple(Row(f"line {i}", STYLE, 5) for i in range(16)) + (Row(None, None, 1),)
    rows += tuple(Row(f"more {i}", STYLE, 5) for i in range(4))
    pages, _ = place_block([Stack(0, 50, rows)], TOP, TOP, BOTTOM)
    assert pages[1][0].row.text == "more 0"
    assert pages[1][0].y == TOP


@pytest.mark.parametrize(("size", "width"), [("A4", 210.0), ("Letter", 215.9)])
def test_columns_split_the_page(size: str, width: float) -> None:
    frame = PageFrame.for_size(size)
    assert frame.width == width
    assert frame.english_x == frame.margin
    assert frame.english_x + frame.column_width < frame.gutter_x + 0.001
    assert frame.arabic_x == pytest.approx(frame.gutter_x + frame.gutter)
    assert frame.arabic_x + frame.column_width == pytest.approx(width - frame.margin)
