"""Finished translations on disk (SQLite), so reopening a document costs no model at all.

Rows are keyed by a *setup* string (model id, model fingerprint, engine, generation options)
plus the exact source sentence, so a new model, a changed checkpoint or other options never
return stale English. WAL mode with a busy timeout lets two running readers share one file: each
write is one short transaction. A file that is not a database (or is damaged) is renamed aside
and a fresh one is built; any other trouble disables the cache for the session with one log
line. The cache must never be the reason a translation fails.

Schema 4 has three side tables keyed like the translations: the engine's alternatives (n-best with
scores), word alignments (JSON pairs) and qualities (the translation's score and whether it was
cut at the length cap, so a sentence answered from the cache is flagged as it was when made).
Versions 1–3 (fewer of them) are migrated by creating what is missing; nothing in
``translations`` changes, and a translation cached before version 4 simply has no score.
"""

from __future__ import annotations

import json
import logging
import sqlite3
import threading
import time
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

from reader.library.sqlite_file import is_corruption

log = logging.getLogger(__name__)
_Action = Callable[[sqlite3.Connection], None]

_SCHEMA_VERSION = 4  # 2, 3 added alternatives and alignments, 4 qualities: older files migrate in place
Alignment = tuple[tuple[int, int], ...]
Quality = tuple[float | None, bool]
"""A translation's mean log-probability per token (None if unknown) and whether it was cut."""
_BUSY_TIMEOUT_MS = 10_000
_BUSY_CODES = {5, 6}  # SQLITE_BUSY, SQLITE_LOCKED
_WAL_ATTEMPTS = 100
_LOOKUP_CHUNK = 500  # stay well under SQLite's bound-parameter limit


def _is_busy(error: sqlite3.Error) -> bool:
    code = getattr(error, "sqlite_errorcode", None)
    return code is not None and (code & 0xFF) in _BUSY_CODES


def _ensure_wal(connection: sqlite3.Connection) -> None:
    """Switch the file to WAL mode (a lasting property of the file) unless it already is.

    The switch needs the file to itself and, unlike writes, does not wait on the busy timeout,
    so two processes creating the cache at the same moment retry briefly here.
    """
    for _ in range(_WAL_ATTEMPTS):
        if connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal":
            return
        try:
            connection.execute("PRAGMA journal_mode = WAL")
        except sqlite3.OperationalError as error:
            if not _is_busy(error):
                raise
            time.sleep(0.05)
    raise sqlite3.OperationalError("could not switch the translation cache to WAL mode")


