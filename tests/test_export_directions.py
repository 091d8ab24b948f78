"""Character directions as naive text extractors see them, and which text needs an Arabic font."""

from __future__ import annotations

import pytest

from reader.export.directions import extractor_direction, has_rtl_letters


@pytest.mark.parametrize(
    ("char", "kind"),
    [
        ("ق", "R"),  # Arabic letter
        ("َ", "R"),  # fatha: in the Arabic block
        ("،", "R"),  # Arabic comma
        ("ﻻ", "R"),  # presentation form
        ("א", "R"),  # Hebrew
        ("a", "L"),
        ("7", "L"),  # ASCII digits read left to right
        ("«", "L"),  # outside the neutral blocks, so extractors treat it as a letter
        (" ", "N"),
        (".", "N"),
        ("٢", "N"),  # Arabic-Indic digit
        ("—", "N"),
    ],
)
def test_extractor_direction(char: str, kind: str) -> None:
    assert extractor_direction(char) == kind


def test_has_rtl_letters() -> None:
    assert has_rtl_letters("minister لافروف")
    assert not has_rtl_letters("minister Lavrov (2024) ٢٠")
