"""Standard output that fails or cannot hold Arabic: one line and exit 2, or escapes; never silent."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from reader.cli import main


def _run(args: list[str], **kwargs: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "reader", *args], capture_output=True, text=True, timeout=60, **kwargs
    )  # type: ignore[call-overload]


def test_dev_full_exits_2_with_one_line(seed_path: Path) -> None:
    if not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full here")
    with open("/dev/full", "w") as full:
        result = subprocess.run(
            [sys.executable, "-m", "reader", "segment", str(seed_path)],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            timeout=60,
        )
    assert result.returncode == 2
    assert result.stderr == "error: cannot write the output: No space left on device\n"


def test_closed_stdout_exits_2_with_one_line(seed_path: Path) -> None:
    result = subprocess.run(
        ["sh", "-c", 'exec "$0" -m reader segment "$1" >&-', sys.executable, str(seed_path)],
        stderr=subprocess.PIPE,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert result.stderr == "error: cannot write the output: standard output is closed\n"


def test_ascii_output_encoding_still_prints(seed_path: Path, seed_text: str) -> None:
    env = {**os.environ, "PYTHONIOENCODING": "ascii"}
    plain = _run(["segment", str(seed_path)], env=env)
    assert plain.returncode == 0, plain.stderr
    assert plain.stderr == ""
    assert "\\u0642" in plain.stdout  # ق, escaped
    as_json = _run(["segment", "--json", str(seed_path)], env=env)
    assert as_json.returncode == 0
    assert "".join(r["text"] for r in json.loads(as_json.stdout))[:20] == seed_text.replace("\n", "")[:20]


def test_broken_pipe_is_quiet(seed_path: Path) -> None:
    with subprocess.Popen(
        [sys.executable, "-m", "reader", "segment", str(seed_path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    ) as child:
        assert child.stdout is not None
        child.stdout.close()  # the reader of the pipe goes away before anything is written
        _, errors = child.communicate(timeout=60)
    assert child.returncode == 0
    assert errors == b""


_EVIL = "جملة \x1b[31mحمراء\x1b[0m.\x07 وأخرى \x9b2J فيها\rسطر."


def test_control_characters_in_document_text_never_reach_the_terminal_raw(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "doc.txt"
    path.write_text(_EVIL, encoding="utf-8")
    for args in (["segment", str(path)], ["segment", "--json", str(path)]):
        assert main(args) == 0
        out = capsys.readouterr().out
        assert not any(ch in out for ch in "\x1b\x07\x9b\r")
    assert main(["segment", str(path)]) == 0
    assert "\\x1b[31m" in capsys.readouterr().out
    assert main(["segment", "--json", str(path)]) == 0
    texts = "".join(r["text"] for r in json.loads(capsys.readouterr().out))
    assert "\x1b[31m" in texts  # JSON keeps the exact text, escaped


def test_error_naming_a_file_with_a_newline_and_escapes_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    name = tmp_path / "a\nb\x1b]0;title\x07.txt"
    assert main(["segment", str(name)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "\x1b" not in err
    assert err.endswith("a\\nb\\x1b]0;title\\x07.txt\n")


def test_warning_naming_a_file_with_a_newline_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "bad\nname.txt"
    path.write_bytes("جملة.".encode() + b"\xff")
    assert main(["segment", str(path)]) == 0
    assert (
        capsys.readouterr().err
        == "warning: bad\\nname.txt: 1 invalid UTF-8 byte sequence(s) shown as U+FFFD\n"
    )
