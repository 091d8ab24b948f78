"""Bilingual PDF export: each Arabic sentence as real, shaped, searchable text beside its English.

Other tools' bilingual PDFs are page images, or draw Arabic unjoined or reversed, or lose the
pairing across pages. Here fpdf2 shapes Arabic with HarfBuzz, the fonts are embedded as subsets,
every line is written in logical order (see :mod:`reader.export.pdf_text`) and each sentence pair
starts level and stays on one page (see :mod:`reader.export.pdf_layout`). The file appears
atomically, only once complete.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path

from fpdf.bidi import auto_detect_base_direction
from fpdf.enums import TextDirection

from reader.atomic import atomic_write_bytes, check_writable_target
from reader.display import one_line
from reader.errors import BadInput
from reader.export import fonts
from reader.export.fpdf_fixes import CompleteToUnicodeProducer, MarkAwareFPDF
from reader.export.pdf_layout import (
    LAYOUTS,
    PAGE_SIZES,
    PageFrame,
    PlacedRow,
    Row,
    Stack,
    TextStyle,
    place_block,
)
from reader.export.pdf_text import draw_line
from reader.export.pdf_wrap import TextMeasure, wrap
from reader.model import Document, Segment, Status

MISSING_MARK = "[not translated]"

ARABIC_TEXT = TextStyle(fonts.ARABIC, "", 13, 6.8, rtl=True, align="R")
ENGLISH_TEXT = TextStyle(fonts.LATIN, "", 10.5, 5.4, rtl=False, align="L")
MISSING_TEXT = dataclasses.replace(ENGLISH_TEXT, grey=120)
GUTTER_NUMBER = TextStyle(fonts.LATIN, "", 7.5, 5.4, rtl=False, align="C", grey=120)
MARGIN_NUMBER = TextStyle(fonts.LATIN, "", 7.5, 6.8, rtl=False, align="L", grey=120)
PAIR_GAP = 2.5  # mm between sentence pairs of one paragraph
PARAGRAPH_GAP = 6.0  # mm before a new paragraph
INTERLEAVED_GAP = 0.8  # mm between an Arabic sentence and its English below it

Progress = Callable[[int, int], None]


def export_pdf(
    document: Document,
    output: Path,
    *,
    layout: str = "side-by-side",
    page_size: str = "A4",
    numbers: bool = False,
    progress: Progress | None = None,
    diacritics: bool = True,
) -> None:
    """Write ``document`` and its translations to ``output`` as a bilingual PDF.

    ``diacritics=False`` prints the Arabic without vowel marks (see :mod:`reader.export.diacritics`).

    ``progress(done, total)`` is called as sentence pairs are laid out. A sentence without a
    translation is shown with :data:`MISSING_MARK`. Raises :class:`BadInput` (one line) for an
    unknown layout or page size and for an output folder that is missing or cannot be written.
    """
    if layout not in LAYOUTS:
        raise BadInput(f"unknown layout '{layout}' (choose from {', '.join(LAYOUTS)})")
    if page_size not in PAGE_SIZES:
        raise BadInput(f"unknown page size '{page_size}' (choose from {', '.join(PAGE_SIZES)})")
    output = Path(output)
    check_writable_target(output)
    if not diacritics:  # hook: a display copy, the document itself is untouched
        from reader.export.diacritics import without_diacritics

        document = without_diacritics(document)
    data = render_pdf(document, layout=layout, page_size=page_size, numbers=numbers, progress=progress)
    try:
        atomic_write_bytes(output, data)
    except OSError as error:
        raise BadInput(f"cannot write {one_line(output)}: {error.strerror or error}") from error


def render_pdf(
    document: Document, *, layout: str, page_size: str, numbers: bool, progress: Progress | None
) -> bytes:
    """The PDF file's bytes (no file is touched)."""
    pdf = _BilingualPdf(PageFrame.for_size(page_size))
    try:
        writer = _Writer(pdf, document.name or "Untitled document", layout, numbers)
        total = len(document)
        previous_block: int | None = None
        for number, segment in enumerate(document.iter_segments(), start=1):
            gap = PAIR_GAP if segment.block_id == previous_block else PARAGRAPH_GAP
            writer.add_pair(segment, number, gap)
            previous_block = segment.block_id
            if progress is not None:
                progress(number, total)
        return writer.finish()
    finally:
        fonts.close_fonts(pdf)


class _BilingualPdf(MarkAwareFPDF):
    """fpdf2 document with a page-number footer ("3 / 12")."""

    def __init__(self, frame: PageFrame) -> None:
        super().__init__(unit="mm", format=(frame.width, frame.height))
        self.frame = frame

    def footer(self) -> None:
        self.set_font(fonts.LATIN, "", 8)
        self.set_text_color(120)
        self.set_text_shaping(use_shaping_engine=True, direction="ltr")
        self.set_xy(self.frame.margin, self.frame.height - self.frame.bottom_margin + 6)
        self.cell(self.frame.body_width, 5, f"{self.page_no()} / {{nb}}", align="C")


