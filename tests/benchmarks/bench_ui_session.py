"""The window session that ``bench_ui_x11.py`` plays, phase by phase (Qt is imported here only).

The script is a generator: it does one step (a key, an action, a resize) and yields how long to
let the event loop run before the next, or a condition to wait for. Steps run from a timer, as a
key press from the X server would run, so every stall the meter sees is one a person would feel.
"""

from __future__ import annotations

import collections
import os
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import thread_watch  # this folder is on sys.path when run as a script
from PySide6.QtCore import QEvent, QObject, QSettings, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from reader.ui.app import create_application, default_translator_factory
from reader.ui.main_window import MainWindow
from reader.ui.settings import AppSettings
from reader.ui.stall_meter import StallMeter
from reader.ui.theme import ThemeKeeper

LIMIT_MS = 50.0
PAUSE_MS = 150  # between two steps of a phase: a person's keystrokes, not a script's
Wait = int | Callable[[], bool]


def make_window(model: str, folder: Path) -> tuple[QApplication, MainWindow]:
    app = create_application([])
    ThemeKeeper(app, "light")
    settings = AppSettings(QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat))
    settings.beams = 1
    window = MainWindow(settings, translator_factory=default_translator_factory, model_override=model)
    window.show_error = lambda title, message: print(f"error shown: {title}: {message}")  # type: ignore[method-assign]
    window.ask_confirm = lambda _title, _question: True  # type: ignore[method-assign]
    window.resize(1200, 800)
    window.show()
    return app, window


class CauseMeter(StallMeter):
    """The window's stall meter, plus, for each stall it logs, how much of it the GUI thread spent
    on a CPU (its own work) and waiting for one (the machine's load); the rest it was asleep: the
    GIL held by a worker, the X server, a lock. Linux (``/proc/thread-self/schedstat``) only."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.causes: list[tuple[float, float]] = []  # per logged stall: (CPU ms, runnable ms)
        self._marks = self._read()

    @staticmethod
    def _read() -> tuple[float, float]:
        try:
            with open("/proc/thread-self/schedstat", encoding="ascii") as stat:
                waited = int(stat.read().split()[1]) / 1e6
        except (OSError, ValueError, IndexError):
            waited = float("nan")
        return time.thread_time() * 1000, waited

    def start(self) -> None:
        self._marks = self._read()
        super().start()

    def _tick(self) -> None:
        logged = len(self.stalls)
        marks = self._read()
        super()._tick()
        if len(self.stalls) > logged:
            self.causes.append((marks[0] - self._marks[0], marks[1] - self._marks[1]))
        self._marks = marks


class StallSampler:
    """With ``--why``: a thread that, while the GUI thread has not ticked the meter for 30 ms, takes
    the GUI thread's Python stack every 10 ms; the report counts the innermost project frames."""

    def __init__(self, meter: StallMeter) -> None:
        self.meter = meter
        self.gui = threading.get_ident()
        self.samples: collections.Counter[str] = collections.Counter()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.wait(0.01):
            if not self.meter.timer.isActive() or time.perf_counter() - self.meter._last < 0.03:
                continue
            frame = sys._current_frames().get(self.gui)
            stack = []
            while frame is not None and len(stack) < 6:
                name = frame.f_code.co_filename
                if "/reader/" in name or "bench_ui" in name:
                    stack.append(f"{Path(name).name}:{frame.f_lineno} {frame.f_code.co_name}")
                frame = frame.f_back
            self.samples[" < ".join(stack[:4]) or "(Qt, no project frame)"] += 1

    def report(self) -> None:
        self._stop.set()
        print("where the GUI thread was during stalls (10 ms samples):")
        for stack, count in self.samples.most_common(25):
            print(f"  {count:4d}  {stack}")


