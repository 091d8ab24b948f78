"""Benchmark: the longest event-loop stall in every phase of a session with a whole book, on a real X server.

Run: ``.venv/bin/python tests/benchmarks/bench_ui_x11.py [--sentences 20000] [--shots DIR]``
(add ``--throughput`` to compare the window's translation rate with the CLI's instead, or
``--first-english`` to time the first English after the window with a fresh cache, by default
with the opus-mt-shaped model of ``fullshape_model.py``).

Without ``$DISPLAY`` it starts its own Xvfb (1400×900×24) when one is installed, else it runs
offscreen and says so. It raises its own and Xvfb's scheduling priority (``/proc/PID/autogroup``,
-10: needs root) so other work on the machine disturbs less, writes the book of
``bench_ui_book.py``, builds the tiny test model, and then plays one session in the window, with
pauses between steps as a person would make them, each phase timed by the window's own
:class:`~reader.ui.stall_meter.StallMeter`:
opening, model conversion and load, translating, Ctrl+End / End / Home, zoom in and out,
resize, PageDown runs, split / merge / undo / redo, Find with one letter and with a word (F3
through the hits), theme change, export start and progress, quitting mid-translation (all
after the first English, while the book still translates). It prints the longest stall per
phase and every stall over 50 ms with the time it ended, its phase, and how much of it the GUI
thread spent on a CPU, waiting for one, and asleep (the GIL, the X server: not the window's own
work); exit 1 if a phase is over 50 ms. ``--throughput [PAIRS]`` translates the whole book
untouched in the window, then runs ``bireader translate --json --alignment`` on it with the same
engine settings, each with a fresh cache, PAIRS times alternated (3 by default), and prints
both rates of each pair and the median ratio.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import re
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

from bench_ui_book import prepare_book  # this folder is on sys.path when run as a script

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))


def favour(pid: int | str) -> None:
    """Raise a process group's priority (nice -10 for its autogroup); quietly skip where not allowed."""
    with contextlib.suppress(OSError):
        Path(f"/proc/{pid}/autogroup").write_text("-10")


@contextlib.contextmanager
def x_server() -> Iterator[str]:
    """A display to run on: the one given, a fresh Xvfb, or none (offscreen)."""
    if os.environ.get("DISPLAY"):
        yield f"X server {os.environ['DISPLAY']}"
        return
    if subprocess.run(["sh", "-c", "command -v Xvfb"], capture_output=True).returncode:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        yield "offscreen (Xvfb is not installed: apt-get install xvfb)"
        return
    read, write = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", "1400x900x24", "-nolisten", "tcp"],
        pass_fds=(write,),
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    with os.fdopen(read) as pipe:
        display = pipe.readline().strip()
    favour(server.pid)
    os.environ["DISPLAY"] = f":{display}"
    try:
        yield f"Xvfb :{display}"
    finally:
        server.terminate()
        server.wait()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sentences", type=int, default=20_000)
    parser.add_argument("--model", help="a MarianMT folder (default: build the tiny test model)")
    parser.add_argument("--shots", type=Path, help="save window grabs (PNG) here")
    parser.add_argument(
        "--throughput",
        type=int,
        nargs="?",
        const=3,
        metavar="PAIRS",
        help="window against CLI translation rate, alternated PAIRS times (default 3): the median ratio",
    )
    parser.add_argument(
        "--why",
        action="store_true",
        help="sample the GUI thread's stack during stalls and list the threads that ran meanwhile",
    )
    parser.add_argument(
        "--first-english",
        action="store_true",
        help="time the first English after the window with a fresh cache (default: the opus-mt-shaped model)",
    )
    options = parser.parse_args()
    favour("self")
    os.environ["HF_HUB_OFFLINE"] = "1"
    if options.first_english and not options.model:
        from fullshape_model import default_folder, ensure_fullshape_model

        # The model is kept between runs (it stands for a download); its conversion cache is not.
        options.model = str(ensure_fullshape_model(default_folder()))
    with tempfile.TemporaryDirectory() as work, x_server() as display:
        folder = Path(work)
        book, model = prepare_book(folder, options.sentences, options.model)
        load = os.getloadavg()
        print(f"display: {display}; load average before: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")
        if options.throughput:
            return throughput(book, model, folder, options.throughput)
        if options.first_english:
            return first_english(book, model, folder)
        from bench_ui_session import Session  # Qt is imported only now, with the display chosen

        session = Session(book, model, folder, options.shots, why=options.why)
        code = session.run()
        print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
        return code


def first_english(book: Path, model: str, folder: Path) -> int:
    """Seconds from the window on screen to the first English, conversion and load included."""
    from bench_ui_session import first_english as play

    marks = play(book, model, folder)
    for name, value in marks.items():
        print(f"{name}: {value:.1f}" if name.endswith("ms") else f"{name}: {value:.2f} s after the window")
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    return 0 if "first English" in marks else 1


def throughput(book: Path, model: str, folder: Path, pairs: int) -> int:
    """The window's rate (model ready → last English, untouched) against the CLI's, alternated
    *pairs* times so that both halves of a pair see the same load (one window run then one CLI run
    had them see different loads: 78 % to 111 % on one machine). Every run has a fresh cache and
    library: the window's autosave would hand the next run the whole book translated."""
    from bench_ui_session import translate_untouched

    ratios = []
    for pair in range(1, pairs + 1):
        run = folder / f"pair-{pair}"
        run.mkdir()
        os.environ["BIREADER_CACHE_DIR"] = str(run / "window-cache")
        os.environ["BIREADER_DATA_DIR"] = str(run / "window-data")
        load = os.getloadavg()[0]
        window_rate, sentences = translate_untouched(book, model, run)
        cli_rate = cli_throughput(book, model, run)
        if not window_rate or cli_rate is None:
            return 1
        ratios.append(window_rate / cli_rate)
        print(
            f"pair {pair} (load {load:.1f} → {os.getloadavg()[0]:.1f}): window {window_rate:.1f}, "
            f"CLI {cli_rate:.1f} sentences/s ({sentences} sentences): window / CLI {ratios[-1]:.0%}"
        )
    print(f"window / CLI, median of {pairs}: {statistics.median(ratios):.0%}")
    return 0


def cli_throughput(book: Path, model: str, run: Path) -> float | None:
    """``bireader translate --json --alignment`` with the window's engine settings and a fresh cache:
    sentences/s from its ``--timings`` (None when it failed)."""
    os.environ["BIREADER_CACHE_DIR"] = str(run / "cli-cache")
    os.environ["BIREADER_DATA_DIR"] = str(run / "cli-data")
    command = [sys.executable, "-m", "reader", "translate", str(book), "--model", model, "--beams", "1"]
    command += ["--json", "--alignment", "--timings"]
    done = subprocess.run(command, cwd=REPO, capture_output=True, text=True, check=False)
    found = re.search(r"(\d+) sentences translated in ([\d.]+) s", done.stderr)
    if done.returncode or found is None:
        print(f"the CLI failed ({done.returncode}): {done.stderr.strip()[-400:]}")
        return None
    return int(found.group(1)) / float(found.group(2))


if __name__ == "__main__":
    raise SystemExit(main())
