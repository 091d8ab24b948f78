"""What ``translate --json`` adds on request: word alignments where none is known, and alternatives.

A translation from the cache, the library or a project may carry no word alignment (the library
kept none before schema 2; a person's English never had one), yet ``--alignment`` promises one
for every sentence: the model aligns the English it is shown (:meth:`Translator.align`), and the
result is set on the rendering, so the library and a saved project keep it. ``--alternatives N``
asks the model's n-best list for each sentence (cached by the service) and keeps up to N other
translations on the rendering too. Both need the model only for what the document lacks; without
one the records stay as they are and one warning line says why.
"""

from __future__ import annotations

import argparse
import dataclasses
import sys

from reader.errors import ModelUnavailable
from reader.model import Document, Origin, Segment, Status
from reader.translate.protocol import Translator


def _shown(document: Document) -> list[Segment]:
    """Translated sentences that the model could speak to (not a block's own text)."""
    return [
        s
        for s in document.iter_segments()
        if s.status is Status.DONE and s.rendering is not None and s.rendering.origin is not Origin.SOURCE
    ]


def complete_records(document: Document, args: argparse.Namespace, translator: Translator) -> None:
    """Fill in the alignments and alternatives ``args`` asks for, keeping them on the renderings
    (*translator* is the one the command translated with: the model loads once, if at all)."""
    count = getattr(args, "alternatives", 0) or 0
    unaligned = [s for s in _shown(document) if s.rendering is not None and s.rendering.alignment is None]
    try:
        if args.alignment and unaligned:
            _align(document, unaligned, translator)
        if count:
            _alternatives(document, count, translator)
    except ModelUnavailable as error:
        print(
            f"warning: {error}; alignments and alternatives the document lacks are left out", file=sys.stderr
        )


def _align(document: Document, segments: list[Segment], translator: Translator) -> None:
    found = translator.align([(s.text, s.rendering.text) for s in segments if s.rendering is not None])
    document.amend_renderings(
        (s.id, dataclasses.replace(s.rendering, alignment=pairs))
        for s, pairs in zip(segments, found, strict=True)
        if pairs is not None and s.rendering is not None
    )


def _alternatives(document: Document, count: int, translator: Translator) -> None:
    amended = []
    for s in _shown(document):
        rendering = s.rendering
        assert rendering is not None
        kept = tuple(a for a in rendering.alternatives if a != rendering.text)
        if len(kept) < count:
            found = translator.alternatives(s.text, count + 1)
            kept = tuple(dict.fromkeys([*kept, *(t for t, _score in found if t != rendering.text)]))
        if kept != rendering.alternatives:
            amended.append((s.id, dataclasses.replace(rendering, alternatives=kept)))
    document.amend_renderings(amended)
