"""Atomic writes: the destination is either the old file or the complete new one, never a fragment."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from reader.atomic import atomic_write_bytes, atomic_writer


def test_writes_new_file_with_usual_permissions(tmp_path: Path) -> None:
    target = tmp_path / "out.bin"
    atomic_write_bytes(target, b"hello")
    assert target.read_bytes() == b"hello"
    umask = os.umask(0o022)
    os.umask(umask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~umask
    assert list(tmp_path.iterdir()) == [target]


def test_replaces_existing_file_and_keeps_its_mode(tmp_path: Path) -> None:
    target = tmp_path / "out.bin"
    target.write_bytes(b"old")
    target.chmod(0o600)
    atomic_write_bytes(target, b"new")
    assert target.read_bytes() == b"new"
    assert target.stat().st_mode & 0o777 == 0o600


def _write_then_fail(target: Path) -> None:
    with atomic_writer(target) as handle:
        handle.write(b"partial")
        raise RuntimeError("boom")


def test_failure_mid_write_leaves_old_file_and_no_temp(tmp_path: Path) -> None:
    target = tmp_path / "out.bin"
    target.write_bytes(b"old")
    with pytest.raises(RuntimeError, match="boom"):
        _write_then_fail(target)
    assert target.read_bytes() == b"old"
    assert list(tmp_path.iterdir()) == [target]


def test_failure_leaves_no_file_when_there_was_none(tmp_path: Path) -> None:
    target = tmp_path / "out.bin"
    with pytest.raises(RuntimeError, match="boom"):
        _write_then_fail(target)
    assert list(tmp_path.iterdir()) == []


def test_missing_folder_raises_oserror(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        atomic_write_bytes(tmp_path / "missing" / "out.bin", b"x")
