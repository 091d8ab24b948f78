"""The flagged sentences of a document in reading order, kept up to date from its change events.

F8 / Shift+F8 jump to the next / previous sentence with a quality flag. Scanning rows for one is
O(document) per key press on a 20 000-sentence book; this index answers in O(log n) instead.

Entries are ordered by (block position, place in the block, id) rather than by row: blocks keep
their places for the document's life (a split or a merge only renumbers the segments of one
block), so a structure change re-files one block's entries and leaves every other key valid. A
rendering change files or drops just the ids it names. The index is built on first use (one pass
over the blocks), not when the document opens; until then
change events cost nothing.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right, insort
from collections.abc import Callable, Iterable

from reader.model.changes import Change, ChangeKind
from reader.model.document import Document
from reader.model.nodes import Segment

Key = tuple[int, int, int]
BULK = 64
"""Above this many ids in one event, re-sort once instead of inserting one by one."""


class FlaggedIndex:
    """Ids of the segments whose rendering has flags, or whose block has (a doubtful OCR reading),
    in reading order; see the module docstring.

    *flagged* replaces that test as what files a segment (the review of an imported translation
    files its uncertain links). Subscribes to *document* on construction; :meth:`close`
    unsubscribes.
    """

    def __init__(self, document: Document, flagged: Callable[[Segment], bool] | None = None) -> None:
        self.document = document
        self._is_flagged = flagged
        self._keys: list[Key] = []
        self._key_of: dict[int, Key] = {}
        self._built = False
        self._unsubscribe: Callable[[], None] | None = document.subscribe(self._on_change)

    def __len__(self) -> int:
        self._build()
        return len(self._keys)

    def __contains__(self, segment_id: object) -> bool:
        self._build()
        return segment_id in self._key_of

    def ids(self) -> list[int]:
        """Every flagged id in reading order (for tests and exports; O(flagged))."""
        self._build()
        return [key[2] for key in self._keys]

    def after(self, segment_id: int | None, step: int = 1) -> int | None:
        """The flagged id after (+1) or before (-1) *segment_id* in reading order, wrapping round;
        from the start (or the end) when *segment_id* is None. None when nothing is flagged."""
        self._build()
        if not self._keys:
            return None
        if segment_id is None or self.document.segment(segment_id) is None:
            return self._keys[0 if step > 0 else -1][2]
        key = self._key(segment_id)
        if step > 0:
            at = bisect_right(self._keys, key)
            return self._keys[at % len(self._keys)][2]
        return self._keys[bisect_left(self._keys, key) - 1][2]

    def close(self) -> None:
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None

    # -- upkeep ---------------------------------------------------------------------------------

    def _build(self) -> None:
        if self._built:
            return
        self._built = True
        for block_position, block in enumerate(self.document.iter_blocks()):
            for place, segment_id in enumerate(block.segment_ids):
                if self._flagged(segment_id):
                    key = (block_position, place, segment_id)
                    self._keys.append(key)  # already in order
                    self._key_of[segment_id] = key

    def _key(self, segment_id: int) -> Key:
        document = self.document
        segment = document.segment(segment_id)
        assert segment is not None
        block = document.block(segment.block_id)
        return (document.block_position(block.id), block.segment_ids.index(segment_id), segment_id)

    def _on_change(self, change: Change) -> None:
        if not self._built:
            return  # built from the document as it is then
        if change.kind is ChangeKind.STRUCTURE:
            self._drop(change.removed_ids)
            blocks = {s.block_id for i in change.segment_ids if (s := self.document.segment(i)) is not None}
            for block_id in blocks:  # the block's other segments moved within it: re-file them all
                block = self.document.block(block_id)
                self._drop(block.segment_ids)
                position = self.document.block_position(block_id)
                self._file((position, place, i) for place, i in enumerate(block.segment_ids))
        else:
            self._drop(change.segment_ids)
            self._file(self._key(i) for i in change.segment_ids if self._flagged(i))

    def _flagged(self, segment_id: int) -> bool:
        segment = self.document.segment(segment_id)
        if segment is None:
            return False
        if self._is_flagged is not None:
            return self._is_flagged(segment)
        if segment.rendering is not None and segment.rendering.flags:
            return True
        return bool(self.document.block(segment.block_id).flags)  # a doubtful source (OCR)

    def _drop(self, ids: Iterable[int]) -> None:
        gone = [key for i in ids if (key := self._key_of.pop(i, None)) is not None]
        if len(gone) > BULK:
            dropped = set(gone)
            self._keys = [key for key in self._keys if key not in dropped]
            return
        for key in gone:
            del self._keys[bisect_left(self._keys, key)]

    def _file(self, keys: Iterable[Key]) -> None:
        added = []
        for key in keys:
            if self._flagged(key[2]):
                self._key_of[key[2]] = key
                added.append(key)
        if len(added) > BULK:
            self._keys = sorted(self._keys + added)
            return
        for key in added:
            insort(self._keys, key)
