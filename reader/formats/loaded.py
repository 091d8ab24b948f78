"""What a format reader gives back: the document and the warnings to show beside it.

Its own module so that each reader can return one without importing the registry that calls
it (which would make an import circle).
"""

from __future__ import annotations

from dataclasses import dataclass

from reader.model import Document


@dataclass(frozen=True)
class Loaded:
    """A document and the warnings to show beside it (damaged bytes replaced, say)."""

    document: Document
    warnings: tuple[str, ...] = ()
