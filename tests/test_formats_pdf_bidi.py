"""Painted order → typed order: each case is painted by an independent bidi implementation
(fpdf2's, test-only) and must come back as typed; brackets a producer left unbalanced are mended."""

from __future__ import annotations

import pytest

from reader.formats.arabic_order import fold_presentation_forms
from reader.formats.pdf_bidi import balance_brackets, logical_order, resolve_levels
from tests.helpers.format_fixtures import make_pdf
from tests.helpers.pdf_producers import painted_visual

CASES = {
    "number beside a comma": "غادروا عام 1948، ثم عادوا.",
    "Arabic-Indic digits beside a comma": "وفي عام ١٩٤٨، غادر آلاف السكان.",
    "a percent": "ارتفعت الأسعار بنسبة 12% خلال العام.",
    "a list number": "1. تحديد الأهداف العامة.",
    "guillemets": "سمّى روايته «ساعة البحر» تيمناً بجده.",
    "brackets": "المؤتمر (الذي عقد في جنيف) استمر [يومين].",
    "a Latin name": "وقال الباحث John Smith إن النتائج مهمة.",
    "a URL": "النتائج على الموقع https://example.org/report لمن يريد.",
    "a decimal and a time": "وصل العدد إلى 3.5 مليون في الساعة 10:30 صباحاً.",
    "a Latin name with a number": "هبطت طائرة من طراز Boeing 747 في المطار.",
    "two numbers apart": "في الأعوام 1948، 1967 و1973.",
}


@pytest.mark.parametrize("line", CASES.values(), ids=CASES.keys())
def test_a_painted_right_to_left_line_reads_as_typed(line: str) -> None:
    painted = fold_presentation_forms(painted_visual(line))
    assert painted != line
    assert logical_order(list(painted), rtl=True) == line


def test_a_left_to_right_line_with_arabic_inside_reads_as_typed() -> None:
    from fpdf.bidi import BidiParagraph
    from fpdf.enums import TextDirection

    line = "The word كتاب means book, and مكتبة (library) too."
    painted = BidiParagraph(line, base_direction=TextDirection.LTR).get_reordered_string()
    assert logical_order(list(painted), rtl=False) == line


def test_levels_follow_the_weak_and_neutral_rules() -> None:
    # AL, WS, EN (→ AN after AL), ET (→ ON → R between AN and R), WS, AL
    assert resolve_levels(["AL", "WS", "EN", "ET", "WS", "AL"], 1) == [1, 1, 2, 1, 1, 1]
    # L, WS, EN after L stays left to right; neutrals between L and R take the base level
    assert resolve_levels(["L", "WS", "EN", "WS", "AL"], 0) == [0, 0, 0, 0, 1]


@pytest.mark.parametrize(
    ("found", "typed"),
    [
        ("الطعام [وكان جائعاً جداً[.", "الطعام [وكان جائعاً جداً]."),
        ("»ساعة البحر»", "«ساعة البحر»"),
        ("1) أولا. 2) ثانيا.", "1) أولا. 2) ثانيا."),  # list numbers are not brackets to pair
        ("قال (هذا", "قال (هذا"),  # a bracket that goes on is left open
        ("(أ) و(ب)", "(أ) و(ب)"),
    ],
)
def test_brackets_a_producer_left_unbalanced_are_mended(found: str, typed: str) -> None:
    assert balance_brackets(found) == typed


def test_each_case_comes_back_from_a_shaped_pdf() -> None:
    from reader.formats.registry import read_bytes

    document = read_bytes(make_pdf([list(CASES.values())]), "cases.pdf", ".pdf").document
    found = [s.text for s in document.iter_segments()]
    assert found == list(CASES.values())
