"""Export in a child process, so the window never waits for an export.

An export on a thread of the window's process shares the window's GIL. The PDF exporter's
cycle collections over its fonts and glyph caches (13–30 ms each, about one a second), and
every moment its lower-priority thread was preempted while holding the GIL, froze the window
for 50–155 ms under Xvfb (``tests/benchmarks/bench_ui_x11.py``, "export start and progress").
A child process has an interpreter, a collector and imports of its own (fpdf2, fontTools and
HarfBuzz load there, not in the window), and runs at a lower priority than the window.

The job (a snapshot of the document and the options) is pickled to the child's standard input;
the child renders the file's bytes and sends its progress and the bytes back, as length-prefixed
pickles on the standard output it had at start (its own ``print`` goes to standard error, so a
library cannot break the messages). The parent writes the file, atomically: a cancelled or
killed child leaves nothing behind. Run ``python -m reader.export.child_process`` as the child.
"""

from __future__ import annotations

import contextlib
import logging
import os
import pickle
import select
import struct
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, BinaryIO

from reader.atomic import check_writable_target, write_output_file
from reader.errors import ReaderError, error_line
from reader.model import Document
from reader.window_priority import step_aside

log = logging.getLogger(__name__)

HEADER = struct.Struct("<Q")  # each message's length
REPORT_EVERY_S = 0.1  # the child's progress messages: at most ~10 a second, and the last
POLL_S = 0.025  # how soon the parent notices a cancel while the child works silently (the window waits this long at quitting)
CHILD_NICE = 19  # the lowest: the window's translation thread, which holds the GIL, gets a CPU first
CHILD_ARGUMENTS = ["-m", "reader.export.child_process"]  # after the interpreter

Progress = Callable[[int, int], None]


class ExportStopped(Exception):
    """The caller's ``cancelled()`` said stop: the child was ended, nothing was written."""


def export_in_child(
    document: Document,
    output: Path,
    fmt: str,
    *,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] = lambda: False,
    **options: Any,
) -> None:
    """:func:`reader.export.dispatch.export_document` in a child process: the same options,
    progress and one-line :class:`ReaderError` failures; ``cancelled`` is asked every
    :data:`POLL_S` and, once true, the child is ended and :class:`ExportStopped` raised."""
    from reader.export.dispatch import check_format

    check_format(fmt)
    output = Path(output)
    check_writable_target(output)  # before the slow part, as in the same process
    step_aside()  # the window's answer to the Export action first (pickling the job holds the GIL)
    child = _start_child()
    try:
        data = _run(child, (document, fmt, options), progress, cancelled)
    finally:
        if child.poll() is None:
            child.kill()
        child.wait()
        for pipe in (child.stdin, child.stdout):
            if pipe is not None:
                with contextlib.suppress(OSError):  # the job's unsent rest, to a child that died
                    pipe.close()
    write_output_file(output, data)


def _start_child() -> subprocess.Popen[bytes]:
    try:  # this interpreter, environment and folder: the package imports there as it did here
        return subprocess.Popen(
            [sys.executable, *CHILD_ARGUMENTS], stdin=subprocess.PIPE, stdout=subprocess.PIPE
        )
    except OSError as error:
        raise ReaderError(f"cannot start the export: {error.strerror or error}") from error


def _run(
    child: subprocess.Popen[bytes],
    job: tuple[Any, ...],
    progress: Progress | None,
    cancelled: Callable[[], bool],
) -> bytes:
    """Send the job, then relay the child's messages until its bytes or its failure arrive."""
    assert child.stdin is not None
    assert child.stdout is not None
    with contextlib.suppress(BrokenPipeError):  # a child that died at start is reported below
        pickle.dump(job, child.stdin, protocol=pickle.HIGHEST_PROTOCOL)
        child.stdin.close()
    channel = child.stdout.fileno()  # read raw, never through the pipe's Python buffer
    while True:
        if cancelled():
            raise ExportStopped
        ready, _, _ = select.select([channel], [], [], POLL_S)
        if not ready:
            continue
        message = _receive(channel)
        if message is None:
            code = child.wait()
            raise ReaderError(f"the export process stopped unexpectedly (exit code {code})")
        kind, *payload = message
        if kind == "progress" and progress is not None:
            progress(*payload)
        elif kind == "failed":
            raise ReaderError(payload[0])
        elif kind == "done":
            data: bytes = payload[0]
            return data


def _receive(channel: int) -> tuple[Any, ...] | None:
    """One message, or None at the end of the stream."""
    header = _read_exactly(channel, HEADER.size)
    if header is None:
        return None
    body = _read_exactly(channel, HEADER.unpack(header)[0])
    return None if body is None else pickle.loads(body)  # noqa: S301 - our own child's messages


def _read_exactly(channel: int, size: int) -> bytes | None:
    parts, left = [], size
    while left:
        part = os.read(channel, min(left, 1 << 20))
        if not part:
            return None
        parts.append(part)
        left -= len(part)
    return b"".join(parts)


def _send(channel: BinaryIO, message: tuple[Any, ...]) -> None:
    body = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    channel.write(HEADER.pack(len(body)) + body)
    channel.flush()


def main() -> int:
    """The child: read the job, render, send progress and the bytes (or one failure line)."""
    channel = os.fdopen(os.dup(sys.stdout.fileno()), "wb")
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())  # a stray print cannot break the messages
    with contextlib.suppress(AttributeError, OSError):
        os.nice(CHILD_NICE)
    from reader.export.dispatch import render_document

    document, fmt, options = pickle.load(sys.stdin.buffer)  # noqa: S301 - our own parent's job
    last = -REPORT_EVERY_S

    def report(done: int, total: int) -> None:
        nonlocal last
        now = time.monotonic()
        if now - last >= REPORT_EVERY_S or done >= total:
            last = now
            _send(channel, ("progress", done, total))

    try:
        data = render_document(document, fmt, progress=report, **options)
    except ReaderError as error:
        _send(channel, ("failed", str(error)))
        return 1
    except Exception as error:  # noqa: BLE001 - a bug: one line to the window, the trace to the log
        log.exception("export failed")
        _send(channel, ("failed", error_line(error)))
        return 1
    _send(channel, ("done", data))
    return 0


if __name__ == "__main__":
    sys.exit(main())
