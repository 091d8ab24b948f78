"""Text ↔ token ids with a ``MarianTokenizer``, done the same way by every engine.

Two details the defaults get wrong, kept in one place so the transformers and CTranslate2
engines cannot drift apart:

* opus-mt models were trained on Moses-normalised text (quotes, dashes, spacing around
  punctuation); ``MarianTokenizer`` carries that normaliser (sacremoses) but never applies it by
  itself, so :func:`encode_source` does.
* transformers 5 decodes with the *source* sentencepiece model unless told otherwise when the
  vocabulary is shared, as in opus-mt; :func:`decode_target` asks for the target one.

Ids always come from ``vocab.json`` (the tokenizer's encoder), never from sentencepiece's own
numbering, which differs.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reader.translate.generation import MAX_INPUT_TOKENS


def source_pieces(tokenizer: Any, text: str) -> list[str]:
    """The sentencepiece pieces of normalised ``text``, without ``</s>``."""
    pieces: list[str] = tokenizer.tokenize(tokenizer.normalize(text))
    return pieces


def encode_source(tokenizer: Any, text: str, pieces: Sequence[str] | None = None) -> list[int]:
    """Model input ids for one text: normalised, vocab.json ids, ``</s>`` appended, window-truncated.

    *pieces*, when given, are ``source_pieces(tokenizer, text)`` already computed."""
    if pieces is None:
        pieces = source_pieces(tokenizer, text)
    ids: list[int] = tokenizer.convert_tokens_to_ids(list(pieces))
    return [*ids[: MAX_INPUT_TOKENS - 1], tokenizer.eos_token_id]


def decode_target(tokenizer: Any, ids: Sequence[int]) -> str:
    """English text of generated ids: special tokens dropped, target sentencepiece model used."""
    text: str = tokenizer.decode(list(ids), skip_special_tokens=True, use_source_tokenizer=False)
    return text.strip()
