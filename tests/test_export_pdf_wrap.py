"""Line wrapping from cached word widths: every word kept, no line too wide, widths additive."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from reader.export import fonts
from reader.export.fpdf_fixes import MarkAwareFPDF
from reader.export.pdf_wrap import TextMeasure, wrap
from tests.conftest import SEED

ARABIC = "قالت ثلاثة مصادر مطلعة إن مشاركين أميركيين وروسا اجتمعوا في سويسرا لإجراء مناقشات غير رسمية"


@pytest.fixture(scope="module")
def measure() -> Iterator[TextMeasure]:
    pdf = MarkAwareFPDF()
    pdf.add_font(fonts.ARABIC, "", fonts.amiri_file())
    pdf.add_page()
    pdf.set_font(fonts.ARABIC, size=13)
    pdf.c_margin = 0
    yield TextMeasure(pdf)
    fonts.close_fonts(pdf)


def test_widths_add_up_at_spaces(measure: TextMeasure) -> None:
    """The premise of wrapping word by word: a line is as wide as its words plus its spaces."""
    for line in SEED.read_text(encoding="utf-8").splitlines()[:5]:
        words = line.split()
        summed = sum(measure.width(w, True) for w in words) + measure.width(" ", True) * (len(words) - 1)
        assert summed == pytest.approx(measure.width(" ".join(words), True), abs=0.01)


def test_wrap_keeps_every_word_and_fits_the_width(measure: TextMeasure) -> None:
    lines = wrap(measure, ARABIC, 60, rtl=True)
    assert len(lines) > 1
    assert " ".join(lines).split() == ARABIC.split()
    assert all(measure.width(line, True) <= 60 for line in lines)
    # Greedy: the next line's first word would not have fitted.
    for line, following in zip(lines, lines[1:], strict=False):
        assert measure.width(f"{line} {following.split()[0]}", True) > 60


def test_wrap_collapses_whitespace_and_never_returns_nothing(measure: TextMeasure) -> None:
    assert wrap(measure, "  كلمة \n  أخرى  ", 80, rtl=True) == ["كلمة أخرى"]
    assert wrap(measure, "", 80, rtl=True) == [""]


def test_word_longer_than_a_line_is_cut(measure: TextMeasure) -> None:
    url = "https://example.com/" + "a" * 80
    lines = wrap(measure, f"انظر {url} هنا", 40, rtl=True)
    assert "".join(lines).replace(" ", "") == f"انظر{url}هنا"
    assert all(measure.width(line, True) <= 40 for line in lines)


def test_measure_remembers_per_font_size(measure: TextMeasure) -> None:
    small = measure.width("كلمة", True)
    measure.pdf.set_font(fonts.ARABIC, size=26)
    try:
        assert measure.width("كلمة", True) == pytest.approx(2 * small)
    finally:
        measure.pdf.set_font(fonts.ARABIC, size=13)


def test_a_lone_last_word_takes_one_word_from_the_line_before(measure: TextMeasure) -> None:
    from reader.export.pdf_wrap import without_widow

    lines = ["واحد اثنان ثلاثة أربعة", "خمسة"]
    assert without_widow(measure, lines, 200, True) == ["واحد اثنان ثلاثة", "أربعة خمسة"]
    # Not when the line before would keep fewer than two words, nor when the pair does not fit.
    assert without_widow(measure, ["واحد اثنان", "خمسة"], 200, True) == ["واحد اثنان", "خمسة"]
    assert without_widow(measure, lines, 5, True) == lines
    assert without_widow(measure, ["خمسة"], 200, True) == ["خمسة"]


def test_characters_the_arabic_face_lacks_stand_apart_for_the_latin_face() -> None:
    pdf = MarkAwareFPDF()
    fonts.register_fonts(pdf)
    pdf.add_page()
    pdf.set_font(fonts.ARABIC, size=13)
    measure = TextMeasure(pdf, fonts.FALLBACKS)
    try:
        assert measure.split_uncovered("نوفمبر/تشرين") == ["نوفمبر", "/", "تشرين"]
        assert measure.split_uncovered("الثاني -لغة") == ["الثاني", " ", "-", "لغة"]
        assert measure.family_for("/") == fonts.LATIN
        assert measure.family_for("نوفمبر") == fonts.ARABIC
        assert measure.split_uncovered("الثاني") == ["الثاني"]
    finally:
        fonts.close_fonts(pdf)
