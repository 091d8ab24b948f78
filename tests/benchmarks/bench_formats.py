"""Benchmark: opening books in the new formats.

Run: ``.venv/bin/python tests/benchmarks/bench_formats.py [--words 100000] [--pages 300]``.
Prints
- a 100 000-word EPUB (40 chapters) read headless (``open_document``);
- the same EPUB opened in the real window (offscreen, a fake translator so no model loads): the
  time from File ▸ Open (``open_path``) to the document on screen with both panes painted
  (target ≤ 1 s), and the longest event-loop stall meanwhile;
- a 300-page text PDF (fpdf2, Arabic with shaping) extracted into the document (target ≤ 10 s).
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from tests.helpers.arabic_words import WORDS  # noqa: E402


def paragraphs(count_words: int, seed: int = 4) -> list[str]:
    rng = random.Random(seed)
    found, words = [], 0
    while words < count_words:
        sentences = []
        for _ in range(rng.randint(2, 5)):
            chosen = rng.choices(WORDS, k=rng.randint(6, 20))
            sentences.append(" ".join(chosen) + rng.choice([".", ".", "؟", "!"]))
            words += len(chosen)
        found.append(" ".join(sentences))
    return found


def write_epub(path: Path, words: int, chapters: int = 40) -> None:
    from tests.helpers.format_fixtures import make_epub

    body = paragraphs(words)
    size = len(body) // chapters + 1
    book = [(f"الفصل {n + 1}", body[n * size : (n + 1) * size]) for n in range(chapters)]
    path.write_bytes(make_epub([c for c in book if c[1]]))


def write_pdf(path: Path, pages: int) -> None:
    from fpdf import FPDF

    from reader.export.fonts import amiri_file

    pdf = FPDF(format="A4")
    pdf.add_font("amiri", fname=str(amiri_file()))
    pdf.set_font("amiri", size=12)
    pdf.set_text_shaping(True)
    text = paragraphs(pages * 260, seed=7)
    per_page = max(len(text) // pages, 1)
    for number in range(pages):
        pdf.add_page()
        pdf.set_auto_page_break(False)
        pdf.set_xy(10, 8)
        pdf.cell(190, 6, "كتاب الاختبار", align="C")
        pdf.set_xy(10, 20)
        for paragraph in text[number * per_page : (number + 1) * per_page]:
            if pdf.get_y() > 260:
                break
            pdf.multi_cell(190, 7, paragraph, align="R", new_x="LMARGIN", new_y="NEXT")
            pdf.ln(3)
        pdf.set_xy(10, 285)
        pdf.cell(190, 6, str(number + 1), align="C")
    path.write_bytes(bytes(pdf.output()))


def window_first_screen(book: Path, settings_file: Path) -> tuple[float, float, int]:
    """Seconds from open_path to the document on screen with panes painted; longest stall (ms); rows."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    from reader.translate.fake import FakeTranslator
    from reader.ui.main_window import MainWindow
    from reader.ui.settings import AppSettings
    from reader.ui.stall_meter import StallMeter

    app = QApplication.instance() or QApplication([])
    settings = AppSettings(QSettings(str(settings_file), QSettings.Format.IniFormat))
    window = MainWindow(settings, translator_factory=lambda _s: FakeTranslator())
    window.resize(1200, 800)
    window.show()
    app.processEvents()
    result: dict[str, float] = {}
    meter = StallMeter(window)

    def opened() -> None:
        window.view.viewport().repaint()
        if window.view.painted:
            result["first screen"] = time.perf_counter() - started
        result["stall"] = meter.stop()
        QTimer.singleShot(0, window.close)

    window.document_opened.connect(opened)
    meter.start()
    started = time.perf_counter()
    window.open_path(book)
    QTimer.singleShot(60_000, window.close)
    while window.isVisible():
        app.processEvents()
        time.sleep(0.001)
    rows = len(window.document) if window.document is not None else 0
    return result.get("first screen", float("nan")), result.get("stall", float("nan")), rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=100_000)
    parser.add_argument("--pages", type=int, default=300)
    args = parser.parse_args()
    from reader.formats.registry import open_document

    with tempfile.TemporaryDirectory() as folder:
        os.environ["BIREADER_DATA_DIR"] = str(Path(folder) / "data")  # not the user's library
        epub = Path(folder) / "book.epub"
        write_epub(epub, args.words)
        started = time.perf_counter()
        loaded = open_document(epub)
        headless = time.perf_counter() - started
        print(f"EPUB {args.words} words: {len(loaded.document)} sentences, {epub.stat().st_size // 1024} KB")
        print(f"  read headless (open_document): {headless:.2f} s")
        first, stall, rows = window_first_screen(epub, Path(folder) / "settings.ini")
        print(f"  window: open_path → document on screen, panes painted: {first:.2f} s (target ≤ 1 s)")
        print(f"  longest event-loop stall while opening: {stall:.0f} ms ({rows} rows)")

        pdf = Path(folder) / "book.pdf"
        write_pdf(pdf, args.pages)
        started = time.perf_counter()
        loaded = open_document(pdf)
        elapsed = time.perf_counter() - started
        pages = {b.location.page for b in loaded.document.iter_blocks()}
        print(
            f"PDF {args.pages} pages ({pdf.stat().st_size // 1024} KB): {len(loaded.document)} sentences "
            f"from {len(pages)} pages extracted in {elapsed:.2f} s (target ≤ 10 s)"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
