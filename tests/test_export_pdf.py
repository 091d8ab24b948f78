"""The bilingual PDF: every sentence extracts back, fonts are embedded, pairs line up, errors are one line.

Sentences are compared with pypdf's text after removing all whitespace: pypdf breaks lines where
they wrap and guesses word gaps from glyph positions, so it sometimes adds a space (as in
``لافروف .``). Nothing else is normalised: every letter, mark, digit and bracket must come back
in logical order.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from reader.errors import BadInput
from reader.export import pdf as pdf_module
from reader.export.contents import document_title
from reader.export.fonts import naskh_file
from reader.export.pdf import MISSING_MARK, export_pdf
from reader.export.pdf_layout import PageFrame
from reader.model import Document, SegmentResult, Status
from tests.conftest import SEED
from tests.helpers.loading import load_document
from tests.helpers.segmenting import segment_text

ENGLISH = [
    "Three informed sources said American and Russian participants met in Switzerland.",
    "The sources described the talks as a side channel (a 'back channel') with some contacts.",
    "Two of the sources said the participants have diplomatic and security experience.",
    "One source, who had direct knowledge of the matter, said a small number of advisers knew.",
    "Many other details remain unclear, including the agendas of the meetings.",
]


def translate_all(document: Document) -> Document:
    """Give every sentence an English text of realistic length, each one different."""
    document.apply_results(
        SegmentResult(s.id, s.revision, f"{ENGLISH[position % len(ENGLISH)]} [{position + 1}]")
        for position, s in enumerate(document.iter_segments())
    )
    assert document.translated_count == len(document)
    return document


def set_translation(document: Document, position: int, english: str) -> None:
    """The machine's English for the segment at *position*."""
    segment = document.segment_at(position)
    assert document.apply_results([SegmentResult(segment.id, segment.revision, english)]) == [segment.id]


def collapse(text: str) -> str:
    return " ".join(text.split())


def no_space(text: str) -> str:
    return re.sub(r"\s+", "", text)


@dataclass
class Exported:
    document: Document
    path: Path
    reader: PdfReader
    text: str


