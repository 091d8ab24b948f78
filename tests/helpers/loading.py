"""Loading files the way the commands do, for tests and benchmarks (test-only helpers)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from reader.display import one_line
from reader.errors import BadInput
from reader.formats.registry import open_document
from reader.formats.text_bytes import decode_counting
from reader.input_file import read_document_bytes
from reader.model import Document

log = logging.getLogger("reader")


def load_text(path: str | Path) -> str:
    """Read and decode a text file; every failure is a one-line :class:`BadInput`.

    Only regular files under the size cap are read (:mod:`reader.input_file`); damaged UTF-8
    is reported as one warning on the ``reader`` logger.
    """
    file = Path(path)
    data = read_document_bytes(file)
    try:
        text, damaged = decode_counting(data)
    except BadInput as error:
        raise BadInput(f"{one_line(file.name)}: {error}") from None
    if damaged:
        log.warning("%s: %d invalid UTF-8 byte sequence(s) shown as U+FFFD", one_line(file.name), damaged)
    return text


def load_document(path: str | Path, progress: Callable[[float], None] | None = None) -> Document:
    """Load, structure and segment a file of any supported format (:mod:`reader.formats`); the
    document is named after the file and each warning is logged on the ``reader`` logger.

    *progress* hears the share done while the file is read and structured."""
    loaded = open_document(path, progress)
    for warning in loaded.warnings:
        log.warning("%s", warning)
    return loaded.document
