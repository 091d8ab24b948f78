"""The cost of a link (a "bead"): lower is likelier. Every term is a negative log-odds in nats.

- Prior: how often links of this shape occur (74 % of real links are 1-1, Sennrich & Volk).
- Length: Gale & Church's model — English length ≈ ratio × Arabic length with a variance that
  grows with length: ``a·L + b·L²`` (L the link's mean length). Gale & Church have only the
  linear term; the quadratic one is a spread proportional to length (a translator who is wordier
  than average is so through a long sentence too), which is what the seed's human English and
  our synthetic bitexts show. The ratio starts as total English over total Arabic characters;
  ratio, ``a`` and ``b`` are refitted to the 1-1 links of a first alignment.
- Anchors: a number or Latin word found on both sides pulls the two together; a number on one
  side only, or a question or quotation on one side only, pushes them apart.
- Paragraphs: a link that starts a paragraph on both sides is rewarded, on one side only is
  penalised, and a link that swallows a paragraph start is penalised more: strong hints.

Costs are computed for a whole row of the band at once (numpy), one link shape at a time.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

import numpy as np

from reader.sentence_align.sides import FloatArray, IntArray, Side

PRIORS = {
    (1, 1): 0.85,
    (1, 0): 0.01,
    (0, 1): 0.01,
    (1, 2): 0.055,
    (2, 1): 0.055,
    (1, 3): 0.008,
    (3, 1): 0.008,
}
# Variance per character of (English − ratio × Arabic) before it is fitted to the pair:
# Gale & Church's 6.8 (European pairs); the seed and its human English
# (tests/helpers/seed_english.py) give 2.0. It is refitted to each pair from a first alignment.
VARIANCE = 6.8
MAX_VARIANCE = 20.0
# The quadratic term's ceiling: a spread of 50 % of the length.
MAX_RELATIVE = 0.25
MIN_RATIO, MAX_RATIO = 0.25, 4.0
MIN_FIT_LINKS = 8
# Links a first alignment must show before its shares of link shapes outweigh PRIORS.
PRIOR_WEIGHT = 50
# A number or Latin name on both sides is rarely chance (e^3 ≈ 20 to 1); one on one side only
# happens (a number spelt out in words), but seldom.
ANCHOR_MATCH = 3.0
ANCHOR_MISS = 2.0
QUESTION_MISS = 1.5
QUOTE_MISS = 0.5
PARAGRAPH_BOTH = 3.0
PARAGRAPH_ONE = 2.0
PARAGRAPH_INSIDE = 1.5


@dataclass(frozen=True)
class PairModel:
    """What is fitted to the pair being aligned: length ratio, its variance, link-shape costs."""

    ratio: float
    variance: float = VARIANCE
    relative: float = 0.0
    shape_costs: tuple[tuple[tuple[int, int], float], ...] = tuple(
        (shape, -math.log(share)) for shape, share in PRIORS.items()
    )

    @cached_property
    def _costs(self) -> dict[tuple[int, int], float]:
        return dict(self.shape_costs)

    def prior_cost(self, shape: tuple[int, int]) -> float:
        """Minus the log of the share of links with this shape."""
        return self._costs[shape]

    @classmethod
    def fitted(cls, source: Side, target: Side) -> PairModel:
        """The pair's own English/Arabic character ratio, kept within plausible bounds."""
        total_source = int(source.length[-1])
        total_target = int(target.length[-1])
        if total_source == 0 or total_target == 0:
            return cls(ratio=1.0)
        return cls(ratio=min(MAX_RATIO, max(MIN_RATIO, total_target / total_source)))

    def refitted(self, source: Side, target: Side, beads: Sequence[tuple[int, int, int, int]]) -> PairModel:
        """Ratio, variance and link-shape shares re-estimated from a first alignment.

        Robustly, from its 1-1 links: the ratio is the median of their ratios, the variance's
        two terms are fitted to the median squared deviation of each quarter of them by length
        (over that of a squared standard normal, 0.455), so the few wrong links of a first pass
        barely move them.
        """
        pairs = np.array(
            [(i0, j0) for i0, i1, j0, j1 in beads if i1 - i0 == 1 and j1 - j0 == 1], dtype=np.int64
        )
        if len(pairs) < MIN_FIT_LINKS:
            return self
        source_length = (source.length[pairs[:, 0] + 1] - source.length[pairs[:, 0]]).astype(np.float64)
        target_length = (target.length[pairs[:, 1] + 1] - target.length[pairs[:, 1]]).astype(np.float64)
        both = (source_length > 0) & (target_length > 0)
        ratio = self.ratio
        if both.sum() >= MIN_FIT_LINKS:
            ratio = float(np.exp(np.median(np.log(target_length[both] / source_length[both]))))
            ratio = min(MAX_RATIO, max(MIN_RATIO, ratio))
        expected = ratio * source_length
        variance, relative = _fit_spread((expected + target_length) / 2, (target_length - expected) ** 2)
        shapes = Counter((i1 - i0, j1 - j0) for i0, i1, j0, j1 in beads)
        total = len(beads) + PRIOR_WEIGHT
        shares = {shape: (shapes[shape] + PRIOR_WEIGHT * share) / total for shape, share in PRIORS.items()}
        return PairModel(
            ratio,
            variance,
            relative,
            tuple((shape, -math.log(share)) for shape, share in shares.items()),
        )

    def length_cost(
        self, source_length: float, source_squares: float, target_length: FloatArray
    ) -> FloatArray:
        """Half the squared deviation of the English length from the expected, in variances.

        Each Arabic sentence is translated with its own spread, so the quadratic term of several
        is the sum of theirs: ``b·L²`` times Σ length² / (Σ length)² (*source_squares* is the
        Σ length²), half of it for two sentences alike.
        """
        expected = self.ratio * source_length
        mean = (expected + target_length) / 2
        share = source_squares / (source_length * source_length) if source_length else 1.0
        spread = self.variance * mean + self.relative * share * mean * mean + 1.0
        cost: FloatArray = (target_length - expected) ** 2 / (2 * spread)
        return cost


