"""Two work-arounds for fpdf2 (2.8.9) behaviour that breaks Arabic, each kept as small as possible.

1. Vowel marks split the shaping run. fpdf2 cuts text into per-script fragments and shapes each
   alone; combining marks have the script "Inherited", so ``السَّلَامُ`` is cut at every mark and
   drawn as unjoined letters with floating marks. :class:`MarkAwareFPDF` glues the fragments
   back together around marks, so HarfBuzz sees whole words and puts each mark on its letter.

2. Glyphs without text. When HarfBuzz draws one character as several glyphs (Amiri draws the
   lam of ``لك`` as the lam plus a connecting stroke), fpdf2 gives the character to the first
   glyph and leaves the others out of the font's ToUnicode map. Extractors then invent text for
   the unmapped glyphs (pypdf returns their raw codes: ``من الكرملين`` → ``لكرملينCمن ا``). The
   PDF way to say "this glyph stands for no text" is an empty mapping, ``<code> <>``;
   :class:`CompleteToUnicodeProducer` adds one per such glyph.

3. One subset tag for every font. fpdf2 names every embedded subset ``MPDFAA+…``; the tag is
   meant to tell subsets apart (PDF 32000 9.6.4), and some tools merge fonts by it.
   :class:`CompleteToUnicodeProducer` gives each font a tag made from its name and glyphs.

4. No property lists of our own. fpdf2 writes a page's ``/Properties`` for its optional content
   groups only; :class:`CompleteToUnicodeProducer` adds the property lists whose ``/ActualText``
   is an indirect string (see :mod:`reader.export.pdf_actual_text`).

All hook private fpdf2 methods, so pyproject bounds fpdf2 below its next minor version, and the
hooks fail loudly rather than silently exporting broken text: importing this module checks the
installed version and the hooked methods (:func:`check_fpdf`), and the producer raises if the
ToUnicode object it edits no longer looks as expected. Either is one :class:`FpdfMismatch` line.
The export tests (which look for joined, extractable text) also fail if fpdf2 changes them.
"""

from __future__ import annotations

import hashlib
import inspect
from collections.abc import Iterator
from typing import Any

import fpdf
from fpdf import FPDF
from fpdf.fonts import TTFFont
from fpdf.line_break import Fragment
from fpdf.output import OutputProducer
from fpdf.syntax import Name, PDFObject
from fpdf.unicode_script import UnicodeScript, get_unicode_script

from reader.errors import ReaderError

SUPPORTED_FPDF = ((2, 8), (2, 9))
"""fpdf2 versions the hooks were written for: at least 2.8, below 2.9 (as in pyproject.toml)."""
REQUIREMENT = "fpdf2>=2.8,<2.9"


class FpdfMismatch(ReaderError):
    """The installed fpdf2 is not the one the private hooks below were written for."""


def _version(text: str) -> tuple[int, int]:
    parts = [int(p) for p in text.split(".")[:2] if p.isdigit()]
    return (parts + [0, 0])[0], (parts + [0, 0])[1]


def check_fpdf(version: str | None = None) -> None:
    """Raise :class:`FpdfMismatch` unless fpdf2's version and the hooked private methods are as expected."""
    installed = fpdf.__version__ if version is None else version
    low, high = SUPPORTED_FPDF
    problem = None
    if not low <= _version(installed) < high:
        problem = "it hooks private methods of fpdf2 2.8"
    elif list(inspect.signature(getattr(FPDF, "_parse_chars", None) or (lambda: None)).parameters)[:3] != [
        "self",
        "text",
        "markdown",
    ]:
        problem = "FPDF._parse_chars(text, markdown) is gone or changed"
    elif not callable(getattr(OutputProducer, "_add_fonts", None)):
        problem = "OutputProducer._add_fonts is gone"
    elif not callable(getattr(OutputProducer, "_add_optional_content_groups", None)):
        problem = "OutputProducer._add_optional_content_groups is gone"
    if problem is not None:
        raise FpdfMismatch(
            f"PDF export needs {REQUIREMENT} but fpdf2 {installed} is installed ({problem}): "
            f"pip install '{REQUIREMENT}'"
        )


def _inherits_script(char: str) -> bool:
    """Combining marks and joiners take the script of the letter they sit on."""
    return get_unicode_script(char) == UnicodeScript.INHERITED


def _same_style(first: Fragment, second: Fragment) -> bool:
    return (
        first.font is second.font
        and first.font_style == second.font_style
        and first.font_size_pt == second.font_size_pt
        and first.link == second.link
    )


class MarkAwareFPDF(FPDF):
    """FPDF whose shaping runs are not cut around combining marks (work-around 1)."""

    def _parse_chars(self, text: str, markdown: bool, **kwargs: Any) -> Iterator[Fragment]:
        pending: Fragment | None = None
        for fragment in super()._parse_chars(text, markdown, **kwargs):
            if (
                pending is not None
                and type(pending) is Fragment
                and type(fragment) is Fragment
                and pending.characters
                and fragment.characters
                and (_inherits_script(pending.characters[-1]) or _inherits_script(fragment.characters[0]))
                and _same_style(pending, fragment)
            ):
                pending = pending.clone(pending.characters + fragment.characters, link=pending.link)
                continue
            if pending is not None:
                yield pending
            pending = fragment
        if pending is not None:
            yield pending


