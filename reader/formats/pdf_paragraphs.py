"""A PDF page's lines → its paragraphs: running heads and folios dropped, lines joined.

Running headers and footers (the same line, digits aside, in the top or bottom margin band of
many pages) and page numbers are dropped. Lines are joined into paragraphs unless a wider gap, a
change of size, or a short line ending a sentence separates them; a table's row (its cells
joined in reading order) and each footnote are paragraphs of their own. A Latin word hyphenated
at a line's end is mended.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from reader.formats.pdf_notes import starts_note
from reader.formats.pdf_tables import CELL_SEPARATOR

_PAGE_NUMBER = re.compile(
    r"^[\s\-–—|]*(?:page|صفحة|ص\.?)?\s*[0-9٠-٩۰-۹]+(?:\s*(?:/|of|من)\s*[0-9٠-٩۰-۹]+)?[\s\-–—|]*$",
    re.IGNORECASE,
)
_DIGITS = re.compile(r"[0-9٠-٩۰-۹]+")
SENTENCE_END = tuple('.!?؟…:»"”')
_RUNNING_SHARE = 0.5  # of the pages, for a repeated edge line to be a running head


@dataclass
class PageLine:
    """One line of a page as the paragraph builder needs it (PDF points)."""

    text: str
    top: float
    bottom: float
    width: float
    size: float = 0.0
    left: float = 0.0
    right: float = 0.0
    edge: bool = False  # in the top or bottom margin band, where running heads and folios live
    row: bool = False  # a table's row, its cells joined: a paragraph of its own
    note: bool = False  # a footnote's line


def joined_row(cells: list[PageLine]) -> PageLine:
    """A table row's cells (in reading order) as one line; a line alone as it is."""
    if len(cells) == 1:
        return cells[0]
    left, right = min(c.left for c in cells), max(c.right for c in cells)
    text = CELL_SEPARATOR.join(c.text for c in cells)
    top, bottom = max(c.top for c in cells), min(c.bottom for c in cells)
    return PageLine(text, top, bottom, right - left, max(c.size for c in cells), left, right, row=True)


def _edge_key(text: str) -> str:
    return _DIGITS.sub("#", " ".join(text.split()))


def drop_running_lines(pages: list[list[PageLine]]) -> list[list[PageLine]]:
    """Without page numbers and the running heads and feet repeated on many pages."""
    counts: Counter[str] = Counter()
    for page in pages:
        counts.update({_edge_key(line.text) for line in page if line.edge})
    needed = max(3, _RUNNING_SHARE * len(pages))
    running = {key for key, n in counts.items() if n >= needed}
    return [
        [
            line
            for line in page
            if not (line.edge and (_edge_key(line.text) in running or _PAGE_NUMBER.match(line.text)))
        ]
        for page in pages
    ]


def group_lines(page: list[PageLine]) -> list[list[PageLine]]:
    """The page's lines grouped into paragraphs; a change of font size starts one."""
    if not page:
        return []
    gaps = [page[k].bottom - page[k + 1].top for k in range(len(page) - 1)]
    pitches = [page[k].top - page[k + 1].top for k in range(len(page) - 1) if page[k].top > page[k + 1].top]
    pitch = statistics.median(pitches) if pitches else 0.0
    full_width = max(line.width for line in page)
    groups = [[page[0]]]
    for k in range(1, len(page)):
        before, line = page[k - 1], page[k]
        step = before.top - line.top
        wide_gap = pitch > 0 and (step > 1.6 * pitch or step < 0)
        # Lines of a paragraph run the full width but its last: a short line ends a paragraph
        # (or is a title) when it closes a sentence or is very short.
        short = before.width < 0.8 * full_width
        ended = short and (before.text.endswith(SENTENCE_END) or before.width < 0.6 * full_width)
        resized = abs(line.size - before.size) > 0.1 * max(line.size, before.size)
        noted = line.note != before.note or (line.note and starts_note(line.text))
        if wide_gap or ended or resized or gaps[k - 1] < -pitch or line.row or before.row or noted:
            groups.append([line])
        else:
            groups[-1].append(line)
    return groups


def join(lines: Iterable[str]) -> str:
    """Lines of one paragraph as one text: a Latin word hyphenated at a line end is mended."""
    text = ""
    for line in lines:
        line = line.strip()
        if text.endswith("-") and line[:1].isalpha() and text[-2:-1].isascii() and text[-2:-1].isalpha():
            text = text[:-1] + line
        else:
            text = f"{text} {line}" if text else line
    return text
