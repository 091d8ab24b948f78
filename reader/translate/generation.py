"""Generation limits shared by every engine: how long an output may get, and the repetition guard.

A MarianMT model normally stops by emitting ``</s>``; a confused one (odd input, or random
weights as in our tests and benchmark) loops until a length limit. Without a cap relative to
the source, one bad sentence costs 512 decoding steps and stalls a whole batch. English output
of an Arabic sentence is rarely more than ~1.3× as many pieces, so 1.5× + 10 leaves headroom
for short sentences without letting a loop run.

Repetition guard: ``no_repeat_ngram_size = 5`` forbids the decoder from producing the same five
pieces twice in one sentence. Loops (``and the and the …``) are broken within a few tokens,
while an ordinary sentence almost never repeats an identical 5-piece run (long sentences are
cut into ≤ 200-token pieces, which keeps that rarer still). It is a plain mask, identical in
transformers and CTranslate2, so the engines stay equivalent. ``repetition_penalty`` was
rejected: it penalises every re-use of "the", "of" or a comma, bending normal translations,
and the two libraries apply it at different points (logits vs. log-probabilities in beam search).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from reader.translate.protocol import EngineSettings

MAX_OUTPUT_TOKENS = 512
OUTPUT_RATIO = 1.5
OUTPUT_MARGIN = 10
NO_REPEAT_NGRAM_SIZE = 5
MAX_INPUT_TOKENS = 512  # the positional window of every opus-mt model


def output_cap(source_tokens: int) -> int:
    """Most target tokens (counting the final ``</s>``) allowed for a source of ``source_tokens``.

    ``source_tokens`` counts the encoded source including its ``</s>``.
    """
    return min(MAX_OUTPUT_TOKENS, math.ceil(OUTPUT_RATIO * max(source_tokens, 0)) + OUTPUT_MARGIN)


@dataclass(frozen=True)
class GenerationOptions:
    """Decoding choices that change the output, and therefore belong in the cache key.

    ``beams=None`` means the model's own generation config. ``forced_output_tokens`` makes every
    output exactly that long (benchmarks only: comparable work whatever the weights say).
    """

    beams: int | None = None
    max_source_tokens: int = 200
    no_repeat_ngram_size: int = NO_REPEAT_NGRAM_SIZE
    forced_output_tokens: int | None = None

    @classmethod
    def from_settings(cls, settings: EngineSettings) -> GenerationOptions:
        """The options a user's engine settings imply."""
        return cls(beams=settings.beams, max_source_tokens=settings.max_source_tokens)

    def split_limit(self, model_window: int = MAX_INPUT_TOKENS) -> int:
        """Tokens above which a sentence is cut into pieces: the setting, within the model's window."""
        return max(8, min(self.max_source_tokens, model_window))

    def cap_for(self, source_tokens: int) -> int:
        """The output cap for one piece (or the forced length, when benchmarking)."""
        if self.forced_output_tokens is not None:
            return self.forced_output_tokens
        return output_cap(source_tokens)

    def cache_key(self) -> str:
        """A stable text form; changes whenever an option that affects outputs changes."""
        beams = "model" if self.beams is None else str(self.beams)
        return (
            f"beams={beams};split={self.max_source_tokens};cap={OUTPUT_RATIO}x+{OUTPUT_MARGIN}"
            f"<={MAX_OUTPUT_TOKENS};norepeat={self.no_repeat_ngram_size};forced={self.forced_output_tokens}"
        )
