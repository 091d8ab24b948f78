"""Page geometry and the rule that keeps a sentence pair together across page breaks.

Pure arithmetic in millimetres, no fpdf2: a pair is a set of *stacks* (columns of rows) that all
start at the same height. It is placed whole on the current page if it fits, else whole on the
next page; only a pair taller than a page is split, and then every stack continues at the top
of the next page, so the two languages stay level.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

LAYOUTS = ("side-by-side", "interleaved")
PAGE_SIZES = {"A4": (210.0, 297.0), "Letter": (215.9, 279.4)}


@dataclass(frozen=True)
class TextStyle:
    """How a row of text is drawn: font family/style/size (pt), line height (mm), direction,
    alignment in its column ("L", "R" or "C"), grey level (0 black … 255 white) or an RGB colour
    (which wins over the grey), and whether it may be justified (stretched to the column's width)."""

    family: str
    style: str
    size: float
    line_height: float
    rtl: bool
    align: Literal["L", "R", "C"]
    grey: int = 0
    colour: tuple[int, int, int] | None = None
    justify: bool = False

    @property
    def lang(self) -> str:
        """The BCP 47 tag of text in this style (Arabic rows are "ar", the others English)."""
        return "ar" if self.rtl else "en"


@dataclass(frozen=True)
class Row:
    """One wrapped line of text, or vertical space when ``text`` is None; ``last`` marks a
    paragraph's last line (never justified)."""

    text: str | None
    style: TextStyle | None
    height: float
    last: bool = True


@dataclass(frozen=True)
class Stack:
    """Rows drawn one under the other in the column ``x``..``x + width``."""

    x: float
    width: float
    rows: tuple[Row, ...]

    @property
    def height(self) -> float:
        return sum(row.height for row in self.rows)


@dataclass(frozen=True)
class PlacedRow:
    """A row at its final position on a page."""

    row: Row
    x: float
    width: float
    y: float


@dataclass(frozen=True)
class PageFrame:
    """The usable area of every page: margins, the two columns and the gutter between them."""

    width: float
    height: float
    margin: float = 18.0
    top: float = 18.0
    bottom_margin: float = 18.0
    gutter: float = 10.0

    @classmethod
    def for_size(cls, page_size: str) -> PageFrame:
        width, height = PAGE_SIZES[page_size]
        return cls(width, height)

    @property
    def bottom(self) -> float:
        return self.height - self.bottom_margin

    @property
    def body_width(self) -> float:
        return self.width - 2 * self.margin

    @property
    def column_width(self) -> float:
        return (self.body_width - self.gutter) / 2

    @property
    def english_x(self) -> float:
        """Left column: English reads from the left edge."""
        return self.margin

    @property
    def arabic_x(self) -> float:
        """Right column: Arabic starts at the right edge."""
        return self.margin + self.column_width + self.gutter

    @property
    def gutter_x(self) -> float:
        return self.margin + self.column_width


def place_block(
    stacks: list[Stack], y: float, top: float, bottom: float
) -> tuple[list[list[PlacedRow]], float]:
    """Place stacks that start level at ``y``; return rows per page and the height reached.

    ``pages[0]`` goes on the current page, each later entry on a new page whose body starts at
    ``top``. The returned height is where the next block may start on the last page.
    """
    height = max((stack.height for stack in stacks), default=0.0)
    if y + height <= bottom:
        return [_stack_rows(stacks, y)], y + height
    if height <= bottom - top:
        return [[], _stack_rows(stacks, top)], top + height
    start_page = 0 if bottom - y >= (bottom - top) / 4 else 1
    return _flow(stacks, top if start_page else y, start_page, top, bottom)


def _stack_rows(stacks: list[Stack], y: float) -> list[PlacedRow]:
    placed = []
    for stack in stacks:
        cursor = y
        for row in stack.rows:
            placed.append(PlacedRow(row, stack.x, stack.width, cursor))
            cursor += row.height
    return placed


def _flow(
    stacks: list[Stack], y: float, start_page: int, top: float, bottom: float
) -> tuple[list[list[PlacedRow]], float]:
    """Split a block taller than a page: each stack runs on at the top of the next page."""
    pages: list[list[PlacedRow]] = [[] for _ in range(start_page + 1)]
    ends: list[tuple[int, float]] = []
    for stack in stacks:
        page, cursor = start_page, y
        for row in stack.rows:
            if cursor + row.height > bottom and cursor > top:
                page, cursor = page + 1, top
            if row.text is None and cursor == top:
                continue  # no blank space at the top of a continuation page
            while len(pages) <= page:
                pages.append([])
            pages[page].append(PlacedRow(row, stack.x, stack.width, cursor))
            cursor += row.height
        ends.append((page, cursor))
    last_page = max(page for page, _ in ends)
    while len(pages) <= last_page:
        pages.append([])
    return pages, max(cursor for page, cursor in ends if page == last_page)
