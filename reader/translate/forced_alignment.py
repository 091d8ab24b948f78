"""Word alignment for a translation the model did not just make: teacher-forced attention.

A translation from the library, a project, another model or a person carries no alignment, yet
``translate --json --alignment`` promises one for every sentence. The model is made to read the
given English as if it had written it (the English pieces as a forced target prefix), and the
last layer's cross-attention over the Arabic gives the word pairs, exactly as for its own
output (:mod:`reader.translate.word_alignment`). Each engine supplies only
``forced_attention(sources, targets)``: CTranslate2 through ``target_prefix`` with
``return_attention``; transformers through one teacher-forced decoder pass
(:mod:`reader.translate.cross_attention`).

A sentence longer than the split limit is translated in pieces and gets no forced alignment
(``None``): which English words belong to which Arabic piece is not known.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol

from reader.translate.long_sentences import clean_model_input
from reader.translate.word_alignment import Alignment

BATCH = 16  # pairs per forced pass


class ForcedAligner(Protocol):
    """What a Marian engine offers this module (see :class:`reader.translate.marian_engine.MarianEngine`)."""

    @property
    def tokenizer(self) -> Any: ...

    def encode(self, text: str) -> list[int]: ...

    def fits_one_piece(self, text: str) -> bool: ...

    def forced_attention(self, sources: list[list[int]], targets: list[list[int]]) -> list[Any]: ...

    def piece_alignment(
        self, source_ids: list[int], target_ids: list[int], attention: Any, source_text: str, translation: str
    ) -> Alignment: ...


def target_ids(tokenizer: Any, english: str) -> list[int]:
    """The English as the model's target ids, ``</s>`` last (as its own output ends)."""
    ids: list[int] = tokenizer(text_target=english)["input_ids"]
    eos = tokenizer.eos_token_id
    return ids if ids[-1:] == [eos] else [*ids, eos]


def align_given(engine: ForcedAligner, pairs: Sequence[tuple[str, str]]) -> list[Alignment | None]:
    """(Arabic, English) pairs → each one's word alignment, or None where none can be made."""
    found: list[Alignment | None] = [None] * len(pairs)
    todo = []
    for index, (arabic, english) in enumerate(pairs):
        source = clean_model_input(arabic)
        if source and english.strip() and engine.fits_one_piece(source):
            todo.append((index, source, english.strip()))
    for start in range(0, len(todo), BATCH):
        chunk = todo[start : start + BATCH]
        sources = [engine.encode(source) for _i, source, _e in chunk]
        targets = [target_ids(engine.tokenizer, english) for _i, _s, english in chunk]
        attentions = engine.forced_attention(sources, targets)
        for (index, source, english), source_ids, target, attention in zip(
            chunk, sources, targets, attentions, strict=True
        ):
            found[index] = engine.piece_alignment(source_ids, target, attention, source, english)
    return found
