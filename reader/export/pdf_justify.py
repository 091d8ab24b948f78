"""Justified lines by word spacing only: the PDF's optional justified Arabic.

Arabic is often justified with kashida (tatweel, U+0640) stretching the joins, but a kashida is a
character: it would come back inside the words from every reader (``بـشأن``), so the text would no
longer copy or search right. Here only the spaces grow. A line is laid out as usual
(:mod:`reader.export.pdf_text`), then every piece moves right by the extra of the spaces to its
left on the page, and each space inside a piece is widened where the glyphs are written
(:func:`reader.export.pdf_glyphs.text_operators`), so the text in the file is unchanged.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

MAX_STRETCH = 2.5
"""A space grows to at most this many times its width; a line that would need more (a few long
words) is left unjustified rather than drawn with holes in it. The wider gap is written in small
steps (:data:`reader.export.pdf_glyphs.MAX_STEP`), which pypdf does not take for word breaks."""


@dataclass(frozen=True)
class Spaced:
    """A piece of a line: its left edge and width (mm) and how many spaces it holds."""

    x: float
    width: float
    spaces: int


def space_extra(pieces: Sequence[Spaced], width: float, space_width: float) -> float:
    """How much (mm) to add to every space so that the pieces fill ``width``; 0 when they have
    no space, already fill it, or would need spaces wider than :data:`MAX_STRETCH` allows."""
    spaces = sum(piece.spaces for piece in pieces)
    used = sum(piece.width for piece in pieces)
    if not spaces or used >= width:
        return 0.0
    extra = (width - used) / spaces
    return extra if extra <= (MAX_STRETCH - 1) * space_width else 0.0


def spread(pieces: Sequence[Spaced], extra: float) -> list[float]:
    """Each piece's new left edge once every space is ``extra`` wider (the pieces in any order)."""
    order = sorted(range(len(pieces)), key=lambda index: pieces[index].x)
    moved = [0.0] * len(pieces)
    shift = 0.0
    for index in order:  # from the left edge of the page, whatever the line's direction
        moved[index] = pieces[index].x + shift
        shift += extra * pieces[index].spaces
    return moved
