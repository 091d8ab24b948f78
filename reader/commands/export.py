"""``bireader export FILE -o OUT.pdf|.epub|.html|.tmx|.xlf|.csv [--format …] [--layout …] [--page-size …]``.

Translates whatever the cache and the library lack, then writes the bilingual PDF, EPUB or HTML,
or a TMX, XLIFF or CSV translation memory (by the output's extension, or ``--format``). The
output path and format are checked before any translation, so a typo in it costs nothing: exit 2
with one line; so is an output that names the input (by any path or link), a device or a FIFO:
those are refused. A model that cannot be had exits 3, unless every sentence is already cached
or ``--allow-untranslated`` is given (then the export marks what is missing, as the window's
Export does after asking), whatever the format. Sentences whose translation failed are exported
with the "[not translated]" mark and reported in one warning line. Progress is shown on stderr
when it is a terminal. fpdf2 and torch are imported only when this command runs.
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
from reader.display import one_line
from reader.errors import EXIT_OK, ModelUnavailable
from reader.export.formats import ARABIC_FACES, FORMATS, export_document, format_for
from reader.export.pdf_layout import LAYOUTS, PAGE_SIZES


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "file",
        help="an Arabic document: text (UTF-8, UTF-16 with BOM or Windows-1256), EPUB, DOCX, ODT, HTML, Markdown or PDF",
    )
    parser.add_argument(
        "-o", "--output", required=True, help="the file to write: .pdf, .epub, .html, .tmx, .xlf or .csv"
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
    add_engine_arguments(parser)
    add_document_arguments(parser)


def run(args: argparse.Namespace) -> int:
    output = Path(args.output)
    check_writable_target(output, inputs=[Path(args.file)])
    fmt = format_for(output, args.format)
    with opened_document(args) as loaded:
        document = loaded.document
        try:
            translate_in_place(document, args, lambda done, total: show_status(f"translated {done}/{total}"))
        except ModelUnavailable as error:
            if not args.allow_untranslated:
                raise
            show_status("")
            print(f"warning: {error}; exporting without the missing translations", file=sys.stderr)
    label = fmt.upper()
    export_document(
        document,
        output,
        fmt,
        layout=args.layout,
        page_size=args.page_size,
        numbers=args.numbers,
        arabic_face=args.arabic_font,
        progress=lambda placed, count: show_status(f"writing {label} {placed}/{count}"),
        diacritics=not args.no_diacritics,
        justify_arabic=args.justify,
    )
    show_status("")
    warn_untranslated(document, "marked as not translated")
    print(f"wrote {one_line(output)}", file=sys.stderr)
    return EXIT_OK
