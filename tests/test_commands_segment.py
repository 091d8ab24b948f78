"""``bireader segment``: output formats, exit codes, and what it must not import."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from reader.cli import main

REPO = Path(__file__).resolve().parent.parent


def test_plain_output_one_sentence_per_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "doc.txt"
    path.write_text("العنوان\nجملة أولى. جملة ثانية؟\n", encoding="utf-8")
    assert main(["segment", str(path)]) == 0
    assert capsys.readouterr().out == "العنوان\n\nجملة أولى.\nجملة ثانية؟\n"


def test_json_output(seed_path: Path, seed_text: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["segment", str(seed_path), "--json"]) == 0
    records = json.loads(capsys.readouterr().out)
    assert len(records) == 15
    assert set(records[0]) == {"paragraph", "index", "id", "kind", "text", "start", "end"}
    for position, record in enumerate(records):
        assert record["index"] == position
        assert seed_text[record["start"] : record["end"]] == record["text"]
    assert len({record["id"] for record in records}) == len(records)
    assert {record["kind"] for record in records} == {"paragraph"}


def test_json_records_name_block_kinds_and_ids(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "doc.txt"
    path.write_text("العنوان\nجملة أولى. جملة ثانية؟\n", encoding="utf-8")
    assert main(["segment", str(path), "--json"]) == 0
    records = json.loads(capsys.readouterr().out)
    assert [(r["paragraph"], r["index"], r["kind"]) for r in records] == [
        (0, 0, "heading"),
        (1, 1, "paragraph"),
        (1, 2, "paragraph"),
    ]
    assert len({r["id"] for r in records}) == 3


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["segment", "/no/such/file.txt"], "error: no such file: /no/such/file.txt"),
        (["segment"], "error: the following arguments are required: file (see --help)"),
        (["segment", "a.txt", "--colour"], "error: unrecognized arguments: --colour (see --help)"),
    ],
)
def test_bad_usage_and_paths_exit_2(
    args: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(args) == 2
    captured = capsys.readouterr()
    assert captured.err == message + "\n"
    assert captured.out == ""


def test_directory_and_binary_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["segment", str(tmp_path)]) == 2
    binary = tmp_path / "image.png"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    assert main(["segment", str(binary)]) == 2
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    assert main(["segment", str(empty)]) == 2
    assert capsys.readouterr().err.splitlines() == [
        f"error: {tmp_path} is a folder, not a document",
        "error: image.png: the image is damaged or not a format this reader knows",  # images are read by OCR
        "error: empty.txt: no text",
    ]


def test_subprocess_imports_no_heavy_modules_and_no_traceback(seed_path: Path, tmp_path: Path) -> None:
    code = (
        "import sys, runpy; sys.argv = ['reader', 'segment', sys.argv[1]];\n"
        "try:\n    runpy.run_module('reader', run_name='__main__')\n"
        "except SystemExit as e:\n    code = e.code\n"
        "heavy = sorted({m.split('.')[0] for m in sys.modules} & {'torch', 'transformers', 'PySide6', 'ctranslate2'})\n"
        "print('HEAVY', heavy, file=sys.stderr); sys.exit(code)"
    )
    ok = subprocess.run(
        [sys.executable, "-c", code, str(seed_path)], capture_output=True, text=True, cwd=REPO
    )
    assert ok.returncode == 0
    assert "HEAVY []" in ok.stderr
    bad = subprocess.run(
        [sys.executable, "-m", "reader", "segment", str(tmp_path / "missing.txt")],
        capture_output=True,
        text=True,
        cwd=REPO,
    )
    assert bad.returncode == 2
    assert bad.stderr == f"error: no such file: {tmp_path / 'missing.txt'}\n"
    assert "Traceback" not in bad.stderr