class _Writer:
    """Lays out sentence pairs page by page and draws them as it goes."""

    def __init__(self, pdf: _BilingualPdf, title: str, layout: str, numbers: bool) -> None:
        self.pdf = pdf
        self.title = title
        # Unicode rules P2/P3: an Arabic name reads right to left, "news.ar.txt" left to right.
        self.title_rtl = auto_detect_base_direction(title) is TextDirection.RTL
        self.layout = layout
        self.numbers = numbers
        pdf.set_auto_page_break(False)
        pdf.c_margin = 0
        pdf.set_title(title)
        pdf.set_lang("ar")
        pdf.set_subject("Arabic text with its English translation, sentence by sentence")
        pdf.set_creator("bilingual-reader")
        fonts.register_fonts(pdf)
        self.measure = TextMeasure(pdf, fonts.FALLBACKS)
        pdf.add_page()
        self.page_top = self._draw_title()
        self.y = self.page_top

    @property
    def frame(self) -> PageFrame:
        return self.pdf.frame

    def _draw_title(self) -> float:
        """The document's name, centred, over a hairline; returns where the body starts."""
        style = TextStyle(fonts.ARABIC, "B", 17, 9.5, rtl=self.title_rtl, align="C")
        y = self.frame.top
        self._use(style)
        for line in wrap(self.measure, self.title, self.frame.body_width, self.title_rtl):
            self._draw(
                PlacedRow(Row(line, style, style.line_height), self.frame.margin, self.frame.body_width, y)
            )
            y += style.line_height
        y += 2
        self.pdf.set_draw_color(170)
        self.pdf.set_line_width(0.2)
        self.pdf.line(self.frame.margin, y, self.frame.width - self.frame.margin, y)
        return y + 5

    def _new_page(self) -> None:
        """A page with the document's name as a small running header."""
        self.pdf.add_page()
        style = TextStyle(fonts.LATIN, "", 8, 5, rtl=self.title_rtl, align="C", grey=120)
        self._use(style)
        line = wrap(self.measure, self.title, self.frame.body_width, style.rtl)[0]
        self._draw(
            PlacedRow(Row(line, style, 5), self.frame.margin, self.frame.body_width, self.frame.top - 9)
        )
        self.page_top = self.frame.top

    def add_pair(self, sentence: Segment, number: int, gap: float) -> None:
        """Place and draw one sentence with its translation (or the missing mark)."""
        if self.y > self.page_top:
            self.y += gap
        pages, end = place_block(self._stacks(sentence, number), self.y, self.frame.top, self.frame.bottom)
        for index, rows in enumerate(pages):
            if index:
                self._new_page()
            for placed in rows:
                self._draw(placed)
        self.y = end

    def _stacks(self, sentence: Segment, number: int) -> list[Stack]:
        frame = self.frame
        side_by_side = self.layout == "side-by-side"
        text_width = frame.column_width if side_by_side else frame.body_width
        arabic = self._rows(sentence.text, ARABIC_TEXT, text_width)
        translation = sentence.translation if sentence.status is Status.DONE else None
        english = self._rows(
            translation or MISSING_MARK, ENGLISH_TEXT if translation else MISSING_TEXT, text_width
        )
        if side_by_side:
            stacks = [Stack(frame.arabic_x, text_width, arabic), Stack(frame.english_x, text_width, english)]
            number_stack = Stack(frame.gutter_x, frame.gutter, self._number(number, GUTTER_NUMBER))
        else:
            gap = Row(None, None, INTERLEAVED_GAP)
            stacks = [Stack(frame.margin, text_width, (*arabic, gap, *english))]
            number_stack = Stack(frame.width - frame.margin + 2, 12, self._number(number, MARGIN_NUMBER))
        return [*stacks, number_stack] if self.numbers else stacks

    def _rows(self, text: str, style: TextStyle, width: float) -> tuple[Row, ...]:
        self._use(style)
        return tuple(
            Row(line, style, style.line_height) for line in wrap(self.measure, text, width, style.rtl)
        )

    @staticmethod
    def _number(number: int, style: TextStyle) -> tuple[Row, ...]:
        return (Row(str(number), style, style.line_height),)

    def _use(self, style: TextStyle) -> None:
        self.pdf.set_font(style.family, style.style, style.size)
        self.pdf.set_text_color(style.grey)

    def _draw(self, placed: PlacedRow) -> None:
        row = placed.row
        if row.text is None or row.style is None:
            return
        self._use(row.style)
        draw_line(
            self.measure,
            row.text,
            left=placed.x,
            width=placed.width,
            y=placed.y,
            height=row.height,
            rtl=row.style.rtl,
            align=row.style.align,
        )

    def finish(self) -> bytes:
        return bytes(self.pdf.output(output_producer_class=CompleteToUnicodeProducer))
