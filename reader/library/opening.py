"""Opening a file with the reader's work on it: a project as saved, a text with what the library kept.

One entry point for the window's opener and every CLI command, so both see the same edits,
splits, merges and translations. The window opens documents only through here (a layer contract
in pyproject.toml): what it needs of the formats — the list for its Open dialog, pasted text —
is named here too. A ``.bireader`` project is read as saved (the library then
records what changes after); any other file is read by its format's reader (:mod:`reader.formats`)
and :func:`with_saved_work`, the one place saved work comes back (for pasted text too), applies
the library's rows for its content hash.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from reader.formats.plain_text import build_text_document
from reader.formats.registry import FORMATS as FORMATS
from reader.formats.registry import open_document
from reader.formats.registry import supported_extensions as supported_extensions
from reader.formats.text_bytes import has_text as has_text
from reader.formats.text_bytes import normalise_text as normalise_text
from reader.library.positions import content_hash
from reader.library.project import is_project, open_project
from reader.library.store import Library
from reader.model import Document

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Loaded:
    document: Document
    key: str  # content hash: the library's key
    position: int  # where the reader left it
    warnings: tuple[str, ...] = ()  # the format reader's (damaged bytes replaced, …)
    selected: int = -1  # the sentence selected when the reader left it (-1: none)


def load_with_work(
    path: Path, library: Library | None, progress: Callable[[float], None] | None = None
) -> Loaded:
    """Load *path* and restore the work saved for it (raises the loaders' one-line errors)."""
    if is_project(path):
        project = open_project(path)
        return Loaded(project.document, project.key, project.position)
    loaded = open_document(path, progress)
    for warning in loaded.warnings:  # the CLI's one `warning: …` line each; the window shows them
        log.warning("%s", warning)
    return with_saved_work(loaded.document, library, loaded.warnings)


def with_saved_work(document: Document, library: Library | None, warnings: tuple[str, ...] = ()) -> Loaded:
    """The one place a reader's saved work comes back: the library's edits, splits, merges,
    translations, flags and alternatives for *document*'s text put onto the freshly built
    *document*, with where the reader left it (a file opened here, pasted text in the window)."""
    key = content_hash(document)
    position = library.restore(key, document) if library is not None else 0
    selected = library.selection(key, document) if library is not None else -1
    return Loaded(document, key, position, warnings, selected)


def structure_text(text: str, name: str, progress: Callable[[float], None] | None = None) -> Document:
    """Pasted or dropped text as a document, structured as a text file would be."""
    return build_text_document(text, name=name, progress=progress)
