"""chrF (Popović 2015): an F-score over character n-grams, here between machine and human English.

Written here rather than taken from sacrebleu (Apache-2.0, but a large dependency for twenty
lines). Whitespace is removed before counting, as sacrebleu does; precision and recall are
averaged over the n-gram orders before the F-score. The aligner uses beta = 1 (symmetric: a
link that takes one English sentence too many and one that takes one too few cost alike);
beta = 2 is the metric's usual setting.

The k-th occurrence of an n-gram is kept as the pair (n-gram, k), so that the size of the
intersection of two such sets is the clipped count chrF needs, computed by the set type in C
(about 20× faster than comparing counters, which matters inside the aligner's search).
"""

from __future__ import annotations

from collections import Counter

ORDER = 6

NGrams = tuple[frozenset[tuple[str, int]], ...]


def char_ngrams(text: str, order: int = ORDER) -> NGrams:
    """Character n-grams of *text* for n = 1..order, whitespace removed, occurrences numbered."""
    squeezed = "".join(text.split())
    grams = []
    for n in range(1, order + 1):
        counts = Counter(squeezed[k : k + n] for k in range(len(squeezed) - n + 1))
        grams.append(frozenset((gram, k) for gram, count in counts.items() for k in range(count)))
    return tuple(grams)


def chrf_of_ngrams(hypothesis: NGrams, reference: NGrams, beta: float = 2.0) -> float:
    """chrF in 0..1 from n-grams made by :func:`char_ngrams`."""
    precision = recall = 0.0
    orders = 0
    for hyp, ref in zip(hypothesis, reference, strict=True):
        if not hyp or not ref:
            continue
        matched = len(hyp & ref)
        precision += matched / len(hyp)
        recall += matched / len(ref)
        orders += 1
    if orders == 0 or precision == 0.0:
        return 0.0
    precision /= orders
    recall /= orders
    b2 = beta * beta
    return (1 + b2) * precision * recall / (b2 * precision + recall)


def chrf(hypothesis: str, reference: str, beta: float = 2.0) -> float:
    """chrF of *hypothesis* against *reference* in 0..1 (1 when they are the same text)."""
    return chrf_of_ngrams(char_ngrams(hypothesis), char_ngrams(reference), beta)
