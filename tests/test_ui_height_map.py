"""The height map against a plain list: tops, row lookup and updates agree."""

from __future__ import annotations

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.ui.height_map import HeightMap


@settings(max_examples=80, deadline=None)
@given(
    heights=st.lists(st.integers(1, 300), min_size=1, max_size=300),
    updates=st.lists(st.tuples(st.integers(0, 10_000), st.integers(1, 300)), max_size=30),
    probes=st.lists(st.integers(-50, 100_000), max_size=20),
)
def test_property_matches_a_naive_prefix_sum(heights, updates, probes) -> None:
    height_map = HeightMap(heights)
    plain = list(heights)
    for row, value in updates:
        row %= len(plain)
        assert height_map.set(row, value) == value - plain[row]
        plain[row] = value
    tops = [0, *itertools.accumulate(plain)]
    assert height_map.total == tops[-1]
    for row in range(len(plain)):
        assert height_map.top(row) == tops[row]
    for y in probes:
        expected = 0 if y <= 0 else min(max(i for i in range(len(plain)) if tops[i] <= y), len(plain) - 1)
        assert height_map.row_at(y) == expected


def test_measured_flags_and_reset() -> None:
    height_map = HeightMap([10, 10, 10])
    assert not any(height_map.measured)
    height_map.set(1, 40)
    assert list(height_map.measured) == [0, 1, 0]
    height_map.set(2, 5, measured=False)
    assert list(height_map.measured) == [0, 1, 0]
    height_map.reset([1, 2])
    assert (len(height_map), height_map.total, list(height_map.measured)) == (2, 3, [0, 0])
    assert HeightMap().row_at(5) == -1


def test_a_hundred_thousand_rows() -> None:
    height_map = HeightMap([50] * 100_000)
    assert height_map.row_at(50 * 99_999 + 10) == 99_999
    height_map.set(0, 150)
    assert height_map.top(99_999) == 50 * 99_999 + 100
