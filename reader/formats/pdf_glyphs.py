"""A PDF page's characters with their boxes, as the content stream holds them (PDFium, raw calls).

PDFium's own text (``get_text_range``) is ordered by its guesses: for right-to-left lines it is
the stream's order, visual for some producers and logical for others, with spaces it made up. The
geometry does not lie, so this module reads each character's code point and its *loose* box (the
advance box from the font's ascent and descent: a vowel mark sits on its letter's line, a space
has its width) and leaves ordering to :mod:`reader.formats.pdf_lines`. Characters PDFium
generated (line breaks, guessed spaces) are skipped; control, zero-width and private-use
characters that a producer's ToUnicode map gives are dropped, counted as garbage when private.
The raw calls are used because the wrapped ones cost about three times as much per character.
"""

from __future__ import annotations

import ctypes
import unicodedata
from dataclasses import dataclass

import pypdfium2 as pdfium
import pypdfium2.raw as raw

_DROP_CATEGORIES = frozenset(("Cc", "Cf", "Cs", "Co", "Cn"))
# Format characters that are drawn: the Arabic number signs and the end of an ayah («۝١»).
_VISIBLE_FORMAT = frozenset("\u0600\u0601\u0602\u0603\u0604\u0605\u06dd\u070f\u08e2")


@dataclass(slots=True)
class Glyph:
    """One character (or a ligature's characters) and its loose box in PDF points."""

    text: str
    left: float
    right: float
    bottom: float
    top: float
    base: float  # the baseline: the y of the glyph's origin
    index: int = 0  # the character index in PDFium's text page
    x: float = 0.0  # the x of the glyph's origin


@dataclass(slots=True)
class PageGlyphs:
    glyphs: list[Glyph]
    width: float
    height: float
    garbage: int  # private-use or unmapped characters: a broken ToUnicode map
    textpage: pdfium.PdfTextPage | None = None  # kept open for font sizes; see :func:`close`


def _dropped(ch: str) -> bool:
    return ch == "\ufffd" or (unicodedata.category(ch) in _DROP_CATEGORIES and ch not in _VISIBLE_FORMAT)


def read_glyphs(page: pdfium.PdfPage) -> PageGlyphs:
    """Every real character of *page* (spaces included) with its loose box and baseline; the text
    page stays open for font sizes."""
    textpage = page.get_textpage()
    handle = textpage.raw
    count = raw.FPDFText_CountChars(handle)
    rect = raw.FS_RECTF()
    pointer = ctypes.byref(rect)
    x, y = ctypes.c_double(), ctypes.c_double()
    x_pointer, y_pointer = ctypes.byref(x), ctypes.byref(y)
    origin = raw.FPDFText_GetCharOrigin
    get_unicode = raw.FPDFText_GetUnicode
    loose_box = raw.FPDFText_GetLooseCharBox
    is_generated = raw.FPDFText_IsGenerated
    unmapped = raw.FPDFText_HasUnicodeMapError
    glyphs: list[Glyph] = []
    garbage = 0
    codes = _all_codes(handle, count)
    for index in range(count):
        code = codes[index] if codes is not None else get_unicode(handle, index)
        if code in (10, 13) or (code == 32 and is_generated(handle, index)):
            continue
        ch = chr(code) if code < 0x110000 else "\ufffd"
        if not (32 <= code < 127 or 0x600 <= code < 0x700) and unmapped(handle, index) == 1:
            ch = "\ufffd"  # the font's code, for want of a ToUnicode entry: not text
        if _dropped(ch):
            if ch == "\ufffd" or unicodedata.category(ch) == "Co":
                garbage += 1
            continue
        if not loose_box(handle, index, pointer) or not origin(handle, index, x_pointer, y_pointer):
            continue
        glyphs.append(Glyph(ch, rect.left, rect.right, rect.bottom, rect.top, y.value, index, x.value))
    return PageGlyphs(glyphs, page.get_width(), page.get_height(), garbage, textpage)


def _all_codes(handle: object, count: int) -> list[int] | None:
    """Every character's code point in one call (a third of the per-character calls saved), or
    None when the page holds characters outside the BMP (UTF-16 pairs would shift the indexes)."""
    if count <= 0:
        return []
    buffer = ctypes.create_string_buffer(2 * (count + 1))
    written = raw.FPDFText_GetText(handle, 0, count, ctypes.cast(buffer, ctypes.POINTER(ctypes.c_ushort)))
    units = memoryview(buffer.raw[: 2 * max(written - 1, 0)]).cast("H").tolist()
    if len(units) != count or any(0xD800 <= unit < 0xE000 for unit in units):
        return None
    return units


def font_size(page: PageGlyphs, glyph: Glyph) -> float:
    """*glyph*'s font size as drawn, in points: the size set in the stream scaled by the
    character's matrix (browsers set 17.33 "px" under a 0.75 scale); the height of its loose box
    (ascent to descent, about the size) when the page is closed."""
    if page.textpage is None:
        return glyph.top - glyph.bottom
    handle = page.textpage.raw
    matrix = raw.FS_MATRIX()
    if not raw.FPDFText_GetMatrix(handle, glyph.index, ctypes.byref(matrix)):
        return float(raw.FPDFText_GetFontSize(handle, glyph.index))
    scale: float = abs(float(matrix.a * matrix.d - matrix.b * matrix.c)) ** 0.5
    return float(raw.FPDFText_GetFontSize(handle, glyph.index)) * scale


def ink_box(page: PageGlyphs, glyph: Glyph) -> tuple[float, float, float, float]:
    """*glyph*'s ink (left, right, bottom, top: PDFium's tight box, from the outline), which tells
    which letter a vowel mark sits on where advance boxes overlap; the loose box when the page is
    closed or the glyph has no ink."""
    if page.textpage is not None:
        left, right, bottom, top = (ctypes.c_double() for _ in range(4))
        found = raw.FPDFText_GetCharBox(
            page.textpage.raw,
            glyph.index,
            ctypes.byref(left),
            ctypes.byref(right),
            ctypes.byref(bottom),
            ctypes.byref(top),
        )
        if found and right.value > left.value:
            return left.value, right.value, bottom.value, top.value
    return glyph.left, glyph.right, glyph.bottom, glyph.top


def close(page: PageGlyphs) -> None:
    if page.textpage is not None:
        page.textpage.close()
        page.textpage = None
