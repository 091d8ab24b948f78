"""Headings on a PDF page: outline titles where they are printed, larger short lines without one."""

from __future__ import annotations

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


def test_a_table_of_short_cells_is_not_read_as_columns() -> None:
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
    texts = [s.text for s in read_bytes(bytes(pdf.output()), "table.pdf", ".pdf").document.iter_segments()]
    assert " ".join(texts).split() == " ".join(" ".join(row) for row in rows).split()
