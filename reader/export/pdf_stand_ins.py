"""Glyphs that stand, invisible, for other text: a full stop whose ink sits on the baseline.

PDFium skips a text object whose glyphs have no ink (a space's box is empty) and puts one whose
box lies above the line's on a line of its own. Where text has to be read apart, invisible, a
glyph with a small box on the baseline carries it: its ToUnicode entry says what it stands for
(a space, a Quranic pause sign), and render mode 3 keeps it off the page.
"""

from __future__ import annotations

import dataclasses

from fpdf import FPDF
from fpdf.enums import PDFResourceType
from fpdf.fonts import Glyph, TTFFont


def full_stop(font: TTFFont) -> Glyph | None:
    """The font's full stop glyph (ink on the baseline), to stand for other text, invisible."""
    name = (font.ttfont.getBestCmap() or {}).get(ord("."))
    if name is None:
        return None
    width = font.ttfont["hmtx"][name][0] * 1000 // font.ttfont["head"].unitsPerEm
    return Glyph(font.ttfont.getGlyphID(name), (ord("."),), name, width)


def space_apart(pdf: FPDF, *, x: float, baseline: float) -> None:
    """An invisible space at (``x``, ``baseline``) in mm, in the current font, that PDFium does not skip.

    PDFium drops a text object whose glyphs have no ink (a space's box is empty), so the space is
    the font's full stop glyph standing for U+0020: what it reads is a space, and nothing shows.
    """
    font = pdf.current_font
    if not isinstance(font, TTFFont):
        raise TypeError("the glyph writer draws TrueType fonts only")
    stop = full_stop(font)
    if stop is None:
        return
    code = font.subset.pick_glyph(dataclasses.replace(stop, unicode=(0x20,)))
    size = float(pdf.font_size_pt)
    k = pdf.k
    pdf._resource_catalog.add(PDFResourceType.FONT, font.i, pdf.page)
    pdf._out(
        f"q BT 3 Tr /F{font.i} {size:.2f} Tf {x * k:.2f} {(pdf.h - baseline) * k:.2f} Td [<{code:04X}>] TJ ET Q"
    )
    pdf.current_font_is_set_on_page = False
