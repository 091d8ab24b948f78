"""The library: every opened document's work, autosaved in one SQLite file in the user data folder.

Keyed by the content hash of the text, so a renamed, moved or re-downloaded copy reopens with its
edits, splits and merges, translations (origin, model, score, flags, alternatives) and reading
position. The window and the CLI share it: an edit made in the window is in the next ``export``.

Each change the document announces is written at once, in one short WAL transaction on the
thread that made it (about a millisecond for one edit; see tests/benchmarks/bench_library.py),
so a kill -9 right after an edit loses nothing; a change of hundreds of sentences (a model change
resetting a whole book) and batches of machine output are written by a background thread
instead, in order with the rest (see :mod:`reader.library.background`): with WAL and ``synchronous=NORMAL`` a committed
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
from reader.library.background import OrderedWriter
from reader.library.positions import ReadingPositions, position_for
from reader.library.sqlite_file import DamagedFile, is_corruption, open_database, set_aside
from reader.model import Change, ChangeKind, Document, Origin
from reader.paths import user_data_dir

log = logging.getLogger(__name__)

SCHEMA_VERSION = 3  # 2: word alignments kept with renderings; 3: the selected sentence
BACKGROUND_IDS = 500
"""A change naming more segments than this is written off the caller's (the GUI) thread."""
APPLICATION_ID = 0x42524C42  # "BRLB"


def library_path() -> Path:
    return user_data_dir() / "library.sqlite3"


def _create(connection: sqlite3.Connection) -> None:
    connection.execute(
        "CREATE TABLE documents (key TEXT PRIMARY KEY, name TEXT NOT NULL, part TEXT NOT NULL DEFAULT '',"
        " offset INTEGER NOT NULL DEFAULT 0, touched REAL NOT NULL)"
    )
    state.create_tables(connection)
    _add_selection(connection)


def _add_selection(connection: sqlite3.Connection) -> None:
    """Schema 3: the sentence selected when the document was left, restored with the position."""
    columns = {row[1] for row in connection.execute("PRAGMA table_info(documents)")}
    if "selected_part" not in columns:
        connection.execute("ALTER TABLE documents ADD COLUMN selected_part TEXT NOT NULL DEFAULT ''")
    if "selected_offset" not in columns:
        connection.execute("ALTER TABLE documents ADD COLUMN selected_offset INTEGER NOT NULL DEFAULT -1")


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
        self._writer = OrderedWriter()

    # Opening and restoring -------------------------------------------------------------------
    def restore(self, key: str, document: Document) -> int:
        """Put the saved work back into a freshly loaded *document*; returns the reading position."""
        self._writer.drain()  # a big write still queued may concern this very text
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

    def selection(self, key: str, document: Document) -> int:
        """The position of the sentence selected when *document* was left (-1: none)."""
        with self._lock:
            connection = self._connect()
            if connection is None:
                return -1
            try:
                row = connection.execute(
                    "SELECT selected_part, selected_offset FROM documents WHERE key = ?", (key,)
                ).fetchone()
            except sqlite3.Error as error:
                self._give_up(error)
                return -1
        if row is None or row[1] < 0 or not len(document):
            return -1
        return position_for(document, row[0], row[1])

    def _legacy_position(self, key: str, document: Document) -> int:
        """Reading positions from before the library (reading_positions.json), read once."""
        return self.legacy_positions.recall(key, document) if self.legacy_positions is not None else 0

    # Autosave ----------------------------------------------------------------------------------
    def attach(self, key: str, document: Document) -> Callable[[], None]:
        """Save every change of *document* as it happens; returns the function that stops it."""
        return document.subscribe(lambda change: self.record(key, document, change))

    def record(self, key: str, document: Document, change: Change) -> None:
        """Write one change (one transaction): at once, or on the writer's thread when it names
        more than :data:`BACKGROUND_IDS` segments (a model change), when it only brings machine
        output (a translated batch: written on the GUI thread, its transaction cost 38–46 ms of
        wall time for 6 ms of CPU in the window's worst stalls, each statement step giving the GIL
        up and waiting to get it back from the busy translation worker; the translation cache
        keeps that output too), or when earlier writes are queued."""
        ids = change.segment_ids
        big = len(ids) + len(change.removed_ids) > BACKGROUND_IDS
        if change.kind is ChangeKind.STRUCTURE:
            # Rows taken now: a queued write must not read a block in the middle of a later split.
            blocks = dict.fromkeys(s.block_id for i in ids if (s := document.segment(i)) is not None)
            block_rows = [state.block_row(key, document, b) for b in blocks]
            rows = state.segment_rows(key, document, (*change.removed_ids, *ids))

            def write(connection: sqlite3.Connection) -> None:
                state.write_block_rows(connection, block_rows)
                state.write_rows(connection, rows)

        elif big:
            # A model change: even taking its rows would cost the GUI thread, so the writer reads
            # them when it runs. Segments are immutable and looked up one at a time (safe from
            # another thread), and any later change to them is written again after this.
            def write(connection: sqlite3.Connection) -> None:
                state.write_segments(connection, key, document, ids)

        else:
            rows = state.segment_rows(key, document, ids)

            def write(connection: sqlite3.Connection) -> None:
                state.write_rows(connection, rows)

        machine = change.kind is ChangeKind.RENDERING and _machine_output(document, change)
        self._writer.run(lambda: self._write(write), in_background=big or machine)

    def save_document(self, key: str, document: Document) -> None:
        """Replace everything saved for *document* (the CLI after translating, an imported project)."""
        blocks = sorted(document.restructured_blocks)
        write = lambda connection: state.write_all(connection, key, document, blocks=blocks)  # noqa: E731
        self._writer.run(lambda: self._write(write), in_background=False)  # after any queued write

    def remember_position(self, key: str, document: Document, position: int, selected: int = -1) -> None:
        """Keep the row at the top of the screen and the selected one (-1: none) by where their
        text starts, so both land on the same sentences whatever the rows are next time."""
        if not 0 <= position < len(document):
            return
        segment = document.segment_at(position)
        part = document.block(segment.block_id).location.part
        chosen_part, chosen_offset = "", -1
        if 0 <= selected < len(document):
            chosen = document.segment_at(selected)
            chosen_part, chosen_offset = document.block(chosen.block_id).location.part, chosen.start
        self._write(
            lambda connection: connection.execute(
                "INSERT INTO documents (key, name, part, offset, touched, selected_part, selected_offset)"
                " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(key) DO UPDATE SET part = excluded.part,"
                " offset = excluded.offset, touched = excluded.touched,"
                " selected_part = excluded.selected_part, selected_offset = excluded.selected_offset",
                (key, document.name, part, segment.start, time.time(), chosen_part, chosen_offset),
            )
        )

    def close(self) -> None:
        """Finish the queued writes and close the file (a later call opens it again)."""
        self._writer.drain()
        with self._lock:
            if self._connection is not None:
                self._connection.close()
                self._connection = None

    # Internals ---------------------------------------------------------------------------------
    def _write(self, action: Callable[[sqlite3.Connection], object]) -> None:
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
            self.path,
            what="library",
            application_id=APPLICATION_ID,
            version=SCHEMA_VERSION,
            create=_create,
            migrations={1: state.add_alignment, 2: _add_selection},
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
