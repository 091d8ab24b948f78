"""Lay out, in idle turns, the rows the reader is about to see, so the key that shows them only paints.

A row never laid out costs about a millisecond per side to shape and wrap (more while a book
translates on the other cores). A PageDown or a jump to the next Find hit brings a whole screen
of such rows at once, and laying them out was most of that keystroke's stall. After each paint,
:class:`LayoutAhead` measures (and so caches the layouts of) the rows of the page below the
screen, then of the page above it, and first of all around the rows it was told of (the next Find
hit): a few rows per idle turn of the event loop, at most :data:`SLICE_MS` each, so a key pressed
meanwhile waits for one slice at most. The view keeps the reader's place while heights change
off screen (its anchor), as it does for any measured row.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator

from PySide6.QtCore import QObject, QTimer, Signal

from reader.ui.height_map import HeightMap

SLICE_MS = 4.0
"""The longest one idle turn lays out for."""
QUIET_MS = 15
"""How long the view goes unpainted before a turn: the key that painted it may have more events
(its paint, a repeat) right behind it, and a turn there would add to their stall."""


class LayoutAhead(QObject):
    """See the module docstring. :meth:`schedule` after a paint; :meth:`prefer` a row to show next.

    Signals: finished() — a turn found every wanted row laid out (until the next paint).
    """

    finished = Signal()

    def __init__(
        self,
        heights: HeightMap,
        screen: Callable[[], tuple[int, int]],
        measure: Callable[[int], None],
        parent: QObject | None = None,
        *,
        clock: Callable[[], float] = time.perf_counter,
    ) -> None:
        """*screen* gives the scroll offset and page height in pixels; *measure* lays a row out
        and records its height (keeping the reader's place)."""
        super().__init__(parent)
        self.heights, self.screen, self.measure = heights, screen, measure
        self.clock = clock
        self._preferred: list[int] = []
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(QUIET_MS)
        self._timer.timeout.connect(self._slice)

    def schedule(self) -> None:
        """A turn once the view has been quiet for :data:`QUIET_MS` (each call starts it again)."""
        self._timer.start()

    def prefer(self, rows: list[int]) -> None:
        """Lay out the screen that showing any of *rows* would bring, before the pages around."""
        self._preferred = list(rows)
        self.schedule()

    def forget(self) -> None:
        """Rows renumbered or gone (a new document, a split): the preferred rows no longer hold."""
        self._preferred = []

    def _slice(self) -> None:
        deadline = self.clock() + SLICE_MS / 1000
        for row in self._wanted():
            if not self.heights.measured[row]:
                self.measure(row)
                if self.clock() >= deadline:
                    self._timer.start()  # more next turn
                    return
        self.finished.emit()

    def _wanted(self) -> Iterator[int]:
        """Rows in the order they are wanted: around each preferred row, then below, then above."""
        count = len(self.heights)
        scroll, page = self.screen()
        if not count or page <= 0:
            return
        first, last = self.heights.row_at(scroll), self.heights.row_at(scroll + page - 1)
        for row in self._preferred:
            if 0 <= row < count and not first <= row <= last:
                # Shown at the bottom of the screen when it lies below, at the top when above.
                yield from self._span(row, -1 if row > last else 1, page)
        yield from self._span(last + 1, 1, page)
        yield from self._span(first - 1, -1, page)

    def _span(self, row: int, step: int, page: int) -> Iterator[int]:
        """Rows from *row* on in direction *step* until they fill a page (by their heights now)."""
        filled, count = 0, len(self.heights)
        while 0 <= row < count and filled < page:
            yield row
            filled += self.heights.height(row)
            row += step
