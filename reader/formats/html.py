"""A saved web page → its article (title, headings, body), not the menus, banners and footers.

The charset is the one the page declares: a BOM, then ``<meta charset>`` or the http-equiv
Content-Type (windows-1256 included), else UTF-8 if the bytes are UTF-8, else the text decoder's
evidence rule. The article is found readability-style (see :mod:`reader.formats.article`); a
page where no article stands out is read whole, less its scripts, navigation and forms.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Callable

import lxml.html
from lxml import etree

from reader.formats.article import find_article, page_title
from reader.formats.blocks_builder import RawBlock, build_document
from reader.formats.damage import Refused
from reader.formats.limits import check_attributes
from reader.formats.text_bytes import decode_counting
from reader.formats.xhtml_blocks import element_blocks
from reader.model import BlockKind, Document

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.\-]+)""", re.IGNORECASE)
_ALIASES = {"windows-1256": "cp1256", "x-user-defined": "cp1252", "iso-8859-6": "iso8859_6"}


def decode_html(data: bytes) -> tuple[str, int]:
    """The page's text and how many damaged bytes became U+FFFD (see the module docstring)."""
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            return data.decode(encoding, errors="replace"), 0
    match = _META_CHARSET.search(data[:4096])
    if match:
        declared = match.group(1).decode("ascii").lower()
        encoding = _ALIASES.get(declared, declared)
        try:
            codecs.lookup(encoding)
        except LookupError:
            encoding = ""
        if encoding and not encoding.replace("-", "").replace("_", "").startswith("utf"):
            return data.decode(encoding, errors="replace"), 0
    return decode_counting(data)


def read_html(
    data: bytes, name: str, progress: Callable[[float], None] | None = None
) -> tuple[Document, int]:
    """The page's article as a document, and the count of damaged bytes (for one warning)."""
    text, damaged = decode_html(data)
    text = re.sub(r"^\s*<\?xml[^>]*\?>", "", text)  # lxml refuses a str with an encoding declaration
    check_attributes(text)  # before libxml2, whose HTML parser is quadratic in them
    try:
        root = lxml.html.document_fromstring(text)
    except (etree.ParserError, ValueError):
        raise Refused("the page has no HTML content") from None
    title = page_title(root)
    article = find_article(root)
    blocks = element_blocks(article, part="", lang=root.get("lang"))
    headings = {" ".join(b.text.split()) for b in blocks if b.kind is BlockKind.HEADING}
    if title and title not in headings:  # the title often stands above the article's container
        blocks.insert(0, RawBlock(BlockKind.HEADING, title, 1, root.get("lang")))
    return build_document(blocks, name=name, title=title, progress=progress), damaged
