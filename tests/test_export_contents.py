"""Titles and chapters as every exporter reads them from the model."""

from __future__ import annotations

import pytest

from reader.export.contents import (
    MISSING_MARK,
    UNTITLED,
    block_translation,
    chapters,
    document_title,
    file_title,
    shorten,
)
from reader.formats.plain_text import build_text_document
from reader.model import Document, SegmentResult
from tests.helpers.seed_english import CHAPTERED_HEADINGS, chaptered_seed, translated_seed


def test_the_documents_own_title_heading_is_the_title_with_its_english() -> None:
    title = document_title(chaptered_seed())
    assert title.text == CHAPTERED_HEADINGS[0][0]
    assert title.translation == CHAPTERED_HEADINGS[0][1]
    assert title.block_id == 0


def test_an_untranslated_title_has_no_english() -> None:
    document = build_text_document("عنوان المقال\n\nجملة أولى طويلة بما يكفي لتكون فقرة عادية.", "a.txt")
    title = document_title(document)
    assert title.text == "عنوان المقال"
    assert title.translation is None


def test_without_a_title_the_first_heading_is_used() -> None:
    document = chaptered_seed()
    headingless_title = Document(
        name="x.txt",
        parts=document.parts,
        blocks=document.iter_blocks(),
        segments=document.iter_segments(),
        sections=document.sections,
        title="",
    )
    assert document_title(headingless_title).text == CHAPTERED_HEADINGS[0][0]


def test_without_a_heading_or_title_the_first_sentence_shortened_is_the_title() -> None:
    title = document_title(translated_seed())  # the seed has no heading and no metadata title
    assert title.text == "قالت ثلاثة مصادر مطلعة إن مشاركين أميركيين وروسا…"
    assert title.translation == "Three informed sources said that American and Russian…"
    assert title.block_id is None
    short = build_text_document("عنوان قصير.", "x.txt")
    assert document_title(short).text == "عنوان قصير."  # not cut: kept as it is


def test_a_heading_comes_before_the_metadata_title() -> None:
    document = chaptered_seed()
    titled = Document(
        name="x.txt",
        parts=document.parts,
        blocks=document.iter_blocks(),
        segments=document.iter_segments(),
        sections=document.sections,
        title="Metadata Title",
    )
    assert document_title(titled).text == CHAPTERED_HEADINGS[0][0]
    plain = build_text_document("جملة أولى. جملة ثانية.", "x.txt")
    with_title = Document(
        name="x.txt",
        parts=plain.parts,
        blocks=plain.iter_blocks(),
        segments=plain.iter_segments(),
        title="كتاب",
    )
    assert document_title(with_title).text == "كتاب"


def test_the_file_name_is_the_last_resort() -> None:
    blank = Document(name="news_talks.ar.txt", parts={"": ""}, blocks=[], segments=[])
    assert document_title(blank).text == "news_talks"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("واحد اثنان ثلاثة", "واحد اثنان ثلاثة"),
        ("a b c d e f g h i j", "a b c d e f g h…"),
        (
            "one, two, three, four, five, six, seven, eight, nine.",
            "one, two, three, four, five, six, seven, eight…",
        ),
        ("x" * 70 + " tail", "x" * 70 + "…"),
    ],
)
def test_shorten(text: str, expected: str) -> None:
    assert shorten(text) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("news.ar.txt", "news"),
        ("/some/folder/Book Title.txt", "Book Title"),
        ("notes", "notes"),
        ("report.v2.txt", "report.v2"),
        (".txt", UNTITLED),
    ],
)
def test_file_title(name: str, expected: str) -> None:
    assert file_title(name) == expected


def test_an_empty_document_is_untitled() -> None:
    assert document_title(Document(name="", parts={"": ""}, blocks=[], segments=[])).text == UNTITLED


def test_chapters_in_reading_order_with_depth_and_english() -> None:
    found = chapters(chaptered_seed())
    assert [(c.title, c.translation, c.depth) for c in found] == [
        (CHAPTERED_HEADINGS[0][0], CHAPTERED_HEADINGS[0][1], 0),
        (CHAPTERED_HEADINGS[1][0], CHAPTERED_HEADINGS[1][1], 1),
        (CHAPTERED_HEADINGS[8][0], CHAPTERED_HEADINGS[8][1], 1),
    ]
    # Each chapter holds its own blocks: 1 heading + 1 sentence, then 1 + 7, then 1 + 7.
    assert [len(c.block_ids) for c in found] == [2, 8, 8]


def test_a_document_without_sections_is_one_chapter() -> None:
    document = translated_seed()
    bare = Document(
        name="x", parts=document.parts, blocks=document.iter_blocks(), segments=document.iter_segments()
    )
    (only,) = chapters(bare)
    assert only.title == ""
    assert len(only.block_ids) == len(list(document.iter_blocks()))


def test_a_block_with_a_failed_sentence_has_no_translation() -> None:
    document = chaptered_seed()
    block = document.block(0)
    segment = document.segments_of(block)[0]
    document.apply_results([SegmentResult(segment.id, segment.revision, None, "gave up")])
    assert block_translation(document, block) is None
    assert MISSING_MARK == "[not translated]"
