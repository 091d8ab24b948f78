"""``translate --json --alignment`` and ``--alternatives N``: complete after any earlier run."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.cli import main
from reader.translate.word_alignment import in_range

pytestmark = [pytest.mark.slow, pytest.mark.usefixtures("ct2_converted")]
TEXT = "العنوان\n\nوصل الوفد إلى جنيف صباح اليوم. قال المتحدث إن المحادثات مستمرة.\n"


def records(capsys: pytest.CaptureFixture[str], *args: str) -> list[dict[str, object]]:
    assert main(["translate", *args, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_alignment_after_an_earlier_translate_is_computed_and_kept(
    tiny_model: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "news.txt"
    source.write_text(TEXT, encoding="utf-8")
    first = records(capsys, str(source), "--model", str(tiny_model), "--beams", "1")
    assert "alignment" not in first[0]
    aligned = records(capsys, str(source), "--model", str(tiny_model), "--beams", "1", "--alignment")
    for record in aligned:  # the library gave the translations back without alignments
        pairs = record["alignment"]
        assert pairs, record
        assert in_range(
            [tuple(p) for p in pairs],
            len(str(record["source"]).split()),
            len(str(record["translation"]).split()),
        )  # type: ignore[union-attr]
    # kept: with no model at all, the library still has them
    kept = records(capsys, str(source), "--model", str(tmp_path / "no-such-model"), "--alignment")
    assert [r["alignment"] for r in kept] == [r["alignment"] for r in aligned]


def test_alternatives_with_the_default_engine(
    tiny_model: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "news.txt"
    source.write_text(TEXT, encoding="utf-8")
    found = records(capsys, str(source), "--model", str(tiny_model), "--alternatives", "3", "--no-library")
    for record in found:
        others = record["alternatives"]
        assert isinstance(others, list)
        assert 1 <= len(others) <= 3
        assert record["translation"] not in others
        assert len(set(others)) == len(others)


def test_alternatives_and_alignment_need_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "news.txt"
    source.write_text(TEXT, encoding="utf-8")
    assert main(["translate", str(source), "--alternatives", "2"]) == 2
    assert (
        capsys.readouterr().err
        == "error: --alignment and --alternatives add to the --json records: add --json\n"
    )
