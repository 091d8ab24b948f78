"""An (X)HTML element tree → blocks: shared by EPUB chapters and web pages.

Block elements (headings, paragraphs, list items, quotes, preformatted text, table cells) each
become a block; inline elements add their text to the block around them; scripts, styles,
images, forms and similar are skipped (their tail text is kept). ``dir`` and ``lang``/``xml:lang``
are inherited down the tree, so an English quotation inside an Arabic chapter keeps its language.
Footnotes (``<aside epub:type="footnote">`` and the like) are ordinary blocks in reading order.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from reader.formats.blocks_builder import RawBlock
from reader.model import BlockKind, Direction

_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
SKIPPED = frozenset(
    [
        "script",
        "style",
        "noscript",
        "template",
        "img",
        "svg",
        "math",
        "video",
        "audio",
        "canvas",
        "iframe",
        "object",
        "embed",
        "head",
        "title",
        "button",
        "input",
        "select",
        "textarea",
        "option",
        "map",
        "area",
        "picture",
        "source",
        "track",
        "meta",
        "link",
    ]
)
_HEADINGS = {f"h{n}": n for n in range(1, 7)}
_BLOCKS = frozenset(
    [
        "p",
        "div",
        "section",
        "article",
        "main",
        "header",
        "footer",
        "aside",
        "nav",
        "figure",
        "figcaption",
        "caption",
        "table",
        "thead",
        "tbody",
        "tfoot",
        "tr",
        "td",
        "th",
        "ul",
        "ol",
        "dl",
        "dt",
        "dd",
        "li",
        "blockquote",
        "pre",
        "hr",
        "address",
        "center",
        "body",
        "html",
        "form",
        "fieldset",
        "legend",
        "details",
        "summary",
        "hgroup",
    ]
) | frozenset(_HEADINGS)


@dataclass
class _Context:
    kind: BlockKind
    level: int
    lang: str | None
    direction: Direction | None
    buffer: list[str]


def local_name(element: Any) -> str:
    """The tag without its namespace, lower case; "" for comments and processing instructions."""
    tag = element.tag
    if not isinstance(tag, str):
        return ""
    # Split by hand: etree.QName raises ValueError on a tag name holding a control character,
    # which lxml's HTML parser lets through from a damaged page.
    return tag.rpartition("}")[2].lower()


def _direction(element: Any, inherited: Direction | None) -> Direction | None:
    value = (element.get("dir") or "").strip().lower()
    if value == "rtl":
        return Direction.RTL
    if value == "ltr":
        return Direction.LTR
    return inherited


class BlockCollector:
    """Walks element trees and collects :class:`RawBlock`s for one *part* (see the module docstring)."""

    def __init__(self, part: str = "", lang: str | None = None) -> None:
        self.part = part
        self.blocks: list[RawBlock] = []
        self._root_lang = lang

    def collect(self, root: Any) -> list[RawBlock]:
        top = _Context(BlockKind.PARAGRAPH, 0, self._root_lang, None, [])
        self._walk(root, top)
        self._flush(top)
        return self.blocks

    def _flush(self, context: _Context) -> None:
        text = "".join(context.buffer)
        context.buffer.clear()
        if text.strip():
            self.blocks.append(
                RawBlock(context.kind, text, context.level, context.lang, context.direction, self.part)
            )

    def _walk(self, element: Any, context: _Context) -> None:
        name = local_name(element)
        if name in SKIPPED or not name:
            return
        lang = element.get(_XML_LANG) or element.get("lang") or context.lang
        direction = _direction(element, context.direction)
        if name == "br":
            context.buffer.append("\n" if context.kind is BlockKind.PREFORMATTED else " ")
            return
        if name not in _BLOCKS:  # inline: its text joins the block around it (whose language decides)
            self._inline(element, context)
            return
        self._flush(context)
        inner = _Context(*self._kind(name, context), lang, direction, [])
        self._inline(element, inner)  # its text and children, into a block of its own
        self._flush(inner)

    def _inline(self, element: Any, context: _Context) -> None:
        if element.text:
            context.buffer.append(element.text)
        for child in element:
            self._walk(child, context)
            if child.tail:
                context.buffer.append(child.tail)

    @staticmethod
    def _kind(name: str, context: _Context) -> tuple[BlockKind, int]:
        if name in _HEADINGS:
            return BlockKind.HEADING, _HEADINGS[name]
        if name == "pre" or context.kind is BlockKind.PREFORMATTED:
            return BlockKind.PREFORMATTED, 0
        if name == "li":
            return BlockKind.LIST_ITEM, 0
        if name == "blockquote" or context.kind is BlockKind.QUOTE:
            return BlockKind.QUOTE, 0
        if context.kind is BlockKind.LIST_ITEM and name in ("p", "div"):
            return BlockKind.LIST_ITEM, 0
        return BlockKind.PARAGRAPH, 0


def element_blocks(root: Any, part: str = "", lang: str | None = None) -> list[RawBlock]:
    """The blocks of *root* (an lxml element, HTML or namespaced XHTML), in reading order."""
    return BlockCollector(part, lang).collect(root)
