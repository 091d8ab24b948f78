"""Standard output that fails or cannot hold Arabic: one line and exit 2, or escapes; never silent."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from reader.cli import main
from reader.commands.stdout import ESCAPES, write_output
from reader.errors import BadInput


def _run(args: list[str], **kwargs: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "reader", *args], capture_output=True, text=True, timeout=60, **kwargs
    )  # type: ignore[call-overload]


def _big_document(folder: Path, seed_text: str, copies: int = 40) -> Path:
    """Some 300 KB of JSON from ``segment --json``: more than a pipe or a 16 KB limit holds."""
    path = folder / "big.txt"
    path.write_text("\n\n".join([seed_text] * copies), encoding="utf-8")
    return path


def _dev_full() -> object:
    if not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full here")
    return open("/dev/full", "w")  # noqa: SIM115 (closed by the caller's with)


FULL = "error: cannot write the output: No space left on device\n"
CUT = "error: cannot write the output: the program reading it closed the pipe, so it is cut short\n"


@pytest.mark.parametrize(
    "args",
    [
        ["segment", "SEED"],
        ["segment", "--json", "SEED"],
        ["find", "--no-library", "SEED", "جنيف"],
        ["export", "--no-library", "SEED", "-o", "-", "--format", "html", "--allow-untranslated"],
        ["segment", "--help"],
    ],
    ids=["segment", "segment-json", "find", "export-stdout", "help"],
)
def test_dev_full_exits_2_with_one_line(seed_path: Path, args: list[str]) -> None:
    with _dev_full() as full:  # type: ignore[attr-defined]
        result = subprocess.run(
            [sys.executable, "-m", "reader", *[str(seed_path) if a == "SEED" else a for a in args]],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            timeout=60,
            env={**os.environ, "BIREADER_MODEL": "/nonexistent"},
        )
    assert result.returncode == 2
    assert result.stderr.splitlines()[-1:] == [FULL.strip()]
    assert not any(line.startswith("error") for line in result.stderr.splitlines()[:-1])


def test_disk_filling_mid_write_exits_2_not_0(tmp_path: Path, seed_text: str) -> None:
    """A full disk takes part of a large write and refuses the rest: the part must not pass for all."""
    import resource

    big = _big_document(tmp_path, seed_text)
    limit = 16384

    def small_disk() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))  # Python ignores SIGXFSZ: EFBIG

    out = tmp_path / "out.json"
    with out.open("w") as handle:
        result = subprocess.run(
            [sys.executable, "-m", "reader", "segment", "--json", "--no-library", str(big)],
            stdout=handle,
            stderr=subprocess.PIPE,
            text=True,
            timeout=60,
            preexec_fn=small_disk,
        )
    assert out.stat().st_size == limit
    assert (result.returncode, result.stderr) == (2, "error: cannot write the output: File too large\n")


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


def test_ascii_json_keeps_latin1_and_astral_characters_exact(tmp_path: Path) -> None:
    """``·`` (in every model name) came out as ``\\xb7``, which is not JSON; an emoji needs two escapes."""
    text = "قال · المتحدث 😀 café."
    path = tmp_path / "doc.txt"
    path.write_text(text, encoding="utf-8")
    result = _run(
        ["segment", "--json", "--no-library", str(path)], env={**os.environ, "PYTHONIOENCODING": "ascii"}
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.isascii()
    assert "\\u00b7" in result.stdout
    assert "\\ud83d\\ude00" in result.stdout
    assert [r["text"] for r in json.loads(result.stdout)] == [text]


def test_escape_handler_writes_json_escapes() -> None:
    assert "a·😀ق".encode("ascii", errors=ESCAPES) == b"a\\u00b7\\ud83d\\ude00\\u0642"
    assert "·ق".encode("latin-1", errors=ESCAPES) == b"\xb7\\u0642"  # only what the encoding lacks


def test_pipe_closed_before_anything_is_written_exits_2(seed_path: Path) -> None:
    with subprocess.Popen(
        [sys.executable, "-m", "reader", "segment", str(seed_path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    ) as child:
        assert child.stdout is not None
        child.stdout.close()  # the reader of the pipe goes away before anything is written
        _, errors = child.communicate(timeout=60)
    assert child.returncode == 2
    assert errors.decode() == CUT


def test_pipe_closed_mid_output_exits_2_not_0(tmp_path: Path, seed_text: str) -> None:
    """``| head -c 100``: the kernel takes part of the large write, the rest must not vanish quietly."""
    big = _big_document(tmp_path, seed_text)
    with subprocess.Popen(
        [sys.executable, "-m", "reader", "segment", "--json", "--no-library", str(big)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    ) as child:
        assert child.stdout is not None
        assert child.stdout.read(100).startswith(b"[")
        child.stdout.close()
        _, errors = child.communicate(timeout=60)
    assert child.returncode == 2
    assert errors.decode() == CUT


def test_write_output_to_a_closed_stream_is_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdout", None)
    with pytest.raises(BadInput, match="^cannot write the output: standard output is closed$"):
        write_output("x")


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


@pytest.mark.slow
def test_translate_json_under_ascii_stdout_is_valid_json(
    tiny_model: Path, ct2_converted: Path, tmp_path: Path
) -> None:
    """The reported case: the model field («… · ct2 · …») held a raw ``·``."""
    path = tmp_path / "doc.txt"
    path.write_text("قال المتحدث إن المحادثات مستمرة.", encoding="utf-8")
    args = ["translate", "--json", "--no-library", "--engine", "ct2", "--model", str(tiny_model)]
    result = _run([*args, str(path)], env={**os.environ, "PYTHONIOENCODING": "ascii"})
    assert result.returncode == 0, result.stderr
    assert result.stdout.isascii()
    (record,) = json.loads(result.stdout)
    assert record["source"] == "قال المتحدث إن المحادثات مستمرة."
    assert " · " in record["model"]
