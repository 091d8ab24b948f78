"""Benchmark: export the seed article repeated 50 times (750 pairs), every sentence translated.

Targets on the 2-core reference machine: PDF under 5 s warm, EPUB and HTML under 1 s each. The English is made up but of realistic
length (about as many words as the Arabic, drawn from real news sentences), standing in for a
cached translation. Run: ``.venv/bin/python tests/benchmarks/bench_export.py [--repeat N] [--profile] [--face amiri]``.

"Cold" is the first export in a fresh process with a fresh cache (imports, fonts parsed; the
static Noto Serif ships, nothing is built); "warm" is every export after that.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from reader.model import Document, SegmentResult  # noqa: E402
from tests.helpers.segmenting import segment_text  # noqa: E402

SEED = REPO / "seeds" / "news_us_russia_talks_switzerland.ar.txt"
ENGLISH_TEXT = (
    "Three informed sources said American and Russian participants met in Switzerland for informal "
    "discussions about the war in Ukraine in recent months, including last week. The sources described "
    "the talks as a side channel, with some contacts during the transition that followed the election "
    "win of President Donald Trump on 5 November (according to Reuters)."
)
ENGLISH_WORDS = ENGLISH_TEXT.split(" ")


def fake_english(arabic: str, index: int) -> str:
    """An English sentence with as many words as the Arabic one, different for each index."""
    count = max(4, len(arabic.split()))
    words = [ENGLISH_WORDS[(index * 7 + i) % len(ENGLISH_WORDS)] for i in range(count)]
    return " ".join(words).rstrip(".,") + "."


def build_document(repeat: int) -> Document:
    text = SEED.read_text(encoding="utf-8").strip()
    document = segment_text("\n".join([text] * repeat), name=f"{SEED.name} ×{repeat}")
    document.apply_results(
        SegmentResult(s.id, s.revision, fake_english(s.text, position))
        for position, s in enumerate(document.iter_segments())
    )
    return document


def run(
    document: Document, folder: Path, layout: str, fmt: str = "pdf", face: str | None = None
) -> tuple[float, Path]:
    from reader.export.dispatch import export_document

    output = folder / f"bench-{layout}.{fmt}"
    start = time.perf_counter()
    export_document(document, output, fmt, layout=layout, arabic_face=face)
    return time.perf_counter() - start, output


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=50)
    parser.add_argument("--profile", action="store_true", help="print the 25 most expensive calls")
    parser.add_argument("--face", help="the PDF's Arabic face (default: the default, naskh)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder_name:
        folder = Path(folder_name)
        os.environ["BIREADER_CACHE_DIR"] = str(folder / "cache")  # cold: no Noto instance yet
        document = build_document(args.repeat)
        print(f"document: {len(document)} sentences, {len(document.text)} characters")
        cold, _ = run(document, folder, "side-by-side")
        print(f"side-by-side, cold font cache: {cold:.2f} s")
        for layout in ("side-by-side", "interleaved"):
            if args.profile and layout == "side-by-side":
                profiler = cProfile.Profile()
                seconds, output = profiler.runcall(run, document, folder, layout, "pdf", args.face)
                pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)
            else:
                seconds, output = run(document, folder, layout, "pdf", args.face)
            from pypdf import PdfReader

            pages = len(PdfReader(output).pages)
            size = output.stat().st_size / 1e6
            verdict = "ok" if seconds < 5 else "TOO SLOW"
            print(
                f"PDF {layout}, warm: {seconds:.2f} s, {pages} pages, {size:.2f} MB ({verdict}, target < 5 s)"
            )
        for fmt in ("epub", "html"):
            for layout in ("side-by-side", "interleaved"):
                seconds, output = run(document, folder, layout, fmt)
                size = output.stat().st_size / 1e6
                verdict = "ok" if seconds < 1 else "TOO SLOW"
                print(f"{fmt.upper()} {layout}: {seconds:.3f} s, {size:.2f} MB ({verdict}, target < 1 s)")


if __name__ == "__main__":
    main()
