"""Which translation a segment shows, and what may replace it: one rule for every part of the reader.

The window, the CLI, the library and projects all ask here, so a project opened on a computer
without the model that made it shows and exports what it holds, and nothing a person wrote is
replaced behind their back:

- a translation a document carries (from the library, a project, an import) is shown and
  exported whatever model made it; its rendering names that model;
- a person's English (edited, picked, an imported human translation) and a block's own text are
  never replaced by the machine; only retranslating that sentence on purpose does that;
- machine output of another model is replaced only when the reader chose a model explicitly
  (``--model``, ``$BIREADER_MODEL``, Settings), or asked for fresh output (``--no-cache``), *and*
  that model can be had: the caller checks availability before resetting anything;
- only sentences with no translation at all need a model.
"""

from __future__ import annotations

from reader.model.document import Document
from reader.model.nodes import Origin, Rendering, Segment, Status

SEPARATOR = " · "
"""Between the model and the engine in a rendering's ``model`` ("opus-mt-ar-en · ct2-int8")."""


def made_by(rendering: Rendering, model: str) -> bool:
    """True when *rendering* is the output of *model* (whatever engine ran it)."""
    return rendering.model == model or rendering.model.startswith(model + SEPARATOR)


def is_machine(segment: Segment) -> bool:
    r = segment.rendering
    return segment.status is Status.DONE and r is not None and r.origin is Origin.MACHINE


def may_replace(segment: Segment, *, model: str, explicit: bool, fresh: bool) -> bool:
    """True when a new translation by *model* may replace what *segment* shows now."""
    if not is_machine(segment):
        return False
    assert segment.rendering is not None
    return fresh or (explicit and not made_by(segment.rendering, model))


def replaceable(document: Document, *, model: str, explicit: bool, fresh: bool) -> list[int]:
    """Ids of the segments :func:`may_replace` allows, in reading order (O(document))."""
    return [
        s.id for s in document.iter_segments() if may_replace(s, model=model, explicit=explicit, fresh=fresh)
    ]


def redone_by_a_new_model(document: Document, model: str) -> list[int]:
    """Ids of the segments a model chosen in Settings (and loaded) translates again: what
    :func:`may_replace` allows for an explicit choice that changes the output (so every machine
    translation), and failures; a person's English and a block's own text stay."""
    return [
        s.id
        for s in document.iter_segments()
        if s.status is Status.FAILED or may_replace(s, model=model, explicit=True, fresh=True)
    ]


def missing(document: Document) -> list[Segment]:
    """Segments that have no translation yet and need one (pending, of an Arabic block)."""
    return [s for s in document.iter_segments() if document.wants_translation(s)]
