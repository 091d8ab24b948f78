"""Benchmark: load and segment the seed article repeated to 5 MB, through the real CLI path.

Run: ``.venv/bin/python tests/benchmarks/bench_segment.py``. Prints the seed's sentence count,
the file size and the seconds for loading+segmenting in-process and for ``bireader segment``
as a subprocess (interpreter start-up included), then the adversarial «م. » repeated to 160 KB
(no sentence ever ends, so any look-back to the sentence start is quadratic).
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SEED = REPO / "seeds" / "news_us_russia_talks_switzerland.ar.txt"
TARGET_BYTES = 5_000_000


def main() -> None:
    sys.path.insert(0, str(REPO))
    from tests.helpers.loading import load_document
    from tests.helpers.segmenting import segment_text

    seed = SEED.read_text(encoding="utf-8")
    print(f"seed: {len(load_document(SEED))} sentences, {len(seed.encode())} bytes")
    with tempfile.TemporaryDirectory() as folder:
        big = Path(folder) / "book.txt"
        copies = TARGET_BYTES // len((seed + "\n").encode()) + 1
        big.write_text((seed + "\n") * copies, encoding="utf-8")
        size = big.stat().st_size
        best = float("inf")
        for _ in range(3):
            started = time.perf_counter()
            document = load_document(big)
            best = min(best, time.perf_counter() - started)
        print(f"5 MB file: {size} bytes, {len(document)} sentences")
        print(f"load + segment in-process (best of 3): {best:.3f} s")
        started = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "reader", "segment", str(big)],
            check=True,
            stdout=subprocess.DEVNULL,
            cwd=REPO,
        )
        print(f"`python -m reader segment` end to end: {time.perf_counter() - started:.3f} s")
    adversarial = "م. " * (160_000 // len("م. ".encode()))
    best = float("inf")
    for _ in range(3):
        started = time.perf_counter()
        segment_text(adversarial)
        best = min(best, time.perf_counter() - started)
    print(f"«م. » x {len(adversarial.encode())} bytes, segment (best of 3): {best:.3f} s")


if __name__ == "__main__":
    main()
