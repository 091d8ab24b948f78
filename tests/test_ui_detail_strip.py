"""The detail strip: the Alternatives button only where there was a translation to vary."""

from __future__ import annotations

import dataclasses

from reader.model import Origin, Rendering, Status
from reader.model.text_builder import build_text_document
from reader.ui.detail_strip import DetailStrip
from reader.ui.fonts import register_fonts


def test_alternatives_are_disabled_for_a_sentence_shown_as_is(qtbot) -> None:
    strip = DetailStrip(register_fonts())
    qtbot.addWidget(strip)
    strip.show()
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
