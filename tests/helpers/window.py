"""Small helpers for window tests: open a document and wait, read what a row shows."""

from __future__ import annotations

from pathlib import Path


def open_and_wait(qtbot, window, path: str | Path, timeout: int = 5000) -> None:  # type: ignore[no-untyped-def]
    """Open *path* (loading runs in the background) and wait until it is on screen."""
    with qtbot.waitSignal(window.document_opened, timeout=timeout):
        window.open_path(path)


def english_shown(window, row: int) -> str:  # type: ignore[no-untyped-def]
    """The text the English cell of *row* shows (a translation, the failure mark or a placeholder)."""
    view = window.view
    return view.layouts.english_display(window.document.segment_at(row), view.placeholder)[0]


def row_boxes(window, row: int):  # type: ignore[no-untyped-def]
    """(arabic, english) text boxes of a painted row, in viewport coordinates."""
    view = window.view
    view.viewport().repaint()
    painted = next(p for p in view.painted if p.position == row)
    rect = painted.rect.adjusted(0, view.layouts.gap_above(row, window.document.starts_block(row)), 0, 0)
    return view.layouts.arabic_and_english(rect)


def paste_and_wait(qtbot, window, text: str, timeout: int = 5000) -> None:  # type: ignore[no-untyped-def]
    """Open *text* as a pasted document (structured in the background) and wait until it is on screen."""
    with qtbot.waitSignal(window.document_opened, timeout=timeout):
        assert window.open_text(text)


def drop_file(qtbot, window, path: str | Path, timeout: int = 5000) -> None:  # type: ignore[no-untyped-def]
    """Drop *path* on the window as a file manager would, and wait until it is on screen."""
    from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
    from PySide6.QtGui import QDropEvent

    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(
        QPointF(50, 50),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    with qtbot.waitSignal(window.document_opened, timeout=timeout):
        window.dropEvent(event)
