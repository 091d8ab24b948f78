"""Project files: a round trip with the source embedded, and damaged, foreign or newer files refused."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from reader.errors import BadInput
from reader.formats.plain_text import build_text_document
from reader.library.positions import content_hash
from reader.library.project import open_project, save_project
from reader.model import Origin, SegmentResult
from reader.model.editing import split_command
from reader.model.undo import UndoStack
from tests.helpers.editing import edit

TEXT = "العنوان\n\nجملة أولى، ثم تكملة. جملة ثانية؟\n"


def test_a_project_round_trip_keeps_text_work_and_position(tmp_path: Path) -> None:
    document = build_text_document(TEXT, name="book.txt")
    document.apply_results(
        SegmentResult(s.id, s.revision, f"m{s.id}", model="tiny", alignment=((0, 0),))
        for s in document.iter_segments()
    )
    edit(document, document.segment_at(2).id, "Second, by hand.")
    UndoStack(document).push(split_command(document, document.segment_at(1).id, 10))
    path = tmp_path / "work.bireader"
    save_project(path, document, position=2)
    project = open_project(path)
    again = project.document
    assert again.name == "book.txt"
    assert project.key == content_hash(document)
    assert project.position == 2
    assert [(s.id, s.text, s.start, s.end, s.status, s.rendering) for s in again.iter_segments()] == [
        (s.id, s.text, s.start, s.end, s.status, s.rendering) for s in document.iter_segments()
    ]
    assert again.segment_at(3).rendering.origin is Origin.EDITED  # type: ignore[union-attr]


@pytest.mark.parametrize(
    "content",
    [b"", b"garbage" * 1000, b"SQLite format 3\x00" + b"\x01" * 4000],
    ids=["empty", "garbage", "torn"],
)
def test_a_damaged_project_is_one_line_and_left_untouched(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "broken.bireader"
    path.write_bytes(content)
    with pytest.raises(BadInput) as caught:
        open_project(path)
    assert "\n" not in str(caught.value)
    assert "broken.bireader" in str(caught.value)
    assert path.read_bytes() == content


def test_another_programs_database_is_not_a_project(tmp_path: Path) -> None:
    path = tmp_path / "other.bireader"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE t (x)")
    connection.close()
    with pytest.raises(BadInput, match="not a bireader project"):
        open_project(path)


def test_a_newer_project_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "new.bireader"
    save_project(path, build_text_document(TEXT))
    with sqlite3.connect(path) as connection:
        connection.execute("PRAGMA user_version = 7")
    connection.close()
    before = path.read_bytes()
    with pytest.raises(BadInput, match="newer bireader"):
        open_project(path)
    assert path.read_bytes() == before


def test_a_version_1_project_opens_with_its_work(tmp_path: Path) -> None:
    """Projects saved before word alignments were kept (schema 1) open as they were."""
    document = build_text_document(TEXT, name="book.txt")
    document.apply_results(
        SegmentResult(s.id, s.revision, f"m{s.id}", model="tiny") for s in document.iter_segments()
    )
    path = tmp_path / "old.bireader"
    save_project(path, document)
    connection = sqlite3.connect(path)
    connection.execute("ALTER TABLE renderings DROP COLUMN alignment")
    connection.execute("PRAGMA user_version = 1")
    connection.commit()
    connection.close()
    before = path.read_bytes()
    again = open_project(path).document
    assert [s.translation for s in again.iter_segments()] == [s.translation for s in document.iter_segments()]
    assert path.read_bytes() == before  # opening never writes
