"""What ``translate`` and ``export`` share: the engine options and a translate-in-place loop.

One definition of ``--model/--engine/--quantization/--beams/--batch-size/--no-cache`` keeps the
two commands' flags, defaults and help identical, and one loop gives both the same behaviour:
cache first, the model loaded (and its progress shown) only if something is missing.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass

from reader.errors import ModelUnavailable
from reader.model import Document, Status
from reader.model.rendering_policy import missing, replaceable
from reader.translate.device import DEVICES
from reader.translate.factory import (
    ENGINE_CHOICES,
    QUANTIZATION_CHOICES,
    create_translator,
    model_from_cli_or_env,
    resolve_model,
)
from reader.translate.protocol import EngineSettings, Translator
from reader.translate.session import translate_document


def _positive_int(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got '{value}'") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"expected a number of at least 1, got {number}")
    return number


def add_engine_arguments(parser: argparse.ArgumentParser) -> None:
    """The model and decoding flags, identical for every command that translates."""
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
        "--beams", type=_positive_int, help="beam size (default: the model's own, 4 for opus-mt)"
    )
    parser.add_argument(
        "--batch-size", type=_positive_int, default=16, help="sentences per batch (default 16)"
    )
    parser.add_argument(
        "--device",
        choices=DEVICES,
        default=DEVICES[0],
        help="where the model runs: auto (a CUDA GPU when there is one, default), cpu or cuda",
    )
    parser.add_argument(
        "--no-cache", action="store_true", help="neither read nor write the translation cache"
    )


def settings_from_args(args: argparse.Namespace) -> EngineSettings:
    """The engine settings the flags ask for (model from --model, $BIREADER_MODEL or the default)."""
    return EngineSettings(
        model=resolve_model(args.model),
        engine=args.engine,
        quantization=args.quantization,
        beams=args.beams,
        batch_size=args.batch_size,
        device=args.device,
        alignment=bool(getattr(args, "alignment", False)),
    )


def show_status(message: str) -> None:
    """One progress line, rewritten in place on an interactive terminal; silent when piped."""
    if sys.stderr.isatty():
        sys.stderr.write(f"\r\x1b[K{message}")
        sys.stderr.flush()


def warn_untranslated(document: Document, consequence: str) -> None:
    """One stderr line if sentences failed: how many, ``consequence`` for them, and the first reason."""
    count = document.failed_count
    if count:
        first = next(s for s in document.iter_segments() if s.status is Status.FAILED)
        print(
            f"warning: {count} sentence(s) {consequence}: {first.error or 'no reason given'}", file=sys.stderr
        )
    if document.pending_count:
        print(f"warning: {document.pending_count} sentence(s) not translated, {consequence}", file=sys.stderr)


def _show_loading(message: str, fraction: float | None) -> None:
    show_status(message if fraction is None else f"{message} {fraction:4.0%}")


@dataclass(frozen=True)
class Timings:
    """Seconds from the start to: the model being ready, the first batch, the last batch."""

    ready: float
    first_batch: float | None
    done: float


def translate_in_place(
    document: Document,
    args: argparse.Namespace,
    on_batch: Callable[[int, int], None] | None = None,
    then: Callable[[Translator], None] | None = None,
) -> tuple[str, Timings]:
    """Fill every sentence's translation (or failure); returns the engine's description and timings.

    What the document already carries stays unless :mod:`reader.model.rendering_policy` lets a
    new translation replace it *and* the model can be had: a project made elsewhere exports
    with no model at all. Raises :class:`reader.errors.ModelUnavailable` only if some sentence
    has no translation and is not cached. *then* gets the translator before it is closed (what
    more a command asks of the same model: alignments, alternatives).
    """
    settings = settings_from_args(args)
    replace = replaceable(
        document,
        model=settings.model,
        explicit=model_from_cli_or_env(args.model) is not None,
        fresh=args.no_cache,
    )
    translator = create_translator(settings, use_cache=not args.no_cache)
    started = time.perf_counter()
    first: float | None = None
    total = len(document)
    try:
        needed = [s.text for s in missing(document)]
        wanted = needed + [s.text for i in replace if (s := document.segment(i)) is not None]
        if len(translator.cached(wanted)) < len(wanted):
            try:
                translator.load(_show_loading)  # locate/download/load first, so the wait is explained
            except ModelUnavailable as error:
                if len(translator.cached(needed)) < len(needed):
                    raise
                show_status("")
                print(
                    f"warning: kept {len(replace)} translation(s) made by another model: {error}",
                    file=sys.stderr,
                )
                replace = []
            show_status("")
        document.reset(replace)
        ready = time.perf_counter()
        for _changed in translate_document(document, translator):
            first = time.perf_counter() if first is None else first
            if on_batch is not None:
                on_batch(document.translated_count + document.failed_count, total)
        if then is not None:
            then(translator)
    finally:
        translator.close()
    finished = time.perf_counter()
    return translator.description, Timings(
        ready - started, None if first is None else first - started, finished - started
    )
