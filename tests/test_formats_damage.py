"""Damaged input, by class: what a parser raises on bad bytes is one line and exit 2 for every format.

Each crafted file is built here (from the campaign of issue 29) and read by the real CLI in a
child process under a memory limit and a timeout (:mod:`tests.helpers.hostile`).
"""

from __future__ import annotations

import io
import sqlite3
import zipfile
import zlib
from pathlib import Path

import pytest

from reader.errors import BadInput
from reader.formats.damage import Refused, is_damage, refused_if_damaged
from reader.formats.plain_text import build_text_document
from reader.formats.registry import read_bytes
from reader.formats.xhtml_blocks import local_name
from reader.library.project import open_project, save_project
from tests.helpers import format_fixtures as fx
from tests.helpers.hostile import assert_kept_contract, refusal, run_segment


def _rezip(data: bytes, change: dict[str, bytes]) -> bytes:
    """The archive *data* with some members' contents replaced."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in source.infolist():
            archive.writestr(info.filename, change.get(info.filename, source.read(info.filename)))
    return out.getvalue()


def _version_flipped(data: bytes, header: bytes, offset: int) -> bytes:
    """Every header of one kind claims "version needed 9.0" (what one flipped byte did; zipfile
    reads the version from the central directory, ``PK\x01\x02`` at offset 6)."""
    damaged = bytearray(data)
    at = damaged.find(header)
    while at >= 0:
        damaged[at + offset] = 90
        at = damaged.find(header, at + 1)
    return bytes(damaged)


@pytest.mark.parametrize("fmt", ["docx", "epub", "odt"])
def test_a_zip_header_from_a_newer_version_is_one_line(fmt: str) -> None:
    data = {"docx": fx.make_docx, "epub": fx.make_epub, "odt": fx.make_odt}[fmt]()
    with pytest.raises(Refused) as caught:
        read_bytes(_version_flipped(data, b"PK\x01\x02", 6), f"book.{fmt}", f".{fmt}")
    assert "damaged" in str(caught.value)


@pytest.mark.parametrize(
    "error",
    [NotImplementedError("zip file version 9.0"), zlib.error("bad"), EOFError(), zipfile.BadZipFile("x")],
)
def test_every_zip_level_error_in_a_reader_is_refused_in_one_line(error: Exception) -> None:
    with pytest.raises(Refused, match=r"^the DOCX is damaged \(.+\)$"), refused_if_damaged("the DOCX"):
        raise error


def test_our_own_bugs_are_not_taken_for_damage() -> None:
    assert not is_damage(TypeError("x"))
    assert not is_damage(AttributeError("x"))
    with pytest.raises(AttributeError), refused_if_damaged("the page"):
        raise AttributeError("a bug")


def test_a_damaged_docx_through_the_cli_is_one_line(tmp_path: Path) -> None:
    path = tmp_path / "book.docx"
    path.write_bytes(_version_flipped(fx.make_docx(), b"PK\x01\x02", 6))
    assert "book.docx: " in refusal(run_segment(path))


def test_a_control_character_in_an_html_tag_name_reads_the_page(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_bytes(fx.article_page().replace(b"<p>", b"<p\x07>", 1))
    outcome = run_segment(path)
    assert_kept_contract(outcome)
    assert outcome.code == 0
    assert local_name(type("E", (), {"tag": "{ns}p\x07"})()) == "p\x07"


@pytest.mark.parametrize("value", ["abc", "-3", "1e9", "٣"])
def test_a_malformed_odt_count_is_one_line_naming_it(value: str) -> None:
    content = zipfile.ZipFile(io.BytesIO(fx.make_odt())).read("content.xml")
    content = content.replace(b"</text:p>", f'<text:s text:c="{value}"/></text:p>'.encode(), 1)
    with pytest.raises(Refused, match="text:c="):
        read_bytes(_rezip(fx.make_odt(), {"content.xml": content}), "a.odt", ".odt")


def test_a_huge_odt_space_count_is_capped_not_allocated() -> None:
    content = zipfile.ZipFile(io.BytesIO(fx.make_odt())).read("content.xml")
    content = content.replace(b"</text:p>", b'<text:s text:c="999999999999999"/>x</text:p>', 1)
    loaded = read_bytes(_rezip(fx.make_odt(), {"content.xml": content}), "a.odt", ".odt")
    assert len(loaded.document) > 0


def _tampered_project(tmp_path: Path, statement: str) -> Path:
    path = tmp_path / "book.bireader"
    document = build_text_document("قال الرجل. ثم ذهب.\n\nوعاد في المساء.", name="book.txt")
    save_project(path, document)
    connection = sqlite3.connect(path)
    connection.execute(statement)
    connection.commit()
    connection.close()
    return path


def test_a_project_whose_source_text_is_a_blob_is_one_line(tmp_path: Path) -> None:
    path = _tampered_project(tmp_path, "UPDATE sources SET text = X'd982d8a7d984'")
    with pytest.raises(BadInput, match=r"^book.bireader: damaged project file"):
        open_project(path)
    assert "book.bireader: damaged project file" in refusal(run_segment(path))


@pytest.mark.parametrize(
    "values",
    [
        "0, X'00', 'machine', '', NULL, '[]', '[]', NULL",  # a blob where the English belongs
        "'zero', 'x', 'machine', '', NULL, '[]', '[]', NULL",  # a text id
        "0, 'x', 'machine', '', 'high', '[]', '[]', NULL",  # a text score
        "0, 'x', 'machine', '', NULL, X'5b5d', '[]', NULL",  # flags as a blob
        "0, 'x', 'machine', '', NULL, '[]', '[]', X'00'",  # alignment as a blob
        "0, 'x', 'machine', '', NULL, '[]', '[]', '" + "[" * 100_000 + "'",  # nested too deeply
    ],
)
def test_rendering_rows_of_the_wrong_type_are_skipped(tmp_path: Path, values: str) -> None:
    path = _tampered_project(tmp_path, f"INSERT INTO renderings VALUES ('project', {values})")
    project = open_project(path)
    assert project.document.segment(0).rendering is None


def test_block_rows_of_the_wrong_type_are_skipped(tmp_path: Path) -> None:
    path = _tampered_project(tmp_path, "INSERT INTO blocks VALUES ('project', 0, X'5b5d')")
    assert len(open_project(path).document) == 3


def test_an_error_raised_inside_a_parser_is_damage_whatever_its_kind() -> None:
    """python-docx met a damaged styles part with AttributeError (found by the mutation test)."""
    namespace: dict[str, object] = {"__name__": "docx.styles.fake"}
    exec("def styles():\n    raise AttributeError(\"'Part' object has no attribute 'styles'\")", namespace)
    with (
        pytest.raises(Refused, match=r"^the DOCX is damaged \('Part' object"),
        refused_if_damaged("the DOCX"),
    ):
        namespace["styles"]()  # type: ignore[operator]
