"""Guards around PDFium for PDFs someone else made: bombs refused before it sees them, damaged
pages skipped.

PDFium is C++ in our process: a content stream that inflates to 1 GiB made it abort the whole
interpreter (exit 134, nothing on stderr) under a 2 GB address-space limit, and no ``except``
can catch that. So :func:`check_streams` decodes every stream of the file through its filter
chain first (Flate, LZW, RunLength, and the ASCII85 / ASCIIHex a bomb may hide behind:
:mod:`reader.formats.pdf_filters`), chunk by chunk and discarding the output, and refuses the
PDF if one stream decodes past :data:`MAX_STREAM_BYTES` or all of them together past
:data:`MAX_INFLATED_BYTES`; only then is it handed to PDFium. :func:`read_pages` reads pages one by one: a page PDFium cannot load (a page
tree that loops, a page list that contains itself, a damaged page object) is skipped with one
warning if other pages read, and the file refused in one line if none does.

An image filter (DCT, JPX, JBIG2, CCITT) ends the chain: what comes before it is counted, the
pixels it makes are bounded by the image's own size.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Callable, Iterator, Sequence
from itertools import takewhile
from typing import TypeVar

from reader.display import one_line
from reader.formats.damage import Refused, is_damage
from reader.formats.limits import LimitExceeded
from reader.formats.pdf_filters import DECODERS, stream_filters

MAX_STREAM_BYTES = 256 * 1024 * 1024  # one stream, inflated (a 600 dpi A4 colour scan is ~100 MB)
MAX_INFLATED_BYTES = 2 * 1024 * 1024 * 1024  # all streams together (zlib: ~1 s per GB here)
MAX_PAGES = 20_000
_CHUNK = 256 * 1024
_DICTIONARY_REACH = 16 * 1024  # bytes before ``stream`` searched for the stream's /Filter
_STREAM = re.compile(rb">>\s*stream\r?\n")
_OBJ = re.compile(rb"\bobj\b")
_EXPANDING = {b"FlateDecode", b"LZWDecode", b"RunLengthDecode"}
_MAX_CHAIN = 6  # filters decoded in one chain (a real one has one or two)
_MB = 1024 * 1024

T = TypeVar("T")


def check_streams(data: bytes) -> None:
    """Refuse (one line) a PDF whose streams decode past the limits, before PDFium sees it."""
    total = 0
    for match in _STREAM.finditer(data):
        start = max(0, match.start() - _DICTIONARY_REACH)
        head = data[start : match.start()]
        objects = list(_OBJ.finditer(head))
        dictionary = head[objects[-1].end() :] if objects else head
        chain = list(takewhile(lambda name: name in DECODERS, stream_filters(dictionary)))
        if any(name in _EXPANDING for name in chain):
            total += _decoded_size(data, match.end(), chain[:_MAX_CHAIN], MAX_INFLATED_BYTES - total)


def _decoded_size(data: bytes, start: int, chain: list[bytes], budget: int) -> int:
    """Bytes the stream at *start* decodes to through *chain*, counted chunk by chunk and never
    held (a damaged stream counts what came out before the damage); refused past the limits."""
    pieces: Iterator[bytes] = (data[k : k + _CHUNK] for k in range(start, len(data), _CHUNK))
    for name in chain:
        pieces = DECODERS[name](pieces, _CHUNK)
    size = 0
    try:
        for piece in pieces:
            size += len(piece)
            if size > MAX_STREAM_BYTES:
                raise LimitExceeded(
                    f"the PDF has a stream that inflates to more than {MAX_STREAM_BYTES // _MB} MB, "
                    "the limit per stream (a decompression bomb?)"
                )
            if size > budget:
                raise LimitExceeded(
                    f"the PDF's streams inflate to more than {MAX_INFLATED_BYTES // _MB} MB together, "
                    "the limit per document (a decompression bomb?)"
                )
    except zlib.error:
        pass  # damaged or encrypted: PDFium decides what it can read of it
    return size


def read_pages(
    count: int,
    read_page: Callable[[int], T],
    empty: T,
    progress: Callable[[float], None] | None = None,
) -> tuple[list[T], tuple[str, ...]]:
    """``read_page(k)`` for every page index; a page that fails as damaged gives *empty* and one
    warning names the pages skipped. Refused when none reads or there are over :data:`MAX_PAGES`."""
    if count > MAX_PAGES:
        raise LimitExceeded(f"the PDF has {count:,} pages, more than the limit of {MAX_PAGES:,}")
    pages: list[T] = []
    skipped: list[int] = []
    last_error = ""
    for number in range(count):
        if progress is not None and number % 10 == 0:
            progress(number / max(count, 1))
        try:
            pages.append(read_page(number))
        except Exception as error:
            if not is_damage(error):
                raise
            skipped.append(number + 1)
            last_error = one_line(str(error)) or type(error).__name__
            pages.append(empty)
    if count and len(skipped) == count:
        raise Refused(f"the PDF is damaged: none of its {count:,} page(s) can be read ({last_error})")
    return pages, _skipped_warning(skipped)


def _skipped_warning(skipped: Sequence[int]) -> tuple[str, ...]:
    """One warning naming the pages skipped (the caller puts the file's name in front)."""
    if not skipped:
        return ()
    shown = ", ".join(str(n) for n in skipped[:10]) + (", …" if len(skipped) > 10 else "")
    return (f"{len(skipped)} damaged page(s) skipped ({shown})",)
