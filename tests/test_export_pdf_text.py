"""Bidi runs, visual order and the pieces that let in-order text extractors read logical text."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from reader.export.directions import extractor_direction
from reader.export.pdf_text import Run, bidi_runs, extraction_pieces


def test_runs_of_arabic_with_a_number() -> None:
    runs = bidi_runs("في عام 2023 إن", rtl_base=True)[0]
    assert [(r.text, r.level) for r in runs] == [("في عام ", 1), ("2023", 2), (" إن", 1)]


def test_runs_of_arabic_with_latin_in_brackets() -> None:
    runs = bidi_runs("قالت (Reuters) إن", rtl_base=True)[0]
    assert [(r.text, r.rtl) for r in runs] == [("قالت (", True), ("Reuters", False), (") إن", True)]


def test_pure_lines_are_one_run() -> None:
    assert bidi_runs("بشأن الحرب بأوكرانيا.", rtl_base=True)[0] == [Run("بشأن الحرب بأوكرانيا.", 1)]
    assert bidi_runs("Three sources (Reuters) said.", rtl_base=False)[0] == [
        Run("Three sources (Reuters) said.", 0)
    ]
    assert bidi_runs("", rtl_base=True)[0] == []


def test_english_line_with_an_arabic_name() -> None:
    runs = bidi_runs("minister لافروف met", rtl_base=False)[0]
    assert [(r.text, r.level) for r in runs] == [("minister ", 0), ("لافروف", 1), (" met", 0)]


def test_visual_order_reverses_runs_of_a_right_to_left_line() -> None:
    assert bidi_runs("في عام 2023 إن", rtl_base=True)[1] == [2, 1, 0]


def test_visual_order_keeps_left_to_right_line_with_embedded_arabic() -> None:
    assert bidi_runs("minister لافروف met", rtl_base=False)[1] == [0, 1, 2]


def test_visual_order_nested_levels() -> None:
    # An Arabic phrase (level 1) holding a number (level 2) inside an English line (level 0).
    runs, order = bidi_runs("he said قال 2023 إن then", rtl_base=False)
    assert [(r.text, r.level) for r in runs] == [
        ("he said ", 0),
        ("قال ", 1),
        ("2023", 2),
        (" إن", 1),
        (" then", 0),
    ]
    assert order == [0, 3, 2, 1, 4]


def test_visual_order_of_one_direction_lines() -> None:
    assert bidi_runs("بشأن الحرب.", rtl_base=True)[1] == [0]
    assert bidi_runs("", rtl_base=False)[1] == []


def test_pieces_cut_edge_punctuation_from_arabic() -> None:
    assert extraction_pieces(Run("قالت ثلاثة مصادر (", 1)) == ["قالت ثلاثة مصادر", " ", "("]
    assert extraction_pieces(Run(") في عام ", 1)) == [")", " ", "في عام", " "]


def test_pieces_cut_characters_extractors_read_the_other_way() -> None:
    assert extraction_pieces(Run("«السلام عليكم» أمام", 1)) == ["«", "السلام عليكم", "»", " ", "أمام"]


def test_pieces_keep_marks_with_their_letters() -> None:
    assert extraction_pieces(Run("السَّلَامُ.", 1)) == ["السَّلَامُ", "."]


def test_an_arabic_comma_ending_a_run_stands_alone() -> None:
    # A separator to the bidi algorithm: MuPDF left a line-final «،» at the line's start.
    assert extraction_pieces(Run("في بناء حوار،", 1)) == ["في بناء حوار", "،"]
    assert extraction_pieces(Run("حوار، على", 1)) == ["حوار، على"]
    assert extraction_pieces(Run("،", 1)) == ["،"]


def test_pieces_of_left_to_right_run() -> None:
    assert extraction_pieces(Run("(Reuters) said.", 0)) == ["(", "Reuters) said", "."]


_alphabet = st.sampled_from(list("قالتمصدر َُّ،abcXY12٣ .,()«»[]-/:؟") + ["https://x.org"])


@given(st.lists(_alphabet, max_size=30).map("".join), st.booleans())
def test_pieces_are_self_contained(text: str, rtl: bool) -> None:
    """Every piece reads the same to an in-order extractor, whatever came before it.

    A mark on a space that ends a right-to-left core (a Quranic pause sign) stands apart with its
    space: a mark shaped alone would be drawn on a dotted circle.
    """
    run = Run(text, 1 if rtl else 0)
    own = "R" if rtl else "L"
    pieces = extraction_pieces(run)
    assert "".join(pieces) == text
    for piece in pieces:
        if (
            rtl
            and piece[:1] == " "
            and len(piece) > 1
            and all(unicodedata.category(c) == "Mn" for c in piece[1:])
        ):
            continue
        if len(piece) > 1:
            kinds = [extractor_direction(c) for c in piece]
            assert kinds[0] == own
            assert kinds[-1] == own
            assert set(kinds) <= {own, "N"}


def test_a_pause_sign_ending_a_core_stands_apart_with_its_space() -> None:
    # MuPDF hung the marks of the word before it on the next line («ٌۭٱللَّهُ»): apart, the word's
    # last marks are read after it, and the sign after them.
    assert extraction_pieces(Run("وَلَا نَوْمٌۭ ۚ", 1)) == ["وَلَا نَوْمٌۭ", " ۚ"]
    assert extraction_pieces(Run("صَغِيرَةٌ ۘ، وَعَلَامَةُ", 1)) == ["صَغِيرَةٌ", " ۘ", "،", " ", "وَعَلَامَةُ"]
    # Inside a core, and a word's own last mark, it stays.
    assert extraction_pieces(Run("ٱلْقَيُّومُ ۚ لَا", 1)) == ["ٱلْقَيُّومُ ۚ لَا"]
    assert extraction_pieces(Run("مَسَاءً", 1)) == ["مَسَاءً"]


def test_spaces_before_a_pause_signs_own_stand_alone() -> None:
    """Found by hypothesis: «ق  َ» gave the core «ق » (a core ends on a letter of its direction)."""
    assert extraction_pieces(Run("ق  َ", 1)) == ["ق", " ", " َ"]
    assert extraction_pieces(Run("نَوْمٌ ۚ", 1)) == ["نَوْمٌ", " ۚ"]
