"""The detail strip: the Alternatives button only where there was a translation to vary; the
reading fonts kept through a theme change."""

from __future__ import annotations

import dataclasses

from reader.formats.plain_text import build_text_document
from reader.model import Origin, Rendering, Status
from reader.ui.detail_strip import DetailStrip
from reader.ui.fonts import register_fonts
from reader.ui.paths import resource_path
from reader.ui.theme import dark_palette


def shown_strip(qtbot) -> DetailStrip:  # type: ignore[no-untyped-def]
    strip = DetailStrip(register_fonts())
    qtbot.addWidget(strip)
    strip.show()
    return strip


def test_alternatives_are_disabled_for_a_sentence_shown_as_is(qtbot) -> None:
    strip = shown_strip(qtbot)
    document = build_text_document("جملة عربية هنا. ثانية.")
    arabic = document.segment_at(0)
    translated = dataclasses.replace(
        arabic, status=Status.DONE, rendering=Rendering("An Arabic sentence here.", Origin.MACHINE)
    )
    as_is = dataclasses.replace(
        arabic, text="Hello there.", status=Status.DONE, rendering=Rendering("Hello there.", Origin.SOURCE)
    )
    strip.show_sentence(translated, 0, 2, 0)
    assert strip.alternatives.isVisible()
    assert strip.alternatives.isEnabled()
    strip.show_sentence(as_is, 1, 2, 0)
    assert not strip.alternatives.isEnabled()
    assert "no alternatives" in strip.alternatives.toolTip()
    strip.show_sentence(arabic, 0, 2, 0)  # pending: nothing to choose from yet
    assert not strip.alternatives.isVisible()


def test_the_reading_fonts_survive_a_theme_change(qtbot, qapp) -> None:
    """A theme change sets the palette and the style sheet again (as ``ThemeKeeper.apply`` does);
    the strip fell to Sans Serif 9 pt."""
    sheet, palette = qapp.styleSheet(), qapp.palette()
    reader_sheet = resource_path("qss", "reader.qss").read_text(encoding="utf-8")
    qapp.setStyleSheet(reader_sheet)  # the window starts with the theme applied
    try:
        strip = shown_strip(qtbot)

        def fonts() -> tuple[str, float, float]:
            arabic, english = strip.arabic.font(), strip.english.font()
            return arabic.family(), arabic.pointSizeF(), english.pointSizeF()

        wanted = fonts()
        for theme in (dark_palette(), palette):
            qapp.setPalette(theme)
            qapp.setStyleSheet(reader_sheet)
            qtbot.waitUntil(lambda: fonts() == wanted, timeout=2000)
    finally:
        qapp.setPalette(palette)
        qapp.setStyleSheet(sheet)
