"""One side of a bitext as arrays the search reads in bulk, at any resolution.

A coarser side joins neighbouring units in pairs (lengths added, anchors united), so the search
can first align a book at half, a quarter… of its sentences and only then look near that path.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from reader.sentence_align.features import SentenceFeatures

IntArray = npt.NDArray[np.int64]
FloatArray = npt.NDArray[np.float64]
BoolArray = npt.NDArray[np.bool_]


def _prefix(values: Sequence[int] | npt.NDArray[np.int64]) -> IntArray:
    out = np.zeros(len(values) + 1, dtype=np.int64)
    np.cumsum(np.asarray(values, dtype=np.int64), out=out[1:])
    return out


@dataclass(frozen=True)
class Side:
    """*n* units: prefix sums of lengths, squared sentence lengths, numbers, questions and
    quotes; paragraph starts.

    ``para[i]`` is true when a paragraph starts at unit *i* (always at 0 and at *n*).
    ``tokens[i]`` holds the unit's anchors: numbers as ``#123``, Latin words as themselves.
    ``index`` maps an anchor to the sorted units that hold it (built for the tokens asked for).
    """

    n: int
    length: IntArray
    squares: IntArray
    numbers: IntArray
    questions: IntArray
    quotes: IntArray
    para: BoolArray
    tokens: tuple[frozenset[str], ...]
    index: dict[str, IntArray]

    @classmethod
    def build(
        cls,
        features: Sequence[SentenceFeatures],
        paragraph_of: Sequence[int] | None,
        wanted: frozenset[str] | None = None,
    ) -> Side:
        """A side at full resolution; *wanted* limits the anchor index to tokens the other side has."""
        n = len(features)
        para = np.zeros(n + 1, dtype=np.bool_)
        para[0] = para[n] = True
        if paragraph_of is not None:
            for k in range(1, n):
                para[k] = paragraph_of[k] != paragraph_of[k - 1]
        tokens = tuple(frozenset({f"#{x}" for x in f.numbers} | f.latin) for f in features)
        index: dict[str, list[int]] = {}
        for unit, unit_tokens in enumerate(tokens):
            for token in unit_tokens if wanted is None else unit_tokens & wanted:
                index.setdefault(token, []).append(unit)
        return cls(
            n=n,
            length=_prefix([f.length for f in features]),
            squares=_prefix([f.length * f.length for f in features]),
            numbers=_prefix([len(f.numbers) for f in features]),
            questions=_prefix([int(f.question) for f in features]),
            quotes=_prefix([int(f.quote) for f in features]),
            para=para,
            tokens=tokens,
            index={token: np.asarray(units, dtype=np.int64) for token, units in index.items()},
        )

    def halved(self) -> Side:
        """Units 2k and 2k+1 joined into unit k (an odd last unit stays alone)."""
        n = (self.n + 1) // 2
        keep = np.minimum(np.arange(n + 1) * 2, self.n)
        para = self.para[keep].copy()
        inner = self.para[1 : self.n : 2]  # a paragraph starting at an odd unit starts its pair
        para[: len(inner)] |= inner
        para[0] = para[n] = True
        tokens = tuple(
            self.tokens[2 * k] | (self.tokens[2 * k + 1] if 2 * k + 1 < self.n else frozenset())
            for k in range(n)
        )
        return Side(
            n=n,
            length=self.length[keep],
            squares=self.squares[keep],
            numbers=self.numbers[keep],
            questions=self.questions[keep],
            quotes=self.quotes[keep],
            para=para,
            tokens=tokens,
            index={token: np.unique(units // 2) for token, units in self.index.items()},
        )
