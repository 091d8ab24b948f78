"""A PDF page's tables, told by their rows: cells side by side on one baseline, row after row.

A table's cells come out of the line reader as separate lines (their gaps are column gutters);
read one by one they make a paragraph of each cell, out of order on a right-to-left page. Two or
more lines sharing a band, without overlapping, are a row; two or more rows one after the other
are a table, and each row is read as one block, its cells in reading order (right to left on an
Arabic page). A lone band of several pieces (a heading with a page number far from it) is left
alone, and so is a sentence beside its translation (a bilingual page's columns). A cell's wrapped
line, alone in its band between two rows, is a block of its own.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol, TypeVar

CELL_SEPARATOR = " | "
_SAME_BAND = 0.3  # of the font size: cells whose vertical centres are this close share a row
_MIN_ROWS = 2
_PAIR_WORDS = 3  # words in each cell for a band to be a sentence beside its translation


class _Placed(Protocol):
    text: str
    top: float
    bottom: float
    left: float
    right: float
    size: float


_L = TypeVar("_L", bound=_Placed)


def table_rows(lines: Sequence[_L], rtl: bool) -> list[list[_L]]:
    """*lines* (reading order) grouped: a table's row as its cells in reading order, every other
    line alone."""
    bands = _bands(lines)
    groups: list[list[_L]] = []
    k = 0
    while k < len(bands):
        end, rows = k, 0
        while end < len(bands) and (_row(bands[end]) or _wrapped(bands, end, k)):
            rows += len(bands[end]) > 1
            end += 1
        if rows >= _MIN_ROWS:
            for band in bands[k:end]:
                groups.append(sorted(band, key=lambda line: -line.right if rtl else line.left))
            k = end
        else:
            groups += [[line] for line in bands[k]]
            k += 1
    return groups


def _row(band: Sequence[_Placed]) -> bool:
    """Several cells, and not a sentence beside its translation (a side-by-side bilingual page
    whose columns are too short to tell: one Arabic, one Latin, each of several words)."""
    if len(band) < 2:
        return False
    return not (len(band) == 2 and {_script(band[0].text), _script(band[1].text)} == {"arabic", "latin"})


def _script(text: str) -> str:
    """ "arabic" or "latin" for a text of several words in that script alone, else ""."""
    if len(text.split()) < _PAIR_WORDS:
        return ""
    arabic = sum("\u0600" <= ch <= "\u06ff" for ch in text)
    latin = sum(ch.isascii() and ch.isalpha() for ch in text)
    return "arabic" if arabic and not latin else "latin" if latin and not arabic else ""


def _wrapped(bands: Sequence[Sequence[_Placed]], at: int, start: int) -> bool:
    """A lone line inside a table (a cell's wrapped line): rows before and after it."""
    return at > start and at + 1 < len(bands) and len(bands[at]) == 1 and _row(bands[at + 1])


def _bands(lines: Sequence[_L]) -> list[list[_L]]:
    """Runs of consecutive lines on one baseline that do not overlap across."""
    bands: list[list[_L]] = []
    for line in lines:
        band = bands[-1] if bands else None
        if band is not None and _same_band(band[0], line) and not any(_overlap(cell, line) for cell in band):
            band.append(line)
        else:
            bands.append([line])
    return bands


def _same_band(a: _Placed, b: _Placed) -> bool:
    return abs((a.top + a.bottom) - (b.top + b.bottom)) / 2 < _SAME_BAND * max(a.size, b.size, 1.0)


def _overlap(a: _Placed, b: _Placed) -> bool:
    return min(a.right, b.right) > max(a.left, b.left)
