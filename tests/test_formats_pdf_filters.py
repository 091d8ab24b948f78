"""The PDF filter decoders the bomb check runs, and bombs hidden behind them (issue 29).

Encoded data comes from independent encoders (zlib, base64, binascii, pypdf's LZW codec), so a
decoder that agrees with our own idea of the format could not pass by itself.
"""

from __future__ import annotations

import base64
import binascii
import os
import zlib

import pytest
from pypdf._codecs._codecs import LzwCodec

from reader.formats import pdf_filters, pdf_guard
from reader.formats.limits import LimitExceeded
from tests.helpers.raw_pdf import CATALOG, FONT, pages, raw_pdf, text_page

DATA = os.urandom(3000) + b"abc" * 20_000 + b"\0" * 50_000


def decoded(name: bytes, encoded: bytes, piece: int = 97) -> bytes:
    pieces = iter([encoded[k : k + piece] for k in range(0, len(encoded), piece)])
    return b"".join(pdf_filters.DECODERS[name](pieces, 4096))


def run_length_encode(data: bytes) -> bytes:
    out = bytearray()
    k = 0
    while k < len(data):
        run = 1
        while k + run < len(data) and run < 128 and data[k + run] == data[k]:
            run += 1
        if run > 1:
            out += bytes([257 - run, data[k]])
        else:
            out += bytes([0, data[k]])
        k += run
    return bytes(out + b"\x80")


@pytest.mark.parametrize(
    ("name", "encode"),
    [
        (b"FlateDecode", zlib.compress),
        (b"LZWDecode", lambda d: LzwCodec().encode(d)),
        (b"ASCII85Decode", lambda d: base64.a85encode(d, wrapcol=70) + b"~>"),
        (b"ASCIIHexDecode", lambda d: binascii.hexlify(d) + b">"),
        (b"RunLengthDecode", run_length_encode),
    ],
)
def test_each_decoder_gives_back_what_was_encoded_across_piece_boundaries(name: bytes, encode) -> None:  # type: ignore[no-untyped-def]
    assert decoded(name, encode(DATA) + b"\nendstream trailing bytes") == DATA


def test_filter_names_are_read_in_order_with_abbreviations() -> None:
    assert pdf_filters.stream_filters(b"<< /Length 5 /Filter [/A85 /Fl] >>") == [
        b"ASCII85Decode",
        b"FlateDecode",
    ]
    assert pdf_filters.stream_filters(b"<< /Filter /LZWDecode /Length 9 >>") == [b"LZWDecode"]
    assert pdf_filters.stream_filters(b"<< /Length 9 >>") == []


def _bomb_pdf(encoded: bytes, filters: bytes) -> bytes:
    body = b"<< /Length %d /Filter %s >>\nstream\n" % (len(encoded), filters) + encoded + b"\nendstream"
    return raw_pdf([CATALOG, pages([4]), FONT, text_page(5), body])


@pytest.mark.parametrize(
    ("filters", "encode"),
    [
        (b"[/ASCII85Decode /FlateDecode]", lambda d: base64.a85encode(zlib.compress(d, 9)) + b"~>"),
        (b"[/AHx /Fl]", lambda d: binascii.hexlify(zlib.compress(d, 9)) + b">"),
        (b"/LZWDecode", lambda d: LzwCodec().encode(d)),
        (b"[/FlateDecode /RunLengthDecode]", lambda d: zlib.compress(run_length_encode(d), 9)),
    ],
    ids=["ascii85-flate", "hex-flate", "lzw", "flate-runlength"],
)
def test_a_bomb_behind_any_filter_chain_is_refused_before_pdfium(filters: bytes, encode, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(pdf_guard, "MAX_STREAM_BYTES", 1 << 20)  # a 1 MB limit: a small bomb will do
    with pytest.raises(LimitExceeded, match="a decompression bomb"):
        pdf_guard.check_streams(_bomb_pdf(encode(b"\0" * (2 << 20)), filters))


def test_an_ordinary_stream_behind_the_same_chains_passes(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(pdf_guard, "MAX_STREAM_BYTES", 4 << 20)
    small = b"BT /F1 12 Tf 20 250 Td (Hello) Tj ET" * 100
    pdf_guard.check_streams(_bomb_pdf(base64.a85encode(zlib.compress(small)) + b"~>", b"[/A85 /Fl]"))
    pdf_guard.check_streams(_bomb_pdf(LzwCodec().encode(small), b"/LZW"))
