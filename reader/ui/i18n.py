"""UI translations: one QTranslator for our strings (reader/resources/i18n/reader_<lang>.qm) and one for Qt's own.

The layout direction follows the loaded translation: Qt's convention is that translators render
the string ``QT_LAYOUT_DIRECTION`` (context ``QGuiApplication``) as ``RTL`` for right-to-left
languages, and our Arabic file does. The reading panes keep their own, per-language direction.

Regenerate after changing UI strings:
``.venv/bin/pyside6-lupdate reader/ui/*.py -ts reader/resources/i18n/reader_ar.ts`` (then translate) and
``.venv/bin/pyside6-lrelease reader/resources/i18n/reader_ar.ts -qm reader/resources/i18n/reader_ar.qm``.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, Qt, QTranslator
from PySide6.QtWidgets import QApplication

from reader.ui.paths import resource_path

_installed: list[QTranslator] = []


def available_languages() -> list[str]:
    """Languages with a compiled UI translation, besides the built-in English."""
    folder = resource_path("i18n")
    return sorted(p.stem.removeprefix("reader_") for p in folder.glob("reader_*.qm"))


def install_ui_language(app: QApplication, language: str = "") -> str:
    """Load the UI translation for *language* (``""``: the system locale); return the language used.

    English needs no file. Any previously installed translation is removed first, so this can
    also switch back to English.
    """
    remove_ui_language(app)
    name = language or QLocale.system().name()
    code = name.split("_")[0].split("-")[0].lower()
    used = "en"
    ours = QTranslator(app)
    if code != "en" and ours.load(str(resource_path("i18n", f"reader_{code}.qm"))):
        app.installTranslator(ours)
        _installed.append(ours)
        used = code
        qt_own = QTranslator(app)
        if qt_own.load(f"qtbase_{code}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            app.installTranslator(qt_own)
            _installed.append(qt_own)
    app.setLayoutDirection(layout_direction())
    return used


def remove_ui_language(app: QApplication) -> None:
    while _installed:
        app.removeTranslator(_installed.pop())
    app.setLayoutDirection(Qt.LayoutDirection.LeftToRight)


def layout_direction() -> Qt.LayoutDirection:
    """What the installed translations ask for (Qt's ``QT_LAYOUT_DIRECTION`` convention)."""
    rtl = QCoreApplication.translate("QGuiApplication", "QT_LAYOUT_DIRECTION") == "RTL"
    return Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight
