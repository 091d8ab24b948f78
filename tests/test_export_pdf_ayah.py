"""The end-of-ayah sign and its number: inked as one shaped unit, read as their pieces."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.export.pdf import export_pdf
from reader.export.pdf_ayah import number_signs, unit_widths
from reader.formats.plain_text import build_text_document
from reader.model import SegmentResult
from tests.helpers.pdf_readers import normalise, pdfium_text, pypdf_text


def test_a_sign_takes_the_digits_after_it() -> None:
    assert number_signs(["بِسْمِ", " ", "۝", "١", "٢", " ", "قُلْ"]) == [(2, 5)]
    assert number_signs(["۝", "١", " ", "۝", "٣"]) == [(0, 2), (3, 5)]


def test_a_sign_without_digits_or_digits_without_a_sign_are_left_alone() -> None:
    assert number_signs(["۝", " ", "١"]) == []
    assert number_signs(["١", "٢"]) == []


@given(
    st.lists(st.floats(min_value=0.1, max_value=20), min_size=1, max_size=5),
    st.floats(min_value=0.1, max_value=80),
)
def test_the_pieces_fill_the_unit_side_by_side(widths: list[float], total: float) -> None:
    placed, scale = unit_widths(widths, total)
    assert sum(placed) == pytest.approx(max(total, sum(widths) * scale))
    assert sum(placed) == pytest.approx(total) or total >= sum(widths)
    if total >= sum(widths):  # room after the number; the texts keep their size
        assert scale == 1.0
        assert placed[:-1] == widths[:-1]
    else:  # the texts shrink together, so no gap opens between them
        assert placed == pytest.approx([w * scale for w in widths])


def _exported(tmp_path: Path, face: str) -> Path:
    arabic = "بِسْمِ ٱللَّهِ ٱلرَّحْمَٰنِ ٱلرَّحِيمِ ۝١\nوَلَمْ يَكُن لَّهُۥ كُفُوًا أَحَدٌۢ ۝١٢ هُدًى ۝١٣"
    document = build_text_document(arabic, "ayah.ar.txt", guess_structure=False)
    document.apply_results(SegmentResult(s.id, s.revision, "verse") for s in document.segments)
    path = tmp_path / f"{face}.pdf"
    export_pdf(document, path, layout="interleaved", arabic_face=face)
    return path


@pytest.mark.parametrize("face", ["naskh", "amiri"])
def test_the_sign_clears_the_word_before_it_and_reads_as_before(tmp_path: Path, face: str) -> None:
    import pypdfium2

    path = _exported(tmp_path, face)
    for text in (pypdf_text(path), pdfium_text(path)):
        assert "بِسْمِ ٱللَّهِ ٱلرَّحْمَٰنِ ٱلرَّحِيمِ ۝١" in normalise(text)
        assert "أَحَدٌۢ ۝١٢ هُدًى ۝١٣" in normalise(text)
    # The word before the sign ends right of where the sign's ink starts: no overlap.
    document = pypdfium2.PdfDocument(path)
    try:
        page = document[0].get_textpage()
        chars = [page.get_text_range(i, 1) for i in range(page.count_chars())]
        sign = chars.index("۝")
        word_end = max(i for i in range(sign) if chars[i] == "م")  # «ٱلرَّحِيمِ»'s mim
        sign_right = page.get_charbox(sign)[2]
        word_left = page.get_charbox(word_end)[0]
        assert sign_right <= word_left + 0.5
    finally:
        document.close()
