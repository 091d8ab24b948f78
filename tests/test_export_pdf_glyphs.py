"""Shaped text as one TJ array per piece, each glyph standing for its own letters."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from fpdf import FPDF
from fpdf.fonts import Glyph

from reader.export import fonts
from reader.export.pdf_glyphs import MAX_STEP, GlyphWriter, pdf_string, text_operators
from reader.export.pdf_outlines import glyph_outline
from reader.export.pdf_shaping import shape


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
    glyphs = [g for g in shape(pdf.current_font, word, rtl) if g.code is not None]
    by_code = {code: glyph.unicode for glyph, code in pdf.current_font.subset.items() if glyph is not None}
    ordered = reversed(glyphs) if rtl else glyphs
    return "".join("".join(map(chr, by_code[g.code])) for g in ordered)


@pytest.mark.parametrize("word", ["الكرملين", "ولا", "بدلا", "وغيّر", "يُعتقد", "السَّلَامُ", "أوكرانيا،"])
def test_glyphs_stand_for_the_word_in_logical_order(naskh: FPDF, word: str) -> None:
    assert logical_text(naskh, word) == word


# Noto Naskh draws «للَّه» as a lam-lam-heh ligature and one shadda-fatha glyph: the ligature
# stood for «ل», the marks' glyph for «لَّه», and every reader gave back «ٱلهَّلِ».
VOCALISED_WORDS = ["ٱللَّهِ", "لِلَّهِ", "بِٱللَّهِ", "ٱللَّهُمَّ", "ءَا۬عْجَمِىٌّ", "لِأَنَّهُ", "ٱلْآنَ", "عَلِيُّ؟"]


@pytest.mark.parametrize("face", ["naskh", "amiri"])
@pytest.mark.parametrize("word", VOCALISED_WORDS)
def test_vowelled_ligatures_stand_for_their_letters_and_marks_in_order(
    naskh: FPDF, amiri: FPDF, face: str, word: str
) -> None:
    pdf = naskh if face == "naskh" else amiri
    assert logical_text(pdf, word) == word
    by_code = {code: glyph.unicode for glyph, code in pdf.current_font.subset.items() if glyph is not None}
    glyphs = [g for g in shape(pdf.current_font, word, True) if g.code is not None]
    # One character a glyph where marks are involved: pypdf reads a glyph that stands for several
    # characters as one neutral unit, which it moved to the start of a word.
    assert all(len(by_code[g.code]) == 1 for g in glyphs if any(0x64B <= c <= 0x670 for c in by_code[g.code]))


# Without marks Noto Naskh draws «لله» as one lam-lam-heh glyph: standing for all three letters,
# it was read «هلل» by PDFium and MuPDF, which reverse a right-to-left run read in visual order.
@pytest.mark.parametrize("face", ["naskh", "amiri"])
@pytest.mark.parametrize("word", ["ٱلله", "لله", "بٱلله", "ٱللهم", "عبد الله"])
def test_unvowelled_ligatures_are_a_glyph_a_letter(naskh: FPDF, amiri: FPDF, face: str, word: str) -> None:
    pdf = naskh if face == "naskh" else amiri
    assert logical_text(pdf, word) == word
    by_code = {code: glyph.unicode for glyph, code in pdf.current_font.subset.items() if glyph is not None}
    glyphs = [g for g in shape(pdf.current_font, word, True) if g.code is not None]
    assert all(len(by_code[g.code]) == 1 for g in glyphs)


def test_a_latin_ligature_stays_one_glyph() -> None:
    """Readers keep a left-to-right ligature's letters in order: Noto Serif's «ffi» is one glyph."""
    pdf = FPDF()
    fonts.register_fonts(pdf)
    pdf.add_page()
    pdf.set_font(fonts.LATIN, size=11)
    try:
        glyphs = shape(pdf.current_font, "office", False)
        assert len(glyphs) == 4
        assert all(g.outline is None and g.code is not None for g in glyphs)
        assert logical_text(pdf, "office", rtl=False) == "office"
    finally:
        fonts.close_fonts(pdf)


def test_a_plain_word_is_one_tj_array_without_repositioning(naskh: FPDF) -> None:
    operators = text_operators(shape(naskh.current_font, "الكرملين والبيت الأبيض", True), 13).text
    assert operators.count("TJ") == 1
    assert not re.search(r"\b(Tm|Td|Tj)\b", operators)


def test_zero_width_glyphs_are_declared_a_little_wide(naskh: FPDF) -> None:
    # Noto Naskh Arabic draws lam-alef as two glyphs, the alef with no advance: pdf.js guessed a
    # space inside «ولا» after a zero-width glyph.
    glyphs = shape(naskh.current_font, "ولا", True)
    assert all(g.width >= 1 for g in glyphs)
    assert glyphs[0].x == glyphs[1].x  # the alef takes no room
    operators = text_operators(glyphs, 13).text
    assert re.search(r"<[0-9A-F]{4}>1\.0<", operators)  # the array steps back by as much


def _numbers(operators: str) -> list[float]:
    return [
        float(n) for array in re.findall(r"\[([^\]]*)\]", operators) for n in re.findall(r"-?\d+\.\d", array)
    ]


@pytest.mark.parametrize("word", ["وغيّر", "يُعتقد"])
def test_a_raised_mark_is_an_outline_and_an_inkless_placeholder_in_the_word(naskh: FPDF, word: str) -> None:
    # PDFium sorts a line's text objects by where they start: a mark in its own object (for the
    # text rise) was read after its letter's whole object, «ّ وغير».
    font = naskh.current_font
    glyphs = shape(font, word, True)
    operators = text_operators(glyphs, 13)
    assert operators.text.count("TJ") == 1
    assert "Ts" not in operators.text
    [(name, _x, y)] = operators.outlines
    assert y != 0  # the mark itself, drawn where HarfBuzz put it
    assert glyph_outline(font.ttfont, name)
    [placeholder] = [g for g in glyphs if g.outline == name]
    by_code = {code: glyph for glyph, code in font.subset.items() if glyph is not None}
    assert not glyph_outline(font.ttfont, by_code[placeholder.code].glyph_name)  # draws nothing
    assert logical_text(naskh, word) == word  # …and stands for the mark, in the word's order


def test_the_placeholder_stays_at_the_pen(naskh: FPDF) -> None:
    # PDFium reads a forward move of more than half a space inside an array as a word break.
    glyphs = shape(naskh.current_font, "وغيّر", True)
    assert max(abs(n) for n in _numbers(text_operators(glyphs, 13).text)) <= 1.0


def test_the_writer_fills_the_outline_in_the_text_colour(naskh: FPDF) -> None:
    naskh.set_text_color(200, 0, 0)
    before = len(naskh.pages[naskh.page].contents)
    GlyphWriter(naskh).draw("وغيّر", x=20, y=20, height=8, rtl=True)
    written = bytes(naskh.pages[naskh.page].contents[before:]).decode("latin-1")
    naskh.set_text_color(0)
    assert re.search(r"ET\nq 0\.7843 0 0 rg [\d.]+ 0 0 [\d.]+ [\d.]+ [\d.]+ cm .* f Q", written)


def test_wide_moves_are_written_in_steps_pypdf_does_not_read_as_word_breaks(naskh: FPDF) -> None:
    glyphs = shape(naskh.current_font, "في بناء حوار", True)
    operators = text_operators(glyphs, 13, space_extra=250.0).text
    numbers = _numbers(operators)
    assert min(numbers) >= -MAX_STEP
    assert sum(n for n in numbers if n < 0) == pytest.approx(-500.0, abs=0.5)  # two spaces, 250 each


def test_a_cluster_with_more_glyphs_than_letters_is_outlined_with_a_placeholder_per_letter(
    amiri: FPDF,
) -> None:
    # Amiri draws the lam of «لك» as a lam and a connecting stroke: a glyph for no text has no
    # right way into a PDF (an empty ToUnicode entry printed raw codes, ActualText doubled letters).
    glyphs = shape(amiri.current_font, "الكشف", True)
    inks = [g for g in glyphs if g.code is None]
    assert len(inks) == 2
    assert all(g.outline for g in inks)
    operators = text_operators(glyphs, 13)
    assert "BDC" not in operators.text
    assert len(operators.outlines) == 2
    assert logical_text(amiri, "الكشف") == "الكشف"
    by_code = {code: glyph for glyph, code in amiri.current_font.subset.items() if glyph is not None}
    assert all(by_code[g.code].unicode for g in glyphs if g.code is not None)  # nothing stands for no text


def test_kerning_needs_no_move_in_the_array(amiri: FPDF) -> None:
    # Amiri kerns «رويترز»; PDFium and pdf.js read a move inside a word as a word break.
    operators = text_operators(shape(amiri.current_font, "رويترز", True), 13).text
    assert _numbers(operators) == []


def test_a_marks_room_of_its_own_is_declared_in_the_glyph_before_it(amiri: FPDF) -> None:
    # Amiri makes room for the kasra under «ضِ» in «مَوْضِعِ» with a stroke 371/1000 em long:
    # declared as the kasra's width, MuPDF (which moves its pen for no mark) read «مَوْض ِعِ».
    word = "مَوْضِعِ"
    glyphs = shape(amiri.current_font, word, True)
    assert logical_text(amiri, word) == word
    assert all(g.width == 1 for g in glyphs if g.code is not None and g.mark)
    assert all(abs(n) <= 1 for n in _numbers(text_operators(glyphs, 13).text))
    # Nothing moves: the letters stand where HarfBuzz put them, and the stroke is still drawn.
    letters = [g.x for g in glyphs if g.code is not None and not g.mark]
    assert letters == [g.x for g in shape(amiri.current_font, word, True, outlined=True) if not g.mark]
    assert any(g.outline == "glyph05479" for g in glyphs)


def test_pdf_string_is_utf16_hex() -> None:
    assert pdf_string("ar") == "<FEFF00610072>"
    assert pdf_string("لا") == "<FEFF06440627>"


def test_text_read_elsewhere_is_tiny_and_invisible_where_read_and_outlined_where_drawn(naskh: FPDF) -> None:
    before = len(naskh.pages[naskh.page].contents)
    GlyphWriter(naskh).draw("،", x=40, y=20, height=8, rtl=True, ink_x=30)
    written = bytes(naskh.pages[naskh.page].contents[before:]).decode("latin-1")
    text = re.search(r"q BT 3 Tr /F\d+ ([\d.]+) Tf ([\d.]+) [\d.]+ Td \[<[0-9A-F]{4}>\] TJ ET Q", written)
    assert text is not None
    assert float(text.group(1)) < 0.2  # a sliver: it takes no gap PDFium would read as a space
    assert float(text.group(2)) == pytest.approx(40 * naskh.k, abs=0.01)
    fill = re.search(r"cm [^Q]* f Q", written)
    assert fill is not None
    placed = re.search(r"q 0 g [\d.]+ 0 0 [\d.]+ ([\d.]+) [\d.]+ cm", written)
    assert placed is not None
    assert float(placed.group(1)) < 40 * naskh.k  # the ink is left of where it is read


def test_the_marks_of_a_words_last_letter_are_written_apart_as_their_own_glyphs(naskh: FPDF) -> None:
    # MuPDF and pdf.js hang a mark on the character read before it: first in the array, the
    # tanween of «مَسَاءً» went to the line before. It is read after the word, just left of it.
    font = naskh.current_font
    glyphs = shape(font, "مَسَاءً", True)
    operators = text_operators(glyphs, 13, edge_marks=True)
    by_code = {code: glyph for glyph, code in font.subset.items() if glyph is not None}
    edge = [int(code, 16) for code in re.findall(r"<([0-9A-F]{4})>", operators.edge_marks)]
    assert [by_code[code].unicode for code in edge] == [(0x064B,)]
    assert by_code[edge[0]].glyph_id == font.ttfont.getGlyphID("uni064B")  # it has width for PDFium
    main = [int(code, 16) for code in re.findall(r"<([0-9A-F]{4})>", operators.text)]
    assert "".join(chr(c) for code in reversed(main) for c in by_code[code].unicode) == "مَسَاء"
    assert len(operators.outlines) == len(text_operators(glyphs, 13).outlines)  # drawn as before
    # A mark on a space (a Quranic pause sign) stays in the array.
    assert text_operators(shape(font, "رَيْبَ ۛ", True), 13, edge_marks=True).edge_marks == ""


@pytest.mark.parametrize(("word", "marks"), [("مَسَاءً", "ً"), ("قُلْۡ", "ْۡ"), ("ٱلْقَيُّومُ", "ُ")])
def test_a_separator_after_a_words_last_marks_rides_in_one_glyph_with_them(
    naskh: FPDF, word: str, marks: str
) -> None:
    # MuPDF put a «.» read as a glyph of its own after the marks' text object on a line of its
    # own («مَسَاءً\n.»): one glyph stands for the marks, in logical order, and the separator.
    font = naskh.current_font
    glyphs = shape(font, word, True)
    plain = text_operators(glyphs, 13, edge_marks=True)
    carried = text_operators(glyphs, 13, edge_marks=True, carry=".", pick=font.subset.pick_glyph)
    assert carried.carried
    assert not plain.carried
    assert carried.text == plain.text
    assert carried.outlines == plain.outlines
    by_code = {code: glyph for glyph, code in font.subset.items() if glyph is not None}
    [edge] = [int(code, 16) for code in re.findall(r"<([0-9A-F]{4})>", carried.edge_marks)]
    assert "".join(map(chr, by_code[edge].unicode)) == marks + "."
    # Nothing to ride on: the separator is read on its own.
    bare = text_operators(
        shape(font, "مساء", True), 13, edge_marks=True, carry=".", pick=font.subset.pick_glyph
    )
    assert not bare.carried
    assert bare.edge_marks == ""


def test_marks_read_apart_ride_in_one_glyph_with_ink_on_the_baseline(amiri: FPDF) -> None:
    # Amiri's pause signs float a line height up: PDFium put one, read apart, on a line of its own.
    # Alone, the sign is read apart (MuPDF hangs a leading mark on the line before) and a glyph
    # with ink on the baseline stands for it, invisible, declared as narrow as a mark.
    font = amiri.current_font
    stop = font.ttfont.getBestCmap()[ord(".")]
    stand_in = Glyph(font.ttfont.getGlyphID(stop), (ord("."),), stop, 1)
    operators = text_operators(
        shape(font, " ۚ", True), 13, edge_marks=True, pick=font.subset.pick_glyph, stand_in=stand_in
    )
    by_code = {code: glyph for glyph, code in font.subset.items() if glyph is not None}
    [edge] = [int(code, 16) for code in re.findall(r"<([0-9A-F]{4})>", operators.edge_marks)]
    assert by_code[edge].unicode == (ord("ۚ"),)
    assert by_code[edge].glyph_name == stop
    assert by_code[edge].glyph_width == 1
    [space] = [int(code, 16) for code in re.findall(r"<([0-9A-F]{4})>", operators.text)]
    assert by_code[space].unicode == (0x20,)
    # Carrying a separator, the marks ride in the stand-in too (Amiri's tanween floats high).
    carried = text_operators(
        shape(font, "جَدِيدٌ", True),
        13,
        edge_marks=True,
        carry="،",
        pick=font.subset.pick_glyph,
        stand_in=stand_in,
    )
    [both] = [int(code, 16) for code in re.findall(r"<([0-9A-F]{4})>", carried.edge_marks)]
    by_code = {code: glyph for glyph, code in font.subset.items() if glyph is not None}
    assert by_code[both].glyph_name == stop
    assert by_code[both].unicode == (ord("ٌ"), ord("،"))
    # A word's own last marks, with nothing to carry, too: one stand-in for both, in logical order
    # (Amiri's small meem over a tanween put «أَحَدٌۢ»'s marks on a line of their own in PDFium).
    word = text_operators(
        shape(font, "أَحَدٌۢ", True), 13, edge_marks=True, pick=font.subset.pick_glyph, stand_in=stand_in
    )
    [marks] = [int(code, 16) for code in re.findall(r"<([0-9A-F]{4})>", word.edge_marks)]
    by_code = {code: glyph for glyph, code in font.subset.items() if glyph is not None}
    assert by_code[marks].glyph_name == stop
    assert by_code[marks].unicode == (ord("ٌ"), ord("ۢ"))
    assert not word.carried
