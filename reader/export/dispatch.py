"""The export formats, chosen by the output's extension or by name, behind one call.

The CLI and the window both export through :func:`export_document`, so a format behaves the same
from either: same layouts, same marks for what is not translated, same one-line errors. It writes
what :func:`render_document` makes (``export -o -`` sends that to standard output instead);
``progress(done, total)`` is called per sentence pair as it is laid out.
Each format's module (and fpdf2 for the PDF) is imported only when that format is written.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from reader.atomic import check_writable_target, write_output_file
from reader.display import one_line
from reader.errors import BadInput
from reader.export.faces import ARABIC_FACES as ARABIC_FACES
from reader.model import Document

FORMATS = ("pdf", "epub", "html", "tmx", "xliff", "csv")
READING_FORMATS = FORMATS[:3]  # laid out for reading; the others are translation memories
EXTENSIONS = {
    ".pdf": "pdf",
    ".epub": "epub",
    ".html": "html",
    ".htm": "html",
    ".tmx": "tmx",
    ".xlf": "xliff",
    ".xliff": "xliff",
    ".csv": "csv",
}
# Side by side suits a page or a wide screen; an e-reader's narrow column reads better interleaved.
DEFAULT_LAYOUTS = {"pdf": "side-by-side", "epub": "interleaved", "html": "side-by-side"}
DESCRIPTIONS = {
    "pdf": "PDF document",
    "epub": "EPUB e-book",
    "html": "Web page (HTML)",
    "tmx": "Translation memory (TMX)",
    "xliff": "XLIFF 2.0",
    "csv": "Spreadsheet (CSV)",
}

Progress = Callable[[int, int], None]


def format_for(output: Path, explicit: str | None = None) -> str:
    """The format named by ``explicit``, else by ``output``'s extension; BadInput (one line) if neither."""
    if explicit is not None:
        if explicit not in FORMATS:
            raise BadInput(f"unknown format '{explicit}' (choose from {', '.join(FORMATS)})")
        return explicit
    found = EXTENSIONS.get(Path(output).suffix.lower())
    if found is None:
        raise BadInput(
            f"cannot tell the format of {one_line(output)} from its extension: "
            "use .pdf, .epub, .html, .tmx, .xlf or .csv"
        )
    return found


def check_format(fmt: str) -> None:
    """Refuse a format name no exporter writes (one line)."""
    if fmt not in FORMATS:
        raise BadInput(f"unknown format '{fmt}' (choose from {', '.join(FORMATS)})")


def export_document(
    document: Document,
    output: Path,
    fmt: str,
    *,
    layout: str | None = None,
    page_size: str = "A4",
    numbers: bool = False,
    arabic_face: str | None = None,
    diacritics: bool = True,
    justify_arabic: bool = False,
    progress: Progress | None = None,
) -> None:
    """Write ``document`` as ``fmt`` to ``output``, atomically, once complete (see
    :func:`render_document` for the options); every problem is one line (:class:`BadInput`)."""
    check_format(fmt)
    output = Path(output)
    check_writable_target(output)  # before the slow part
    data = render_document(
        document,
        fmt,
        layout=layout,
        page_size=page_size,
        numbers=numbers,
        arabic_face=arabic_face,
        diacritics=diacritics,
        justify_arabic=justify_arabic,
        progress=progress,
    )
    write_output_file(output, data)


def render_document(
    document: Document,
    fmt: str,
    *,
    layout: str | None = None,
    page_size: str = "A4",
    numbers: bool = False,
    arabic_face: str | None = None,
    diacritics: bool = True,
    justify_arabic: bool = False,
    progress: Progress | None = None,
) -> bytes:
    """The file's bytes (no file is touched; ``export -o -`` writes them to standard output).

    ``page_size``, ``numbers``, ``arabic_face`` and ``justify_arabic`` concern the PDF only,
    ``layout`` and ``diacritics=False`` (no vowel marks) the reading formats (a translation
    memory is one unit per sentence, its source exactly as read)."""
    if fmt not in READING_FORMATS and fmt in FORMATS:
        from reader.export.interchange import WRITERS

        data = WRITERS[fmt](document)
        if progress is not None:
            progress(len(document), len(document))
        return data
    layout = layout or DEFAULT_LAYOUTS.get(fmt, "side-by-side")
    if not diacritics:  # the reading formats print the Arabic without vowel marks: a display copy
        from reader.export.diacritics import without_diacritics

        document = without_diacritics(document)
    if fmt == "pdf":
        from reader.export.pdf import check_pdf_options, render_pdf

        face = arabic_face or ARABIC_FACES[0]
        check_pdf_options(layout, page_size, face)
        return render_pdf(
            document,
            layout=layout,
            page_size=page_size,
            numbers=numbers,
            arabic_face=face,
            progress=progress,
            justify_arabic=justify_arabic,
        )
    if fmt == "epub":
        from reader.export.epub import render_epub

        return render_epub(document, layout=layout, progress=progress)
    if fmt == "html":
        from reader.export.html import render_html

        return render_html(document, layout=layout, progress=progress).encode("utf-8")
    raise BadInput(f"unknown format '{fmt}' (choose from {', '.join(FORMATS)})")
