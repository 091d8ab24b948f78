"""What the transformers and CTranslate2 engines share: a lazily loaded MarianTokenizer and the loop.

Each engine only says how to load its model and how to translate one batch of short pieces;
token counting, long-sentence splitting and length-sorted streaming (:mod:`batching`) are the
same code for both, which is what keeps their outputs equivalent.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import Any

from reader.translate.batching import Piece, PieceTranslation, stream_translations
from reader.translate.forced_alignment import align_given
from reader.translate.generation import GenerationOptions
from reader.translate.long_sentences import clean_model_input
from reader.translate.model_location import ModelLocation, Progress
from reader.translate.protocol import Batches, EngineSettings
from reader.translate.source_memo import Encoded, SourceMemo
from reader.translate.word_alignment import Alignment, align_words

MAX_ALTERNATIVES = 5


def available_cores() -> int:
    """CPU cores this process may use (respects affinity masks and container limits)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # macOS and Windows have no affinity call
        return max(1, os.cpu_count() or 1)


class MarianEngine:
    """Base of the Marian engines; subclasses implement :meth:`load` and :meth:`translate_pieces`.

    Construction is free; :meth:`load` must set ``_tokenizer`` (last, once everything else is
    ready) and ``location``. :meth:`translate` loads on first use.
    """

    def __init__(self, settings: EngineSettings, options: GenerationOptions | None = None) -> None:
        self.settings = settings
        self.options = options or GenerationOptions.from_settings(settings)
        self.location: ModelLocation | None = None
        self._tokenizer: Any = None
        self._memo: SourceMemo | None = None

    @property
    def loaded(self) -> bool:
        return self._tokenizer is not None

    @property
    def tokenizer(self) -> Any:
        """The MarianTokenizer (after :meth:`load`)."""
        return self._tokenizer

    def load(self, progress: Progress | None = None) -> None:
        """Locate, download or convert if needed, and load the model; idempotent."""
        raise NotImplementedError

    def translate_pieces(self, pieces: list[Piece]) -> Sequence[PieceTranslation]:
        """Translate one batch of pieces of similar length; one text per piece (with its word
        alignment when ``settings.alignment``)."""
        raise NotImplementedError

    def alternatives(self, text: str, count: int = MAX_ALTERNATIVES) -> list[tuple[str, float]]:
        """Up to *count* distinct translations of one sentence, best first, each with its mean
        log-probability per token. Empty for a sentence longer than the split limit (it is
        translated in pieces, and n-best lists of pieces do not combine)."""
        self.load()
        text = clean_model_input(text)
        if not text or self.count_tokens(text) > self.options.split_limit():
            return []
        found: dict[str, float] = {}
        for english, score in self.n_best(text, count):
            english = english.strip()
            if english and english not in found:
                found[english] = score
        return list(found.items())[:count]

    def n_best(self, text: str, count: int) -> list[tuple[str, float]]:
        """The engine's *count* best hypotheses for one short text, with their scores."""
        raise NotImplementedError

    def align(self, pairs: Sequence[tuple[str, str]]) -> list[Alignment | None]:
        """Word alignments for given (Arabic, English) pairs, one per pair (None where a sentence
        is too long for one piece); see :mod:`reader.translate.forced_alignment`."""
        self.load()
        return align_given(self, pairs)

    def fits_one_piece(self, text: str) -> bool:
        return self.count_tokens(text) <= self.options.split_limit()

    def forced_attention(self, sources: list[list[int]], targets: list[list[int]]) -> list[Any]:
        """Each pair's (target × source) last-layer attention with *targets* forced (ids, ``</s>`` last)."""
        raise NotImplementedError

    def piece_alignment(
        self, source_ids: list[int], target_ids: list[int], attention: Any, source_text: str, translation: str
    ) -> Alignment:
        """Word pairs of one piece from its (target × source) attention; ``</s>`` ids excluded."""
        eos = self._tokenizer.eos_token_id
        source = self._tokenizer.convert_ids_to_tokens([i for i in source_ids if i != eos])
        target = self._tokenizer.convert_ids_to_tokens([i for i in target_ids if i != eos])
        return self.align_pieces(source, target, attention, source_text, translation)

    def align_pieces(
        self, source: Sequence[str], target: Sequence[str], attention: Any, source_text: str, translation: str
    ) -> Alignment:
        """Word pairs of one piece from its pieces (no ``</s>``) and (target × source) attention."""
        return align_words(attention, source, target, len(source_text.split()), len(translation.split()))

    def encoded(self, text: str) -> Encoded:
        """``text``'s encoding, tokenised once however often the loop asks; loads the model if needed."""
        self.load()
        memo = self._memo
        if memo is None or memo.tokenizer is not self._tokenizer:
            memo = self._memo = SourceMemo(self._tokenizer)
        return memo.get(text)

    def encode(self, text: str) -> list[int]:
        """Model input ids of ``text`` (vocab.json ids, ``</s>`` appended); loads the model if needed."""
        return list(self.encoded(text).ids)

    def count_tokens(self, text: str) -> int:
        return self.encoded(text).count

    def close(self) -> None:
        """Drop the model (subclasses drop their own handles too); a later call loads it again."""
        self._tokenizer = None
        self._memo = None

    def translate(self, sentences: Sequence[str]) -> Batches:
        """Stream results batch by batch (shortest pieces first); see the Translator protocol."""
        self.load()
        yield from stream_translations(
            sentences,
            count_tokens=self.count_tokens,
            translate_batch=self.translate_pieces,
            batch_size=self.settings.batch_size,
            limit=self.options.split_limit(),
        )
