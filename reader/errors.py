"""Errors a user may see, each with a one-line message and the CLI exit code it maps to.

Anything raised as a :class:`ReaderError` is shown to the user as ``str(error)`` alone:
no traceback, one line. Other exceptions are bugs.
"""

from __future__ import annotations

EXIT_OK = 0
EXIT_BAD_INPUT = 2
EXIT_MODEL_UNAVAILABLE = 3


class ReaderError(Exception):
    """Base for user-facing failures; ``exit_code`` is what the CLI returns."""

    exit_code = EXIT_BAD_INPUT


class BadInput(ReaderError):
    """A path, file or argument the user gave cannot be used (missing, binary, empty, …)."""

    exit_code = EXIT_BAD_INPUT


class ModelUnavailable(ReaderError):
    """The translation model is neither cached locally nor reachable, or is not a Marian checkpoint."""

    exit_code = EXIT_MODEL_UNAVAILABLE


def first_line(error: BaseException) -> str:
    """An exception's first line, for a message that quotes a library's error (those can span
    pages: a shape mismatch, a compiler's log); its type when it says nothing."""
    return (str(error).strip().splitlines() or [type(error).__name__])[0]


def error_line(error: BaseException) -> str:
    """A user-facing line for an exception: ReaderErrors speak for themselves, others get their type."""
    text = " ".join(str(error).split())
    if isinstance(error, ReaderError):
        return text
    return f"{type(error).__name__}: {text}" if text else type(error).__name__
