"""``bireader export FILE -o OUT.pdf|.epub|.html|.tmx|.xlf|.csv [--format …] [--layout …] [--page-size …]``.

Translates whatever the cache and the library lack, then writes the bilingual PDF, EPUB or HTML,
or a TMX, XLIFF or CSV translation memory (by the output's extension, or ``--format``). The
output path and format are checked before any translation, so a typo in it costs nothing: exit 2
with one line; so is an output that names the input (by any path or link), a device or a FIFO:
those are refused. A model that cannot be had exits 3, unless every sentence is already cached
or ``--allow-untranslated`` is given (then the export marks what is missing, as the window's
Export does after asking), whatever the format. Sentences whose translation failed are exported
with the "[not translated]" mark and reported in one warning line. fpdf2 and torch are imported
only when this command runs.

``-o -`` writes the file to standard output (``--format`` names it; a PDF or EPUB is refused on a
terminal); a write that fails there is one line and exit 2, as everywhere (:mod:`reader.commands.stdout`).
Progress (pairs done / total, rate) is shown on stderr when it is a terminal, or with ``--progress``
(:mod:`reader.commands.progress`). Ctrl+C leaves nothing behind: a half-written file is only ever a
temporary one, which :mod:`reader.atomic` removes, and the command exits 130 with one line.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from reader.atomic import check_writable_target
from reader.commands.documents import add_document_arguments, opened_document
from reader.commands.engine_options import (
    add_engine_arguments,
    show_status,
    translate_in_place,
    warn_untranslated,
)
from reader.commands.progress import ProgressLine
from reader.commands.stdout import write_output_bytes
from reader.display import one_line
from reader.errors import EXIT_OK, BadInput, ModelUnavailable
from reader.export.dispatch import ARABIC_FACES, FORMATS, export_document, format_for, render_document
from reader.export.pdf_layout import LAYOUTS, PAGE_SIZES

STDOUT = "-"
BINARY_FORMATS = ("pdf", "epub")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "file",
        help="an Arabic document: text (UTF-8, UTF-16 with BOM or Windows-1256), EPUB, DOCX, ODT, HTML, Markdown or PDF",
    )
    parser.add_argument(
        "-o",
        "--output",
        required=True,
        help="the file to write: .pdf, .epub, .html, .tmx, .xlf or .csv; - for standard output (with --format)",
    )
    parser.add_argument(
        "--format", choices=FORMATS, help="the format to write (default: by the output's extension)"
    )
    parser.add_argument(
        "--layout",
        choices=LAYOUTS,
        help="default: side-by-side (PDF, HTML), interleaved (EPUB); not for TMX, XLIFF, CSV",
    )
    parser.add_argument("--page-size", choices=list(PAGE_SIZES), default="A4", help="PDF only; default: A4")
    parser.add_argument("--numbers", action="store_true", help="number the sentences (PDF only)")
    parser.add_argument(
        "--arabic-font", choices=ARABIC_FACES, default=ARABIC_FACES[0], help="PDF only; default: naskh"
    )
    parser.add_argument(
        "--justify",
        action="store_true",
        help="justify the Arabic by word spacing, each paragraph's last line excepted (PDF only)",
    )
    parser.add_argument(
        "--no-diacritics",
        action="store_true",
        help="print the Arabic without vowel marks (harakat): PDF, EPUB, HTML",
    )
    parser.add_argument(
        "--allow-untranslated",
        action="store_true",
        help="when the model cannot be had, export anyway, marking what is not translated (as the window can)",
    )
    parser.add_argument(
        "--progress",
        action="store_true",
        help="report progress on stderr even when it is not a terminal (one line a second)",
    )
    add_engine_arguments(parser)
    add_document_arguments(parser)


def run(args: argparse.Namespace) -> int:
    to_stdout = args.output == STDOUT
    if to_stdout:
        fmt = _stdout_format(args.format)
    else:
        check_writable_target(Path(args.output), inputs=[Path(args.file)])
        fmt = format_for(Path(args.output), args.format)
    with opened_document(args) as loaded:
        document = loaded.document
        translating = ProgressLine("translated", "sentences", asked=args.progress)
        try:
            translate_in_place(document, args, translating)
        except ModelUnavailable as error:
            if not args.allow_untranslated:
                raise
            show_status("")
            print(f"warning: {error}; exporting without the missing translations", file=sys.stderr)
        finally:
            translating.clear()
    writing = ProgressLine(f"writing {fmt.upper()}", "pairs", asked=args.progress)
    options = {
        "layout": args.layout,
        "page_size": args.page_size,
        "numbers": args.numbers,
        "arabic_face": args.arabic_font,
        "diacritics": not args.no_diacritics,
        "justify_arabic": args.justify,
        "progress": writing,
    }
    try:
        if to_stdout:
            write_output_bytes(render_document(document, fmt, **options))
        else:
            export_document(document, Path(args.output), fmt, **options)
    finally:
        writing.clear()
    warn_untranslated(document, "marked as not translated")
    where = "standard output" if to_stdout else one_line(args.output)
    print(f"wrote {where}", file=sys.stderr)
    return EXIT_OK


def _stdout_format(explicit: str | None) -> str:
    """The format for ``-o -``: it must be named, and a binary one never goes to a terminal."""
    if explicit is None:
        raise BadInput(f"writing to standard output (-o -) needs --format ({', '.join(FORMATS)})")
    fmt = format_for(Path(STDOUT), explicit)
    if fmt in BINARY_FORMATS and sys.stdout is not None and sys.stdout.isatty():
        raise BadInput(f"will not write the {fmt.upper()} file to the terminal: redirect it, or use -o FILE")
    return fmt
