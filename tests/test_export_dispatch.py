"""Choosing the export format by extension or name, and one call that writes each."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from reader.errors import BadInput
from reader.export.dispatch import DEFAULT_LAYOUTS, export_document, format_for
from tests.helpers.seed_english import translated_seed


@pytest.mark.parametrize(
    ("name", "expected"),
    [("a.pdf", "pdf"), ("a.PDF", "pdf"), ("b.epub", "epub"), ("c.html", "html"), ("c.htm", "html")],
)
def test_format_by_extension(name: str, expected: str) -> None:
    assert format_for(Path(name)) == expected


def test_an_explicit_format_wins_over_the_extension() -> None:
    assert format_for(Path("book.txt"), "epub") == "epub"


@pytest.mark.parametrize("name", ["book.docx", "book", "book.pdf.bak"])
def test_an_unknown_extension_is_one_line(name: str) -> None:
    with pytest.raises(BadInput, match="cannot tell the format") as error:
        format_for(Path(name))
    assert "\n" not in str(error.value)


def test_an_unknown_format_name() -> None:
    with pytest.raises(BadInput, match="unknown format 'docx'"):
        format_for(Path("a.pdf"), "docx")


def test_each_format_is_written_with_its_default_layout(tmp_path: Path) -> None:
    document = translated_seed()
    for fmt in ("pdf", "epub", "html"):
        calls: list[tuple[int, int]] = []
        output = tmp_path / f"out.{fmt}"
        export_document(document, output, fmt, progress=lambda d, t, calls=calls: calls.append((d, t)))
        assert calls[-1] == (15, 15)
        data = output.read_bytes()
        assert data.startswith({"pdf": b"%PDF-", "epub": b"PK", "html": b"<!DOCTYPE html>"}[fmt])
    with zipfile.ZipFile(tmp_path / "out.epub") as book:
        chapter = book.read("OEBPS/chapter-0001.xhtml").decode()
    assert DEFAULT_LAYOUTS["epub"] == "interleaved"
    assert 'class="interleaved"' in chapter
    assert "<table" in (tmp_path / "out.html").read_text(encoding="utf-8")  # side by side
