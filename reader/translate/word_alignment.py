"""Word alignment from the model's cross-attention: which English words each Arabic word became.

Both engines hand over, for each generated target piece, its attention over the source pieces
(CTranslate2: ``return_attention``; transformers: the last decoder layer's cross-attention,
heads averaged). Here that matrix becomes word pairs:

1. pieces → words: a sentencepiece piece starting with ``▁`` opens a word, any other piece
   continues the current one. A prefixed clitic (و ف ب ل ك ال) is written joined to its word,
   so whatever pieces the model cut "وبالكتاب" into, they aggregate to that one word;
2. each target word's attention is summed over its pieces and over each source word's pieces;
   the pair is (the source word it attends to most, the target word) — the classic
   "attention argmax" alignment. ``</s>`` and padding never count.

Words are the whitespace-separated words of the model's input (the sentence without bidi
controls or tatweel, :func:`reader.translate.long_sentences.clean_model_input`) and of the
English text; indexes are clamped into range, so a tokenizer that normalises spacing
differently can blur an alignment but never break a consumer. Quality: see the README
("Word alignment"): attention alignments are noisy (AER ~30–50 % on news text).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

Alignment = tuple[tuple[int, int], ...]
"""(source word index, target word index) pairs, sorted."""

WORD_START = "▁"


def word_ids(pieces: Sequence[str]) -> list[int]:
    """The word index of each piece (``▁`` starts a word; the first piece always does)."""
    ids: list[int] = []
    word = -1
    for piece in pieces:
        if piece.startswith(WORD_START) or word < 0:
            word += 1
        ids.append(word)
    return ids


def align_words(
    attention: Any,
    source_pieces: Sequence[str],
    target_pieces: Sequence[str],
    source_words: int,
    target_words: int,
) -> Alignment:
    """Word pairs from a (target pieces × source pieces) attention matrix.

    *source_pieces* / *target_pieces* are the real pieces (no ``</s>``, no padding); extra rows
    or columns in *attention* (those tokens) are ignored. *source_words* / *target_words* are how
    many words the texts have; indexes are clamped into them.
    """
    import numpy as np  # here, not at import: the batching loop imports this module on every run

    rows, columns = len(target_pieces), len(source_pieces)
    if not rows or not columns or not source_words or not target_words:
        return ()
    weights = np.asarray(attention, dtype=np.float64)[:rows, :columns]
    source_of = np.minimum(np.array(word_ids(source_pieces)), source_words - 1)
    target_of = np.minimum(np.array(word_ids(target_pieces)), target_words - 1)
    # Sum the pieces' weights into (target word, source word) cells with one bincount. Not
    # matrix products: past ~100 × 100 OpenBLAS runs those on a second thread that then spins
    # ~70 ms, taking a CPU from the thread holding the GIL the window waits for.
    cells = (target_of[:, None] * source_words + source_of[None, :]).ravel()
    by_word = np.bincount(cells, weights=weights.ravel(), minlength=target_words * source_words)
    by_word = by_word.reshape(target_words, source_words)
    present = np.unique(target_of)
    best = by_word[present].argmax(axis=1)
    return tuple(sorted(zip(best.tolist(), present.tolist(), strict=True)))


def shift(alignment: Alignment, source_offset: int, target_offset: int) -> Alignment:
    """A piece's alignment moved to its place in the whole sentence (long sentences are cut)."""
    return tuple((s + source_offset, t + target_offset) for s, t in alignment)


def in_range(alignment: Alignment, source_words: int, target_words: int) -> bool:
    return all(0 <= s < source_words and 0 <= t < target_words for s, t in alignment)
