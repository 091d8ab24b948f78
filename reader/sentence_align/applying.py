"""Putting an aligned human translation into a document, as undoable commands.

Several Arabic sentences linked to one English sentence are merged into one row (when they are
in one paragraph; across paragraphs the English goes to the first of them); the English of each
link becomes the row's rendering with origin *human*; an English sentence linked to no Arabic is
added to the English of the link before it, so no sentence of the translation is lost. Every
change is a command of :mod:`reader.model.editing`, run by *run*: ``command.do(document)`` for
the command line, the window's undo stack in the window.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from reader.model import Document, Origin, Rendering, Status
from reader.model.editing import SetRendering, merge_command
from reader.model.undo import Command
from reader.sentence_align.aligner import Link

Run = Callable[[Command], bool]


@dataclass(frozen=True)
class Placed:
    """A segment that now shows human English, and the score of the link that gave it."""

    segment_id: int
    score: float


def english_per_link(links: Sequence[Link], english: Sequence[str]) -> list[str]:
    """The English each link shows: its sentences joined, plus any unlinked ones that follow it."""
    texts = [" ".join(english[j] for j in link.target) for link in links]
    owner = None
    for k, link in enumerate(links):
        if link.source:
            owner = k
        elif owner is not None:
            texts[owner] = f"{texts[owner]} {texts[k]}".strip()
            texts[k] = ""
    first = next((k for k, link in enumerate(links) if link.source), None)
    if first is not None:  # English before the first Arabic sentence goes to the first row
        leading = [texts[k] for k in range(first) if texts[k]]
        texts[first] = " ".join([*leading, texts[first]]).strip()
    return texts


def human_command(segment_id: int, english: str) -> SetRendering:
    return SetRendering(segment_id, Status.DONE, Rendering(english, Origin.HUMAN), "import translation")


def apply_links(
    document: Document, segment_ids: Sequence[int], links: Sequence[Link], english: Sequence[str], run: Run
) -> list[Placed]:
    """Apply *links* (indexes into *segment_ids*, the document's order when aligned)."""
    placed: list[Placed] = []
    for link, text in zip(links, english_per_link(links, english), strict=True):
        if not link.source or not text:
            continue
        target = segment_ids[link.source[0]]
        for index in link.source[1:]:
            command = merge_command(document, target, segment_ids[index])
            if command is None or not run(command):
                break
            target = command.after[0].id
        if document.segment(target) is not None and run(human_command(target, text)):
            placed.append(Placed(target, link.score))
    return placed
