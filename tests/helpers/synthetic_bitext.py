"""Synthetic Arabic/English bitexts with known links, for the sentence aligner's tests.

Each English sentence is made of English-like words; its Arabic counterpart of real Arabic
words (tests/helpers/arabic_words.py), as long as the English divided by the Arabic→English
character ratio with the spread of real translations. Some carry a number (often in Arabic-
Indic digits on the Arabic side), a Latin name or a question. Then the English is disturbed:
two sentences merged (a 2-1 link), one split (1-2), one left out (1-0), one added (0-1).
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass

from tests.helpers.arabic_words import WORDS as ARABIC_WORDS

_LETTERS = "etaoinshrdlcumwfgypbvkjxqz"
_ARABIC_DIGITS = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
RATIO = 1.12  # English characters per Arabic character in the seed and its human translation


def _vocabulary(rng: random.Random, size: int = 600) -> list[str]:
    weights = [1 / (k + 1) for k in range(len(_LETTERS))]
    return ["".join(rng.choices(_LETTERS, weights, k=rng.randint(2, 9))) for _ in range(size)]


@dataclass(frozen=True)
class Bitext:
    arabic: list[str]
    english: list[str]
    arabic_paragraphs: list[int]
    english_paragraphs: list[int]
    links: list[tuple[tuple[int, ...], tuple[int, ...]]]
    reference: list[str]  # the English each Arabic sentence translates (before any disturbance)

    def bridge(self, rng: random.Random, replaced: float = 0.3) -> list[str]:
        """The reference English with *replaced* of its words swapped for others: a fake MT."""
        vocabulary = _vocabulary(rng, 300)
        return [
            " ".join(rng.choice(vocabulary) if rng.random() < replaced else w for w in text.split())
            for text in self.reference
        ]


def _pair(rng: random.Random, vocabulary: list[str]) -> tuple[str, str]:
    words = [rng.choice(vocabulary) for _ in range(max(3, int(rng.lognormvariate(math.log(18), 0.5))))]
    words[0] = words[0].capitalize()
    arabic_extra: list[str] = []
    if rng.random() < 0.2:
        number = str(rng.choice([rng.randint(2, 99), rng.randint(1900, 2030), rng.randint(1000, 999999)]))
        words.insert(rng.randrange(len(words)), number)
        arabic_extra.append(number.translate(_ARABIC_DIGITS) if rng.random() < 0.5 else number)
    if rng.random() < 0.05:
        name = rng.choice(["Reuters", "NBC", "Geneva", "Lavrov", "OPEC", "Nasa"])
        words.insert(rng.randrange(len(words)), name)
        arabic_extra.append(name)
    question = rng.random() < 0.05
    english = " ".join(words) + ("?" if question else ".")
    target = len(english.replace(" ", "")) / RATIO * rng.lognormvariate(0, 0.12)
    arabic_words = list(arabic_extra)
    while sum(len(w) for w in arabic_words) < target:
        arabic_words.insert(rng.randrange(len(arabic_words) + 1), rng.choice(ARABIC_WORDS))
    return " ".join(arabic_words) + ("؟" if question else "."), english


def make_bitext(seed: int, sentences: int = 150, disturbance: float = 0.2, nulls: float = 0.2) -> Bitext:
    """*sentences* Arabic sentences; about *disturbance* of them in a link other than 1-1.

    Of those, *nulls* are left out or followed by an added English sentence (half each), the rest
    merged with the next or split (half each). By default 1-0 and 0-1 links then make 2 % each of
    all links, twice Gale & Church's count in real parallel text (1 %), and merges and splits 8 %
    each (theirs: 9 % together).
    """
    rng = random.Random(seed)
    vocabulary = _vocabulary(rng)
    pairs = [_pair(rng, vocabulary) for _ in range(sentences)]
    paragraph = [0] * sentences
    for k in range(1, sentences):
        paragraph[k] = paragraph[k - 1] + (rng.random() < 0.15)
    english: list[str] = []
    english_paragraphs: list[int] = []
    links: list[tuple[tuple[int, ...], tuple[int, ...]]] = []
    k = 0
    while k < sentences:
        arabic_text, english_text = pairs[k]
        roll = rng.random() / disturbance if disturbance else 2.0
        start = len(english)
        if roll < (1 - nulls) / 2 and k + 1 < sentences and paragraph[k + 1] == paragraph[k]:
            english.append(english_text + " " + pairs[k + 1][1])
            english_paragraphs.append(paragraph[k])
            links.append(((k, k + 1), (start,)))
            k += 2
            continue
        if roll < 1 - nulls and len(english_text.split()) >= 8:
            words = english_text.split()
            cut = rng.randint(3, len(words) - 3)
            english += [" ".join(words[:cut]) + ".", " ".join(words[cut:]).capitalize()]
            english_paragraphs += [paragraph[k]] * 2
            links.append(((k,), (start, start + 1)))
        elif roll < 1 - nulls / 2:
            links.append(((k,), ()))
        else:
            english.append(english_text)
            english_paragraphs.append(paragraph[k])
            links.append(((k,), (start,)))
            if roll < 1.0:
                english.append(_pair(rng, vocabulary)[1])
                english_paragraphs.append(paragraph[k])
                links.append(((), (start + 1,)))
        k += 1
    return Bitext(
        arabic=[a for a, _ in pairs],
        english=english,
        arabic_paragraphs=paragraph,
        english_paragraphs=english_paragraphs,
        links=links,
        reference=[e for _, e in pairs],
    )


def recovered(
    links: list[tuple[tuple[int, ...], tuple[int, ...]]], found: set[tuple[tuple[int, ...], tuple[int, ...]]]
) -> float:
    """The share of the reference *links* that were found exactly."""
    return sum(link in found for link in links) / len(links)
