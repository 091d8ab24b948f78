"""Atomic writes: the destination is either the old file or the complete new one, never a fragment."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.atomic import (
    DEAD_WRITER_AGE,
    STALE_AGE,
    atomic_write_bytes,
    atomic_writer,
    check_writable_target,
    remove_stale_temps,
)
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


# --- leftovers, long names, special files --------------------------------------------------------------

_HOLD = """
import sys
from reader.atomic import atomic_writer
with atomic_writer(sys.argv[1]) as handle:
    handle.write(b"partial")
    handle.flush()
    print("writing", flush=True)
    sys.stdin.read()  # held open until the parent kills this process
"""


def test_temp_left_by_a_killed_writer_is_removed_by_the_next_write(tmp_path: Path) -> None:
    target = tmp_path / "out.pdf"
    target.write_bytes(b"old")
    with subprocess.Popen(
        [sys.executable, "-c", _HOLD, str(target)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    ) as writer:
        assert writer.stdout is not None
        assert writer.stdout.readline() == "writing\n"
        writer.kill()  # SIGKILL: no chance to clean up
        writer.wait()
    (orphan,) = tmp_path.glob(".out.pdf.*.tmp")
    atomic_write_bytes(target, b"new")
    assert orphan.exists()  # its writer is gone, but for under a minute: maybe another machine's
    _age(orphan, DEAD_WRITER_AGE + 1)
    atomic_write_bytes(target, b"newer")
    assert sorted(tmp_path.iterdir()) == [target]
    assert target.read_bytes() == b"newer"


def _age(path: Path, seconds: float) -> None:
    then = time.time() - seconds
    os.utime(path, (then, then), follow_symlinks=False)


def _dead_pid() -> int:
    child = subprocess.run(["sh", "-c", "echo $$"], capture_output=True, text=True, check=True)
    return int(child.stdout)


def test_temp_of_a_running_writer_is_kept_until_the_age_limit(tmp_path: Path) -> None:
    target = tmp_path / "out.pdf"
    young = tmp_path / f".out.pdf.{os.getppid()}-0123abcd.tmp"  # our parent runs
    old = tmp_path / f".other.epub.{os.getppid()}-89abcdef.tmp"  # another export to this folder
    for path, age in ((young, STALE_AGE - 60), (old, STALE_AGE + 60)):
        path.write_bytes(b"in progress")
        _age(path, age)
    atomic_write_bytes(target, b"new")
    assert young.exists()
    assert not old.exists()  # ten minutes untouched: its process id must have been reused


def test_temp_of_a_dead_writer_is_removed_after_a_minute(tmp_path: Path) -> None:
    pid = _dead_pid()
    fresh = tmp_path / f".a.html.{pid}-0123abcd.tmp"
    stale = tmp_path / f".b.pdf.{pid}-0123abcd.tmp"
    fresh.write_bytes(b"x")
    stale.write_bytes(b"x")
    _age(fresh, DEAD_WRITER_AGE - 30)
    _age(stale, DEAD_WRITER_AGE + 30)
    assert remove_stale_temps(tmp_path / "c.pdf") == [stale.name]
    assert fresh.exists()


def test_only_our_temp_names_and_regular_files_are_removed(tmp_path: Path) -> None:
    pid = _dead_pid()
    others = [
        tmp_path / ".out.pdf.tmp",
        tmp_path / f".out.pdf.{pid}-0123ABCD.tmp",  # upper-case hex: not ours
        tmp_path / f".out.pdf.{pid}-0123abcd.tmp.bak",
        tmp_path / f"out.pdf.{pid}-0123abcd.tmp",  # not hidden
        tmp_path / f".out.pdf.x{pid}-0123abcd.tmp",
    ]
    for path in others:
        path.write_bytes(b"theirs")
    folder = tmp_path / f".dir.pdf.{pid}-0123abcd.tmp"
    folder.mkdir()
    link = tmp_path / f".link.pdf.{pid}-0123abcd.tmp"
    link.symlink_to(others[0])
    for path in [*others, folder, link]:
        _age(path, STALE_AGE + 60)
    assert remove_stale_temps(tmp_path / "out.pdf") == []
    assert all(path.exists() for path in others)
    assert folder.is_dir()
    assert link.is_symlink()


def test_ctrl_c_while_writing_leaves_the_old_file_and_no_temp(tmp_path: Path) -> None:
    target = tmp_path / "out.bin"
    target.write_bytes(b"old")

    def interrupted() -> None:
        with atomic_writer(target) as handle:
            handle.write(b"partial")
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        interrupted()
    assert sorted(tmp_path.iterdir()) == [target]
    assert target.read_bytes() == b"old"


def test_ctrl_c_just_after_the_temp_is_created_removes_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_open = os.open

    def open_then_interrupted(path: str, flags: int, mode: int = 0o777) -> int:
        real_open(path, flags, mode)  # created, and the descriptor lost to the interrupt
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "open", open_then_interrupted)
    with pytest.raises(KeyboardInterrupt):
        atomic_write_bytes(tmp_path / "out.bin", b"new")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("name", ["a" * 246 + ".pdf", "ك" * 125 + ".pdf"])
def test_longest_legal_name_is_writable(tmp_path: Path, name: str) -> None:
    target = tmp_path / name
    assert len(os.fsencode(target.name)) <= 255
    check_writable_target(target)
    atomic_write_bytes(target, b"x")
    assert target.read_bytes() == b"x"
    assert list(tmp_path.iterdir()) == [target]


def test_name_over_the_limit_is_one_line(tmp_path: Path) -> None:
    assert _one_line_error(tmp_path / ("a" * 300 + ".pdf")).startswith(
        "output file name is longer than 255 bytes"
    )


def test_folder_component_over_the_limit_is_one_line(tmp_path: Path) -> None:
    message = _one_line_error(tmp_path / ("a" * 300) / "out.pdf")
    assert message.endswith(": File name too long")


@pytest.mark.parametrize("device", ["/dev/null", "/dev/zero"])
def test_device_target_is_refused(device: str) -> None:
    if not os.path.exists(device):
        pytest.skip(f"{device} does not exist here")
    before = os.stat(device)
    assert _one_line_error(Path(device)).startswith("output path is not a regular file")
    with pytest.raises(OSError, match="not a regular file"):
        atomic_write_bytes(device, b"%PDF")
    after = os.stat(device)
    assert (after.st_ino, after.st_mode) == (before.st_ino, before.st_mode)


def test_fifo_target_is_refused(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.pdf"
    os.mkfifo(fifo)
    assert _one_line_error(fifo).startswith("output path is not a regular file")
    with pytest.raises(OSError, match="not a regular file"):
        atomic_write_bytes(fifo, b"%PDF")
    assert fifo.is_fifo()


def test_target_that_is_an_input_is_refused_by_any_name(tmp_path: Path) -> None:
    source = tmp_path / "doc.txt"
    source.write_text("نص.")
    (tmp_path / "sub").mkdir()
    (tmp_path / "link.pdf").symlink_to(source)
    os.link(source, tmp_path / "hard.pdf")
    for same in (source, tmp_path / "sub" / ".." / "doc.txt", tmp_path / "link.pdf", tmp_path / "hard.pdf"):
        with pytest.raises(BadInput, match="output path is the input file"):
            check_writable_target(same, inputs=[source])
    check_writable_target(tmp_path / "other.pdf", inputs=[source])


def test_target_under_a_folder_without_search_permission_is_one_line(tmp_path: Path) -> None:
    import shutil
    import tempfile

    from tests.helpers.unprivileged import run_cli_as_nobody, unsearchable_folder

    base = tempfile.mkdtemp(prefix="bireader-perm-")
    try:
        locked = unsearchable_folder(base)
        source = Path(base) / "doc.txt"
        source.write_text("نص.", encoding="utf-8")
        source.chmod(0o644)
        result = run_cli_as_nobody(
            ["export", str(source), "-o", f"{locked}/out.pdf"], preload=("reader.commands.export",)
        )
    finally:
        os.chmod(os.path.join(base, "locked"), 0o700)
        shutil.rmtree(base)
    assert result.returncode == 2
    assert result.stderr == f"error: cannot use output path {locked}/out.pdf: Permission denied\n"
