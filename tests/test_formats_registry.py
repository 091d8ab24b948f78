"""Every format through one door: chosen by content, segmented alike, refused in one line (exit 2)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.cli import main
from reader.formats.registry import open_document, supported_extensions
from reader.formats.sniff import detect
from tests.helpers import format_fixtures as fx

BOOKS = {
    "book.epub": lambda: fx.make_epub(),
    "book2.epub": lambda: fx.make_epub(version=2, headings_in_text=False),
    "book.docx": lambda: fx.make_docx(),
    "book.odt": lambda: fx.make_odt(),
    "book.md": lambda: fx.markdown_text().encode("utf-8"),
    "book.pdf": lambda: fx.make_pdf([[p for _t, ps in fx.CHAPTERS for p in ps]]),
}
BODY = [s for s in fx.SENTENCES if s not in ("الفصل الأول", "الفصل الثاني")]


def _segment_json(path: Path, capsys: pytest.CaptureFixture[str]) -> list[dict[str, object]]:
    assert main(["segment", "--json", str(path)]) == 0
    captured = capsys.readouterr()
    assert captured.err == ""
    return list(json.loads(captured.out))


@pytest.mark.parametrize("name", sorted(BOOKS))
def test_segment_json_gives_the_sentences_of_every_format(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    path = tmp_path / name
    path.write_bytes(BOOKS[name]())
    records = _segment_json(path, capsys)
    expected = BODY if name.endswith(".pdf") else fx.SENTENCES  # a PDF has no headings here
    assert [r["text"] for r in records] == expected
    assert [r["index"] for r in records] == list(range(len(expected)))
    if not name.endswith(".pdf"):
        assert [r["kind"] for r in records][:2] == ["heading", "paragraph"]


def test_the_html_article_gives_its_title_then_the_sentences(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "page.html"
    path.write_bytes(fx.article_page())
    assert [r["text"] for r in _segment_json(path, capsys)] == ["عنوان المقال", *fx.SENTENCES]


def test_content_decides_before_the_extension(tmp_path: Path) -> None:
    wrong = tmp_path / "book.txt"
    wrong.write_bytes(fx.make_epub())
    assert open_document(wrong).document.title == "كتاب الاختبار"
    page = tmp_path / "page.txt"
    page.write_bytes(fx.article_page())
    assert [s.text for s in open_document(page).document.iter_segments()][0] == "عنوان المقال"
    assert detect(b"%PDF-1.4 ...", ".txt") == "pdf"
    assert detect(b"# title\n\ntext", ".md") == "markdown"
    assert detect(b"# title\n\ntext", ".txt") == "text"


def test_every_listed_extension_is_readable() -> None:
    assert {"epub", "docx", "odt", "html", "htm", "md", "pdf", "txt"} <= set(supported_extensions())


def _one_error_line(args: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    assert main(args) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.count("\n") == 1
    assert captured.err.startswith("error: ")
    return captured.err


def test_a_zip_of_another_kind_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "photos.zip"
    path.write_bytes(fx._zip([("a.txt", "hello")]))
    assert "not an EPUB, DOCX or ODT" in _one_error_line(["segment", str(path)], capsys)


@pytest.mark.parametrize("command", ["segment", "translate", "export"])
def test_translate_and_export_refuse_a_bad_archive_with_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    path = tmp_path / "cut.epub"
    path.write_bytes(fx.make_epub()[:300])
    args = [command, str(path)] + (["-o", str(tmp_path / "out.pdf")] if command == "export" else [])
    assert "damaged or truncated" in _one_error_line(args, capsys)


def test_damaged_utf8_is_one_warning_line_with_the_count(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = "قالت ثلاثة مصادر مطلعة إن مشاركين اجتمعوا في سويسرا. وقال أحد المصادر إن المحادثات مهمة؟"
    path = tmp_path / "damaged.txt"
    path.write_bytes(text[:20].encode() + b"\xff" + text[20:].encode() + b"\xfe")
    assert main(["segment", str(path)]) == 0
    captured = capsys.readouterr()
    assert captured.err == "warning: damaged.txt: 2 invalid UTF-8 byte sequence(s) shown as U+FFFD\n"
    assert "قالت" in captured.out
    assert "\ufffd" in captured.out


def test_damaged_markdown_and_html_warn_too(tmp_path: Path) -> None:
    path = tmp_path / "notes.md"
    path.write_bytes("# عنوان\n\nنص عربي طويل بما يكفي لكي يكون نصاً.".encode() + b"\xff")
    assert open_document(path).warnings == ("notes.md: 1 invalid UTF-8 byte sequence(s) shown as U+FFFD",)