@pytest.fixture(scope="session")
def session_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Session fixtures run before the per-test cache isolation, so they isolate themselves."""
    root = tmp_path_factory.mktemp("export-cache")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("BIREADER_CACHE_DIR", str(root))
        yield


def _export(folder: Path, layout: str, **options: Any) -> Exported:
    document = translate_all(load_document(SEED))
    path = folder / f"{layout}.pdf"
    export_pdf(document, path, layout=layout, **options)
    reader = PdfReader(path)
    return Exported(document, path, reader, "\n".join(page.extract_text() for page in reader.pages))


@pytest.fixture(scope="session", params=["side-by-side", "interleaved"])
def exported(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, session_cache: None
) -> Exported:
    return _export(tmp_path_factory.mktemp("pdf"), request.param)


def test_every_arabic_sentence_extracts(exported: Exported) -> None:
    text = no_space(exported.text)
    missing = [s.text for s in exported.document.segments if no_space(s.text) not in text]
    assert missing == []


def test_every_english_translation_extracts(exported: Exported) -> None:
    text = no_space(exported.text)
    missing = [s.translation for s in exported.document.segments if no_space(s.translation or "") not in text]
    assert missing == []


def test_fonts_are_embedded_subsets(exported: Exported) -> None:
    sizes: dict[str, int] = {}
    for page in exported.reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            name = str(font["/BaseFont"]).lstrip("/")
            assert re.fullmatch(r"[A-Z]{6}\+.+", name), f"{name} is not marked as a subset"
            descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            assert "/FontFile2" in descriptor, f"{name} is not embedded"
            sizes[name.split("+", 1)[1]] = len(descriptor["/FontFile2"].get_data())
    assert {"NotoNaskhArabic", "NotoSerif"} <= set(sizes)
    # A subset holds the glyphs used, a small part of the font file.
    assert sizes["NotoNaskhArabic"] < naskh_file().stat().st_size / 2


def test_each_font_has_its_own_subset_tag(exported: Exported) -> None:
    tags: dict[str, str] = {}
    for page in exported.reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            tag, name = str(font["/BaseFont"]).lstrip("/").split("+", 1)
            descendant = font["/DescendantFonts"][0].get_object()
            assert str(descendant["/BaseFont"]).lstrip("/") == f"{tag}+{name}"
            assert str(descendant["/FontDescriptor"]["/FontName"]).lstrip("/") == f"{tag}+{name}"
            tags[name] = tag
    assert len(tags) >= 2  # Noto Naskh Arabic and Noto Serif (the Latin title falls back to it)
    assert len(set(tags.values())) == len(tags)


def test_page_count_is_sensible(exported: Exported) -> None:
    # 15 sentences of 1-5 lines each: more than one A4 page, far fewer than one page per sentence.
    assert 2 <= len(exported.reader.pages) <= 5


def test_metadata_has_title_creator_producer_and_arabic_language(exported: Exported) -> None:
    metadata = exported.reader.metadata
    assert metadata is not None
    # The seed has no heading and no metadata title: its first sentence, shortened.
    title = document_title(exported.document)
    assert metadata.title == f"{title.text} — {title.translation}"
    assert metadata.creator.startswith("bilingual-reader ")
    assert metadata.producer.startswith("bilingual-reader ")
    assert "fpdf2" in metadata.producer
    assert exported.reader.trailer["/Root"]["/Lang"] == "ar"


def test_every_row_says_its_language(exported: Exported) -> None:
    content = b"".join(page.get_contents().get_data() for page in exported.reader.pages)
    arabic = content.count(b"/Span <</Lang <FEFF00610072>>> BDC")
    english = content.count(b"/Span <</Lang <FEFF0065006E>>> BDC")
    assert arabic >= 15
    assert english >= 15
    assert content.count(b"BDC") == content.count(b"EMC")


def test_title_and_page_numbers_are_printed(exported: Exported) -> None:
    pages = exported.reader.pages
    assert document_title(exported.document).translation in pages[0].extract_text()
    for number, page in enumerate(pages, start=1):
        assert f"{number} / {len(pages)}" in page.extract_text()


def _text_lines(reader: PdfReader) -> list[tuple[int, float, str]]:
    """(page, baseline y, text) for every piece of text drawn."""
    found: list[tuple[int, float, str]] = []
    for index, page in enumerate(reader.pages):

        def visit(text: str, cm: Any, tm: Any, font: Any, size: Any, index: int = index) -> None:
            if text.strip():
                found.append((index, float(tm[5]), text.strip()))

        page.extract_text(visitor_text=visit)
    return found


def test_each_pair_starts_level_on_one_page(tmp_path: Path) -> None:
    exported = _export(tmp_path, "side-by-side")
    drawn = _text_lines(exported.reader)
    title = document_title(exported.document)  # the first sentence shortened: drawn first, set aside
    rest = no_space(title.text + (title.translation or ""))
    while drawn and no_space(drawn[0][2]) in rest:
        rest = rest.replace(no_space(drawn.pop(0)[2]), "", 1)

    def first_line(text: str) -> tuple[int, float]:
        """Where the first not yet used piece of text that begins ``text`` was drawn."""
        found = next(
            item for item in drawn if len(item[2]) > 2 and no_space(text).startswith(no_space(item[2]))
        )
        drawn.remove(found)
        return found[0], found[1]

    offsets = []
    for number, sentence in enumerate(exported.document.iter_segments(), start=1):
        arabic_page, arabic_y = first_line(sentence.text)
        english_page, english_y = first_line(sentence.translation or "")
        assert arabic_page == english_page, f"sentence {number} split from its translation"
        offsets.append(english_y - arabic_y)
    # Baselines differ by the fonts' sizes, but by the same amount (to rounding) for every pair.
    assert max(offsets) - min(offsets) < 0.2


@pytest.mark.parametrize("layout", ["side-by-side", "interleaved"])
@pytest.mark.parametrize("page_size", ["A4", "Letter"])
def test_rows_never_overlap_and_stay_inside_the_margins(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, layout: str, page_size: str
) -> None:
    drawn: list[tuple[int, float, float, float, str]] = []  # page, column x, top, height, text

    def record(
        measure: Any, writer: Any, line: str, *, left: float, y: float, height: float, **kwargs: Any
    ) -> None:
        drawn.append((measure.pdf.page_no(), left, y, height, line))

    monkeypatch.setattr(pdf_module, "draw_line", record)
    document = translate_all(load_document(SEED))
    set_translation(document, 2, " ".join([ENGLISH[0]] * 40))  # taller than a page
    export_pdf(document, tmp_path / "out.pdf", layout=layout, page_size=page_size, numbers=True)
    frame = PageFrame.for_size(page_size)
    body = [row for row in drawn if row[2] >= frame.top]  # below the title / running header
    assert len({row[0] for row in body}) >= 3
    for page, column in {(row[0], row[1]) for row in body}:
        rows = sorted((top, height) for p, x, top, height, _ in body if (p, x) == (page, column))
        for (top, height), (next_top, _) in zip(rows, rows[1:], strict=False):
            assert next_top >= top + height - 1e-6, f"overlap on page {page} at {top:.1f} mm"
        assert rows[-1][0] + rows[-1][1] <= frame.bottom + 1e-6


def test_interleaved_puts_each_translation_after_its_sentence(tmp_path: Path) -> None:
    exported = _export(tmp_path, "interleaved")
    text = no_space(exported.text)
    positions = []
    for sentence in exported.document.segments:
        arabic_at = text.index(no_space(sentence.text))
        english_at = text.index(no_space(sentence.translation or ""), arabic_at)
        positions.append((arabic_at, english_at))
    assert all(a < e for a, e in positions)
    assert [a for a, _ in positions] == sorted(a for a, _ in positions)


@pytest.mark.parametrize(("page_size", "media_box"), [("A4", (595.28, 841.89)), ("Letter", (612.0, 792.0))])
def test_page_size(tmp_path: Path, page_size: str, media_box: tuple[float, float]) -> None:
    document = translate_all(segment_text("جملة أولى. جملة ثانية.", name="short.txt"))
    export_pdf(document, tmp_path / "out.pdf", page_size=page_size)
    box = PdfReader(tmp_path / "out.pdf").pages[0].mediabox
    assert (float(box.width), float(box.height)) == pytest.approx(media_box, abs=0.1)


def test_untranslated_sentences_are_marked_not_dropped(tmp_path: Path) -> None:
    document = translate_all(load_document(SEED))
    sentences = document.segments
    assert document.reset([sentences[1].id]) == [sentences[1].id]
    document.apply_results([SegmentResult(sentences[4].id, sentences[4].revision, None, "the model gave up")])
    assert document.segment_at(1).status is Status.PENDING
    assert document.segment_at(4).status is Status.FAILED
    assert (document.pending_count, document.failed_count) == (1, 1)
    export_pdf(document, tmp_path / "out.pdf")
    text = collapse("\n".join(page.extract_text() for page in PdfReader(tmp_path / "out.pdf").pages))
    assert text.count(MISSING_MARK) == 2
    assert collapse(sentences[1].text) in text
    assert collapse(sentences[4].text) in text


def test_sentence_numbers(tmp_path: Path) -> None:
    def tokens(numbers: bool) -> set[str]:
        path = tmp_path / f"numbers-{numbers}.pdf"
        export_pdf(translate_all(load_document(SEED)), path, numbers=numbers)
        return set("\n".join(page.extract_text() for page in PdfReader(path).pages).split())

    # 5..15 are neither page numbers nor numbers of the seed; the English carries "[n]", not "n".
    wanted = {str(n) for n in range(5, 16)}
    assert wanted <= tokens(True)
    assert not wanted & tokens(False)


MIXED = (
    "قالت وكالة رويترز (Reuters) في 12 فبراير 2025 إن الموقع https://example.com/news?id=42 نشر التقرير.\n"
    "وَقَالَ الرَّئِيسُ: «السَّلَامُ عَلَيْكُمْ» أمام 1.250.000 شخص في مدينة New York City.\n"
    "زار Emmanuel Macron القاهرة (مصر) يوم ٢٠ مارس، والتقى بالدكتور أحمد [رئيس الجامعة]."
)


def test_mixed_latin_digits_urls_and_marks_keep_logical_order(tmp_path: Path) -> None:
    document = translate_all(segment_text(MIXED, name="mixed.txt"))
    export_pdf(document, tmp_path / "mixed.pdf")
    text = no_space("\n".join(page.extract_text() for page in PdfReader(tmp_path / "mixed.pdf").pages))
    for sentence in document.segments:
        assert no_space(sentence.text) in text


def test_arabic_left_in_a_translation_is_drawn_with_the_arabic_font(tmp_path: Path) -> None:
    document = segment_text("التقى وزير الخارجية سيرغي لافروف.", name="untranslated-name.txt")
    set_translation(document, 0, "The foreign minister لافروف met them (in 2024).")
    export_pdf(document, tmp_path / "out.pdf")
    text = no_space(PdfReader(tmp_path / "out.pdf").pages[0].extract_text())
    assert no_space("The foreign minister لافروف met them (in 2024).") in text


def test_translation_alternating_arabic_and_latin_keeps_both_fonts(tmp_path: Path) -> None:
    # What an untrained model produces: Latin drawn after Arabic must not come out in the Arabic font.
    garbled = "صصثثثثثu رو روساساسا روipipipip ha ha haصلصلصلyyssss ال الyyأميركي"
    document = segment_text("جملة أولى.", name="garbled.txt")
    set_translation(document, 0, garbled)
    export_pdf(document, tmp_path / "out.pdf")
    assert no_space(garbled) in no_space(PdfReader(tmp_path / "out.pdf").pages[0].extract_text())


def test_progress_counts_every_pair(tmp_path: Path) -> None:
    document = translate_all(load_document(SEED))
    calls: list[tuple[int, int]] = []
    export_pdf(document, tmp_path / "out.pdf", progress=lambda done, total: calls.append((done, total)))
    total = len(document)
    assert calls == [(done, total) for done in range(1, total + 1)]


def test_arabic_title_reads_right_to_left_and_extracts_in_order(tmp_path: Path) -> None:
    name = "خبر عن المحادثات (2025).txt"
    document = translate_all(segment_text(". ".join(["جملة طويلة نسبيا عن المحادثات"] * 80), name=name))
    document.title = "خبر عن المحادثات (2025)"  # no heading: the metadata title is the title
    export_pdf(document, tmp_path / "out.pdf")
    pages = PdfReader(tmp_path / "out.pdf").pages
    assert len(pages) >= 2  # the running header on page 2 carries the name too
    for page in pages[:2]:
        assert no_space("خبر عن المحادثات (2025)") in no_space(page.extract_text())


def test_empty_document_gives_a_title_page(tmp_path: Path) -> None:
    export_pdf(Document(name="empty.txt", parts={"": ""}, blocks=[], segments=[]), tmp_path / "empty.pdf")
    reader = PdfReader(tmp_path / "empty.pdf")
    assert len(reader.pages) == 1
    assert "empty" in reader.pages[0].extract_text()


# --- bad input: one line, nothing written -------------------------------------------------------


def _small_document() -> Document:
    return translate_all(segment_text("جملة قصيرة.", name="small.txt"))


def _assert_one_line(error: pytest.ExceptionInfo[BadInput]) -> None:
    message = str(error.value)
    assert message
    assert "\n" not in message


def test_unknown_layout(tmp_path: Path) -> None:
    with pytest.raises(BadInput, match="unknown layout 'columns'") as error:
        export_pdf(_small_document(), tmp_path / "out.pdf", layout="columns")
    _assert_one_line(error)
    assert list(tmp_path.iterdir()) == []


def test_unknown_page_size(tmp_path: Path) -> None:
    with pytest.raises(BadInput, match="unknown page size 'A5'") as error:
        export_pdf(_small_document(), tmp_path / "out.pdf", page_size="A5")
    _assert_one_line(error)
    assert list(tmp_path.iterdir()) == []


def test_missing_output_folder(tmp_path: Path) -> None:
    with pytest.raises(BadInput, match="output folder does not exist") as error:
        export_pdf(_small_document(), tmp_path / "missing" / "out.pdf")
    _assert_one_line(error)
    assert list(tmp_path.iterdir()) == []


def test_output_folder_that_is_a_file(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    with pytest.raises(BadInput, match="output folder is not a folder") as error:
        export_pdf(_small_document(), blocker / "out.pdf")
    _assert_one_line(error)
    assert blocker.read_text() == "x"


def test_output_path_that_is_a_folder(tmp_path: Path) -> None:
    with pytest.raises(BadInput, match="output path is a folder") as error:
        export_pdf(_small_document(), tmp_path)
    _assert_one_line(error)
    assert list(tmp_path.iterdir()) == []


def test_unwritable_output_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Root may write anywhere a mode allows, so have os.access say what it says to other users.
    monkeypatch.setattr(os, "access", lambda path, mode: False)
    with pytest.raises(BadInput, match="output folder is not writable") as error:
        export_pdf(_small_document(), tmp_path / "out.pdf")
    _assert_one_line(error)
    assert list(tmp_path.iterdir()) == []


def test_failure_while_writing_leaves_no_file_and_no_temp(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "out.pdf"
    target.write_bytes(b"previous export")

    def disk_full(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(BadInput, match="cannot write .*No space left on device") as error:
        export_pdf(_small_document(), target)
    _assert_one_line(error)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.pdf"]
    assert target.read_bytes() == b"previous export"


def test_failure_while_laying_out_leaves_nothing(tmp_path: Path) -> None:
    def cancel(done: int, total: int) -> None:
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        export_pdf(translate_all(load_document(SEED)), tmp_path / "out.pdf", progress=cancel)
    assert list(tmp_path.iterdir()) == []


def test_font_files_are_closed_when_setting_up_the_pdf_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    closed: list[object] = []
    real_close = pdf_module.fonts.close_fonts

    def close_and_record(pdf: Any) -> None:
        real_close(pdf)
        closed.append(pdf)

    def broken_measure(*args: object) -> None:
        raise RuntimeError("set-up failed after the fonts were opened")

    monkeypatch.setattr(pdf_module.fonts, "close_fonts", close_and_record)
    monkeypatch.setattr(pdf_module, "TextMeasure", broken_measure)
    with pytest.raises(RuntimeError, match="set-up failed"):
        export_pdf(_small_document(), tmp_path / "out.pdf")
    assert len(closed) == 1
    assert {"arabic", "notoserif"} <= {font.fontkey for font in closed[0].fonts.values()}
    assert list(tmp_path.iterdir()) == []


# --- a publishable page: title, bookmarks, faces, widows ------------------------------------------


def _outline(reader: PdfReader) -> list[tuple[int, str, int]]:
    """(depth, title, page index) of every bookmark, in order."""
    found: list[tuple[int, str, int]] = []

    def walk(items: list[Any], depth: int) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item, depth + 1)
            else:
                found.append((depth, item.title, reader.get_destination_page_number(item)))

    walk(reader.outline, 0)
    return found


def test_title_and_bookmarks_come_from_the_documents_headings(tmp_path: Path) -> None:
    from tests.helpers.seed_english import CHAPTERED_HEADINGS, chaptered_seed

    export_pdf(chaptered_seed(), tmp_path / "book.pdf")
    reader = PdfReader(tmp_path / "book.pdf")
    (title, title_english), (first, first_english), (second, second_english) = (
        CHAPTERED_HEADINGS[i] for i in (0, 1, 8)
    )
    assert reader.metadata is not None
    assert reader.metadata.title == f"{title} — {title_english}"
    outline = _outline(reader)
    assert [(depth, text) for depth, text, _ in outline] == [
        (0, f"{title} — {title_english}"),
        (1, f"{first} — {first_english}"),
        (1, f"{second} — {second_english}"),
    ]
    assert [page for _, _, page in outline] == sorted(page for _, _, page in outline)
    assert outline[-1][2] >= 1  # the second chapter starts on a later page
    first_page = no_space(reader.pages[0].extract_text())
    assert first_page.count(no_space(title)) == 1  # drawn as the title, not again as a heading
    assert no_space(title_english) in first_page
    assert no_space(first_english) in first_page


def test_the_seed_without_headings_has_no_bookmarks(exported: Exported) -> None:
    assert exported.reader.outline == []


def test_interleaved_english_is_drawn_in_colour(tmp_path: Path) -> None:
    def colours(layout: str) -> set[bytes]:
        path = tmp_path / f"{layout}.pdf"
        export_pdf(translate_all(load_document(SEED)), path, layout=layout)
        content = b"".join(page.get_contents().get_data() for page in PdfReader(path).pages)
        return set(re.findall(rb"BT ([\d.]+ [\d.]+ [\d.]+ rg)", content))

    assert colours("interleaved") == {b"0.1216 0.3059 0.4745 rg"}  # (31, 78, 121)
    assert colours("side-by-side") == set()  # black and grey only


def test_amiri_stays_a_choice(tmp_path: Path) -> None:
    document = translate_all(load_document(SEED))
    export_pdf(document, tmp_path / "amiri.pdf", arabic_face="amiri")
    reader = PdfReader(tmp_path / "amiri.pdf")
    names = {
        str(f.get_object()["/BaseFont"]).split("+")[1]
        for f in reader.pages[0]["/Resources"]["/Font"].values()
    }
    assert "Amiri" in names
    text = no_space("\n".join(page.extract_text() for page in reader.pages))
    assert [s.text for s in document.segments if no_space(s.text) not in text] == []


def test_unknown_arabic_face(tmp_path: Path) -> None:
    with pytest.raises(BadInput, match="unknown Arabic face 'comic'") as error:
        export_pdf(_small_document(), tmp_path / "out.pdf", arabic_face="comic")
    _assert_one_line(error)
    assert list(tmp_path.iterdir()) == []
