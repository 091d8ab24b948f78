"""Headings on a PDF page: outline titles where they are printed, larger short lines without one."""

from __future__ import annotations

import pytest

from reader.formats.pdf_layout import PageBlock, PageParagraph, body_size, heading_levels, page_blocks
from reader.model import BlockKind

BODY = PageParagraph("قالت ثلاثة مصادر مطلعة إن مشاركين اجتمعوا في سويسرا.", 12.0, 3)


def test_an_outline_title_replaces_its_printed_line_in_place() -> None:
    paragraphs = [BODY, PageParagraph("الفصل  الثاني", 18.0, 1), BODY]
    blocks = page_blocks(paragraphs, [("الفصل الثاني", 1)], {}, 12.0)
    assert [b.kind for b in blocks] == [BlockKind.PARAGRAPH, BlockKind.HEADING, BlockKind.PARAGRAPH]
    assert blocks[1] == PageBlock(BlockKind.HEADING, "الفصل الثاني", 1)


def test_an_outline_title_not_printed_stands_at_the_top() -> None:
    blocks = page_blocks([BODY], [("مقدمة", 1)], {}, 12.0)
    assert blocks == [PageBlock(BlockKind.HEADING, "مقدمة", 1), PageBlock(BlockKind.PARAGRAPH, BODY.text)]


def test_without_an_outline_larger_short_lines_are_headings_by_size() -> None:
    paragraphs = [
        PageParagraph("الكتاب", 24.0, 1),
        PageParagraph("الفصل الأول", 18.0, 1),
        BODY,
        BODY,
        PageParagraph("سطر كبير لكنه فقرة طويلة جدا تمتد على أسطر كثيرة", 18.0, 5),
    ]
    body = body_size(paragraphs)
    assert body == 12.0
    levels = heading_levels(paragraphs, body)
    blocks = page_blocks(paragraphs, [], levels, body)
    assert [(b.kind, b.level) for b in blocks] == [
        (BlockKind.HEADING, 1),
        (BlockKind.HEADING, 2),
        (BlockKind.PARAGRAPH, 0),
        (BlockKind.PARAGRAPH, 0),
        (BlockKind.PARAGRAPH, 0),
    ]


RIGHT_COLUMN = [
    "قالت ثلاثة مصادر مطلعة إن مشاركين اجتمعوا في سويسرا لبحث الأزمة الراهنة.",
    "وقال أحد المصادر إن المحادثات كانت مهمة وصريحة وتناولت قضايا كثيرة.",
]
LEFT_COLUMN = [
    "وأضاف المصدر أن الاجتماع استمر ساعتين كاملتين دون توقف.",
    "ذهب الولد إلى المدرسة صباحاً ثم عاد إلى البيت في المساء.",
]


def _two_columns(right: list[str], left: list[str], title: str, *, arabic: bool = True) -> bytes:
    from fpdf import FPDF

    from reader.export.fonts import naskh_file

    pdf = FPDF(format="A4")
    pdf.add_font("naskh", fname=str(naskh_file()))
    pdf.set_font("naskh" if arabic else "helvetica", size=12)
    pdf.set_text_shaping(arabic)
    pdf.add_page()
    pdf.set_xy(10, 15)
    pdf.cell(190, 10, title, align="C")
    for x, paragraphs in ((110, right), (10, left)):
        pdf.set_xy(x, 35)
        for text in paragraphs:
            pdf.multi_cell(90, 7, text, align="R" if arabic else "L", new_x="LEFT", new_y="NEXT")
            pdf.set_y(pdf.get_y() + 4)
            pdf.set_x(x)
    return bytes(pdf.output())


def test_a_two_column_arabic_page_reads_the_right_column_first() -> None:
    from reader.formats.registry import read_bytes

    data = _two_columns(RIGHT_COLUMN, LEFT_COLUMN, "عنوان يمتد فوق العمودين معاً")
    texts = [s.text for s in read_bytes(data, "paper.pdf", ".pdf").document.iter_segments()]
    assert texts == ["عنوان يمتد فوق العمودين معاً", *RIGHT_COLUMN, *LEFT_COLUMN]


def test_a_two_column_english_page_reads_the_left_column_first() -> None:
    from reader.formats.registry import read_bytes

    left = [
        "The first column starts here and goes on for a while, long enough to fill a few lines of it.",
        "It has a second paragraph too, which also runs over more than one line of the column.",
    ]
    right = [
        "The second column follows it on the right side of the page, as long as the first one is.",
        "And it ends the page here, after a last paragraph that takes a few lines as well.",
    ]
    data = _two_columns(right, left, "A title across both columns", arabic=False)
    texts = [s.text for s in read_bytes(data, "paper.pdf", ".pdf").document.iter_segments()]
    assert texts == ["A title across both columns", *left, *right]


def test_a_table_of_short_cells_is_read_row_by_row_not_as_columns() -> None:
    from fpdf import FPDF

    from reader.formats.registry import read_bytes

    pdf = FPDF(format="A4")
    pdf.set_font("helvetica", size=12)
    pdf.add_page()
    rows = [("Year", "Visitors in millions"), ("2021", "1.2"), ("2022", "2.8"), ("2023", "3.5")]
    for number, (first, second) in enumerate(rows):
        pdf.set_xy(20, 30 + 10 * number)
        pdf.cell(60, 8, first)
        pdf.set_xy(130, 30 + 10 * number)
        pdf.cell(60, 8, second)
    document = read_bytes(bytes(pdf.output()), "table.pdf", ".pdf").document
    assert [document.block_text(b) for b in document.iter_blocks()] == [" | ".join(row) for row in rows]


