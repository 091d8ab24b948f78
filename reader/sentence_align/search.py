"""The search: banded dynamic programming, coarse to fine (the shape of Vecalign's, not its code).

A pair small enough (``FULL_CELLS``) is searched whole. A larger one is first aligned with both
sides halved (pairs of sentences as units), recursively; the fine search then looks only within
``BAND`` units of that path. Row by row, every link shape's cost is computed for the whole row
at once; 0-1 links, which chain within a row, are a running minimum. Memory is one byte per band
cell for the way back plus two rows of costs.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from reader.sentence_align.costs import PairModel, RowCosts
from reader.sentence_align.sides import FloatArray, IntArray, Side

# Link shapes other than 0-1 (which is handled as a chain within a row). 2-2 did not pay off:
# with it, 95.8 % of the links of ten synthetic bitexts were found, without it 96.1 %.
SHAPES: tuple[tuple[int, int], ...] = ((1, 1), (1, 0), (1, 2), (2, 1), (1, 3), (3, 1))
INSERTION = len(SHAPES)
FULL_CELLS = 400_000
BAND = 12
CHECK_EVERY = 256

Bead = tuple[int, int, int, int]  # Arabic units [i0, i1) with English units [j0, j1)
ExtraCost = Callable[[int, int, IntArray, int], FloatArray]
Usefulness = Callable[[list["Bead"]], bool]


class AlignmentCancelled(Exception):
    """The caller asked the alignment to stop (a window's Cancel)."""


@dataclass
class Progress:
    """Rows searched over rows to search, across resolutions; *stop* is polled every few rows."""

    total: int
    report: Callable[[int, int], None] | None = None
    stop: Callable[[], bool] | None = None
    done: int = 0

    def advance(self, rows: int) -> None:
        self.done += rows
        if self.stop is not None and self.stop():
            raise AlignmentCancelled
        if self.report is not None:
            self.report(min(self.done, self.total), self.total)


def band_around(beads: list[Bead], n: int, m: int, width: int, scale: int) -> tuple[IntArray, IntArray]:
    """For each row 0..n, the English range within *width* of a path given at 1/*scale*."""
    lo = np.full(n + 1, m, dtype=np.int64)
    hi = np.zeros(n + 1, dtype=np.int64)
    for i0, i1, j0, j1 in beads:
        r0, r1 = min(i0 * scale, n), min(i1 * scale, n)
        lo[r0 : r1 + 1] = np.minimum(lo[r0 : r1 + 1], j0 * scale - width)
        hi[r0 : r1 + 1] = np.maximum(hi[r0 : r1 + 1], min(j1 * scale, m) + width)
    return finish_band(lo, hi, m)


def finish_band(lo: IntArray, hi: IntArray, m: int) -> tuple[IntArray, IntArray]:
    lo = np.minimum.accumulate(np.clip(lo, 0, m)[::-1])[::-1].copy()
    hi = np.maximum.accumulate(np.clip(hi, 0, m))
    lo[0], hi[-1] = 0, m
    return lo, np.maximum(hi, lo)


def search_band(
    source: Side,
    target: Side,
    model: PairModel,
    lo: IntArray,
    hi: IntArray,
    progress: Progress,
    extra: ExtraCost | None = None,
) -> list[Bead] | None:
    """The cheapest path from (0, 0) to (n, m) within the band, or None when the band holds none."""
    n = source.n
    row_costs = RowCosts(source, target, model)
    rows: list[FloatArray] = []
    back: list[np.ndarray] = []
    for i in range(n + 1):
        width = int(hi[i] - lo[i] + 1)
        best = np.full(width, np.inf)
        choice = np.full(width, -1, dtype=np.int8)
        if i == 0:
            best[0] = 0.0
        for shape_index, (a, b) in enumerate(SHAPES):
            p = i - a
            if p < 0:
                continue
            start = max(int(lo[i]), int(lo[p]) + b)
            stop = min(int(hi[i]), int(hi[p]) + b)
            if start > stop:
                continue
            cost = row_costs.costs(p, a, start - b, stop - start + 1, b)
            if extra is not None and a and b:
                cost = cost + extra(p, a, np.arange(start - b, stop - b + 1, dtype=np.int64), b)
            candidate = rows[p][start - b - lo[p] : stop - b - lo[p] + 1] + cost
            window = slice(start - int(lo[i]), stop - int(lo[i]) + 1)
            better = candidate < best[window]
            best[window] = np.where(better, candidate, best[window])
            choice[window] = np.where(better, shape_index, choice[window])
        if width > 1:  # 0-1 links chain along the row: a running minimum over prefix sums
            step = row_costs.costs(i, 0, int(lo[i]), width - 1, 1)
            total = np.concatenate(([0.0], np.cumsum(step)))
            chained = total + np.minimum.accumulate(best - total)
            inserted = chained < best - 1e-9
            best = np.where(inserted, chained, best)
            choice[inserted] = INSERTION
        rows.append(best)
        back.append(choice)
        if i % CHECK_EVERY == CHECK_EVERY - 1:
            progress.advance(CHECK_EVERY)
    progress.advance(n % CHECK_EVERY + 1)
    if not np.isfinite(rows[n][target.n - lo[n]]):
        return None
    return _trace(back, lo, n, target.n)


def _trace(back: list[np.ndarray], lo: IntArray, n: int, m: int) -> list[Bead]:
    beads: list[Bead] = []
    i, j = n, m
    while i > 0 or j > 0:
        shape = int(back[i][j - lo[i]])
        a, b = (0, 1) if shape == INSERTION else SHAPES[shape]
        beads.append((i - a, i, j - b, j))
        i, j = i - a, j - b
    beads.reverse()
    return beads


def levels(source: Side, target: Side) -> list[tuple[Side, Side]]:
    """The pair at full resolution first, then halved until small enough to search whole."""
    pyramid = [(source, target)]
    while pyramid[-1][0].n * pyramid[-1][1].n > FULL_CELLS and min(pyramid[-1][0].n, pyramid[-1][1].n) > 1:
        s, t = pyramid[-1]
        pyramid.append((s.halved(), t.halved()))
    return pyramid


def search(
    source: Side,
    target: Side,
    model: PairModel,
    progress: Progress,
    extra: ExtraCost | None = None,
    useful: Usefulness | None = None,
) -> list[Bead]:
    """Coarse to fine; a band that turns out too narrow is widened, at worst to the whole grid.

    At full resolution the search runs twice: the length model's variance is refitted to the
    1-1 links of the first pass (coarse units are too often cut across a merge to fit it).
    *extra* (the bridge's cost) is used only then, in a narrow band around the path found
    without it: it is the costly term and the path without it is rarely far off. *useful* may
    veto it on that path (a machine English that does not resemble the human English).
    """
    pyramid = levels(source, target)
    beads: list[Bead] = []
    for depth in range(len(pyramid) - 1, -1, -1):
        s, t = pyramid[depth]
        if depth == len(pyramid) - 1:
            lo = np.zeros(s.n + 1, dtype=np.int64)
            hi = np.full(s.n + 1, t.n, dtype=np.int64)
        else:
            lo, hi = band_around(beads, s.n, t.n, BAND, 2)
        found = _widening(s, t, model, lo, hi, progress, None)
        if depth == 0:
            model = model.refitted(s, t, found)
            found = _widening(s, t, model, lo, hi, progress, None)
        beads = found
    if extra is not None and (useful is None or useful(beads)):
        lo, hi = band_around(beads, source.n, target.n, BAND // 3, 1)
        beads = _widening(source, target, model, lo, hi, progress, extra)
    return beads


def _widening(
    s: Side,
    t: Side,
    model: PairModel,
    lo: IntArray,
    hi: IntArray,
    progress: Progress,
    extra: ExtraCost | None,
) -> list[Bead]:
    """The search in band (lo, hi), or in a wider one around its middle when it holds no path."""
    while True:
        found = search_band(s, t, model, lo, hi, progress, extra)
        if found is not None:
            return found
        widen = np.maximum(hi - lo, 8)
        lo, hi = finish_band(lo - 2 * widen, hi + 2 * widen, t.n)
