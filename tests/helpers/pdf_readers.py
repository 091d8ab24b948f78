"""The text PDF readers extract from a file: pypdf, PDFium (Chrome), MuPDF, pdf.js (Firefox) and poppler.

Used by the extraction tests and ``tests/benchmarks/bench_pdf_extraction.py``. PyMuPDF is AGPL and
so a test-only dependency; pdf.js runs under Node from ``tests/.pdfjs`` (installed there with npm on
first use when the registry can be reached); poppler (Evince, Okular) is ``pdftotext`` from
poppler-utils when it is installed. Each reader gives the whole file's text; a sentence
"comes back" when it is a substring after :func:`normalise`.
"""

from __future__ import annotations

import shutil
import subprocess
import unicodedata
from collections.abc import Callable, Sequence
from pathlib import Path

HELPERS = Path(__file__).resolve().parent
PDFJS_FOLDER = HELPERS.parent / ".pdfjs"
PDFJS_PACKAGE = "pdfjs-dist@4.10.38"
PDFJS_SCRIPT = HELPERS / "pdfjs_text.mjs"


class ReaderUnavailable(Exception):
    """A reader cannot run here (says why, in one line)."""


def normalise(text: str) -> str:
    """NFC, and every run of whitespace (line breaks included) as one space.

    That is all: a space a reader inserts inside a word, a lost or doubled letter, a raw glyph code
    or words in the wrong order all still count as a broken sentence.
    """
    return " ".join(unicodedata.normalize("NFC", text).split())


def pypdf_text(path: Path) -> str:
    from pypdf import PdfReader

    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def pdfium_text(path: Path) -> str:
    import pypdfium2

    document = pypdfium2.PdfDocument(path)
    try:
        texts = []
        for page in document:
            textpage = page.get_textpage()
            texts.append(textpage.get_text_range())
            textpage.close()
            page.close()
        return "\n".join(texts)
    finally:
        document.close()


def mupdf_text(path: Path) -> str:
    try:
        import pymupdf
    except ImportError as error:  # pragma: no cover - installed by the test extra
        raise ReaderUnavailable("PyMuPDF is not installed (pip install -e '.[test]')") from error
    with pymupdf.open(path) as document:
        return "\n".join(page.get_text() for page in document)


def pdfjs_dist() -> Path:
    """The pdfjs-dist folder, installed with npm into tests/.pdfjs on first use."""
    dist = PDFJS_FOLDER / "node_modules" / "pdfjs-dist"
    if (dist / "legacy" / "build" / "pdf.mjs").is_file():
        return dist
    node, npm = shutil.which("node"), shutil.which("npm")
    if node is None or npm is None:
        raise ReaderUnavailable("pdf.js needs Node and npm, which are not installed")
    PDFJS_FOLDER.mkdir(exist_ok=True)
    try:
        subprocess.run(
            [
                npm,
                "install",
                "--prefix",
                str(PDFJS_FOLDER),
                "--no-audit",
                "--no-fund",
                "--silent",
                PDFJS_PACKAGE,
            ],
            check=True,
            capture_output=True,
            timeout=240,
        )
    except (subprocess.SubprocessError, OSError) as error:
        raise ReaderUnavailable(
            f"cannot install {PDFJS_PACKAGE} with npm (registry unreachable?): {error}"
        ) from error
    if not (dist / "legacy" / "build" / "pdf.mjs").is_file():
        raise ReaderUnavailable(f"npm installed {PDFJS_PACKAGE} without legacy/build/pdf.mjs")
    return dist


def pdfjs_text(path: Path) -> str:
    node = shutil.which("node")
    if node is None:
        raise ReaderUnavailable("pdf.js needs Node, which is not installed")
    return _run_reader("pdf.js", [node, str(PDFJS_SCRIPT), str(pdfjs_dist()), str(path)])


def poppler_text(path: Path) -> str:
    """What Evince and Okular copy: ``pdftotext`` (reading order, not ``-layout``)."""
    pdftotext = shutil.which("pdftotext")
    if pdftotext is None:
        raise ReaderUnavailable(
            "poppler needs pdftotext (Debian package poppler-utils), which is not installed"
        )
    return _run_reader("pdftotext", [pdftotext, "-enc", "UTF-8", str(path), "-"])


def _run_reader(name: str, command: list[str]) -> str:
    """A reader run as a program: its standard output, or an assertion naming it on failure."""
    result = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    if result.returncode != 0:
        raise AssertionError(f"{name} failed: {result.stderr.strip()[-500:]}")
    return result.stdout


def poppler_lenient_text(path: Path) -> str:
    """pdftotext's text without the bidi embedding marks it wraps right-to-left runs in (U+202A–U+202E)."""
    return poppler_text(path).translate({code: None for code in range(0x202A, 0x202F)})


READERS: dict[str, Callable[[Path], str]] = {
    "pypdf": pypdf_text,
    "pdfium": pdfium_text,
    "mupdf": mupdf_text,
    "pdfjs": pdfjs_text,
}
# Measured and reported, not held to "every sentence whole": poppler picks one direction per page
# and breaks mixed lines at «،» for every generator tried (see the bench).
MEASURED_READERS: dict[str, Callable[[Path], str]] = {
    **READERS,
    "poppler": poppler_text,
    "poppler-": poppler_lenient_text,  # the same, bidi embedding marks removed
}


def broken_sentences(text: str, sentences: list[str]) -> list[str]:
    """The sentences that do not come back whole from ``text`` (see :func:`normalise`)."""
    extracted = normalise(text)
    return [s for s in sentences if normalise(s) not in extracted]


def read_or_why(read: Callable[[Path], str], path: Path) -> str | ReaderUnavailable:
    """A reader's text of *path*, or why that reader cannot run here."""
    try:
        return read(path)
    except ReaderUnavailable as reason:
        return reason


def whole_sentences(text: str, sentences: Sequence[str], *, spaces: bool = True) -> int:
    """How many *sentences* come back whole from *text*; ``spaces=False`` ignores whitespace
    (pdf.js's rule: it drops or adds spaces between text items)."""
    if spaces:
        return len(sentences) - len(broken_sentences(text, list(sentences)))
    flat = "".join(normalise(text).split())
    return sum("".join(normalise(s).split()) in flat for s in sentences)
