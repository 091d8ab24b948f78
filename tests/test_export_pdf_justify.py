"""Justification by word spacing: how much each space grows and where the pieces move."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from reader.export.pdf_justify import MAX_STRETCH, Spaced, space_extra, spread


def test_the_spaces_share_what_is_missing() -> None:
    pieces = [Spaced(0.0, 30.0, 2), Spaced(30.0, 2.0, 1), Spaced(32.0, 20.0, 1)]
    assert space_extra(pieces, 54.0, space_width=2.0) == 0.5


def test_a_line_without_spaces_or_already_full_is_left_alone() -> None:
    assert space_extra([Spaced(0.0, 30.0, 0)], 40.0, space_width=2.0) == 0.0
    assert space_extra([Spaced(0.0, 40.0, 3)], 40.0, space_width=2.0) == 0.0


def test_a_line_that_would_need_holes_is_not_justified() -> None:
    pieces = [Spaced(0.0, 10.0, 1)]
    limit = (MAX_STRETCH - 1) * 2.0
    assert space_extra(pieces, 10.0 + limit, space_width=2.0) == limit
    assert space_extra(pieces, 10.0 + limit + 0.1, space_width=2.0) == 0.0


def test_pieces_move_by_the_spaces_left_of_them_on_the_page() -> None:
    # An Arabic line: logical order right to left, so the list is not in page order.
    pieces = [Spaced(20.0, 10.0, 1), Spaced(18.0, 2.0, 1), Spaced(0.0, 18.0, 2)]
    assert spread(pieces, 0.5) == [21.5, 19.0, 0.0]


@given(
    st.lists(
        st.tuples(st.floats(0.5, 40.0), st.integers(0, 4)),
        min_size=1,
        max_size=12,
    ),
    st.floats(0.0, 30.0),
)
def test_a_justified_line_fills_its_width(parts: list[tuple[float, int]], slack: float) -> None:
    pieces, x = [], 0.0
    for width, spaces in parts:
        pieces.append(Spaced(x, width, spaces))
        x += width
    target = x + slack
    extra = space_extra(pieces, target, space_width=1.0)
    moved = spread(pieces, extra)
    right = max(m + p.width + extra * p.spaces for m, p in zip(moved, pieces, strict=True))
    if extra:
        assert abs(right - target) < 1e-6
    else:
        assert right == x
