"""Bytes on disk → decoded text, without asking the user which encoding.

Arabic files in the wild are UTF-8 (with or without BOM), UTF-16 with BOM, or legacy
Windows-1256. Line endings become LF. Offsets are always into the decoded text, so nothing
here may change the text's length behind the segmenter's back: a NUL becomes U+FFFD (one
character for one), and bidi controls are kept (the segmenter looks through them).
"""

from __future__ import annotations

import codecs
import unicodedata
from pathlib import Path

from reader.errors import BadInput
from reader.model import Document
from reader.model.text_builder import build_text_document

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
    """Decode a text file's bytes: BOM first, then strict UTF-8, then Windows-1256.

    Raises :class:`BadInput` for binary data and for files with no text.
    """
    if data.startswith(_BINARY_MAGIC):
        raise BadInput("not a text document")
    text = _decode(data)
    if _looks_binary(text):
        raise BadInput("not a text document")
    text = normalise_text(text)
    if not has_text(text):
        raise BadInput("no text")
    return text


def normalise_text(text: str) -> str:
    """LF line endings, and NUL as U+FFFD (one character for one, so offsets never shift).

    Applied to every text the reader opens: decoded files, pasted or dropped text.
    """
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "\ufffd")


def _decode(data: bytes) -> str:
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return _decode_as(data, "utf-32")
    if data.startswith(codecs.BOM_UTF8):
        return _decode_as(data, "utf-8-sig")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _decode_as(data, "utf-16")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        # Every byte has a meaning in cp1256, so this cannot fail; binary is caught afterwards.
        return data.decode("cp1256", errors="replace")


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


def load_text(path: str | Path) -> str:
    """Read and decode a text file; every failure is a one-line :class:`BadInput`."""
    file = Path(path)
    if not file.exists():
        raise BadInput(f"no such file: {file}")
    if file.is_dir():
        raise BadInput(f"{file} is a folder, not a document")
    try:
        data = file.read_bytes()
    except OSError as error:
        raise BadInput(f"cannot read {file}: {error.strerror or error}") from None
    try:
        return decode_bytes(data)
    except BadInput as error:
        raise BadInput(f"{file.name}: {error}") from None


def load_document(path: str | Path) -> Document:
    """Load, structure and segment a file; the document is named after the file."""
    file = Path(path)
    return build_text_document(load_text(file), name=file.name)
