"""The library: every opened document's work, autosaved in one SQLite file in the user data folder.

Keyed by the content hash of the text, so a renamed, moved or re-downloaded copy reopens with its
edits, splits and merges, translations (origin, model, score, flags, alternatives) and reading
position. The window and the CLI share it: an edit made in the window is in the next ``export``.

Each change the document announces is written in one short WAL transaction. The reader's own
work (an edit, split, merge, pick) is committed on the thread that made it before the call
returns (about a millisecond; see tests/benchmarks/bench_library.py); batches of machine output
go to a writer thread that commits them within milliseconds (:mod:`reader.library.writer`). So
a kill -9 right after an edit loses nothing: with WAL and ``synchronous=NORMAL`` a committed
transaction survives the process (only a power cut may take the last ones). A damaged library is
set aside with one warning and a new one started; one written by a newer reader is refused with a
message (the document still opens, without the library); any later write error disables the
library for the session with one warning. The library is never the reason a document fails.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
import time
from collections.abc import Callable
from pathlib import Path

from reader.display import one_line
from reader.errors import BadInput
from reader.library import state
from reader.library.positions import ReadingPositions, position_for
from reader.library.sqlite_file import DamagedFile, is_corruption, open_database, set_aside
from reader.library.writer import BackgroundWriter
from reader.model import Change, ChangeKind, Document, Origin
from reader.paths import user_data_dir

log = logging.getLogger(__name__)

SCHEMA_VERSION = 1
APPLICATION_ID = 0x42524C42  # "BRLB"


def library_path() -> Path:
    return user_data_dir() / "library.sqlite3"


def _create(connection: sqlite3.Connection) -> None:
    connection.execute(
        "CREATE TABLE documents (key TEXT PRIMARY KEY, name TEXT NOT NULL, part TEXT NOT NULL DEFAULT '',"
        " offset INTEGER NOT NULL DEFAULT 0, touched REAL NOT NULL)"
    )
    state.create_tables(connection)


def _machine_output(document: Document, change: Change) -> bool:
    """Whether a change only brought machine translations (or failures): nothing of the reader's."""
    for segment_id in change.segment_ids:
        segment = document.segment(segment_id)
        if segment is None:
            return False
        if segment.rendering is not None and segment.rendering.origin is not Origin.MACHINE:
            return False
    return True


class Library:
    """A thread-safe handle on the library file; see the module docstring."""

    def __init__(self, path: Path | None = None, *, legacy_positions: ReadingPositions | None = None) -> None:
        self.path = path or library_path()
        self.legacy_positions = legacy_positions
        self.problem = ""  # why the library is off for this session ("" while it works)
        self._lock = threading.RLock()
        self._connection: sqlite3.Connection | None = None
        self._writer = BackgroundWriter()

    # Opening and restoring -------------------------------------------------------------------
    def restore(self, key: str, document: Document) -> int:
        """Put the saved work back into a freshly loaded *document*; returns the reading position."""
        self._writer.drain()
        with self._lock:
            connection = self._connect()
            if connection is None:
                return self._legacy_position(key, document)
            try:
                with connection:
                    connection.execute(
                        "INSERT OR IGNORE INTO documents (key, name, touched) VALUES (?, ?, ?)",
                        (key, document.name, time.time()),
                    )
                state.restore(connection, key, document)
                row = connection.execute(
                    "SELECT part, offset FROM documents WHERE key = ?", (key,)
                ).fetchone()
            except sqlite3.Error as error:
                self._give_up(error)
                return 0
        if row is None or (row == ("", 0) and self.legacy_positions is not None):
            return self._legacy_position(key, document)
        return position_for(document, row[0], row[1]) if len(document) else 0

    def _legacy_position(self, key: str, document: Document) -> int:
        """Reading positions from before the library (reading_positions.json), read once."""
        return self.legacy_positions.recall(key, document) if self.legacy_positions is not None else 0

    # Autosave ----------------------------------------------------------------------------------
    def attach(self, key: str, document: Document) -> Callable[[], None]:
        """Save every change of *document* as it happens; returns the function that stops it."""
        return document.subscribe(lambda change: self.record(key, document, change))

    def record(self, key: str, document: Document, change: Change) -> None:
        """Write one change (one transaction): the reader's own work before returning, machine
        output on the writer thread (see :mod:`reader.library.writer`)."""
        if change.kind is ChangeKind.STRUCTURE:
            blocks = [s.block_id for i in change.segment_ids if (s := document.segment(i)) is not None]
            rows = state.segment_rows(key, document, (*change.removed_ids, *change.segment_ids), blocks)
        else:
            rows = state.segment_rows(key, document, change.segment_ids)
        if change.kind is ChangeKind.RENDERING and _machine_output(document, change):
            self._writer.submit(lambda: self._write(rows.write))
        else:
            self._write(rows.write)

    def save_document(self, key: str, document: Document) -> None:
        """Replace everything saved for *document* (the CLI after translating, an imported project)."""
        blocks = sorted(document.restructured_blocks)
        self._write(lambda connection: state.write_all(connection, key, document, blocks=blocks))

    def remember_position(self, key: str, document: Document, position: int) -> None:
        if not 0 <= position < len(document):
            return
        segment = document.segment_at(position)
        part = document.block(segment.block_id).location.part
        self._write(
            lambda connection: connection.execute(
                "INSERT INTO documents (key, name, part, offset, touched) VALUES (?, ?, ?, ?, ?) ON CONFLICT(key)"
                " DO UPDATE SET part = excluded.part, offset = excluded.offset, touched = excluded.touched",
                (key, document.name, part, segment.start, time.time()),
            )
        )

    def flush(self) -> None:
        """Return once every deferred write has been committed."""
        self._writer.drain()

    def close(self) -> None:
        self._writer.close()
        with self._lock:
            if self._connection is not None:
                self._connection.close()
                self._connection = None

    # Internals ---------------------------------------------------------------------------------
    def _write(self, action: Callable[[sqlite3.Connection], object]) -> None:
        self._writer.drain()  # in order: nothing deferred may land after (and over) this
        with self._lock:
            connection = self._connect()
            if connection is None:
                return
            try:
                with connection:
                    action(connection)
            except sqlite3.Error as error:
                self._give_up(error)

    def _connect(self) -> sqlite3.Connection | None:
        if self._connection is not None or self.problem:
            return self._connection
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._connection = self._open()
        except DamagedFile as error:
            try:
                aside = set_aside(self.path)
                log.warning("%s; set it aside as %s and started a new library", error, one_line(aside.name))
                self._connection = self._open()
            except (OSError, BadInput) as again:
                self._off(str(again))
        except BadInput as error:
            self._off(str(error))
        except OSError as error:
            self._off(f"cannot use the library {one_line(str(self.path))}: {error.strerror or error}")
        return self._connection

    def _open(self) -> sqlite3.Connection:
        return open_database(
            self.path, what="library", application_id=APPLICATION_ID, version=SCHEMA_VERSION, create=_create
        )

    def _off(self, reason: str) -> None:
        self.problem = reason
        log.warning("%s; working without the library", reason)

    def _give_up(self, error: sqlite3.Error) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None
        if is_corruption(error):
            self._off(f"the library {one_line(str(self.path))} is damaged ({error})")
        else:
            self._off(f"the library stopped working ({error})")
