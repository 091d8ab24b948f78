"""``bireader translate FILE [--model M] [--engine E] [--quantization Q] [--beams N] [--batch-size N] …``.

Plain output pairs each Arabic sentence with its English, paragraphs separated by a blank line;
``--json`` prints ``{"paragraph", "index", "source", "translation"}`` records whose ``source``
values are exactly ``segment --json``'s ``text`` values. A model that cannot be had exits 3
with one line; torch is imported only if some sentence is not in the cache.
"""

from __future__ import annotations

import argparse
import json
import sys
import time

from reader.document import Document, Status
from reader.errors import EXIT_OK
from reader.loaders import load_document
from reader.translate.factory import ENGINE_CHOICES, QUANTIZATION_CHOICES, create_translator, resolve_model
from reader.translate.protocol import EngineSettings
from reader.translate.service import translate_document

FAILED_MARK = "[translation failed]"


def _positive_int(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got '{value}'") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"expected a number of at least 1, got {number}")
    return number


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", help="an Arabic text file (UTF-8, UTF-16 with BOM or Windows-1256)")
    parser.add_argument(
        "--model",
        help="hub id or local folder of a MarianMT checkpoint (default: $BIREADER_MODEL or opus-mt-ar-en)",
    )
    parser.add_argument(
        "--beams", type=_positive_int, help="beam size (default: the model's own, 4 for opus-mt)"
    )
    parser.add_argument(
        "--batch-size", type=_positive_int, default=16, help="sentences per batch (default 16)"
    )
    parser.add_argument(
        "--no-cache", action="store_true", help="neither read nor write the translation cache"
    )
    parser.add_argument("--engine", choices=ENGINE_CHOICES, default="auto", help="default: auto")
    parser.add_argument(
        "--quantization",
        choices=QUANTIZATION_CHOICES,
        default=QUANTIZATION_CHOICES[0],
        help="CTranslate2 weights: int8 (default, fastest) or float32 (closest to transformers)",
    )
    parser.add_argument("--json", action="store_true", help="print a JSON list of source/translation records")
    parser.add_argument(
        "--timings", action="store_true", help="report model loading and translation times on stderr"
    )


def _show_progress(message: str, fraction: float | None) -> None:
    """Progress on an interactive terminal only; piped output stays clean."""
    if sys.stderr.isatty():
        done = "" if fraction is None else f" {fraction:4.0%}"
        sys.stderr.write(f"\r\x1b[K{message}{done}")
        sys.stderr.flush()


def run(args: argparse.Namespace) -> int:
    document = load_document(args.file)
    settings = EngineSettings(
        model=resolve_model(args.model),
        engine=args.engine,
        quantization=args.quantization,
        beams=args.beams,
        batch_size=args.batch_size,
    )
    translator = create_translator(settings, use_cache=not args.no_cache)
    started = time.perf_counter()
    try:
        texts = [s.text for s in document.iter_sentences()]
        if len(translator.cached(texts)) < len(texts):
            translator.load(_show_progress)  # download/load now, so progress shows before the wait
            if sys.stderr.isatty():
                sys.stderr.write("\r\x1b[K")
        ready = time.perf_counter()
        first: float | None = None
        for _ in translate_document(document, translator):
            first = time.perf_counter() if first is None else first
    finally:
        translator.close()
    if args.timings:
        done = time.perf_counter()
        after = "n/a" if first is None else f"{first - ready:.2f} s"
        print(
            f"timings: {translator.description}: model ready in {ready - started:.2f} s; "
            f"first batch {after} later; {len(texts)} sentences translated in {done - ready:.2f} s",
            file=sys.stderr,
        )
    sys.stdout.write(to_json(document) if args.json else to_plain(document))
    failed = [s for s in document.iter_sentences() if s.status is Status.FAILED]
    if failed:
        print(
            f"warning: {len(failed)} sentence(s) could not be translated: {failed[0].error}", file=sys.stderr
        )
    return EXIT_OK


def _english(translation: str | None) -> str:
    return FAILED_MARK if translation is None else translation


def to_plain(document: Document) -> str:
    """Arabic line, English line, for each sentence; a blank line between paragraphs."""
    blocks = [
        "\n".join(f"{s.text}\n{_english(s.translation)}" for s in p.sentences)
        for p in document.paragraphs
        if p.sentences
    ]
    return "\n\n".join(blocks) + "\n"


def to_json(document: Document) -> str:
    """``translation`` is null for a sentence that could not be translated."""
    records = [
        {"paragraph": s.paragraph, "index": s.index, "source": s.text, "translation": s.translation}
        for s in document.iter_sentences()
    ]
    return json.dumps(records, ensure_ascii=False, indent=1) + "\n"