def _footnoted_pages() -> bytes:
    """Two A5 pages: a paragraph cut by the page break, two 9 pt footnotes under a rule at the
    foot of the first page (the second wrapped over two lines), body text at 13 pt."""
    from fpdf import FPDF

    from reader.export.fonts import naskh_file

    pdf = FPDF(format=(148, 210))
    pdf.add_font("naskh", fname=str(naskh_file()))
    pdf.set_text_shaping(True)
    pdf.set_auto_page_break(False)
    pages = [
        [(13, NOTED_BODY[0]), (13, CUT[0])],
        [(13, CUT[1]), (13, NOTED_BODY[1])],
    ]
    for number, paragraphs in enumerate(pages):
        pdf.add_page()
        pdf.set_xy(10, 15)
        for size, text in paragraphs:
            pdf.set_font("naskh", size=size)
            pdf.multi_cell(128, 8, text, align="R", new_x="LMARGIN", new_y="NEXT")
            pdf.ln(3)
        if number == 0:
            pdf.line(100, 170, 138, 170)
            pdf.set_font("naskh", size=9)
            pdf.set_xy(10, 172)
            for note in NOTES:
                pdf.multi_cell(128, 5, note, align="R", new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


NOTED_BODY = [
    "قالت ثلاثة مصادر مطلعة إن مشاركين اجتمعوا في سويسرا لبحث الأزمة الراهنة بين البلدين.",
    "ذهب الولد إلى المدرسة صباحاً ثم عاد إلى البيت.",
]
CUT = [
    "وأضاف المصدر أن الاجتماع استمر ساعتين كاملتين دون توقف، وأن الطرفين اتفقا على مواصلة",
    "الحوار في الأسابيع المقبلة.",
]
NOTES = [
    "1 هذا نص الحاشية الأولى التي تشرح مصدر الخبر.",
    "2 وهذه الحاشية الثانية، وهي أطول قليلاً من الأولى وتمتد على سطرين كاملين لتوضيح الفكرة بتفصيل أكبر.",
]


def test_footnotes_are_blocks_of_their_own_after_their_pages_text() -> None:
    from reader.formats.registry import read_bytes

    document = read_bytes(_footnoted_pages(), "notes.pdf", ".pdf").document
    blocks = [(document.block_text(b), b.location.part, b.location.page) for b in document.iter_blocks()]
    assert blocks == [
        (NOTED_BODY[0], "", 1),
        (f"{CUT[0]} {CUT[1]}", "", 1),  # the paragraph the page break cut, joined over the notes
        (NOTES[0], "footnotes", 1),
        (NOTES[1], "footnotes", 1),
        (NOTED_BODY[1], "", 2),
    ]


@pytest.mark.parametrize(
    ("text", "note"),
    [
        ("1 نص", True),
        ("(2) نص", True),
        ("٣. نص", True),
        ("* نص", True),
        ("¹ نص", True),
        ("1948 عام", False),
        ("نص 1", False),
    ],
)
def test_a_note_opens_with_a_mark(text: str, note: bool) -> None:
    from reader.formats.pdf_notes import starts_note

    assert starts_note(text) is note


def test_a_tables_rows_are_blocks_with_their_cells_in_reading_order() -> None:
    from fpdf import FPDF

    from reader.export.fonts import naskh_file
    from reader.formats.registry import read_bytes

    before = "يبين الجدول التالي عدد الزوار في كل عام من الأعوام الثلاثة الأخيرة."
    after = "وتدل هذه الأرقام على انتعاش واضح في السياحة."
    rows = [
        ("العام", "عدد الزوار", "الملاحظات"),
        ("2021", "1.2 مليون", "تراجع بسبب الوباء"),
        ("2023", "3.5 مليون", "أعلى رقم"),
    ]
    pdf = FPDF(format="A4")
    pdf.add_font("naskh", fname=str(naskh_file()))
    pdf.set_font("naskh", size=12)
    pdf.set_text_shaping(True)
    pdf.add_page()
    pdf.set_xy(10, 20)
    pdf.multi_cell(190, 8, before, align="R")
    for n, row in enumerate(rows):
        for k, cell in enumerate(row):  # the first cell rightmost
            pdf.set_xy(150 - 60 * k, 40 + 10 * n)
            pdf.cell(50, 8, cell, align="R", border=1)
    pdf.set_xy(10, 90)
    pdf.multi_cell(190, 8, after, align="R")
    document = read_bytes(bytes(pdf.output()), "table.pdf", ".pdf").document
    texts = [document.block_text(b) for b in document.iter_blocks()]
    assert texts == [before, *(" | ".join(row) for row in rows), after]


def test_a_short_side_by_side_page_is_not_taken_for_a_table() -> None:
    # Two one-line rows, each an Arabic sentence beside its English: too few lines for a gutter.
    from reader.export.pdf import render_pdf
    from reader.formats.blocks_builder import RawBlock, build_document
    from reader.formats.registry import read_bytes
    from reader.model import SegmentResult

    arabic = ["ذهب الولد إلى المدرسة صباحاً.", "ثم عاد إلى البيت مساءً."]
    document = build_document([RawBlock(BlockKind.PARAGRAPH, text) for text in arabic], name="pair")
    document.apply_results(
        SegmentResult(s.id, s.revision, f"English sentence number {s.id} is here.")
        for s in document.iter_segments()
    )
    data = render_pdf(document, layout="side-by-side", page_size="A4", numbers=False)
    found = [s.text for s in read_bytes(data, "pair.pdf", ".pdf").document.iter_segments()]
    assert [text for text in found if "|" in text] == []
    assert set(arabic) <= set(found)
