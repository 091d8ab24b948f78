"""The PDF export's "without vowel marks" option: a display copy of the document.

Kept apart from the PDF writer (a small hook in :func:`reader.export.pdf.export_pdf`): the
export reads sentences as it always does, from a copy whose Arabic has its harakat removed
(:func:`reader.arabic.folding.strip_diacritics`, the same rule as View ▸ Show Diacritics). The document
itself is never changed; the copy shares its blocks, sections and renderings.
"""

from __future__ import annotations

import dataclasses

from reader.arabic.folding import strip_diacritics
from reader.model import Document


def without_diacritics(document: Document) -> Document:
    """A copy of *document* whose Arabic sentences are shown without vowel marks."""
    return Document(
        name=document.name,
        parts=document.parts,
        blocks=document.iter_blocks(),
        segments=(dataclasses.replace(s, text=strip_diacritics(s.text)) for s in document.iter_segments()),
        sections=document.sections,
        title=document.title,
    )
