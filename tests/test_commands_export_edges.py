"""``export`` at the edges: to standard output, progress on stderr, Ctrl+C, orphaned temp files."""

from __future__ import annotations

import io
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from reader.atomic import STALE_AGE
from reader.cli import main

NO_MODEL = ["--no-library", "--model", "/nonexistent", "--allow-untranslated"]


def test_export_to_stdout_is_the_file_export(
    seed_path: Path, tmp_path: Path, capfdbinary: pytest.CaptureFixture[bytes]
) -> None:
    for fmt, name in (("html", "out.html"), ("csv", "out.csv")):
        assert main(["export", str(seed_path), "-o", str(tmp_path / name), *NO_MODEL]) == 0
        capfdbinary.readouterr()
        assert main(["export", str(seed_path), "-o", "-", "--format", fmt, *NO_MODEL]) == 0
        captured = capfdbinary.readouterr()
        assert captured.out == (tmp_path / name).read_bytes()
        assert captured.err.decode().endswith("wrote standard output\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.csv", "out.html"]


def test_export_to_stdout_needs_a_format(seed_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", str(seed_path), "-o", "-", *NO_MODEL]) == 2
    assert capsys.readouterr().err == (
        "error: writing to standard output (-o -) needs --format (pdf, epub, html, tmx, xliff, csv)\n"
    )


def test_a_pdf_goes_to_a_pipe_but_never_to_a_terminal(
    seed_path: Path, monkeypatch: pytest.MonkeyPatch, capfdbinary: pytest.CaptureFixture[bytes]
) -> None:
    assert main(["export", str(seed_path), "-o", "-", "--format", "pdf", *NO_MODEL]) == 0
    assert capfdbinary.readouterr().out.startswith(b"%PDF-")

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr(sys, "stdout", Terminal())
    assert main(["export", str(seed_path), "-o", "-", "--format", "epub", *NO_MODEL]) == 2
    assert capfdbinary.readouterr().err.decode() == (
        "error: will not write the EPUB file to the terminal: redirect it, or use -o FILE\n"
    )


def test_progress_when_asked_is_plain_lines_with_the_total(
    seed_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out.html"
    assert main(["export", str(seed_path), "-o", str(out), "--progress", *NO_MODEL]) == 0
    lines = capsys.readouterr().err.splitlines()
    assert lines[1] == "writing HTML 1/15 pairs (6%)"
    assert lines[2].startswith("writing HTML 15/15 pairs (100%)")
    assert "\r" not in "".join(lines)
    assert main(["export", str(seed_path), "-o", str(out), *NO_MODEL]) == 0
    assert "writing" not in capsys.readouterr().err  # not a terminal, not asked: no progress


def test_the_next_export_removes_old_orphaned_temps_in_its_folder(seed_path: Path, tmp_path: Path) -> None:
    writer = os.getppid()  # a running process: only the age can make its files stale
    old = tmp_path / f".book.pdf.{writer}-0123abcd.tmp"
    young = tmp_path / f".book.pdf.{writer}-89abcdef.tmp"
    theirs = tmp_path / ".book.pdf.swp"
    for path, age in ((old, STALE_AGE + 60), (young, 60.0), (theirs, STALE_AGE + 60)):
        path.write_bytes(b"%PDF-1.4 partial")
        then = time.time() - age
        os.utime(path, (then, then))
    assert main(["export", str(seed_path), "-o", str(tmp_path / "other.html"), *NO_MODEL]) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([young.name, theirs.name, "other.html"])


@pytest.mark.slow
@pytest.mark.parametrize(
    ("signum", "code", "line"),
    [(signal.SIGINT, 130, "error: interrupted"), (signal.SIGTERM, 143, "error: terminated")],
    ids=["ctrl-c", "kill"],
)
def test_a_stopped_large_export_leaves_nothing_behind(
    seed_text: str, tmp_path: Path, signum: int, code: int, line: str
) -> None:
    source = tmp_path / "big.txt"
    source.write_text("\n\n".join([seed_text] * 200), encoding="utf-8")  # 3000 pairs: seconds of layout
    folder = tmp_path / "out"
    folder.mkdir()
    command = [
        sys.executable,
        "-m",
        "reader",
        "export",
        str(source),
        "-o",
        str(folder / "big.pdf"),
        "--progress",
    ]
    with subprocess.Popen(
        [*command, *NO_MODEL], stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True
    ) as child:
        assert child.stderr is not None
        for shown in child.stderr:
            if shown.startswith("writing PDF"):
                break
        child.send_signal(signum)
        rest = child.stderr.read()
        child.wait(timeout=60)
    assert child.returncode == code
    assert rest.splitlines()[-1] == line
    assert "Traceback" not in rest
    assert list(folder.iterdir()) == []
