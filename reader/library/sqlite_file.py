"""Opening the reader's own SQLite files (the library, project files) with one set of rules.

- a schema newer than this app is refused with one line (nothing written to the file);
- an older one is migrated step by step inside one transaction;
- a file that is not a database, or is damaged, raises :class:`DamagedFile` so the caller can set
  it aside (the library) or refuse it untouched (a project file the user chose).
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable, Mapping
from pathlib import Path

from reader.display import one_line
from reader.errors import BadInput

Migration = Callable[[sqlite3.Connection], None]
_CORRUPTION_CODES = {11, 26}  # SQLITE_CORRUPT, SQLITE_NOTADB
BUSY_TIMEOUT_S = 10.0


class DamagedFile(BadInput):
    """The file is not one of ours or is damaged."""


class NewerSchema(BadInput):
    """The file was written by a newer version of the reader."""


def is_corruption(error: sqlite3.Error) -> bool:
    code = getattr(error, "sqlite_errorcode", None)
    if code is not None:
        return (code & 0xFF) in _CORRUPTION_CODES
    text = str(error).lower()
    return "not a database" in text or "malformed" in text


def open_database(
    path: Path,
    *,
    what: str,
    application_id: int,
    version: int,
    create: Migration,
    migrations: Mapping[int, Migration] | None = None,
    wal: bool = True,
) -> sqlite3.Connection:
    """Connect to *path*, creating or migrating its schema to *version*.

    ``application_id`` marks the file as ours (``PRAGMA application_id``): another program's
    database is refused as damaged rather than written into. ``migrations[n]`` takes a file
    from version n to n + 1. Raises :class:`DamagedFile` or :class:`NewerSchema`.
    """
    name = one_line(str(path))
    try:
        connection = sqlite3.connect(path, timeout=BUSY_TIMEOUT_S, check_same_thread=False)
    except sqlite3.Error as error:
        raise BadInput(f"cannot open the {what} {name}: {error}") from None
    try:
        found_id = connection.execute("PRAGMA application_id").fetchone()[0]
        found = connection.execute("PRAGMA user_version").fetchone()[0]
        tables = connection.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        if found_id != application_id and (tables or found_id):
            raise DamagedFile(f"the {what} {name} is not a bireader file")
        if found > version:
            raise NewerSchema(
                f"the {what} {name} was written by a newer bireader (schema {found}, this one reads {version})"
            )
        if wal:
            connection.execute("PRAGMA journal_mode = WAL")
            connection.execute("PRAGMA synchronous = NORMAL")  # WAL: a crashed process loses nothing
        if found < version:
            with connection:
                if found == 0:
                    create(connection)
                else:
                    for step in range(found, version):
                        (migrations or {})[step](connection)
                connection.execute(f"PRAGMA application_id = {application_id}")
                connection.execute(f"PRAGMA user_version = {version}")
    except sqlite3.DatabaseError as error:
        connection.close()
        if is_corruption(error):
            raise DamagedFile(f"the {what} {name} is damaged ({one_line(str(error))})") from None
        raise BadInput(f"cannot use the {what} {name}: {one_line(str(error))}") from None
    except BaseException:
        connection.close()
        raise
    return connection


def set_aside(path: Path) -> Path:
    """Rename a damaged file (and its WAL/SHM companions) out of the way; returns the new name."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.damaged-{stamp}")
    for suffix in ("", "-wal", "-shm"):
        damaged = path.with_name(path.name + suffix)
        if damaged.exists():
            damaged.replace(path.with_name(target.name + suffix))
    return target
