"""A page's glyphs → lines in typed order: the cases producers broke, each on its own.

Synthetic pages (glyph boxes as PDFium reports them, in points, a 13 pt face whose loose boxes
are 13 pt high) for what only one producer writes; fpdf2-shaped PDFs for vowel marks, whose
placement is the shaper's.
"""

from __future__ import annotations

import pytest

from reader.formats.pdf_clusters import one_copy_per_cluster
from reader.formats.pdf_glyphs import Glyph, PageGlyphs
from reader.formats.pdf_lines import page_lines
from reader.formats.registry import read_bytes
from tests.helpers.format_fixtures import make_pdf

BASE = 700.0
SIZE = 13.0


def glyph(
    text: str, left: float, right: float, index: int, *, base: float = BASE, x: float | None = None
) -> Glyph:
    """A glyph with a loose box (descent 3, ascent 10 above *base*)."""
    return Glyph(text, left, right, base - 3, base + 10, base, index, left if x is None else x)


def tiled(
    text: str, left: float, right: float, first_index: int, *, bottom: float, top: float, base: float
) -> list[Glyph]:
    """What PDFium makes of one glyph whose ActualText is *text*: equal slices of its box, right
    to left, all at the glyph's origin."""
    width = (right - left) / len(text)
    return [
        Glyph(ch, right - (k + 1) * width, right - k * width, bottom, top, base, first_index + k, left)
        for k, ch in enumerate(text)
    ]


def read_line(glyphs: list[Glyph]) -> str:
    lines = page_lines(PageGlyphs(glyphs, 600, 800, 0))
    assert len(lines) == 1
    return lines[0].text


def test_a_cluster_given_once_per_glyph_is_read_once() -> None:
    # Typst's «تَ»: the letter's glyph (on the baseline) and the fatha's glyph (raised, narrow)
    # each carry the cluster's ActualText; PDFium slices each glyph's box between «ت» and «َ».
    letter = tiled("تَ", 100.0, 104.0, 10, bottom=BASE, top=BASE + 7, base=BASE)
    mark = tiled("تَ", 101.0, 103.0, 12, bottom=BASE + 8, top=BASE + 10, base=BASE + 2)
    kept = one_copy_per_cluster([letter[0], mark[0], letter[1], mark[1]])
    assert [(g.text, g.left, g.right, g.base) for g in kept] == [("تَ", 100.0, 104.0, BASE)]


def test_the_same_cluster_twice_side_by_side_is_kept_twice() -> None:
    first = tiled("لَ", 100.0, 104.0, 10, bottom=BASE, top=BASE + 7, base=BASE)
    second = tiled("لَ", 96.0, 100.0, 12, bottom=BASE, top=BASE + 7, base=BASE)
    assert [g.text for g in one_copy_per_cluster(first + second)] == ["لَ", "لَ"]


def test_a_mark_sliced_beside_its_letter_stays_on_it() -> None:
    # Chromium's «وسمّى»: the cluster «مّ» sliced over the meem's box, the shadda's slice touching
    # the alef maqsura (which the bare boxes would give it to) and apart from the meem in the
    # stream, as PDFium orders it.
    meem, shadda = tiled("مّ", 106.0, 112.0, 0, bottom=BASE, top=BASE + 5, base=BASE)
    shadda.index = 3
    glyphs = [
        meem,
        glyph("س", 112.0, 120.0, 1),
        glyph("و", 120.0, 126.0, 2),
        shadda,
        glyph("ى", 98.0, 106.3, 4),
    ]
    assert read_line(glyphs) == "وسمّى"


def test_a_bracket_is_its_own_word_whatever_the_stream_says() -> None:
    # Chromium's «الطعام [وكان»: the bracket drawn 0.3 em from the word before it with no space
    # there, and the space (without width) put between the bracket and the word after it.
    glyphs = [
        glyph("ع", 149.0, 155.0, 0),
        glyph("ا", 146.0, 149.0, 1),
        glyph("م", 140.0, 146.0, 2),
        glyph("]", 133.0, 136.0, 3),
        glyph(" ", 132.7, 132.7, 4),
        glyph("و", 126.6, 132.7, 5),
        glyph("ك", 121.0, 126.6, 6),
    ]
    assert read_line(glyphs) == "عام [وك"