class TranslationCache:
    """A thread-safe handle on the cache file; every public method is failure-proof.

    Use :meth:`get_many` and :meth:`put_many`; :meth:`close` when done (also safe to skip).
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()
        self._connection: sqlite3.Connection | None = None
        self._disabled = False

    # -- public -------------------------------------------------------------------------------

    def get_many(self, setup: str, sources: Iterable[str]) -> dict[str, str]:
        """Cached translations for those ``sources`` that have one under ``setup``."""
        return dict(self._select("SELECT source, translation FROM translations", setup, sources))

    def get_alignments(self, setup: str, sources: Iterable[str]) -> dict[str, Alignment]:
        """Stored word alignments for those ``sources`` that have one under ``setup``."""
        found: dict[str, Alignment] = {}
        for source, pairs in self._select("SELECT source, pairs FROM alignments", setup, sources):
            try:
                found[source] = tuple((int(s), int(t)) for s, t in json.loads(pairs))
            except (ValueError, TypeError):
                continue  # a damaged row is simply not there
        return found

    def get_qualities(self, setup: str, sources: Iterable[str]) -> dict[str, Quality]:
        """Stored scores and cuts for those ``sources`` that have one under ``setup``."""
        rows = self._select("SELECT source, score, cut FROM qualities", setup, sources)
        return {row[0]: (None if row[1] is None else float(row[1]), bool(row[2])) for row in rows}

    def _select(self, query: str, setup: str, sources: Iterable[str]) -> list[tuple[Any, ...]]:
        """Rows of ``query`` (two columns, source first) for ``setup`` and ``sources``, asked in
        chunks that stay under SQLite's bound-parameter limit."""
        wanted = list(dict.fromkeys(sources))
        found: list[tuple[Any, ...]] = []

        def lookup(connection: sqlite3.Connection) -> None:
            for start in range(0, len(wanted), _LOOKUP_CHUNK):
                chunk = wanted[start : start + _LOOKUP_CHUNK]
                marks = ",".join("?" * len(chunk))
                found.extend(
                    connection.execute(f"{query} WHERE setup = ? AND source IN ({marks})", (setup, *chunk))
                )

        if wanted:
            self._run(lookup)
        return found

    def put_many(
        self,
        setup: str,
        translations: Mapping[str, str],
        alignments: Mapping[str, Alignment] | None = None,
        qualities: Mapping[str, Quality] | None = None,
    ) -> None:
        """Store ``source → translation`` pairs (with their word alignments and qualities) under
        ``setup``, in one transaction."""
        if not translations:
            return
        now = int(time.time())
        rows = [(setup, source, text, now) for source, text in translations.items()]
        aligned = [(setup, source, json.dumps(pairs)) for source, pairs in (alignments or {}).items()]
        rated = [(setup, source, score, int(cut)) for source, (score, cut) in (qualities or {}).items()]

        def store(connection: sqlite3.Connection) -> None:
            with connection:
                connection.executemany(
                    "INSERT OR REPLACE INTO translations (setup, source, translation, created) "
                    "VALUES (?, ?, ?, ?)",
                    rows,
                )
                connection.executemany(
                    "INSERT OR REPLACE INTO alignments (setup, source, pairs) VALUES (?, ?, ?)", aligned
                )
                connection.executemany(
                    "INSERT OR REPLACE INTO qualities (setup, source, score, cut) VALUES (?, ?, ?, ?)", rated
                )

        self._run(store)

    def get_alternatives(self, setup: str, source: str) -> list[tuple[str, float]] | None:
        """The n-best list kept for ``source`` under ``setup`` (None when there is none)."""
        found: list[tuple[str, float]] = []
        seen = False

        def lookup(connection: sqlite3.Connection) -> None:
            nonlocal seen
            row = connection.execute(
                "SELECT hypotheses FROM alternatives WHERE setup = ? AND source = ?", (setup, source)
            ).fetchone()
            if row is not None:
                seen = True
                found.extend((str(text), float(score)) for text, score in json.loads(row[0]))

        self._run(lookup)
        return found if seen else None

    def put_alternatives(self, setup: str, source: str, hypotheses: list[tuple[str, float]]) -> None:
        data = json.dumps([[text, score] for text, score in hypotheses], ensure_ascii=False)

        def store(connection: sqlite3.Connection) -> None:
            with connection:
                connection.execute(
                    "INSERT OR REPLACE INTO alternatives (setup, source, hypotheses, created) VALUES (?, ?, ?, ?)",
                    (setup, source, data, int(time.time())),
                )

        self._run(store)

    def close(self) -> None:
        with self._lock:
            if self._connection is not None:
                self._connection.close()
                self._connection = None

    @property
    def enabled(self) -> bool:
        """False once the cache gave up for this session (unwritable folder, repeated errors)."""
        return not self._disabled

    # -- internals ----------------------------------------------------------------------------

    def _run(self, action: _Action) -> None:
        """Run ``action`` on the connection; rebuild once on corruption, disable on anything else."""
        with self._lock:
            if self._disabled:
                return
            for attempt in range(2):
                try:
                    action(self._connect())
                    return
                except sqlite3.Error as error:
                    if attempt == 0 and is_corruption(error):
                        try:
                            self._set_aside(error)
                        except OSError as move_error:
                            self._give_up(move_error)
                            return
                        continue
                    if _is_busy(error):  # another process held the file past the timeout: skip once
                        log.warning("translation cache busy, skipped one %s", "lookup or write")
                        return
                    self._give_up(error)
                    return
                except OSError as error:  # e.g. the cache folder cannot be created
                    self._give_up(error)
                    return

    def _connect(self) -> sqlite3.Connection:
        if self._connection is not None:
            return self._connection
        self.path.parent.mkdir(parents=True, exist_ok=True)
        connection = sqlite3.connect(self.path, timeout=_BUSY_TIMEOUT_MS / 1000, check_same_thread=False)
        try:
            connection.execute(f"PRAGMA busy_timeout = {_BUSY_TIMEOUT_MS}")
            _ensure_wal(connection)
            connection.execute("PRAGMA synchronous = NORMAL")  # WAL + NORMAL: durable enough for a cache
            version = connection.execute("PRAGMA user_version").fetchone()[0]
            if version not in (0, 1, 2, 3, _SCHEMA_VERSION):  # 0: new file; 1–3: migrated below
                raise sqlite3.DatabaseError(f"cache schema version {version} is not {_SCHEMA_VERSION}")
            with connection:
                connection.execute(
                    "CREATE TABLE IF NOT EXISTS translations ("
                    " setup TEXT NOT NULL, source TEXT NOT NULL, translation TEXT NOT NULL,"
                    " created INTEGER NOT NULL, PRIMARY KEY (setup, source)) WITHOUT ROWID"
                )
                connection.execute(  # versions 1–3 → 4: additive, existing rows untouched
                    "CREATE TABLE IF NOT EXISTS alternatives ("
                    " setup TEXT NOT NULL, source TEXT NOT NULL, hypotheses TEXT NOT NULL,"
                    " created INTEGER NOT NULL, PRIMARY KEY (setup, source)) WITHOUT ROWID"
                )
                connection.execute(
                    "CREATE TABLE IF NOT EXISTS alignments ("
                    " setup TEXT NOT NULL, source TEXT NOT NULL, pairs TEXT NOT NULL,"
                    " PRIMARY KEY (setup, source)) WITHOUT ROWID"
                )
                connection.execute(
                    "CREATE TABLE IF NOT EXISTS qualities ("
                    " setup TEXT NOT NULL, source TEXT NOT NULL, score REAL, cut INTEGER NOT NULL,"
                    " PRIMARY KEY (setup, source)) WITHOUT ROWID"
                )
                connection.execute(f"PRAGMA user_version = {_SCHEMA_VERSION}")
        except BaseException:
            connection.close()
            raise
        self._connection = connection
        return connection

    def _set_aside(self, error: sqlite3.Error) -> None:
        """Move a damaged file (and its WAL/SHM companions) out of the way, keeping it for inspection."""
        if self._connection is not None:
            self._connection.close()
            self._connection = None
        stamp = time.strftime("%Y%m%d-%H%M%S")
        for suffix in ("", "-wal", "-shm"):
            damaged = self.path.with_name(self.path.name + suffix)
            if damaged.exists():
                damaged.replace(self.path.with_name(f"{self.path.name}.corrupt-{stamp}{suffix}"))
        log.warning(
            "translation cache %s was damaged (%s); set it aside and started a new one", self.path, error
        )

    def _give_up(self, error: Exception) -> None:
        self._disabled = True
        if self._connection is not None:
            self._connection.close()
            self._connection = None
        log.warning("translation cache disabled for this session: %s", error)
