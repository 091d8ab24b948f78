"""The two fpdf2 work-arounds: marks keep words joined; glyphs without text map to no text."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pytest
from fpdf import FPDF
from pypdf import PdfReader

from reader.export import fonts
from reader.export.fpdf_fixes import (
    CompleteToUnicodeProducer,
    MarkAwareFPDF,
    empty_bfchar_blocks,
    unmapped_codes,
)


@pytest.fixture
def pdf() -> Iterator[MarkAwareFPDF]:
    document = MarkAwareFPDF()
    document.add_font(fonts.ARABIC, "", fonts.amiri_file())
    document.add_page()
    document.set_font(fonts.ARABIC, size=20)
    document.set_text_shaping(use_shaping_engine=True, direction="rtl", script="arab", language="ara")
    yield document
    fonts.close_fonts(document)


def _without_marks(text: str) -> str:
    return "".join(c for c in text if not unicodedata.category(c).startswith("M"))


@pytest.mark.parametrize("text", ["السَّلَامُ عَلَيْكُمْ", "وَقَالَ الرَّئِيسُ", "يُعْتَقَدُ"])
def test_vowel_marks_do_not_unjoin_words(pdf: MarkAwareFPDF, text: str) -> None:
    # Joined letters are narrower than isolated ones and attached marks take no room of their own,
    # so a vocalised word is about as wide as the same word without its marks.
    assert pdf.get_string_width(text) <= pdf.get_string_width(_without_marks(text)) * 1.1


def test_marks_stay_in_one_shaping_fragment(pdf: MarkAwareFPDF) -> None:
    fragments = list(pdf._parse_chars("السَّلَامُ", False))
    assert ["".join(f.characters) for f in fragments] == ["السَّلَامُ"]


def test_empty_bfchar_blocks_hold_at_most_100_entries() -> None:
    text = empty_bfchar_blocks(list(range(1, 251)))
    assert text.count("beginbfchar") == 3
    assert text.startswith("100 beginbfchar\n<0001> <>\n")
    assert "50 beginbfchar\n" in text


def _extract(path: Path) -> str:
    return PdfReader(path).pages[0].extract_text()


@pytest.mark.parametrize("producer", [None, CompleteToUnicodeProducer])
def test_glyphs_without_text_extract_as_nothing(tmp_path: Path, producer: type | None) -> None:
    document = MarkAwareFPDF()
    document.add_font(fonts.ARABIC, "", fonts.amiri_file())
    document.add_page()
    document.set_font(fonts.ARABIC, size=14)
    document.set_text_shaping(use_shaping_engine=True, direction="rtl", script="arab", language="ara")
    document.cell(text="لكن الكرملين")  # Amiri draws each initial lam-kaf lam as two glyphs
    assert unmapped_codes(document.fonts[fonts.ARABIC]), "the sample no longer needs the fix"
    path = tmp_path / "out.pdf"
    # output() closes the fonts it wrote
    if producer is None:
        document.output(str(path))
        assert "لكن الكرملين" not in _extract(path)  # fpdf2 alone: the stray glyphs extract as junk
    else:
        document.output(str(path), output_producer_class=producer)
        assert _extract(path) == "لكن الكرملين"


def test_plain_fpdf_still_needs_the_mark_fix() -> None:
    """If this fails, fpdf2 has fixed the bug and MarkAwareFPDF can go."""
    document = FPDF()
    document.add_font(fonts.ARABIC, "", fonts.amiri_file())
    document.add_page()
    document.set_font(fonts.ARABIC, size=20)
    document.set_text_shaping(use_shaping_engine=True, direction="rtl")
    fragments = list(document._parse_chars("السَّلَامُ", False))
    fonts.close_fonts(document)
    assert len(fragments) > 1


# --- the hooks fail loudly on an fpdf2 they were not written for ------------------------------------------


def test_fpdf2_is_bounded_below_its_next_minor_version_in_pyproject() -> None:
    import tomllib

    pyproject = Path(__file__).resolve().parent.parent / "pyproject.toml"
    dependencies = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]["dependencies"]
    assert "fpdf2>=2.8,<2.9" in dependencies


def test_installed_fpdf2_passes_the_check() -> None:
    from reader.export.fpdf_fixes import check_fpdf

    check_fpdf()


@pytest.mark.parametrize("version", ["2.9.0", "3.0.1", "2.7.9"])
def test_other_fpdf2_versions_fail_with_one_line(version: str) -> None:
    from reader.export.fpdf_fixes import FpdfMismatch, check_fpdf

    with pytest.raises(FpdfMismatch, match=rf"^PDF export needs fpdf2>=2.8,<2.9 but fpdf2 {version} is"):
        check_fpdf(version)


def test_a_hooked_method_that_disappears_fails_loudly(monkeypatch: pytest.MonkeyPatch) -> None:
    from fpdf.output import OutputProducer

    from reader.export.fpdf_fixes import FpdfMismatch, check_fpdf

    monkeypatch.delattr(OutputProducer, "_add_fonts")
    with pytest.raises(FpdfMismatch, match="OutputProducer._add_fonts is gone"):
        check_fpdf()


def test_a_changed_to_unicode_object_fails_loudly_instead_of_exporting_broken_text(
    pdf: MarkAwareFPDF, monkeypatch: pytest.MonkeyPatch
) -> None:
    from fpdf.output import OutputProducer

    from reader.export.fpdf_fixes import FpdfMismatch

    real = OutputProducer._add_fonts

    def changed(self: OutputProducer, *args: object, **kwargs: object) -> object:
        objects = real(self, *args, **kwargs)
        for font_object in objects.values():
            if getattr(font_object, "to_unicode", None) is not None:
                font_object.to_unicode = object()  # a future fpdf2 with another structure
        return objects

    monkeypatch.setattr(OutputProducer, "_add_fonts", changed)
    pdf.cell(text="من الكرملين")
    with pytest.raises(FpdfMismatch, match="ToUnicode map"):
        pdf.output(output_producer_class=CompleteToUnicodeProducer)
