"""Font files: shipped faces are found; the English face is static and covers what English needs."""

from __future__ import annotations

import time

from fontTools.ttLib import TTFont
from fpdf import FPDF

from reader.export import fonts


def test_shipped_fonts_are_found() -> None:
    assert fonts.amiri_file().is_file()
    assert fonts.amiri_file("Bold").is_file()
    assert fonts.naskh_file().is_file()
    assert fonts.noto_serif_file().is_file()


def test_the_english_face_is_a_static_noto_serif_regular() -> None:
    font = TTFont(fonts.noto_serif_file())
    assert "fvar" not in font  # no axes left for fpdf2 to pin on every export
    assert font["name"].getDebugName(1) == "Noto Serif"
    assert font["OS/2"].usWeightClass == 400
    cmap = font.getBestCmap()
    assert all(ord(c) in cmap for c in "Aa Zz 0-9 .,;:!?'\"()[]—–…‘’“”éüçñ€£%")


def test_registering_the_fonts_makes_nothing(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A first export on a fresh machine only opens shipped files (no instance to build)."""
    started = time.perf_counter()
    pdf = FPDF()
    fonts.register_fonts(pdf)
    fonts.close_fonts(pdf)
    assert time.perf_counter() - started < 2.0
