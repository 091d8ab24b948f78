"""Font files: shipped faces are found; the Noto Serif instance is made once and reused."""

from __future__ import annotations

from pathlib import Path

import pytest
from fpdf import FPDF

from reader.export import fonts


def test_shipped_fonts_are_found() -> None:
    assert fonts.amiri_file().is_file()
    assert fonts.amiri_file("Bold").is_file()
    assert fonts.noto_serif_variable_file().is_file()


@pytest.fixture
def fresh_memory(monkeypatch: pytest.MonkeyPatch) -> None:
    """Forget the instances made earlier in this process."""
    monkeypatch.setattr(fonts, "_instances", {})


def test_instance_is_made_once_then_read_from_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fresh_memory: None
) -> None:
    made: list[dict[str, float]] = []

    def instantiate(font: Path, axes: dict[str, float]) -> bytes:
        made.append(axes)
        return b"static font bytes"

    monkeypatch.setattr(fonts, "_instantiate", instantiate)
    source = fonts.noto_serif_variable_file()
    first = fonts.static_instance(source, {"wght": 400}, tmp_path / "fonts")
    assert first.parent == tmp_path / "fonts"
    assert first.read_bytes() == b"static font bytes"
    assert fonts.static_instance(source, {"wght": 400}, tmp_path / "fonts") == first
    monkeypatch.setattr(fonts, "_instances", {})  # a new process finds the file on disk
    assert fonts.static_instance(source, {"wght": 400}, tmp_path / "fonts") == first
    assert made == [{"wght": 400}]
    assert fonts.static_instance(source, {"wght": 700}, tmp_path / "fonts") != first
    assert len(made) == 2


def test_each_cache_folder_gets_its_own_instance(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fresh_memory: None
) -> None:
    monkeypatch.setattr(fonts, "_instantiate", lambda font, axes: b"static font bytes")
    source = fonts.noto_serif_variable_file()
    in_a = fonts.static_instance(source, {"wght": 400}, tmp_path / "a")
    in_b = fonts.static_instance(source, {"wght": 400}, tmp_path / "b")
    assert in_a.parent == tmp_path / "a"
    assert in_b.parent == tmp_path / "b"
    assert in_b.read_bytes() == b"static font bytes"


def test_unwritable_cache_raises_oserror(tmp_path: Path, fresh_memory: None) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(NotADirectoryError):
        fonts.static_instance(fonts.noto_serif_variable_file(), {"wght": 400}, blocker / "fonts")


def test_export_works_without_a_writable_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    added: list[tuple[str, dict[str, float] | None]] = []

    def no_cache(*args: object) -> Path:
        raise OSError(30, "Read-only file system")

    def record(self: FPDF, family: str, style: str = "", fname: object = None, **kwargs: object) -> None:
        added.append((family, kwargs.get("variations")))  # type: ignore[arg-type]

    monkeypatch.setattr(fonts, "static_instance", no_cache)
    monkeypatch.setattr(FPDF, "add_font", record)
    fonts.register_fonts(FPDF())
    assert (fonts.LATIN, {"wght": 400.0, "wdth": 100.0}) in added
