"""What every exporter reads from the model besides the sentences: the title and the chapters.

A bilingual book is published under its own title: its first heading (with the English beside it
when the heading is translated), else the title its metadata gives, else its first sentence
shortened (a news article has no heading; its file name, ``news_us_russia_talks_switzerland``,
read as a title to nobody), and only an empty document by its file name (without the extension). Chapters are the model's sections in reading
order, each with its own blocks; the PDF makes bookmarks of them, the EPUB one file each.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import PurePath

from reader.model import Block, BlockKind, Document, Section, Segment, Status

UNTITLED = "Untitled document"
MISSING_MARK = "[not translated]"
TITLE_WORDS, TITLE_CHARS = 8, 60  # a first sentence standing in for a title is cut to this
_LANGUAGE_SUFFIX = re.compile(r"\.[a-z]{2,3}(-[A-Za-z0-9]+)?$")  # "news.ar" → "news"


@dataclass(frozen=True)
class Title:
    """The title, its English (None when not translated) and the heading block it came from."""

    text: str
    translation: str | None
    block_id: int | None


@dataclass(frozen=True)
class Chapter:
    """A section in reading order: its heading's text (``""`` for text before the first heading),
    its English, its depth (0 at the top) and its own blocks (not its subsections')."""

    title: str
    translation: str | None
    depth: int
    heading_block: int | None
    block_ids: tuple[int, ...]


def translation_of(segment: Segment) -> str | None:
    """The English to publish for a segment, or None (pending or failed)."""
    return segment.translation if segment.status is Status.DONE and segment.translation else None


def block_translation(document: Document, block: Block) -> str | None:
    """The block's English, only if every one of its sentences has one."""
    parts = [translation_of(s) for s in document.segments_of(block)]
    if not parts or any(p is None for p in parts):
        return None
    return " ".join(p for p in parts if p)


def file_title(name: str) -> str:
    """A title from a file name: ``news_talks.ar.txt`` → ``news_talks``."""
    stem = PurePath(name).name
    if "." in stem:
        stem = stem.rsplit(".", 1)[0]
    stem = _LANGUAGE_SUFFIX.sub("", stem)
    return stem.strip() or UNTITLED


def shorten(text: str, words: int = TITLE_WORDS, chars: int = TITLE_CHARS) -> str:
    """The first *words* words of *text* (fewer if they pass *chars*), with «…» when cut."""
    found = text.split()
    kept: list[str] = []
    for word in found[:words]:
        if kept and len(" ".join([*kept, word])) > chars:
            break
        kept.append(word)
    short = " ".join(kept)
    if len(kept) == len(found):
        return short
    return short.rstrip(".,;:!?،؛؟…-–—") + "…"


def document_title(document: Document) -> Title:
    """The first heading, else the document's own (metadata) title, else its first sentence
    shortened, else its file name (see the module docstring)."""
    headings = [block for _, block in document.headings()]
    if headings:
        block = headings[0]
        return Title(document.block_text(block), block_translation(document, block), block.id)
    if document.title.strip():
        return Title(document.title, None, None)
    first = next((s for s in document.iter_segments() if s.text.strip()), None)
    if first is not None:
        english = translation_of(first)
        return Title(shorten(first.text), shorten(english) if english else None, None)
    return Title(file_title(document.name) if document.name else UNTITLED, None, None)


def _walk(sections: tuple[Section, ...], depth: int) -> Iterator[tuple[Section, int]]:
    for section in sections:
        yield section, depth
        yield from _walk(section.children, depth + 1)


def chapters(document: Document) -> list[Chapter]:
    """Every section in reading order; a document without sections is one untitled chapter."""
    found = []
    for section, depth in _walk(document.sections, 0):
        heading = document.block(section.heading_block) if section.heading_block is not None else None
        translation = block_translation(document, heading) if heading is not None else None
        found.append(Chapter(section.title, translation, depth, section.heading_block, section.block_ids))
    if not found:
        found.append(Chapter("", None, 0, None, tuple(block.id for block in document.iter_blocks())))
    return found


def is_heading(block: Block) -> bool:
    return block.kind is BlockKind.HEADING
