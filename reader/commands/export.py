"""``bireader export FILE -o OUT.pdf [--layout …] [--page-size …] [--numbers] [engine options]``.

Translates whatever the cache lacks, then writes the bilingual PDF. The output path is checked
before any translation, so a typo in it costs nothing: exit 2 with one line; so is an output
that names the input (by any path or link), a device or a FIFO: those are refused. A model that
cannot be had exits 3, unless every sentence is already cached or ``--allow-untranslated`` is given
(then the PDF marks what is missing, as the window's Export does after asking). Sentences whose translation failed are
exported with the "[not translated]" mark and reported in one warning line. Progress is shown on
stderr when it is a terminal. fpdf2 and torch are imported only when this command runs.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from reader.atomic import check_writable_target
from reader.commands.engine_options import (
    add_engine_arguments,
    show_status,
    translate_in_place,
    warn_untranslated,
)
from reader.display import one_line
from reader.errors import EXIT_OK, ModelUnavailable
from reader.export.pdf_layout import LAYOUTS, PAGE_SIZES
from reader.loaders import load_document


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", help="an Arabic text file (UTF-8, UTF-16 with BOM or Windows-1256)")
    parser.add_argument("-o", "--output", required=True, help="the PDF file to write")
    parser.add_argument("--layout", choices=LAYOUTS, default=LAYOUTS[0], help="default: side-by-side")
    parser.add_argument("--page-size", choices=list(PAGE_SIZES), default="A4", help="default: A4")
    parser.add_argument("--numbers", action="store_true", help="number the sentences")
    parser.add_argument(
        "--no-diacritics", action="store_true", help="print the Arabic without vowel marks (harakat)"
    )
    parser.add_argument(
        "--allow-untranslated",
        action="store_true",
        help="when the model cannot be had, export anyway, marking what is not translated (as the window can)",
    )
    add_engine_arguments(parser)


def run(args: argparse.Namespace) -> int:
    output = Path(args.output)
    check_writable_target(output, inputs=[Path(args.file)])
    document = load_document(args.file)
    try:
        translate_in_place(document, args, lambda done, total: show_status(f"translated {done}/{total}"))
    except ModelUnavailable as error:
        if not args.allow_untranslated:
            raise
        show_status("")
        print(f"warning: {error}; exporting without the missing translations", file=sys.stderr)
    from reader.export.pdf import export_pdf  # fpdf2 loads only once there is something to write

    export_pdf(
        document,
        output,
        layout=args.layout,
        page_size=args.page_size,
        numbers=args.numbers,
        diacritics=not args.no_diacritics,
        progress=lambda placed, count: show_status(f"writing PDF {placed}/{count}"),
    )
    show_status("")
    warn_untranslated(document, "marked as not translated")
    print(f"wrote {one_line(output)}", file=sys.stderr)
    return EXIT_OK
