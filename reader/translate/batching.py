"""The engine-independent translation loop: pieces, length-sorted batches, streamed 1:1 results.

Every engine only knows how to translate a list of short texts. This module does the rest the
same way for all of them: clean and cut each sentence into pieces (see :mod:`long_sentences`),
sort pieces by length so a batch pads little, run one batch at a time, and yield each batch's
finished sentences with their original indexes. A sentence whose batch fails gets an ``error``
result instead of stopping the run; :class:`ModelUnavailable` still propagates. Nothing runs
between batches that the caller has not asked for, so stopping iteration is cancelling.

A sentence cut into pieces gets one score, the mean log-probability per token over all its
pieces' tokens, and the ``cut`` flag when any piece stopped at the cap (quality checks then see
the sentence as the reader does).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from reader.errors import ModelUnavailable
from reader.translate.long_sentences import (
    CountTokens,
    clean_model_input,
    join_translations,
    split_long_sentence,
)
from reader.translate.protocol import TranslationResult
from reader.translate.quality import CUT
from reader.translate.word_alignment import Alignment, shift
from reader.window_priority import step_aside

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Piece:
    """A model-sized part of one sentence: ``sentence`` is its input index, ``part`` its position."""

    sentence: int
    part: int
    text: str
    tokens: int


@dataclass(frozen=True)
class PieceOutput:
    """What an engine made of one piece: the text, and what the quality checks need from decoding.

    ``score`` is the mean log-probability per generated token (``</s>`` included) and ``tokens``
    how many tokens it is the mean over, so a sentence's pieces combine into one mean; ``cut``
    says decoding stopped at the output cap rather than at ``</s>``.
    """

    text: str
    alignment: Alignment | None = None
    score: float | None = None
    tokens: int = 0
    cut: bool = False


PieceTranslation = str | tuple[str, Alignment | None] | PieceOutput
TranslateBatch = Callable[[list[Piece]], Sequence[PieceTranslation]]
"""Translate pieces (all of similar length) and return one result per piece, in order: a text,
(text, word alignment), or a :class:`PieceOutput` with the score and whether it was cut."""


def as_output(translation: PieceTranslation) -> PieceOutput:
    """Any of the forms an engine may return, as a :class:`PieceOutput`."""
    if isinstance(translation, PieceOutput):
        return translation
    if isinstance(translation, str):
        return PieceOutput(translation)
    return PieceOutput(translation[0], translation[1])


def plan_pieces(
    sentences: Sequence[str], count_tokens: CountTokens, limit: int
) -> tuple[list[Piece], dict[int, int]]:
    """Clean and cut every sentence; return all pieces and how many pieces each sentence has.

    Sentences with nothing left after cleaning get zero pieces: their translation is empty.
    """
    pieces: list[Piece] = []
    counts: dict[int, int] = {}
    for index, sentence in enumerate(sentences):
        step_aside()  # tokenising a chunk's sentences takes tens of ms: the window's work first
        text = clean_model_input(sentence)
        parts = split_long_sentence(text, count_tokens, limit) if text else []
        counts[index] = len(parts)
        for part, piece_text in enumerate(parts):
            tokens = count_tokens(piece_text)
            pieces.append(Piece(index, part, piece_text, tokens))
    return pieces, counts


def batches_by_length(pieces: Sequence[Piece], batch_size: int) -> list[list[Piece]]:
    """Pieces sorted by token count (shortest first, document order within a length), chunked."""
    if batch_size < 1:
        raise ValueError("batch size must be at least 1")
    ordered = sorted(pieces, key=lambda p: (p.tokens, p.sentence, p.part))
    return [ordered[i : i + batch_size] for i in range(0, len(ordered), batch_size)]


class _Assembler:
    """Collects piece translations and releases a sentence once all its pieces are in."""

    def __init__(self, counts: dict[int, int]) -> None:
        self._counts = counts
        self._parts: dict[int, dict[int, tuple[Piece, PieceOutput]]] = {}
        self.failed: set[int] = set()

    def add(self, piece: Piece, translation: PieceTranslation) -> TranslationResult | None:
        parts = self._parts.setdefault(piece.sentence, {})
        parts[piece.part] = (piece, as_output(translation))
        if len(parts) < self._counts[piece.sentence]:
            return None
        del self._parts[piece.sentence]
        ordered = [parts[i] for i in range(len(parts))]
        outputs = [output for _, output in ordered]
        return TranslationResult(
            piece.sentence,
            join_translations([o.text for o in outputs]),
            score=_joined_score(outputs),
            flags=(CUT,) if any(o.cut for o in outputs) else (),
            alignment=_joined_alignment(ordered),
        )

    def fail(self, sentence: int, reason: str) -> TranslationResult:
        self.failed.add(sentence)
        self._parts.pop(sentence, None)
        return TranslationResult(sentence, None, reason)


def _joined_score(outputs: list[PieceOutput]) -> float | None:
    """The mean log-probability per token over all pieces (None unless every piece has one)."""
    if not outputs or any(o.score is None or o.tokens < 1 for o in outputs):
        return None
    total = sum(o.tokens for o in outputs)
    return sum(float(o.score or 0.0) * o.tokens for o in outputs) / total


def _joined_alignment(parts: list[tuple[Piece, PieceOutput]]) -> Alignment | None:
    """The pieces' alignments as one, word indexes counted over the whole sentence."""
    joined: list[tuple[int, int]] = []
    source_words = target_words = 0
    for piece, output in parts:
        text, alignment = output.text, output.alignment
        if alignment is None:
            return None
        joined += shift(alignment, source_words, target_words)
        source_words += len(piece.text.split())
        target_words += len(text.split())
    return tuple(joined)


def stream_translations(
    sentences: Sequence[str],
    *,
    count_tokens: CountTokens,
    translate_batch: TranslateBatch,
    batch_size: int,
    limit: int,
) -> Iterator[list[TranslationResult]]:
    """Yield results batch by batch; every input index appears exactly once overall."""
    pieces, counts = plan_pieces(sentences, count_tokens, limit)
    assembler = _Assembler(counts)
    pending = [TranslationResult(i, "") for i, n in counts.items() if n == 0]
    for batch in batches_by_length(pieces, batch_size):
        step_aside()  # a batch's Python work (tokens, decoding, alignment) after the window's own
        batch = [p for p in batch if p.sentence not in assembler.failed]
        if not batch:
            continue
        results = pending
        pending = []
        try:
            texts = translate_batch(batch)
            if len(texts) != len(batch):
                raise RuntimeError(f"engine returned {len(texts)} translations for {len(batch)} pieces")
        except ModelUnavailable:
            raise
        except Exception as error:  # one bad batch must not lose the rest of the document
            reason = f"translation failed: {error}".splitlines()[0]
            # The result carries the reason to the user; the log is for diagnosis (one line, no traceback).
            log.info("%s (%d pieces)", reason, len(batch))
            log.debug("batch failure details", exc_info=True)
            for sentence in dict.fromkeys(p.sentence for p in batch):
                results.append(assembler.fail(sentence, reason))
        else:
            for piece, text in zip(batch, texts, strict=True):
                done = assembler.add(piece, text)
                if done is not None:
                    results.append(done)
        if results:
            yield results
    if pending:
        yield pending
