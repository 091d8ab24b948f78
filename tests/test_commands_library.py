"""The CLI and the library: an edit made through the library API is in the next translate/export;
``--no-library`` ignores it; ``translate --project`` writes a project every command opens."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from reader.cli import main
from reader.commands import engine_options
from reader.library.positions import content_hash
from reader.library.store import Library
from reader.translate.fake import FakeTranslator
from reader.translate.protocol import EngineSettings
from reader.translate.service import TranslationService
from tests.helpers.editing import edit
from tests.helpers.loading import load_document

TEXT = "العنوان\n\nجملة أولى، ثم تكملة. جملة ثانية؟\n"


@pytest.fixture(autouse=True)
def fake(monkeypatch: pytest.MonkeyPatch) -> None:
    def factory(settings: EngineSettings, *, use_cache: bool = True) -> TranslationService:
        return TranslationService(
            settings,
            use_cache=use_cache,
            engine_factory=lambda _: FakeTranslator(),  # type: ignore[arg-type]
        )

    monkeypatch.setattr(engine_options, "create_translator", factory)


@pytest.fixture
def source(tmp_path: Path) -> Path:
    path = tmp_path / "book.txt"
    path.write_text(TEXT, encoding="utf-8")
    return path


def edit_through_the_library(path: Path, english: str) -> int:
    document = load_document(path)
    library = Library()
    key = content_hash(document)
    library.restore(key, document)
    library.attach(key, document)
    target = document.segment_at(1).id
    edit(document, target, english)
    library.close()
    return target


def records(capsys: pytest.CaptureFixture[str], *args: str) -> list[dict[str, object]]:
    assert main(["translate", *args, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_translate_and_export_see_an_edit_made_in_the_library(
    source: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = edit_through_the_library(source, "By hand, with a comma.")
    found = {r["id"]: r for r in records(capsys, str(source))}
    assert (found[target]["translation"], found[target]["origin"]) == ("By hand, with a comma.", "edited")
    out = tmp_path / "book.csv"
    assert main(["export", str(source), "-o", str(out)]) == 0
    rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    assert rows[2][3:5] == ["By hand, with a comma.", "edited"]
    plain = {r["id"]: r for r in records(capsys, str(source), "--no-library")}
    assert plain[target]["origin"] == "machine"


def test_export_formats_by_suffix_and_by_request(source: Path, tmp_path: Path) -> None:
    for name, args, start in (
        ("a.tmx", [], b"<?xml"),
        ("a.xlf", [], b"<?xml"),
        ("a.data", ["--format", "csv"], b"\xef\xbb\xbfid,"),
    ):
        out = tmp_path / name
        assert main(["export", str(source), "-o", str(out), *args]) == 0
        assert out.read_bytes().startswith(start)


def test_translate_writes_a_project_that_every_command_opens(
    source: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    edit_through_the_library(source, "Kept in the project.")
    project = tmp_path / "book.bireader"
    assert main(["translate", str(source), "--project", str(project)]) == 0
    capsys.readouterr()
    source.unlink()  # the project carries the text itself
    translated = records(capsys, str(project), "--no-library")
    assert "Kept in the project." in [r["translation"] for r in translated]
    assert main(["segment", str(project), "--json"]) == 0
    assert len(json.loads(capsys.readouterr().out)) == len(translated)
    out = tmp_path / "book.tmx"
    assert main(["export", str(project), "-o", str(out)]) == 0
    assert "Kept in the project." in out.read_text(encoding="utf-8")


def test_a_damaged_project_exits_2_with_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "bad.bireader"
    path.write_bytes(b"nope" * 50)
    assert main(["segment", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert err.startswith("error: bad.bireader: damaged project file")


def test_find_sees_an_edit_made_in_the_library(source: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = edit_through_the_library(source, "Corrected by the reader.")
    assert main(["find", str(source), "corrected", "--json"]) == 0
    hits = json.loads(capsys.readouterr().out)
    assert [(h["id"], h["language"], h["match"]) for h in hits] == [(target, "en", "Corrected")]
    assert main(["find", str(source), "corrected", "--json", "--no-library"]) == 0
    assert json.loads(capsys.readouterr().out) == []