def test_a_doubled_letter_is_not_taken_for_a_duplicate() -> None:
    # fpdf2 draws the initial lam of «للمشروع» narrow, 40 % of it under the next lam's stroke.
    sentence = "1. تحديد الأهداف العامة للمشروع."
    document = read_bytes(make_pdf([[sentence]]), "doubled.pdf", ".pdf").document
    assert [s.text for s in document.iter_segments()] == [sentence]


def test_fake_bold_glyphs_drawn_twice_are_read_once() -> None:
    glyphs = [glyph("ب", 100.0, 106.0, 0), glyph("ب", 100.2, 106.2, 1), glyph("ا", 97.0, 100.0, 2)]
    assert read_line(glyphs) == "با"


@pytest.mark.parametrize(
    "sentence",
    [
        "قال الشاعر: لَا تَحْسَبِ الْمَجْدَ تَمْرًا أَنْتَ آكِلُهُ.",  # ت stacked on ح under a fatha
        "وسمّى الكاتب روايته «ساعة البحر».",
    ],
)
def test_vowel_marks_sit_on_their_letters_in_a_shaped_pdf(sentence: str) -> None:
    document = read_bytes(make_pdf([[sentence]]), "marks.pdf", ".pdf").document
    assert [s.text for s in document.iter_segments()] == [sentence]


def test_a_producer_that_writes_no_spaces_gets_them_from_gaps() -> None:
    # LuaTeX: no space characters; its words 0.14 em apart (under Chromium's 0.15 em word gap),
    # each word's last letter the next one's neighbour in the stream.
    glyphs = [
        glyph("ل", 150.0, 153.0, 0),
        glyph("ا", 153.0, 156.0, 1),
        glyph("ق", 156.0, 162.0, 2),
        glyph("ب", 140.0, 148.2, 3),
        glyph("ح", 132.0, 140.0, 4),
        glyph("ث", 126.0, 132.0, 5),
    ]
    assert read_line(glyphs) == "قال بحث"


def test_a_mark_after_the_alef_of_a_lam_alef_is_the_lams() -> None:
    # LuaTeX maps the lam-alef ligature to both letters at one origin, its fatha after the alef.
    glyphs = [
        glyph("ل", 100.0, 106.2, 0),
        glyph("ا", 100.0, 105.6, 1),
        Glyph("\u064e", 103.3, 105.4, BASE + 4, BASE + 10, BASE + 4, 2, 103.4),
    ]
    assert read_line(glyphs) == "لَا"


def test_a_letters_marks_are_read_in_canonical_order() -> None:
    # A shaper draws the shadda first; typed (NFC) text has the fatha first, as our sources do.
    glyphs = [
        glyph("م", 100.0, 106.0, 0),
        Glyph("\u0651", 101.0, 104.0, BASE + 7, BASE + 9, BASE + 7, 1, 101.0),
        Glyph("\u064e", 101.0, 104.0, BASE + 9, BASE + 11, BASE + 9, 2, 101.0),
        glyph("د", 94.0, 100.2, 3),
    ]
    assert read_line(glyphs) == "م\u064e\u0651د"


@pytest.mark.parametrize(
    "sentence",
    [
        "ذَهَبَ مُحَمَّدٌ إِلَى ٱلْمَدْرَسَةِ صَبَاحًا، وَعَادَ مَسَاءً.",  # a shadda and a fatha on one meem
        "سَأَلَ ٱلْمُعَلِّمُ سُؤَالًا، فَأَجَابَ ٱلطُّلَّابُ بِسُرْعَةٍ.",
        "بِسْمِ ٱللَّهِ ٱلرَّحْمَٰنِ ٱلرَّحِيمِ ۝١",  # the end of an ayah, drawn around its number
        "ذَٰلِكَ ٱلْكِتَٰبُ لَا رَيْبَ ۛ فِيهِ ۛ هُدًى لِّلْمُتَّقِينَ ۝٢",  # pause signs between words
    ],
)
def test_stacked_marks_stay_on_their_letter_in_our_own_export(sentence: str) -> None:
    # Our export writes each mark invisible, at its letter's edge, the second after the first.
    from reader.export.pdf import render_pdf
    from reader.formats.blocks_builder import RawBlock, build_document
    from reader.model import BlockKind

    document = build_document([RawBlock(BlockKind.PARAGRAPH, sentence)], name="marks")
    data = render_pdf(document, layout="interleaved", page_size="A4", numbers=False)
    found = [s.text for s in read_bytes(data, "marks.pdf", ".pdf").document.iter_segments()]
    assert sentence in found
