"""A PDF's text layer → the structured document, with pypdfium2 (PDFium: BSD-3/Apache-2.0).

Per page, the lines come from the characters' geometry (:mod:`reader.formats.pdf_lines`), read in
column order, a table's rows joined (:mod:`reader.formats.pdf_tables`); running heads and folios
are dropped and lines joined into paragraphs (:mod:`reader.formats.pdf_paragraphs`), a page's
footnotes kept apart (:mod:`reader.formats.pdf_notes`), and headings come from the outline or the
type size (:mod:`reader.formats.pdf_layout`). A paragraph cut by a page break is joined again over
the page's footnotes and tables. A page without a text layer, or whose text is mostly what a
broken ToUnicode map gives, is a scan: read by OCR (:mod:`reader.formats.ocr`) when Tesseract is
installed, else left out with a warning (a PDF with no text at all is refused with the line that
installs it)."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TYPE_CHECKING

import pypdfium2 as pdfium

from reader.display import one_line
from reader.formats import ocr
from reader.formats.blocks_builder import RawBlock, build_document, scaled
from reader.formats.loaded import Loaded
from reader.formats.pdf_bidi import balance_brackets
from reader.formats.pdf_glyphs import close, read_glyphs
from reader.formats.pdf_guard import read_pages
from reader.formats.pdf_layout import (
    NOTE,
    ROW,
    PageParagraph,
    body_size,
    heading_levels,
    page_blocks,
    reading_order,
)
from reader.formats.pdf_lines import page_lines
from reader.formats.pdf_notes import notes_from
from reader.formats.pdf_paragraphs import (
    SENTENCE_END,
    PageLine,
    drop_running_lines,
    group_lines,
    join,
    joined_row,
)
from reader.formats.pdf_tables import table_rows
from reader.formats.safety import Refused
from reader.model import BlockKind

if TYPE_CHECKING:
    from PIL.Image import Image

_EDGE_LINES = 2  # lines at the top and at the bottom of a page that may be running heads
_EDGE_BAND = 0.12  # of the page height, at the top and at the bottom (LaTeX folios: 11 %)
_GARBAGE_SHARE = 0.5  # of a page's characters: fewer real ones and the page is read by OCR
_NOTES_PART = "footnotes"  # the part footnote blocks go in, as the DOCX reader's do


def read_pdf(data: bytes, name: str, progress: Callable[[float], None] | None = None) -> Loaded:
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:
        if "password" in str(error).lower():
            raise Refused("the PDF is password-protected") from None
        raise Refused("the PDF is damaged or truncated") from None
    try:
        # A damaged page (a looping page tree, a page that is not one) is skipped with a warning.
        nothing: tuple[list[PageLine], bool] = ([], True)
        read, skipped = read_pages(len(pdf), lambda k: _page_lines(pdf[k]), nothing, scaled(progress, 0, 0.2))
        warnings: list[str] = list(skipped)
        pages: list[list[PageLine]] = [lines for lines, _usable in read]
        scanned = [k for k, (_lines, usable) in enumerate(read) if not usable]  # read by OCR
        outline = _outline(pdf)
        scanned_text = _read_scanned(pdf, data, scanned, bool(len(scanned) < len(pdf)), warnings, progress)
    finally:
        pdf.close()
    if not any(line.text.strip() for page in pages for line in page) and not any(scanned_text.values()):
        raise Refused("no text found in the PDF, in a text layer or by OCR")
    pages = drop_running_lines(pages)
    for page in pages:
        for line in page[notes_from(page) :]:
            line.note = True
    paragraphs = [
        scanned_text[number]
        if number in scanned_text
        else [
            PageParagraph(
                balance_brackets(join(line.text for line in group)),
                max(line.size for line in group),
                len(group),
                role=ROW if group[0].row else NOTE if group[0].note else "",
            )
            for group in group_lines(page)
        ]
        for number, page in enumerate(pages)
    ]
    body = body_size([p for page in paragraphs for p in page if not p.role])
    levels = heading_levels([p for page in paragraphs for p in page], body) if not outline else {}
    blocks: list[RawBlock] = []
    roles: list[str] = []
    for number, page_paragraphs in enumerate(paragraphs, start=1):
        for k, block in enumerate(page_blocks(page_paragraphs, outline.get(number, []), levels, body)):
            cut = _cut_paragraph(blocks, roles, number) if k == 0 and not block.role else None
            if cut is not None and block.kind is BlockKind.PARAGRAPH:
                previous = blocks[cut]
                confidence = _lower(previous.confidence, block.confidence)
                blocks[cut] = RawBlock(
                    BlockKind.PARAGRAPH,
                    join([previous.text, block.text]),
                    page=previous.page,
                    confidence=confidence,
                    flags=ocr.doubt_flags(confidence),
                )
                continue
            blocks.append(
                RawBlock(
                    block.kind,
                    block.text,
                    block.level,
                    part=_NOTES_PART if block.role == NOTE else "",
                    page=number,
                    confidence=block.confidence,
                    flags=ocr.doubt_flags(block.confidence),
                )
            )
            roles.append(block.role)
    document = build_document(blocks, name=name, progress=scaled(progress, 0.8, 1))
    return Loaded(document, tuple(f"{one_line(name)}: {w}" for w in warnings))


def _read_scanned(
    pdf: pdfium.PdfDocument,
    data: bytes,
    scanned: list[int],
    has_text: bool,
    warnings: list[str],
    progress: Callable[[float], None] | None,
) -> dict[int, list[PageParagraph]]:
    """The OCR'd paragraphs of the pages without a text layer, by page index. Without Tesseract,
    a PDF with text elsewhere opens with a warning naming the pages left out; one without any
    text is refused with the line that installs it."""
    if not scanned:
        return {}
    try:
        ocr.check_available()
    except ocr.OcrUnavailable as missing:
        if not has_text:
            raise ocr.OcrUnavailable(f"the PDF has no text layer (a scan?), and {missing}") from None
        warnings.append(f"{len(scanned)} page(s) without a text layer left out: {missing}")
        return {}
    digest = ocr.source_digest(data)
    read: dict[int, list[PageParagraph]] = {}
    for done, number in enumerate(scanned):
        if progress is not None:
            progress(0.2 + 0.6 * done / len(scanned))
        found = ocr.read_image(functools.partial(_rendered, pdf, number), digest, number)
        read[number] = [PageParagraph(p.text, 0.0, 1, p.confidence) for p in found]
    warnings.append(f"{len(scanned)} scanned page(s) read by OCR (Tesseract)")
    return read


def _rendered(pdf: pdfium.PdfDocument, number: int) -> Image:
    page = pdf[number]
    try:
        image: Image = page.render(scale=ocr.DPI / 72, grayscale=True).to_pil()
        return image
    finally:
        page.close()


def _page_lines(page: pdfium.PdfPage) -> tuple[list[PageLine], bool]:
    """The page's lines, and whether its text layer is usable: some text, and not mostly
    characters a broken ToUnicode map gives (private-use, unmapped)."""
    glyphs = read_glyphs(page)
    usable = len(glyphs.glyphs) > _GARBAGE_SHARE * (len(glyphs.glyphs) + glyphs.garbage) and any(
        not g.text.isspace() for g in glyphs.glyphs
    )
    try:
        found = page_lines(glyphs)
        lines = [
            PageLine(
                line.text, line.top, line.bottom, line.right - line.left, line.size, line.left, line.right
            )
            for line in found
            if line.text
        ]
        rtl = sum(line.rtl for line in found) * 2 >= len(found)
        lines = [joined_row(group) for group in table_rows(reading_order(lines, glyphs.width, rtl), rtl)]
        height = glyphs.height
    finally:
        close(glyphs)
        page.close()
    for k, line in enumerate(lines):
        in_band = line.top > height * (1 - _EDGE_BAND) or line.bottom < height * _EDGE_BAND
        line.edge = in_band and (k < _EDGE_LINES or k >= len(lines) - _EDGE_LINES)
    return (lines if usable else []), usable


def _outline(pdf: pdfium.PdfDocument) -> dict[int, list[tuple[str, int]]]:
    found: dict[int, list[tuple[str, int]]] = {}
    try:
        for item in pdf.get_toc(max_depth=6):
            dest = item.get_dest()
            index = dest.get_index() if dest is not None else None
            title = (item.get_title() or "").strip()
            if index is not None and title:
                found.setdefault(index + 1, []).append((title, getattr(item, "level", 0) + 1))
    except pdfium.PdfiumError:
        return {}
    return found


def _lower(a: float | None, b: float | None) -> float | None:
    """The lower OCR confidence of two pieces of a paragraph (None: not OCR'd)."""
    known = [c for c in (a, b) if c is not None]
    return min(known) if known else None


def _cut_paragraph(blocks: list[RawBlock], roles: list[str], page: int) -> int | None:
    """The index of the previous page's last paragraph of running text (its footnotes and tables
    skipped) when the page break cut it (no closing mark): the new page's first paragraph goes on."""
    for k in range(len(blocks) - 1, -1, -1):
        if blocks[k].page != page - 1:
            return None
        if roles[k]:
            continue
        previous = blocks[k]
        cut = previous.kind is BlockKind.PARAGRAPH and not previous.text.rstrip().endswith(SENTENCE_END)
        return k if cut else None
    return None
