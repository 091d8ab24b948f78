"""chrF as written for the aligner: the definition by hand on small cases."""

from __future__ import annotations

import pytest

from reader.sentence_align.chrf import char_ngrams, chrf, chrf_of_ngrams


def test_the_same_text_scores_one_and_unrelated_text_zero() -> None:
    assert chrf("The talks began in Geneva.", "The talks began in Geneva.") == pytest.approx(1.0)
    assert chrf("abc", "xyz") == 0.0
    assert chrf("", "anything") == 0.0


def test_a_small_case_by_hand() -> None:
    # n=1: hyp {a, b} ref {a, b, c}: P 1, R 2/3; n=2: {ab} vs {ab, bc}: P 1, R 1/2; n≥3: no hyp
    # n-grams, left out. P = 1, R = 7/12, chrF2 = 5·P·R / (4·P + R) = 35/55.
    assert chrf("ab", "abc") == pytest.approx(35 / 55)
    assert chrf("ab", "abc", beta=1.0) == pytest.approx(2 * (7 / 12) / (1 + 7 / 12))


def test_repeated_ngrams_are_clipped_counts() -> None:
    # "aaaa" has a×4; "aa" a×2: two of four unigrams match (not all four, as sets would say).
    grams_hyp, grams_ref = char_ngrams("aaaa", order=1), char_ngrams("aa", order=1)
    assert chrf_of_ngrams(grams_hyp, grams_ref, beta=1.0) == pytest.approx(2 * 0.5 * 1.0 / 1.5)


def test_whitespace_does_not_count() -> None:
    assert chrf("the  talks", "thetalks") == pytest.approx(1.0)
