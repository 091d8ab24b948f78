"""A built wheel, installed outside the repository, starts the window: resources ship in the package.

Slow (builds a wheel, about 10-20 s) but kept quick: no build isolation, no dependency
resolution. The new environment sees the project venv's dependencies through a ``.pth`` line;
a path in a ``.pth`` file is not itself scanned for ``.pth`` files, so the project's editable
install stays invisible and ``reader`` can only come from the wheel.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
_START = """
import argparse, sys
from PySide6.QtCore import QTimer
import reader
from reader.ui import app as ui_app
from reader.ui.paths import resource_path

assert "site-packages" in reader.__file__, reader.__file__
for parts in (("icons", "app.svg"), ("icons", "warning.svg"), ("qss", "reader.qss"), ("i18n", "reader_ar.qm")):
    assert resource_path(*parts).is_file(), parts
application = ui_app.create_application(["bireader"])
QTimer.singleShot(0, application.quit)
code = ui_app.run_gui(argparse.Namespace(file=None, model=None))
print("window ran", code, reader.__file__)
"""


def _copy_sources(target: Path) -> None:
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "*.ts")
    shutil.copytree(REPO / "reader", target / "reader", ignore=ignore)
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(REPO / name, target / name)


@pytest.mark.slow
@pytest.mark.timeout(240)
def test_wheel_ships_resources_and_starts_the_window(tmp_path: Path) -> None:
    source = tmp_path / "src"
    _copy_sources(source)
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation"]
        + ["--no-index", "-w", str(tmp_path / "dist"), str(source)],
        check=True,
        capture_output=True,
        cwd=tmp_path,
    )
    (wheel,) = (tmp_path / "dist").glob("bilingual_reader-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "reader/resources/qss/reader.qss" in names
    assert "reader/resources/i18n/reader_ar.qm" in names

    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / "bin" / "python"
    site = Path(
        subprocess.run(
            [str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    )
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-index"]
        + ["--target", str(site), str(wheel)],
        check=True,
        capture_output=True,
    )
    (site / "project-dependencies.pth").write_text(sysconfig.get_path("purelib") + "\n", encoding="utf-8")
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "HOME": str(tmp_path / "home"),
        "XDG_CONFIG_HOME": str(tmp_path / "home" / "config"),
        "PYTHONPATH": "",
    }
    result = subprocess.run(
        [str(python), "-c", _START], capture_output=True, text=True, cwd=tmp_path, env=env, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("window ran 0 ")
    assert str(site) in result.stdout
