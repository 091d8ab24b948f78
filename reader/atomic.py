"""Atomic file writes: a reader never sees a half-written file, whatever fails mid-way.

Data goes to a temporary file in the destination's own folder (so the final rename never crosses
file systems), is flushed to disk, and only then replaces the destination with :func:`os.replace`.
On any error the temporary file is removed and the destination is left as it was.

The temporary file is created with mode 0o666 so the kernel applies the process umask, as
``open()`` would: reading the umask means setting it, which is not safe while other threads run.

A process killed with SIGKILL cannot remove its temporary file, so the name carries the writer's
process id (``.NAME.PID-RANDOM.tmp``) and every write first removes the stale ones in its folder
(see :func:`remove_stale_temps`: only names of that exact shape, only regular files, and only by
age). Ctrl+C (KeyboardInterrupt) at any point removes the temporary file, even one interrupted
right after it was created. The name is shortened so it never exceeds the 255-byte limit on a
file name, even for a legal 250-character target. Only regular files (or new names) are replaced:
a device such as /dev/null or a FIFO is never swapped for a file.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import secrets
import stat
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from reader.display import one_line
from reader.errors import BadInput

_ATTEMPTS = 100
NAME_MAX = 255
_TEMP_NAME = re.compile(r"\..+\.(\d+)-[0-9a-f]{8}\.tmp")
# A temporary file lives only while the finished bytes are written and synced (every export makes
# its file in memory first): 0.28 s for 100 MB here, some 10 s on a 10 MB/s USB stick, its
# modification time moving all the while. So one untouched for DEAD_WRITER_AGE whose writer
# no longer runs here is an orphan, and one untouched for STALE_AGE is one whatever its process
# id says (that id reused since, or a writer on another machine sharing the folder, which
# died). The minute keeps a live writer on another machine, whose id means nothing here, safe.
DEAD_WRITER_AGE = 60.0
STALE_AGE = 600.0


@contextlib.contextmanager
def atomic_writer(path: str | Path) -> Iterator[BinaryIO]:
    """Yield a binary file whose contents replace ``path`` only if the block finishes cleanly."""
    target = Path(path)
    _refuse_special(target)
    remove_stale_temps(target)
    fd, temp_name = _create_temp(target)
    try:
        mode = _existing_mode(target)
        if mode is not None:
            os.fchmod(fd, mode)
        handle = os.fdopen(fd, "wb")
    except BaseException:
        with contextlib.suppress(OSError):
            os.close(fd)
        os.unlink(temp_name)
        raise
    try:
        with handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp_name, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp_name)
        raise


def _refuse_special(target: Path) -> None:
    try:
        mode = target.stat().st_mode
    except OSError:
        return  # a new name, or a problem the write itself will report
    if not stat.S_ISREG(mode):
        raise OSError(errno.EPERM, "not a regular file, so it is not replaced", str(target))


def _temp_prefix(target: Path) -> str:
    """``.NAME.`` with NAME cut (at a character) so that prefix + ``PID-RANDOM.tmp`` fits NAME_MAX."""
    room = NAME_MAX - len(".") - len(".") - len(f"{2**22}-{'0' * 8}.tmp")
    name = target.name
    while len(os.fsencode(name)) > room:
        name = name[:-1]
    return f".{name}."


def process_running(pid: int) -> bool:
    """True if process ``pid`` exists (ours or anyone's): its temporary files are not stale."""
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # it exists but belongs to someone else
        return True
    return True


def remove_stale_temps(target: Path, *, now: float | None = None) -> list[str]:
    """Delete the orphaned temporary files in ``target``'s folder; returns their names.

    Only ours: names of the exact shape ``.NAME.PID-8HEX.tmp``, regular files (never a link or a
    folder), untouched for :data:`STALE_AGE`, or for :data:`DEAD_WRITER_AGE` when process PID does
    not run here. A file that cannot be examined or removed is left alone, silently: cleaning up
    must never fail the write it precedes.
    """
    now = time.time() if now is None else now
    removed: list[str] = []
    try:
        entries = [e for e in os.scandir(target.parent) if e.name.endswith(".tmp") and e.name.startswith(".")]
    except OSError:
        return removed
    for entry in entries:
        match = _TEMP_NAME.fullmatch(entry.name)
        if match is None:
            continue
        try:
            info = entry.stat(follow_symlinks=False)
        except OSError:
            continue
        age = now - info.st_mtime
        if not stat.S_ISREG(info.st_mode) or age < DEAD_WRITER_AGE:
            continue
        if age >= STALE_AGE or not process_running(int(match.group(1))):
            with contextlib.suppress(OSError):
                os.unlink(entry.path)
                removed.append(entry.name)
    return removed


def _create_temp(target: Path) -> tuple[int, str]:
    """A new, unique, empty file next to ``target``; the umask decides its permissions.

    The name holds our process id, so a file by that name is ours: if an interrupt lands between
    its creation and our keeping hold of its descriptor, it is removed before the interrupt goes on.
    """
    prefix = _temp_prefix(target)
    for _ in range(_ATTEMPTS):
        name = str(target.parent / f"{prefix}{os.getpid()}-{secrets.token_hex(4)}.tmp")
        try:
            fd = os.open(name, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o666)
        except FileExistsError:
            continue
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(name)
            raise
        return fd, name
    raise FileExistsError(f"no unused temporary name next to {target}")


def _existing_mode(target: Path) -> int | None:
    """An existing file's permissions, which a replacement keeps; None for a new file."""
    try:
        return target.stat().st_mode & 0o7777
    except OSError:
        return None


def atomic_write_bytes(path: str | Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` atomically (see :func:`atomic_writer`)."""
    with atomic_writer(path) as handle:
        handle.write(data)


def write_output_file(path: str | Path, data: bytes) -> None:
    """:func:`atomic_write_bytes` for a file the user asked for: a failure is one line."""
    try:
        atomic_write_bytes(path, data)
    except OSError as error:
        raise BadInput(f"cannot write {one_line(path)}: {error.strerror or error}") from error


def _stat(path: Path, what: str) -> os.stat_result | None:
    """``os.stat`` of ``path``, None if it does not exist; other failures are one-line BadInput."""
    try:
        return os.stat(path)
    except (FileNotFoundError, NotADirectoryError):
        return None
    except OSError as error:
        raise BadInput(f"cannot use {what} {one_line(path)}: {error.strerror or error}") from None


def check_writable_target(path: Path, inputs: Iterable[Path] = ()) -> None:
    """Fail early, before any slow work, if ``path`` cannot be written safely; one-line BadInput.

    Refused: a folder, a device, FIFO or other non-regular file, any of ``inputs`` (also by
    another path or a link), a name over the file-system limit, a missing or unwritable folder.
    """
    if len(os.fsencode(path.name)) > NAME_MAX:
        raise BadInput(f"output file name is longer than {NAME_MAX} bytes: {one_line(path.name[:40])}…")
    folder = path.parent
    info = _stat(path, "output path")
    if info is not None:
        if stat.S_ISDIR(info.st_mode):
            raise BadInput(f"output path is a folder, not a file: {one_line(path)}")
        if not stat.S_ISREG(info.st_mode):
            raise BadInput(f"output path is not a regular file (a device or a pipe?): {one_line(path)}")
        for source in inputs:
            other = _stat(source, "input")
            if other is not None and (other.st_dev, other.st_ino) == (info.st_dev, info.st_ino):
                raise BadInput(f"output path is the input file: {one_line(path)} would overwrite it")
    folder_info = _stat(folder, "output folder")
    if folder_info is None:
        raise BadInput(f"output folder does not exist: {one_line(folder)}")
    if not stat.S_ISDIR(folder_info.st_mode):
        raise BadInput(f"output folder is not a folder: {one_line(folder)}")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise BadInput(f"output folder is not writable: {one_line(folder)}")
