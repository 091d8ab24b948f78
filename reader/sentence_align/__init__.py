"""Sentence alignment of an Arabic text and a human English translation (no Qt, no model needed).

Dynamic programming over links 1-1, 1-2, 2-1, 1-0, 0-1, 1-3 and 3-1, scored by a length model
fitted to the pair's character ratio, anchors (numbers in any script, Latin names, quotes,
question marks), paragraph boundaries and, when a machine translation of the Arabic is given,
chrF between that "bridge" English and the human English. Coarse-to-fine and banded, so a book
of 20 000 × 20 000 sentences aligns in seconds (``tests/benchmarks/bench_align.py``).

Not to be confused with :mod:`reader.translate.word_alignment`, which aligns *words* of one pair.
"""

from reader.sentence_align.aligner import Link, align_sentences
from reader.sentence_align.search import AlignmentCancelled

__all__ = ["AlignmentCancelled", "Link", "align_sentences"]
