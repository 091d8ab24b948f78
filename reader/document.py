"""The document model: Document → Paragraph → Sentence, with exact offsets into the decoded text.

Offsets are what keep the two panes, the cache and the PDF honest: every sentence is a slice
``text[start:end]`` of the document, and the gaps between slices are the original separators,
so joining them back reproduces the text exactly.
"""

from __future__ import annotations

import dataclasses
import enum
from collections.abc import Iterator
from dataclasses import dataclass, field


class Status(enum.Enum):
    """Where a sentence's translation stands."""

    PENDING = "pending"
    DONE = "done"
    FAILED = "failed"


@dataclass
class Sentence:
    """One source sentence and, once known, its translation.

    ``index`` is the sentence's position in the whole document (0-based), ``paragraph`` the index
    of its paragraph; ``start``/``end`` are offsets into :attr:`Document.text`.
    """

    index: int
    paragraph: int
    text: str
    start: int
    end: int
    translation: str | None = None
    status: Status = Status.PENDING
    error: str | None = None

    def set_translation(self, translation: str) -> None:
        """Record a finished translation."""
        self.translation = translation
        self.status = Status.DONE
        self.error = None

    def set_failed(self, reason: str) -> None:
        """Record that translating this sentence failed, keeping the reason for the user."""
        self.translation = None
        self.status = Status.FAILED
        self.error = reason

    def set_result(self, text: str | None, error: str | None) -> None:
        """Record an engine's result: a translation, or (when ``error`` is set) a failure."""
        if error is None:
            self.set_translation(text or "")
        else:
            self.set_failed(error)

    def reset(self) -> None:
        """Back to pending, e.g. before a retry or after the model changed."""
        self.translation = None
        self.status = Status.PENDING
        self.error = None


@dataclass
class Paragraph:
    """A run of text between line breaks; a headline is a paragraph of one sentence."""

    index: int
    start: int
    end: int
    sentences: list[Sentence] = field(default_factory=list)


@dataclass
class Document:
    """A decoded text split into paragraphs and sentences.

    ``name`` is what the window title and the PDF call the document (usually the file name).
    """

    text: str
    paragraphs: list[Paragraph]
    name: str = ""

    @property
    def sentences(self) -> list[Sentence]:
        """All sentences in reading order; ``sentences[i].index == i``."""
        return [s for p in self.paragraphs for s in p.sentences]

    def iter_sentences(self) -> Iterator[Sentence]:
        """Sentences in reading order without building a list."""
        for paragraph in self.paragraphs:
            yield from paragraph.sentences

    def separators(self) -> list[str]:
        """The text between consecutive sentences, plus what precedes the first and follows the last.

        ``len(separators()) == len(sentences) + 1`` and
        ``sep[0] + s0 + sep[1] + s1 + … + sep[n]`` is exactly :attr:`text`.
        """
        gaps: list[str] = []
        position = 0
        for sentence in self.iter_sentences():
            gaps.append(self.text[position : sentence.start])
            position = sentence.end
        gaps.append(self.text[position:])
        return gaps

    def reconstruct(self) -> str:
        """Join sentences with their original separators; equals :attr:`text` by construction."""
        gaps = self.separators()
        parts = [gaps[0]]
        for sentence, gap in zip(self.iter_sentences(), gaps[1:], strict=True):
            parts.append(sentence.text)
            parts.append(gap)
        return "".join(parts)

    @property
    def translated_count(self) -> int:
        """How many sentences have a finished translation."""
        return sum(1 for s in self.iter_sentences() if s.status is Status.DONE)

    @property
    def failed_count(self) -> int:
        """How many sentences failed to translate."""
        return sum(1 for s in self.iter_sentences() if s.status is Status.FAILED)

    def snapshot(self) -> Document:
        """A copy whose sentences can be read on another thread while this one keeps changing.

        Strings are immutable, so copying the sentence objects (not their text) is enough.
        """
        paragraphs = [
            Paragraph(p.index, p.start, p.end, [dataclasses.replace(s) for s in p.sentences])
            for p in self.paragraphs
        ]
        return Document(text=self.text, paragraphs=paragraphs, name=self.name)
