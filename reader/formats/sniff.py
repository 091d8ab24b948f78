"""What a file is, from its first bytes: cheap checks with no parser imported (a text file opened
from the command line never loads lxml or PDFium)."""

from __future__ import annotations

import re

_HTML = re.compile(rb"<(!doctype\s+html|html[\s>]|head[\s>]|body[\s>])", re.IGNORECASE)
MARKDOWN_EXTENSIONS = (".md", ".markdown", ".mdown", ".mkd")
ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")
IMAGE_MAGIC = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"II*\x00", b"MM\x00*")  # PNG, JPEG, TIFF


def looks_like_html(data: bytes) -> bool:
    """An HTML or XHTML page, judged by its first kilobyte (whatever the file is called)."""
    head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        head = head.decode("utf-16", errors="ignore").encode("utf-8")
    return _HTML.search(head) is not None


def detect(data: bytes, suffix: str = "") -> str:
    """``pdf``, ``zip`` (told apart when opened), ``image`` (a scanned page), ``html``, ``markdown`` or ``text``: magic bytes
    first, then HTML sniffing, then the extension (Markdown looks like text), then text."""
    if b"%PDF-" in data[:1024]:
        return "pdf"
    if data.startswith(ZIP_MAGIC):
        return "zip"
    if data.startswith(IMAGE_MAGIC):
        return "image"
    if looks_like_html(data):
        return "html"
    if suffix.lower() in MARKDOWN_EXTENSIONS:
        return "markdown"
    return "text"
