"""``make run``'s check that Qt's xcb plugin can load, with the exact packages when it cannot."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from reader.ui import platform_check
from reader.ui.platform_check import advice, main, missing_libraries

# What ldd said on a fresh Debian 12 with libxcb-cursor0 installed (issue 13).
LDD_FRESH_DEBIAN = """\
\tlinux-vdso.so.1 (0x00007ffd)
\tlibQt6XcbQpa.so.6 => /venv/PySide6/Qt/lib/libQt6XcbQpa.so.6 (0x00007f)
\tlibxcb-cursor.so.0 => /lib/x86_64-linux-gnu/libxcb-cursor.so.0 (0x00007f)
\tlibxcb-icccm.so.4 => not found
\tlibxcb-keysyms.so.1 => not found
\tlibxcb-icccm.so.4 => not found
"""


def test_missing_libraries_are_read_from_ldd_once_each() -> None:
    assert missing_libraries(LDD_FRESH_DEBIAN) == ["libxcb-icccm.so.4", "libxcb-keysyms.so.1"]
    assert missing_libraries("\tlibc.so.6 => /lib/libc.so.6 (0x1)\n") == []


def test_advice_names_the_debian_and_fedora_packages() -> None:
    assert advice(["libxcb-icccm.so.4", "libxcb-keysyms.so.1"]).splitlines() == [
        "error: Qt's window-system plugin (xcb) cannot load: missing libxcb-icccm.so.4, libxcb-keysyms.so.1",
        "  Debian/Ubuntu: sudo apt install libxcb-icccm4 libxcb-keysyms1",
        "  Fedora:        sudo dnf install xcb-util-wm xcb-util-keysyms",
    ]


def test_unknown_library_is_named_with_how_to_find_its_package() -> None:
    assert advice(["libweird.so.9"]).splitlines()[-1].startswith("  (find the package for libweird.so.9")


def test_check_fails_with_the_advice_when_libraries_are_missing(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.setattr(platform_check, "xcb_plugin", lambda: Path("/venv/libqxcb.so"))
    monkeypatch.setattr(sys, "platform", "linux")
    assert main(lambda _plugin: LDD_FRESH_DEBIAN) == 1
    assert "sudo apt install libxcb-icccm4 libxcb-keysyms1" in capsys.readouterr().err
    assert main(lambda _plugin: "\tlibc.so.6 => /lib/libc.so.6 (0x1)\n") == 0


@pytest.mark.parametrize("platform", ["offscreen", "wayland"])
def test_other_platforms_are_not_checked(monkeypatch: pytest.MonkeyPatch, platform: str) -> None:
    monkeypatch.setenv("QT_QPA_PLATFORM", platform)
    assert main(lambda _plugin: LDD_FRESH_DEBIAN) == 0


def test_the_real_plugin_is_found_and_checked_without_importing_qt() -> None:
    code = (
        "import sys; from reader.ui import platform_check as c; "
        "p = c.xcb_plugin(); print(p is not None and p.name); "
        "print(sorted(m for m in sys.modules if m.startswith('PySide6.')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    found, modules = out.splitlines()
    assert found in {"libqxcb.so", "False"}
    assert modules == "[]"


def test_make_run_checks_the_plugin_first() -> None:
    makefile = (Path(__file__).resolve().parent.parent / "Makefile").read_text(encoding="utf-8")
    run = makefile.split("\nrun:", 1)[1].split("\n\n", 1)[0]
    assert run.index("reader.ui.platform_check") < run.index("-m reader $(SEED)")


def test_missing_ocr_is_named_as_optional_without_failing_the_check(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    assert main(lambda _plugin: "", ocr_check=lambda: False) == 0
    err = capsys.readouterr().err
    assert err.startswith("note (optional): reading scanned PDFs")
    assert err.count("\n") == 1
    assert "sudo apt-get install tesseract-ocr tesseract-ocr-ara" in err
    assert main(lambda _plugin: "", ocr_check=lambda: True) == 0
    assert capsys.readouterr().err == ""


def test_ocr_is_found_as_the_ocr_reader_finds_it() -> None:
    from reader.formats import ocr

    try:
        ocr.check_available()
        available = True
    except ocr.OcrUnavailable:
        available = False
    assert platform_check.ocr_ready() is available
    assert f"sudo {ocr.INSTALL}" == platform_check.OCR_INSTALL
