"""Putting an aligned human translation into a document, as undoable commands.

Several Arabic sentences linked to one English sentence are merged into one row; the English of
each link becomes the row's rendering with origin *human*; an English sentence linked to no
Arabic is added to the English of the link before it, so no sentence of the translation is lost.
Every change is a command of :mod:`reader.model.editing`, run by *run*: ``command.do(document)``
for the command line, the window's undo stack in the window.

A link whose Arabic crosses a paragraph cannot become one row: the model merges segments of one
block only (a block is the document's paragraph, with its own source offsets). What a reader
expects then is the English of that link beside each paragraph's part, not all of it on the first
row and the machine's on the others: the Arabic of each paragraph is merged into one row and the
English is cut between them at word boundaries, in proportion to their Arabic lengths and at a
comma or semicolon when one is near. The cut is a guess, so those rows are placed with score 0
and the review (F6) visits them; Ctrl+Alt+Up/Down move a sentence part across if the cut is off.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from reader.model import Document, Origin, Rendering, Status
from reader.model.editing import SetRendering, merge_command
from reader.model.undo import Command
from reader.sentence_align.aligner import Link
from reader.sentence_align.features import counted_length

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


# How far (as a share of the English's length) a cut may move to fall after a comma or semicolon.
PUNCTUATION_PULL = 0.08


def split_by_shares(text: str, weights: Sequence[float]) -> list[str]:
    """*text* cut at word boundaries into one part per weight, each part's length in proportion
    to its weight, a cut preferring to follow a comma, semicolon or colon. A part is empty only
    when there are fewer words than parts."""
    words = text.split()
    if len(weights) <= 1:
        return [" ".join(words)]
    if len(words) < len(weights):
        return [*words, *[""] * (len(weights) - len(words))]
    total = float(sum(weights)) or 1.0
    ends = [0]  # characters up to the end of each word, spaces included
    for word in words:
        ends.append(ends[-1] + len(word) + 1)
    cuts: list[int] = []
    share = 0.0
    for part in range(1, len(weights)):
        share += weights[part - 1] / total
        first = cuts[-1] + 1 if cuts else 1
        last = len(words) - (len(weights) - part)  # a word left for every part after this cut

        def badness(gap: int, share: float = share) -> float:
            pull = PUNCTUATION_PULL if words[gap - 1][-1] in ",;:،؛" else 0.0
            return abs(ends[gap] / ends[-1] - share) - pull

        cuts.append(min(range(first, last + 1), key=badness))
    bounds = [0, *cuts, len(words)]
    return [" ".join(words[bounds[k] : bounds[k + 1]]) for k in range(len(weights))]


def _by_block(document: Document, ids: Sequence[int]) -> list[list[int]]:
    """*ids* in runs of one block each."""
    runs: list[list[int]] = []
    block = None
    for segment_id in ids:
        segment = document.segment(segment_id)
        if segment is None:
            continue
        if runs and segment.block_id == block:
            runs[-1].append(segment_id)
        else:
            runs.append([segment_id])
            block = segment.block_id
    return runs


def _merged(document: Document, ids: Sequence[int], run: Run) -> int:
    """One row of the consecutive segments *ids* of one block; its id."""
    target = ids[0]
    for other in ids[1:]:
        command = merge_command(document, target, other)
        if command is None or not run(command):
            break
        target = command.after[0].id
    return target


def apply_links(
    document: Document, segment_ids: Sequence[int], links: Sequence[Link], english: Sequence[str], run: Run
) -> list[Placed]:
    """Apply *links* (indexes into *segment_ids*, the document's order when aligned)."""
    placed: list[Placed] = []
    for link, text in zip(links, english_per_link(links, english), strict=True):
        if not link.source or not text:
            continue
        runs = _by_block(document, [segment_ids[index] for index in link.source])
        rows = [_merged(document, ids, run) for ids in runs]
        weights = [counted_length(segment.text) for row in rows if (segment := document.segment(row))]
        parts = split_by_shares(text, weights) if len(rows) > 1 else [text]
        score = link.score if len(rows) == 1 else 0.0
        for row, part in zip(rows, parts, strict=True):
            if part and document.segment(row) is not None and run(human_command(row, part)):
                placed.append(Placed(row, score))
    return placed


@dataclass
class ImportTranslation:
    """The whole import as one undoable step: its merges and human renderings, in order."""

    segment_ids: tuple[int, ...]
    links: tuple[Link, ...]
    english: tuple[str, ...]
    label: str = "import translation"
    placed: list[Placed] = field(default_factory=list)
    _done: list[Command] = field(default_factory=list, repr=False)

    def do(self, document: Document) -> bool:
        if self._done:  # redo: the same commands again, so the merged rows get the same ids
            return all([command.do(document) for command in self._done])

        def run(command: Command) -> bool:
            if command.do(document):
                self._done.append(command)
                return True
            return False

        self.placed = apply_links(document, self.segment_ids, self.links, self.english, run)
        return bool(self._done)

    def undo(self, document: Document) -> None:
        for command in reversed(self._done):
            command.undo(document)


@dataclass
class Steps:
    """Several commands done and undone as one (moving a sentence changes two rows)."""

    steps: tuple[Command, ...]
    label: str = "move English"

    def do(self, document: Document) -> bool:
        return all([step.do(document) for step in self.steps])

    def undo(self, document: Document) -> None:
        for step in reversed(self.steps):
            step.undo(document)


def move_english_command(document: Document, segment_id: int, step: int) -> Steps | None:
    """Move the first English sentence of a row to the previous row (*step* -1) or the last one
    to the next row (+1); both rows then show human English. None when there is nothing to move."""
    from reader.sentence_align.english_text import split_english

    segment = document.segment(segment_id)
    if segment is None or not segment.translation:
        return None
    position = document.position_of(segment_id) + step
    if not 0 <= position < len(document):
        return None
    other = document.segment_at(position)
    sentences = split_english(segment.translation)
    if not sentences:
        return None
    moved = sentences.pop(0 if step < 0 else -1)
    theirs = (
        other.translation
        if other.rendering is not None and other.rendering.origin is not Origin.MACHINE
        else ""
    )
    joined = f"{theirs} {moved}".strip() if step < 0 else f"{moved} {theirs}".strip()
    ours = " ".join(sentences)
    mine = (
        human_command(segment.id, ours)
        if ours
        else SetRendering(segment.id, Status.PENDING, None, "move English")
    )
    return Steps((mine, human_command(other.id, joined)))
