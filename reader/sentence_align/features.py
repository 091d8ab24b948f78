"""What the aligner reads in a sentence: its length and its anchors.

Anchors are what survives translation unchanged: numbers (the digits of any script — ``٢٠٢٣``,
``۲۰۲۳`` and ``2023`` are one number; thousands and decimal separators dropped, so ``1.250.000``
is ``1,250,000``), Latin-script words in the Arabic (names, acronyms) found among the English
words, and the presence of a question or of a quotation.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# Vowel marks, superscript alef and tatweel lengthen Arabic text without adding meaning.
_NOT_COUNTED = re.compile("[\\s\u0640\u064b-\u065f\u0670\u06d6-\u06ed]")
_NUMBER = re.compile(r"\d+(?:[.,\u066b\u066c]\d+)*")
_LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]*[A-Za-z]")
_QUESTION = re.compile("[?\u061f]")
_QUOTE = re.compile('["«»“”„]')


@dataclass(frozen=True)
class SentenceFeatures:
    """One sentence as the aligner sees it."""

    length: int
    numbers: frozenset[str]
    latin: frozenset[str]
    question: bool
    quote: bool


def counted_length(text: str) -> int:
    """Characters that carry the sentence's content: no spaces, vowel marks or tatweel."""
    return len(_NOT_COUNTED.sub("", text))


def numbers_in(text: str) -> frozenset[str]:
    """Every number written with digits, as ASCII digits without separators."""
    found = set()
    for match in _NUMBER.finditer(text):
        digits = "".join(str(unicodedata.decimal(ch)) for ch in match.group() if ch.isdecimal())
        found.add(digits.lstrip("0") or "0")
    return frozenset(found)


def latin_words(text: str) -> frozenset[str]:
    """Latin-script words of two letters or more, lower-cased."""
    return frozenset(word.lower() for word in _LATIN_WORD.findall(text))


def sentence_features(text: str) -> SentenceFeatures:
    return SentenceFeatures(
        length=counted_length(text),
        numbers=numbers_in(text),
        latin=latin_words(text),
        question=bool(_QUESTION.search(text)),
        quote=bool(_QUOTE.search(text)),
    )
