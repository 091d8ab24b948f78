"""A document's own work as rows: changed segmentation and renderings, and putting them back.

Shared by the library (many documents, keyed by content hash) and project files (one). What is
saved is what the text alone cannot give back: the blocks whose sentences were split or merged
(their ``[id, start, end]`` list) and every rendering with its origin, model, score, flags and
alternatives. Restoring rebuilds the document from its text as usual, then applies these rows;
a row that no longer fits the text (a span outside it, an unknown block) or holds values of the
wrong type (a tampered file: a blob where text belongs) is skipped, never fatal.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator

from reader.model import Document, Origin, Rendering, Segment, Status

TABLES = (
    "CREATE TABLE IF NOT EXISTS blocks (key TEXT NOT NULL, block_id INTEGER NOT NULL,"
    " segments TEXT NOT NULL, PRIMARY KEY (key, block_id)) WITHOUT ROWID",
    "CREATE TABLE IF NOT EXISTS renderings (key TEXT NOT NULL, segment_id INTEGER NOT NULL,"
    " text TEXT NOT NULL, origin TEXT NOT NULL, model TEXT NOT NULL, score REAL,"
    " flags TEXT NOT NULL, alternatives TEXT NOT NULL, alignment TEXT,"
    " PRIMARY KEY (key, segment_id)) WITHOUT ROWID",
)
ADD_ALIGNMENT = "ALTER TABLE renderings ADD COLUMN alignment TEXT"
"""Schema 1 → 2 of the library and of projects: word alignments are kept with their rendering."""
_UPSERT_RENDERING = "INSERT OR REPLACE INTO renderings VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
_UPSERT_BLOCK = "INSERT OR REPLACE INTO blocks VALUES (?, ?, ?)"
_DELETE_RENDERING = "DELETE FROM renderings WHERE key = ? AND segment_id = ?"


def add_alignment(connection: sqlite3.Connection) -> None:
    connection.execute(ADD_ALIGNMENT)


def create_tables(connection: sqlite3.Connection) -> None:
    for statement in TABLES:
        connection.execute(statement)


def rendering_row(key: str, segment: Segment) -> tuple[object, ...] | None:
    r = segment.rendering
    if r is None or segment.status is not Status.DONE:
        return None
    return (
        key,
        segment.id,
        r.text,
        r.origin.value,
        r.model,
        r.score,
        json.dumps(list(r.flags)),
        json.dumps(list(r.alternatives), ensure_ascii=False),
        None if r.alignment is None else json.dumps([list(pair) for pair in r.alignment]),
    )


def block_row(key: str, document: Document, block_id: int) -> tuple[object, ...]:
    spans = [[s.id, s.start, s.end] for s in document.segments_of(document.block(block_id))]
    return (key, block_id, json.dumps(spans))


def write_segments(
    connection: sqlite3.Connection, key: str, document: Document, segment_ids: Iterable[int]
) -> None:
    """Bring the rows of these segments up to date (a rendering saved, or its row deleted)."""
    write_rows(connection, segment_rows(key, document, segment_ids))


SegmentRows = tuple[list[tuple[object, ...]], list[tuple[str, int]]]
"""Rows to upsert and (key, segment id) pairs to delete."""


def segment_rows(key: str, document: Document, segment_ids: Iterable[int]) -> SegmentRows:
    """What :func:`write_segments` writes, taken from the document now (to write later)."""
    upserts, deletes = [], []
    for segment_id in segment_ids:
        segment = document.segment(segment_id)
        row = rendering_row(key, segment) if segment is not None else None
        if row is None:
            deletes.append((key, segment_id))
        else:
            upserts.append(row)
    return upserts, deletes


def write_rows(connection: sqlite3.Connection, rows: SegmentRows) -> None:
    upserts, deletes = rows
    connection.executemany(_DELETE_RENDERING, deletes)
    connection.executemany(_UPSERT_RENDERING, upserts)


def write_blocks(
    connection: sqlite3.Connection, key: str, document: Document, block_ids: Iterable[int]
) -> None:
    write_block_rows(connection, [block_row(key, document, b) for b in dict.fromkeys(block_ids)])


def write_block_rows(connection: sqlite3.Connection, rows: list[tuple[object, ...]]) -> None:
    connection.executemany(_UPSERT_BLOCK, rows)


def write_all(
    connection: sqlite3.Connection, key: str, document: Document, *, blocks: Iterable[int] = ()
) -> None:
    """Every rendering of *document* (and the given blocks' segmentation), replacing what was saved."""
    connection.execute("DELETE FROM renderings WHERE key = ?", (key,))
    rows = (rendering_row(key, s) for s in document.iter_segments())
    connection.executemany(_UPSERT_RENDERING, (row for row in rows if row is not None))
    write_blocks(connection, key, document, blocks)


def restore(connection: sqlite3.Connection, key: str, document: Document) -> int:
    """Apply the saved rows to a freshly built *document*; returns how many renderings came back.

    Run it before anyone subscribes (it emits one event per change, heard by no one).
    """
    with document.transaction():
        for block_id, spans_json in connection.execute(
            "SELECT block_id, segments FROM blocks WHERE key = ?", (key,)
        ):
            _restore_block(document, block_id, spans_json)
        restored = document.restore_renderings(_saved_renderings(connection, key))
    return restored


def _saved_renderings(connection: sqlite3.Connection, key: str) -> Iterator[tuple[int, Rendering]]:
    origins = {o.value: o for o in Origin}
    for segment_id, text, origin, model, score, flags, alternatives, alignment in connection.execute(
        "SELECT segment_id, text, origin, model, score, flags, alternatives, alignment"
        " FROM renderings WHERE key = ?",
        (key,),
    ):
        # A tampered or damaged file may hold anything in any column (SQLite does not enforce
        # types): a row whose values are not what we wrote is skipped like one that no longer fits.
        if not (
            type(segment_id) is int
            and all(isinstance(v, str) for v in (text, origin, model, flags, alternatives))
            and (score is None or type(score) in (int, float))
            and (alignment is None or isinstance(alignment, str))
        ):
            continue
        try:
            rendering = Rendering(
                text,
                origins[origin],
                model,
                None if score is None else float(score),
                _strings(flags),
                _strings(alternatives),
                alignment=_pairs(alignment),
            )
        except (KeyError, ValueError, TypeError, RecursionError):
            continue
        yield segment_id, rendering


def _pairs(saved: str | None) -> tuple[tuple[int, int], ...] | None:
    """A saved word alignment (a JSON list of [arabic, english] pairs), None when none was kept."""
    if saved is None:
        return None
    return tuple((int(a), int(e)) for a, e in json.loads(saved))


def _strings(saved: str) -> tuple[str, ...]:
    """A saved JSON list of strings (most are empty: skip the parser for those)."""
    return () if saved == "[]" else tuple(str(item) for item in json.loads(saved))


def _restore_block(document: Document, block_id: object, spans_json: object) -> None:
    if type(block_id) is not int or not isinstance(spans_json, str):  # see _saved_renderings
        return
    try:
        block = document.block(block_id)
        spans = [(int(i), int(s), int(e)) for i, s, e in json.loads(spans_json)]
    except (KeyError, ValueError, TypeError, RecursionError):
        return
    if not spans or not block.segment_ids:
        return
    current = document.segments_of(block)
    if [(s.id, s.start, s.end) for s in current] == spans:
        return
    part = document.part_text(current[0])
    lo, hi = current[0].start, current[-1].end
    ids = [i for i, _s, _e in spans]
    live = set(ids) - set(block.segment_ids)
    if len(set(ids)) != len(ids) or any(document.segment(i) is not None for i in live):
        return
    previous_end = lo
    for _i, start, end in spans:
        if not previous_end <= start < end <= hi:
            return
        previous_end = end
    new = [Segment(i, block_id, part[s:e].replace("\n", " "), s, e) for i, s, e in spans]
    document.restore_segmentation(block_id, new)
