"""Measurement: how many sentences come back whole from each PDF reader, per layout (and face).

Exports the seed article (15 sentences) with the hand-written English of
``tests/helpers/seed_english.py``, or with ``--text vocalised`` the fully vocalised text of
``tests/helpers/vocalised_arabic.py`` (42 sentences: the Quran, a tajweed lesson, learners'
sentences, poetry), and counts, for pypdf, PDFium (Chrome), MuPDF and pdf.js
(Firefox), and poppler's pdftotext (Evince, Okular) when installed, the Arabic and English sentences found intact after ``normalise`` (NFC, whitespace runs
as one space), and the Arabic ones found with all whitespace removed (``no sp``: pdf.js makes
spaces only from rightward gaps). Run: ``.venv/bin/python tests/benchmarks/bench_pdf_extraction.py [--face amiri naskh]
[--text seed|vocalised] [--keep FOLDER] [--show] [--justify] [--no-diacritics]``; ``--show`` prints each broken sentence as the reader gave it.
"""

from __future__ import annotations

import argparse
import difflib
import inspect
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from reader.export.pdf import export_pdf  # noqa: E402
from reader.export.pdf_layout import LAYOUTS  # noqa: E402
from tests.helpers.pdf_readers import (  # noqa: E402
    MEASURED_READERS,
    ReaderUnavailable,
    broken_sentences,
    normalise,
    read_or_why,
    whole_sentences,
)
from tests.helpers.seed_english import translated_seed  # noqa: E402
from tests.helpers.vocalised_arabic import vocalised_document  # noqa: E402

TEXTS = {"seed": translated_seed, "vocalised": vocalised_document}


def closest(text: str, sentence: str) -> str:
    """The stretch of ``text`` most like ``sentence`` (to show how a reader broke it)."""
    words = normalise(text).split(" ")
    target = normalise(sentence)
    size = len(target.split(" "))
    best, best_ratio = "", 0.0
    anchor = target.split(" ")[0]
    for start in range(len(words)):
        if words[start] != anchor and best:
            continue
        window = " ".join(words[start : start + size])
        ratio = difflib.SequenceMatcher(None, window, target, autojunk=False).quick_ratio()
        if ratio > best_ratio:
            best, best_ratio = window, ratio
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--face", nargs="*", default=[None], help="Arabic faces to compare (default: the default)"
    )
    parser.add_argument("--text", choices=TEXTS, default="seed", help="which document to export")
    parser.add_argument("--no-diacritics", action="store_true", help="export without vowel marks")
    parser.add_argument("--keep", type=Path, help="write the PDFs into this folder")
    parser.add_argument("--justify", action="store_true", help="export with justified Arabic")
    parser.add_argument("--show", action="store_true", help="print each broken sentence as extracted")
    args = parser.parse_args()
    document = TEXTS[args.text]()
    if args.no_diacritics:  # what such an export prints is the Arabic without its marks
        from reader.export.diacritics import without_diacritics

        arabic = [s.text for s in without_diacritics(document).segments]
    else:
        arabic = [s.text for s in document.segments]
    english = [s.translation or "" for s in document.segments]
    folder = args.keep or Path(tempfile.mkdtemp())
    folder.mkdir(parents=True, exist_ok=True)
    takes_face = "arabic_face" in inspect.signature(export_pdf).parameters
    print(f"{'face':8} {'layout':13} {'reader':8} {'Arabic':>7} {'no sp':>6} {'English':>8}")
    for face in args.face:
        for layout in LAYOUTS:
            path = folder / f"{args.text}-{face or 'default'}-{layout}.pdf"
            options: dict[str, object] = {"arabic_face": face} if takes_face and face else {}
            if args.justify:
                options["justify_arabic"] = True
            if args.no_diacritics:
                options["diacritics"] = False
            export_pdf(document, path, layout=layout, **options)
            for name, read in MEASURED_READERS.items():
                text = read_or_why(read, path)
                if isinstance(text, ReaderUnavailable):
                    print(f"{face or 'default':8} {layout:13} {name:8} skipped: {text}")
                    continue
                lost_ar = broken_sentences(text, arabic)
                lost_en = broken_sentences(text, english)
                unspaced = whole_sentences(text, arabic, spaces=False)
                print(
                    f"{face or 'default':8} {layout:13} {name:8} {len(arabic) - len(lost_ar):>4}/{len(arabic)}"
                    f" {unspaced:>6} {len(english) - len(lost_en):>5}/{len(english)}"
                )
                if args.show:
                    for sentence in lost_ar + lost_en:
                        print(f"    want: {sentence}\n    got:  {closest(text, sentence)}")
    print(f"PDFs in {folder}")


if __name__ == "__main__":
    main()
