"""Which pieces of a line MuPDF is told to read otherwise (reader/export/pdf_mupdf.py)."""

from __future__ import annotations

from dataclasses import dataclass

from reader.export.pdf_mupdf import mupdf_plan


@dataclass(frozen=True)
class _Piece:
    text: str
    rtl: bool = True
    x: float = 0.0
    width: float = 1.0


def _pieces(*texts: str) -> list[_Piece]:
    """Pieces in logical order; digits and spaces between runs are left to right, as in a line."""
    return [_Piece(t, rtl=not (t.isdigit() or t == " ")) for t in texts]


def test_a_sign_after_a_words_last_marks_is_read_with_them() -> None:
    plan = mupdf_plan(_pieces("يَا لَهُ مِنْ يَوْمٍ جَمِيلٍ", "!"))
    assert plan.after == {0: ("!", 1)}
    assert plan.texts == {1: ""}


def test_a_separator_after_the_sign_goes_with_it() -> None:
    plan = mupdf_plan(_pieces("فِي «جَآءَ", "»", "."))
    assert plan.after == {0: ("».", 2)}
    assert plan.texts == {1: "", 2: ""}


def test_a_separator_that_rides_in_the_marks_glyph_is_left_alone() -> None:
    assert mupdf_plan(_pieces("وَعَادَ مَسَاءً", ".")) == mupdf_plan([])


def test_a_sign_after_a_letter_is_left_alone() -> None:
    assert mupdf_plan(_pieces("يوم جميل", "!")) == mupdf_plan([])


def test_an_arabic_indic_number_is_read_with_the_space_before_it() -> None:
    plan = mupdf_plan(_pieces("وُلِدَ جَدِّي عَامَ", " ", "١", "٩", "٤", "٥", "،", "وَعَاشَ"))
    assert plan.texts == {1: " ١٩٤٥،", 2: "", 3: "", 4: "", 5: "", 6: ""}
    assert plan.after == {}


def test_an_end_of_ayah_sign_goes_with_its_number() -> None:
    plan = mupdf_plan(_pieces("ٱلرَّحِيمِ", " ", "۝", "١"))
    assert plan.texts == {1: " ۝١", 2: "", 3: ""}


def test_a_number_right_after_a_words_marks_is_read_with_them() -> None:
    plan = mupdf_plan(_pieces("فِي ٱلصَّفِّ ٣٠ طَالِبًا وَ", "١", "٢"))
    assert plan.after == {0: ("١٢", 2)}
    assert plan.texts == {1: "", 2: ""}


def test_single_digits_and_european_numbers_are_left_alone() -> None:
    assert mupdf_plan(_pieces("ٱلسَّاعَةِ", " ", "٨")) == mupdf_plan([])
    assert mupdf_plan(_pieces("ٱلْقَلَمِ", " ", "1", "5")) == mupdf_plan([])


def test_marks_not_read_apart_give_the_following_pieces_their_own_text_back() -> None:
    plan = mupdf_plan(_pieces("جَمِيلٍ", "!", "."))
    plan.not_told(0)
    assert plan.after == {}
    assert plan.texts == {}
