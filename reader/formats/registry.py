"""One entry point for every format: the file's content picks the reader, its name only breaks ties.

Magic bytes first (``%PDF-``, a ZIP archive whose manifest says EPUB, DOCX or ODT), then HTML
sniffed from the first kilobyte, then the extension (Markdown cannot be told from plain text by
content), then plain text. Every refusal is one line naming the file (:class:`BadInput`, exit 2;
a message box in the window). Readers are imported when first needed, so ``segment`` on a text
file never pays for lxml or PDFium.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from reader.display import one_line
from reader.errors import BadInput
from reader.formats.damage import Refused, refused_if_damaged
from reader.formats.limits import check_document_chars, max_document_chars
from reader.formats.loaded import Loaded
from reader.formats.sniff import detect
from reader.input_file import read_document_bytes
from reader.model import Document

Progress = Callable[[float], None]


@dataclass(frozen=True)
class FormatInfo:
    """What File ▸ Open lists: a label and the extensions (without dots)."""

    key: str
    label: str
    extensions: tuple[str, ...]


FORMATS = (
    FormatInfo("epub", "EPUB e-books", ("epub",)),
    FormatInfo("docx", "Word documents", ("docx",)),
    FormatInfo("odt", "OpenDocument text", ("odt",)),
    FormatInfo("html", "Web pages", ("html", "htm", "xhtml")),
    FormatInfo("markdown", "Markdown", ("md", "markdown")),
    FormatInfo("pdf", "PDF documents", ("pdf",)),
    FormatInfo("image", "Scanned pages (read by OCR)", ("png", "jpg", "jpeg", "tif", "tiff")),
    FormatInfo("text", "Text files", ("txt", "text")),
)


def supported_extensions() -> tuple[str, ...]:
    return tuple(ext for info in FORMATS for ext in info.extensions)


# How a refusal names what was being read, by what :func:`detect` found.
_WHAT = {
    "pdf": "the PDF",
    "image": "the image",
    "zip": "the document (a ZIP archive)",
    "html": "the page",
    "markdown": "the Markdown text",
    "text": "the text",
}


def read_bytes(data: bytes, name: str, suffix: str = "", progress: Progress | None = None) -> Loaded:
    """Read *data* as whatever it is; one-line :class:`BadInput` (without the file name) when not.

    Whatever a parser raises on damaged bytes is refused in one line here, for every format
    (:mod:`reader.formats.damage`), and the work a document may ask for is bounded
    (:mod:`reader.formats.limits`)."""
    kind = detect(data, suffix)
    with refused_if_damaged(_WHAT[kind]):
        return _read(kind, data, name, progress)


def _read(kind: str, data: bytes, name: str, progress: Progress | None) -> Loaded:
    if kind == "pdf":
        from reader.formats.pdf import read_pdf
        from reader.formats.pdf_guard import check_streams

        check_streams(data)  # a stream that inflates to 1 GiB aborts PDFium: refused before it

        return read_pdf(data, name, progress)
    if kind == "zip":
        return Loaded(_read_archive(data, name, progress))
    if kind == "image":
        from reader.formats.scanned_image import read_scanned_image

        return read_scanned_image(data, name, progress)
    if kind == "html":
        from reader.formats.html import read_html

        document, damaged = read_html(data, name, progress)
        return Loaded(document, _damage_warning(name, damaged))
    from reader.formats.text_bytes import decode_counting

    if len(data) > 4 * max_document_chars():  # more characters than the limit, whatever the encoding
        check_document_chars(len(data) // 4, at_least=True)
    text, damaged = decode_counting(data)
    check_document_chars(len(text))
    if kind == "markdown":
        from reader.formats.markdown import read_markdown

        return Loaded(read_markdown(text, name, progress), _damage_warning(name, damaged))
    from reader.formats.plain_text import build_text_document

    return Loaded(build_text_document(text, name=name, progress=progress), _damage_warning(name, damaged))


def _read_archive(data: bytes, name: str, progress: Progress | None) -> Document:
    from reader.formats.docx import is_docx, read_docx
    from reader.formats.epub import is_epub, read_epub
    from reader.formats.odt import is_odt, read_odt
    from reader.formats.safety import open_archive

    archive = open_archive(data)
    if is_epub(archive):
        with refused_if_damaged("the EPUB"):
            return read_epub(archive, name, progress)
    if is_docx(archive):
        with refused_if_damaged("the DOCX"):
            return read_docx(archive, data, name, progress)
    if is_odt(archive):
        with refused_if_damaged("the ODT"):
            return read_odt(archive, name, progress)
    raise Refused("a ZIP archive that is not an EPUB, DOCX or ODT document")


def _damage_warning(name: str, damaged: int) -> tuple[str, ...]:
    if not damaged:
        return ()
    return (f"{one_line(name)}: {damaged} invalid UTF-8 byte sequence(s) shown as U+FFFD",)


def open_document(path: str | Path, progress: Progress | None = None) -> Loaded:
    """Read a file of any supported format, under the size cap; errors are one line naming it."""
    file = Path(path)
    data = read_document_bytes(file)
    try:
        return read_bytes(data, file.name, file.suffix, progress)
    except BadInput as error:
        raise BadInput(f"{one_line(file.name)}: {error}") from None
    except MemoryError:
        raise BadInput(f"{one_line(file.name)}: too large to open in the memory available") from None
