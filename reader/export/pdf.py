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

from fpdf import __version__ as fpdf_version
from fpdf.bidi import auto_detect_base_direction
from fpdf.enums import TextDirection

from reader import __version__ as reader_version
from reader.atomic import check_writable_target, write_output_file
from reader.errors import BadInput
from reader.export import contents, fonts
from reader.export.fpdf_fixes import CompleteToUnicodeProducer, MarkAwareFPDF
from reader.export.pdf_glyphs import GlyphWriter, begin_span, end_span
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
from reader.export.pdf_stand_ins import space_apart
from reader.export.pdf_text import draw_line
from reader.export.pdf_wrap import TextMeasure, without_widow, wrap
from reader.model import Document, Segment

MISSING_MARK = contents.MISSING_MARK

ARABIC_TEXT = TextStyle(fonts.ARABIC, "", 13, 6.8, rtl=True, align="R")
ENGLISH_TEXT = TextStyle(fonts.LATIN, "", 10.5, 5.4, rtl=False, align="L")
# Interleaved, the English sits under its Arabic across the whole page: a colour tells them apart.
INTERLEAVED_ENGLISH = dataclasses.replace(ENGLISH_TEXT, colour=(31, 78, 121))
ARABIC_HEADING = TextStyle(fonts.ARABIC, "B", 15, 8.2, rtl=True, align="R")
ENGLISH_HEADING = TextStyle(fonts.LATIN, "", 12.5, 6.4, rtl=False, align="L")
MISSING_TEXT = dataclasses.replace(ENGLISH_TEXT, grey=120)
GUTTER_NUMBER = TextStyle(fonts.LATIN, "", 7.5, 5.4, rtl=False, align="C", grey=120)
MARGIN_NUMBER = TextStyle(fonts.LATIN, "", 7.5, 6.8, rtl=False, align="L", grey=120)
PAIR_GAP = 2.5  # mm between sentence pairs of one paragraph
PARAGRAPH_GAP = 6.0  # mm before a new paragraph
INTERLEAVED_GAP = 1.6  # mm between an Arabic sentence and its English below it
INTERLEAVED_PAIR_GAP = 4.0  # mm between one pair and the next Arabic sentence, interleaved

Progress = Callable[[int, int], None]


def export_pdf(
    document: Document,
    output: Path,
    *,
    layout: str = "side-by-side",
    page_size: str = "A4",
    numbers: bool = False,
    arabic_face: str = fonts.DEFAULT_ARABIC_FACE,
    progress: Progress | None = None,
    diacritics: bool = True,
    justify_arabic: bool = False,
) -> None:
    """Write ``document`` and its translations to ``output`` as a bilingual PDF.

    ``diacritics=False`` prints the Arabic without vowel marks (see :mod:`reader.export.diacritics`);
    ``justify_arabic`` justifies the Arabic sentences by word spacing, each paragraph's last line
    excepted (see :mod:`reader.export.pdf_justify`).

    ``progress(done, total)`` is called as sentence pairs are laid out. A sentence without a
    translation is shown with :data:`MISSING_MARK`. Raises :class:`BadInput` (one line) for an
    unknown layout or page size and for an output folder that is missing or cannot be written.
    """
    check_pdf_options(layout, page_size, arabic_face)
    output = Path(output)
    check_writable_target(output)
    if not diacritics:  # hook: a display copy, the document itself is untouched
        from reader.export.diacritics import without_diacritics

        document = without_diacritics(document)
    data = render_pdf(
        document,
        layout=layout,
        page_size=page_size,
        numbers=numbers,
        arabic_face=arabic_face,
        progress=progress,
        justify_arabic=justify_arabic,
    )
    write_output_file(output, data)


def check_pdf_options(layout: str, page_size: str, arabic_face: str) -> None:
    """BadInput (one line) for an unknown layout, page size or Arabic face."""
    if layout not in LAYOUTS:
        raise BadInput(f"unknown layout '{layout}' (choose from {', '.join(LAYOUTS)})")
    if page_size not in PAGE_SIZES:
        raise BadInput(f"unknown page size '{page_size}' (choose from {', '.join(PAGE_SIZES)})")
    if arabic_face not in fonts.ARABIC_FACES:
        raise BadInput(f"unknown Arabic face '{arabic_face}' (choose from {', '.join(fonts.ARABIC_FACES)})")


