"""Separators beside numbers in right-to-left lines: cut off their word, read at the number's edge."""

from __future__ import annotations

from dataclasses import dataclass

from hypothesis import given
from hypothesis import strategies as st

from reader.export.pdf_number_marks import (
    is_number,
    marks_before_numbers,
    reading_positions,
    split_beside_numbers,
)
from reader.export.pdf_text import bidi_runs, extraction_pieces


@dataclass(frozen=True)
class _Piece:
    text: str
    rtl: bool
    x: float
    width: float


def _pieces(line: str) -> list[list[str]]:
    runs = bidi_runs(line, rtl_base=True)[0]
    return split_beside_numbers([extraction_pieces(run) for run in runs], [run.rtl for run in runs])


def test_numbers() -> None:
    assert is_number("2023")
    assert is_number("٢٠٢٣")
    assert is_number("1,000.5")
    assert not is_number("،")
    assert not is_number("عام")
    assert not is_number("")


def test_the_comma_after_a_number_is_cut_off_the_next_word() -> None:
    pieces = _pieces("ففي عام 2023، أفادت شبكة")
    assert ["2023"] in pieces
    after = pieces[pieces.index(["2023"]) + 1]
    assert after[0] == "،"
    assert "".join(after[1:]).startswith(" أفادت")


def test_a_separator_before_a_number_is_cut_off_the_word_before() -> None:
    pieces = _pieces("بلغت النسبة -5 في المئة")
    before = pieces[pieces.index(["5"]) - 1]
    assert before[-1] == "-"


def test_an_arabic_comma_not_beside_a_number_stays_in_its_word() -> None:
    assert _pieces("قالت، إن") == [[*extraction_pieces(bidi_runs("قالت، إن", rtl_base=True)[0][0])]]


def test_a_separator_after_a_number_is_read_at_its_right_end() -> None:
    pieces = [_Piece("2023", False, 40.0, 10.0), _Piece("،", True, 38.0, 1.5), _Piece(" أفادت", True, 20, 18)]
    assert reading_positions(pieces) == {1: 50.0}


def test_a_separator_before_a_number_is_read_just_left_of_it() -> None:
    pieces = [
        _Piece("النسبة ", True, 60.0, 20.0),
        _Piece("-", True, 58.0, 2.0),
        _Piece("5", False, 52.0, 6.0),
    ]
    [(index, x)] = reading_positions(pieces).items()
    assert index == 1
    assert 51.9 < x < 52.0


def test_left_to_right_text_is_left_alone() -> None:
    pieces = [_Piece("in 2023", False, 0.0, 20.0), _Piece(",", False, 20.0, 1.0)]
    assert reading_positions(pieces) == {}


@given(
    st.lists(
        st.sampled_from(["عام", "2023", "٢٠٢٤", "،", "-", "%", " ", ".", "/", "سنوات", "Reuters"]),
        min_size=1,
        max_size=12,
    )
)
def test_splitting_keeps_every_character_in_order(words: list[str]) -> None:
    line = "".join(words)
    runs = bidi_runs(line, rtl_base=True)[0]
    pieces = _pieces(line)
    assert ["".join(run) for run in pieces] == [run.text for run in runs]


def test_a_separator_after_a_word_ending_in_a_mark_is_read_just_left_of_the_word() -> None:
    # PDFium read the tanween and the full stop beside it as one left-to-right stretch, «مَسَاء.ً».
    word, stop = _Piece("وَعَادَ مَسَاءً", True, 20.0, 30.0), _Piece(".", True, 18.0, 2.0)
    moved = reading_positions([word, stop])
    assert 19.98 < moved[1] < 20.0
    bare = _Piece("وعاد مساء", True, 20.0, 30.0)
    assert reading_positions([bare, stop]) == {}


def test_a_comma_after_a_mark_is_cut_out_of_its_core() -> None:
    assert _pieces("جَدِيدٌ، وَذَٰلِكَ") == [["جَدِيدٌ", "،", " ", "وَذَٰلِكَ"]]
    assert _pieces("جديد، وذلك") == [["جديد، وذلك"]]


def test_the_last_marks_of_a_word_before_a_number_are_read_left_of_the_number() -> None:
    # «وَ١٢»: PDFium read the fatha after the digits, «و١٢َ».
    word, number = _Piece("وَ", True, 30.0, 3.0), _Piece("١٢", False, 25.0, 5.0)
    assert 24.9 < marks_before_numbers([word, number])[0] < 25.0
    assert marks_before_numbers([_Piece("و", True, 30.0, 3.0), number]) == {}
    assert marks_before_numbers([word, _Piece("abc", False, 25.0, 5.0)]) == {}
