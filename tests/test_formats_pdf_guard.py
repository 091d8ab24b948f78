"""PDFs that would hurt PDFium: inflation bombs refused before it sees them, damaged pages skipped.

The crafted files of issue 29 are built here (:mod:`tests.helpers.raw_pdf`); the bomb is also
read by the CLI in a child process under a 2 GB address-space limit, where it used to abort.
"""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import pytest

from reader.formats import pdf_guard
from reader.formats.damage import Refused
from reader.formats.limits import LimitExceeded
from reader.formats.registry import read_bytes
from tests.helpers import format_fixtures as fx
from tests.helpers.hostile import refusal, run_segment
from tests.helpers.raw_pdf import CATALOG, FONT, content, pages, raw_pdf, stream, text_page, zero_bomb


def _two_pages(second: bytes) -> bytes:
    """Page 1 reads "Hello world."; the second kid is *second* (object 6)."""
    return raw_pdf([CATALOG, pages([4, 6]), FONT, text_page(5), content(b"Hello world."), second])


def _texts(data: bytes) -> tuple[list[str], tuple[str, ...]]:
    pdf = pdfium.PdfDocument(data)
    try:
        return pdf_guard.read_pages(len(pdf), lambda k: pdf[k].get_textpage().get_text_range(), "")
    finally:
        pdf.close()


@pytest.mark.parametrize(
    "objects",
    [
        [CATALOG, pages([4, 2]), FONT, text_page(5), content(b"Hello world.")],  # a tree that loops
        [CATALOG, pages([4, 6]), FONT, text_page(5), content(b"Hello world."), b"42"],  # not a page
        [CATALOG, pages([4], count=5), FONT, text_page(5), content(b"Hello world.")],  # the count lies
    ],
)
def test_a_damaged_page_is_skipped_with_one_warning_when_others_read(objects: list[bytes]) -> None:
    texts, warnings = _texts(raw_pdf(objects))
    assert texts[0] == "Hello world."
    assert all(text == "" for text in texts[1:])
    assert len(warnings) == 1
    assert "damaged page(s) skipped (2" in warnings[0]


def test_a_pdf_of_which_no_page_reads_is_refused_in_one_line() -> None:
    with pytest.raises(Refused, match=r"none of its 1 page\(s\) can be read"):
        _texts(raw_pdf([CATALOG, pages([2]), FONT]))  # a page list that contains itself


def test_a_pdf_of_too_many_pages_is_refused_before_reading_them() -> None:
    with pytest.raises(LimitExceeded, match=f"more than the limit of {pdf_guard.MAX_PAGES:,}"):
        pdf_guard.read_pages(pdf_guard.MAX_PAGES + 1, lambda k: pytest.fail("read"), "")


def test_our_own_bugs_in_a_page_reader_are_not_taken_for_damage() -> None:
    with pytest.raises(AttributeError):
        pdf_guard.read_pages(1, lambda k: None.text, "")  # type: ignore[attr-defined]


def test_a_damaged_page_through_the_cli_is_one_line_never_a_traceback(tmp_path: Path) -> None:
    path = tmp_path / "loop.pdf"
    path.write_bytes(raw_pdf([CATALOG, pages([2]), FONT]))
    assert "loop.pdf: the PDF is damaged" in refusal(run_segment(path))


@pytest.mark.parametrize("flate", [1, 2])
def test_a_stream_inflating_past_the_limit_is_refused(monkeypatch: pytest.MonkeyPatch, flate: int) -> None:
    monkeypatch.setattr(pdf_guard, "MAX_STREAM_BYTES", 4 * 1024 * 1024)
    data = _two_pages(stream(b"\0" * (5 * 1024 * 1024), flate=flate))
    with pytest.raises(LimitExceeded, match="inflates to more than 4 MB, the limit per stream"):
        read_bytes(data, "bomb.pdf", ".pdf")


def test_streams_inflating_past_the_total_are_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pdf_guard, "MAX_INFLATED_BYTES", 6 * 1024 * 1024)
    many = [stream(b"\0" * (1024 * 1024), flate=1) for _ in range(8)]
    data = raw_pdf([CATALOG, pages([4]), FONT, text_page(5), content(b"Hello world."), *many])
    with pytest.raises(LimitExceeded, match="more than 6 MB together"):
        pdf_guard.check_streams(data)


def test_ordinary_and_damaged_streams_pass_the_check() -> None:
    pdf_guard.check_streams(fx.make_pdf([["مرحبا بكم في البيت."]]))
    pdf_guard.check_streams(_two_pages(b"<< /Filter /FlateDecode /Length 9 >>\nstream\nnot zlib!\nendstream"))


@pytest.mark.slow
def test_a_content_stream_bomb_is_refused_before_pdfium(tmp_path: Path) -> None:
    """The campaign's file was ~1 MB inflating to 1 GiB (PDFium aborted under 2 GB, exit 134);
    320 MiB is past the limit too and a third as long to build."""
    bomb = zero_bomb(320)
    body = b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(bomb) + bomb + b"\nendstream"
    path = tmp_path / "bomb.pdf"
    path.write_bytes(raw_pdf([CATALOG, pages([4]), FONT, text_page(5), body]))
    outcome = run_segment(path, memory_mb=2048, timeout=60)
    assert "a stream that inflates to more than 256 MB" in refusal(outcome)
