"""``bireader align ARABIC ENGLISH [--json] [-o OUT] [--model …] [--engine …] [--no-model]``.

Aligns a human English translation (any format we read) with an Arabic document sentence by
sentence (:mod:`reader.sentence_align`). With a model the Arabic is machine-translated first
(cached like any translation) and that English bridges the two; without one, or with
``--no-model``, length, anchors and paragraphs align alone, and one warning line says so when a
model was wanted. ``--json`` prints one record per link; ``-o out.bireader`` writes a project
whose rows show the human English (origin human; rows with no English get the machine's when
there was a model); ``-o out.tmx|.xlf|.csv`` writes the aligned bitext.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from reader.atomic import check_writable_target
from reader.commands.documents import add_document_arguments, opened_document
from reader.commands.engine_options import add_engine_arguments, translate_in_place
from reader.commands.stdout import write_output
from reader.display import json_safe, one_line, safe_text
from reader.errors import EXIT_OK, BadInput, ModelUnavailable
from reader.export.interchange import FORMATS, export_interchange
from reader.library.project import save_project
from reader.model import Document, Segment, SegmentResult
from reader.sentence_align import Link, align_sentences
from reader.sentence_align.applying import apply_links, english_per_link
from reader.sentence_align.english_text import read_english

PROJECT_SUFFIX = ".bireader"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "arabic", metavar="ARABIC", help="an Arabic document (any format we open, or a .bireader)"
    )
    parser.add_argument(
        "english",
        metavar="ENGLISH",
        help="its English translation: text, EPUB, DOCX, ODT, HTML, Markdown or PDF",
    )
    parser.add_argument("--json", action="store_true", help="print one JSON record per link")
    parser.add_argument(
        "-o", "--output", metavar="OUT", help="write a project (.bireader) or the bitext (.tmx, .xlf, .csv)"
    )
    parser.add_argument(
        "--no-model",
        action="store_true",
        help="align by length, anchors and paragraphs only (no translation)",
    )
    add_engine_arguments(parser)
    add_document_arguments(parser)


def _output(args: argparse.Namespace) -> tuple[Path, str] | None:
    if not args.output:
        return None
    path = Path(args.output)
    suffix = path.suffix.lower()
    if suffix != PROJECT_SUFFIX and suffix not in FORMATS:
        raise BadInput(f"{one_line(path.name)}: -o takes a .bireader, .tmx, .xlf or .csv file")
    check_writable_target(path, inputs=[Path(args.arabic), Path(args.english)])
    return path, "project" if suffix == PROJECT_SUFFIX else FORMATS[suffix]


def run(args: argparse.Namespace) -> int:
    args.file = args.arabic  # what opened_document reads
    output = _output(args)
    english = read_english(Path(args.english))
    with opened_document(args, record=False) as loaded:
        document = loaded.document
    segments = document.segments
    bridge, model = (None, "") if args.no_model else _bridge(document, args)
    links = align_sentences(
        [s.text for s in segments],
        english.sentences,
        source_paragraphs=[document.block_position(s.block_id) for s in segments],
        target_paragraphs=english.paragraphs,
        bridge=bridge,
    )
    if output is not None:
        _write(document, links, english.sentences, bridge, model, output)
        print(f"wrote {one_line(output[0])}", file=sys.stderr)
    write_output(
        to_json(links, english.sentences) if args.json else to_plain(links, segments, english.sentences)
    )
    return EXIT_OK


def _bridge(document: Document, args: argparse.Namespace) -> tuple[list[str] | None, str]:
    """The machine English of every Arabic sentence, or None (with one warning) without a model."""
    copy = document.snapshot()
    try:
        description, _ = translate_in_place(copy, args)
    except ModelUnavailable as error:
        print(f"warning: aligning without a model (length, anchors, paragraphs): {error}", file=sys.stderr)
        return None, ""
    return [s.translation or "" for s in copy.iter_segments()], description


def _write(
    document: Document,
    links: list[Link],
    english: tuple[str, ...],
    bridge: list[str] | None,
    model: str,
    output: tuple[Path, str],
) -> None:
    ids = [s.id for s in document.iter_segments()]
    if bridge is not None:  # rows the translation leaves out show the machine's English
        unlinked = {ids[i] for link in links if not link.target for i in link.source}
        document.apply_results(
            SegmentResult(s.id, s.revision, text, model=model)
            for s, text in zip(document.iter_segments(), bridge, strict=True)
            if s.id in unlinked and text
        )
    apply_links(document, ids, links, english, lambda command: command.do(document))
    path, kind = output
    if kind == "project":
        save_project(path, document)
    else:
        export_interchange(document, path, kind)


def to_json(links: list[Link], english: tuple[str, ...]) -> str:
    """``arabic`` holds indexes as in ``segment --json``; ``english`` indexes of English sentences."""
    records = [
        {
            "arabic": list(link.source),
            "english": list(link.target),
            "english_text": " ".join(english[j] for j in link.target),
            "score": link.score,
        }
        for link in links
    ]
    return json_safe(json.dumps(records, ensure_ascii=False, indent=1)) + "\n"


def to_plain(links: list[Link], segments: list[Segment], english: tuple[str, ...]) -> str:
    """Arabic line(s) then the English line of each link, a blank line between links."""
    texts = english_per_link(links, english)
    blocks = []
    for link, text in zip(links, texts, strict=True):
        if not link.source:
            continue
        arabic = "\n".join(safe_text(segments[i].text) for i in link.source)
        blocks.append(f"{arabic}\n{safe_text(text) if text else '[no English]'}")
    return "\n\n".join(blocks) + "\n"
