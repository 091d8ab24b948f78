"""A PDF page's paragraphs → headings and paragraphs, each heading once.

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

from reader.model import BlockKind

_HEADING_SCALE = 1.15  # of the body size: a paragraph set this much larger may be a heading
_HEADING_LINES = 2
_HEADING_CHARS = 120


@dataclass(frozen=True)
class PageParagraph:
    text: str
    size: float  # the font size of its lines (the largest), in points; 0 when read by OCR
    lines: int
    confidence: float | None = None  # OCR's mean word confidence (0–100); None for a text layer


@dataclass(frozen=True)
class PageBlock:
    kind: BlockKind
    text: str
    level: int = 0


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
        found = waiting.pop(_key(paragraph.text), None)
        if found is not None:
            placed.append(PageBlock(BlockKind.HEADING, found[0], found[1]))
        elif not titles and _looks_like_heading(paragraph, body):
            placed.append(
                PageBlock(BlockKind.HEADING, paragraph.text, levels.get(round(paragraph.size, 1), 3))
            )
        else:
            placed.append(PageBlock(BlockKind.PARAGRAPH, paragraph.text))
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