class ThreadWatch:
    """With ``--why``: :mod:`thread_watch` samples this process's threads from another process
    (reading /proc in here would stall the window it measures)."""

    def __init__(self, out: Path) -> None:
        self.out = out
        self.gui = threading.get_native_id()
        script = Path(__file__).with_name("thread_watch.py")
        self.process = subprocess.Popen([sys.executable, str(script), str(os.getpid()), str(out), "5"])
        self.samples: list[thread_watch.Sample] = []

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait()
        self.samples = thread_watch.load(self.out)

    def busy(self, start: float, end: float) -> list[tuple[str, float, float]]:
        return thread_watch.busy_between(self.samples, start, end, self.gui)


class Session:
    """Plays the script in a window and prints what the stall meter saw."""

    def __init__(
        self, book: Path, model: str, folder: Path, shots: Path | None, *, why: bool = False
    ) -> None:
        self.book, self.folder, self.shots = book, folder, shots
        self.app, self.window = make_window(model, folder)
        self.app.setQuitOnLastWindowClosed(False)  # the script ends the run, after quitting is measured
        self.meter = CauseMeter(self.window)
        self.watch = ThreadWatch(folder / "threads.tsv") if why else None
        self.sampler = StallSampler(self.meter) if why else None
        self.phases: dict[str, float] = {}
        self.spans: list[tuple[str, float, float]] = []  # phase, from, to (meter seconds)
        self.notes: list[str] = []
        self._phase = ""
        self._script: Iterator[Wait] | None = None

    # Driving -------------------------------------------------------------------------------------
    def run(self) -> int:
        self._script = self.script()
        QTimer.singleShot(0, self._advance)
        self.app.exec()
        return self.report()

    def _advance(self) -> None:
        assert self._script is not None
        try:
            wait = next(self._script)
        except StopIteration:
            self.app.quit()
            return
        if isinstance(wait, int):
            QTimer.singleShot(wait, self._advance)
        else:
            self._poll(wait, time.perf_counter())

    def _poll(self, ready: Callable[[], bool], since: float) -> None:
        if ready() or time.perf_counter() - since > 300:
            self._advance()
        else:
            QTimer.singleShot(5, lambda: self._poll(ready, since))

    def begin(self, phase: str) -> None:
        self.end()
        self._phase = phase
        self.meter.start()
        self._from = time.perf_counter() - self.meter.origin

    def end(self) -> None:
        if self._phase:
            self.phases[self._phase] = max(self.meter.stop(), self.phases.get(self._phase, 0.0))
            self.spans.append((self._phase, self._from, time.perf_counter() - self.meter.origin))
            self._phase = ""

    def key(self, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
        bar = self.window.aids.find_bar
        widget = bar.field if bar.isVisible() else self.window.view
        QTest.keyClick(widget, key, modifier)

    def type_text(self, text: str) -> None:
        """Key presses carrying *text* to the focused widget (QTest's key clicks are Latin-1 only)."""
        widget = self.window.aids.find_bar.field
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, text))

    def action(self, name: str) -> None:
        self.window.actions_[name].trigger()

    def shot(self, name: str) -> None:
        if self.shots is not None:
            self.shots.mkdir(parents=True, exist_ok=True)
            self.window.grab().save(str(self.shots / f"{name}.png"))

    # The session ---------------------------------------------------------------------------------
    def script(self) -> Iterator[Wait]:  # noqa: C901 - one linear script reads best
        w, view = self.window, self.window.view
        c = w.controller
        yield 300  # the window settles on screen
        self.begin("opening")
        started = time.perf_counter()
        w.open_path(self.book)
        yield lambda: w.document is not None and bool(view.painted)
        self.notes.append(f"both panes show text {time.perf_counter() - started:.2f} s after Open")
        self.begin("model conversion and load")
        yield 1500
        self.shot("0-loading-the-model")  # the busy bar, not an empty one
        yield lambda: c.translator is not None or c.state.value == "unavailable"
        self.notes.append(f"model ready {time.perf_counter() - started:.2f} s after Open")
        if c.translator is None:
            self.notes.append("the model could not be loaded")
            self.end()
            return
        self.begin("translating")
        yield lambda: w.document is not None and w.document.translated_count > 0
        self.notes.append(f"first English {time.perf_counter() - started:.2f} s after Open")
        yield 4000
        self.shot("1-translating")
        view.setFocus()
        self.begin("Ctrl+End / End / Home")
        for key, modifier in [(Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)] * 1 + [
            (Qt.Key.Key_Home, Qt.KeyboardModifier.NoModifier),
            (Qt.Key.Key_End, Qt.KeyboardModifier.NoModifier),
            (Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier),
        ] * 2:
            self.key(key, modifier)
            yield PAUSE_MS
        self.begin("zoom in and out")
        for name in ("zoom_in", "zoom_in", "zoom_in", "zoom_out", "zoom_out", "zoom_out", "zoom_reset"):
            self.action(name)
            yield PAUSE_MS
        self.begin("resize")
        for width, height in ((1000, 800), (800, 700), (600, 700), (1400, 880), (700, 800), (1200, 800)):
            w.resize(width, height)
            yield PAUSE_MS
        self.begin("PageDown runs")
        for _run in range(3):
            for _ in range(12):
                self.key(Qt.Key.Key_PageDown)
                yield 33  # key auto-repeat, 30 a second
            yield PAUSE_MS
        for _ in range(20):
            self.key(Qt.Key.Key_PageUp)
            yield 33
        self.begin("split / merge / undo / redo")
        for row in (5, len(w.document) // 2, len(w.document) - 20):
            view.scroll_to_row(row)
            view.select_row(row)
            yield PAUSE_MS
            text = w.document.segment_at(view.current_row()).text
            w.editing.split_current(text.index(" ", len(text) // 2) + 1)
            yield PAUSE_MS
            w.editing.merge_current(1)
            yield PAUSE_MS
            for name in ("undo", "undo", "redo"):
                self.action(name)
                yield PAUSE_MS
        view.scroll_to_row(0)
        view.select_row(0)
        yield PAUSE_MS
        self.begin("Find one letter, F3 through hits")
        self.action("find")
        yield lambda: w.aids.find_bar.ready
        self.type_text("ا")
        yield PAUSE_MS
        self.notes.append(f"«ا»: {w.aids.find_bar.count.text()}")
        for _ in range(8):
            self.action("find_next")
            yield PAUSE_MS
        yield 1500
        self.notes.append(f"«ا» later: {w.aids.find_bar.count.text()}")
        self.shot("2-find-letter")
        self.begin("Find a word, F3 through hits")
        w.aids.find_bar.field.selectAll()
        for letter in "الفصل":
            self.type_text(letter)
            yield 120
        self.notes.append(f"«الفصل»: {w.aids.find_bar.count.text()}")
        for _ in range(8):
            self.action("find_next")
            yield PAUSE_MS
        w.aids.find_bar.close_bar()  # Esc
        yield PAUSE_MS
        self.begin("theme change")
        for name in ("theme_dark", "theme_light", "theme_dark", "theme_light"):
            self.action(name)
            yield 300
        self.begin("export start and progress")
        w.ask_save_path = lambda _suggested: str(self.folder / "book.pdf")  # type: ignore[method-assign]
        self.action("export")
        yield 6000
        self.notes.append(f"export after 6 s: {w.statusBar().currentMessage()!r}")
        w.exporter.cancel()
        yield lambda: not w.exporter.is_running
        document = w.document
        self.notes.append(f"translated before quitting: {document.translated_count} of {len(document)}")
        self.shot("3-before-quitting")
        self.begin("quitting mid-translation")
        running = c.is_running
        before = time.perf_counter()
        w.close()  # the window's closeEvent: what File > Quit runs
        took = (time.perf_counter() - before) * 1000
        self.notes.append(f"close() took {took:.0f} ms" + ("" if running else " (translation had ended)"))
        yield 50
        self.end()
        self.phases["quitting mid-translation"] = max(self.phases["quitting mid-translation"], took)

    # Report --------------------------------------------------------------------------------------
    def report(self) -> int:
        if self.sampler is not None:
            self.sampler.report()
        if self.watch is not None:
            self.watch.stop()
        for note in self.notes:
            print(note)
        print(f"{'phase':>36}  longest stall")
        for name, value in self.phases.items():
            print(f"{name:>36}  {value:7.1f} ms{'  OVER' if value > LIMIT_MS else ''}")
        print(
            f"stalls over {LIMIT_MS:.0f} ms (seconds since the window, ms, of which the GUI thread was "
            "on a CPU / waiting for one / asleep, phase):"
        )
        for (at, ms), (cpu, runnable) in zip(self.meter.stalls, self.meter.causes, strict=True):
            phase = next((name for name, low, high in self.spans if low <= at <= high), "between phases")
            asleep = max(ms - cpu - runnable, 0.0)
            print(f"  {at:8.3f} s  {ms:6.1f} ms  {cpu:5.1f} / {runnable:5.1f} / {asleep:5.1f}  {phase}")
            if self.watch is not None:
                start = self.meter.origin + at - ms / 1000
                for name, ran, waited in self.watch.busy(start, self.meter.origin + at):
                    print(f"      meanwhile {name}: on a CPU {ran:.1f} ms, waiting for one {waited:.1f} ms")
        if not self.meter.stalls:
            print("  none")
        return 1 if any(value > LIMIT_MS for value in self.phases.values()) else 0


def translate_untouched(book: Path, model: str, folder: Path) -> tuple[float, int]:
    """Open *book*, translate it whole without touching the window; (sentences/s, sentences)."""
    app, window = make_window(model, folder)
    marks: dict[str, float] = {}
    meter = StallMeter(window)

    def finished() -> None:
        marks["done"] = time.perf_counter()
        marks["stall"] = meter.stop()
        window.close()
        app.quit()

    window.controller.model_ready.connect(lambda _d: marks.setdefault("ready", time.perf_counter()))
    window.controller.finished.connect(finished)
    window.controller.model_unavailable.connect(lambda reason: (print(reason), app.quit()))
    meter.start()
    QTimer.singleShot(0, lambda: window.open_path(book))
    app.exec()
    count = len(window.document) if window.document is not None else 0
    if "done" not in marks:
        return 0.0, count
    print(f"window: longest stall while translating {marks['stall']:.1f} ms")
    return count / (marks["done"] - marks["ready"]), count


def first_english(book: Path, model: str, folder: Path) -> dict[str, float]:
    """Show the window, open *book* at once (as ``bireader BOOK`` does) and time, from the window
    on screen: both panes painted, model ready (a fresh cache: conversion included), first English;
    and the longest stall until then."""
    app, window = make_window(model, folder)
    meter = CauseMeter(window)
    marks: dict[str, float] = {}
    shown = time.perf_counter()

    def poll() -> None:
        now = time.perf_counter() - shown
        document = window.document
        if document is not None and window.view.painted:
            marks.setdefault("text", now)
        if window.controller.translator is not None and "model ready" not in marks:
            marks["model ready"] = now
            print(f"model: {window.controller.translator.description}")
        if document is not None and document.translated_count > 0:
            marks["first English"] = now
            marks["longest stall ms"] = meter.stop()
            window.close()
            app.quit()
        elif now > 300:
            app.quit()
        else:
            QTimer.singleShot(5, poll)

    window.controller.model_unavailable.connect(lambda reason: (print(reason), app.quit()))
    meter.start()
    QTimer.singleShot(0, lambda: window.open_path(book))
    QTimer.singleShot(0, poll)
    app.exec()
    for (at, ms), (cpu, runnable) in zip(meter.stalls, meter.causes, strict=True):
        asleep = max(ms - cpu - runnable, 0.0)
        print(
            f"stall at {at:.3f} s: {ms:.1f} ms (on a CPU {cpu:.1f} / waiting for one {runnable:.1f} / asleep {asleep:.1f})"
        )
    converted = sorted(str(p.relative_to(folder)) for p in folder.glob("cache/**/model.bin"))
    print(f"converted in this run's fresh cache: {converted or 'nothing'}")
    return marks
