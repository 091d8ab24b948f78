"""``bireader find``: hits in the Arabic and the cached English, plain and JSON, and bad queries."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.cli import main

TEXT = "ذَهَبَ الولد إلى المَدْرَسَةِ. قرأ كتاباً في المدرسة.\n\nأكل الطفل تفاحة.\n"


@pytest.fixture
def book(tmp_path: Path) -> Path:
    path = tmp_path / "book.txt"
    path.write_text(TEXT, encoding="utf-8")
    return path


def test_json_lists_sentence_language_and_original_offsets(
    book: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["find", str(book), "مدرسة", "--json", "--no-cache"]) == 0
    records = json.loads(capsys.readouterr().out)
    assert [(r["index"], r["language"], r["match"]) for r in records] == [
        (0, "ar", "مَدْرَسَةِ"),
        (1, "ar", "مدرسة"),
    ]
    sentences = ["ذَهَبَ الولد إلى المَدْرَسَةِ.", "قرأ كتاباً في المدرسة."]
    for record in records:
        assert sentences[record["index"]][record["start"] : record["end"]] == record["match"]


def test_plain_output_brackets_each_hit(book: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["find", str(book), "اكل", "--no-cache"]) == 0
    assert capsys.readouterr().out == "2\tar\t0-3\t[أكل] الطفل تفاحة.\n"


def test_no_hit_prints_nothing_and_succeeds(book: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["find", str(book), "zzz", "--no-cache"]) == 0
    assert capsys.readouterr().out == ""


@pytest.mark.parametrize("query", ["", "   ", "\u064e\u0651"])
def test_an_empty_or_marks_only_query_is_bad_input(
    book: Path, query: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["find", str(book), query]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ")
    assert err.count("\n") == 1


def test_a_missing_file_is_bad_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["find", str(tmp_path / "none.txt"), "كتاب"]) == 2


@pytest.mark.slow
def test_english_comes_from_the_translation_cache(
    book: Path, tiny_model: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    flags = ["--model", str(tiny_model), "--engine", "transformers", "--beams", "1"]
    assert main(["translate", str(book), "--json", *flags]) == 0
    english = json.loads(capsys.readouterr().out)[1]["translation"]
    word = english.split()[0]
    assert main(["find", str(book), word, "--json", *flags]) == 0
    hits = [r for r in json.loads(capsys.readouterr().out) if r["language"] == "en"]
    assert hits
    assert all(r["match"].casefold() == word.casefold() for r in hits)
    assert any(r["index"] == 1 and english[r["start"] : r["end"]] == r["match"] for r in hits)
