"""Tokenise each source text once, however many times the translation loop asks about it.

Translating a sentence used to run the Moses normaliser and sentencepiece on it three or four
times: to count its tokens when planning pieces (twice: once to decide whether to cut it, once
for the piece), to encode it for the model, and again for its word alignment; CTranslate2 then
turned the ids back into pieces. That is pure Python holding the GIL on the worker (about a
third of the worker's GIL time in bench_ui_book.py, sampled with ``py-spy --gil``), and every
millisecond of it is one the window may wait for. The memo keeps the last few thousand texts'
encodings; a lock makes it safe for the alternatives worker, which shares the engine.
"""

from __future__ import annotations

import threading
from typing import Any

from reader.translate.marian_tokens import encode_source, source_pieces

CAPACITY = 4096
"""Texts kept: more than one translation call plans at a time, a few MB at most."""


class Encoded:
    """One source text's encoding: the token count before truncation, the model ids
    (``</s>`` appended, window-truncated) and, when first asked, the pieces of those ids."""

    __slots__ = ("count", "ids", "_tokenizer", "_tokens")

    def __init__(self, tokenizer: Any, text: str) -> None:
        pieces = source_pieces(tokenizer, text)
        self.count = len(pieces) + 1
        self.ids: list[int] = encode_source(tokenizer, text, pieces)
        self._tokenizer = tokenizer
        self._tokens: list[str] | None = None

    @property
    def tokens(self) -> list[str]:
        """The ids as pieces (unknown pieces read ``<unk>``), ``</s>`` included: CTranslate2's input."""
        if self._tokens is None:
            self._tokens = list(self._tokenizer.convert_ids_to_tokens(self.ids))
        return self._tokens


class SourceMemo:
    """A bounded, first-in first-out map from source text to :class:`Encoded`."""

    def __init__(self, tokenizer: Any, capacity: int = CAPACITY) -> None:
        self.tokenizer = tokenizer
        self.capacity = capacity
        self._entries: dict[str, Encoded] = {}
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._entries)

    def get(self, text: str) -> Encoded:
        found = self._entries.get(text)
        if found is not None:
            return found
        encoded = Encoded(self.tokenizer, text)  # outside the lock: the slow part
        with self._lock:
            while len(self._entries) >= self.capacity:
                del self._entries[next(iter(self._entries))]
            self._entries[text] = encoded
        return encoded
