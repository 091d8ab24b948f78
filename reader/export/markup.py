"""The bilingual markup shared by the HTML and EPUB exports: title, headings and sentence pairs.

Every Arabic sentence is an element with ``lang="ar" dir="rtl"``, its English one with
``lang="en" dir="ltr"``, so browsers and e-readers pick fonts, hyphenation and the reading order
by themselves. Side by side, a pair is a table row (Arabic on the right: the page reads right to
left); interleaved, the English paragraph follows its Arabic one. With ``xml`` the markup is XHTML
(``xml:lang`` beside ``lang``), as EPUB requires. Text is escaped, never trusted.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from html import escape
from pathlib import Path

from reader.atomic import check_writable_target, write_output_file
from reader.errors import BadInput
from reader.export import contents
from reader.export.contents import Chapter, Title
from reader.export.directions import has_rtl_letters
from reader.model import Document, Segment

LAYOUTS = ("side-by-side", "interleaved")
Progress = Callable[[int, int], None]

STYLE = """
body { font-family: "Noto Serif", Georgia, "Times New Roman", serif; line-height: 1.5; margin: 0 auto;
  max-width: 62rem; padding: 1.5rem; }
[lang="ar"] { font-family: "Noto Naskh Arabic", "Amiri", "Scheherazade New", "Traditional Arabic", serif;
  font-size: 1.15em; line-height: 1.8; }
header { text-align: center; border-bottom: 1px solid #aaa; margin-bottom: 1.5rem; padding-bottom: .8rem; }
header h1 { margin: 0; }
header p { color: #444; font-size: 1.2em; margin: .2rem 0 0; }
h2, h3, h4 { margin: 1.6em 0 .4em; }
h2 span, h3 span, h4 span { display: block; }
table.pairs { border-collapse: collapse; width: 100%; }
table.pairs td { vertical-align: top; width: 50%; padding: .25em .8em; }
tr.first td { padding-top: 1em; }
p.ar, p.en { margin: 0; }
div.pair { margin: 0 0 .9em; }
div.pair p.en { color: #1f4e79; margin-top: .3em; }
div.first { margin-top: 1.4em; }
.missing { color: #888; font-style: italic; }
@media print {
  body { max-width: none; padding: 0; }
  tr, div.pair { break-inside: avoid; page-break-inside: avoid; }
  h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
  div.pair p.en { color: #1f4e79; }
  @page { margin: 18mm; }
}
""".strip()


def write_export(output: Path, layout: str, render: Callable[[], bytes]) -> None:
    """Check the layout and the target, then write what *render* makes, atomically; every
    problem is one line (:class:`BadInput`). Shared by the EPUB and HTML exports."""
    output = Path(output)
    if layout not in LAYOUTS:
        raise BadInput(f"unknown layout '{layout}' (choose from {', '.join(LAYOUTS)})")
    check_writable_target(output)
    data = render()
    write_output_file(output, data)


def _lang(lang: str, xml: bool) -> str:
    direction = "rtl" if lang == "ar" else "ltr"
    return f'lang="{lang}" xml:lang="{lang}" dir="{direction}"' if xml else f'lang="{lang}" dir="{direction}"'


def _english(segment: Segment) -> tuple[str, str]:
    """(class, escaped text) of a segment's English, or of the missing mark."""
    translation = contents.translation_of(segment)
    if translation is None:
        return "en missing", escape(contents.MISSING_MARK)
    return "en", escape(translation)


def title_header(title: Title, xml: bool) -> str:
    lang = "ar" if has_rtl_letters(title.text) else "en"
    parts = [f"<header><h1 {_lang(lang, xml)}>{escape(title.text)}</h1>"]
    if title.translation:
        parts.append(f"<p {_lang('en', xml)}>{escape(title.translation)}</p>")
    parts.append("</header>")
    return "".join(parts)


def chapter_body(
    document: Document, chapter: Chapter, title: Title, layout: str, xml: bool, count: Callable[[], None]
) -> Iterator[str]:
    """The markup of one chapter's blocks (the title's heading excepted: it is the header).

    ``count`` is called once per sentence written (or skipped as the title), for progress.
    """
    side_by_side = layout == "side-by-side"
    table_open = False
    for block_id in chapter.block_ids:
        block = document.block(block_id)
        segments = document.segments_of(block)
        if block_id == title.block_id:
            for _ in segments:
                count()
            continue
        if contents.is_heading(block):
            if table_open:
                yield "</tbody></table>"
                table_open = False
            # h1 is the title; chapters under a title heading are one deeper in the model.
            level = min(max(chapter.depth + 2 - (title.block_id is not None), 2), 4)
            arabic = escape(document.block_text(block))
            english = contents.block_translation(document, block)
            english_markup = (
                f"<span {_lang('en', xml)}>{escape(english)}</span>"
                if english
                else f'<span class="missing" {_lang("en", xml)}>{escape(contents.MISSING_MARK)}</span>'
            )
            yield f"<h{level}><span {_lang('ar', xml)}>{arabic}</span>{english_markup}</h{level}>"
            for _ in segments:
                count()
            continue
        for index, segment in enumerate(segments):
            css, english_text = _english(segment)
            first = ' class="first"' if index == 0 else ""
            arabic = f'<p class="ar" {_lang("ar", xml)}>{escape(segment.text)}</p>'
            english_p = f'<p class="{css}" {_lang("en", xml)}>{english_text}</p>'
            if side_by_side:
                if not table_open:
                    yield '<table class="pairs"><tbody>'
                    table_open = True
                yield f"<tr{first}><td>{arabic}</td><td>{english_p}</td></tr>"
            else:
                pair_class = "pair first" if index == 0 else "pair"
                yield f'<div class="{pair_class}" id="s{segment.id}">{arabic}{english_p}</div>'
            count()
    if table_open:
        yield "</tbody></table>"


def chapter_label(chapter: Chapter, number: int, title: Title) -> str:
    """What a table of contents calls a chapter: its heading and English, or the title, or "Chapter N"."""
    if chapter.heading_block is not None and chapter.title:
        return f"{chapter.title} — {chapter.translation}" if chapter.translation else chapter.title
    if number == 1:
        return title.text
    return f"Chapter {number}"


class Counter:
    """Calls ``progress(done, total)`` as sentences are written."""

    def __init__(self, total: int, progress: Progress | None) -> None:
        self.done = 0
        self.total = total
        self.progress = progress

    def __call__(self) -> None:
        self.done += 1
        if self.progress is not None:
            self.progress(self.done, self.total)
