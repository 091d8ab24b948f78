"""Translation-memory exports: TMX 1.4b, XLIFF 2.0 and CSV, each unit carrying its origin.

Written with the standard library (``xml.etree``, ``csv``): translate-toolkit reads these
formats well but is GPL-2.0-or-later, so it is used only by the tests, to parse the output back.
Every unit names its segment id; machine output and a person's edits are told apart (TMX: the
``x-origin`` prop; XLIFF: ``state`` translated / reviewed and an ``origin`` note; CSV: a column).
Characters XML 1.0 cannot hold (C0 controls) are dropped from the XML formats. Writes are atomic.
"""

from __future__ import annotations

import csv
import io
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

from reader import __version__
from reader.atomic import atomic_write_bytes
from reader.model import Document, Origin, Segment

FORMATS = {".tmx": "tmx", ".xlf": "xliff", ".xliff": "xliff", ".csv": "csv"}
XLIFF_NS = "urn:oasis:names:tc:xliff:document:2.0"
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
CSV_COLUMNS = ("id", "paragraph", "source", "translation", "origin", "model", "score", "flags")


def _clean(text: str) -> str:
    return _XML_ILLEGAL.sub("", text)


def _translated(document: Document) -> Iterator[Segment]:
    return (s for s in document.iter_segments() if s.translation is not None)


def tmx_bytes(document: Document) -> bytes:
    """TMX 1.4b: one ``tu`` per translated sentence (a memory holds pairs, not gaps)."""
    root = ET.Element("tmx", version="1.4")
    ET.SubElement(
        root,
        "header",
        {
            "creationtool": "bireader",
            "creationtoolversion": __version__,
            "segtype": "sentence",
            "o-tmf": "bireader",
            "adminlang": "en",
            "srclang": "ar",
            "datatype": "plaintext",
        },
    )
    body = ET.SubElement(root, "body")
    for segment in _translated(document):
        assert segment.rendering is not None
        unit = ET.SubElement(body, "tu", tuid=str(segment.id))
        ET.SubElement(unit, "prop", type="x-origin").text = segment.rendering.origin.value
        if segment.rendering.model:
            ET.SubElement(unit, "prop", type="x-model").text = _clean(segment.rendering.model)
        for lang, text in (("ar", segment.text), ("en", segment.rendering.text)):
            variant = ET.SubElement(unit, "tuv", {_XML_LANG: lang})
            ET.SubElement(variant, "seg").text = _clean(text)
    return _xml(root)


def xliff_bytes(document: Document) -> bytes:
    """XLIFF 2.0: every sentence a unit; ``state`` initial (untranslated), translated (machine)
    or reviewed (a person's edit)."""
    ET.register_namespace("", XLIFF_NS)
    q = f"{{{XLIFF_NS}}}"
    root = ET.Element(f"{q}xliff", version="2.0", srcLang="ar", trgLang="en")
    file = ET.SubElement(root, f"{q}file", id="f1", original=_clean(document.name or "document"))
    for segment in document.iter_segments():
        unit = ET.SubElement(file, f"{q}unit", id=f"u{segment.id}")
        rendering = segment.rendering
        if rendering is not None:
            notes = ET.SubElement(unit, f"{q}notes")
            ET.SubElement(notes, f"{q}note", category="origin").text = rendering.origin.value
            if rendering.model:
                ET.SubElement(notes, f"{q}note", category="model").text = _clean(rendering.model)
        state = (
            "initial"
            if rendering is None
            else "translated"
            if rendering.origin is Origin.MACHINE
            else "reviewed"
        )
        piece = ET.SubElement(unit, f"{q}segment", id=f"s{segment.id}", state=state)
        ET.SubElement(piece, f"{q}source").text = _clean(segment.text)
        if rendering is not None:
            ET.SubElement(piece, f"{q}target").text = _clean(rendering.text)
    return _xml(root)


def csv_bytes(document: Document) -> bytes:
    """UTF-8 with a byte-order mark (so spreadsheets read the Arabic), RFC 4180 quoting."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for segment in document.iter_segments():
        r = segment.rendering
        writer.writerow(
            (
                segment.id,
                document.block_position(segment.block_id),
                segment.text,
                "" if r is None else r.text,
                "" if r is None else r.origin.value,
                "" if r is None else r.model,
                "" if r is None or r.score is None else f"{r.score:.4f}",
                "" if r is None else " ".join(r.flags),
            )
        )
    return out.getvalue().encode("utf-8-sig")


def _xml(root: ET.Element) -> bytes:
    ET.indent(root)
    data: bytes = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    return data + b"\n"


WRITERS = {"tmx": tmx_bytes, "xliff": xliff_bytes, "csv": csv_bytes}


def format_for(path: Path, requested: str | None = None) -> str | None:
    """The interchange format asked for (``--format``) or named by the suffix; None if neither."""
    return requested if requested in WRITERS else FORMATS.get(path.suffix.lower())


def export_interchange(document: Document, path: Path, fmt: str) -> None:
    atomic_write_bytes(path, WRITERS[fmt](document))
