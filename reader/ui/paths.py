"""Where the window's plain resource files (icons, style sheet, UI translations) live.

They are ordinary files in ``reader/resources/`` (no .qrc build step), inside the package so a
wheel ships them (listed in pyproject's package-data); ``icons:`` becomes a Qt search path so
widgets can say ``QIcon("icons:warning.svg")``.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QDir

RESOURCES = Path(__file__).resolve().parents[1] / "resources"


def resource_path(*parts: str) -> Path:
    return RESOURCES.joinpath(*parts)


def register_search_paths() -> None:
    """Make ``icons:`` resolve to reader/resources/icons (idempotent)."""
    folder = str(RESOURCES / "icons")
    if folder not in QDir.searchPaths("icons"):
        QDir.addSearchPath("icons", folder)