def render_pdf(
    document: Document,
    *,
    layout: str,
    page_size: str,
    numbers: bool,
    arabic_face: str = fonts.DEFAULT_ARABIC_FACE,
    progress: Progress | None = None,
    justify_arabic: bool = False,
) -> bytes:
    """The PDF file's bytes (no file is touched)."""
    pdf = _BilingualPdf(PageFrame.for_size(page_size))
    try:
        title = contents.document_title(document)
        writer = _Writer(pdf, title, layout, numbers, arabic_face, justify_arabic)
        bookmarks = _bookmarks(document, title)
        total = len(document)
        previous_block: int | None = None
        for number, segment in enumerate(document.iter_segments(), start=1):
            if segment.block_id != title.block_id:  # the title heading is drawn as the title
                block = document.block(segment.block_id)
                heading = contents.is_heading(block)
                if segment.block_id in bookmarks and block.segment_ids[0] == segment.id:
                    writer.bookmark_next(*bookmarks[segment.block_id])
                gap = writer.pair_gap if segment.block_id == previous_block else PARAGRAPH_GAP
                writer.add_pair(segment, number, gap, heading=heading)
                previous_block = segment.block_id
            if progress is not None:
                progress(number, total)
        return writer.finish()
    finally:
        fonts.close_fonts(pdf)


