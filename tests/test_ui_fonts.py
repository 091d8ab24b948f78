"""Amiri and Noto Serif are registered from their packages, and Arabic comes out shaped (joined)."""

from __future__ import annotations

from PySide6.QtGui import QFontInfo, QRawFont, QTextLayout

from reader.ui.fonts import ReadingFonts, register_fonts


def test_the_bundled_faces_are_registered_and_used(qapp) -> None:
    fonts = register_fonts()
    assert fonts == ReadingFonts(arabic="Amiri", english="Noto Serif")
    assert QFontInfo(fonts.arabic_font()).family() == "Amiri"
    assert QFontInfo(fonts.english_font()).family() == "Noto Serif"
    assert register_fonts() is fonts  # registered once


def glyphs(text: str) -> list[int]:
    layout = QTextLayout(text, register_fonts().arabic_font())
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    runs = layout.glyphRuns()
    assert all(QRawFont(run.rawFont()).familyName() == "Amiri" for run in runs)
    return [index for run in runs for index in run.glyphIndexes()]


def test_arabic_letters_take_their_joined_forms(qapp) -> None:
    isolated = glyphs("ب")
    joined = glyphs("ببب")  # initial, medial, final forms
    assert len(isolated) == 1
    assert len(joined) == 3
    assert len(set(joined)) == 3  # three different contextual shapes…
    assert isolated[0] not in joined  # …none of them the isolated letter
