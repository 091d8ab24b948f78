"""Marked content around text objects: a boundary for pdf.js, and text that MuPDF alone reads.

Two readers honour ``/ActualText`` (PDF 32000 14.9.4): PDFium and MuPDF; pypdf and pdf.js ignore
it. A direct string goes to both, and they disagree on what to do with it. PDFium runs its bidi
over the replacement and mirrors brackets in it as it does glyph text (``«`` comes back ``»``),
and a whole right-to-left run given in logical order comes back reversed; MuPDF compares the
replacement with the glyphs' text and substitutes only where they differ. But PDFium reads
``/ActualText`` only as a string held in the property list itself
(``CPDF_Dictionary::GetStringFor`` does not follow a reference), while MuPDF follows one
(``pdf_dict_get``). So a replacement held as an indirect string, in a property list named in
the page's ``/Properties``, is read by MuPDF alone, and every other reader reads the glyphs.

That is what :func:`begin_mupdf_text` writes. MuPDF gives every text object a bidi level from
its first strong character and adds an object that starts with a vowel mark at the previous
glyph's pen, so after the marks of a word's last letter, read apart (see
:mod:`reader.export.pdf_glyphs`), a ``!`` or ``»`` begins a new line («جَمِيلٍ\\n!»), and it
reads Arabic-Indic digits, each drawn on its own, as right-to-left letters written in visual
order, which it reverses («٥٤٩١»). Text MuPDF takes from a replacement instead is added to the
line where the replacement starts, in the replacement's order: the marks' object carries the
marks and the ``!``, the number's first digit the whole number, and the objects whose text
moved there carry an empty replacement (MuPDF drops their glyphs' text).

pdf.js ignores ``/ActualText`` but ends a text item at every marked-content boundary:
:func:`begin_item` around the invisible marks of a word's last letter keeps pdf.js from
reading them before the word («ٍجَمِيل»).
"""

from __future__ import annotations

from fpdf import FPDF
from fpdf.enums import PDFResourceType

PROPERTY_PREFIX = "RT"
"""Names of the property lists that hold a replacement: ``/RT1``, ``/RT2``..."""


def mupdf_texts(pdf: FPDF) -> dict[str, str]:
    """The document's replacements by property-list name (what the output producer writes)."""
    found: dict[str, str] | None = getattr(pdf, "_mupdf_texts", None)
    if found is None:
        found = {}
        pdf._mupdf_texts = found  # type: ignore[attr-defined]
    return found


def begin_mupdf_text(pdf: FPDF, text: str) -> None:
    """Start text objects that MuPDF reads as ``text`` (empty: as nothing); close with :func:`end`."""
    texts = mupdf_texts(pdf)
    name = f"{PROPERTY_PREFIX}{len(texts) + 1}"
    texts[name] = text
    pdf._resource_catalog.add(PDFResourceType.PROPERTIES, name, pdf.page)
    pdf._out(f"/Span /{name} BDC")


def begin_item(pdf: FPDF) -> None:
    """Start a marked-content sequence with no properties: a text item boundary for pdf.js."""
    pdf._out("/Span BMC")


def end(pdf: FPDF) -> None:
    pdf._out("EMC")
