"""Reading a document's bytes without hanging or exhausting memory on whatever the user names.

Only regular files are read: a FIFO would block forever, ``/dev/zero`` and ``/dev/urandom`` never
end, and a terminal or socket is no document. The type is checked before opening, then again on
the open descriptor (the path may have been swapped in between), which is opened non-blocking
so even a FIFO slipped in at that moment cannot hang. Files above a size cap are refused before
they are read. The cap is here, outside the loaders, so the window can show it too.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from reader.display import one_line
from reader.errors import BadInput

MAX_FILE_MB_VARIABLE = "BIREADER_MAX_FILE_MB"
DEFAULT_MAX_FILE_MB = 200
_MB = 1024 * 1024


def limit_from_env(variable: str, default: float, unit: str) -> float:
    """``$variable`` if set to a positive number, else *default*; a bad value is one line
    (:class:`BadInput`) naming the variable and its *unit* ("megabytes", "characters")."""
    value = os.environ.get(variable, "").strip()
    try:
        limit = float(value) if value else default
    except ValueError:
        raise BadInput(f"{variable} must be a number of {unit}, not '{one_line(value)}'") from None
    if limit <= 0:
        raise BadInput(f"{variable} must be more than 0, not {one_line(value)}")
    return limit


def max_file_bytes() -> int:
    """The size cap: ``$BIREADER_MAX_FILE_MB`` megabytes if set to a positive number, else 200 MB."""
    return int(limit_from_env(MAX_FILE_MB_VARIABLE, DEFAULT_MAX_FILE_MB, "megabytes") * _MB)


def os_reason(error: OSError) -> str:
    """An OSError's reason in a few words ("Permission denied", "File name too long")."""
    return error.strerror or type(error).__name__


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def _check_regular(file: Path, mode: int) -> None:
    if stat.S_ISDIR(mode):
        raise BadInput(f"{one_line(file)} is a folder, not a document")
    if not stat.S_ISREG(mode):
        raise BadInput(f"{one_line(file)} is {_kind(mode)}, not a document file")


def _check_size(file: Path, size: int, limit: int) -> None:
    if size > limit:
        raise BadInput(
            f"{one_line(file)} is {size / _MB:.0f} MB, more than the {limit / _MB:.0f} MB limit "
            f"(set {MAX_FILE_MB_VARIABLE} to raise it)"
        )


def read_document_bytes(path: str | Path, limit: int | None = None) -> bytes:
    """A regular file's bytes, at most ``limit`` (default :func:`max_file_bytes`); one-line BadInput else."""
    file = Path(path)
    cap = max_file_bytes() if limit is None else limit
    try:
        mode = os.stat(file).st_mode
    except FileNotFoundError:
        raise BadInput(f"no such file: {one_line(file)}") from None
    except OSError as error:
        raise BadInput(f"cannot read {one_line(file)}: {os_reason(error)}") from None
    _check_regular(file, mode)
    try:
        fd = os.open(file, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except OSError as error:
        raise BadInput(f"cannot read {one_line(file)}: {os_reason(error)}") from None
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(handle.fileno())
        _check_regular(file, info.st_mode)
        _check_size(file, info.st_size, cap)
        try:
            # Sized to the file, not the cap: read(cap + 1) would reserve 200 MB for every file.
            data = handle.read(min(cap, info.st_size) + 1)
            if len(data) > info.st_size:  # it grew since fstat: read on, up to the cap
                data += handle.read(cap + 1 - len(data))
        except OSError as error:
            raise BadInput(f"cannot read {one_line(file)}: {os_reason(error)}") from None
    _check_size(file, len(data), cap)  # it grew while being read
    return data
