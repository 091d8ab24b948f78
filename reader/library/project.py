"""Project files (``.bireader``): one portable SQLite file holding the source and all the work.

A project carries the text itself (so it opens on another computer, without the original file)
plus the same rows the library keeps (:mod:`reader.library.state`): segmentation changes and
renderings with their origin, model, score, flags and alternatives, and the reading position.

The file is read whole into memory and opened there (``deserialize``), so opening never writes
to it: a damaged project is refused with one line and left exactly as it was. Saving builds the
database in memory and writes it atomically (:mod:`reader.atomic`).

Opening is one entry point, :func:`open_project`, so the format registry can call it for the
``.bireader`` suffix.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from reader.atomic import atomic_write_bytes
from reader.display import one_line
from reader.errors import BadInput
from reader.formats.limits import LimitExceeded, check_document_chars
from reader.formats.plain_text import build_text_document
from reader.input_file import read_document_bytes
from reader.library import state
from reader.library.positions import content_hash, position_for
from reader.library.sqlite_file import DamagedFile, NewerSchema
from reader.model import Document

SUFFIX = ".bireader"
SCHEMA_VERSION = 2  # 2: word alignments kept with renderings (a version-1 project still opens)
APPLICATION_ID = 0x42525052  # "BRPR"
_KEY = "project"


@dataclass(frozen=True)
class Project:
    document: Document
    key: str  # the content hash of the text (the library's key for the same text)
    position: int


def is_project(path: Path) -> bool:
    return path.suffix.lower() == SUFFIX


def save_project(path: Path, document: Document, position: int = 0) -> None:
    """Write *document* and its work to *path* (atomically)."""
    connection = sqlite3.connect(":memory:")
    try:
        connection.execute("CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT NOT NULL)")
        connection.execute("CREATE TABLE sources (part TEXT PRIMARY KEY, text TEXT NOT NULL)")
        state.create_tables(connection)
        part, offset = "", 0
        if 0 <= position < len(document):
            segment = document.segment_at(position)
            part, offset = document.block(segment.block_id).location.part, segment.start
        meta = {"name": document.name, "kind": "text", "part": part, "offset": str(offset)}
        connection.executemany("INSERT INTO meta VALUES (?, ?)", meta.items())
        connection.executemany("INSERT INTO sources VALUES (?, ?)", document.parts.items())
        state.write_all(connection, _KEY, document, blocks=sorted(document.restructured_blocks))
        connection.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        connection.commit()
        data = connection.serialize()
    finally:
        connection.close()
    atomic_write_bytes(path, data)


def open_project(path: Path) -> Project:
    """Read a project; raises one-line :class:`BadInput` (damaged, not ours, newer) otherwise."""
    name = one_line(path.name)
    data = read_document_bytes(path)
    if not data:
        raise DamagedFile(f"{name}: damaged project file (empty)")
    connection = sqlite3.connect(":memory:")
    try:
        try:
            connection.deserialize(data)
            app_id = connection.execute("PRAGMA application_id").fetchone()[0]
            version = connection.execute("PRAGMA user_version").fetchone()[0]
            if app_id != APPLICATION_ID:
                raise DamagedFile(f"{name}: not a bireader project")
            if version > SCHEMA_VERSION:
                raise NewerSchema(
                    f"{name} was saved by a newer bireader (project version {version}, this one reads {SCHEMA_VERSION})"
                )
            if version < 2:
                state.add_alignment(connection)  # in memory only: the file is never written
            meta = _texts(connection, "SELECT name, value FROM meta", name)
            parts = _texts(connection, "SELECT part, text FROM sources", name)
            if meta.get("kind") != "text" or set(parts) != {""}:
                raise BadInput(f"{name}: this project holds a kind of document this bireader cannot open")
            try:
                check_document_chars(len(parts[""]))
            except LimitExceeded as error:
                raise LimitExceeded(f"{name}: {error}") from None
            document = build_text_document(parts[""], name=meta.get("name") or path.stem)
            state.restore(connection, _KEY, document)
            position = position_for(document, meta.get("part", ""), int(meta.get("offset", "0") or 0))
        except (sqlite3.DatabaseError, ValueError, RecursionError) as error:
            raise DamagedFile(f"{name}: damaged project file ({one_line(str(error))})") from None
    finally:
        connection.close()
    return Project(document, content_hash(document), position if len(document) else 0)


def _texts(connection: sqlite3.Connection, query: str, name: str) -> dict[str, str]:
    """A two-column table as a dict of strings: SQLite keeps whatever a tampered file put in a
    column (a blob where the source text belongs), so each value's type is checked here."""
    found: dict[str, str] = {}
    for key, value in connection.execute(query):
        if not isinstance(key, str) or not isinstance(value, str):
            raise DamagedFile(f"{name}: damaged project file (a value that is not text where text belongs)")
        found[key] = value
    return found
