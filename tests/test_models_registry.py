"""The list of imported model folders: kept in the data folder, damaged or missing means empty."""

from __future__ import annotations

from pathlib import Path

from reader.models.registry import forget_folder, imported_folders, registry_path, remember_folder


def test_folders_are_remembered_once_in_order_and_forgotten(tmp_path: Path) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    remember_folder(first)
    remember_folder(second)
    remember_folder(first)
    assert imported_folders() == [first, second]
    assert forget_folder(first)
    assert not forget_folder(first)
    assert imported_folders() == [second]


def test_a_damaged_list_reads_as_empty_and_is_replaced(tmp_path: Path) -> None:
    registry_path().parent.mkdir(parents=True, exist_ok=True)
    registry_path().write_bytes(b"\xff not json")
    assert imported_folders() == []
    remember_folder(tmp_path)
    assert imported_folders() == [tmp_path]
    registry_path().write_text('{"folders": [3, "/x"]}')
    assert imported_folders() == [Path("/x")]
