"""Arabic folding: every fold (table-driven), each one switchable, offsets mapping back exactly."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from reader.arabic.folding import Folds, fold_char, folder, strip_diacritics

FOLDS = [
    # (fold option, original, folded)
    ("alef", "أ", "ا"),
    ("alef", "إ", "ا"),
    ("alef", "آ", "ا"),
    ("alef", "ٱ", "ا"),
    ("yeh", "ى", "ي"),
    ("teh_marbuta", "ة", "ه"),
    ("hamza", "ؤ", "ء"),
    ("hamza", "ئ", "ء"),
    ("tatweel", "ـ", ""),
    ("diacritics", "\u064e", ""),  # fatha
    ("diacritics", "\u064b", ""),  # fathatan
    ("diacritics", "\u064f", ""),  # damma
    ("diacritics", "\u0650", ""),  # kasra
    ("diacritics", "\u0651", ""),  # shadda
    ("diacritics", "\u0652", ""),  # sukun
    ("diacritics", "\u0670", ""),  # dagger alef
    ("diacritics", "\u06e1", ""),  # Quranic sukun
    ("latin", "A", "a"),
    ("latin", "É", "e"),
    ("latin", "ß", "ss"),
]


@pytest.mark.parametrize(("option", "original", "folded"), FOLDS)
def test_each_fold_applies_by_default_and_can_be_switched_off(
    option: str, original: str, folded: str
) -> None:
    assert fold_char(original, Folds()) == folded
    assert fold_char(original, dataclasses.replace(Folds(), **{option: False})) == original


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("أَهْلاً", "اهلا"),
        ("مُسْتَشْفَى", "مستشفي"),
        ("المـــدرسة", "المدرسه"),
        ("سُؤال", "سءال"),
        ("Café ÉCOLE", "cafe ecole"),
        ("\ufefb", "لا"),  # lam-alef presentation form (PDF text)
        ("٣ كتب", "٣ كتب"),  # digits and plain letters as they are
    ],
)
def test_words_fold_to_their_bare_spelling(text: str, folded: str) -> None:
    assert folder().fold(text) == folded


@pytest.mark.parametrize(
    ("text", "word", "span"),
    [
        ("ذَهَبَ إِلَى المَدْرَسَةِ", "مدرسه", (15, 25)),  # the final kasra belongs to the word
        ("قال المـــدير", "مدير", (6, 13)),  # tatweel inside the word is covered
        ("Straße", "ss", (4, 5)),  # one letter that folds to two
    ],
)
def test_spans_map_back_to_the_word_as_written(text: str, word: str, span: tuple[int, int]) -> None:
    folded = folder().fold_with_offsets(text)
    start = folded.text.index(word)
    assert folded.original_span(start, start + len(word)) == span


def test_the_offset_map_folds_the_same_as_the_fast_path() -> None:
    text = "وَقَالَ الـرَّئِيسُ: Ça va? ﻷ"
    assert folder().fold_with_offsets(text).text == folder().fold(text)


def test_display_hides_the_vowels_only() -> None:
    assert strip_diacritics("إِلَى المَدْرَسَةِ") == "إلى المدرسة"


arabicish = st.text(
    alphabet=st.sampled_from(
        list("ابتثجحخدذرسشصضطظعغفقكلمنهويءأإآٱىةؤئـ \u064b\u064e\u064f\u0650\u0651\u0652\u0670AbÉß\ufefb")
    ),
    max_size=40,
)


@given(arabicish, st.integers(0, 60), st.integers(0, 60))
@example("AAAß", 3, 4)  # an empty later span inside «ß» → «ss»
def test_mapped_spans_are_in_bounds_monotone_and_cover_the_match(text: str, a: int, b: int) -> None:
    folded = folder().fold_with_offsets(text)
    assert folded.text == folder().fold(text)
    start, end = sorted((min(a, len(folded.text)), min(b, len(folded.text))))
    begin, finish = folded.original_span(start, end)
    assert 0 <= begin <= finish <= len(text)
    if end > start:
        assert folded.text[start:end] in folder().fold(text[begin:finish])
    # monotone: a later span never maps before an earlier one. An empty span has no end to
    # compare: one inside a letter that folds to two («ß» → «ss») sits before that letter.
    later_start = min(start + 1, len(folded.text))
    later_end = max(end, later_start)
    later = folded.original_span(later_start, later_end)
    if end > start and later_end > later_start:
        assert later[0] >= begin
        assert later[1] >= finish


@given(arabicish)
def test_folded_index_inverts_the_origins(text: str) -> None:
    folded = folder().fold_with_offsets(text)
    for index, origin in enumerate(folded.origins):
        assert folded.folded_index(origin) == folded.origins.index(origin) <= index
