"""What a reader can change by hand, as undoable commands: the one path for a person's changes.

The commands are the only callers of the document's private mutators (``_set_states``,
``_replace_run``, ``_new_segment_id``); the window, the CLI and the tests edit through them. Each command remembers what it replaced, so :class:`reader.model.undo.UndoStack` can take it back
and do it again. Commands address segments by id; a split gives both pieces new ids and a merge
gives the joined sentence a new one, while every other segment keeps its id, translation and
edits. New pieces are pending (the window translates just them), except where a person's English
is carried over to them (:mod:`reader.model.carried_english`): an edit is never dropped.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reader.model.carried_english import merged_state, split_states
from reader.model.document import Document
from reader.model.nodes import Origin, Rendering, Segment, Status

# Marks after which a sentence may be cut (the split menu lists those inside a sentence).
SPLIT_MARKS = frozenset("،؛,;:.!?؟…")
_SPACE = " \t\n\u200e\u200f"


@dataclass
class SetRendering:
    """An edit, a picked alternative or a retranslation request (back to pending)."""

    segment_id: int
    status: Status
    rendering: Rendering | None
    label: str = "edit"
    _before: Segment | None = field(default=None, repr=False)

    def do(self, document: Document) -> bool:
        segment = document.segment(self.segment_id)
        if segment is None:
            return False
        self._before = segment
        return document._set_states([(self.segment_id, self.status, self.rendering, None)]) == 1

    def undo(self, document: Document) -> None:
        before = self._before
        if before is not None:
            document._set_states([(before.id, before.status, before.rendering, before.error)])


@dataclass
class Restructure:
    """A split or a merge: some consecutive segments of a block replaced by others."""

    before: tuple[Segment, ...]
    after: tuple[Segment, ...]
    label: str = "split"

    def do(self, document: Document) -> bool:
        if any(document.segment(s.id) is None for s in self.before):
            return False
        self.before = tuple(document.segment(s.id) or s for s in self.before)  # their state now
        document._replace_run([s.id for s in self.before], _fresh(self.after))
        return True

    def undo(self, document: Document) -> None:
        self.after = tuple(document.segment(s.id) or s for s in self.after)  # translated meanwhile?
        document._replace_run([s.id for s in self.after], _fresh(self.before))


def _fresh(segments: tuple[Segment, ...]) -> list[Segment]:
    """The same segments one revision on: a result computed before the swap is dropped."""
    return [
        Segment(s.id, s.block_id, s.text, s.start, s.end, s.revision + 1, s.status, s.rendering, s.error)
        for s in segments
    ]


def edit_command(document: Document, segment_id: int, english: str) -> SetRendering:
    """The reader's own English for a sentence (marked edited: no machine overwrites it)."""
    return SetRendering(segment_id, Status.DONE, Rendering(english, Origin.EDITED), "edit")


def pick_command(document: Document, segment_id: int, choice: str) -> SetRendering | None:
    """One of the engine's alternatives in place of the shown translation (the old one becomes an
    alternative, so the reader can pick it back)."""
    segment = document.segment(segment_id)
    if segment is None or segment.rendering is None:
        return None
    old = segment.rendering
    others = tuple(dict.fromkeys(a for a in (old.text, *old.alternatives) if a != choice))
    rendering = Rendering(choice, Origin.EDITED, old.model, None, (), others)
    return SetRendering(segment_id, Status.DONE, rendering, "pick")


def retranslate_command(segment_id: int) -> SetRendering:
    """Ask for a new machine translation of this sentence, even an edited one (the reader asked)."""
    return SetRendering(segment_id, Status.PENDING, None, "retranslate")


def split_command(document: Document, segment_id: int, at: int) -> Restructure | None:
    """Cut a sentence *at* characters into its text; None when either piece would be empty."""
    segment = document.segment(segment_id)
    if segment is None or not 0 < at < len(segment.text):
        return None
    left_end = segment.start + len(segment.text[:at].rstrip(_SPACE))
    right_start = segment.start + at + (len(segment.text[at:]) - len(segment.text[at:].lstrip(_SPACE)))
    if left_end <= segment.start or right_start >= segment.end:
        return None
    part = document.part_text(segment)
    left, right = (
        Segment(document._new_segment_id(), segment.block_id, part[start:end].replace("\n", " "), start, end)
        for start, end in ((segment.start, left_end), (right_start, segment.end))
    )
    (left_status, left_rendering), (right_status, right_rendering) = split_states(segment, (left, right))
    pieces = (
        Segment(left.id, left.block_id, left.text, left.start, left.end, 0, left_status, left_rendering),
        Segment(
            right.id, right.block_id, right.text, right.start, right.end, 0, right_status, right_rendering
        ),
    )
    return Restructure((segment,), pieces, "split")


def merge_command(document: Document, first_id: int, second_id: int) -> Restructure | None:
    """Join two neighbouring sentences of one paragraph; None when they are not neighbours."""
    first, second = document.segment(first_id), document.segment(second_id)
    if first is None or second is None or first.block_id != second.block_id:
        return None
    ids = document.block(first.block_id).segment_ids
    at = ids.index(first.id)
    if at + 1 >= len(ids) or ids[at + 1] != second.id:
        return None
    text = document.part_text(first)[first.start : second.end].replace("\n", " ")
    status, rendering = merged_state(first, second, text)
    joined = Segment(
        document._new_segment_id(), first.block_id, text, first.start, second.end, 0, status, rendering
    )
    return Restructure((first, second), (joined,), "merge")


def neighbour(document: Document, segment_id: int, step: int) -> int | None:
    """The id of the next (+1) or previous (-1) sentence in the same paragraph, if any."""
    segment = document.segment(segment_id)
    if segment is None:
        return None
    ids = document.block(segment.block_id).segment_ids
    at = ids.index(segment_id) + step
    return ids[at] if 0 <= at < len(ids) else None


def split_candidates(segment: Segment) -> list[int]:
    """Offsets just after a punctuation mark inside the sentence: where a split makes sense."""
    text = segment.text
    found = []
    for index, char in enumerate(text[:-1]):
        if char in SPLIT_MARKS and text[index + 1] in _SPACE and text[index + 1 :].strip(_SPACE):
            found.append(index + 1)
    return found
