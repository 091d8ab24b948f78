"""``bireader segment FILE [--json]``: print a document's sentences, for batch work and checking.

Imports only the loader and segmenter, never torch, transformers or Qt, so it starts fast.
"""

from __future__ import annotations

import argparse
import json

from reader.commands.documents import add_document_arguments, opened_document
from reader.commands.stdout import write_output
from reader.display import json_safe, safe_text
from reader.errors import EXIT_OK
from reader.model import Document


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "file",
        help="an Arabic document: text (UTF-8, UTF-16 with BOM or Windows-1256), EPUB, DOCX, ODT, HTML, Markdown or PDF",
    )
    parser.add_argument("--json", action="store_true", help="print a JSON list of sentences with offsets")
    add_document_arguments(parser)


def run(args: argparse.Namespace) -> int:
    with opened_document(args, record=False) as loaded:
        document = loaded.document
    write_output(to_json(document) if args.json else to_plain(document))
    return EXIT_OK


def to_plain(document: Document) -> str:
    """One sentence per line, a blank line between paragraphs (blocks); control characters escaped."""
    blocks = ["\n".join(safe_text(s.text) for s in document.segments_of(b)) for b in document.iter_blocks()]
    return "\n\n".join(blocks) + "\n"


def to_json(document: Document) -> str:
    """``index`` is the sentence's position in the whole document, ``paragraph`` its block's;
    ``id`` is its stable id; offsets are in characters of the decoded text."""
    records = [
        {
            "paragraph": document.block_position(s.block_id),
            "index": index,
            "id": s.id,
            "kind": document.block(s.block_id).kind.value,
            "text": s.text,
            "start": s.start,
            "end": s.end,
        }
        for index, s in enumerate(document.iter_segments())
    ]
    return json_safe(json.dumps(records, ensure_ascii=False, indent=1)) + "\n"
