"""Start-up and the real engine: `python -m reader FILE`, offline banner, and the tiny model end to end."""

from __future__ import annotations

import argparse
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer

import reader.ui.app as app_module
from reader.model import Status
from reader.translate.fake import FakeTranslator
from reader.translate.protocol import DEFAULT_MODEL
from reader.ui.app import default_translator_factory, model_override, run_gui
from reader.ui.i18n import remove_ui_language
from reader.ui.main_window import MainWindow
from reader.ui.stall_meter import StallMeter

STALL_LIMIT_MS = 100


@pytest.fixture
def quiet_start(qapp, monkeypatch: pytest.MonkeyPatch, ui_settings) -> Iterator[None]:
    """run_gui with settings under tmp_path, a fake engine, and the test app's palette left alone."""
    monkeypatch.setattr(app_module, "AppSettings", lambda: ui_settings)
    monkeypatch.setattr(app_module, "default_translator_factory", lambda _settings: FakeTranslator())
    monkeypatch.setattr(app_module, "ThemeKeeper", lambda _app, _choice: None)
    quit_on_close = qapp.quitOnLastWindowClosed()
    qapp.setQuitOnLastWindowClosed(False)  # the test ends the loop itself, exactly once
    yield
    qapp.setQuitOnLastWindowClosed(quit_on_close)
    remove_ui_language(qapp)


def test_run_gui_opens_the_file_and_returns_when_the_window_closes(qapp, quiet_start, seed_path) -> None:
    seen: dict[str, object] = {}

    def close_when_translated() -> None:
        windows = [w for w in qapp.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
        document = windows[0].document if windows else None
        if document is not None and document.translated_count == len(document.segments):
            seen["title"] = windows[0].windowTitle()
            seen["sentences"] = len(document.segments)
            windows[0].close()
            qapp.exit(0)
        else:
            QTimer.singleShot(10, close_when_translated)

    QTimer.singleShot(0, close_when_translated)
    assert run_gui(argparse.Namespace(file=str(seed_path), model=None)) == 0
    assert seen == {"title": f"{seed_path.name} — Bilingual Reader", "sentences": 15}


def test_model_on_the_command_line_or_in_the_environment_overrides_the_setting(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    assert model_override(None) is None
    assert model_override(str(tmp_path)) == str(tmp_path)
    monkeypatch.setenv("BIREADER_MODEL", "someone/opus-mt-ar-en")
    assert model_override(None) == "someone/opus-mt-ar-en"


def test_starting_the_window_loads_no_engine_library() -> None:
    code = (
        "import sys, reader.ui.app; "
        "print(sorted(m for m in ('torch', 'transformers', 'ctranslate2', 'fpdf') if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_a_blank_model_variable_does_not_override_the_saved_model(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BIREADER_MODEL", "  ")
    assert model_override(None) is None
    assert model_override("  ") is None


def test_offline_the_real_engine_leaves_the_arabic_and_names_the_missing_model(
    qtbot, make_window, seed_path
) -> None:
    window = make_window(factory=default_translator_factory)
    with qtbot.waitSignal(window.controller.model_unavailable, timeout=60_000):
        window.open_path(seed_path)
    assert window.banner.isVisible()
    assert DEFAULT_MODEL in window.banner.message.text()
    assert window.view.row_count() == 15
    assert all(s.status is Status.PENDING for s in window.document.segments)


@pytest.mark.slow
def test_the_tiny_model_translates_the_seed_end_to_end_without_freezing_the_window(
    qtbot, make_window, ui_settings, seed_path, tiny_model: Path
) -> None:
    ui_settings.beams = 1  # greedy: the same work for the window, less for the CPU
    window = make_window(factory=default_translator_factory, model_override=str(tiny_model))
    meter = StallMeter(window, interval_ms=5)
    with qtbot.waitSignal(window.controller.model_ready, timeout=120_000):
        window.open_path(seed_path)
    meter.start()
    with qtbot.waitSignal(window.controller.finished, timeout=120_000):
        pass
    stall = meter.stop()
    sentences = window.document.segments
    assert all(s.status is Status.DONE and s.translation for s in sentences)
    window.view.viewport().repaint()
    assert all(row.position < 15 for row in window.view.painted)
    print(f"\nlongest event-loop stall while the tiny model translated the seed: {stall:.1f} ms")
    assert stall < STALL_LIMIT_MS


def test_the_window_paints_without_qts_painting_threads(qapp, monkeypatch: pytest.MonkeyPatch) -> None:
    """Qt's painting thread pool cost the GUI thread a wake-up and a wait per tall fill while a
    book translated on the other cores; the application turns it off unless the user set it."""
    monkeypatch.delenv("QT_NO_GUI_THREADPOOL", raising=False)
    app_module.create_application([])
    assert app_module.os.environ.get("QT_NO_GUI_THREADPOOL") == "1"
    monkeypatch.setenv("QT_NO_GUI_THREADPOOL", "")
    app_module.create_application([])
    assert app_module.os.environ["QT_NO_GUI_THREADPOOL"] == ""  # the user's choice is kept
