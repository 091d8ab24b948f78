"""The typed QSettings wrapper: values survive a restart, nonsense falls back to defaults."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from reader.translate.protocol import DEFAULT_MODEL, EngineSettings
from reader.ui.settings import MAX_RECENT, AppSettings


def reopen(settings: AppSettings) -> AppSettings:
    settings.sync()
    return AppSettings(QSettings(settings.store.fileName(), QSettings.Format.IniFormat))


def test_defaults(ui_settings: AppSettings) -> None:
    assert ui_settings.engine_settings() == EngineSettings(model=DEFAULT_MODEL, engine="auto", beams=None)
    assert ui_settings.zoom == 100
    assert not ui_settings.arabic_on_left
    assert ui_settings.recent_files == []
    assert ui_settings.state("geometry") is None


def test_values_survive_a_restart(ui_settings: AppSettings, tmp_path: Path) -> None:
    ui_settings.model = str(tmp_path / "my-model")
    ui_settings.engine = "ct2"
    ui_settings.beams = 2
    ui_settings.batch_size = 8
    ui_settings.zoom = 130
    ui_settings.arabic_on_left = True
    ui_settings.theme = "dark"
    ui_settings.export_layout = "interleaved"
    ui_settings.export_page_size = "Letter"
    ui_settings.export_justify_arabic = True
    ui_settings.set_state("geometry", QByteArray(b"\x01\x02"))
    again = reopen(ui_settings)
    assert again.engine_settings() == EngineSettings(
        model=str(tmp_path / "my-model"), engine="ct2", beams=2, batch_size=8
    )
    assert (again.zoom, again.arabic_on_left, again.theme) == (130, True, "dark")
    assert (again.export_layout, again.export_page_size) == ("interleaved", "Letter")
    assert again.export_justify_arabic is True
    assert again.state("geometry") == QByteArray(b"\x01\x02")


def test_a_hand_edited_file_with_nonsense_falls_back_to_defaults(tmp_path: Path) -> None:
    path = tmp_path / "edited.ini"
    path.write_text(
        "[engine]\nmodel=\nengine=warp-drive\nbeams=many\nbatch_size=-5\n"
        "[view]\nzoom=9000\narabic_on_left=perhaps\ntheme=purple\n"
        "[export]\nlayout=diagonal\npage_size=A0\n",
        encoding="utf-8",
    )
    settings = AppSettings(QSettings(str(path), QSettings.Format.IniFormat))
    assert settings.model == DEFAULT_MODEL
    assert settings.engine == "auto"
    assert settings.beams == 0
    assert settings.batch_size == 1  # clamped
    assert settings.zoom == 300  # clamped
    assert settings.arabic_on_left is False
    assert settings.theme == "system"
    assert (settings.export_layout, settings.export_page_size) == ("side-by-side", "A4")


def test_writing_an_unknown_choice_stores_the_default(ui_settings: AppSettings) -> None:
    ui_settings.engine = "ct2"
    ui_settings.engine = "warp-drive"
    ui_settings.export_page_size = "A0"
    again = reopen(ui_settings)
    assert (again.engine, again.export_page_size) == ("auto", "A4")


def test_recent_files_most_recent_first_without_duplicates_and_bounded(ui_settings: AppSettings) -> None:
    for number in range(MAX_RECENT + 3):
        ui_settings.add_recent_file(f"/docs/{number}.txt")
    ui_settings.add_recent_file("/docs/5.txt")
    files = reopen(ui_settings).recent_files
    assert files[0] == "/docs/5.txt"
    assert len(files) == MAX_RECENT
    assert len(set(files)) == MAX_RECENT
    ui_settings.clear_recent_files()
    assert reopen(ui_settings).recent_files == []


def test_a_single_recent_file_reads_back_as_a_list(ui_settings: AppSettings) -> None:
    ui_settings.add_recent_file("/docs/only.txt")
    assert reopen(ui_settings).recent_files == ["/docs/only.txt"]
