"""Find over both languages: folded matching, reading order, original offsets, live updates."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.arabic.folding import Folds
from reader.find import FindIndex, Hit
from reader.formats.plain_text import build_text_document
from reader.model import SegmentResult

TEXT = "ذَهَبَ الولد إلى المَدْرَسَةِ. قرأ كتاباً في المدرسة.\n\nأكل الطفل تفاحة."


def translated():
    document = build_text_document(TEXT)
    english = ["The boy went to SCHOOL.", "He read a book at the school café.", "The child ate an apple."]
    document.apply_results(
        SegmentResult(s.id, s.revision, e) for s, e in zip(document.iter_segments(), english, strict=True)
    )
    return document


def test_hits_cover_both_languages_in_reading_order_with_original_offsets() -> None:
    document = translated()
    matches = FindIndex(document).search("مدرسة")
    first, second = document.segment_at(0), document.segment_at(1)
    hits = list(matches.hits())
    assert [(h.segment_id, h.language) for h in hits] == [(first.id, "ar"), (second.id, "ar")]
    assert first.text[hits[0].start : hits[0].end] == "مَدْرَسَةِ"
    assert second.text[hits[1].start : hits[1].end] == "مدرسة"
    school = list(FindIndex(document).search("school").hits())
    assert [(h.segment_id, h.language) for h in school] == [(first.id, "en"), (second.id, "en")]
    assert first.translation[school[0].start : school[0].end] == "SCHOOL"  # type: ignore[index]


def test_a_sentence_with_hits_on_both_sides_lists_the_arabic_first() -> None:
    document = build_text_document("زار Geneva أمس.")
    (segment,) = document.segments
    document.apply_results([SegmentResult(segment.id, 0, "He visited Geneva yesterday.")])
    hits = list(FindIndex(document).search("geneva").hits())
    assert hits == [Hit(segment.id, "ar", 4, 10), Hit(segment.id, "en", 11, 17)]


def test_english_ignores_case_and_accents() -> None:
    document = translated()
    (hit,) = FindIndex(document).search("CAFE").hits()
    assert hit.language == "en"
    assert document.segment(hit.segment_id).translation[hit.start : hit.end] == "café"  # type: ignore[union-attr,index]


def test_hamza_seats_and_vowels_typed_or_not_find_the_same_words() -> None:
    document = translated()
    assert len(FindIndex(document).search("اكل")) == 1  # أكل
    assert len(FindIndex(document).search("أَكَلَ")) == 1
    strict = FindIndex(document, Folds(alef=False))
    assert len(strict.search("اكل")) == 0
    assert len(strict.search("أكل")) == 1


def test_new_translations_are_found_after_mark_changed() -> None:
    document = build_text_document(TEXT)
    index = FindIndex(document).build()
    assert len(index.search("apple")) == 0
    last = document.segment_at(2)
    document.apply_results([SegmentResult(last.id, last.revision, "The child ate an apple.")])
    index.mark_changed([last.id])
    (hit,) = index.search("apple").hits()
    assert hit == Hit(last.id, "en", 17, 22)


def test_spans_per_row_and_the_next_hit_from_a_row() -> None:
    document = translated()
    matches = FindIndex(document).search("ال")
    assert matches.in_row(2, "ar") == [(4, 6)]  # الطفل
    assert matches.in_row(2, "en") == []
    assert int(matches.rows[matches.first_from(2)]) == 2
    assert matches.first_from(99) == 0  # past the end: wrap to the first


def test_empty_and_mark_only_queries_find_nothing() -> None:
    document = translated()
    index = FindIndex(document)
    assert len(index.search("")) == 0
    assert len(index.search("\u064e\u064e")) == 0  # vowels only fold to nothing
    assert len(index.search("zzz")) == 0
    assert len(FindIndex(build_text_document("")).search("a")) == 0


def _plain_hits(document, query: str) -> list[tuple[int, str, int, int]]:  # type: ignore[no-untyped-def]
    """Every occurrence by a plain loop over rows (unfolded text: the examples have no marks)."""
    found = []
    for row, segment in enumerate(document.iter_segments()):
        for language, text in (("ar", segment.text), ("en", (segment.translation or "").lower())):
            start = text.find(query)
            while start >= 0:
                found.append((row, language, start, start + len(query)))
                start = text.find(query, start + 1)
    return found


@settings(max_examples=60, deadline=None)
@given(
    sentences=st.lists(
        st.tuples(
            st.lists(st.sampled_from(["باب", "بيت", "كتب", "تب", "ب"]), min_size=1, max_size=6),
            st.one_of(
                st.none(), st.lists(st.sampled_from(["ab", "bab", "b", "cab"]), min_size=1, max_size=5)
            ),
        ),
        min_size=1,
        max_size=12,
    ),
    query=st.sampled_from(["ب", "تب", "باب", "b", "ab", "bab", "x"]),
)
def test_hits_by_arithmetic_match_a_plain_scan(sentences, query: str) -> None:  # type: ignore[no-untyped-def]
    """Hit i, its row, the spans per row and the first hit from a row, against a plain scan (the
    hits are addressed by counts per sentence, never listed one by one)."""
    text = "\n\n".join(" ".join(words) + "." for words, _english in sentences)
    document = build_text_document(text)
    segments = list(document.iter_segments())
    english = [" ".join(e) + "." if e else None for _w, e in sentences][: len(segments)]
    document.apply_results(
        SegmentResult(s.id, s.revision, e) for s, e in zip(segments, english, strict=False) if e is not None
    )
    expected = _plain_hits(document, query)
    matches = FindIndex(document).search(query)
    assert len(matches) == len(expected)
    got = []
    for i in range(len(matches)):
        hit = matches.hit(i)
        got.append((matches.row(i), hit.language, hit.start, hit.end))
        assert document.segment(hit.segment_id) is document.segment_at(matches.row(i))
    assert got == expected
    assert [int(r) for r in matches.rows] == [row for row, *_rest in expected]
    for row in range(len(document)):
        for language in ("ar", "en"):
            assert matches.in_row(row, language) == [
                (s, e) for r, lang, s, e in expected if (r, lang) == (row, language)
            ]
        later = [i for i, (r, *_rest) in enumerate(expected) if r >= row]
        assert matches.first_from(row) == (later[0] if later else 0)


def arrival_batches(
    texts: list[str], per_batch: int, batches: int
) -> st.SearchStrategy[list[list[tuple[int, str]]]]:
    """Batches of (row of the 11-sentence book, its new translation) arriving one after another."""
    arrival = st.tuples(st.integers(0, 10), st.sampled_from(texts))
    return st.lists(st.lists(arrival, max_size=per_batch), min_size=1, max_size=batches)


@settings(max_examples=40, deadline=None)
@given(arrivals=arrival_batches(["a cab", "bab b", "", "x"], per_batch=5, batches=4))
def test_translations_folded_in_block_by_block_find_what_a_fresh_index_finds(arrivals) -> None:  # type: ignore[no-untyped-def]
    """Arriving translations re-encode and search again only their blocks (three sentences here):
    the hits must stay exactly what a fresh index finds."""
    import reader.find as find

    document = build_text_document("\n\n".join(f"باب رقم {i}." for i in range(11)))
    index = FindIndex(document)
    index.build()
    original, find.BLOCK = find.BLOCK, 3
    try:
        index.build()  # blocks of three from here on
        for batch in arrivals:
            segments = [document.segment_at(row) for row, _text in batch]
            changed = document.apply_results(
                SegmentResult(s.id, s.revision, text or None)
                for s, (_row, text) in zip(segments, batch, strict=True)
            )
            index.mark_changed(changed)
            # "x" first: the last query of the batch before, whose hits in unchanged blocks are kept
            for query in ("x", "ab", "b", "باب", "x"):
                fresh = FindIndex(document).search(query)
                found = index.search(query)
                assert [(h.segment_id, h.language, h.start) for h in found.hits()] == [
                    (h.segment_id, h.language, h.start) for h in fresh.hits()
                ]
    finally:
        find.BLOCK = original


@settings(max_examples=40, deadline=None)
@given(arrivals=arrival_batches(["a cab", "bab b", "", "abab"], per_batch=4, batches=3))
def test_a_query_typed_letter_by_letter_finds_what_a_fresh_index_finds(arrivals) -> None:  # type: ignore[no-untyped-def]
    """Each letter narrows the last query's hits (in blocks of three here), with translations
    arriving between the letters; the hits stay what a fresh index finds."""
    import reader.find as find

    document = build_text_document("\n\n".join(f"باب بيت رقم {i}." for i in range(11)))
    original, find.BLOCK = find.BLOCK, 3
    try:
        index = FindIndex(document)
        index.build()
        for typed in (["b", "ba", "bab"], ["a", "ab", "aba", "abab"], ["ب", "با", "باب", "باب "]):
            for batch, query in zip([*arrivals, [], [], []], typed, strict=False):
                segments = [document.segment_at(row) for row, _text in batch]
                changed = document.apply_results(
                    SegmentResult(s.id, s.revision, text or None)
                    for s, (_row, text) in zip(segments, batch, strict=True)
                )
                index.mark_changed(changed)
                fresh = FindIndex(document).search(query)
                assert [(h.segment_id, h.language, h.start) for h in index.search(query).hits()] == [
                    (h.segment_id, h.language, h.start) for h in fresh.hits()
                ]
    finally:
        find.BLOCK = original


def test_a_letter_typed_onto_the_query_checks_only_its_hits(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """No scan of the whole book for «الف» after «ال» (a typed letter cost 3-9 ms on 20 000
    sentences); only a block whose translations changed is searched again."""
    import reader.find as find

    document = translated()
    index = FindIndex(document)
    index.search("مد")
    scanned: list[int] = []
    real = find.find_all

    def spy(codes, query):  # type: ignore[no-untyped-def]
        scanned.append(len(codes))
        return real(codes, query)

    monkeypatch.setattr(find, "find_all", spy)
    assert len(index.search("مدر")) == 2
    assert len(index.search("مدرسة")) == 2
    assert scanned == []
    assert len(index.search("رس")) == 2  # not typed further: the whole text is searched
    assert scanned
