"""The user cache folder: platformdirs by default, BIREADER_CACHE_DIR when set."""

from __future__ import annotations

from pathlib import Path

import platformdirs
import pytest

from reader import paths


def test_override_variable_wins(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BIREADER_CACHE_DIR", str(tmp_path / "elsewhere"))
    assert paths.user_cache_dir() == tmp_path / "elsewhere"
    assert paths.translation_cache_path().parent == tmp_path / "elsewhere"
    assert paths.models_dir() == tmp_path / "elsewhere" / "models"


def test_override_expands_home(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BIREADER_CACHE_DIR", "~/bireader-cache")
    assert paths.user_cache_dir() == Path.home() / "bireader-cache"


@pytest.mark.parametrize("value", ["", "   "])
def test_platform_folder_without_override(value: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BIREADER_CACHE_DIR", value)
    expected = Path(platformdirs.user_cache_dir("bireader", appauthor=False))
    assert paths.user_cache_dir() == expected


def test_nothing_is_created(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BIREADER_CACHE_DIR", str(tmp_path / "not-yet"))
    paths.translation_cache_path()
    assert not (tmp_path / "not-yet").exists()
