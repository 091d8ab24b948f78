"""The Arabic UI: it loads, flips the layout to right-to-left, and its files are complete and compiled."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from reader.ui.i18n import available_languages, install_ui_language, remove_ui_language
from reader.ui.paths import resource_path
from tests.helpers.window import open_and_wait, row_boxes

BIN = Path(sys.executable).parent
TS = resource_path("i18n", "reader_ar.ts")
QM = resource_path("i18n", "reader_ar.qm")


@pytest.fixture
def ui_language(qapp) -> Iterator[None]:
    """Whatever a test installs is removed afterwards: translators are application-wide."""
    yield
    remove_ui_language(qapp)


def test_the_arabic_ui_loads_and_flips_the_layout_to_right_to_left(
    qtbot, qapp, ui_language, make_window, seed_path
) -> None:
    assert install_ui_language(qapp, "ar_EG") == "ar"
    assert qapp.layoutDirection() == Qt.LayoutDirection.RightToLeft
    window = make_window()
    open_and_wait(qtbot, window, seed_path)
    assert window.layoutDirection() == Qt.LayoutDirection.RightToLeft
    menus = [action.text() for action in window.menuBar().actions()]
    assert menus[:3] == ["&ملف", "&تحرير", "&عرض"]
    assert window.windowTitle().endswith("القارئ ثنائي اللغة")
    qtbot.waitUntil(lambda: window.progress_panel.label.text().startswith("تُرجمت "))  # counting
    # The reading panes keep their own directions: Arabic still on the right.
    header = window.reading.header
    assert header.right_title.text() == "العربية"
    arabic, english = row_boxes(window, 0)
    assert arabic.left() > english.right()


def test_english_needs_no_file_and_switching_back_restores_left_to_right(qapp, ui_language) -> None:
    install_ui_language(qapp, "ar")
    assert install_ui_language(qapp, "en_GB") == "en"
    assert qapp.layoutDirection() == Qt.LayoutDirection.LeftToRight


def test_a_language_without_a_translation_falls_back_to_english(qapp, ui_language) -> None:
    assert install_ui_language(qapp, "tlh") == "en"
    assert qapp.layoutDirection() == Qt.LayoutDirection.LeftToRight


def test_arabic_is_offered() -> None:
    assert "ar" in available_languages()


def test_every_ui_string_has_an_arabic_translation(tmp_path: Path) -> None:
    """lupdate over the sources finds nothing new or unfinished in the committed .ts file."""
    copy = tmp_path / "reader_ar.ts"
    shutil.copy(TS, copy)
    sources = sorted(str(p) for p in resource_path("..", "ui").resolve().glob("*.py"))
    subprocess.run(
        [str(BIN / "pyside6-lupdate"), *sources, "-ts", str(copy)], check=True, capture_output=True
    )
    messages = list(ET.parse(copy).getroot().iter("message"))
    assert messages
    unfinished = [
        m.findtext("source")
        for m in messages
        if m.find("translation").get("type") in {"unfinished", "vanished", "obsolete"}
    ]
    assert unfinished == []


def test_the_compiled_qm_matches_the_ts_source(tmp_path: Path) -> None:
    compiled = tmp_path / "reader_ar.qm"
    subprocess.run(
        [str(BIN / "pyside6-lrelease"), str(TS), "-qm", str(compiled)], check=True, capture_output=True
    )
    assert compiled.read_bytes() == QM.read_bytes(), "run pyside6-lrelease (see reader/ui/i18n.py)"
