"""Prepare a sentence for the model: drop invisible marks, and cut over-long sentences into pieces.

Two things the model must never see: bidi control characters and tatweel (ـ) carry no meaning
but become unknown or rare pieces that derail the decoder, so they are removed from the model's
input only (the document keeps them). And a sentence longer than the model's window would be
truncated silently, so it is cut at clause boundaries (، ؛ :), then at spaces, translated in
pieces, and the pieces' translations are joined back into one English unit.

Engine-agnostic: token counting is passed in, so every engine splits the same way.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

# LRM, RLM, LRE/RLE/PDF/LRO/RLO, LRI/RLI/FSI/PDI, and tatweel.
_INVISIBLE = dict.fromkeys(
    map(ord, "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u0640")
)
_SPACES = re.compile(r"\s+")
CLAUSE_MARKS = "،؛:"
_AFTER_CLAUSE_MARK = re.compile(f"(?<=[{CLAUSE_MARKS}])\\s+")

CountTokens = Callable[[str], int]


def clean_model_input(text: str) -> str:
    """The text the model sees: without bidi controls or tatweel, whitespace collapsed."""
    return _SPACES.sub(" ", text.translate(_INVISIBLE)).strip()


def split_long_sentence(text: str, count_tokens: CountTokens, limit: int) -> list[str]:
    """Cut ``text`` into pieces of at most ``limit`` tokens, preferring clause boundaries.

    Returns ``[text]`` when it already fits. Clause marks stay with the clause they end. Pieces
    are packed greedily, so a long sentence becomes as few pieces as possible; a single word
    longer than the limit (a pasted URL, say) is cut by characters as a last resort.
    """
    if limit < 2:
        raise ValueError("the long-sentence limit must be at least 2 tokens")
    if count_tokens(text) <= limit:
        return [text]
    clauses = [c for c in _AFTER_CLAUSE_MARK.split(text) if c]
    return _pack(clauses, count_tokens, limit, _split_words)


def _split_words(text: str, count_tokens: CountTokens, limit: int) -> list[str]:
    return _pack(text.split(), count_tokens, limit, _split_characters)


def _split_characters(text: str, count_tokens: CountTokens, limit: int) -> list[str]:
    pieces: list[str] = []
    rest = text
    while rest:
        size = len(rest)
        while size > 1 and count_tokens(rest[:size]) > limit:
            size //= 2
        pieces.append(rest[:size])
        rest = rest[size:]
    return pieces


def _pack(
    parts: Sequence[str],
    count_tokens: CountTokens,
    limit: int,
    split_further: Callable[[str, CountTokens, int], list[str]],
) -> list[str]:
    """Join consecutive ``parts`` with spaces into pieces that fit, splitting any part that cannot."""
    pieces: list[str] = []
    current = ""
    for part in parts:
        candidate = f"{current} {part}" if current else part
        if count_tokens(candidate) <= limit:
            current = candidate
            continue
        if current:
            pieces.append(current)
        if count_tokens(part) <= limit:
            current = part
        else:
            *done, current = split_further(part, count_tokens, limit)
            pieces.extend(done)
    if current:
        pieces.append(current)
    return pieces


def join_translations(pieces: Sequence[str]) -> str:
    """One English unit from the translations of a sentence's pieces, in order."""
    return " ".join(p.strip() for p in pieces if p.strip())