def _fit_spread(mean: FloatArray, squared: FloatArray) -> tuple[float, float]:
    """``a``, ``b`` ≥ 0 with ``a·L + b·L²`` ≈ the variance of the deviations at length L.

    The links are cut in quarters by length; in each the variance is the median squared
    deviation over 0.455; the two terms are fitted to the four by least squares, dropping a
    term whose fit would be negative.
    """
    order = np.argsort(mean)
    groups = [part for part in np.array_split(order, 4) if len(part)]
    lengths = np.array([float(np.mean(mean[part])) for part in groups])
    variances = np.array([float(np.median(squared[part])) / 0.455 for part in groups])
    design = np.stack([lengths, lengths * lengths], axis=1)
    a, b = (float(x) for x in np.linalg.lstsq(design, variances, rcond=None)[0])
    if a < 0 or b < 0:
        linear = float(variances @ lengths / (lengths @ lengths))
        quadratic = float(variances @ lengths**2 / (lengths**2 @ lengths**2))
        linear_error = float(np.sum((variances - linear * lengths) ** 2))
        quadratic_error = float(np.sum((variances - quadratic * lengths**2) ** 2))
        a, b = (linear, 0.0) if linear_error <= quadratic_error else (0.0, quadratic)
    return min(MAX_VARIANCE, max(0.0, a)), min(MAX_RELATIVE, max(0.0, b))


