"""A PDF page's footnotes: the lines at its foot set smaller than its text, the first one numbered.

Read as body text, a footnote ends up inside the paragraph that runs on to the next page (the
next page's first lines are joined to it) or passes for a short paragraph of its own. Here the
page's last lines (running feet and folios already dropped) set at most 85 % of the page's body
size, the first of them starting with a note mark (a number, a bracketed number, an asterisk
or a dagger), are its notes; each line that starts with a mark starts a note.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from typing import Protocol

_NOTE_SCALE = 0.85  # of the page's body size: footnotes are set at most this large
_MARK = re.compile(r"^\s*(?:[(\[]?[0-9٠-٩۰-۹]{1,3}[)\].-]?|[¹²³⁴⁵⁶⁷⁸⁹⁰]+|[*†‡]+)(?:\s|$)")


class _Line(Protocol):
    text: str
    size: float


def starts_note(text: str) -> bool:
    """True when *text* opens with a note mark: «1 », «(2) », «٣. », «* », «¹ »."""
    return _MARK.match(text) is not None


def notes_from(lines: Sequence[_Line]) -> int:
    """Where the page's footnotes begin among its *lines* (reading order); ``len(lines)`` when
    it has none."""
    sizes: Counter[float] = Counter()
    for line in lines:
        if line.size > 0:
            sizes[round(line.size, 1)] += len(line.text)
    if not sizes:
        return len(lines)
    body = sizes.most_common(1)[0][0]
    start = len(lines)
    while start > 0 and 0 < lines[start - 1].size <= _NOTE_SCALE * body:
        start -= 1
    while start < len(lines) and not starts_note(lines[start].text):
        start += 1  # small lines that open with no mark: a caption, not a note
    if start == 0:
        return len(lines)  # a page set small throughout is text, not notes
    return start
