"""Bytes on disk → decoded text, without asking the user which encoding.

Arabic files in the wild are UTF-8 (with or without BOM), UTF-16 with BOM, or legacy
Windows-1256. A few invalid bytes in an otherwise UTF-8 file are damage, not a different
encoding: they become U+FFFD and one warning says how many. Windows-1256 is chosen only when the
evidence says so: at least as many invalid UTF-8 sequences as valid non-ASCII characters, which is
what Arabic in Windows-1256 looks like to a UTF-8 decoder. Line endings become LF. Offsets are
always into the decoded text, so nothing here may change the text's length behind the
segmenter's back: a NUL becomes U+FFFD (one character for one), and bidi controls are kept (the
segmenter looks through them).
"""

from __future__ import annotations

import codecs
import unicodedata

from reader.errors import BadInput

_REPLACEMENT = "\ufffd"
_ENCODED_REPLACEMENT = _REPLACEMENT.encode("utf-8")

# Bytes that announce well-known binary formats people drop on readers by mistake.
_BINARY_MAGIC = (
    b"%PDF-",
    b"PK\x03\x04",
    b"\x89PNG",
    b"\xff\xd8\xff",
    b"GIF8",
    b"\x7fELF",
    b"\xd0\xcf\x11\xe0",
)
# C0 controls other than tab, LF, VT, FF, CR, ESC: more than a few percent means "not text".
_CONTROL_CHARS = frozenset(chr(c) for c in range(32) if chr(c) not in "\t\n\x0b\x0c\r\x1b")
_BINARY_CONTROL_RATIO = 0.05
_SAMPLE_CHARS = 64 * 1024


def decode_bytes(data: bytes) -> str:
    """Decode a text file's bytes (see :func:`decode_counting`), dropping the count of damaged bytes."""
    return decode_counting(data)[0]


def decode_counting(data: bytes) -> tuple[str, int]:
    """Decode a text file's bytes: BOM first, then UTF-8, then (on evidence) Windows-1256.

    Returns the text and the number of invalid UTF-8 sequences shown as U+FFFD (0 if none).
    Raises :class:`BadInput` for binary data and for files with no text.
    """
    if data.startswith(_BINARY_MAGIC):
        raise BadInput("not a text document")
    text, damaged = _decode(data)
    if _looks_binary(text):
        raise BadInput("not a text document")
    text = normalise_text(text)
    if not has_text(text):
        raise BadInput("no text")
    return text, damaged


def normalise_text(text: str) -> str:
    """LF line endings, and NUL as U+FFFD (one character for one, so offsets never shift).

    Applied to every text the reader opens: decoded files, pasted or dropped text.
    """
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "\ufffd")


def _decode(data: bytes) -> tuple[str, int]:
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return _decode_as(data, "utf-32"), 0
    if data.startswith(codecs.BOM_UTF8):
        return _decode_as(data, "utf-8-sig"), 0
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _decode_as(data, "utf-16"), 0
    try:
        return data.decode("utf-8"), 0
    except UnicodeDecodeError:
        pass
    text = data.decode("utf-8", errors="replace")
    damaged = text.count(_REPLACEMENT) - data.count(_ENCODED_REPLACEMENT)
    valid_non_ascii = len(text) - len(text.encode("ascii", errors="ignore")) - damaged
    if damaged >= valid_non_ascii:
        # Every byte has a meaning in cp1256, so this cannot fail; binary is caught afterwards.
        return data.decode("cp1256", errors="replace"), 0
    return text, damaged


def _decode_as(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        raise BadInput(f"not a text document: invalid {encoding} at byte {error.start}") from None


def _looks_binary(text: str) -> bool:
    sample = text[:_SAMPLE_CHARS]
    if not sample:
        return False
    controls = sum(1 for ch in sample if ch in _CONTROL_CHARS)
    return controls / len(sample) > _BINARY_CONTROL_RATIO


def has_text(text: str) -> bool:
    """True when *text* has a visible character: not only whitespace and format controls."""
    return any(not ch.isspace() and unicodedata.category(ch) != "Cf" for ch in text)
