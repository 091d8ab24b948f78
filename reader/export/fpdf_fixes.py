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

Both hook private fpdf2 methods; the export tests (which look for joined, extractable text)
fail if a future fpdf2 changes them.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from fpdf import FPDF
from fpdf.fonts import TTFFont
from fpdf.line_break import Fragment
from fpdf.output import OutputProducer
from fpdf.unicode_script import UnicodeScript, get_unicode_script


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


class CompleteToUnicodeProducer(OutputProducer):
    """(Work-around 2) fpdf2's producer, plus an empty ToUnicode entry for each glyph that stands for no text."""

    def _add_fonts(self, *args: Any, **kwargs: Any) -> Any:
        font_objects = super()._add_fonts(*args, **kwargs)
        for font in self.fpdf.fonts.values():
            if not isinstance(font, TTFFont):
                continue
            to_unicode = getattr(font_objects.get(font.i), "to_unicode", None)
            contents = getattr(to_unicode, "_contents", None)
            codes = unmapped_codes(font)
            if (
                to_unicode is None
                or not codes
                or not isinstance(contents, bytes)
                or b"endcmap" not in contents
            ):
                continue
            block = empty_bfchar_blocks(codes).encode("ascii")
            to_unicode._contents = contents.replace(b"endcmap", block + b"endcmap", 1)
            to_unicode.length = len(to_unicode._contents)
        return font_objects
