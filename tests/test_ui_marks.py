"""A row's tooltip says why it is marked, a doubtful OCR reading of the Arabic included."""

from __future__ import annotations

from reader.model import Origin, Segment, Status
from reader.model.nodes import OCR_DOUBT, Rendering
from reader.ui.marks import quality_tooltip


def test_a_doubtful_ocr_reading_is_said_with_or_without_a_translation() -> None:
    pending = Segment(1, 1, "نص مقروء من صورة.", 0, 17)
    assert quality_tooltip(pending) == ""
    assert "scan with low confidence" in quality_tooltip(pending, (OCR_DOUBT,))
    assert "F8" in quality_tooltip(pending, (OCR_DOUBT,))
    done = Segment(
        1,
        1,
        "نص مقروء من صورة.",
        0,
        17,
        status=Status.DONE,
        rendering=Rendering("Text.", Origin.MACHINE, "m"),
    )
    said = quality_tooltip(done, (OCR_DOUBT,)).splitlines()
    assert said[0] == "Machine translation by m."
    assert "scan with low confidence" in said[1]
    assert "F8" not in quality_tooltip(done)  # nothing flagged: no F8 line
