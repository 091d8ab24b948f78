"""EPUB 2 and 3: spine order, titles from nav/NCX, dir/lang, skipped markup, footnotes, round trips."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.formats.registry import read_bytes
from reader.model import BlockKind, Direction, Origin, Status
from tests.helpers import format_fixtures as fx


def _read(data: bytes):  # type: ignore[no-untyped-def]
    return read_bytes(data, "book.epub", ".epub").document


def test_epub3_chapters_in_spine_order_with_parts_and_exact_spans() -> None:
    document = _read(fx.make_epub())
    assert [s.text for s in document.iter_segments()] == fx.SENTENCES
    assert document.title == "كتاب الاختبار"
    assert [s.title for s in document.sections] == ["الفصل الأول", "الفصل الثاني"]
    for segment in document.iter_segments():
        block = document.block(segment.block_id)
        assert block.location.part.startswith("OEBPS/text/ch")
        assert document.part_text(segment)[segment.start : segment.end] == segment.text
        assert block.direction is Direction.RTL


def test_epub2_titles_come_from_the_ncx_when_chapters_have_no_heading() -> None:
    document = _read(fx.make_epub(version=2, headings_in_text=False))
    headings = [block for _p, block in document.headings()]
    assert [document.block_text(b) for b in headings] == ["الفصل الأول", "الفصل الثاني"]
    assert all(b.level == 1 for b in headings)


def test_epub3_titles_come_from_the_nav_document() -> None:
    document = _read(fx.make_epub(version=3, headings_in_text=False))
    assert [s.title for s in document.sections] == ["الفصل الأول", "الفصل الثاني"]


EXTRA = (
    '<blockquote lang="en" dir="ltr"><p>To be, or not to be, that is the question.</p></blockquote>'
    "<pre><code>print('hello')</code></pre>"
    '<p>نص <img src="a.png" alt="صورة"/>قبل الحاشية<a epub:type="noteref" href="#n1">1</a>.</p>'
    '<aside epub:type="footnote" id="n1"><p>هذه حاشية الفصل الأول.</p></aside>'
    "<ul><li>البند الأول في القائمة</li><li>البند الثاني في القائمة</li></ul>"
)


def test_quotes_code_lists_and_footnotes_keep_their_kind_and_language() -> None:
    document = _read(fx.make_epub(extra_xhtml=EXTRA))
    by_text = {document.block_text(b): b for b in document.iter_blocks()}
    quote = by_text["To be, or not to be, that is the question."]
    assert (quote.kind, quote.lang, quote.direction, quote.translatable) == (
        BlockKind.QUOTE,
        "en",
        Direction.LTR,
        False,
    )
    code = by_text["print('hello')"]
    assert code.kind is BlockKind.PREFORMATTED
    assert not code.translatable
    assert by_text["هذه حاشية الفصل الأول."].kind is BlockKind.PARAGRAPH
    assert by_text["البند الأول في القائمة"].kind is BlockKind.LIST_ITEM
    assert "نص قبل الحاشية1." in by_text  # the image is skipped, its tail kept
    assert not any("var a" in text for text in by_text)  # scripts are not text
    english = document.segments_of(quote)[0]
    assert english.status is Status.DONE
    assert english.rendering is not None
    assert english.rendering.origin is Origin.SOURCE
    assert english.translation == english.text


def test_an_english_declared_chapter_of_arabic_text_is_still_arabic() -> None:
    data = fx.make_epub().replace(b'lang="ar"', b'lang="en"')
    document = _read(data)
    assert all(b.translatable for b in document.iter_blocks())


_WORDS = st.sampled_from(
    ["كتب", "الولد", "رسالة", "طويلة", "إلى", "صديقه", "في", "المدينة", "البعيدة", "عن", "البحر"]
)
_SENTENCE = st.lists(_WORDS, min_size=2, max_size=8).map(lambda w: " ".join(w) + ".")
_PARAGRAPH = st.lists(_SENTENCE, min_size=1, max_size=3)
_CHAPTERS = st.lists(
    st.tuples(
        st.lists(_WORDS, min_size=1, max_size=3).map(" ".join), st.lists(_PARAGRAPH, min_size=1, max_size=3)
    ),
    min_size=1,
    max_size=3,
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(chapters=_CHAPTERS, version=st.sampled_from([2, 3]))
def test_random_books_round_trip_sentence_for_sentence(chapters, version) -> None:  # type: ignore[no-untyped-def]
    book = [(title, [" ".join(p) for p in paragraphs]) for title, paragraphs in chapters]
    expected = []
    for title, paragraphs in chapters:
        expected.append(title)
        expected += [s for p in paragraphs for s in p]
    document = _read(fx.make_epub(book, version=version))
    assert [s.text for s in document.iter_segments()] == expected
