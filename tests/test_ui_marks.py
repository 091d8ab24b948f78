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


def test_a_row_read_by_ocr_with_low_confidence_is_marked_in_the_view(qtbot, make_window, monkeypatch) -> None:
    from reader.ui.document_opener import Opened
    from tests.helpers.scanned import scanned_document

    document = scanned_document(
        monkeypatch, [("قرأ الماسح هذه الفقرة بثقة.", 91.0), ("وهذه مشكوك فيها.", 52.5)]
    )
    window = make_window()
    with qtbot.waitSignal(window.document_opened):
        window.set_document(Opened(document, None, "scan", 0))
    view = window.view
    view.viewport().repaint()
    image = view.viewport().grab().toImage()

    def amber_beside(row: int) -> bool:
        _arabic, english = view.cell_rects(row)
        return any(
            image.pixelColor(x, y).name() == "#d9a300"
            for x in range(english.right() - 4, min(english.right() + 30, image.width()))
            for y in range(english.top(), english.top() + 30)
        )

    doubtful = [
        row for row in range(len(document)) if document.block(document.segment_at(row).block_id).flags
    ]
    assert doubtful
    assert all(amber_beside(row) for row in doubtful)
    assert not any(amber_beside(row) for row in range(len(document)) if row not in doubtful)
    assert "scan with low confidence" in view.row_tooltip(doubtful[0])
