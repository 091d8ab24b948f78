"""OpenDocument text (.odt) → the structured document: zipfile and lxml on ``content.xml``.

``text:h`` gives headings with their outline level, ``text:list-item`` list items, the
"Quotations" style quotes, table cells are read cell by cell, notes (footnotes and endnotes)
follow the body as their own part, and paragraph styles written right to left (``rl-tb``) keep
that direction.
"""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from typing import Any

from reader.display import one_line
from reader.formats.blocks_builder import RawBlock, build_document
from reader.formats.damage import Refused
from reader.formats.limits import MAX_SPACES
from reader.formats.safety import has_member, parse_xml, read_member
from reader.formats.xhtml_blocks import local_name
from reader.model import BlockKind, Direction, Document

MIMETYPE = b"application/vnd.oasis.opendocument.text"
_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
_STYLE = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
_MAX_LEVEL = 10  # the outline levels ODF defines


def is_odt(archive: zipfile.ZipFile) -> bool:
    if has_member(archive, "mimetype"):
        return read_member(archive, "mimetype", 1024).strip() == MIMETYPE
    return False


def read_odt(
    archive: zipfile.ZipFile, name: str, progress: Callable[[float], None] | None = None
) -> Document:
    root = parse_xml(read_member(archive, "content.xml"), "content.xml")
    directions = _style_directions(root)
    body: list[RawBlock] = []
    notes: list[RawBlock] = []
    office_text = next(
        (
            e
            for e in root.iter()
            if local_name(e) == "text" and e.getparent() is not None and local_name(e.getparent()) == "body"
        ),
        root,
    )
    _walk(office_text, BlockKind.PARAGRAPH, directions, body, notes)
    return build_document(body + notes, name=name, progress=progress)


def _count(element: Any, attribute: str, default: int, limit: int) -> int:
    """A ``text:`` count attribute (``text:c``, ``text:outline-level``), at most *limit*;
    one line naming it when it is not a number (a damaged or crafted file)."""
    value = (element.get(f"{{{_TEXT}}}{attribute}") or "").strip()
    if not value:
        return default
    if not value.isascii() or not value.isdigit():
        raise Refused(f'content.xml is damaged: text:{attribute}="{one_line(value)[:40]}" is not a number')
    return max(min(int(value[:12]), limit), 1)


def _style_directions(root: Any) -> dict[str, Direction]:
    found = {}
    for style in root.iter(f"{{{_STYLE}}}style"):
        for props in style.iter(f"{{{_STYLE}}}paragraph-properties"):
            mode = props.get(f"{{{_STYLE}}}writing-mode", "")
            if mode.startswith("rl"):
                found[style.get(f"{{{_STYLE}}}name", "")] = Direction.RTL
            elif mode.startswith("lr"):
                found[style.get(f"{{{_STYLE}}}name", "")] = Direction.LTR
    return found


def _walk(
    element: Any,
    kind: BlockKind,
    directions: dict[str, Direction],
    out: list[RawBlock],
    notes: list[RawBlock],
) -> None:
    for child in element:
        name = local_name(child)
        if name in ("h", "p"):
            style = child.get(f"{{{_TEXT}}}style-name", "")
            level = _count(child, "outline-level", 1, _MAX_LEVEL) if name == "h" else 0
            own = BlockKind.HEADING if name == "h" else kind
            if own is BlockKind.PARAGRAPH and "quotation" in style.lower():
                own = BlockKind.QUOTE
            text = _paragraph_text(child, directions, notes)
            out.append(RawBlock(own, text, level, None, directions.get(style)))
        elif name == "list-item":
            _walk(child, BlockKind.LIST_ITEM, directions, out, notes)
        elif name in (
            "list",
            "section",
            "table",
            "table-row",
            "table-rows",
            "table-header-rows",
            "table-cell",
            "index-body",
        ):
            _walk(child, kind, directions, out, notes)


def _paragraph_text(paragraph: Any, directions: dict[str, Direction], notes: list[RawBlock]) -> str:
    parts: list[str] = [paragraph.text or ""]
    for child in paragraph:
        name = local_name(child)
        if name == "s":
            parts.append(" " * _count(child, "c", 1, MAX_SPACES))
        elif name in ("tab", "line-break"):
            parts.append(" ")
        elif name == "note":
            body = next((e for e in child if local_name(e) == "note-body"), None)
            if body is not None:
                found: list[RawBlock] = []
                _walk(body, BlockKind.PARAGRAPH, directions, found, notes)
                notes.extend(RawBlock(b.kind, b.text, b.level, b.lang, b.direction, "notes") for b in found)
        elif name not in ("annotation", "bookmark", "bookmark-start", "bookmark-end"):
            parts.append(_paragraph_text(child, directions, notes))
        parts.append(child.tail or "")
    return "".join(parts)
