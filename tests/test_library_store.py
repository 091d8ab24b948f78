"""The library: autosave of edits, splits, merges and renderings; restore; damaged and newer files."""

from __future__ import annotations

import logging
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from reader.formats.plain_text import build_text_document
from reader.library.positions import ReadingPositions, content_hash
from reader.library.store import SCHEMA_VERSION, Library, library_path
from reader.model import Document, Origin, SegmentResult, Status
from reader.model.editing import edit_command, merge_command, neighbour, split_candidates, split_command
from reader.model.undo import UndoStack
from tests.helpers.editing import edit

TEXT = "العنوان\n\nجملة أولى، ثم تكملة. جملة ثانية؟ جملة ثالثة!\n\nفقرة ثانية هنا، وبعدها. وأخرى.\n"


def fresh() -> Document:
    return build_text_document(TEXT, name="book.txt")


def everything(document: Document) -> list[tuple[object, ...]]:
    return [
        (s.id, s.block_id, s.text, s.start, s.end, s.status, s.rendering) for s in document.iter_segments()
    ]


def test_edits_splits_merges_and_translations_come_back(tmp_path: Path) -> None:
    library = Library(tmp_path / "library.sqlite3")
    document = fresh()
    key = content_hash(document)
    assert library.restore(key, document) == 0
    library.attach(key, document)
    document.apply_results(
        SegmentResult(s.id, s.revision, f"machine {s.id}", model="tiny", alignment=((0, 0), (1, 2)))
        for s in document.iter_segments()
    )
    stack = UndoStack(document)
    stack.push(edit_command(document, document.segment_at(2).id, "My own."))
    target = document.segment_at(1)
    stack.push(split_command(document, target.id, split_candidates(target)[0]))
    last = document.segment_at(len(document) - 1)
    before_last = neighbour(document, last.id, -1)
    assert before_last is not None
    stack.push(merge_command(document, before_last, last.id))
    library.remember_position(key, document, 3, selected=5)
    library.close()

    again = fresh()  # a renamed or moved copy: same text, same key
    position = Library(tmp_path / "library.sqlite3").restore(content_hash(again), again)
    assert everything(again) == everything(document)
    assert position == 3
    assert Library(tmp_path / "library.sqlite3").selection(content_hash(again), again) == 5
    edited = again.segment_at(next(i for i, s in enumerate(again.segments) if s.edited))
    assert edited.rendering is not None
    assert (edited.translation, edited.rendering.origin) == ("My own.", Origin.EDITED)
    assert again.pending_count == document.pending_count


def test_an_undone_split_is_saved_as_undone(tmp_path: Path) -> None:
    library = Library(tmp_path / "library.sqlite3")
    document = fresh()
    key = content_hash(document)
    library.attach(key, document)
    stack = UndoStack(document)
    stack.push(split_command(document, document.segment_at(1).id, 5))
    stack.undo()
    again = fresh()
    Library(tmp_path / "library.sqlite3").restore(key, again)
    assert everything(again) == everything(fresh())


def test_a_reset_deletes_the_saved_rendering(tmp_path: Path) -> None:
    library = Library(tmp_path / "library.sqlite3")
    document = fresh()
    key = content_hash(document)
    library.attach(key, document)
    segment = document.segment_at(2)
    document.apply_results([SegmentResult(segment.id, segment.revision, "machine")])
    document.reset([segment.id])
    again = fresh()
    Library(tmp_path / "library.sqlite3").restore(key, again)
    assert again.segment(segment.id).status is Status.PENDING  # type: ignore[union-attr]


def test_a_damaged_library_is_set_aside_with_one_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "library.sqlite3"
    path.write_bytes(b"this is not a database at all" * 100)
    document = fresh()
    with caplog.at_level(logging.WARNING, logger="reader"):
        library = Library(path)
        library.restore(content_hash(document), document)
    assert len(caplog.records) == 1
    assert "set it aside" in caplog.records[0].getMessage()
    aside = [p for p in tmp_path.iterdir() if ".damaged-" in p.name]
    assert len(aside) == 1
    assert aside[0].read_bytes() == b"this is not a database at all" * 100  # kept, untouched
    library.attach(content_hash(document), document)
    edit(document, document.segment_at(0).id, "Title")
    assert library.problem == ""
    again = fresh()
    Library(path).restore(content_hash(again), again)
    assert again.segment_at(0).translation == "Title"


