"""Benchmark and check: split, merge, undo and redo on a 20 000-sentence book while it translates.

Run: ``xvfb-run -s "-screen 0 1400x900x24" .venv/bin/python tests/benchmarks/bench_ui_restructure.py
[--sentences 20000] [--shots DIR]`` (offscreen without a display). It opens the book of
``bench_ui_book.py`` with the tiny test model and a fresh cache, and once the first English is in,
splits, merges, undoes and redoes on the rows on screen (already translated) and far ahead (still
pending), a few seconds apart, while the translation runs. It prints the longest event-loop stall
of each step and of the whole run, then checks what a reader must be able to trust: nothing stays
pending, no error was shown, and every machine translation is the cache's translation of its
row's *own* Arabic (a row given another sentence's English would differ). Exit 1 if not.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

from bench_ui_book import write_book  # this folder is on sys.path when run as a script
from bench_ui_stall import build_tiny_model

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sentences", type=int, default=20_000)
    parser.add_argument("--shots", type=Path, help="save window grabs (PNG) here")
    options = parser.parse_args()
    if not os.environ.get("DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        os.environ["BIREADER_CACHE_DIR"] = str(root / "cache")
        os.environ["BIREADER_DATA_DIR"] = str(root / "data")
        os.environ["HF_HUB_OFFLINE"] = "1"
        book = root / "book.txt"
        write_book(book, options.sentences)
        model = build_tiny_model(root / "model")
        return run(book, str(model), root / "settings.ini", options.shots)


def run(book: Path, model: str, settings_file: Path, shots: Path | None) -> int:
    from PySide6.QtCore import QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    from reader.model import Origin, Status
    from reader.ui.app import default_translator_factory
    from reader.ui.main_window import MainWindow
    from reader.ui.settings import AppSettings
    from reader.ui.stall_meter import StallMeter

    app = QApplication([])
    settings = AppSettings(QSettings(str(settings_file), QSettings.Format.IniFormat))
    settings.beams = 1
    window = MainWindow(settings, translator_factory=default_translator_factory, model_override=model)
    errors: list[str] = []
    window.show_error = lambda _title, message: errors.append(message)  # type: ignore[method-assign]
    window.resize(1200, 800)
    window.show()
    meter, whole = StallMeter(window), StallMeter(window)
    stalls: dict[str, float] = {}
    steps: list[tuple[str, object]] = []

    def shot(name: str) -> None:
        if shots is not None:
            shots.mkdir(parents=True, exist_ok=True)
            window.grab().save(str(shots / f"{name}.png"))

    def at(row: int) -> None:
        view = window.view
        view.scroll_to_row(row)
        view.select_row(row)

    def split_here() -> bool:
        text = window.document.segment_at(window.view.current_row()).text
        return window.editing.split_current(text.index(" ", len(text) // 2) + 1)

    def plan() -> None:
        count = len(window.document)
        for place, row in (("on screen", 3), ("far ahead", count // 2), ("near the end", count - 40)):
            steps.append((f"jump {place}", lambda row=row: at(row)))
            steps.append((f"split {place}", split_here))
            steps.append((f"merge {place}", lambda: window.editing.merge_current(1)))
            steps.append((f"undo {place}", window.editing.undo))
            steps.append((f"redo {place}", window.editing.redo))
            steps.append((f"split again {place}", split_here))
        steps.append(("undo twice", lambda: (window.editing.undo(), window.editing.undo())))

    def step() -> None:
        if not steps:
            shot("2-after-restructuring")
            QTimer.singleShot(500, finish_when_idle)
            return
        name, action = steps.pop(0)
        meter.start()
        action()  # type: ignore[operator]
        window.view.viewport().repaint()
        app.processEvents()
        stalls[name] = meter.stop()
        QTimer.singleShot(700, step)

    started = []
    verdict: list[bool] = []

    def check() -> bool:
        """Every machine row against the cache's translation of its own text (before closing)."""
        document = window.document
        machine = [
            s
            for s in document.iter_segments()
            if s.status is Status.DONE and s.rendering is not None and s.rendering.origin is Origin.MACHINE
        ]
        translator = window.controller.translator
        cached = translator.cached([s.text for s in machine]) if hasattr(translator, "cached") else {}  # type: ignore[union-attr]
        wrong = [s for i, s in enumerate(machine) if cached.get(i) != s.translation]
        print(f"pending: {document.pending_count}; errors shown: {errors}")
        print(
            f"machine rows checked against the cache: {len(machine)}; with another row's English: {len(wrong)}"
        )
        for s in wrong[:3]:
            print(f"  row {document.position_of(s.id)}: {s.text[:40]} -> {s.translation!r:.60}")
        return not wrong and len(cached) == len(machine)

    def progress(done: int, _failed: int, _total: int, _left: object) -> None:
        if done and not started:
            started.append(time.perf_counter())
            shot("1-translating")
            plan()
            QTimer.singleShot(300, step)

    def finish_when_idle() -> None:
        if window.controller.is_running or window.controller.is_loading or window.document.pending_count:
            QTimer.singleShot(500, finish_when_idle)
        elif not verdict:
            finished()

    def finished() -> None:
        if steps or window.document.pending_count or verdict:
            return  # a run between two steps ended; the next step starts another
        stalls["whole run (worst turn)"] = whole.stop()
        shot("3-done")
        verdict.append(check())
        window.close()
        app.quit()

    window.controller.progress.connect(progress)
    window.controller.finished.connect(finished)
    window.controller.model_unavailable.connect(lambda reason: (errors.append(reason), app.quit()))
    whole.start()
    window.open_path(book)
    app.exec()
    document = window.document
    seconds = time.perf_counter() - started[0] if started else 0.0
    print(f"sentences: {len(document)}; translated in {seconds:.1f} s after the first English")
    for name, value in stalls.items():
        print(f"{'longest stall ' + name:>44}: {value:8.1f} ms")
    return 0 if verdict and verdict[0] and not errors and not document.pending_count else 1


if __name__ == "__main__":
    raise SystemExit(main())
