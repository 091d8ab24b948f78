"""``bireader translate FILE [--model M] [--engine E] [--quantization Q] [--beams N] [--batch-size N] …``.

Plain output pairs each Arabic sentence with its English, paragraphs separated by a blank line;
``--json`` prints ``{"paragraph", "index", "source", "translation"}`` records whose ``source``
values are exactly ``segment --json``'s ``text`` values. A model that cannot be had exits 3
with one line; torch is imported only if some sentence is not in the cache. ``--json
--alignment`` adds ``alignment: [[arabic_word, english_word], …]`` (word indexes, from the model's
cross-attention; see :mod:`reader.translate.word_alignment`), computed for translations that came
without one (cache, library, project) and null only where none can be made; ``--alternatives N``
adds ``alternatives: [...]``, up to N other translations (see :mod:`record_extras`).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from reader.atomic import check_writable_target
from reader.commands.documents import add_document_arguments, opened_document
from reader.commands.engine_options import add_engine_arguments, translate_in_place, warn_untranslated
from reader.commands.record_extras import complete_records
from reader.commands.stdout import write_output
from reader.display import json_safe, one_line, safe_text
from reader.errors import EXIT_OK, BadInput
from reader.library.project import save_project
from reader.model import Document

FAILED_MARK = "[translation failed]"


def _count(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got '{value}'") from None
    if not 1 <= number <= 10:
        raise argparse.ArgumentTypeError(f"expected 1 to 10 alternatives, got {number}")
    return number


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "file",
        help="an Arabic document: text (UTF-8, UTF-16 with BOM or Windows-1256), EPUB, DOCX, ODT, HTML, Markdown or PDF",
    )
    add_engine_arguments(parser)
    parser.add_argument("--json", action="store_true", help="print a JSON list of source/translation records")
    parser.add_argument(
        "--alignment",
        action="store_true",
        help="with --json: add word alignments (Arabic word index, English word index) from the model",
    )
    parser.add_argument(
        "--alternatives",
        type=_count,
        default=0,
        metavar="N",
        help="with --json: add up to N other translations of each sentence (the model's n-best list)",
    )
    parser.add_argument(
        "--timings", action="store_true", help="report model loading and translation times on stderr"
    )
    parser.add_argument("--project", metavar="OUT.bireader", help="also save a portable project file")
    add_document_arguments(parser)


def run(args: argparse.Namespace) -> int:
    project = Path(args.project) if args.project else None
    if project is not None:
        check_writable_target(project, inputs=[Path(args.file)])
    if (args.alignment or args.alternatives) and not args.json:
        raise BadInput("--alignment and --alternatives add to the --json records: add --json")
    with opened_document(args) as loaded:
        document = loaded.document
        description, timings = translate_in_place(
            document, args, then=lambda translator: complete_records(document, args, translator)
        )
    if project is not None:
        save_project(project, document, loaded.position)
        print(f"wrote {one_line(project)}", file=sys.stderr)
    if args.timings:
        first = "n/a" if timings.first_batch is None else f"{timings.first_batch - timings.ready:.2f} s"
        print(
            f"timings: {description}: model ready in {timings.ready:.2f} s; first batch {first} later; "
            f"{len(document)} sentences translated in {timings.done - timings.ready:.2f} s",
            file=sys.stderr,
        )
    write_output(
        to_json(document, alignment=args.alignment, alternatives=args.alternatives)
        if args.json
        else to_plain(document)
    )
    warn_untranslated(document, "could not be translated")
    return EXIT_OK


def _english(translation: str | None) -> str:
    return FAILED_MARK if translation is None else safe_text(translation)


def to_plain(document: Document) -> str:
    """Arabic line, English line, for each sentence; a blank line between paragraphs."""
    blocks = [
        "\n".join(f"{safe_text(s.text)}\n{_english(s.translation)}" for s in document.segments_of(b))
        for b in document.iter_blocks()
    ]
    return "\n\n".join(blocks) + "\n"


def to_json(document: Document, *, alignment: bool = False, alternatives: int = 0) -> str:
    """``translation`` is null for a sentence that could not be translated; ``origin`` says who
    made it (machine, edited, human) and ``model`` which model did; ``score`` is the model's mean
    log-probability per token (null when unknown) and ``flags`` the quality warnings."""
    records: list[dict[str, object]] = [
        {
            "paragraph": document.block_position(s.block_id),
            "index": index,
            "id": s.id,
            "source": s.text,
            "translation": s.translation,
            "origin": s.rendering.origin.value if s.rendering is not None else None,
            "model": s.rendering.model if s.rendering is not None else None,
            "score": s.rendering.score if s.rendering is not None else None,
            "flags": list(s.rendering.flags) if s.rendering is not None else [],
        }
        for index, s in enumerate(document.iter_segments())
    ]
    if alignment:
        for record, s in zip(records, document.iter_segments(), strict=True):
            pairs = s.rendering.alignment if s.rendering is not None else None
            record["alignment"] = [list(pair) for pair in pairs] if pairs is not None else None
    if alternatives:
        for record, s in zip(records, document.iter_segments(), strict=True):
            others = s.rendering.alternatives if s.rendering is not None else ()
            record["alternatives"] = list(others[:alternatives])
    return json_safe(json.dumps(records, ensure_ascii=False, indent=1)) + "\n"
