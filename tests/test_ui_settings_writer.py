"""The settings file is written off the GUI thread, once per burst of changes, and again later."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings

from reader.ui.settings_writer import DeferredSettingsWriter


def on_disk(path: Path) -> str:
    return path.read_text(encoding="utf-8") if path.exists() else ""


def test_a_burst_of_changes_is_written_once_later_and_a_later_change_again(qtbot, tmp_path: Path) -> None:
    path = tmp_path / "settings.ini"
    store = QSettings(str(path), QSettings.Format.IniFormat)
    writer = DeferredSettingsWriter(store, settle_ms=100)
    for zoom in (110, 120, 130):  # a zoom step each: each used to write the file in its next turn
        store.setValue("view/zoom", zoom)
        QCoreApplication.processEvents()
    assert "130" not in on_disk(path)  # not written in those turns
    qtbot.waitUntil(lambda: "zoom=130" in on_disk(path), timeout=5000)
    qtbot.waitUntil(lambda: writer.writes == writer.settled == 1, timeout=5000)  # re-armed
    store.setValue("view/zoom", 140)
    qtbot.waitUntil(lambda: "zoom=140" in on_disk(path), timeout=5000)
    assert writer.writes == 2
    assert QSettings(str(path), QSettings.Format.IniFormat).value("view/zoom") in (140, "140")


def test_sync_on_closing_still_writes_at_once(qtbot, tmp_path: Path) -> None:
    from reader.ui.settings import AppSettings

    path = tmp_path / "settings.ini"
    settings = AppSettings(QSettings(str(path), QSettings.Format.IniFormat))
    settings.zoom = 150
    settings.sync()
    assert "zoom=150" in on_disk(path)
