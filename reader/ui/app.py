"""Start-up of the window: application, fonts, palette, UI language, then the document if one was given.

The window appears before the translation model loads: the model is loaded in the background
once a document is open, and a missing model only shows a banner.
"""

from __future__ import annotations

import argparse
import os
import sys

from PySide6.QtCore import QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from reader.translate.factory import model_from_cli_or_env  # cheap: engines load torch only on use
from reader.translate.protocol import EngineSettings, Translator
from reader.ui.fonts import register_fonts
from reader.ui.i18n import install_ui_language
from reader.ui.main_window import MainWindow
from reader.ui.paths import resource_path
from reader.ui.settings import APPLICATION, ORGANIZATION, AppSettings
from reader.ui.stall_meter import StallMeter
from reader.ui.theme import ThemeKeeper


def default_translator_factory(settings: EngineSettings) -> Translator:
    """The real engine (with its cache); imported only when a translator is needed."""
    from reader.translate.factory import create_translator

    return create_translator(settings)


def model_override(cli_model: str | None) -> str | None:
    """``--model`` (or a non-blank ``BIREADER_MODEL``) wins over the saved setting for this run only."""
    return model_from_cli_or_env(cli_model)


def create_application(argv: list[str] | None = None) -> QApplication:
    # Qt hands every fill taller than 64 lines (a scroll bar, a row's divider) to a pool of
    # painting threads and waits for them; with the translation on the other cores that was a
    # wake-up and a wait per fill, on every paint (resizing: 10-25 % of the GUI thread's CPU on
    # two cores under Xvfb). Filling on the GUI thread is cheaper here. (Read once, at first paint.)
    os.environ.setdefault("QT_NO_GUI_THREADPOOL", "1")
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName(APPLICATION)
    app.setDesktopFileName("bireader")
    app.setWindowIcon(QIcon(str(resource_path("icons", "app.svg"))))  # the window registers icons:
    return app


def run_gui(args: argparse.Namespace) -> int:
    """Open the window (and ``args.file`` if given); return the application's exit code."""
    app = create_application()
    settings = AppSettings()
    install_ui_language(app, settings.ui_language)
    ThemeKeeper(app, settings.theme)
    window = MainWindow(
        settings,
        translator_factory=default_translator_factory,
        fonts=register_fonts(),
        model_override=model_override(getattr(args, "model", None)),
    )
    window.show()
    if getattr(args, "file", None):
        # After the event loop starts, so the window is on screen while the file loads.
        QTimer.singleShot(0, lambda: window.open_path(args.file))
    meter = StallMeter(app) if os.environ.get("BIREADER_STALL_METER") else None
    if meter is not None:
        meter.start()
    code = app.exec()
    if meter is not None:
        print(f"longest event-loop stall: {meter.stop():.0f} ms", file=sys.stderr)
    return code
