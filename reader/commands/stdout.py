"""Writing a command's result to standard output so that a failure is one line, never silent.

Output to a full disk or /dev/full fails only when the buffer is flushed, which by default
happens at interpreter exit, where the error is printed as "Exception ignored" and the exit code
stays 0: the user believes a truncated file is complete. Here the result is written and flushed
at once, and any failure becomes one :class:`BadInput` line (exit 2). A closed standard output
(``>&-``), where Python sets ``sys.stdout`` to None, is reported the same way. Characters the
output encoding cannot hold (``PYTHONIOENCODING=ascii``) are written as backslash escapes.
"""

from __future__ import annotations

import contextlib
import os
import sys

from reader.errors import BadInput


def prepare_stdout() -> None:
    """Escape rather than fail on characters the output encoding lacks (``PYTHONIOENCODING=ascii``)."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with contextlib.suppress(ValueError, OSError):
                reconfigure(errors="backslashreplace")


def silence_stdout() -> None:
    """Point file descriptor 1 at /dev/null so the exit-time flush cannot fail a second time."""
    if sys.stdout is None:
        return
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)


def write_output(text: str) -> None:
    """Write and flush ``text``; raises BadInput (one line) if it cannot all be written.

    ``BrokenPipeError`` (output piped into ``head``) is re-raised: the CLI treats it as success.
    """
    if sys.stdout is None:
        raise BadInput("cannot write the output: standard output is closed")
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except BrokenPipeError:
        silence_stdout()
        raise
    except OSError as error:
        silence_stdout()
        raise BadInput(f"cannot write the output: {error.strerror or error}") from None
