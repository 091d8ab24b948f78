"""Benchmark: find on a 20 000-sentence book, per keystroke; and the alignment cost (``--alignment``).

Run: ``.venv/bin/python tests/benchmarks/bench_find.py [--sentences 20000]``.
It builds a book of unique, partly vowelled Arabic sentences with an English rendering each,
builds the find index once (what the window does in the background) and then times every
prefix of a few queries as if typed one key at a time, including the index refresh after a
batch of 64 new translations. ``--alignment`` also times translation with and without alignment
on the opus-mt-shaped model (tests/benchmarks/fullshape_model.py); that takes minutes.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from reader.find import FindIndex  # noqa: E402
from reader.formats.plain_text import build_text_document  # noqa: E402
from reader.model import SegmentResult  # noqa: E402

WORDS = [
    "قَالَ",
    "المتحدث",
    "إِنَّ",
    "المحادثات",
    "ستستمر",
    "في",
    "جنيف",
    "خلال",
    "الأسبوع",
    "المقبل",
    "بمشاركة",
    "وفود",
    "من",
    "عدة",
    "دول",
    "وأكد",
    "الوزير",
    "أن",
    "الاتفاق",
    "يشمل",
    "التجارة",
    "والطاقة",
    "والتعليم",
    "مدرسة",
    "مستشفى",
]
ENGLISH = [
    "the",
    "spokesman",
    "said",
    "talks",
    "will",
    "continue",
    "in",
    "Geneva",
    "next",
    "week",
    "with",
    "delegations",
    "from",
    "several",
    "Café",
    "countries",
]
QUERIES = ["المدرسة", "الاتفاق يشمل", "geneva", "cafe", "ا"]


def book(sentences: int, seed: int = 7) -> str:
    rng = random.Random(seed)
    lines = []
    for i in range(sentences):
        words = [rng.choice(WORDS) for _ in range(rng.randint(8, 20))]
        lines.append(" ".join(words) + "!")
        if i % 10 == 9:
            lines.append("")
    return "\n".join(lines)


def english(rng: random.Random) -> str:
    return " ".join(rng.choice(ENGLISH) for _ in range(rng.randint(8, 20)))


def bench_find(sentences: int) -> None:
    document = build_text_document(book(sentences))
    rng = random.Random(3)
    ids = [s.id for s in document.iter_segments()]
    document.apply_results(SegmentResult(i, 0, english(rng)) for i in ids)
    started = time.perf_counter()
    index = FindIndex(document).build()
    print(f"{len(document)} sentences: index built in {(time.perf_counter() - started) * 1000:.0f} ms")
    worst = 0.0
    for query in QUERIES:
        for end in range(1, len(query) + 1):
            started = time.perf_counter()
            matches = index.search(query[:end])
            if len(matches):
                matches.hit(0)
                matches.in_row(int(matches.rows[0]), "ar")
            elapsed = (time.perf_counter() - started) * 1000
            worst = max(worst, elapsed)
            print(f"  {query[:end]!r:>18}: {len(matches):>7} hits in {elapsed:5.1f} ms")

    def arrive(changed: list[int], note: str) -> float:
        """Translations for *changed* arrive, then the bar searches "geneva": its ms."""
        document.reset(changed)
        document.apply_results(SegmentResult(i, document.segment(i).revision, english(rng)) for i in changed)  # type: ignore[union-attr]
        index.mark_changed(changed)
        started = time.perf_counter()
        matches = index.search("geneva")
        took = (time.perf_counter() - started) * 1000
        print(f"  {note}: {len(matches)} hits in {took:.1f} ms")
        return took

    refresh = arrive(ids[:64], "after 64 new translations")
    arrive(ids[64:128], "64 more, the same query (only their blocks searched again)")
    print(f"longest keystroke: {max(worst, refresh):.1f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sentences", type=int, default=20_000)
    parser.add_argument("--alignment", action="store_true", help="also time alignment (minutes)")
    args = parser.parse_args()
    bench_find(args.sentences)
    if args.alignment:
        from bench_alignment import bench_alignment  # type: ignore[import-not-found]

        bench_alignment()


if __name__ == "__main__":
    main()
