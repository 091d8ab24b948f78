"""The shared blocks → document path: exact spans per part, languages decided by the text, and
blocks that are not Arabic shown as is, never sent to the model."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.errors import BadInput
from reader.formats.blocks_builder import RawBlock, build_document, is_arabic
from reader.model import BlockKind, Direction, Origin, Status
from reader.translate.fake import FakeTranslator
from reader.translate.session import translate_document

MIXED = [
    RawBlock(BlockKind.HEADING, "  الفصل   الأول ", 1, part="a"),
    RawBlock(BlockKind.PARAGRAPH, "قال الكاتب: هذه جملة أولى. وهذه ثانية!", part="a"),
    RawBlock(BlockKind.QUOTE, "To be, or not to be. That is the question.", lang="en", part="a"),
    RawBlock(BlockKind.PREFORMATTED, "for x in range(3):\n    print(x)", part="b"),
    RawBlock(BlockKind.PARAGRAPH, "كلمة English واحدة في جملة عربية.", part="b"),
]


def test_spans_index_each_part_exactly() -> None:
    document = build_document(MIXED, name="m")
    assert set(document.parts) == {"a", "b"}
    for segment in document.iter_segments():
        part = document.part_text(segment)
        assert part[segment.start : segment.end].replace("\n", " ") == segment.text
    assert document.segment_at(0).text == "الفصل الأول"  # spaces collapsed
    assert document.title == "الفصل الأول"


def test_languages_and_directions_come_from_the_text() -> None:
    document = build_document(MIXED, name="m")
    blocks = list(document.iter_blocks())
    assert [(b.lang, b.direction, b.translatable) for b in blocks] == [
        ("ar", Direction.RTL, True),
        ("ar", Direction.RTL, True),
        ("en", Direction.LTR, False),
        ("und", Direction.LTR, False),
        ("ar", Direction.RTL, True),
    ]
    assert is_arabic("2024")
    assert not is_arabic("Hello, world")


def test_blocks_that_are_not_arabic_are_shown_as_is_and_never_sent_to_the_model() -> None:
    document = build_document(MIXED, name="m")
    as_is = [s for s in document.iter_segments() if not document.block(s.block_id).translatable]
    assert [s.text for s in as_is] == [
        "To be, or not to be.",
        "That is the question.",
        "for x in range(3):     print(x)",
    ]
    assert all(s.status is Status.DONE and s.rendering and s.rendering.origin is Origin.SOURCE for s in as_is)
    assert all(s.translation == s.text for s in as_is)
    translator = FakeTranslator()
    list(translate_document(document, translator))
    sent = [text for call in translator.calls for text in call]
    assert not any(s.text in sent for s in as_is)
    assert document.pending_count == 0
    assert document.translated_count == len(document)
    assert document.reset([s.id for s in as_is], keep_edited=False) == []  # a retranslation keeps them


def test_nothing_but_blank_blocks_is_no_text() -> None:
    with pytest.raises(BadInput, match="no text"):
        build_document([RawBlock(BlockKind.PARAGRAPH, "  \n ")], name="x")


_WORDS = st.sampled_from(["كتب", "الولد", "رسالة", "إلى", "صديقه", "word", "in", "English", "2024"])
_BLOCK = st.lists(_WORDS, min_size=1, max_size=12).map(" ".join)


@settings(max_examples=60, deadline=None)
@given(texts=st.lists(st.tuples(_BLOCK, st.sampled_from(list(BlockKind))), min_size=1, max_size=10))
def test_any_blocks_give_exact_spans_and_one_block_each(texts) -> None:  # type: ignore[no-untyped-def]
    document = build_document([RawBlock(kind, text, 2) for text, kind in texts], name="h")
    assert len(list(document.iter_blocks())) == len(texts)
    for segment in document.iter_segments():
        assert document.part_text(segment)[segment.start : segment.end] == segment.text
