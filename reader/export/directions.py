"""How text extractors without a bidi algorithm see characters, and which text needs an Arabic font.

Extractors such as pypdf decide a character's direction by its code point block alone: Hebrew and
Arabic blocks read right to left, ASCII punctuation, digits of the Arabic-Indic kinds and general
punctuation are neutral, everything else reads left to right. :mod:`reader.export.pdf_text` uses
this to cut lines into pieces those extractors read back correctly.
"""

from __future__ import annotations

import functools
from typing import Literal

# Code points that naive extractors treat as right-to-left (Hebrew, Arabic, Syriac, Thaana,
# N'Ko and the Arabic presentation forms) and those they treat as direction-neutral.
_RTL_BLOCKS = ((0x0590, 0x08FF), (0xFB1D, 0xFDFF), (0xFE70, 0xFEFF))
_NEUTRAL_BLOCKS = (
    (0x00, 0x2F),  # controls, space, ASCII punctuation before the digits
    (0x3A, 0x40),  # : ; < = > ? @
    (0x0660, 0x066D),  # Arabic-Indic digits and separators
    (0x06F0, 0x06F9),  # extended Arabic-Indic digits
    (0x2000, 0x206F),  # general punctuation: dashes, quotes, ellipsis, bidi marks
    (0x20A0, 0x21FF),  # currency, letter-like symbols, arrows
)


@functools.cache
def extractor_direction(char: str) -> Literal["R", "L", "N"]:
    """How a text extractor without a bidi algorithm classifies ``char``: by code point block."""
    code = ord(char)
    if any(low <= code <= high for low, high in _NEUTRAL_BLOCKS):
        return "N"
    if any(low <= code <= high for low, high in _RTL_BLOCKS):
        return "R"
    return "L"


def has_rtl_letters(text: str) -> bool:
    """True if ``text`` holds any Hebrew or Arabic character (so it needs a font that has them)."""
    return any(extractor_direction(c) == "R" for c in text)
