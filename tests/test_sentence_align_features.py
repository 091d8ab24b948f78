"""What the aligner reads in a sentence: numbers in any script, Latin words, lengths."""

from __future__ import annotations

from reader.sentence_align.features import counted_length, latin_words, numbers_in, sentence_features


def test_digits_of_any_script_are_one_number() -> None:
    assert numbers_in("عام ٢٠٢٣") == numbers_in("year 2023") == numbers_in("سال ۲۰۲۳") == frozenset({"2023"})


def test_separators_and_leading_zeros_are_dropped() -> None:
    assert numbers_in("1.250.000 دولار") == numbers_in("$1,250,000") == frozenset({"1250000"})
    assert numbers_in("٣٫٥ %") == numbers_in("3.5%") == frozenset({"35"})
    assert numbers_in("007") == frozenset({"7"})


def test_latin_words_in_arabic_are_anchors() -> None:
    assert latin_words("قالت وكالة Reuters إن NBC") == frozenset({"reuters", "nbc"})
    assert latin_words("لا كلمات لاتينية، a") == frozenset()


def test_vowel_marks_and_tatweel_do_not_lengthen_arabic() -> None:
    assert counted_length("كَتَبَ") == counted_length("كتب") == counted_length("كتـــب") == 3


def test_questions_and_quotes() -> None:
    asked = sentence_features("هل انتهت «المحادثات»؟")
    assert asked.question
    assert asked.quote
    plain = sentence_features("Talks ended.")
    assert not plain.question
    assert not plain.quote
