"""Plain text → the structured document: paragraphs, headings, verse lines and sentences.

A text file says little about its structure, so this reads it as a careful person would:
- with blank lines in the file, a paragraph runs to the next blank line (single line breaks are
  hard wraps, read as spaces); without any, every line is a paragraph;
- a short line with no closing punctuation (and no «؟» or «!» with words after it: that is
  speech, a post's first line or a line of dialogue), followed by ordinary text, is a heading (the very
  first one is the document's title, level 1; later ones are chapters, level 2); a title and a
  chapter heading may stand together, but three or more short lines in a row are a list;
- a paragraph of several short unpunctuated lines is verse: one block per line.
Offsets stay exact: every segment is a span of the decoded text.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from reader.arabic.segment import segment_line
from reader.model.document import Document
from reader.model.nodes import Block, BlockKind, Segment, SourceLocation
from reader.model.sections import build_sections

_BLANK_LINE = re.compile(r"\n[^\S\n]*\n")
_HEADING_MAX_CHARS = 80
_HEADING_MAX_WORDS = 12
# A line ending in one of these is a sentence or a clause, not a title.
_CLOSING_PUNCTUATION = frozenset(".!?؟…:،؛,;")
_HEADING_RUN = 2
# A question or an exclamation with words after it is speech, not a title: «ليش محد رد علي؟
# ارسلت الإيميل من أمس!! الموضوع مستعجل» (a post's first line), «أين كنت؟» سأل الأب.
_INNER_QUESTION_OR_EXCLAMATION = re.compile(r"[!?؟]+\S*\s+\S")
PROGRESS_EVERY = 2000  # paragraphs between two progress reports (about 20 ms of work)
_TRAILING = " \t\u200e\u200f»\"”’')]"


def build_text_document(
    text: str,
    name: str = "",
    *,
    guess_structure: bool = True,
    progress: Callable[[float], None] | None = None,
) -> Document:
    """Structure and segment *text* (already decoded and normalised).

    Without *guess_structure* every line is a paragraph and nothing is a heading or verse.
    *progress* hears the share of the text done, every :data:`PROGRESS_EVERY` paragraphs.
    """
    ranges = _paragraph_ranges(text) if guess_structure else _line_ranges(text)
    blocks: list[Block] = []
    segments: list[Segment] = []
    candidates = [guess_structure and _may_be_heading(text, s, e) for s, e, _lines in ranges]
    headings = _heading_flags(candidates)
    for number, (start, end, lines) in enumerate(ranges):
        if progress is not None and number % PROGRESS_EVERY == 0:
            progress(start / max(len(text), 1))
        if len(lines) > 1 and all(_is_short_unpunctuated(text, s, e) for s, e in lines):
            units = [(s, e, BlockKind.VERSE, 0) for s, e in lines]
        else:
            if headings[number]:
                units = [(start, end, BlockKind.HEADING, 1 if not blocks else 2)]
            else:
                units = [(start, end, BlockKind.PARAGRAPH, 0)]
        for unit_start, unit_end, kind, level in units:
            spans = segment_line(text, unit_start, unit_end)
            if not spans:
                continue
            if kind is BlockKind.HEADING:  # a title is one unit, whatever marks it holds
                spans = [(spans[0][0], spans[-1][1])]
            block_id = len(blocks)
            ids = []
            for s, e in spans:
                ids.append(len(segments))
                segments.append(Segment(len(segments), block_id, text[s:e].replace("\n", " "), s, e))
            blocks.append(Block(block_id, kind, tuple(ids), level, location=SourceLocation("", spans[0][0])))

    def title_of(block: Block) -> str:
        return " ".join(segments[i].text for i in block.segment_ids)

    title = title_of(blocks[0]) if blocks and blocks[0].kind is BlockKind.HEADING else ""
    sections = build_sections(blocks, title_of)
    return Document(
        name=name, parts={"": text}, blocks=blocks, segments=segments, sections=sections, title=title
    )


def _heading_flags(candidates: list[bool]) -> list[bool]:
    """Which candidates are headings: those in a run of at most two short lines with ordinary
    text after it (a title and a chapter heading); a longer run is a list or a poem. One pass."""
    flags = [False] * len(candidates)
    number = 0
    while number < len(candidates):
        if not candidates[number]:
            number += 1
            continue
        run_end = number
        while run_end < len(candidates) and candidates[run_end]:
            run_end += 1
        if run_end < len(candidates) and run_end - number <= _HEADING_RUN:
            flags[number:run_end] = [True] * (run_end - number)
        number = run_end
    return flags


_Range = tuple[int, int, list[tuple[int, int]]]


def _line_ranges(text: str) -> list[_Range]:
    return [(s, e, [(s, e)]) for s, e in _lines(text, 0, len(text)) if text[s:e].strip()]


def _paragraph_ranges(text: str) -> list[_Range]:
    """``(start, end, lines)`` of each paragraph, before segmentation."""
    if _BLANK_LINE.search(text) is None:
        return _line_ranges(text)
    found = []
    start = 0
    for match in _BLANK_LINE.finditer(text):
        found.append((start, match.start()))
        start = match.end()
    found.append((start, len(text)))
    ranges = []
    for s, e in found:
        lines = [(ls, le) for ls, le in _lines(text, s, e) if text[ls:le].strip()]
        if lines:
            ranges.append((lines[0][0], lines[-1][1], lines))
    return ranges


def _lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    lines = []
    while start <= end:
        stop = text.find("\n", start, end)
        if stop < 0:
            stop = end
        lines.append((start, stop))
        start = stop + 1
    return lines


def _is_short_unpunctuated(text: str, start: int, end: int) -> bool:
    line = text[start:end].strip()
    if not line or "\n" in line or len(line) > _HEADING_MAX_CHARS:
        return False
    if len(line.split()) > _HEADING_MAX_WORDS:
        return False
    stripped = line.rstrip(_TRAILING)
    return bool(stripped) and stripped[-1] not in _CLOSING_PUNCTUATION and any(ch.isalpha() for ch in line)


def _may_be_heading(text: str, start: int, end: int) -> bool:
    """Short and unpunctuated, and no question or exclamation inside (verse lines may have one)."""
    return _is_short_unpunctuated(text, start, end) and not _INNER_QUESTION_OR_EXCLAMATION.search(
        text, start, end
    )
