"""``bireader find FILE QUERY [--json]``: every place QUERY occurs, in the Arabic and the English.

Matching is the window's (:mod:`reader.find`): vowel marks, tatweel and hamza seats ignored,
English case- and accent-insensitive. The English comes from the translation cache for the
engine options given (the same flags as ``translate``) and from the library (edits, splits);
the model is never loaded, so sentences not translated yet are searched in Arabic only. Offsets are in characters of the original
sentence (``segment --json``'s ``text``, ``translate --json``'s ``translation``).
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Mapping

from reader.commands.documents import add_document_arguments, opened_document
from reader.commands.engine_options import add_engine_arguments, settings_from_args
from reader.commands.stdout import write_output
from reader.display import json_safe, safe_text
from reader.errors import EXIT_OK, BadInput
from reader.find import FindIndex, side_text
from reader.model import Document, SegmentResult, Status


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "file", help="an Arabic document (text, EPUB, DOCX, ODT, HTML, Markdown, PDF or a .bireader project)"
    )
    parser.add_argument("query", help="what to look for, in Arabic or English")
    parser.add_argument("--json", action="store_true", help="print a JSON list of hits")
    add_engine_arguments(parser)
    add_document_arguments(parser)


def run(args: argparse.Namespace) -> int:
    if not args.query.strip():
        raise BadInput("the query is empty")
    with opened_document(args, record=False) as loaded:  # the reader's edits and splits too
        document = loaded.document
    index = FindIndex(document)
    if not index.folder.fold(args.query).strip():
        raise BadInput("the query holds only vowel marks or tatweel, which find ignores")
    if not args.no_cache:
        fill_from_cache(document, args)
    matches = index.search(args.query)
    records = []
    for number in range(len(matches)):
        hit = matches.hit(number)
        segment = document.segment(hit.segment_id)
        assert segment is not None
        records.append(
            {
                "index": int(matches.rows[number]),
                "id": hit.segment_id,
                "language": hit.language,
                "start": hit.start,
                "end": hit.end,
                "match": side_text(segment, hit.language)[hit.start : hit.end],
            }
        )
    if args.json:
        write_output(json_safe(json.dumps(records, ensure_ascii=False, indent=1)) + "\n")
    else:
        write_output("".join(_plain(document, record) for record in records))
    return EXIT_OK


def fill_from_cache(document: Document, args: argparse.Namespace) -> None:
    """Apply the translations the cache already holds; never creates or loads an engine."""
    from reader.translate.factory import create_translator

    translator = create_translator(settings_from_args(args), use_cache=True)
    try:
        pending = [s for s in document.iter_segments() if s.status is Status.PENDING]
        found = translator.cached([s.text for s in pending])
        document.apply_results(
            SegmentResult(pending[i].id, pending[i].revision, text) for i, text in found.items()
        )
    finally:
        translator.close()


def _plain(document: Document, record: Mapping[str, object]) -> str:
    """``INDEX LANGUAGE START-END  sentence with the match in [brackets]``, one hit per line."""
    segment = document.segment(int(str(record["id"])))
    assert segment is not None
    text = side_text(segment, record["language"])  # type: ignore[arg-type]
    start, end = int(str(record["start"])), int(str(record["end"]))
    shown = f"{text[:start]}[{text[start:end]}]{text[end:]}"
    return f"{record['index']}\t{record['language']}\t{start}-{end}\t{safe_text(shown)}\n"