def test_a_newer_library_is_refused_and_left_alone(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    path = tmp_path / "library.sqlite3"
    document = fresh()
    Library(path).restore(content_hash(document), document)
    with sqlite3.connect(path) as connection:
        connection.execute("PRAGMA user_version = 99")
    before = path.read_bytes()
    library = Library(path)
    with caplog.at_level(logging.WARNING, logger="reader"):
        assert library.restore(content_hash(document), document) == 0
    assert "newer bireader (schema 99" in library.problem
    assert [r.getMessage() for r in caplog.records] == [f"{library.problem}; working without the library"]
    library.attach(content_hash(document), document)
    edit(document, document.segment_at(0).id, "ignored")
    library.close()
    assert path.read_bytes() == before


def test_reading_positions_from_before_the_library_are_migrated(tmp_path: Path) -> None:
    document = fresh()
    key = content_hash(document)
    legacy = ReadingPositions(tmp_path / "reading_positions.json")
    legacy.remember(key, document, 4)
    library = Library(tmp_path / "library.sqlite3", legacy_positions=ReadingPositions(legacy.path))
    assert library.restore(key, fresh()) == 4


def test_the_default_library_lives_in_the_user_data_folder(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("BIREADER_DATA_DIR", str(tmp_path))
    assert library_path() == tmp_path / "library.sqlite3"


CHILD = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from reader.library.positions import content_hash
    from reader.library.store import Library
    from reader.formats.plain_text import build_text_document
    from tests.helpers.editing import edit
    document = build_text_document(sys.argv[2])
    library = Library(Path(sys.argv[1]))
    key = content_hash(document)
    library.restore(key, document)
    library.attach(key, document)
    edit(document, document.segment_at(1).id, "edited just before the kill")
    print("edited", flush=True)
    time.sleep(60)
    """
)


def test_kill_9_right_after_an_edit_loses_nothing(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite3"
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(path), TEXT],
        stdout=subprocess.PIPE,
        text=True,
        cwd=Path(__file__).parents[1],
    )
    try:
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "edited"
        os.kill(child.pid, signal.SIGKILL)
    finally:
        child.wait(timeout=30)
        if child.stdout is not None:
            child.stdout.close()
    assert child.returncode == -signal.SIGKILL
    document = fresh()
    Library(path).restore(content_hash(document), document)
    assert document.segment_at(1).translation == "edited just before the kill"


def test_a_model_change_is_written_off_the_gui_thread_in_order_with_the_next_edit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading

    from reader.library import state
    from reader.library.store import BACKGROUND_IDS

    book = "\n\n".join(f"جملة رقم {i}. وأخرى {i}." for i in range(BACKGROUND_IDS))
    document = build_text_document(book, name="big.txt")
    key = content_hash(document)
    library = Library(tmp_path / "library.sqlite3")
    library.attach(key, document)
    document.apply_results(
        SegmentResult(s.id, s.revision, f"machine {s.id}") for s in document.iter_segments()
    )
    library.close()  # those writes are done (the library opens the file again on the next one)
    threads: list[str] = []
    real = state.write_rows

    def spying(connection, rows):  # type: ignore[no-untyped-def]
        threads.append(threading.current_thread().name)
        real(connection, rows)

    monkeypatch.setattr(state, "write_rows", spying)
    kept = document.segment_at(7).id
    document.reset([s.id for s in document.iter_segments()])  # a model change: every sentence
    edit(document, kept, "My own English.")  # straight after: it must not be undone by the reset
    split = document.segment_at(20)
    assert UndoStack(document).push(split_command(document, split.id, 4))
    library.close()  # finishes the queued writes
    assert threads == ["library writer"] * 3  # the edit and the split queued behind the reset
    again = build_text_document(book, name="big.txt")
    Library(tmp_path / "library.sqlite3").restore(key, again)
    assert everything(again) == everything(document)
    assert again.segment(kept).rendering == document.segment(kept).rendering  # type: ignore[union-attr]


def test_a_small_change_is_committed_on_the_calling_thread_when_nothing_is_queued(tmp_path: Path) -> None:
    library = Library(tmp_path / "library.sqlite3")
    document = fresh()
    key = content_hash(document)
    library.attach(key, document)
    segment = document.segment_at(2)
    edit(document, segment.id, "Mine.")  # no close(): it must already be in the file
    with sqlite3.connect(tmp_path / "library.sqlite3") as check:
        assert check.execute(
            "SELECT text FROM renderings WHERE segment_id = ?", (segment.id,)
        ).fetchone() == ("Mine.",)
    check.close()


def test_a_version_1_library_gains_the_alignment_column_and_keeps_its_work(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite3"
    library = Library(path)
    document = fresh()
    key = content_hash(document)
    library.restore(key, document)
    library.attach(key, document)
    document.apply_results(
        SegmentResult(s.id, s.revision, f"m {s.id}", model="tiny") for s in document.iter_segments()
    )
    library.close()
    connection = sqlite3.connect(path)
    connection.execute("ALTER TABLE renderings DROP COLUMN alignment")
    connection.execute("PRAGMA user_version = 1")
    connection.commit()
    connection.close()
    again = fresh()
    Library(path).restore(key, again)
    assert [s.translation for s in again.iter_segments()] == [s.translation for s in document.iter_segments()]
    assert sqlite3.connect(path).execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
