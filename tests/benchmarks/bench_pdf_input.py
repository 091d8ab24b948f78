"""Benchmark: reading Arabic PDFs — the text layer by geometry, and OCR of scanned pages.

Run: ``.venv/bin/python tests/benchmarks/bench_pdf_input.py [--pages 300] [--ocr-pages 3]``.
Prints
- pages per second reading a 300-page text PDF (fpdf2, shaped Arabic, a running head and page
  numbers) into the document, the best of three runs (target ≥ 30 pages/s on 2 cores), and the
  share of the time spent in PDFium's per-character calls;
- when Tesseract with its Arabic data is installed, seconds per page to OCR pages rendered at
  300 dpi (target ≤ 4 s/page) and the character error rate against the text written.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from tests.benchmarks.bench_formats import write_pdf  # noqa: E402


def text_pdf(pages: int) -> tuple[float, int]:
    """(best pages per second, sentences) reading a *pages*-page PDF."""
    from reader.formats.registry import read_bytes

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "book.pdf"
        write_pdf(path, pages)
        data = path.read_bytes()
    best = float("inf")
    sentences = 0
    for _ in range(3):
        started = time.perf_counter()
        document = read_bytes(data, "book.pdf", ".pdf").document
        best = min(best, time.perf_counter() - started)
        sentences = len(document)
    return pages / best, sentences


def glyph_share(pages: int) -> float:
    """Share of the reading time spent fetching characters and boxes from PDFium."""
    import pypdfium2 as pdfium

    from reader.formats.pdf_glyphs import close, read_glyphs
    from reader.formats.registry import read_bytes

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "book.pdf"
        write_pdf(path, pages)
        data = path.read_bytes()
    pdf = pdfium.PdfDocument(data)
    started = time.perf_counter()
    for number in range(len(pdf)):
        close(read_glyphs(pdf[number]))
    glyphs = time.perf_counter() - started
    pdf.close()
    started = time.perf_counter()
    read_bytes(data, "book.pdf", ".pdf")
    return glyphs / (time.perf_counter() - started)


def ocr_cases() -> None:
    """Seconds per page and character error rates: ours against raw ``tesseract -l ara``."""
    import os

    import pytesseract

    from reader.formats import ocr
    from reader.formats.registry import read_bytes
    from tests.test_formats_pdf_ocr import TEXT, character_error_rate, page_image, scanned_pdf

    try:
        ocr.check_available()
    except ocr.OcrUnavailable as missing:
        print(f"OCR: skipped ({missing})")
        return
    expected = " ".join(TEXT)
    for dpi, noisy in ((300, False), (200, True)):
        image = page_image(dpi, noisy=noisy)
        data = scanned_pdf(image)
        with tempfile.TemporaryDirectory() as cache:
            os.environ["BIREADER_CACHE_DIR"] = cache
            started = time.perf_counter()
            document = read_bytes(data, "scan.pdf", ".pdf").document
            seconds = time.perf_counter() - started
            started = time.perf_counter()
            read_bytes(data, "scan.pdf", ".pdf")
            cached = time.perf_counter() - started
        ours = character_error_rate(" ".join(s.text for s in document.iter_segments()), expected)
        raw = character_error_rate(pytesseract.image_to_string(image, lang="ara"), expected)
        label = f"{dpi} dpi" + (", 1° turn, 1 % specks" if noisy else "")
        print(
            f"OCR {label}: {seconds:.1f} s/page (reopened from the cache: {cached:.2f} s), "
            f"CER {ours:.2%} (raw tesseract -l ara: {raw:.2%})"
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=300)
    args = parser.parse_args()
    rate, sentences = text_pdf(args.pages)
    print(f"text PDF: {args.pages} pages, {sentences} sentences, {rate:.1f} pages/s (best of 3)")
    print(f"  PDFium character calls: {glyph_share(60):.0%} of the time (60 pages)")
    ocr_cases()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