def token_matches(
    source: Side, target: Side, i0: int, a: int, first: int, count: int, b: int
) -> tuple[IntArray, IntArray]:
    """For links of Arabic units [i0, i0+a) with English [j0, j0+b), j0 = first..first+count-1:
    how many numbers and how many Latin words of the Arabic the English holds."""
    tokens: frozenset[str] = frozenset().union(*source.tokens[i0 : i0 + a])
    matched_numbers = np.zeros(count, dtype=np.int64)
    matched_words = np.zeros(count, dtype=np.int64)
    for token in tokens:
        units = target.index.get(token)
        if units is None:
            continue
        lo, hi = np.searchsorted(units, [first, first + count - 1 + b])
        if lo == hi:
            continue
        hit = np.zeros(count, dtype=np.bool_)
        for unit in units[lo:hi]:  # links starting at unit-b+1..unit hold the unit
            hit[max(0, int(unit) - b + 1 - first) : int(unit) + 1 - first] = True
        if token.startswith("#"):
            matched_numbers += hit
        else:
            matched_words += hit
    return matched_numbers, matched_words


class RowCosts:
    """Link costs for one pair of sides at one resolution, a row of the band at a time.

    What depends only on the English side and the link's English width is computed once per
    width for every start (``_english``); a row then costs a few vector operations per shape.
    """

    def __init__(self, source: Side, target: Side, model: PairModel) -> None:
        self.source, self.target, self.model = source, target, model
        self._english: dict[int, tuple[FloatArray, ...]] = {}

    def _for_width(self, b: int) -> tuple[FloatArray, ...]:
        cached = self._english.get(b)
        if cached is None:
            t = self.target
            starts = np.arange(t.n - b + 1)
            length = (t.length[b:] - t.length[: t.n - b + 1]).astype(np.float64)
            numbers = (t.numbers[b:] - t.numbers[: t.n - b + 1]).astype(np.float64)
            question = (t.questions[b:] > t.questions[: t.n - b + 1]).astype(np.float64)
            quote = (t.quotes[b:] > t.quotes[: t.n - b + 1]).astype(np.float64)
            start = t.para[starts].astype(np.float64)
            inside = np.zeros(len(starts))
            for k in range(1, b):
                inside = np.maximum(inside, t.para[starts + k])
            para_when_source_starts = (
                PARAGRAPH_ONE - (PARAGRAPH_BOTH + PARAGRAPH_ONE) * start + PARAGRAPH_INSIDE * inside
            )
            para_otherwise = PARAGRAPH_ONE * start + PARAGRAPH_INSIDE * inside
            misses = tuple(
                ANCHOR_MISS * numbers
                + QUESTION_MISS * (1 - question if asks else question)
                + QUOTE_MISS * (1 - quote if quotes else quote)
                for asks in (False, True)
                for quotes in (False, True)
            )
            cached = self._english[b] = (length, numbers, para_when_source_starts, para_otherwise, *misses)
        return cached

    def costs(self, i0: int, a: int, first: int, count: int, b: int) -> FloatArray:
        """Costs of links (i0, i0+a) × (j0, j0+b) for j0 = first..first+count-1."""
        s = self.source
        window = slice(first, first + count)
        length, numbers, para_start, para_other, *misses = self._for_width(b)
        source_starts = bool(s.para[i0])
        cost: FloatArray = (para_start if source_starts else para_other)[window] + self.model.prior_cost(
            (a, b)
        )
        if a >= 2 and bool(s.para[i0 + 1 : i0 + a].any()):
            cost = cost + PARAGRAPH_INSIDE
        if a == 0 or b == 0:
            return cost
        cost = cost + self.model.length_cost(
            float(s.length[i0 + a] - s.length[i0]), float(s.squares[i0 + a] - s.squares[i0]), length[window]
        )
        asks = s.questions[i0 + a] > s.questions[i0]
        quotes = s.quotes[i0 + a] > s.quotes[i0]
        cost = cost + misses[2 * int(asks) + int(quotes)][window]
        source_numbers = int(s.numbers[i0 + a] - s.numbers[i0])
        if source_numbers or any(s.tokens[i0 : i0 + a]):
            matched_numbers, matched_words = token_matches(s, self.target, i0, a, first, count, b)
            unmatched = source_numbers - matched_numbers + np.maximum(0, numbers[window] - matched_numbers)
            cost = (
                cost
                + ANCHOR_MISS * (unmatched - numbers[window])
                - ANCHOR_MATCH * (matched_numbers + matched_words)
            )
        return cost
