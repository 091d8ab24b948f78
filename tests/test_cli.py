"""The command-line dispatcher: usage errors, logging to stderr, lazy sub-commands."""

from __future__ import annotations

import logging
import subprocess
import sys
from pathlib import Path

import pytest

from reader.cli import COMMANDS, main


def test_every_command_has_help(capsys: pytest.CaptureFixture[str]) -> None:
    for name in COMMANDS:
        with pytest.raises(SystemExit) as exited:
            main([name, "--help"])
        assert exited.value.code == 0
        assert f"bireader {name}" in capsys.readouterr().out


def test_window_usage_error_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["a.txt", "b.txt"]) == 2
    assert capsys.readouterr().err == "error: unrecognized arguments: b.txt (see --help)\n"


def test_core_warnings_reach_stderr_as_one_line(seed_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["segment", str(seed_path)]) == 0
    capsys.readouterr()
    logging.getLogger("reader.translate.cache").warning("translation cache disabled: %s", "disk full")
    logging.getLogger("reader.translate.cache").info("not shown")
    assert capsys.readouterr().err == "warning: translation cache disabled: disk full\n"


def test_main_module_is_the_console_script(seed_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "reader", "segment", "--json", str(seed_path)], capture_output=True, text=True
    )
    assert result.returncode == 0
    assert result.stdout.startswith("[")
