"""Hand-made PDFs for hostile-input tests: object bodies in, a file with a correct xref table out.

Object 1 is the catalog and object 2 the page tree; :func:`text_page` and :func:`content` make a
page that shows one line of Helvetica text (object 3 is the font, :data:`FONT`).
"""

from __future__ import annotations

import zlib

CATALOG = b"<< /Type /Catalog /Pages 2 0 R >>"
FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"


def raw_pdf(objects: list[bytes]) -> bytes:
    """A PDF of these object bodies, numbered from 1 in order."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def pages(kids: list[int], count: int | None = None) -> bytes:
    refs = b" ".join(b"%d 0 R" % k for k in kids)
    return b"<< /Type /Pages /Kids [%s] /Count %d >>" % (refs, len(kids) if count is None else count)


def text_page(content_ref: int) -> bytes:
    return (
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 300] /Contents %d 0 R"
        b" /Resources << /Font << /F1 3 0 R >> >> >>" % content_ref
    )


def content(text: bytes) -> bytes:
    """A content stream showing *text* (ASCII) on one line."""
    return stream(b"BT /F1 12 Tf 20 250 Td (" + text + b") Tj ET")


def stream(data: bytes, *, flate: int = 0) -> bytes:
    """A stream object's body, compressed *flate* times with /FlateDecode."""
    for _ in range(flate):
        data = zlib.compress(data, 9)
    filters = b" /Filter [%s]" % b" ".join([b"/FlateDecode"] * flate) if flate else b""
    return b"<< /Length %d%s >>\nstream\n" % (len(data), filters) + data + b"\nendstream"


def zero_bomb(megabytes: int) -> bytes:
    """*megabytes* MiB of zeros deflated (about 1 KB per MiB; ~3 s per GiB to build)."""
    compressor = zlib.compressobj(9)
    block = b"\0" * (1 << 20)
    parts = [compressor.compress(block) for _ in range(megabytes)]
    return b"".join([*parts, compressor.flush()])
