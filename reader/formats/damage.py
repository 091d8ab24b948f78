"""Damaged input refused by class, not case by case: what a parser raises on bad bytes is one line.

A reader hands untrusted bytes to zipfile, zlib, lxml, python-docx, markdown-it and PDFium, and
each has its own ways of failing on damage: ``NotImplementedError("zip file version 9.0")`` for
a flipped byte in a ZIP header, ``zlib.error`` and ``EOFError`` for a truncated member, lxml's
``ValueError`` for a control character in a tag name, ``int()``'s ``ValueError`` for a malformed
attribute, ``RecursionError`` for nesting, ``PdfiumError`` for a broken page. :func:`refused_if_damaged`
wraps a whole reader and turns exactly these into a :class:`Refused` line (exit 2, a message in
the window); anything else is a bug in our code and still surfaces as one. Imports nothing heavy
(the text path never loads lxml).
"""

from __future__ import annotations

import struct
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager

from reader.errors import BadInput

# What parsers raise on damaged input: value and lookup errors (lxml's "no NULL bytes or control
# characters", int('abc'), an unknown codec), truncation, unsupported ZIP features, nesting.
DAMAGE_ERRORS: tuple[type[BaseException], ...] = (
    ValueError,
    LookupError,
    EOFError,
    NotImplementedError,
    OverflowError,
    RecursionError,
    zlib.error,
    struct.error,
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
)
# The parsers' own exception types (lxml.etree.LxmlError, PdfiumError, python-docx's OpcError…),
# recognised by module so that this module never imports them.
_PARSER_MODULES = frozenset({"lxml", "pypdfium2", "docx", "markdown_it", "zipfile", "xml"})
_DETAIL_CHARS = 120


class Refused(BadInput):
    """A file this reader will not open, and why, in one line (exit code 2, a message box)."""


def is_damage(error: BaseException) -> bool:
    """True for what a parser raises on damaged input: the kinds of :data:`DAMAGE_ERRORS`, the
    parsers' own exception types, and anything raised inside a parser's code (python-docx
    meets a damaged styles part with an ``AttributeError`` of its own)."""
    if isinstance(error, DAMAGE_ERRORS):
        return True
    if type(error).__module__.split(".")[0] in _PARSER_MODULES:
        return True
    return _raised_in_parser(error)


def _raised_in_parser(error: BaseException) -> bool:
    traceback = error.__traceback__
    if traceback is None:
        return False
    while traceback.tb_next is not None:
        traceback = traceback.tb_next
    module = str(traceback.tb_frame.f_globals.get("__name__", ""))
    return module.split(".")[0] in _PARSER_MODULES


def damage_detail(error: BaseException) -> str:
    """The parser's own words, on one short line; the type's name when it said nothing."""
    if isinstance(error, RecursionError):
        return "nested too deeply"
    text = " ".join(str(error).split())
    if not text:
        return type(error).__name__
    return text if len(text) <= _DETAIL_CHARS else text[: _DETAIL_CHARS - 1] + "…"


@contextmanager
def refused_if_damaged(what: str) -> Iterator[None]:
    """Run a reader; what its parsers raise on damage becomes ``Refused("<what> is damaged (…)")``."""
    try:
        yield
    except BadInput:
        raise
    except Exception as error:
        if not is_damage(error):
            raise
        raise Refused(f"{what} is damaged ({damage_detail(error)})") from None
