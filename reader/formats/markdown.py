"""Markdown → the structured document, with markdown-it-py (MIT; CommonMark plus tables).

A table of more than :data:`MAX_TABLE_CELLS` cells, or more than :data:`MAX_LINK_BRACKETS` ``[``,
is refused before markdown-it sees it (see :mod:`reader.formats.limits` for what they cost).

Headings keep their level, list items, block quotes and code blocks their kind, table cells are
read cell by cell; inline markup (emphasis, links, inline code) leaves its text. Raw HTML blocks
are skipped: they are markup, not prose.
"""

from __future__ import annotations

from collections.abc import Callable

from markdown_it import MarkdownIt
from markdown_it.token import Token

from reader.formats.blocks_builder import RawBlock, build_document
from reader.formats.limits import check_markdown
from reader.model import BlockKind, Document


def _inline_text(token: Token) -> str:
    parts = []
    for child in token.children or []:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif child.type == "image":
            parts.append("")
    return "".join(parts)


def markdown_blocks(text: str) -> list[RawBlock]:
    """The blocks of a Markdown text, in order (over the limits of :func:`check_markdown`: refused first)."""
    check_markdown(text)
    tokens = MarkdownIt("commonmark").enable("table").parse(text)
    blocks: list[RawBlock] = []
    stack: list[str] = []
    heading_level = 0
    for token in tokens:
        if token.nesting == 1:
            stack.append(token.type)
            if token.type == "heading_open":
                heading_level = int(token.tag[1:])
        elif token.nesting == -1:
            if stack:
                stack.pop()
        elif token.type == "inline":
            content = _inline_text(token)
            if "heading_open" in stack:
                blocks.append(RawBlock(BlockKind.HEADING, content, heading_level))
            elif "list_item_open" in stack:
                blocks.append(RawBlock(BlockKind.LIST_ITEM, content))
            elif "blockquote_open" in stack:
                blocks.append(RawBlock(BlockKind.QUOTE, content))
            else:
                blocks.append(RawBlock(BlockKind.PARAGRAPH, content))
        elif token.type in ("fence", "code_block"):
            blocks.append(RawBlock(BlockKind.PREFORMATTED, token.content))
    return blocks


def read_markdown(text: str, name: str, progress: Callable[[float], None] | None = None) -> Document:
    return build_document(markdown_blocks(text), name=name, progress=progress)
