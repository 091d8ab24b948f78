"""Word (.docx) → the structured document, with python-docx (MIT).

The body is read in order, paragraphs and tables alike: heading styles (and outline levels)
give headings with their level, numbered or bulleted paragraphs are list items, the Quote styles
quotes, table cells are read cell by cell (a merged cell once), right-to-left paragraphs
(``w:bidi``) keep their direction, and footnotes follow the body as their own part. The archive
is checked by :mod:`reader.formats.safety` before python-docx sees it.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable, Iterator
from typing import Any

import docx
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from reader.formats.blocks_builder import RawBlock, build_document
from reader.formats.safety import Refused, check_no_entities, has_member, parse_xml, read_member
from reader.formats.xhtml_blocks import local_name
from reader.model import BlockKind, Direction, Document

_HEADING_STYLE = re.compile(r"^heading\s*(\d)$", re.IGNORECASE)
_QUOTE_STYLES = frozenset({"quote", "intense quote"})
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def is_docx(archive: zipfile.ZipFile) -> bool:
    return has_member(archive, "word/document.xml")


def read_docx(
    archive: zipfile.ZipFile, data: bytes, name: str, progress: Callable[[float], None] | None = None
) -> Document:
    for info in archive.infolist():
        if info.filename.endswith((".xml", ".rels")):
            check_no_entities(read_member(archive, info.filename), info.filename)
    try:
        word = docx.Document(io.BytesIO(data))
    except Exception as error:  # python-docx raises many kinds on a damaged package
        raise Refused(f"the DOCX is damaged ({type(error).__name__})") from None
    blocks = list(_story(word.element.body, word, "document"))
    blocks += _footnotes(archive)
    title = (word.core_properties.title or "").strip()
    return build_document(blocks, name=name, title=title, progress=progress)


def _story(container: Any, parent: Any, part: str) -> Iterator[RawBlock]:
    """Blocks of a body or a table cell, in order; tables recurse cell by cell."""
    for child in container.iterchildren():
        if child.tag == qn("w:p"):
            block = _paragraph(Paragraph(child, parent), part)
            if block is not None:
                yield block
        elif child.tag == qn("w:tbl"):
            # Each <w:tc> is its own cell: a horizontal merge is one element with a gridSpan, and
            # a vertical merge's continuation cells are empty. (Skipping cells by id() of lxml's
            # proxies dropped cells at random: a freed proxy's id is reused.)
            for row in child.iterchildren(qn("w:tr")):
                for cell in row.iterchildren(qn("w:tc")):
                    yield from _story(cell, parent, part)


def _paragraph(paragraph: Paragraph, part: str) -> RawBlock | None:
    text = paragraph.text
    if not text.strip():
        return None
    style = paragraph.style.name if paragraph.style is not None else ""
    kind, level = _kind(paragraph, (style or "").strip())
    return RawBlock(kind, text, level, None, _direction(paragraph), part)


def _kind(paragraph: Paragraph, style: str) -> tuple[BlockKind, int]:
    match = _HEADING_STYLE.match(style)
    if match:
        return BlockKind.HEADING, int(match.group(1))
    if style.lower() == "title":
        return BlockKind.HEADING, 1
    p_pr = paragraph._p.pPr
    outline = p_pr.find(qn("w:outlineLvl")) if p_pr is not None else None
    if outline is not None and (outline.get(qn("w:val")) or "").isdigit():
        value = int(outline.get(qn("w:val")))
        if value < 9:  # 9 is "body text"
            return BlockKind.HEADING, value + 1
    if style.lower() in _QUOTE_STYLES:
        return BlockKind.QUOTE, 0
    if (p_pr is not None and p_pr.find(qn("w:numPr")) is not None) or style.lower().startswith("list"):
        return BlockKind.LIST_ITEM, 0
    return BlockKind.PARAGRAPH, 0


def _direction(paragraph: Paragraph) -> Direction | None:
    p_pr = paragraph._p.pPr
    bidi = p_pr.find(qn("w:bidi")) if p_pr is not None else None
    if bidi is None:
        return None
    off = (bidi.get(qn("w:val")) or "true").lower() in ("0", "false", "off")
    return Direction.LTR if off else Direction.RTL


def _footnotes(archive: zipfile.ZipFile) -> list[RawBlock]:
    """Footnotes (not the separators Word keeps among them) as paragraphs of their own part."""
    if not has_member(archive, "word/footnotes.xml"):
        return []
    root = parse_xml(read_member(archive, "word/footnotes.xml"), "word/footnotes.xml")
    blocks = []
    for note in root.iter(f"{_W}footnote"):
        if note.get(f"{_W}type") in ("separator", "continuationSeparator", "continuationNotice"):
            continue
        for p in note.iter(f"{_W}p"):
            text = "".join(t.text or "" for t in p.iter() if local_name(t) == "t")
            if text.strip():
                bidi = p.find(f"{_W}pPr/{_W}bidi")
                direction = Direction.RTL if bidi is not None else None
                blocks.append(RawBlock(BlockKind.PARAGRAPH, text, 0, None, direction, "footnotes"))
    return blocks
