"""A PDF page's layout: columns read one after the other, headings once.

Two-column pages (papers, magazines) are told by a gutter, an empty strip down the middle that
lines stop short of on both sides; they are read column by column, the right one first on a
right-to-left page.

A producer that writes an outline (LibreOffice, Typst, our own export) also prints the heading on
the page: the outline's title (typed text, the producer's own) replaces the printed line where
that line is found on the title's page, and stands at the page's top only when it is not.
Without an outline, a short paragraph set clearly larger than the body text is a heading, its
level by its size among the document's heading sizes.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol, TypeVar

from reader.model import BlockKind

_HEADING_SCALE = 1.15  # of the body size: a paragraph set this much larger may be a heading
_HEADING_LINES = 2
_HEADING_CHARS = 120
_MIDDLE = (0.25, 0.75)  # of the page width: where a column gutter may run
_GUTTER_WIDTH = 8  # points: an empty strip at least this wide
_COLUMN_LINES = 3  # lines needed on each side of it


@dataclass(frozen=True)
class PageParagraph:
    text: str
    size: float  # the font size of its lines (the largest), in points; 0 when read by OCR
    lines: int
    confidence: float | None = None  # OCR's mean word confidence (0–100); None for a text layer
    role: str = ""  # ROW: a table's row; NOTE: a footnote; "": running text


ROW, NOTE = "row", "note"


@dataclass(frozen=True)
class PageBlock:
    kind: BlockKind
    text: str
    level: int = 0
    confidence: float | None = None  # the paragraph's, when read by OCR
    role: str = ""  # the paragraph's (ROW, NOTE)


def body_size(paragraphs: Sequence[PageParagraph]) -> float:
    """The size most of the text is set in (by characters)."""
    counts: Counter[float] = Counter()
    for paragraph in paragraphs:
        if paragraph.size > 0:
            counts[round(paragraph.size, 1)] += len(paragraph.text)
    return counts.most_common(1)[0][0] if counts else 0.0


def heading_levels(paragraphs: Sequence[PageParagraph], body: float) -> dict[float, int]:
    """Heading sizes, largest first, as levels 1, 2, 3 (smaller ones share level 3)."""
    sizes = sorted({round(p.size, 1) for p in paragraphs if _looks_like_heading(p, body)}, reverse=True)
    return {size: min(k + 1, 3) for k, size in enumerate(sizes)}


def page_blocks(
    paragraphs: Sequence[PageParagraph],
    titles: Sequence[tuple[str, int]],
    levels: dict[float, int],
    body: float,
) -> list[PageBlock]:
    """The page's blocks in reading order, outline titles placed where they are printed."""
    waiting = {_key(title): (title, level) for title, level in titles}
    placed: list[PageBlock] = []
    for paragraph in paragraphs:
        if paragraph.role:
            placed.append(PageBlock(BlockKind.PARAGRAPH, paragraph.text, role=paragraph.role))
            continue
        found = waiting.pop(_key(paragraph.text), None)
        if found is not None:
            placed.append(PageBlock(BlockKind.HEADING, found[0], found[1]))
        elif not titles and _looks_like_heading(paragraph, body):
            placed.append(
                PageBlock(BlockKind.HEADING, paragraph.text, levels.get(round(paragraph.size, 1), 3))
            )
        else:
            placed.append(PageBlock(BlockKind.PARAGRAPH, paragraph.text, confidence=paragraph.confidence))
    unplaced = [PageBlock(BlockKind.HEADING, title, level) for title, level in waiting.values()]
    return unplaced + placed


def _looks_like_heading(paragraph: PageParagraph, body: float) -> bool:
    return (
        body > 0
        and paragraph.size >= _HEADING_SCALE * body
        and paragraph.lines <= _HEADING_LINES
        and len(paragraph.text) <= _HEADING_CHARS
    )


def _key(text: str) -> str:
    folded = unicodedata.normalize("NFKC", text)
    return " ".join("".join(ch for ch in folded if not unicodedata.combining(ch)).split())


class _Placed(Protocol):
    left: float
    right: float


_L = TypeVar("_L", bound=_Placed)


def reading_order(lines: Sequence[_L], width: float, rtl: bool) -> list[_L]:
    """The page's lines (top to bottom, a band's pieces left to right) in reading order: where a
    gutter runs down the middle of the page, column by column (the right one first on a
    right-to-left page), lines across the gutter (a title over both columns) kept in place."""
    gutter = _gutter(lines, width)
    if gutter is None:
        return list(lines)
    start, end = gutter
    ordered: list[_L] = []
    first: list[_L] = []
    second: list[_L] = []
    for line in lines:
        if line.right > start and line.left < end:  # across the gutter, or in it
            ordered += first + second + [line]
            first, second = [], []
        elif (line.left >= end) == rtl:
            first.append(line)
        else:
            second.append(line)
    return ordered + first + second


def _gutter(lines: Sequence[_Placed], width: float) -> tuple[float, float] | None:
    """The widest empty vertical strip in the middle of the page, when both sides hold lines."""
    if len(lines) < 2 * _COLUMN_LINES or width <= 0:
        return None
    bins = int(width) + 2
    change = [0] * (bins + 1)
    for line in lines:
        change[max(int(line.left), 0)] += 1
        change[min(int(line.right) + 1, bins)] -= 1
    coverage, running = [], 0
    for step in change[:bins]:
        running += step
        coverage.append(running)
    allowed = max(1, len(lines) // 10)  # titles across both columns
    best: tuple[int, int] | None = None
    k, stop = int(width * _MIDDLE[0]), int(width * _MIDDLE[1])
    while k < stop:
        if coverage[k] > allowed:
            k += 1
            continue
        end = k
        while end < bins and coverage[end] <= allowed:
            end += 1
        if best is None or end - k > best[1] - best[0]:
            best = (k, end)
        k = end
    if best is None or best[1] - best[0] < _GUTTER_WIDTH:
        return None
    start, end = best
    left = [line for line in lines if line.right <= start + 1]
    right = [line for line in lines if line.left >= end - 1]
    if not (_filled_column(left) and _filled_column(right)):
        return None
    return float(start), float(end)


def _filled_column(lines: Sequence[_Placed]) -> bool:
    """Enough lines, most of them filling the column: running text, not a table's cells."""
    if len(lines) < _COLUMN_LINES:
        return False
    span = max(line.right for line in lines) - min(line.left for line in lines)
    full = sum(1 for line in lines if line.right - line.left >= 0.7 * span)
    return full * 2 >= len(lines)
