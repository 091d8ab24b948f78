"""``bireader models``: list, download (progress, verification, conversion), import, remove, exit codes.

Downloads go to the 127.0.0.1 hub of :mod:`tests.helpers.hub_server`. The tiny model's int8
conversion is the session's (``ct2_converted``), so ``download`` finds it ready; the removal test
uses a cache folder of its own so it never deletes the shared conversions.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.cli import main
from reader.paths import models_dir, translation_cache_path
from reader.translate.model_location import find_model
from tests.helpers.hub_server import HubState, closed_port, hub_for_tests, repo_from_folder


@pytest.fixture
def hub(tiny_model: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[HubState]:
    state = HubState({"org/tiny": repo_from_folder(tiny_model)})
    with hub_for_tests(state, tmp_path / "hub", monkeypatch):
        yield state


def _listed(capsys: pytest.CaptureFixture[str]) -> dict[str, dict[str, object]]:
    assert main(["models", "list", "--json"]) == 0
    return {record["model"]: record for record in json.loads(capsys.readouterr().out)}


def test_list_shows_the_catalogue_without_network(capsys: pytest.CaptureFixture[str]) -> None:
    records = _listed(capsys)
    big = records["Helsinki-NLP/opus-mt-tc-big-ar-en"]
    assert big["installed"] is False
    assert big["licence"] == "CC-BY-4.0"
    assert "FLORES-101" in str(big["quality"])
    assert records["Helsinki-NLP/opus-mt-ar-en"]["licence"] == "Apache-2.0"
    assert main(["models", "list"]) == 0
    text = capsys.readouterr().out
    assert "Helsinki-NLP/opus-mt-tc-big-ar-en  [not installed]  965 MB" in text


@pytest.mark.usefixtures("ct2_converted")
def test_download_reports_progress_verifies_and_is_listed_converted(
    hub: HubState, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["models", "download", "org/tiny"]) == 0
    captured = capsys.readouterr()
    model, folder = captured.out.strip().split("\t")
    assert model == "org/tiny"
    assert find_model("org/tiny") is not None
    progress = [line for line in captured.err.splitlines() if line.startswith("downloading org/tiny:")]
    assert progress, captured.err
    assert " of " in progress[-1]
    assert "/s, " in progress[-1]  # the rate
    assert progress[-1].endswith(" left")
    record = _listed(capsys)["org/tiny"]
    assert record["installed"] is True
    assert record["converted"] is True
    assert record["folder"] == folder
    assert record["origin"] == "hub cache"


@pytest.mark.parametrize(
    ("arguments", "code", "message"),
    [
        (["download", "org/nope"], 3, "error: model 'org/nope' was not found on the model hub"),
        (["download", "./some/folder"], 2, "is a folder, not a hub id"),
        (["import", "/nowhere/at/all"], 2, "is not a folder"),
        (["remove", "org/tiny", "--yes"], 2, "error: model 'org/tiny' is not installed"),
        (["frob"], 2, "invalid choice"),
    ],
)
def test_bad_requests_exit_with_one_line(
    hub: HubState, arguments: list[str], code: int, message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["models", *arguments]) == code
    errors = [line for line in capsys.readouterr().err.splitlines() if line.startswith("error:")]
    assert len(errors) == 1
    assert message in errors[0]


def test_checksum_mismatch_exits_3_and_says_which_file(
    hub: HubState, capsys: pytest.CaptureFixture[str]
) -> None:
    hub.corrupt.add("source.spm")
    assert main(["models", "download", "org/tiny"]) == 3
    last = capsys.readouterr().err.strip().splitlines()[-1]
    assert last.startswith("error: 'source.spm' of model 'org/tiny' does not match the model hub's checksum")
    assert find_model("org/tiny") is None


def test_hub_down_exits_3(
    hub: HubState, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("HF_ENDPOINT", closed_port())
    assert main(["models", "download", "org/tiny"]) == 3
    assert "the model hub cannot be reached" in capsys.readouterr().err


@pytest.mark.usefixtures("ct2_converted")
def test_import_checks_remembers_and_forgets_but_keeps_the_folder(
    tiny_model: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = Path(shutil.copytree(tiny_model, tmp_path / "mine"))
    assert main(["models", "import", str(folder)]) == 0
    assert capsys.readouterr().out.strip() == f"{folder}\t{folder}"
    record = _listed(capsys)[str(folder)]
    assert (record["origin"], record["installed"], record["converted"]) == ("imported", True, True)
    not_marian = tmp_path / "empty"
    not_marian.mkdir()
    assert main(["models", "import", str(not_marian)]) == 3
    assert "has no config.json" in capsys.readouterr().err
    assert main(["models", "remove", str(folder), "--yes"]) == 0
    assert str(folder) not in _listed(capsys)
    assert (folder / "model.safetensors").is_file()  # the user's folder is never deleted


def test_remove_asks_first_then_leaves_nothing_behind(
    hub: HubState, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("BIREADER_CACHE_DIR", str(tmp_path / "own-cache"))  # not the shared conversions
    from reader.translate.model_download import download_from_hub

    download_from_hub("org/tiny")
    location = find_model("org/tiny")
    assert location is not None
    converted = models_dir() / "ct2" / f"{location.fingerprint}-int8-ct2v4"
    converted.mkdir(parents=True)
    (converted / "model.bin").write_bytes(b"converted")
    other = models_dir() / "ct2" / "0123456789abcdef-int8-ct2v4"
    other.mkdir()
    translation_cache_path().parent.mkdir(parents=True, exist_ok=True)
    with sqlite3.connect(translation_cache_path()) as db:
        db.execute("CREATE TABLE translations (setup TEXT, source TEXT, translation TEXT, created INTEGER)")
        db.execute("INSERT INTO translations VALUES ('org/tiny|fp|ct2|b4', 'ar', 'en', 0)")
        db.execute("INSERT INTO translations VALUES ('org/tiny2|fp|ct2|b4', 'ar', 'en', 0)")
    db.close()

    assert main(["models", "remove", "org/tiny"]) == 2
    assert "add --yes" in capsys.readouterr().err
    assert find_model("org/tiny") is not None

    assert main(["models", "remove", "org/tiny", "--yes"]) == 0
    assert "1 cached translations" in capsys.readouterr().err
    hub_cache = tmp_path / "hub"
    assert not [p for p in hub_cache.rglob("*") if "org--tiny" in str(p)]
    assert not converted.exists()
    assert other.exists()  # another model's conversion stays
    with sqlite3.connect(translation_cache_path()) as db:
        assert db.execute("SELECT setup FROM translations").fetchall() == [("org/tiny2|fp|ct2|b4",)]
    db.close()
    assert find_model("org/tiny") is None
