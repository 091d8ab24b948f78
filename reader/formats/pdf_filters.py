"""Streaming decoders for the PDF filters a decompression bomb can hide behind, to count (never
keep) what a stream decodes to before PDFium sees it (:mod:`reader.formats.pdf_guard`).

Each decoder takes an iterator of byte pieces and yields decoded pieces of at most ``chunk``
bytes, stopping at its end-of-data mark. Only what a bomb needs is decoded: Flate, LZW and
RunLength expand; ASCII85 and ASCIIHex only shrink but often come first in a chain
(``[/ASCII85Decode /FlateDecode]``), so they are decoded too. Image filters (DCT, JPX, JBIG2,
CCITT) decode to bounded pixels and end a chain: what comes before them is counted.
"""

from __future__ import annotations

import base64
import binascii
import re
import zlib
from collections.abc import Callable, Iterable, Iterator

Pieces = Iterator[bytes]
ABBREVIATIONS = {
    b"Fl": b"FlateDecode",
    b"LZW": b"LZWDecode",
    b"RL": b"RunLengthDecode",
    b"A85": b"ASCII85Decode",
    b"AHx": b"ASCIIHexDecode",
}
_NAME = re.compile(rb"/([A-Za-z0-9]+)")
_FILTER = re.compile(rb"/Filter\s*(\[[^\]]*\]|/[A-Za-z0-9]+)")


def stream_filters(dictionary: bytes) -> list[bytes]:
    """The stream dictionary's /Filter names in order, abbreviations spelled out ([] if none)."""
    found = _FILTER.search(dictionary)
    if found is None:
        return []
    return [ABBREVIATIONS.get(name, name) for name in _NAME.findall(found.group(1))]


def flate(pieces: Iterable[bytes], chunk: int) -> Pieces:
    decoder = zlib.decompressobj()
    for piece in pieces:
        while piece and not decoder.eof:
            produced = decoder.decompress(piece, chunk)
            piece = decoder.unconsumed_tail
            if produced:
                yield produced
        if decoder.eof:
            return


def _until(pieces: Iterable[bytes], end: bytes, limit: int) -> bytes:
    """The bytes before *end* (or all, up to *limit*): an ASCII filter's whole input."""
    held = bytearray()
    for piece in pieces:
        at = piece.find(end)
        if at >= 0:
            held += piece[:at]
            break
        held += piece
        if len(held) > limit:
            break
    return bytes(held)


def ascii85(pieces: Iterable[bytes], chunk: int) -> Pieces:
    text = re.sub(rb"\s", b"", _until(pieces, b"~>", 64 * chunk * 1024))
    try:
        decoded = base64.a85decode(text.removeprefix(b"<~"))
    except ValueError:
        return
    yield from (decoded[k : k + chunk] for k in range(0, len(decoded), chunk))


def ascii_hex(pieces: Iterable[bytes], chunk: int) -> Pieces:
    text = re.sub(rb"[^0-9A-Fa-f]", b"", _until(pieces, b">", 64 * chunk * 1024))
    try:
        decoded = binascii.unhexlify(text + b"0" * (len(text) % 2))
    except binascii.Error:
        return
    yield from (decoded[k : k + chunk] for k in range(0, len(decoded), chunk))


def run_length(pieces: Iterable[bytes], chunk: int) -> Pieces:
    out = bytearray()
    pending = b""
    for piece in pieces:
        data, k = pending + piece, 0
        while k < len(data):
            length = data[k]
            if length == 128:
                if out:
                    yield bytes(out)
                return
            if length < 128:
                if k + 1 + length + 1 > len(data):
                    break
                out += data[k + 1 : k + 2 + length]
                k += 2 + length
            else:
                if k + 1 >= len(data):
                    break
                out += data[k + 1 : k + 2] * (257 - length)
                k += 2
            if len(out) >= chunk:
                yield bytes(out)
                out.clear()
        pending = data[k:]
    if out:
        yield bytes(out)


def lzw(pieces: Iterable[bytes], chunk: int) -> Pieces:
    """PDF's LZWDecode (EarlyChange 1): codes of 9 to 12 bits, 256 clears, 257 ends."""
    table = [bytes([i]) for i in range(256)] + [b"", b""]
    width, previous = 9, b""
    bits, count = 0, 0
    out = bytearray()
    for piece in pieces:
        for byte in piece:
            bits, count = (bits << 8) | byte, count + 8
            while count >= width:
                count -= width
                code = (bits >> count) & ((1 << width) - 1)
                bits &= (1 << count) - 1
                if code == 256:
                    table, width, previous = table[:258], 9, b""
                    continue
                if code == 257:
                    if out:
                        yield bytes(out)
                    return
                if code < len(table):
                    entry = table[code]
                    if previous:
                        table.append(previous + entry[:1])
                elif previous:
                    entry = previous + previous[:1]
                    table.append(entry)
                else:
                    return  # damaged: PDFium decides what it can read of it
                out += entry
                previous = entry
                if len(table) + 1 >= (1 << width) and width < 12:
                    width += 1
                if len(out) >= chunk:
                    yield bytes(out)
                    out.clear()
    if out:
        yield bytes(out)


DECODERS: dict[bytes, Callable[[Iterable[bytes], int], Pieces]] = {
    b"FlateDecode": flate,
    b"LZWDecode": lzw,
    b"RunLengthDecode": run_length,
    b"ASCII85Decode": ascii85,
    b"ASCIIHexDecode": ascii_hex,
}