def _bookmarks(document: Document, title: contents.Title) -> dict[int, tuple[str, int]]:
    """Heading block → (outline label, level): every chapter, under the title when there is one."""
    found = {}
    offset = 1 if title.block_id is not None else 0
    for chapter in contents.chapters(document):
        if chapter.heading_block is None or chapter.heading_block == title.block_id or not chapter.title:
            continue
        label = f"{chapter.title} — {chapter.translation}" if chapter.translation else chapter.title
        found[chapter.heading_block] = (
            label,
            max(chapter.depth - 1, 0) + offset if offset else chapter.depth,
        )
    return found


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

    def __init__(
        self,
        pdf: _BilingualPdf,
        title: contents.Title,
        layout: str,
        numbers: bool,
        arabic_face: str,
        justify_arabic: bool,
    ) -> None:
        self.pdf = pdf
        self.title = title
        # Unicode rules P2/P3: an Arabic name reads right to left, "news.ar.txt" left to right.
        self.title_rtl = auto_detect_base_direction(title.text) is TextDirection.RTL
        self.layout = layout
        self.numbers = numbers
        self.pair_gap = PAIR_GAP if layout == "side-by-side" else INTERLEAVED_PAIR_GAP
        self.arabic_text = dataclasses.replace(ARABIC_TEXT, justify=justify_arabic)
        self._pending_bookmark: tuple[str, int] | None = None
        pdf.set_auto_page_break(False)
        pdf.c_margin = 0
        label = f"{title.text} — {title.translation}" if title.translation else title.text
        pdf.set_title(label)
        pdf.set_lang("ar")
        pdf.set_subject("Arabic text with its English translation, sentence by sentence")
        pdf.set_creator(f"bilingual-reader {reader_version}")
        pdf.set_producer(f"bilingual-reader {reader_version} (fpdf2 {fpdf_version})")
        fonts.register_fonts(pdf, arabic_face)
        self.measure = TextMeasure(pdf, fonts.FALLBACKS)
        self.glyphs = GlyphWriter(pdf)
        pdf.add_page()
        if title.block_id is not None:
            pdf.set_y(self.frame.top)
            pdf.start_section(label, 0, strict=False)
        self.page_top = self._draw_title()
        self.y = self.page_top

    @property
    def frame(self) -> PageFrame:
        return self.pdf.frame

    def _draw_title(self) -> float:
        """The title, centred (its English under it), over a hairline; returns where the body starts."""
        style = TextStyle(fonts.ARABIC, "B", 17, 9.5, rtl=self.title_rtl, align="C")
        y = self._draw_centred(self.title.text, style, self.frame.top)
        if self.title.translation:
            english = TextStyle(fonts.LATIN, "", 12.5, 6.6, rtl=False, align="C", grey=60)
            y = self._draw_centred(self.title.translation, english, y + 1)
        y += 2
        self.pdf.set_draw_color(170)
        self.pdf.set_line_width(0.2)
        self.pdf.line(self.frame.margin, y, self.frame.width - self.frame.margin, y)
        return y + 5

    def _draw_centred(self, text: str, style: TextStyle, y: float) -> float:
        self._use(style)
        for line in wrap(self.measure, text, self.frame.body_width, style.rtl):
            self._draw(
                PlacedRow(Row(line, style, style.line_height), self.frame.margin, self.frame.body_width, y)
            )
            y += style.line_height
        return y

    def _new_page(self) -> None:
        """A page with the title as a small running header."""
        self.pdf.add_page()
        style = TextStyle(fonts.LATIN, "", 8, 5, rtl=self.title_rtl, align="C", grey=120)
        self._use(style)
        line = wrap(self.measure, self.title.text, self.frame.body_width, style.rtl)[0]
        self._draw(
            PlacedRow(Row(line, style, 5), self.frame.margin, self.frame.body_width, self.frame.top - 9)
        )
        self.page_top = self.frame.top

    def bookmark_next(self, label: str, level: int) -> None:
        """Put an outline entry (bookmark) at the next pair drawn."""
        self._pending_bookmark = (label, level)

    def add_pair(self, sentence: Segment, number: int, gap: float, *, heading: bool = False) -> None:
        """Place and draw one sentence with its translation (or the missing mark)."""
        if self.y > self.page_top:
            self.y += gap
        stacks = self._stacks(sentence, number, heading)
        pages, end = place_block(stacks, self.y, self.frame.top, self.frame.bottom)
        for index, rows in enumerate(pages):
            if index:
                self._new_page()
            if rows and self._pending_bookmark is not None:
                self.pdf.set_y(min(row.y for row in rows))
                self.pdf.start_section(*self._pending_bookmark, strict=False)
                self._pending_bookmark = None
            previous: PlacedRow | None = None
            for placed in rows:
                if self._beside(previous, placed):
                    self._keep_apart(placed)
                self._draw(placed)
                previous = placed
        self.y = end

    def _beside(self, english: PlacedRow | None, arabic: PlacedRow) -> bool:
        """Whether ``arabic`` is the first Arabic row drawn right after its English, side by side."""
        return (
            self.layout == "side-by-side"
            and english is not None
            and english.row.style is not None
            and not english.row.style.rtl
            and arabic.row.style is not None
            and arabic.row.style.rtl
        )

    def _keep_apart(self, arabic: PlacedRow) -> None:
        """An invisible space between a row's English and its Arabic, half a line below the Arabic.

        The two stand on baselines 1 mm apart, and PDFium puts text objects that follow one another
        on one line when their baselines differ by less than half the wider of the two glyphs that
        meet: after a wide «؟» it read the English into the Arabic line, right to left («?market
        the in man a see you Did»). Between the two, on a baseline of its own, a space ends
        PDFium's line; the other readers read a space or a line break there, between paragraphs.
        """
        if arabic.row.style is None:
            return
        self._use(ENGLISH_TEXT)
        first_baseline = arabic.y + 0.5 * arabic.row.height + 0.3 * arabic.row.style.size / self.pdf.k
        space_apart(self.pdf, x=arabic.x, baseline=first_baseline + arabic.row.height / 2)

    def _stacks(self, sentence: Segment, number: int, heading: bool) -> list[Stack]:
        frame = self.frame
        side_by_side = self.layout == "side-by-side"
        text_width = frame.column_width if side_by_side else frame.body_width
        arabic = self._rows(sentence.text, ARABIC_HEADING if heading else self.arabic_text, text_width)
        translation = contents.translation_of(sentence)
        if translation is None:
            english_style = MISSING_TEXT
        elif heading:
            english_style = ENGLISH_HEADING
        else:
            english_style = ENGLISH_TEXT if side_by_side else INTERLEAVED_ENGLISH
        english = self._rows(translation or MISSING_MARK, english_style, text_width)
        if side_by_side:
            stacks = [Stack(frame.english_x, text_width, english), Stack(frame.arabic_x, text_width, arabic)]
            number_stack = Stack(frame.gutter_x, frame.gutter, self._number(number, GUTTER_NUMBER))
        else:
            gap = Row(None, None, INTERLEAVED_GAP)
            stacks = [Stack(frame.margin, text_width, (*arabic, gap, *english))]
            number_stack = Stack(frame.width - frame.margin + 2, 12, self._number(number, MARGIN_NUMBER))
        return [*stacks, number_stack] if self.numbers else stacks

    def _rows(self, text: str, style: TextStyle, width: float) -> tuple[Row, ...]:
        self._use(style)
        lines = without_widow(self.measure, wrap(self.measure, text, width, style.rtl), width, style.rtl)
        return tuple(
            Row(line, style, style.line_height, last=index == len(lines) - 1)
            for index, line in enumerate(lines)
        )

    @staticmethod
    def _number(number: int, style: TextStyle) -> tuple[Row, ...]:
        return (Row(str(number), style, style.line_height),)

    def _use(self, style: TextStyle) -> None:
        self.pdf.set_font(style.family, style.style, style.size)
        if style.colour is not None:
            self.pdf.set_text_color(*style.colour)
        else:
            self.pdf.set_text_color(style.grey)

    def _draw(self, placed: PlacedRow) -> None:
        row = placed.row
        if row.text is None or row.style is None:
            return
        self._use(row.style)
        begin_span(self.pdf, row.style.lang)
        draw_line(
            self.measure,
            self.glyphs,
            row.text,
            left=placed.x,
            width=placed.width,
            y=placed.y,
            height=row.height,
            rtl=row.style.rtl,
            align=row.style.align,
            justify=row.style.justify and not row.last,
        )
        end_span(self.pdf)

    def finish(self) -> bytes:
        return bytes(self.pdf.output(output_producer_class=CompleteToUnicodeProducer))
