"""Benchmark: how long the reader window's event loop stalls while a real engine translates the seed.

Run: ``.venv/bin/python tests/benchmarks/bench_ui_stall.py [--model FOLDER] [--engine auto] [--beams 1]``.
Without ``--model`` it builds the tiny test MarianMT checkpoint in a temporary folder (in a
subprocess, so torch is not imported here before the window needs it). It opens the seed in the
real window (offscreen), with a fresh translation cache, and prints: time until the model is
ready, time to the first English sentence, time to the last, and the longest event-loop stall
during model loading and during translation (a 5 ms timer's worst lateness).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SEED = REPO / "seeds" / "news_us_russia_talks_switzerland.ar.txt"


def build_tiny_model(folder: Path) -> Path:
    code = "import sys; from pathlib import Path; from tests.helpers.tiny_marian import build_tiny_marian; "
    code += "build_tiny_marian(Path(sys.argv[1]))"
    subprocess.run([sys.executable, "-c", code, str(folder)], cwd=REPO, check=True, capture_output=True)
    return folder


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", help="a MarianMT folder (default: build the tiny test model)")
    parser.add_argument("--engine", default="auto")
    parser.add_argument("--beams", type=int, default=0, help="0: the model's default")
    options = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["HF_HUB_OFFLINE"] = "1"
    with tempfile.TemporaryDirectory() as work:
        os.environ["BIREADER_CACHE_DIR"] = str(Path(work) / "cache")
        # A library of its own: the user's would hold the seed already translated by an earlier
        # run, and the benchmark would wait forever for a translation that never starts.
        os.environ["BIREADER_DATA_DIR"] = str(Path(work) / "data")
        model = options.model or str(build_tiny_model(Path(work) / "tiny"))
        return run(model, options.engine, options.beams, Path(work) / "settings.ini")


def run(model: str, engine: str, beams: int, settings_file: Path) -> int:
    sys.path.insert(0, str(REPO))
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from reader.ui.app import default_translator_factory
    from reader.ui.main_window import MainWindow
    from reader.ui.settings import AppSettings
    from reader.ui.stall_meter import StallMeter

    app = QApplication([])
    settings = AppSettings(QSettings(str(settings_file), QSettings.Format.IniFormat))
    settings.engine, settings.beams = engine, beams
    window = MainWindow(settings, translator_factory=default_translator_factory, model_override=model)
    window.show()
    loading, translating = StallMeter(window), StallMeter(window)
    marks: dict[str, float] = {}
    start = time.perf_counter()

    def ready(description: str) -> None:
        marks["model ready"] = time.perf_counter() - start
        marks["stall while loading"] = loading.stop()
        translating.start()
        print(f"engine: {description}")

    def updated(done: int, _failed: int, _total: int, _left: object) -> None:
        if done:
            marks.setdefault("first English", time.perf_counter() - start)

    def finished() -> None:
        marks["last English"] = time.perf_counter() - start
        marks["stall while translating"] = translating.stop()
        window.close()
        app.quit()

    def unavailable(reason: str) -> None:
        print(f"model unavailable: {reason}")
        window.close()
        app.quit()

    window.controller.model_ready.connect(ready)
    window.controller.progress.connect(updated)
    window.controller.finished.connect(finished)
    window.controller.model_unavailable.connect(unavailable)
    loading.start()
    window.open_path(SEED)
    app.exec()
    for name, value in marks.items():
        unit = "ms" if name.startswith("stall") else "s"
        print(f"{name:>24}: {value:8.2f} {unit}" if unit == "s" else f"{name:>24}: {value:8.1f} {unit}")
    return 0 if "last English" in marks else 1


if __name__ == "__main__":
    raise SystemExit(main())
