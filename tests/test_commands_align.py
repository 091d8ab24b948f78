"""``bireader align``: JSON links, projects with human English, the bitext files, bad input."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from reader.cli import main
from reader.library.project import open_project
from reader.model import Origin
from tests.helpers.seed_human_english import HUMAN_ENGLISH, HUMAN_LINKS, write_human_english


@pytest.fixture
def human_english(tmp_path: Path) -> Path:
    return write_human_english(tmp_path)


def test_json_links_the_seed_exactly_without_a_model(
    seed_path: Path, human_english: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["align", str(seed_path), str(human_english), "--json", "--no-model", "--no-library"]) == 0
    out, err = capsys.readouterr()
    records = json.loads(out)
    assert [(tuple(r["arabic"]), tuple(r["english"])) for r in records] == list(HUMAN_LINKS)
    assert records[2]["english_text"] == f"{HUMAN_ENGLISH[2]} {HUMAN_ENGLISH[3]}"
    assert all(0 <= r["score"] <= 1 for r in records)
    assert err == ""


def test_a_missing_model_is_one_warning_line_and_the_alignment_goes_on(
    seed_path: Path, human_english: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "no-such-model"
    assert (
        main(["align", str(seed_path), str(human_english), "--json", "--model", str(missing), "--no-library"])
        == 0
    )
    out, err = capsys.readouterr()
    assert [(tuple(r["arabic"]), tuple(r["english"])) for r in json.loads(out)] == list(HUMAN_LINKS)
    assert err.count("\n") == 1
    assert err.startswith("warning: aligning without a model")


def test_a_project_shows_the_human_english_with_the_arabic_merged_where_one_sentence_translates_two(
    seed_path: Path, human_english: Path, tmp_path: Path
) -> None:
    lines = seed_path.read_text(encoding="utf-8").splitlines()
    arabic = tmp_path / "talks.ar.txt"  # Arabic sentences 4 and 5 in one paragraph, so they can merge
    arabic.write_text(
        "\n\n".join([*lines[:3], f"{lines[3]} {lines[4]}", *lines[5:]]) + "\n", encoding="utf-8"
    )
    out = tmp_path / "talks.bireader"
    assert main(["align", str(arabic), str(human_english), "-o", str(out), "--no-model", "--no-library"]) == 0
    segments = open_project(out).document.segments
    assert len(segments) == 14  # Arabic sentences 4 and 5 are one row now
    assert all(s.rendering is not None and s.rendering.origin is Origin.HUMAN for s in segments)
    assert segments[2].translation == f"{HUMAN_ENGLISH[2]} {HUMAN_ENGLISH[3]}"
    assert segments[3].translation == HUMAN_ENGLISH[4]
    assert segments[3].text.startswith("وقال أحد المصادر")
    assert "ولا تزال العديد" in segments[3].text


def test_sentences_of_two_paragraphs_are_not_merged_each_shows_its_part_of_the_english(
    seed_path: Path, human_english: Path, tmp_path: Path
) -> None:
    out = tmp_path / "talks.bireader"
    assert (
        main(["align", str(seed_path), str(human_english), "-o", str(out), "--no-model", "--no-library"]) == 0
    )
    segments = open_project(out).document.segments
    assert len(segments) == 15
    assert all(s.rendering is not None and s.rendering.origin is Origin.HUMAN for s in segments)
    assert f"{segments[3].translation} {segments[4].translation}" == HUMAN_ENGLISH[4]
    assert segments[4].translation.startswith("though many other details")


def test_the_bitext_as_csv(seed_path: Path, human_english: Path, tmp_path: Path) -> None:
    out = tmp_path / "talks.csv"
    assert (
        main(["align", str(seed_path), str(human_english), "-o", str(out), "--no-model", "--no-library"]) == 0
    )
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert len(rows) == 15
    assert all(row["origin"] == "human" for row in rows)  # 4 and 5 of the seed each show a part of one


def test_an_english_sentence_without_arabic_is_kept_with_the_row_before(
    seed_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    english = tmp_path / "extra.en.txt"
    paragraphs = [
        HUMAN_ENGLISH[0],
        HUMAN_ENGLISH[1],
        f"{HUMAN_ENGLISH[2]} {HUMAN_ENGLISH[3]}",
        *HUMAN_ENGLISH[4:],
    ]
    paragraphs[6] += " The translator adds that this note is not in the Arabic original at all."
    english.write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
    out = tmp_path / "talks.bireader"
    assert main(["align", str(seed_path), str(english), "-o", str(out), "--no-model", "--no-library"]) == 0
    shown = " ".join(s.translation or "" for s in open_project(out).document.segments)
    assert "not in the Arabic original" in shown


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["-o", "out.pdf"], "-o takes a .bireader, .tmx, .xlf or .csv file"),
        ([], "no-such.txt"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(
    seed_path: Path,
    tmp_path: Path,
    extra: list[str],
    message: str,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)
    english = "no-such.txt" if not extra else str(seed_path)
    assert main(["align", str(seed_path), english, "--no-model", "--no-library", *extra]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert message in err


@pytest.mark.slow
def test_with_the_tiny_model_the_bridge_is_used_and_cached(
    seed_path: Path, human_english: Path, tiny_model: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    arguments = ["align", str(seed_path), str(human_english), "--json", "--model", str(tiny_model)]
    arguments += ["--engine", "transformers", "--beams", "1", "--no-library"]
    assert main(arguments) == 0
    out, err = capsys.readouterr()
    records = json.loads(out)
    assert [i for r in records for i in r["arabic"]] == list(range(15))
    assert "warning" not in err
