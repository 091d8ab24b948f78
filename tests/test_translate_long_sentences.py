"""Model-input cleaning and the cutting of over-long sentences at clause boundaries."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.translate.long_sentences import clean_model_input, join_translations, split_long_sentence


def words(text: str) -> int:
    """A stand-in token counter: one token per word plus the end-of-sentence token."""
    return len(text.split()) + 1


def test_bidi_controls_and_tatweel_are_removed() -> None:
    marked = "\u200fقـــال\u200e \u202bالرئيس\u202c \u2067اليوم\u2069 \u202a\u202d\u202e\u2066\u2068"
    assert clean_model_input(marked) == "قال الرئيس اليوم"


def test_cleaning_collapses_whitespace_only() -> None:
    assert clean_model_input("  قال \t الرئيس،   اليوم  ") == "قال الرئيس، اليوم"


def test_short_sentence_is_left_whole() -> None:
    text = "قال الرئيس، اليوم: إن المحادثات مستمرة"
    assert split_long_sentence(text, words, 50) == [text]


def test_cut_at_clause_marks_first() -> None:
    clauses = ["أ ب ج د،", "هـ و ز ح؛", "ط ي ك ل:", "م ن س ع"]
    text = " ".join(clauses)
    pieces = split_long_sentence(text, words, 6)
    assert pieces == clauses  # each clause (4 words + end) fits; two together do not


def test_clauses_are_packed_greedily() -> None:
    text = "أ، ب، ج، د، هـ، و"
    pieces = split_long_sentence(text, words, 4)
    assert pieces == ["أ، ب، ج،", "د، هـ، و"]


def test_whitespace_when_a_clause_is_too_long() -> None:
    text = "واحد اثنان ثلاثة أربعة خمسة ستة سبعة، ثمانية"
    pieces = split_long_sentence(text, words, 4)
    assert pieces == ["واحد اثنان ثلاثة", "أربعة خمسة ستة", "سبعة، ثمانية"]
    assert all(words(p) <= 4 for p in pieces)


def test_single_overlong_word_is_cut_by_characters() -> None:
    def characters(text: str) -> int:
        return len(text) + 1

    url = "https://example.com/" + "a" * 60
    pieces = split_long_sentence(f"انظر {url}", characters, 20)
    assert "".join(pieces[1:]) == url
    assert all(characters(p) <= 20 for p in pieces)


def test_limit_must_allow_some_text() -> None:
    with pytest.raises(ValueError, match="at least 2"):
        split_long_sentence("نص", words, 1)


@given(
    st.lists(
        st.text(alphabet="ابتثجحخ", min_size=1, max_size=6),
        min_size=1,
        max_size=60,
    ),
    st.lists(st.sampled_from(["", "،", "؛", ":"]), min_size=60, max_size=60),
    st.integers(min_value=2, max_value=15),
)
def test_pieces_fit_and_keep_every_word_in_order(tokens: list[str], marks: list[str], limit: int) -> None:
    text = " ".join(token + mark for token, mark in zip(tokens, marks, strict=False))
    pieces = split_long_sentence(text, words, limit)
    assert all(words(p) <= limit for p in pieces)
    assert " ".join(pieces).split() == text.split()


def test_join_translations() -> None:
    assert join_translations([" The president said, ", "", "the talks continue. "]) == (
        "The president said, the talks continue."
    )
