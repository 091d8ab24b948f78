"""The document: sections → blocks → segments, addressed by id, changed only through its editing API.

Reading order is a list of segment ids; positions (rows in a view) are derived from it and never
stored on a segment. A person's changes (edit, pick, retranslate, split, merge) are the undoable
commands of :mod:`reader.model.editing`, the one path for them, which alone calls the private
mutators here (``_set_states``, ``_replace_run``, ``_new_segment_id``). Everyone else has a
method named for what they do: the machine's output (:meth:`Document.apply_results`), going back
to pending (:meth:`Document.reset`), what the machine adds to a rendering later
(:meth:`Document.amend_renderings`) and saved work coming back
(:meth:`Document.restore_renderings`, :meth:`Document.restore_segmentation`). Each replaces
immutable segments, keeps the status counts current (O(1) reads, never a recount) and emits
:class:`~reader.model.changes.Change` events, one per kind per transaction.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager

from reader.model.changes import ChangeHub, ChangeKind, Listener
from reader.model.nodes import Block, BlockKind, Origin, Rendering, Section, Segment, SegmentResult, Status
from reader.model.snapshot import ReadingSnapshot


class Document:
    """A structured, translatable document; see the module docstring.

    ``parts`` holds the source text of each part (``""`` for a plain-text file); a segment's span
    indexes its block's part. ``name`` is what the title bar calls it (usually the file name).
    """

    def __init__(
        self,
        *,
        name: str,
        parts: dict[str, str],
        blocks: Iterable[Block],
        segments: Iterable[Segment],
        sections: tuple[Section, ...] = (),
        title: str = "",
    ) -> None:
        self.name = name
        self.title = title
        self.parts = parts
        self.sections = sections
        self._blocks: dict[int, Block] = {b.id: b for b in blocks}
        self._block_order: list[int] = list(self._blocks)
        self._segments: dict[int, Segment] = {s.id: s for s in segments}
        self._order: list[int] = list(self._segments)
        self._positions: dict[int, int] | None = None
        self._block_positions: dict[int, int] | None = None
        self._counts = dict.fromkeys(Status, 0)
        for segment in self._segments.values():
            self._counts[segment.status] += 1
        self._hub = ChangeHub()
        self._next_id = max(self._segments, default=-1) + 1
        self.restructured_blocks: set[int] = set()  # blocks split or merged in (what is saved)

    # Reading -----------------------------------------------------------------------------------
    @property
    def text(self) -> str:
        """The source of a single-part document (a text file)."""
        return self.parts.get("", "")

    def __len__(self) -> int:
        return len(self._order)

    def segment(self, segment_id: int) -> Segment | None:
        return self._segments.get(segment_id)

    def segment_at(self, position: int) -> Segment:
        return self._segments[self._order[position]]

    def position_of(self, segment_id: int) -> int:
        """The segment's place in reading order; raises KeyError for an unknown id."""
        if self._positions is None:
            self._positions = {sid: i for i, sid in enumerate(self._order)}
        return self._positions[segment_id]

    def iter_segments(self) -> Iterator[Segment]:
        """Segments in reading order (a live view: do not change the document while iterating)."""
        segments = self._segments
        return (segments[sid] for sid in self._order)

    @property
    def segments(self) -> list[Segment]:
        """All segments in reading order, as a new list."""
        return list(self.iter_segments())

    def block(self, block_id: int) -> Block:
        return self._blocks[block_id]

    def wants_translation(self, segment: Segment) -> bool:
        """True for a pending segment of an Arabic block: what a translation run must fill."""
        return segment.status is Status.PENDING and self._blocks[segment.block_id].translatable

    def reading_snapshot(self) -> ReadingSnapshot:
        """Reading order, segments and blocks as they are now, for another thread to read."""
        return ReadingSnapshot(tuple(self._order), dict(self._segments), dict(self._blocks))

    def iter_blocks(self) -> Iterator[Block]:
        return (self._blocks[bid] for bid in self._block_order)

    def block_position(self, block_id: int) -> int:
        """The block's place among all blocks (the ``paragraph`` number the CLI prints)."""
        if self._block_positions is None:
            self._block_positions = {bid: i for i, bid in enumerate(self._block_order)}
        return self._block_positions[block_id]

    def starts_block(self, position: int) -> bool:
        """True when the segment at *position* is its block's first (views add a paragraph gap)."""
        segment = self.segment_at(position)
        return self._blocks[segment.block_id].segment_ids[0] == segment.id

    def part_text(self, segment: Segment) -> str:
        """The source part a segment's span indexes."""
        return self.parts.get(self._blocks[segment.block_id].location.part, "")

    def headings(self) -> list[tuple[int, Block]]:
        """``(position of its first segment, block)`` for every heading, in reading order."""
        found = []
        for block in self.iter_blocks():
            if block.kind is BlockKind.HEADING and block.segment_ids:
                found.append((self.position_of(block.segment_ids[0]), block))
        return found

    def segments_of(self, block: Block) -> list[Segment]:
        return [self._segments[sid] for sid in block.segment_ids]

    def block_text(self, block: Block) -> str:
        return " ".join(s.text for s in self.segments_of(block))

    # Counts (kept by the editing API) -----------------------------------------------------------
    @property
    def translated_count(self) -> int:
        return self._counts[Status.DONE]

    @property
    def failed_count(self) -> int:
        return self._counts[Status.FAILED]

    @property
    def pending_count(self) -> int:
        return self._counts[Status.PENDING]

    # Editing API ----------------------------------------------------------------------------------
    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Receive every :class:`Change`; returns the function that unsubscribes."""
        return self._hub.subscribe(listener)

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Group changes: listeners hear one event per kind when the outermost one ends."""
        self._hub.open()
        try:
            yield
        finally:
            self._hub.close()

    def apply_results(self, results: Iterable[SegmentResult]) -> list[int]:
        """Record translations and failures; returns the ids that changed.

        A result is dropped when its segment is gone, has moved on to another revision, holds a
        person's rendering (an edit is never overwritten by the machine), or no longer has the
        text the result was made for (a translation shared between repeated sentences is checked
        against each one's own text).
        """
        changed: list[int] = []
        for result in results:
            segment = self._segments.get(result.segment_id)
            if (
                segment is None
                or segment.revision != result.revision
                or segment.edited
                or (result.source is not None and result.source != segment.text)
            ):
                continue
            if result.error is None:
                rendering = Rendering(
                    result.text or "",
                    Origin.MACHINE,
                    result.model,
                    result.score,
                    result.flags,
                    result.alternatives,
                    alignment=result.alignment,
                )
                new = self._bump(segment, status=Status.DONE, rendering=rendering, error=None)
            else:
                new = self._bump(segment, status=Status.FAILED, rendering=None, error=result.error)
            self._replace(new)
            changed.append(new.id)
        if changed:
            self._hub.record(ChangeKind.RENDERING, tuple(changed))
        return changed

    def reset(self, segment_ids: Iterable[int], *, keep_edited: bool = True) -> list[int]:
        """Back to pending (a retry, or a model change): in-flight results for them are dropped."""
        changed: list[int] = []
        for segment_id in segment_ids:
            segment = self._segments.get(segment_id)
            if segment is None or (keep_edited and segment.edited) or _is_source(segment):
                continue  # a block that is not Arabic keeps its own text: it is never translated
            if segment.status is Status.PENDING and segment.rendering is None:
                continue
            self._replace(self._bump(segment, status=Status.PENDING, rendering=None, error=None))
            changed.append(segment_id)
        if changed:
            self._hub.record(ChangeKind.RENDERING, tuple(changed))
        return changed

    def amend_renderings(self, renderings: Iterable[tuple[int, Rendering]]) -> int:
        """Renderings given what the machine adds after the fact (a word alignment, alternatives,
        a score), status and error unchanged; heard as one change. Returns how many changed."""
        segments = self._segments
        return self._set_states(
            (segment_id, s.status, rendering, s.error)
            for segment_id, rendering in renderings
            if (s := segments.get(segment_id)) is not None
        )

    def restore_renderings(self, renderings: Iterable[tuple[int, Rendering]]) -> int:
        """Saved translations put back on a freshly built document (the library, a project),
        heard as one change; unknown ids are skipped. Returns how many came back."""
        done = Status.DONE
        return self._set_states((segment_id, done, rendering, None) for segment_id, rendering in renderings)

    def restore_segmentation(self, block_id: int, segments: Sequence[Segment]) -> None:
        """A block's saved split and merged sentences in place of the ones it was built with
        (raises KeyError for an unknown block, ValueError as :meth:`_replace_run` does)."""
        self._replace_run(list(self._blocks[block_id].segment_ids), segments)

    def snapshot(self) -> Document:
        """A copy that another thread can read while this one keeps changing (nodes are shared)."""
        copy = Document(
            name=self.name,
            parts=self.parts,
            blocks=self.iter_blocks(),
            segments=self.iter_segments(),
            sections=self.sections,
            title=self.title,
        )
        copy.restructured_blocks = set(self.restructured_blocks)
        return copy

    # The private mutators: the editing commands' (reader.model.editing) and the methods above ------
    def _set_states(self, states: Iterable[tuple[int, Status, Rendering | None, str | None]]) -> int:
        """Segments' translation states as given (an edit, undo, a picked alternative, saved work
        restored), heard as one change; the revision still grows, so results in flight are dropped."""
        changed: list[int] = []
        segments, counts = self._segments, self._counts
        for segment_id, status, rendering, error in states:
            s = segments.get(segment_id)
            if s is None:
                continue
            counts[s.status] -= 1
            counts[status] += 1
            segments[segment_id] = Segment(
                s.id, s.block_id, s.text, s.start, s.end, s.revision + 1, status, rendering, error
            )
            changed.append(segment_id)
        if changed:
            self._hub.record(ChangeKind.RENDERING, tuple(changed))
        return len(changed)

    def _new_segment_id(self) -> int:
        """An id no segment of this document has had (split and merge make new pieces)."""
        self._next_id += 1
        return self._next_id - 1

    def _replace_run(self, old_ids: Sequence[int], new: Sequence[Segment]) -> None:
        """Replace consecutive segments of one block by *new* ones (a split, a merge, their undo, a
        saved segmentation restored).

        Every other segment keeps its id, state and place; listeners hear one STRUCTURE change
        naming the new ids and the removed ones. Raises ValueError for a run that is not
        consecutive within one block, or new segments of another block.
        """
        if not old_ids or not new:
            raise ValueError("a run to replace and its replacement must not be empty")
        first = self._segments[old_ids[0]]
        block = self._blocks[first.block_id]
        at = block.segment_ids.index(first.id)
        if tuple(block.segment_ids[at : at + len(old_ids)]) != tuple(old_ids):
            raise ValueError("the segments to replace are not consecutive in one block")
        if any(s.block_id != block.id for s in new) or any(
            s.id in self._segments and s.id not in old_ids for s in new
        ):
            raise ValueError("the new segments belong to another block or reuse a live id")
        position = self.position_of(first.id)
        new_ids = tuple(s.id for s in new)
        for segment_id in old_ids:
            self._counts[self._segments.pop(segment_id).status] -= 1
        for segment in new:
            self._segments[segment.id] = segment
            self._counts[segment.status] += 1
            self._next_id = max(self._next_id, segment.id + 1)
        self._order[position : position + len(old_ids)] = new_ids
        ids = block.segment_ids
        self._blocks[block.id] = dataclasses.replace(
            block, segment_ids=ids[:at] + new_ids + ids[at + len(old_ids) :]
        )
        self._positions = None
        self.restructured_blocks.add(block.id)
        removed = tuple(i for i in old_ids if i not in new_ids)
        self._hub.record(ChangeKind.STRUCTURE, new_ids, removed)

    # internals ----------------------------------------------------------------------------------
    @staticmethod
    def _bump(segment: Segment, *, status: Status, rendering: Rendering | None, error: str | None) -> Segment:
        """The segment's next revision (built directly: ``dataclasses.replace`` is 3× slower)."""
        s = segment
        return Segment(s.id, s.block_id, s.text, s.start, s.end, s.revision + 1, status, rendering, error)

    def _replace(self, new: Segment) -> None:
        old = self._segments[new.id]
        self._counts[old.status] -= 1
        self._counts[new.status] += 1
        self._segments[new.id] = new


def _is_source(segment: Segment) -> bool:
    return segment.rendering is not None and segment.rendering.origin is Origin.SOURCE
