"""The PDF's typefaces: Noto Naskh Arabic (or Amiri) for Arabic and titles, Noto Serif for English.

The Arabic face was chosen by measurement (tests/benchmarks/bench_pdf_extraction.py). At first
Noto Naskh Arabic gave back more: it positions almost no glyph away from its advance and never
draws one letter as two glyphs, while Amiri, more calligraphic, kerns and inserts connecting
strokes, which several readers broke words at. Since the writer declares glyphs as wide as they
advance and draws moved glyphs and multi-glyph letters as outlines (reader/export/pdf_shaping.py),
both give back the same sentences in all four readers. Noto Naskh stays the default: nothing
changes for those who use it, and it needs few outlines (the seed's PDF: 40 KB against Amiri's
58 KB); Amiri is a choice (``ARABIC_FACES``). Noto Naskh Arabic
(OFL 1.1) ships in ``reader/resources/fonts``.

Noto Serif ships only as a variable font. fpdf2 can pin its axes itself, but that takes seconds
on every export, so the regular instance is made once with fontTools and kept in the user cache
folder (and remembered for the rest of the process). If that folder cannot be written, the
export still works, just slower.
"""

from __future__ import annotations

import hashlib
import importlib.resources
import io
import logging
import threading
from pathlib import Path

from fpdf import FPDF
from fpdf.fonts import TTFFont

from reader.atomic import atomic_write_bytes
from reader.export.formats import ARABIC_FACES as ARABIC_FACES
from reader.paths import user_cache_dir

ARABIC = "arabic"  # the family name the PDF's Arabic face is registered under
LATIN = "notoserif"
DEFAULT_ARABIC_FACE = ARABIC_FACES[0]  # "naskh", chosen by measurement (see the module docstring)
# family → the family that draws what it lacks: Arabic letters in an English translation, the
# Latin punctuation (/ - …) Noto Naskh Arabic has no glyphs for
FALLBACKS = {LATIN: ARABIC, ARABIC: LATIN}
_NOTO_AXES = {"wght": 400.0, "wdth": 100.0}

_log = logging.getLogger(__name__)
# (source font, pinned axes, cache folder) → the instance file made or found there
_instances: dict[tuple[Path, tuple[tuple[str, float], ...], Path], Path] = {}
_instances_lock = threading.Lock()


def amiri_file(style: str = "Regular") -> Path:
    """Path of an Amiri face shipped by the ``fontpkg-amiri`` package."""
    return Path(str(importlib.resources.files("fontpkg_amiri") / "files" / f"Amiri-{style}.ttf"))


def naskh_file(style: str = "Regular") -> Path:
    """Path of a Noto Naskh Arabic face shipped in ``reader/resources/fonts``."""
    return Path(
        str(importlib.resources.files("reader") / "resources" / "fonts" / f"NotoNaskhArabic-{style}.ttf")
    )


def arabic_face_file(face: str, style: str = "Regular") -> Path:
    """The file of ``face`` (one of ``ARABIC_FACES``) in ``style`` ("Regular" or "Bold")."""
    if face == "amiri":
        return amiri_file(style)
    if face == "naskh":
        return naskh_file(style)
    raise ValueError(f"unknown Arabic face {face!r} (choose from {', '.join(ARABIC_FACES)})")


def noto_serif_variable_file() -> Path:
    """Path of the upright Noto Serif variable font shipped by ``fontpkg-noto-serif``."""
    return Path(str(importlib.resources.files("fontpkg_noto_serif") / "files" / "NotoSerif[wdth,wght].ttf"))


def static_instance(variable_font: Path, axes: dict[str, float], cache_dir: Path) -> Path:
    """A static TrueType of ``variable_font`` pinned at ``axes``, made once and cached in ``cache_dir``.

    The file name carries a digest of the source (path, size, mtime) and the axes, so an updated
    font package gets a fresh instance. Raises OSError if the cache cannot be written.
    """
    pinned = tuple(sorted(axes.items()))
    key = (variable_font, pinned, cache_dir)
    with _instances_lock:
        known = _instances.get(key)
        if known is not None and known.is_file():
            return known
        stat = variable_font.stat()
        digest = hashlib.sha256(f"{variable_font}|{stat.st_size}|{stat.st_mtime_ns}|{pinned}".encode())
        axes_label = "-".join(f"{name}{value:g}" for name, value in pinned)
        target = cache_dir / f"{variable_font.stem.split('[')[0]}-{axes_label}-{digest.hexdigest()[:12]}.ttf"
        if not target.is_file():
            target.parent.mkdir(parents=True, exist_ok=True)
            atomic_write_bytes(target, _instantiate(variable_font, axes))
        _instances[key] = target
        return target


def _instantiate(variable_font: Path, axes: dict[str, float]) -> bytes:
    from fontTools.ttLib import TTFont  # fpdf2's own dependency; only needed on a cache miss
    from fontTools.varLib import instancer

    font = instancer.instantiateVariableFont(TTFont(variable_font), axes, updateFontNames=True)
    buffer = io.BytesIO()
    font.save(buffer)
    return buffer.getvalue()


def close_fonts(pdf: FPDF) -> None:
    """Close the font files fpdf2 keeps open (it reads them lazily, and closes only fonts it wrote)."""
    for font in pdf.fonts.values():
        if isinstance(font, TTFFont):
            font.close()


def register_fonts(pdf: FPDF, arabic_face: str = DEFAULT_ARABIC_FACE) -> None:
    """Make ``ARABIC`` (``arabic_face``, regular and bold) and ``LATIN`` available on ``pdf``.

    Noto Serif has no Arabic letters: Arabic in an English translation is drawn in the Arabic
    face by :class:`reader.export.pdf_wrap.TextMeasure` (see ``FALLBACKS``).
    """
    pdf.add_font(ARABIC, "", arabic_face_file(arabic_face, "Regular"))
    pdf.add_font(ARABIC, "B", arabic_face_file(arabic_face, "Bold"))
    variable = noto_serif_variable_file()
    try:
        pdf.add_font(LATIN, "", static_instance(variable, _NOTO_AXES, user_cache_dir() / "fonts"))
    except OSError as error:  # read-only cache: let fpdf2 pin the axes itself (slower)
        _log.warning("cannot cache the Noto Serif instance (%s); exporting without the cache", error)
        pdf.add_font(LATIN, "", variable, variations=_NOTO_AXES)
