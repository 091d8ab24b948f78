"""Change events: what the document tells its views, exporters and (later) its undo stack.

Events name segment ids, never positions. A transaction collects every change made inside it and
delivers one event per kind at the end, so a batch of sixteen translations is one repaint, not
sixteen (Qt's model/view does the same with ``dataChanged`` ranges).
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass


class ChangeKind(enum.Enum):
    RENDERING = "rendering"  # a translation, failure, reset or edit of the English
    TEXT = "text"  # a segment's source text (and so its revision) changed
    STRUCTURE = "structure"  # segments were inserted, removed, split or merged


@dataclass(frozen=True)
class Change:
    """One kind of change to a set of segments (for STRUCTURE: the new and removed ids)."""

    kind: ChangeKind
    segment_ids: tuple[int, ...]
    removed_ids: tuple[int, ...] = ()


Listener = Callable[[Change], None]


class ChangeHub:
    """Subscribers and the open transaction of one document."""

    def __init__(self) -> None:
        self._listeners: list[Listener] = []
        self._depth = 0
        self._pending: dict[ChangeKind, dict[int, None]] = {}
        self._removed: dict[int, None] = {}

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Call *listener* with every change from now on; returns the function that unsubscribes."""
        self._listeners.append(listener)

        def unsubscribe() -> None:
            if listener in self._listeners:
                self._listeners.remove(listener)

        return unsubscribe

    def open(self) -> None:
        self._depth += 1

    def close(self) -> None:
        self._depth -= 1
        if self._depth == 0:
            self._flush()

    def record(self, kind: ChangeKind, ids: tuple[int, ...], removed: tuple[int, ...] = ()) -> None:
        self._pending.setdefault(kind, {}).update(dict.fromkeys(ids))
        self._removed.update(dict.fromkeys(removed))
        if self._depth == 0:
            self._flush()

    def _flush(self) -> None:
        pending, removed = self._pending, self._removed
        self._pending, self._removed = {}, {}
        for kind in ChangeKind:  # structure last: listeners see renderings of known ids first
            ids = pending.get(kind)
            if ids is None:
                continue
            change = Change(kind, tuple(ids), tuple(removed) if kind is ChangeKind.STRUCTURE else ())
            for listener in list(self._listeners):
                listener(change)
