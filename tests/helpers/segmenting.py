"""Plain segmentation for tests and benchmarks: one paragraph per line, no heading guesses."""

from __future__ import annotations

from reader.formats.plain_text import build_text_document
from reader.model import Document


def segment_text(text: str, name: str = "") -> Document:
    """Split *text* into paragraphs (lines) and sentences; offsets index into *text*.

    The file reader (:func:`reader.formats.plain_text.build_text_document`) also guesses
    headings and verse; tests of the segmenter want the sentences alone.
    """
    return build_text_document(text, name, guess_structure=False)
