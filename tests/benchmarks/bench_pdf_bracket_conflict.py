"""Measurement: why «…» in right-to-left text cannot come back right from PDFium and MuPDF at once.

Exports «قَرَأْتُ «كِتَاب» ٱلْيَوْمَ.» and rewrites the text object of each bracket three ways, printing
what each reader gives back:

- ``glyphs``: as exported, the glyph's ToUnicode says «  (pypdf, MuPDF and pdf.js read it as
  written; PDFium mirrors every bracket it reads in a right-to-left run: »كِتَاب«);
- ``direct``: the object inside ``/Span <</ActualText (»)>> BDC … EMC``, the bracket PDFium
  mirrors back: PDFium now reads the brackets the right way round (and moves the space before
  the first: «قَرَأْتُ« كِتَاب»»), but MuPDF reads the /ActualText too, unmirrored (»كِتَاب«),
  and pypdf and pdf.js ignore it;
- ``indirect``: the same /ActualText as a reference in a named property list: PDFium ignores it
  (``GetStringFor`` does not follow references), MuPDF reads it (»).

So the one channel PDFium reads besides the glyphs' text is read by MuPDF as well, and the two
want opposite brackets. Run: ``.venv/bin/python tests/benchmarks/bench_pdf_bracket_conflict.py``.
"""

from __future__ import annotations

import re
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from reader.export.pdf import export_pdf  # noqa: E402
from reader.formats.plain_text import build_text_document  # noqa: E402
from tests.helpers.pdf_readers import READERS, ReaderUnavailable, read_or_why  # noqa: E402

LINE = "قَرَأْتُ «كِتَاب» ٱلْيَوْمَ."
MIRRORED = {"«": "»", "»": "«"}


def _hex(text: str) -> str:
    return "<FEFF" + text.encode("utf-16-be").hex().upper() + ">"


def rewrite(source: Path, target: Path, how: str) -> None:
    """Wrap each bracket's text object as ``how`` says (see the module docstring)."""
    import pymupdf

    with pymupdf.open(source) as document:
        page = document[0]
        codes: dict[tuple[str, str], str] = {}  # (font name, code) → the bracket its ToUnicode says
        for font_xref, _ext, _type, _base, font, _encoding in page.get_fonts():
            to_unicode = document.xref_get_key(font_xref, "ToUnicode")[1]
            if not to_unicode.endswith(" R"):
                continue
            for line in document.xref_stream(int(to_unicode.split()[0])).decode().splitlines():
                found = re.fullmatch(r"<([0-9A-F]{4})> <00(AB|BB)>", line.strip())
                if found:
                    codes[(font, found.group(1))] = chr(int(found.group(2), 16))
        xref = page.get_contents()[0]
        stream = document.xref_stream(xref).decode("latin-1")
        names: dict[str, int] = {}

        def wrap(match: re.Match[str]) -> str:
            bracket = MIRRORED[codes[(match.group(1), match.group(2))]]
            if how == "direct":
                return f"/Span <</ActualText {_hex(bracket)}>> BDC {match.group(0)} EMC"
            string = document.get_new_xref()
            document.update_object(string, _hex(bracket))
            properties = document.get_new_xref()
            document.update_object(properties, f"<< /ActualText {string} 0 R >>")
            name = f"B{len(names) + 1}"
            names[name] = properties
            return f"/Span /{name} BDC {match.group(0)} EMC"

        pattern = r"BT [^\n]*/(F\d+) [\d.]+ Tf [\d.]+ [\d.]+ Td \[<([0-9A-F]{4})>\] TJ ET"
        if how != "glyphs":
            stream = re.sub(
                pattern, lambda m: wrap(m) if (m.group(1), m.group(2)) in codes else m.group(0), stream
            )
        document.update_stream(xref, stream.encode("latin-1"))
        if names:
            resources = int(document.xref_get_key(page.xref, "Resources")[1].split()[0])
            entries = " ".join(f"/{name} {xref} 0 R" for name, xref in names.items())
            document.xref_set_key(resources, "Properties", f"<< {entries} >>")
        document.save(target)


def main() -> None:
    folder = Path(tempfile.mkdtemp())
    exported = folder / "brackets.pdf"
    export_pdf(build_text_document(LINE, "brackets.ar.txt", guess_structure=False), exported)
    print(f"want: {LINE}")
    for how in ("glyphs", "direct", "indirect"):
        path = folder / f"{how}.pdf"
        rewrite(exported, path, how)
        for name, read in READERS.items():
            text = read_or_why(read, path)
            if isinstance(text, ReaderUnavailable):
                print(f"{how:9} {name:7} skipped: {text}")
                continue
            found = next((line for line in text.splitlines() if "كِتَاب" in line), "")
            print(f"{how:9} {name:7} {found.strip()}")
    print(f"PDFs in {folder}")


if __name__ == "__main__":
    main()
