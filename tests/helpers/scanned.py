"""A scanned PDF whose OCR says exactly what a test wants, with the confidence it wants.

Tesseract is replaced (monkeypatched), so the reader's own path from page image to blocks runs
without Tesseract installed; the page is a filled rectangle, a PDF with no text layer.
"""

from __future__ import annotations

import pytest
from fpdf import FPDF

from reader.formats import ocr
from reader.formats.registry import read_bytes
from reader.model import Document


def scanned_document(monkeypatch: pytest.MonkeyPatch, paragraphs: list[tuple[str, float]]) -> Document:
    """The document read from a one-page scan whose OCR gives *paragraphs* (text, confidence)."""
    read = [ocr.OcrParagraph(text, confidence) for text, confidence in paragraphs]
    monkeypatch.setattr(ocr, "check_available", lambda: None)
    monkeypatch.setattr(ocr, "_tesseract", lambda _image: read)
    pdf = FPDF()
    pdf.add_page()
    pdf.rect(20, 20, 100, 150, style="F")
    return read_bytes(bytes(pdf.output()), "scan.pdf", ".pdf").document
