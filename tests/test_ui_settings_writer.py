"""Settings reach the file from a thread, a moment later, and nothing set before quitting is lost."""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings

from reader.ui import settings_writer
from reader.ui.settings import AppSettings


def on_disk(path: Path, key: str) -> str | None:
    """What a fresh reader of the file sees (not the writer's own object), as text."""
    value = QSettings(str(path), QSettings.Format.IniFormat).value(key)
    return None if value is None else str(value)


class ThreadNoting(QSettings):
    """A QSettings that notes the thread each file write runs on."""

    threads: list[str] = []

    def sync(self) -> None:
        ThreadNoting.threads.append(threading.current_thread().name)
        super().sync()


def test_a_write_reaches_the_file_later_and_not_on_the_gui_thread(qtbot, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(settings_writer, "QSettings", ThreadNoting)
    ThreadNoting.threads = []
    path = tmp_path / "s.ini"
    settings = AppSettings(QSettings(str(path), QSettings.Format.IniFormat))
    settings.zoom = 140
    settings.zoom = 150  # a run of zoom steps …
    QCoreApplication.processEvents()  # … the turn in which QSettings itself would write
    assert on_disk(path, "view/zoom") is None
    assert settings.zoom == 150  # read back at once, before the file has it
    qtbot.waitUntil(lambda: on_disk(path, "view/zoom") == "150", timeout=5000)
    qtbot.waitUntil(lambda: not settings._writer.pending, timeout=5000)
    assert ThreadNoting.threads == ["settings writer"]  # one write for the run, off the GUI thread


def test_a_write_from_a_worker_thread_is_written_by_the_gui_threads_timer(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "s.ini"
    settings = AppSettings(QSettings(str(path), QSettings.Format.IniFormat))
    worker = threading.Thread(target=lambda: setattr(settings, "theme", "dark"))
    worker.start()
    worker.join()  # the worker has ended: a timer of its own would have died with it
    qtbot.waitUntil(lambda: on_disk(path, "view/theme") == "dark", timeout=5000)


def test_a_value_set_just_before_quitting_is_on_disk_after_sync(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "s.ini"
    settings = AppSettings(QSettings(str(path), QSettings.Format.IniFormat))
    settings._writer._timer.setInterval(60_000)  # the deferred write would come far too late
    settings.zoom = 170
    settings.theme = "dark"
    settings.sync()  # what the window's closeEvent does
    assert (on_disk(path, "view/zoom"), on_disk(path, "view/theme")) == ("170", "dark")
    assert not settings._writer.pending


QUITTING = """
import sys, time
from PySide6.QtCore import QCoreApplication, QSettings
from reader.ui import settings_writer
from reader.ui.settings import AppSettings

class Slow(QSettings):  # a slow writer: still under way when the script ends
    def setValue(self, key, value):
        time.sleep(0.5)
        super().setValue(key, value)

settings_writer.QSettings = Slow
app = QCoreApplication([])
settings = AppSettings(QSettings(sys.argv[1], QSettings.Format.IniFormat))
settings.zoom = 180
settings.sync(wait=False)  # what the window's closeEvent does: the window is gone at once
"""


def test_a_write_handed_over_while_quitting_is_finished_before_the_process_ends(tmp_path: Path) -> None:
    import subprocess
    import sys

    path = tmp_path / "s.ini"
    run = subprocess.run(
        [sys.executable, "-c", QUITTING, str(path)], capture_output=True, text=True, timeout=60, check=False
    )
    assert run.returncode == 0, run.stderr
    assert on_disk(path, "view/zoom") == "180"


def test_a_write_after_the_writer_was_deleted_raises_nothing(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A window torn down as the process ends may still set a value (a dock hidden by its
    destruction): the deleted writer drops it instead of raising into Qt's teardown."""
    import shiboken6

    settings = AppSettings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    shiboken6.delete(settings._writer)
    shown = not settings.show_details
    settings.show_details = shown
    assert settings.show_details is shown  # still read back in this run