def unmapped_codes(font: TTFFont) -> list[int]:
    """Character codes of glyphs the font's subset uses without any Unicode text."""
    codes = []
    for glyph, code in font.subset.items():
        if glyph is not None and isinstance(glyph.unicode, tuple) and not glyph.unicode:
            codes.append(code)
    return sorted(codes)


def empty_bfchar_blocks(codes: list[int]) -> str:
    """CMap ``bfchar`` blocks mapping each code to no text (at most 100 entries a block, per the spec)."""
    blocks = []
    for start in range(0, len(codes), 100):
        chunk = codes[start : start + 100]
        entries = "".join(f"<{code:04X}> <>\n" for code in chunk)
        blocks.append(f"{len(chunk)} beginbfchar\n{entries}endbfchar\n")
    return "".join(blocks)


FPDF_TAG = "MPDFAA+"


def subset_tag(font: TTFFont) -> str:
    """Six capital letters (PDF 32000 9.6.4) that differ between fonts and between subsets."""
    codes = ",".join(
        f"{glyph.glyph_id}" for glyph, _ in sorted(font.subset.items(), key=lambda item: item[1]) if glyph
    )
    digest = hashlib.sha256(f"{font.fontkey}|{font.i}|{codes}".encode()).digest()
    return "".join(chr(ord("A") + byte % 26) for byte in digest[:6])


def _retag(font_object: Any, tag: str) -> None:
    """Replace fpdf2's shared tag in the Type0 font, its CIDFont and descriptor."""
    descendants = getattr(getattr(font_object, "descendant_fonts", None), "__iter__", None)
    named = [font_object, *(descendants() if descendants else [])]
    named += [getattr(obj, "font_descriptor", None) for obj in named]
    for obj in named:
        for attribute in ("base_font", "font_name"):
            value = getattr(obj, attribute, None)
            if isinstance(value, str) and value.startswith(FPDF_TAG):
                setattr(obj, attribute, Name(f"{tag}+{value[len(FPDF_TAG) :]}"))


class _TextString(PDFObject):
    """A text string (UTF-16BE) as an indirect object of its own."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def serialize(self, obj_dict: Any = None, _security_handler: Any = None) -> str:
        return f"{self.id} 0 obj\n<FEFF{self.text.encode('utf-16-be').hex().upper()}>\nendobj"


class _ActualTextProperties(PDFObject):
    """A property list whose ``/ActualText`` is a reference to a :class:`_TextString`."""

    def __init__(self, text: _TextString) -> None:
        super().__init__()
        self._text = text

    def serialize(self, obj_dict: Any = None, _security_handler: Any = None) -> str:
        return f"{self.id} 0 obj\n<< /ActualText {self._text.ref} >>\nendobj"


class CompleteToUnicodeProducer(OutputProducer):
    """(Work-arounds 2, 3 and 4) fpdf2's producer, plus an empty ToUnicode entry for each glyph that
    stands for no text, a subset tag of its own for each font, and our property lists."""

    def _add_optional_content_groups(self, catalog_obj: Any) -> None:
        super()._add_optional_content_groups(catalog_obj)
        # Added after fpdf2 has listed its groups in the catalog, so ours are no groups; each
        # page's /Properties looks its names up in the same table.
        groups: dict[str, Any] = self._ocg_objs_per_name
        for name, text in getattr(self.fpdf, "_mupdf_texts", {}).items():
            string = _TextString(text)
            self._add_pdf_obj(string, "actual_text")
            properties = _ActualTextProperties(string)
            self._add_pdf_obj(properties, "actual_text")
            groups[name] = properties

    def _add_fonts(self, *args: Any, **kwargs: Any) -> Any:
        font_objects = super()._add_fonts(*args, **kwargs)
        for font in self.fpdf.fonts.values():
            if not isinstance(font, TTFFont):
                continue
            _retag(font_objects.get(font.i), subset_tag(font))
            codes = unmapped_codes(font)
            if not codes:
                continue
            to_unicode = getattr(font_objects.get(font.i), "to_unicode", None)
            contents = getattr(to_unicode, "_contents", None)
            if to_unicode is None or not isinstance(contents, bytes) or b"endcmap" not in contents:
                raise FpdfMismatch(
                    f"PDF export needs {REQUIREMENT}: fpdf2 {fpdf.__version__}'s ToUnicode map is not "
                    f"what the text-extraction fix edits: pip install '{REQUIREMENT}'"
                )
            block = empty_bfchar_blocks(codes).encode("ascii")
            to_unicode._contents = contents.replace(b"endcmap", block + b"endcmap", 1)
            to_unicode.length = len(to_unicode._contents)
        return font_objects


check_fpdf()  # at import: before any PDF is made with hooks that may no longer apply
