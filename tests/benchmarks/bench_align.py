"""Benchmark: aligning a 20 000 × 20 000-sentence book (issue 24: ≤ 30 s, ≤ 500 MB without a model).

Run: ``.venv/bin/python tests/benchmarks/bench_align.py [--sentences 20000] [--bridge 0]
[--corpora 0 [--size 300] [--bridged]]``.
Builds a synthetic bitext (tests/helpers/synthetic_bitext.py: merges, splits, omissions and
insertions), aligns it without a model and prints the time, the growth of the process's peak
resident memory during the alignment, and the share of links found. ``--bridge N`` also aligns
the first N Arabic sentences with a fake machine translation (30 % of words replaced).
``--corpora N`` instead aligns N corpora of ``--size`` Arabic sentences (seeds 0..N-1), with the
fake bridge when ``--bridged``, and prints the mean and the worst share of links found.
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from reader.sentence_align import align_sentences  # noqa: E402
from tests.helpers.synthetic_bitext import make_bitext, recovered  # noqa: E402


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def corpora(count: int, size: int, bridged: bool) -> None:
    """The share of links found on *count* synthetic corpora: mean, worst five, 5th percentile."""
    shares: list[tuple[float, int]] = []
    start = time.perf_counter()
    for seed in range(count):
        bitext = make_bitext(seed, size)
        links = align_sentences(
            bitext.arabic,
            bitext.english,
            source_paragraphs=bitext.arabic_paragraphs,
            target_paragraphs=bitext.english_paragraphs,
            bridge=bitext.bridge(random.Random(seed)) if bridged else None,
        )
        shares.append((recovered(bitext.links, {(link.source, link.target) for link in links}), seed))
    shares.sort()
    mean = sum(share for share, _ in shares) / count
    worst = ", ".join(f"{share:.1%} (seed {seed})" for share, seed in shares[:5])
    print(
        f"{count} corpora of {size} sentences, {'fake bridge' if bridged else 'no model'}: mean {mean:.2%}, "
        f"5th percentile {shares[count // 20][0]:.1%}, worst {worst}; {time.perf_counter() - start:.0f} s"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sentences", type=int, default=20_000)
    parser.add_argument("--bridge", type=int, default=0, help="also align this many sentences with a bridge")
    parser.add_argument("--corpora", type=int, default=0, help="measure links found over this many corpora")
    parser.add_argument("--size", type=int, default=300, help="Arabic sentences in each of --corpora")
    parser.add_argument("--bridged", action="store_true", help="--corpora with a fake bridge")
    args = parser.parse_args()
    if args.corpora:
        corpora(args.corpora, args.size, args.bridged)
        return
    bitext = make_bitext(7, args.sentences)
    before = _peak_mb()
    start = time.perf_counter()
    links = align_sentences(
        bitext.arabic,
        bitext.english,
        source_paragraphs=bitext.arabic_paragraphs,
        target_paragraphs=bitext.english_paragraphs,
    )
    elapsed = time.perf_counter() - start
    found = recovered(bitext.links, {(link.source, link.target) for link in links})
    print(
        f"{len(bitext.arabic)} × {len(bitext.english)} sentences, no model: {elapsed:.1f} s, "
        f"peak memory +{_peak_mb() - before:.0f} MB (process {_peak_mb():.0f} MB), links found {found:.1%}"
    )
    if args.bridge:
        small = make_bitext(8, args.bridge)
        bridge = small.bridge(random.Random(8))
        start = time.perf_counter()
        links = align_sentences(
            small.arabic,
            small.english,
            source_paragraphs=small.arabic_paragraphs,
            target_paragraphs=small.english_paragraphs,
            bridge=bridge,
        )
        elapsed = time.perf_counter() - start
        found = recovered(small.links, {(link.source, link.target) for link in links})
        print(
            f"{len(small.arabic)} × {len(small.english)} with a bridge: {elapsed:.1f} s, links found {found:.1%}"
        )


if __name__ == "__main__":
    main()
