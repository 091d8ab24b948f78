"""Row heights of a long list: prefix sums in O(log n), whole-map re-estimates in one vector pass.

The reading view keeps one height per segment: an estimate until the row has been laid out,
then the measured value (CodeMirror's height map). A Fenwick tree gives the top of any row and
the row at any scroll offset in O(log n), and changes one row in O(log n), so nothing per event
is O(document). Rebuilding after a zoom or resize is one numpy pass (about 2 ms for 100 000 rows).
No Qt here: plain arithmetic, tested on its own.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np


class HeightMap:
    """Heights of ``len(self)`` rows and which of them were measured."""

    def __init__(self, heights: Sequence[int] | np.ndarray = ()) -> None:
        self.reset(heights)

    def reset(self, heights: Sequence[int] | np.ndarray) -> None:
        """Replace every height (all unmeasured): after a zoom, a resize, a new document."""
        values = np.maximum(np.asarray(heights, dtype=np.int64), 1) if len(heights) else np.zeros(0, np.int64)
        n = len(values)
        cumulative = np.concatenate(([0], np.cumsum(values)))
        index = np.arange(1, n + 1)
        tree = cumulative[index] - cumulative[index - (index & -index)]
        self._heights: list[int] = values.tolist()
        self._tree: list[int] = [0, *tree.tolist()]
        self._total = int(cumulative[-1])
        self.measured = bytearray(n)
        self._top_bit = 1 << (n.bit_length() - 1) if n else 0

    def splice(self, row: int, removed: int, heights: Sequence[int]) -> None:
        """Replace *removed* rows from *row* on by rows of these (unmeasured) heights, keeping
        every other row's height and measurement (a split or merge): one vector pass."""
        values = self._heights[:row] + [max(int(h), 1) for h in heights] + self._heights[row + removed :]
        measured = self.measured[:row] + bytearray(len(heights)) + self.measured[row + removed :]
        self.reset(values)
        self.measured = measured

    def __len__(self) -> int:
        return len(self._heights)

    @property
    def total(self) -> int:
        return self._total

    def height(self, row: int) -> int:
        return self._heights[row]

    def set(self, row: int, height: int, *, measured: bool = True) -> int:
        """Give *row* a new height; returns the change in pixels."""
        height = max(int(height), 1)
        delta = height - self._heights[row]
        if measured:
            self.measured[row] = 1
        if delta:
            self._heights[row] = height
            self._total += delta
            i, tree, n = row + 1, self._tree, len(self._heights)
            while i <= n:
                tree[i] += delta
                i += i & -i
        return delta

    def top(self, row: int) -> int:
        """Pixels above *row* (the sum of every earlier height); ``top(len)`` is the total."""
        total, i, tree = 0, row, self._tree
        while i > 0:
            total += tree[i]
            i -= i & -i
        return total

    def row_at(self, y: int) -> int:
        """The row covering offset *y* (clamped to the first and last row); -1 when empty."""
        n = len(self._heights)
        if n == 0:
            return -1
        if y <= 0:
            return 0
        position, remaining, step, tree = 0, y, self._top_bit, self._tree
        while step:
            nxt = position + step
            if nxt <= n and tree[nxt] <= remaining:
                position = nxt
                remaining -= tree[nxt]
            step >>= 1
        return min(position, n - 1)
