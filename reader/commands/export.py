"""``bireader export FILE -o OUT.pdf [--layout …] [--page-size …] [--numbers] [--model …] [--engine …] [--no-cache]``.

Translates whatever the cache lacks, then writes the bilingual PDF. The output path is checked
before any translation, so a typo in it costs nothing: exit 2 with one line. A model that cannot
be had exits 3, unless every sentence is already cached. Sentences whose translation failed are
exported with the "[not translated]" mark and reported in one warning line. Progress is shown on
stderr when it is a terminal. fpdf2 and torch are imported only when this command runs.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from reader.document import Status
from reader.errors import EXIT_OK
from reader.export.pdf_layout import LAYOUTS, PAGE_SIZES
from reader.loaders import load_document
from reader.translate.factory import ENGINE_CHOICES, QUANTIZATION_CHOICES, create_translator, resolve_model
from reader.translate.protocol import EngineSettings
from reader.translate.service import translate_document


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", help="an Arabic text file (UTF-8, UTF-16 with BOM or Windows-1256)")
    parser.add_argument("-o", "--output", required=True, help="the PDF file to write")
    parser.add_argument("--layout", choices=LAYOUTS, default=LAYOUTS[0], help="default: side-by-side")
    parser.add_argument("--page-size", choices=list(PAGE_SIZES), default="A4", help="default: A4")
    parser.add_argument("--numbers", action="store_true", help="number the sentences")
    parser.add_argument(
        "--model",
        help="hub id or local folder of a MarianMT checkpoint (default: $BIREADER_MODEL or opus-mt-ar-en)",
    )
    parser.add_argument("--engine", choices=ENGINE_CHOICES, default="auto", help="default: auto")
    parser.add_argument(
        "--quantization",
        choices=QUANTIZATION_CHOICES,
        default=QUANTIZATION_CHOICES[0],
        help="CTranslate2 weights: int8 (default, fastest) or float32 (closest to transformers)",
    )
    parser.add_argument(
        "--no-cache", action="store_true", help="neither read nor write the translation cache"
    )


def _show(message: str) -> None:
    """One progress line, rewritten in place on an interactive terminal; silent otherwise."""
    if sys.stderr.isatty():
        sys.stderr.write(f"\r\x1b[K{message}")
        sys.stderr.flush()


def _show_loading(message: str, fraction: float | None) -> None:
    _show(message if fraction is None else f"{message} {fraction:4.0%}")


def run(args: argparse.Namespace) -> int:
    from reader.export.pdf import check_output_path, export_pdf  # fpdf2 loads only for this command

    output = Path(args.output)
    check_output_path(output)
    document = load_document(args.file)
    settings = EngineSettings(
        model=resolve_model(args.model), engine=args.engine, quantization=args.quantization
    )
    translator = create_translator(settings, use_cache=not args.no_cache)
    total = len(document.sentences)
    try:
        if len(translator.cached([s.text for s in document.iter_sentences()])) < total:
            translator.load(_show_loading)  # locate/download/load first, so the wait is explained
        done = 0
        for batch in translate_document(document, translator):
            done += len(batch)
            _show(f"translated {done}/{total}")
    finally:
        translator.close()
    export_pdf(
        document,
        output,
        layout=args.layout,
        page_size=args.page_size,
        numbers=args.numbers,
        progress=lambda placed, count: _show(f"writing PDF {placed}/{count}"),
    )
    _show("")
    failed = [s for s in document.iter_sentences() if s.status is not Status.DONE]
    if failed:
        reason = failed[0].error or "not translated"
        print(f"warning: {len(failed)} sentence(s) marked as not translated: {reason}", file=sys.stderr)
    print(f"wrote {output}", file=sys.stderr)
    return EXIT_OK
