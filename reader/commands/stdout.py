"""Writing a command's result to standard output so that a failure is one line, never silent.

Output to a full disk or /dev/full fails only when the buffer is flushed, which by default
happens at interpreter exit, where the error is printed as "Exception ignored" and the exit code
stays 0: the user believes a truncated file is complete. Here the result is written and flushed
at once, and any failure becomes one :class:`BadInput` line (exit 2): a full disk, a closed
standard output (``>&-``, where Python sets ``sys.stdout`` to None) and a pipe whose reader went
away (``| head``: the output was cut short, and a script with ``pipefail`` must be able to tell).
:func:`finish_stdout` flushes whatever else was printed (``--help``) before the interpreter's own
final flush, which would lose the error.

Characters the output encoding cannot hold (``PYTHONIOENCODING=ascii``) are written as ``\\uXXXX``
escapes (a pair of them beyond U+FFFF), never an exception: inside a JSON string that is the same
value, so ``--json`` output stays valid JSON, and plain text shows each such character as its code.
"""

from __future__ import annotations

import codecs
import contextlib
import os
import sys
from typing import TextIO

from reader.errors import BadInput

ESCAPES = "bireader-json-escape"


def _json_escape(error: UnicodeError) -> tuple[str, int]:
    """Codec error handler: each character the encoding lacks as JSON's ``\\uXXXX`` (UTF-16 units)."""
    if not isinstance(error, UnicodeEncodeError):
        raise error
    units: list[str] = []
    for char in error.object[error.start : error.end]:
        code = ord(char)
        if code > 0xFFFF:
            code -= 0x10000
            units += [f"\\u{0xD800 + (code >> 10):04x}", f"\\u{0xDC00 + (code & 0x3FF):04x}"]
        else:
            units.append(f"\\u{code:04x}")
    return "".join(units), error.end


codecs.register_error(ESCAPES, _json_escape)


def prepare_stdout() -> None:
    """Escape rather than fail on characters the output encoding lacks (``PYTHONIOENCODING=ascii``)."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with contextlib.suppress(ValueError, OSError):
                reconfigure(errors=ESCAPES)


def silence_stdout() -> None:
    """Point file descriptor 1 at /dev/null so the exit-time flush cannot fail a second time."""
    if sys.stdout is None:
        return
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)


def _failure(error: OSError) -> BadInput:
    silence_stdout()
    if isinstance(error, BrokenPipeError):
        return BadInput("cannot write the output: the program reading it closed the pipe, so it is cut short")
    return BadInput(f"cannot write the output: {error.strerror or error}")


def write_output(text: str) -> None:
    """Write and flush ``text``; raises BadInput (one line) if it cannot all be written."""
    stream = _stdout()
    _write_all(text.encode(stream.encoding or "utf-8", errors=ESCAPES), stream)


def write_output_bytes(data: bytes) -> None:
    """Write ``data`` to standard output as is (an export to ``-``); BadInput (one line) on failure."""
    _write_all(data, _stdout())


def _stdout() -> TextIO:
    if sys.stdout is None:
        raise BadInput("cannot write the output: standard output is closed")
    return sys.stdout


def _write_all(data: bytes, stream: TextIO) -> None:
    """Every byte of ``data`` or an error, written straight to the file descriptor.

    ``sys.stdout.write`` can lose the end silently: when a disk fills or a pipe's reader leaves
    mid-write the kernel accepts part of a large write, and ``io.BufferedWriter`` returns that
    count, which ``io.TextIOWrapper`` ignores (measured: ``segment --json`` over a 16 KB file-size
    limit wrote 16 384 bytes and exited 0). Writing the rest again turns the shortfall into the error.
    """
    try:
        stream.flush()  # whatever was printed before goes first
        try:
            fd = stream.fileno()
        except (OSError, ValueError):  # not a real file (a test's capture): its own writes then
            stream.write(data.decode(stream.encoding or "utf-8"))
            stream.flush()
            return
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
    except OSError as error:
        raise _failure(error) from None


def finish_stdout() -> None:
    """Flush what is still buffered (``--help``, say) now, while a failure can still be reported."""
    if sys.stdout is None:
        return
    try:
        sys.stdout.flush()
    except OSError as error:
        raise _failure(error) from None
    except ValueError:  # closed by someone: nothing buffered can be written any more
        return
