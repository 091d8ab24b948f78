"""Atomic file writes: a reader never sees a half-written file, whatever fails mid-way.

Data goes to a temporary file in the destination's own folder (so the final rename never crosses
file systems), is flushed to disk, and only then replaces the destination with :func:`os.replace`.
On any error the temporary file is removed and the destination is left as it was.

The temporary file is created with mode 0o666 so the kernel applies the process umask, as
``open()`` would: reading the umask means setting it, which is not safe while other threads run.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from reader.errors import BadInput

_ATTEMPTS = 100


@contextlib.contextmanager
def atomic_writer(path: str | Path) -> Iterator[BinaryIO]:
    """Yield a binary file whose contents replace ``path`` only if the block finishes cleanly."""
    target = Path(path)
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


def _create_temp(target: Path) -> tuple[int, str]:
    """A new, unique, empty file next to ``target``; the umask decides its permissions."""
    for _ in range(_ATTEMPTS):
        name = str(target.parent / f".{target.name}.{secrets.token_hex(4)}.tmp")
        try:
            return os.open(name, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o666), name
        except FileExistsError:
            continue
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


def check_writable_target(path: Path) -> None:
    """Fail early, before any slow work, if ``path`` cannot be created; raises one-line BadInput."""
    folder = path.parent
    if path.is_dir():
        raise BadInput(f"output path is a folder, not a file: {path}")
    if not folder.exists():
        raise BadInput(f"output folder does not exist: {folder}")
    if not folder.is_dir():
        raise BadInput(f"output folder is not a folder: {folder}")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise BadInput(f"output folder is not writable: {folder}")
