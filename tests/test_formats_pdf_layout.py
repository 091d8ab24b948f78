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
