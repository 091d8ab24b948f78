"""Benchmark: the window on a whole book (20 000 unique sentences by default) with the tiny model.

Run: ``.venv/bin/python tests/benchmarks/bench_ui_book.py [--sentences 20000] [--shots DIR]``.
It writes a book of unique Arabic sentences (blank-line paragraphs, a heading every 200
sentences), builds the tiny test MarianMT checkpoint (in a subprocess), opens the book in the
real window with a fresh cache and prints:
- when the window was visible (from importing Qt on) and when both panes showed text (after the
  window);
- the longest event-loop stall (a 5 ms timer's worst lateness) while opening, while the model
  loads, while translating the whole book, while jumping end to end, zooming and resizing;
- peak memory (max RSS) and the translation rate.
``--shots DIR`` saves window grabs (PNG) before, during and after translation, after zoom and
after narrowing. Offscreen by default; run under ``xvfb-run`` to use a real X server.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

from bench_ui_stall import build_tiny_model  # this folder is on sys.path when run as a script

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from tests.helpers.arabic_words import WORDS  # noqa: E402


def write_book(path: Path, sentences: int) -> None:
    rng = random.Random(4)
    parts, paragraph = [], []
    for number in range(sentences):
        if number % 200 == 0:
            if paragraph:
                parts.append(" ".join(paragraph))
                paragraph = []
            parts.append(f"الفصل {number // 200 + 1}")
        words = rng.choices(WORDS, k=rng.randint(5, 28))
        paragraph.append(" ".join(words) + f" رقم {number}.")
        if len(paragraph) == 5:
            parts.append(" ".join(paragraph))
            paragraph = []
    parts.append(" ".join(paragraph))
    path.write_text("\n\n".join(p for p in parts if p), encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sentences", type=int, default=20_000)
    parser.add_argument("--model", help="a MarianMT folder (default: build the tiny test model)")
    parser.add_argument("--shots", type=Path, help="save window grabs (PNG) here")
    options = parser.parse_args()
    if not os.environ.get("DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["HF_HUB_OFFLINE"] = "1"
    with tempfile.TemporaryDirectory() as work:
        folder = Path(work)
        book, model = prepare_book(folder, options.sentences, options.model)
        return run(book, model, folder / "settings.ini", options.shots)


def prepare_book(folder: Path, sentences: int, model: str | None) -> tuple[Path, str]:
    """A fresh cache and library in *folder* (never the user's), the book written there, and the
    model to use: *model*, or the tiny test model built there. Returns (book, model)."""
    os.environ["BIREADER_CACHE_DIR"] = str(folder / "cache")
    os.environ["BIREADER_DATA_DIR"] = str(folder / "data")
    book = folder / "book.ar.txt"
    write_book(book, sentences)
    return book, model or str(build_tiny_model(folder / "tiny"))


def run(book: Path, model: str, settings_file: Path, shots: Path | None) -> int:
    started = time.perf_counter()  # what a user waits for: Qt, the window, then the book
    sys.path.insert(0, str(REPO))
    from PySide6.QtCore import QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    from reader.ui.app import default_translator_factory
    from reader.ui.main_window import MainWindow
    from reader.ui.settings import AppSettings
    from reader.ui.stall_meter import StallMeter

    app = QApplication([])
    settings = AppSettings(QSettings(str(settings_file), QSettings.Format.IniFormat))
    settings.beams = 1
    window = MainWindow(settings, translator_factory=default_translator_factory, model_override=model)
    window.resize(1200, 800)
    window.show()
    app.processEvents()
    marks: dict[str, float] = {"window visible": time.perf_counter() - started}
    meter = StallMeter(window)
    stalls: dict[str, float] = {}
    shown_at = time.perf_counter()

    def shot(name: str) -> None:
        if shots is not None:
            shots.mkdir(parents=True, exist_ok=True)
            window.grab().save(str(shots / f"{name}.png"))

    def opened() -> None:
        # The window paints the book in a turn of its own, as it would for a user: watch for it
        # (a 5 ms poll costs the event loop nothing) rather than forcing a paint into this turn.
        def watch() -> None:
            if not window.view.painted:
                QTimer.singleShot(5, watch)
                return
            marks["both panes show text (after the window)"] = time.perf_counter() - shown_at
            stalls["opening"] = meter.stop()
            shot("1-before-translation")
            meter.start()

        watch()

    def ready(_description: str) -> None:
        stalls["loading the model (torch import on the worker)"] = meter.stop()
        meter.start()
        marks["translation started"] = time.perf_counter()

    progress_seen = []

    def progress(done: int, _failed: int, total: int, _left: object) -> None:
        if not progress_seen and done:
            marks["first English (after the window)"] = time.perf_counter() - shown_at
        progress_seen.append(done)
        if done >= total // 2 and "half" not in marks:
            marks["half"] = 1.0
            shot("2-during-translation")

    def finished() -> None:
        stalls["translating the whole book"] = meter.stop()
        seconds = time.perf_counter() - marks.pop("translation started")
        marks["translation time"] = seconds
        marks["sentences per second"] = len(window.document) / seconds
        shot("3-after-translation")
        QTimer.singleShot(0, interact)

    def interact() -> None:
        view = window.view
        meter.start()
        for _ in range(3):
            view.scroll_to_row(view.row_count() - 1)
            view.viewport().repaint()
            app.processEvents()
            view.scroll_to_row(0)
            view.viewport().repaint()
            app.processEvents()
        view.scroll_to_row(view.row_count() // 2)
        app.processEvents()
        stalls["jumping end to end"] = meter.stop()
        meter.start()
        for zoom in (150, 200, 80, 130):
            window.apply_zoom(zoom)
            view.viewport().repaint()
            app.processEvents()
        stalls["zooming"] = meter.stop()
        shot("4-after-zoom")
        meter.start()
        for width in (1000, 800, 600, 1400, 700):
            window.resize(width, 800)
            app.processEvents()
            view.viewport().repaint()
            app.processEvents()
        stalls["resizing"] = meter.stop()
        shot("5-after-narrowing")
        window.close()
        app.quit()

    def unavailable(reason: str) -> None:
        print(f"model unavailable: {reason}")
        window.close()
        app.quit()

    window.document_opened.connect(opened)
    window.controller.model_ready.connect(ready)
    window.controller.progress.connect(progress)
    window.controller.finished.connect(finished)
    window.controller.model_unavailable.connect(unavailable)
    meter.start()
    window.open_path(book)
    app.exec()
    marks.pop("half", None)
    print(f"sentences: {len(window.document) if window.document else 0}")
    for name, value in marks.items():
        print(f"{name:>42}: {value:8.2f}{'' if 'per second' in name else ' s'}")
    for name, value in stalls.items():
        print(f"{'longest stall ' + name:>42}: {value:8.1f} ms")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{'peak memory (max RSS)':>42}: {peak:8.0f} MB")
    return 0 if "translation time" in marks else 1


if __name__ == "__main__":
    raise SystemExit(main())
