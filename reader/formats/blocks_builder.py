"""Blocks read from any format → the structured document, through one path and one segmenter.

Every reader (EPUB, DOCX, ODT, HTML, Markdown, PDF) produces :class:`RawBlock`s in reading order;
this module lays each part's blocks out as that part's source text (blocks separated by a blank
line, so segment spans index the part exactly), splits them into sentences with
:func:`reader.arabic.segment.segment_line`, decides which blocks are Arabic, and nests chapters with
:func:`reader.model.sections.build_sections`. A block that is not Arabic (an English quotation,
code) gets its own text as a :data:`Origin.SOURCE` rendering: it is shown as is, marked, counted
as done and never sent to the model.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from reader.arabic.segment import segment_line
from reader.errors import BadInput
from reader.formats.limits import check_block_chars, check_document_chars
from reader.model import (
    Block,
    BlockKind,
    Direction,
    Document,
    Origin,
    Rendering,
    Segment,
    SourceLocation,
    Status,
)
from reader.model.sections import build_sections

Progress = Callable[[float], None]
PROGRESS_EVERY = 2000  # blocks between two progress reports
_SPACES = re.compile(r"[^\S\n]+")
_BLOCK_SEPARATOR = "\n\n"
_SAMPLE = 400  # characters: enough to tell the language, cheap on long paragraphs
_OTHER_LETTER = re.compile("[A-Za-z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff\u05d0-\u05ea]")
_ARABIC_LETTER = re.compile(
    "[\u0621-\u064a\u066e-\u06d3\u06d5\u06fa-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufefc]"
)


@dataclass(frozen=True)
class RawBlock:
    """One block as a reader found it. ``lang``/``direction`` are what the source declared (None:
    not said); ``part`` names the file part (an EPUB chapter, ``footnotes``), ``page`` a PDF page."""

    kind: BlockKind
    text: str
    level: int = 0
    lang: str | None = None
    direction: Direction | None = None
    part: str = ""
    page: int | None = None
    confidence: float | None = None  # OCR's mean word confidence, 0–100 (None: not OCR'd)
    flags: tuple[str, ...] = ()  # doubts about the text (``OCR_DOUBT``)


def clean_text(text: str, *, keep_lines: bool = False) -> str:
    """Runs of spaces as one space and the ends trimmed; line breaks kept only if *keep_lines*."""
    if keep_lines:
        lines = [_SPACES.sub(" ", line).rstrip() for line in text.split("\n")]
        return "\n".join(lines).strip("\n")
    return " ".join(text.split())


def is_arabic(text: str) -> bool:
    """True when at least half the letters (of the first 400 characters) are Arabic; a block
    without letters (a number) counts as Arabic, as it would in a text file. Letters of the
    alphabetic scripts a quotation in an Arabic book is written in (Latin, Greek, Cyrillic,
    Hebrew) are counted first: most blocks have none, and then nothing else needs counting."""
    sample = text[:_SAMPLE]
    others = len(_OTHER_LETTER.findall(sample))
    if others == 0:
        return True
    return len(_ARABIC_LETTER.findall(sample)) >= others


def block_language(raw: RawBlock) -> tuple[str, Direction]:
    """The block's language tag and direction: the text decides whether it is Arabic (templates
    often declare ``lang="en"`` on Arabic books); a declared tag is kept when it agrees."""
    declared = (raw.lang or "").strip()
    declared_arabic = declared.split("-")[0].lower() == "ar"
    if raw.kind is not BlockKind.PREFORMATTED and is_arabic(raw.text):
        lang = declared if declared_arabic else "ar"
    else:
        lang = declared if declared and not declared_arabic else "und"
    arabic = lang.split("-")[0].lower() == "ar"
    direction = raw.direction or (Direction.RTL if arabic else Direction.LTR)
    return lang, direction


def build_document(
    raw_blocks: Iterable[RawBlock],
    *,
    name: str,
    title: str = "",
    progress: Progress | None = None,
) -> Document:
    """Segment *raw_blocks* into a :class:`Document`; :class:`BadInput` when nothing has text."""
    texts: dict[str, list[str]] = {}
    lengths: dict[str, int] = {}
    blocks: list[Block] = []
    segments: list[Segment] = []
    items = list(raw_blocks)
    check_block_sizes(items)
    for number, raw in enumerate(items):
        if progress is not None and number % PROGRESS_EVERY == 0:
            progress(number / max(len(items), 1))
        if raw.kind is BlockKind.PREFORMATTED:  # code keeps its indentation
            text = "\n".join(line.rstrip() for line in raw.text.split("\n")).strip("\n")
        else:
            text = clean_text(raw.text, keep_lines=raw.kind is BlockKind.VERSE)
        if not text:
            continue
        chunks = texts.setdefault(raw.part, [])
        start = lengths.get(raw.part, 0) + (len(_BLOCK_SEPARATOR) if chunks else 0)
        chunks.append(text)
        lengths[raw.part] = start + len(text)
        spans = [(start + s, start + e) for s, e in segment_line(text, 0, len(text))]
        if not spans:
            continue
        if raw.kind in (BlockKind.HEADING, BlockKind.PREFORMATTED):  # one unit, whatever marks it holds
            spans = [(spans[0][0], spans[-1][1])]
        lang, direction = block_language(raw)
        block_id = len(blocks)
        translatable = lang.split("-")[0].lower() == "ar"
        ids = []
        for s, e in spans:
            sentence = text[s - start : e - start].replace("\n", " ")
            segment = Segment(len(segments), block_id, sentence, s, e)
            if not translatable:
                as_is = Rendering(sentence, Origin.SOURCE)
                segment = Segment(segment.id, block_id, sentence, s, e, 0, Status.DONE, as_is)
            ids.append(segment.id)
            segments.append(segment)
        location = SourceLocation(raw.part, start, raw.page, raw.confidence)
        level = max(raw.level, 1) if raw.kind is BlockKind.HEADING else raw.level
        blocks.append(Block(block_id, raw.kind, tuple(ids), level, lang, direction, location, raw.flags))
    if not segments:
        raise BadInput("no text")
    parts = {part: _BLOCK_SEPARATOR.join(chunks) for part, chunks in texts.items()}

    def title_of(block: Block) -> str:
        return " ".join(segments[i].text for i in block.segment_ids)

    if not title and blocks[0].kind is BlockKind.HEADING:
        title = title_of(blocks[0])
    document = Document(
        name=name,
        parts=parts,
        blocks=blocks,
        segments=segments,
        sections=build_sections(blocks, title_of),
        title=title,
    )
    if progress is not None:
        progress(1.0)
    return document


def check_block_sizes(items: list[RawBlock]) -> None:
    """Refuse, before any segmenting, a block or a document over the limits of :mod:`reader.formats.limits`."""
    total = 0
    for raw in items:
        check_block_chars(len(raw.text))
        total += len(raw.text)
    check_document_chars(total)


def scaled(progress: Progress | None, start: float, end: float) -> Progress | None:
    """*progress* seen through a sub-range: a stage that reports 0…1 moves it from *start* to *end*."""
    if progress is None:
        return None
    report = progress
    return lambda fraction: report(start + (end - start) * fraction)
