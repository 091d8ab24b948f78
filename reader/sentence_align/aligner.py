"""``align_sentences``: Arabic sentences and English sentences in, links in reading order out.

With a *bridge* (a machine translation of each Arabic sentence) the search adds chrF between
the bridge of the Arabic side of a link and its English side (Bleualign's idea): a link whose
machine English reads like its human English is cheap. The bridge is optional: length, anchors
and paragraphs align most text alone.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from reader.sentence_align.chrf import NGrams, char_ngrams, chrf_of_ngrams
from reader.sentence_align.costs import (
    ANCHOR_MATCH,
    ANCHOR_MISS,
    QUESTION_MISS,
    QUOTE_MISS,
    PairModel,
    token_matches,
)
from reader.sentence_align.features import sentence_features
from reader.sentence_align.search import Bead, Progress, levels, search
from reader.sentence_align.sides import FloatArray, IntArray, Side

# chrF at which a link is neither likelier nor less likely than an omission, and nats per unit
# of chrF above it: unrelated news sentences score 0.15-0.25, a sentence and its translation 0.45+.
# At 20 an omitted sentence was often taken into its neighbour's link (its unrelated machine
# English lowers that link's chrF by ~0.08, 1.6 nats, about what the rarer 1-0 link costs more);
# 35 found 99.4 % of links on 12 synthetic corpora where 20 found 99.0 % (50: the same as 35).
CHRF_NEUTRAL = 0.3
CHRF_WEIGHT = 35.0
USEFUL_MARGIN = 0.05


@dataclass(frozen=True)
class Link:
    """Arabic sentence indexes linked to English sentence indexes (either may be empty).

    *score* in 0..1 is how sure the aligner is: 0 for a sentence left without counterpart.
    """

    source: tuple[int, ...]
    target: tuple[int, ...]
    score: float


class _Bridge:
    """chrF between the machine English of Arabic units and human English units, memoised."""

    def __init__(self, bridge: Sequence[str], target: Sequence[str]) -> None:
        self._texts = (bridge, target)
        self._grams = ([char_ngrams(text) for text in bridge], [char_ngrams(text) for text in target])
        self._joined: dict[tuple[int, int, int], NGrams] = {}
        self.used = False

    def similarity(self, i0: int, a: int, j0: int, b: int) -> float:
        return chrf_of_ngrams(self._span(0, i0, a), self._span(1, j0, b), 1.0)

    def _span(self, side: int, start: int, count: int) -> NGrams:
        if count == 1:
            return self._grams[side][start]
        key = (side, start, count)
        joined = self._joined.get(key)
        if joined is None:
            joined = self._joined[key] = char_ngrams(" ".join(self._texts[side][start : start + count]))
        return joined

    def useful(self, beads: list[Bead]) -> bool:
        """Whether the bridge reads like the human English on the links found without it: on
        average above :data:`CHRF_NEUTRAL` (an unusable model's output would only mislead)."""
        pairs = [(i0, i1 - i0, j0, j1 - j0) for i0, i1, j0, j1 in beads if i1 > i0 and j1 > j0]
        sample = pairs[:: max(1, len(pairs) // 500)]
        mean = sum(self.similarity(*pair) for pair in sample) / len(sample) if sample else 0.0
        self.used = mean > CHRF_NEUTRAL + USEFUL_MARGIN
        return self.used

    def cost(self, i0: int, a: int, j0: IntArray, b: int) -> FloatArray:
        values = np.fromiter((self.similarity(i0, a, int(j), b) for j in j0), dtype=np.float64, count=len(j0))
        cost: FloatArray = CHRF_WEIGHT * (CHRF_NEUTRAL - values)
        return cost


def align_sentences(
    source: Sequence[str],
    target: Sequence[str],
    *,
    source_paragraphs: Sequence[int] | None = None,
    target_paragraphs: Sequence[int] | None = None,
    bridge: Sequence[str] | None = None,
    progress: Callable[[int, int], None] | None = None,
    should_stop: Callable[[], bool] | None = None,
) -> list[Link]:
    """Link Arabic *source* sentences to English *target* sentences, in reading order.

    *source_paragraphs* / *target_paragraphs* give each sentence's paragraph number;
    *bridge* the machine English of each Arabic sentence. *progress* receives (done, total)
    rows; *should_stop* returning true raises :class:`AlignmentCancelled`.
    """
    if bridge is not None and len(bridge) != len(source):
        raise ValueError("the bridge needs one machine translation per Arabic sentence")
    source_features = [sentence_features(text) for text in source]
    target_features = [sentence_features(text) for text in target]
    source_side = Side.build(source_features, source_paragraphs)
    wanted: frozenset[str] = frozenset().union(*source_side.tokens)
    target_side = Side.build(target_features, target_paragraphs, wanted=wanted)
    model = PairModel.fitted(source_side, target_side)
    helper = _Bridge(bridge, target) if bridge is not None else None
    rows = sum(s.n + 1 for s, _ in levels(source_side, target_side)) + (source_side.n + 1) * (
        1 + (helper is not None)
    )
    beads = search(
        source_side,
        target_side,
        model,
        Progress(rows, progress, should_stop),
        helper.cost if helper else None,
        helper.useful if helper else None,
    )
    scorer = helper if helper is not None and helper.used else None
    return [_link(bead, source_side, target_side, model, scorer) for bead in beads]


def _link(bead: Bead, source: Side, target: Side, model: PairModel, bridge: _Bridge | None) -> Link:
    i0, i1, j0, j1 = bead
    return Link(
        tuple(range(i0, i1)), tuple(range(j0, j1)), round(_score(bead, source, target, model, bridge), 3)
    )


def _score(bead: Bead, source: Side, target: Side, model: PairModel, bridge: _Bridge | None) -> float:
    """Agreement of length, anchors and (with a bridge) machine English, each in 0..1, combined."""
    i0, i1, j0, j1 = bead
    if i0 == i1 or j0 == j1:
        return 0.0
    length = math.exp(-_length_cost(source, target, model, bead))
    anchors = _anchor_cost(source, target, bead)
    anchor = 1 / (1 + math.exp(anchors))  # 0.5 without anchors, towards 1 as they agree
    if bridge is None:
        return 0.75 * length + 0.25 * anchor
    similarity = bridge.similarity(i0, i1 - i0, j0, j1 - j0)
    machine = min(1.0, max(0.0, (similarity - 0.15) / 0.35))
    return 0.6 * machine + 0.25 * length + 0.15 * anchor


def _length_cost(source: Side, target: Side, model: PairModel, bead: Bead) -> float:
    i0, i1, j0, j1 = bead
    english = np.array([float(target.length[j1] - target.length[j0])])
    arabic, squares = source.length[i1] - source.length[i0], source.squares[i1] - source.squares[i0]
    return float(model.length_cost(float(arabic), float(squares), english)[0])


def _anchor_cost(source: Side, target: Side, bead: Bead) -> float:
    """What the link's anchors add to its cost: negative when they agree, positive when not."""
    i0, i1, j0, j1 = bead
    numbers, words = token_matches(source, target, i0, i1 - i0, j0, 1, j1 - j0)
    matched = int(numbers[0])
    source_numbers = int(source.numbers[i1] - source.numbers[i0])
    target_numbers = int(target.numbers[j1] - target.numbers[j0])
    unmatched = source_numbers - matched + max(0, target_numbers - matched)
    asks = (source.questions[i1] > source.questions[i0]) != (target.questions[j1] > target.questions[j0])
    quotes = (source.quotes[i1] > source.quotes[i0]) != (target.quotes[j1] > target.quotes[j0])
    return float(
        ANCHOR_MISS * unmatched
        - ANCHOR_MATCH * (matched + int(words[0]))
        + QUESTION_MISS * bool(asks)
        + QUOTE_MISS * bool(quotes)
    )
