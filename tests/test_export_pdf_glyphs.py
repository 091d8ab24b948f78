"""Shaped text as one TJ array per piece, each glyph standing for its own letters."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from fpdf import FPDF

from reader.export import fonts
from reader.export.pdf_glyphs import MAX_STEP, pdf_string, shape, text_operators


def _font(face: str) -> FPDF:
    pdf = FPDF()
    fonts.register_fonts(pdf, face)
    pdf.add_page()
    pdf.set_font(fonts.ARABIC, size=13)
    return pdf


@pytest.fixture(scope="module")
def naskh() -> Iterator[FPDF]:
    pdf = _font("naskh")
    yield pdf
    fonts.close_fonts(pdf)


@pytest.fixture(scope="module")
def amiri() -> Iterator[FPDF]:
    pdf = _font("amiri")
    yield pdf
    fonts.close_fonts(pdf)


def logical_text(pdf: FPDF, word: str, rtl: bool = True) -> str:
    """The text the glyphs of ``word`` stand for, read in logical order."""
    glyphs, _ = shape(pdf.current_font, word, rtl)
    by_code = {code: glyph.unicode for glyph, code in pdf.current_font.subset.items() if glyph is not None}
    ordered = reversed(glyphs) if rtl else glyphs
    return "".join("".join(map(chr, by_code[g.code])) for g in ordered)


@pytest.mark.parametrize("word", ["الكرملين", "ولا", "بدلا", "وغيّر", "يُعتقد", "السَّلَامُ", "أوكرانيا،"])
def test_glyphs_stand_for_the_word_in_logical_order(naskh: FPDF, word: str) -> None:
    assert logical_text(naskh, word) == word


def test_a_plain_word_is_one_tj_array_without_repositioning(naskh: FPDF) -> None:
    operators = text_operators(*shape(naskh.current_font, "الكرملين والبيت الأبيض", True), 13)
    assert operators.count("TJ") == 1
    assert not re.search(r"\b(Tm|Td|Tj)\b", operators)


def test_zero_width_glyphs_are_declared_a_little_wide(naskh: FPDF) -> None:
    # Noto Naskh Arabic draws lam-alef as two glyphs, the alef with no advance: pdf.js guessed a
    # space inside «ولا» after a zero-width glyph.
    glyphs, _ = shape(naskh.current_font, "ولا", True)
    assert all(g.width >= 1 for g in glyphs)
    assert any(g.advance == 0 for g in glyphs)
    operators = text_operators(glyphs, {}, 13)
    assert re.search(r"<[0-9A-F]{4}>1\.0<", operators)  # the array steps back by as much


def test_a_raised_mark_uses_the_text_rise_and_resets_it(naskh: FPDF) -> None:
    operators = text_operators(*shape(naskh.current_font, "وغيّر", True), 13)
    rises = re.findall(r"(-?[\d.]+) Ts", operators)
    assert rises
    assert rises[-1] == "0"


def _numbers(operators: str) -> list[float]:
    return [
        float(n) for array in re.findall(r"\[([^\]]*)\]", operators) for n in re.findall(r"-?\d+\.\d", array)
    ]


def test_the_move_onto_a_raised_mark_ends_the_array_before_it(naskh: FPDF) -> None:
    # pypdf took a forward move at the start of the mark's own array for a word break.
    operators = text_operators(*shape(naskh.current_font, "وغيّر", True), 13)
    raised = re.search(r"-?[\d.]+ Ts \[([^\]]*)\] TJ", operators)
    assert raised is not None
    assert raised.group(1).startswith("<")  # the mark's array starts with the mark
    assert min(_numbers(operators)) >= -MAX_STEP


def test_wide_moves_are_written_in_steps_pypdf_does_not_read_as_word_breaks(naskh: FPDF) -> None:
    glyphs, actual = shape(naskh.current_font, "في بناء حوار", True)
    operators = text_operators(glyphs, actual, 13, space_extra=250.0)
    numbers = _numbers(operators)
    assert min(numbers) >= -MAX_STEP
    assert sum(n for n in numbers if n < 0) == pytest.approx(-500.0, abs=0.5)  # two spaces, 250 each


def test_a_cluster_with_more_glyphs_than_letters_gets_actual_text(amiri: FPDF) -> None:
    # Amiri draws the lam of «لك» as a lam and a connecting stroke that stands for no text.
    glyphs, actual = shape(amiri.current_font, "الكشف", True)
    assert list(actual.values()) == ["ل"]
    operators = text_operators(glyphs, actual, 13)
    assert f"/Span <</ActualText {pdf_string('ل')}>> BDC" in operators
    assert operators.count("BDC") == operators.count("EMC") == 1
    assert logical_text(amiri, "الكشف") == "الكشف"


def test_pdf_string_is_utf16_hex() -> None:
    assert pdf_string("ar") == "<FEFF00610072>"
    assert pdf_string("لا") == "<FEFF06440627>"
