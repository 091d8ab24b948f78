"""The PDF export's no-vowel-marks option: a display copy is exported, the document keeps its marks."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.export import pdf
from reader.export.diacritics import without_diacritics
from reader.formats.plain_text import build_text_document
from reader.model import SegmentResult

TEXT = "ذَهَبَ الوَلَدُ إِلَى المَدْرَسَةِ. قرأ كتاباً."


def test_the_copy_has_no_marks_and_the_document_is_untouched() -> None:
    document = build_text_document(TEXT)
    first = document.segment_at(0)
    document.apply_results([SegmentResult(first.id, first.revision, "The boy went to school.")])
    copy = without_diacritics(document)
    assert [s.text for s in copy.iter_segments()] == ["ذهب الولد إلى المدرسة.", "قرأ كتابا."]
    assert copy.segment_at(0).translation == "The boy went to school."
    assert document.segment_at(0).text == "ذَهَبَ الوَلَدُ إِلَى المَدْرَسَةِ."


@pytest.mark.parametrize(
    ("diacritics", "expected"), [(True, "ذَهَبَ الوَلَدُ إِلَى المَدْرَسَةِ."), (False, "ذهب الولد إلى المدرسة.")]
)
def test_export_pdf_renders_with_or_without_marks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, diacritics: bool, expected: str
) -> None:
    seen = []
    monkeypatch.setattr(
        pdf, "render_pdf", lambda document, **_kw: seen.append(document.segment_at(0).text) or b"%PDF"
    )
    pdf.export_pdf(build_text_document(TEXT), tmp_path / "out.pdf", diacritics=diacritics)
    assert seen == [expected]
    assert (tmp_path / "out.pdf").read_bytes() == b"%PDF"
