"""Bilingual HTML export: one self-contained file (styles inline, no scripts, no links out).

It opens in any browser, prints with pairs kept whole (print CSS), and copies right everywhere,
since the browser lays out the text itself. The sentences come from the model through
:mod:`reader.export.markup`; the file appears atomically, only once complete.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from reader import __version__
from reader.errors import BadInput
from reader.export import contents, markup
from reader.model import Document


def render_html(
    document: Document, *, layout: str = "side-by-side", progress: markup.Progress | None = None
) -> str:
    """The HTML page for ``document`` (no file is touched)."""
    if layout not in markup.LAYOUTS:
        raise BadInput(f"unknown layout '{layout}' (choose from {', '.join(markup.LAYOUTS)})")
    title = contents.document_title(document)
    counter = markup.Counter(len(document), progress)
    label = f"{title.text} — {title.translation}" if title.translation else title.text
    parts = [
        "<!DOCTYPE html>\n",
        '<html lang="ar" dir="rtl">\n<head>\n<meta charset="utf-8">\n',
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n',
        f'<meta name="generator" content="bilingual-reader {__version__}">\n',
        f"<title>{escape(label)}</title>\n<style>\n{markup.STYLE}\n</style>\n</head>\n",
        f'<body class="{layout}">\n',
        markup.title_header(title, xml=False),
        "\n",
    ]
    for chapter in contents.chapters(document):
        parts.append("<section>\n")
        for piece in markup.chapter_body(document, chapter, title, layout, False, counter):
            parts.append(piece)
            parts.append("\n")
        parts.append("</section>\n")
    parts.append("</body>\n</html>\n")
    return "".join(parts)


def export_html(
    document: Document, output: Path, *, layout: str = "side-by-side", progress: markup.Progress | None = None
) -> None:
    """Write ``document`` and its translations to ``output`` as one HTML file.

    Raises :class:`BadInput` (one line) for an unknown layout and an output that cannot be written.
    """
    markup.write_export(
        output, layout, lambda: render_html(document, layout=layout, progress=progress).encode("utf-8")
    )
