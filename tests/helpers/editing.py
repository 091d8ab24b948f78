"""Putting a document into the state a test needs, through the model's one editing path.

A person's changes go through the undoable commands of :mod:`reader.model.editing` (the document's
mutators are private to the model), so a test that wants an edited sentence, or a rendering of its
own making, asks the same commands the window does; the change events are the window's too.
"""

from __future__ import annotations

from collections.abc import Iterable

from reader.model import Document, Rendering, Status
from reader.model.editing import SetRendering, edit_command


def edit(document: Document, segment_id: int, english: str) -> bool:
    """The reader's own English for a sentence, as the window's edit does (False: no such id)."""
    return edit_command(document, segment_id, english).do(document)


def put(document: Document, segment_id: int, status: Status, rendering: Rendering | None) -> bool:
    """A segment with exactly this status and rendering (a flagged machine translation, say)."""
    return SetRendering(segment_id, status, rendering).do(document)


def put_many(document: Document, states: Iterable[tuple[int, Status, Rendering | None]]) -> None:
    """Several :func:`put` heard as one change, as a batch of translations is."""
    with document.transaction():
        for segment_id, status, rendering in states:
            put(document, segment_id, status, rendering)
