"""Markdown: headings, lists, quotes, code left as is, tables, and random round trips."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.formats.markdown import markdown_blocks, read_markdown
from reader.model import BlockKind
from tests.helpers import format_fixtures as fx


def test_markdown_sentences_and_chapters() -> None:
    document = read_markdown(fx.markdown_text(), "notes.md")
    assert [s.text for s in document.iter_segments()] == fx.SENTENCES
    assert [s.title for s in document.sections] == ["الفصل الأول", "الفصل الثاني"]


def test_markdown_kinds() -> None:
    text = (
        "# عنوان\n\n## باب **أول**\n\n- بند [أول](http://x) في القائمة\n- بند ثانٍ\n\n"
        "> اقتباس من كتاب قديم.\n\n```\nx = 1\n```\n\n| أ | ب |\n|---|---|\n| خلية | أخرى |\n"
    )
    blocks = [(b.kind, b.level, b.text) for b in markdown_blocks(text)]
    assert blocks == [
        (BlockKind.HEADING, 1, "عنوان"),
        (BlockKind.HEADING, 2, "باب أول"),
        (BlockKind.LIST_ITEM, 0, "بند أول في القائمة"),
        (BlockKind.LIST_ITEM, 0, "بند ثانٍ"),
        (BlockKind.QUOTE, 0, "اقتباس من كتاب قديم."),
        (BlockKind.PREFORMATTED, 0, "x = 1\n"),
        (BlockKind.PARAGRAPH, 0, "أ"),
        (BlockKind.PARAGRAPH, 0, "ب"),
        (BlockKind.PARAGRAPH, 0, "خلية"),
        (BlockKind.PARAGRAPH, 0, "أخرى"),
    ]
    document = read_markdown(text, "k.md")
    code = next(b for b in document.iter_blocks() if b.kind is BlockKind.PREFORMATTED)
    assert not code.translatable


_WORDS = st.sampled_from(["سافر", "الرجل", "إلى", "القاهرة", "بالقطار", "مع", "أسرته", "الصغيرة"])
_SENTENCES = st.lists(
    st.lists(_WORDS, min_size=2, max_size=7).map(lambda w: " ".join(w) + "؟"), min_size=1, max_size=3
)


@settings(max_examples=40, deadline=None)
@given(paragraphs=st.lists(_SENTENCES, min_size=1, max_size=6))
def test_random_paragraphs_round_trip(paragraphs) -> None:  # type: ignore[no-untyped-def]
    text = "\n\n".join(" ".join(p) for p in paragraphs)
    document = read_markdown(text, "r.md")
    assert [s.text for s in document.iter_segments()] == [s for p in paragraphs for s in p]
