"""A human English translation read from any format we open, as sentences with paragraph numbers.

The file is read by :mod:`reader.formats` (txt, EPUB, DOCX, ODT, HTML, Markdown, PDF); its
paragraphs (blocks) are split into sentences by sentencex (Wikimedia, MIT): of the English
splitters on PyPI it is the one still released (1.0.32, 2026; pysbd and segtok last 2021,
syntok 2022, blingfire 2021), it has no dependencies and no model or data to download (nltk's
punkt needs a download no user here can make), and it keeps "Dr.", "U.S.", "3.5" and quoted
questions inside their sentences.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from reader.formats.registry import open_document


@dataclass(frozen=True)
class EnglishText:
    """Sentences in reading order and the paragraph number of each."""

    sentences: tuple[str, ...]
    paragraphs: tuple[int, ...]


def split_english(text: str) -> list[str]:
    """One paragraph's English sentences, stripped, with line breaks inside them made spaces."""
    from sentencex import segment

    return [" ".join(part.split()) for part in segment("en", text) if part.strip()]


def read_english(path: Path) -> EnglishText:
    """The English of *path*; one-line :class:`reader.errors.BadInput` when it cannot be read."""
    document = open_document(path).document
    sentences: list[str] = []
    paragraphs: list[int] = []
    for number, block in enumerate(document.iter_blocks()):
        for sentence in split_english(document.block_text(block)):
            sentences.append(sentence)
            paragraphs.append(number)
    return EnglishText(tuple(sentences), tuple(paragraphs))
