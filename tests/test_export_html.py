"""The bilingual HTML page, parsed back: every sentence in an element that says its language and direction."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest

from reader.errors import BadInput
from reader.export.contents import MISSING_MARK, document_title
from reader.export.html import export_html, render_html
from reader.model import SegmentResult
from tests.helpers.seed_english import CHAPTERED_HEADINGS, SEED_ENGLISH, chaptered_seed, translated_seed


class Collected(HTMLParser):
    """Text of every element that carries ``lang``, with its ``lang`` and ``dir``; tags and links seen."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, dict[str, str | None]]] = []
        self.texts: list[tuple[str | None, str | None, str]] = []
        self.tags: list[str] = []
        self.attributes: list[tuple[str, str]] = []
        self.title = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attributes += [(name, value or "") for name, value in attrs]
        if tag not in ("meta", "link", "br"):
            self.stack.append((tag, dict(attrs)))

    def handle_endtag(self, tag: str) -> None:
        while self.stack:
            open_tag, _ = self.stack.pop()
            if open_tag == tag:
                break

    def handle_data(self, data: str) -> None:
        if not self.stack:
            return
        tag, attrs = self.stack[-1]
        if tag == "title":
            self.title += data
        elif "lang" in attrs and data.strip():
            self.texts.append((attrs.get("lang"), attrs.get("dir"), data))


def parse(page: str) -> Collected:
    collected = Collected()
    collected.feed(page)
    collected.close()
    return collected


@pytest.mark.parametrize("layout", ["side-by-side", "interleaved"])
def test_every_sentence_is_in_an_element_with_its_language_and_direction(layout: str) -> None:
    document = translated_seed()
    parsed = parse(render_html(document, layout=layout))
    arabic = [text for lang, direction, text in parsed.texts if (lang, direction) == ("ar", "rtl")]
    english = [text for lang, direction, text in parsed.texts if (lang, direction) == ("en", "ltr")]
    title = document_title(document)  # the first sentence shortened, in both languages, first
    assert [title.text, *(s.text for s in document.segments)] == arabic
    assert [title.translation, *SEED_ENGLISH] == english


def test_the_page_is_self_contained_and_prints() -> None:
    page = render_html(translated_seed())
    parsed = parse(page)
    assert page.startswith("<!DOCTYPE html>")
    assert not {"script", "link", "img", "iframe"} & set(parsed.tags)
    assert not [value for name, value in parsed.attributes if name in ("src", "href")]
    assert "@media print" in page
    assert "break-inside: avoid" in page


def test_title_and_chapters_come_from_the_model() -> None:
    parsed = parse(render_html(chaptered_seed()))
    assert parsed.title == f"{CHAPTERED_HEADINGS[0][0]} — {CHAPTERED_HEADINGS[0][1]}"
    assert parsed.tags.count("h1") == 1  # the title heading is the page's title, not repeated
    assert parsed.tags.count("h2") == 2
    texts = [text for _, _, text in parsed.texts]
    assert texts.count(CHAPTERED_HEADINGS[1][0]) == 1
    assert texts.count(CHAPTERED_HEADINGS[8][1]) == 1


def test_text_is_escaped() -> None:
    document = translated_seed()
    first = document.segment_at(0)
    hostile = "A <script>alert(\"x\")</script> & <b>bold</b> 'quoted'"
    document.apply_results([SegmentResult(first.id, first.revision, hostile)])
    parsed = parse(render_html(document))
    assert "script" not in parsed.tags
    assert "b" not in parsed.tags
    assert ("en", "ltr", hostile) in parsed.texts


def test_untranslated_sentences_are_marked_not_dropped() -> None:
    document = translated_seed()
    sentences = document.segments
    document.reset([sentences[1].id])
    document.apply_results([SegmentResult(sentences[4].id, sentences[4].revision, None, "gave up")])
    parsed = parse(render_html(document, layout="interleaved"))
    assert [text for _, _, text in parsed.texts].count(MISSING_MARK) == 2
    assert ("ar", "rtl", sentences[1].text) in parsed.texts


def test_export_writes_the_file_and_reports_progress(tmp_path: Path) -> None:
    calls: list[tuple[int, int]] = []
    output = tmp_path / "seed.html"
    export_html(translated_seed(), output, progress=lambda done, total: calls.append((done, total)))
    assert calls == [(done, 15) for done in range(1, 16)]
    assert "قالت ثلاثة مصادر مطلعة" in output.read_text(encoding="utf-8")


def test_unknown_layout_and_missing_folder_are_one_line_and_write_nothing(tmp_path: Path) -> None:
    with pytest.raises(BadInput, match="unknown layout 'columns'"):
        export_html(translated_seed(), tmp_path / "out.html", layout="columns")
    with pytest.raises(BadInput, match="output folder does not exist"):
        export_html(translated_seed(), tmp_path / "missing" / "out.html")
    assert list(tmp_path.iterdir()) == []
