"""What a document may make the reader do: each limit a named constant, each refusal one line.

A few kilobytes can ask for hours of work: a Markdown table of 10 000 columns (markdown-it made
1.3 GB of tokens), an HTML tag with 100 000 attributes (libxml2's HTML parser compares each
attribute with the ones before it), a paragraph of millions of characters that would be one row
on screen. Each check here runs before the expensive step, is linear in the input, and refuses
with a line naming the limit (:class:`LimitExceeded`, exit 2) and, where a person may
reasonably want more, how to raise it. Imports nothing heavy.

The numbers below were measured on this project's 2-core CI machine (see the comments).
"""

from __future__ import annotations

import re

from reader.formats.damage import Refused
from reader.input_file import limit_from_env

# markdown-it: 100 000 cells took 1.8 s and 156 MB, 2 000 000 (the attack) ~40 s and >1.3 GB.
MAX_TABLE_CELLS = 50_000
# markdown-it reads each "[" as a possible link label: "![" × 100 000 took 3.6 s, × 500 000 20.9 s
# (prose: 0.65 s per million characters). A book with 100 000 links is rare; the attack is not.
MAX_LINK_BRACKETS = 100_000
# libxml2's HTML parser: 20 000 attributes on one element took 0.59 s, 100 000 about 15 s
# (quadratic); real pages have a handful, generated ones a few dozen.
MAX_ATTRIBUTES = 1_000
# One block (paragraph, cell, preformatted text) of a structured document: a heading or code
# block is one row on screen, and a row of millions of characters stalls the view.
MAX_BLOCK_CHARS = 1_000_000
# A whole document: 10 M characters of Arabic prose took 4.7 s and 240 MB to structure and
# segment, 58 M (a 100 MB text file) 20.9 s and 1.39 GB; a 200 MB text file is ~110 M characters
# (~45 s, ~2.7 GB). 30 M is about 11 s and 700 MB.
DEFAULT_MAX_DOCUMENT_CHARS = 30_000_000
MAX_CHARS_VARIABLE = "BIREADER_MAX_CHARS"
# ODT ``<text:s text:c="N"/>``: N spaces; more than this is damage or an attack, never layout.
MAX_SPACES = 1_000

# A start tag with its attributes; quoted values may hold ">" (and hide attributes after it).
_TAG = re.compile(r"<[A-Za-z](?:[^>\"']|\"[^\"]*\"|'[^']*')*")
_QUOTED = re.compile(r"\"[^\"]*\"|'[^']*'")
_ATTRIBUTE = re.compile(r"[\s/]+[^\s=/>]")


class LimitExceeded(Refused):
    """A document over one of the limits above (exit code 2, a message box)."""


def max_document_chars() -> int:
    """``$BIREADER_MAX_CHARS`` if set to a positive number, else :data:`DEFAULT_MAX_DOCUMENT_CHARS`."""
    return int(limit_from_env(MAX_CHARS_VARIABLE, DEFAULT_MAX_DOCUMENT_CHARS, "characters"))


def check_document_chars(count: int, *, at_least: bool = False) -> None:
    """Refuse a document of more characters than :func:`max_document_chars` (*count* is a lower
    bound when *at_least*: bytes not yet decoded)."""
    limit = max_document_chars()
    if count > limit:
        raise LimitExceeded(
            f"the document has {'at least ' if at_least else ''}{count:,} characters, more than the limit of {limit:,} "
            f"(set {MAX_CHARS_VARIABLE} to raise it)"
        )


def check_block_chars(count: int) -> None:
    if count > MAX_BLOCK_CHARS:
        raise LimitExceeded(
            f"a paragraph has {count:,} characters, more than the limit of {MAX_BLOCK_CHARS:,} per paragraph"
        )


def check_markdown(text: str) -> None:
    """Refuse, before markdown-it sees it, Markdown with more than :data:`MAX_LINK_BRACKETS` ``[``
    or a table of more than :data:`MAX_TABLE_CELLS` cells.

    A table is a run of lines that hold ``|``; its cells are counted as pipes plus one per line
    (an over-count for escaped pipes, never an under-count)."""
    brackets = text.count("[")
    if brackets > MAX_LINK_BRACKETS:
        raise LimitExceeded(
            f"the text has {brackets:,} '[' (links and images), more than the limit of {MAX_LINK_BRACKETS:,}"
        )
    cells = 0
    for line in text.split("\n"):
        pipes = line.count("|")
        cells = cells + pipes + 1 if pipes else 0
        if cells > MAX_TABLE_CELLS:
            raise LimitExceeded(f"a table has more than {MAX_TABLE_CELLS:,} cells, the limit per table")


def check_attributes(markup: str | bytes) -> None:
    """Refuse markup with an element of more than :data:`MAX_ATTRIBUTES` attributes (a linear
    scan before the parser sees it: libxml2's HTML parser is quadratic in them)."""
    text = markup.decode("latin-1") if isinstance(markup, bytes) else markup  # tags are ASCII
    shortest = 2 * MAX_ATTRIBUTES  # " a" per attribute at least
    for match in _TAG.finditer(text):
        tag = match.group()
        if len(tag) <= shortest:
            continue
        found = len(_ATTRIBUTE.findall(_QUOTED.sub("", tag)))
        if found > MAX_ATTRIBUTES:
            raise LimitExceeded(
                f"an element has {found:,} attributes, more than the limit of {MAX_ATTRIBUTES:,} per element"
            )
