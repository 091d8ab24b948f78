"""Atomic writes: the destination is either the old file or the complete new one, never a fragment."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.atomic import atomic_write_bytes, atomic_writer, check_writable_target
from reader.errors import BadInput


def test_writes_new_file_with_usual_permissions(tmp_path: Path) -> None:
    target = tmp_path / "out.bin"
    atomic_write_bytes(target, b"hello")
    assert target.read_bytes() == b"hello"
    umask = os.umask(0o022)
    os.umask(umask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~umask
    assert list(tmp_path.iterdir()) == [target]


@pytest.fixture
def strict_umask() -> Iterator[int]:
    """A umask other than the usual 022, to see that the kernel (not a value read at import) applies it."""
    previous = os.umask(0o027)
    try:
        yield 0o027
    finally:
        os.umask(previous)


def test_new_file_gets_the_current_umask(tmp_path: Path, strict_umask: int) -> None:
    target = tmp_path / "out.bin"
    atomic_write_bytes(target, b"hello")
    assert target.stat().st_mode & 0o777 == 0o666 & ~strict_umask == 0o640


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


def _open_fds() -> set[str]:
    return set(os.listdir("/proc/self/fd"))


def test_failure_setting_the_mode_closes_and_removes_the_temp(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "out.bin"
    target.write_bytes(b"old")

    def refuse(fd: int, mode: int) -> None:
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(os, "fchmod", refuse)
    before = _open_fds()
    with pytest.raises(PermissionError):
        atomic_write_bytes(target, b"new")
    assert _open_fds() <= before
    assert list(tmp_path.iterdir()) == [target]
    assert target.read_bytes() == b"old"


def test_temp_names_do_not_collide_with_leftovers(tmp_path: Path) -> None:
    target = tmp_path / "out.bin"
    for _ in range(20):
        atomic_write_bytes(target, b"x")
    assert list(tmp_path.iterdir()) == [target]


# --- check_writable_target: one line per problem -------------------------------------------------


def _one_line_error(path: Path) -> str:
    with pytest.raises(BadInput) as error:
        check_writable_target(path)
    message = str(error.value)
    assert message
    assert "\n" not in message
    return message


def test_writable_target_passes(tmp_path: Path) -> None:
    check_writable_target(tmp_path / "new.pdf")
    (tmp_path / "old.pdf").write_bytes(b"x")
    check_writable_target(tmp_path / "old.pdf")


def test_target_that_is_a_folder(tmp_path: Path) -> None:
    assert _one_line_error(tmp_path) == f"output path is a folder, not a file: {tmp_path}"


def test_target_in_a_missing_folder(tmp_path: Path) -> None:
    message = _one_line_error(tmp_path / "missing" / "out.pdf")
    assert message == f"output folder does not exist: {tmp_path / 'missing'}"


def test_target_inside_a_file(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    assert _one_line_error(blocker / "out.pdf") == f"output folder is not a folder: {blocker}"


def test_target_in_an_unwritable_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Root may write anywhere, so a read-only mode proves nothing here: ask os.access to say no.
    asked: list[tuple[str, int]] = []

    def no_access(path: str | Path, mode: int) -> bool:
        asked.append((str(path), mode))
        return False

    monkeypatch.setattr(os, "access", no_access)
    assert _one_line_error(tmp_path / "out.pdf") == f"output folder is not writable: {tmp_path}"
    assert asked == [(str(tmp_path), os.W_OK | os.X_OK)]


def test_the_export_command_checks_paths_without_loading_fpdf(tmp_path: Path) -> None:
    code = (
        "import sys; from pathlib import Path; import reader.commands.export; "
        "from reader.atomic import check_writable_target; "
        f"check_writable_target(Path({str(tmp_path / 'out.pdf')!r})); "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('fpdf', 'fontTools', 'uharfbuzz', 'PIL')))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
