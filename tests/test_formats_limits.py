"""Bounded work: each limit of :mod:`reader.formats.limits` refuses at once, in one line naming it.

The attacks of issue 29 are built here and read by the CLI in a child process under a memory
limit and a timeout: each must be refused in well under the time it used to take.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.errors import BadInput
from reader.formats import limits
from reader.formats.blocks_builder import RawBlock, build_document
from reader.formats.limits import LimitExceeded, check_attributes, check_markdown
from reader.formats.registry import read_bytes
from reader.model import BlockKind
from tests.helpers import format_fixtures as fx
from tests.helpers.hostile import refusal, run_segment


def test_a_markdown_table_of_ten_thousand_columns_is_refused_at_once(tmp_path: Path) -> None:
    columns = 10_000
    row = "|" + "|".join("ب" for _ in range(columns)) + "|\n"
    path = tmp_path / "wide.md"
    path.write_text(row + "|" + "|".join("-" for _ in range(columns)) + "|\n" + row * 200, encoding="utf-8")
    outcome = run_segment(path, memory_mb=1024, timeout=20)
    line = refusal(outcome)
    assert f"more than {limits.MAX_TABLE_CELLS:,} cells" in line
    assert outcome.seconds < 10


def test_a_table_just_under_the_cell_limit_is_read() -> None:
    columns = 100
    rows = limits.MAX_TABLE_CELLS // (columns + 2) - 3  # each line counts its pipes plus one
    row = "|" + "|".join("ب" for _ in range(columns)) + "|\n"
    text = row + "|" + "|".join("-" for _ in range(columns)) + "|\n" + row * rows
    check_markdown(text)
    with pytest.raises(LimitExceeded):
        check_markdown(text + row * 10)


def test_markdown_of_half_a_million_image_brackets_is_refused_at_once(tmp_path: Path) -> None:
    path = tmp_path / "brackets.md"
    path.write_text("![" * 500_000, encoding="utf-8")  # markdown-it took 20.9 s
    outcome = run_segment(path, timeout=20)
    assert f"more than the limit of {limits.MAX_LINK_BRACKETS:,}" in refusal(outcome)
    assert outcome.seconds < 10
    check_markdown(fx.markdown_text() + "[a](b) " * limits.MAX_LINK_BRACKETS)


def test_an_element_with_a_hundred_thousand_attributes_is_refused_at_once(tmp_path: Path) -> None:
    attributes = " ".join(f"a{i}='x'" for i in range(100_000))
    path = tmp_path / "attrs.html"
    path.write_text(f"<html><body><p {attributes}>مرحبا بكم.</p></body></html>", encoding="utf-8")
    outcome = run_segment(path, memory_mb=1024, timeout=20)
    assert f"more than the limit of {limits.MAX_ATTRIBUTES:,} per element" in refusal(outcome)
    assert outcome.seconds < 10


@pytest.mark.parametrize(
    "markup",
    [
        "<p " + " ".join(f"a{i}" for i in range(1_200)) + ">",  # attributes without values
        "<p x='>' " + " ".join(f"a{i}=1" for i in range(1_200)) + ">",  # hidden behind a quoted '>'
        b"<p " + b" ".join(b"a%d" % i for i in range(1_200)) + b">",  # an EPUB chapter's bytes
    ],
)
def test_attributes_are_counted_however_they_are_written(markup: str | bytes) -> None:
    with pytest.raises(LimitExceeded):
        check_attributes(markup)


def test_ordinary_markup_passes_the_attribute_check() -> None:
    check_attributes(fx.article_page())
    check_attributes("<p " + " ".join(f"a{i}" for i in range(limits.MAX_ATTRIBUTES)) + ">")


def test_a_block_over_the_limit_is_refused_before_segmenting() -> None:
    text = "ب" * (limits.MAX_BLOCK_CHARS + 1)
    with pytest.raises(LimitExceeded, match=f"limit of {limits.MAX_BLOCK_CHARS:,} per paragraph"):
        build_document([RawBlock(BlockKind.PREFORMATTED, text)], name="x")


def test_a_text_over_the_character_limit_is_refused_at_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The default (30 M characters) stands for a 200 MB text; a smaller limit shows the mechanism."""
    path = tmp_path / "big.txt"
    path.write_text("قال الرجل. ثم ذهب.\n\n" * 30_000, encoding="utf-8")  # 600 000 characters
    outcome = run_segment(path, env={limits.MAX_CHARS_VARIABLE: "300000"}, timeout=20)
    line = refusal(outcome)
    assert "more than the limit of 300,000" in line
    assert limits.MAX_CHARS_VARIABLE in line
    monkeypatch.setenv(limits.MAX_CHARS_VARIABLE, "1e6")
    assert len(read_bytes(path.read_bytes(), "big.txt", ".txt").document) == 60_000


def test_bytes_far_over_the_character_limit_are_refused_before_decoding(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv(limits.MAX_CHARS_VARIABLE, "10")
    with pytest.raises(LimitExceeded, match="more than the limit of 10 "):
        read_bytes(b"\xff" * 100, "x.txt", ".txt")  # not even decodable: never decoded


@pytest.mark.parametrize("value", ["many", "0", "-5"])
def test_a_bad_character_limit_is_one_line(monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    monkeypatch.setenv(limits.MAX_CHARS_VARIABLE, value)
    with pytest.raises(BadInput, match=limits.MAX_CHARS_VARIABLE):
        limits.max_document_chars()
