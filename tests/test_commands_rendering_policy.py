"""The CLI under the rendering policy: a document's own translations need no model."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from reader.cli import main
from reader.commands import engine_options
from reader.formats.plain_text import build_text_document
from reader.library.project import open_project, save_project
from reader.model import SegmentResult
from reader.translate.fake import FakeTranslator
from reader.translate.protocol import EngineSettings
from reader.translate.service import TranslationService

REPO = Path(__file__).resolve().parent.parent
TEXT = "العنوان\n\nجملة أولى، ثم تكملة. جملة ثانية؟\n"


def use_engine(monkeypatch: pytest.MonkeyPatch, engine: FakeTranslator) -> None:
    def factory(settings: EngineSettings, *, use_cache: bool = True) -> TranslationService:
        return TranslationService(settings, use_cache=use_cache, engine_factory=lambda _: engine)  # type: ignore[arg-type,return-value]

    monkeypatch.setattr(engine_options, "create_translator", factory)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A project every sentence of which another computer's model translated."""
    document = build_text_document(TEXT, name="book.txt")
    document.apply_results(
        [
            SegmentResult(s.id, s.revision, f"elsewhere {s.id}", model="/their/model · ct2-int8")
            for s in document.segments
        ]
    )
    path = tmp_path / "book.bireader"
    save_project(path, document)
    return path


def translations(capsys: pytest.CaptureFixture[str], *args: str) -> list[tuple[str, str]]:
    assert main(["translate", *args, "--json", "--no-library"]) == 0
    return [(r["translation"], r["model"]) for r in json.loads(capsys.readouterr().out)]


def test_a_project_keeps_its_translations_when_no_model_is_named(
    project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    use_engine(monkeypatch, FakeTranslator(unavailable="model 'x' is not downloaded"))
    found = translations(capsys, str(project))
    assert found == [(f"elsewhere {i}", "/their/model · ct2-int8") for i in range(3)]


def test_an_explicit_model_that_can_be_had_replaces_machine_output(
    project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    use_engine(monkeypatch, FakeTranslator(name="mine · fake"))
    found = translations(capsys, str(project), "--model", "mine")
    assert {model for _text, model in found} == {"mine · fake"}


def test_an_explicit_model_that_cannot_be_had_keeps_them_with_one_warning(
    project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    use_engine(monkeypatch, FakeTranslator(unavailable="model 'mine' is not downloaded"))
    assert main(["translate", str(project), "--model", "mine", "--json", "--no-library"]) == 0
    out, err = capsys.readouterr()
    assert [r["translation"] for r in json.loads(out)] == [f"elsewhere {i}" for i in range(3)]
    assert err == "warning: kept 3 translation(s) made by another model: model 'mine' is not downloaded\n"


def test_missing_sentences_still_need_the_model(
    project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    loaded = open_project(project)
    loaded.document.reset([loaded.document.segment_at(1).id], keep_edited=False)
    save_project(project, loaded.document)
    use_engine(monkeypatch, FakeTranslator(unavailable="model 'x' is not downloaded"))
    assert main(["translate", str(project), "--no-library"]) == 3
    assert capsys.readouterr().err == "error: model 'x' is not downloaded\n"


@pytest.mark.slow
def test_a_project_made_with_a_model_folder_exports_on_a_machine_without_it(
    tiny_model: Path, tmp_path: Path
) -> None:
    """As a person would: the model folder gone, offline, a fresh cache: translate and export (exit 0)."""
    folder = tmp_path / "their-model"
    shutil.copytree(tiny_model, folder)
    source = tmp_path / "news.txt"
    source.write_text(TEXT, encoding="utf-8")
    project = tmp_path / "news.bireader"
    made = ["translate", str(source), "--model", str(folder), "--engine", "transformers", "--beams", "1"]
    assert main([*made, "--no-cache", "--no-library", "--project", str(project)]) == 0
    shutil.rmtree(folder)
    environment = {
        **os.environ,
        "HF_HUB_OFFLINE": "1",
        "HF_HUB_CACHE": str(tmp_path / "empty-hub"),
        "BIREADER_DATA_DIR": str(tmp_path / "fresh-data"),
    }
    environment.pop("BIREADER_MODEL", None)

    def cli(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "reader", *args], capture_output=True, text=True, cwd=REPO, env=environment
        )

    translated = cli("translate", str(project), "--json")
    assert translated.returncode == 0, translated.stderr
    records = json.loads(translated.stdout)
    assert len(records) == 3
    assert all(r["translation"] and r["model"].startswith(str(folder)) for r in records)
    pdf = tmp_path / "out.pdf"
    exported = cli("export", str(project), "-o", str(pdf))
    assert exported.returncode == 0, exported.stderr
    assert "warning" not in exported.stderr
    assert pdf.read_bytes().startswith(b"%PDF")
