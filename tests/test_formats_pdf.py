"""PDF text layers: shaped logical Arabic, reshaped visual-order presentation forms, running heads
and page numbers dropped, paragraphs mended across pages, chapters from the outline, empty scans refused."""

from __future__ import annotations

from pathlib import Path

import pytest
from fpdf import FPDF

from reader.errors import BadInput
from reader.formats.arabic_order import fold_presentation_forms, is_visual_order, to_logical
from reader.formats.registry import open_document, read_bytes
from tests.helpers import format_fixtures as fx

PARAGRAPHS = [p for _t, ps in fx.CHAPTERS for p in ps]
BODY = [s for s in fx.SENTENCES if s not in ("الفصل الأول", "الفصل الثاني")]


def _pages(count: int) -> list[list[str]]:
    return [PARAGRAPHS[k % 3 :] + PARAGRAPHS[: k % 3] for k in range(count)]


@pytest.mark.parametrize("visual", [False, True], ids=["shaped-logical", "presentation-forms-visual"])
def test_running_heads_and_page_numbers_are_dropped(visual: bool) -> None:
    data = fx.make_pdf(_pages(4), visual=visual, header="كتاب الاختبار", numbers=True)
    document = read_bytes(data, "book.pdf", ".pdf").document
    texts = [s.text for s in document.iter_segments()]
    assert len(texts) == 4 * len(BODY)
    assert set(texts) == set(BODY)
    assert "كتاب الاختبار" not in texts
    assert not any(t.isdigit() for t in texts)
    assert [document.block(s.block_id).location.page for s in document.iter_segments()][-1] == 4


def test_visual_lines_are_put_back_in_reading_order() -> None:
    line = "قالت ثلاثة مصادر عام 2024 في (سويسرا)."
    stored = fx.reshape_visual(line)
    assert stored != line
    assert any("\ufe70" <= ch <= "\ufefc" for ch in stored)  # presentation forms, reversed
    assert is_visual_order(stored)
    assert fold_presentation_forms(to_logical(stored)) == line
    assert not is_visual_order(line)
    assert not is_visual_order("لا أحد إلا هو مثلا")  # words that end in لا as typed


def test_a_short_reversed_line_the_producer_left_visual_is_repaired() -> None:
    data = fx.make_pdf([["كتاب الاختبار", *PARAGRAPHS]], visual=True)
    loaded = read_bytes(data, "old.pdf", ".pdf")
    texts = [s.text for s in loaded.document.iter_segments()]
    assert texts == ["كتاب الاختبار", *BODY]


def test_a_paragraph_cut_by_a_page_break_is_joined() -> None:
    pages = [
        ["قالت ثلاثة مصادر مطلعة إن مشاركين اجتمعوا"],
        ["في سويسرا لبحث الأزمة. وقال أحد المصادر إن المحادثات مهمة."],
    ]
    document = read_bytes(fx.make_pdf(pages), "cut.pdf", ".pdf").document
    assert [s.text for s in document.iter_segments()] == [
        "قالت ثلاثة مصادر مطلعة إن مشاركين اجتمعوا في سويسرا لبحث الأزمة.",
        "وقال أحد المصادر إن المحادثات مهمة.",
    ]


def test_the_outline_gives_chapters() -> None:
    from reader.export.fonts import amiri_file

    pdf = FPDF()
    pdf.add_font("amiri", fname=str(amiri_file()))
    pdf.set_font("amiri", size=13)
    pdf.set_text_shaping(True)
    for title, paragraphs in fx.CHAPTERS:
        pdf.add_page()
        pdf.start_section(title)
        for text in paragraphs:
            pdf.multi_cell(190, 8, text, align="R", new_x="LMARGIN", new_y="NEXT")
            pdf.ln(6)
    document = read_bytes(bytes(pdf.output()), "toc.pdf", ".pdf").document
    assert [s.title for s in document.sections] == ["الفصل الأول", "الفصل الثاني"]
    assert [s.text for s in document.iter_segments()] == fx.SENTENCES


def test_a_scan_in_which_ocr_finds_nothing_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reader.formats import ocr

    monkeypatch.setattr(ocr, "check_available", lambda: None)
    monkeypatch.setattr(ocr, "_tesseract", lambda _image: [])
    pdf = FPDF()
    for _ in range(2):
        pdf.add_page()
        pdf.rect(20, 20, 100, 150, style="F")  # what a scanned page is to a text extractor: no text
    path = tmp_path / "scan.pdf"
    path.write_bytes(bytes(pdf.output()))
    with pytest.raises(BadInput, match=r"^scan\.pdf: no text found in the PDF, in a text layer or by OCR$"):
        open_document(path)


def test_a_damaged_pdf_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "cut.pdf"
    path.write_bytes(b"%PDF-1.7\n" + b"\x00garbage" * 50)
    with pytest.raises(BadInput, match=r"^cut\.pdf: the PDF is damaged or truncated$"):
        open_document(path)
