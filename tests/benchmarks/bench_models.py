"""Benchmark: what the stronger checkpoint costs. opus-mt-ar-en against opus-mt-tc-big-ar-en, both
random-weight models of the exact layer shapes, on CTranslate2 int8 through the CLI.

Run: ``.venv/bin/python tests/benchmarks/bench_models.py [--beams 4] [--repeat 2] [--threads 2]``.

For each model: the weights' size on disk (float32 safetensors) and its int8 conversion's, the
one-off conversion time (about 0 when an earlier run converted it), then ``translate SEED --engine ct2 --no-cache --timings`` (alternating
between the models, best of ``--repeat``): model ready, seed translated (15 sentences, every
output at its cap since random weights never stop: the same caps for both, see
``tcbig_model.py``), and the process's peak RSS. ``--threads`` pins the CLI to that many cores
(CPU affinity, inherited by the child), so a bigger machine measures the 2-core case too.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from reader.translate.ct2_convert import ensure_converted  # noqa: E402
from reader.translate.model_location import find_model  # noqa: E402
from tests.benchmarks import bench_engines_cli  # noqa: E402
from tests.benchmarks.fullshape_model import default_folder as base_folder  # noqa: E402
from tests.benchmarks.fullshape_model import ensure_fullshape_model  # noqa: E402
from tests.benchmarks.tcbig_model import default_folder as big_folder  # noqa: E402
from tests.benchmarks.tcbig_model import ensure_tcbig_model  # noqa: E402


def folder_mb(folder: Path) -> float:
    return sum(path.stat().st_size for path in folder.iterdir() if path.is_file()) / 1e6


def prepare() -> None:
    """Build (or reuse) both models and convert them to int8; print sizes and conversion times as JSON."""
    models = {
        "opus-mt-ar-en": ensure_fullshape_model(base_folder()),
        "opus-mt-tc-big-ar-en": ensure_tcbig_model(big_folder()),
    }
    sizes = {}
    for name, folder in models.items():
        location = find_model(str(folder))
        assert location is not None
        started = time.perf_counter()
        converted = ensure_converted(location, "int8")
        sizes[name] = (folder_mb(folder), folder_mb(converted), time.perf_counter() - started)
    print(json.dumps(sizes))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--beams", type=int, default=4)
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--threads", type=int, default=2, help="cores the CLI may use")
    parser.add_argument("--prepare", action="store_true", help="build and convert only (used internally)")
    args = parser.parse_args()
    if args.prepare:
        prepare()
        return
    # Built and converted in a child: Linux keeps a process's peak RSS across exec, so CLI runs
    # forked from a bench process that had held the models would all report the bench's own peak.
    prepared = subprocess.run(
        [sys.executable, __file__, "--prepare"], check=True, capture_output=True, text=True
    ).stdout.splitlines()[-1]
    sizes = {name: tuple(values) for name, values in json.loads(prepared).items()}
    models = {name: big_folder() if "big" in name else base_folder() for name in sizes}
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    cores = sorted(os.sched_getaffinity(0))[: args.threads]
    os.sched_setaffinity(0, set(cores))  # inherited by every CLI run
    runs: dict[str, list[dict[str, float]]] = {name: [] for name in models}
    for _ in range(max(1, args.repeat)):
        for name, folder in models.items():  # alternating: slow phases of a shared machine hit both
            runs[name].append(bench_engines_cli.run_cli(folder, "ct2", args.beams))
    print(
        f"\nct2 int8, seed (15 sentences), beam {args.beams}, --no-cache, cores {cores}; best of {args.repeat}\n"
    )
    print(
        "| model | weights MB (float32) | int8 MB | conversion s | model ready s | seed translated s | peak RSS MB |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|")
    for name, results in runs.items():
        weights, int8, convert = sizes[name]
        ready = min(r["ready"] for r in results)
        translate = min(r["translate"] for r in results)
        rss = max(r["rss_mb"] for r in results)
        print(
            f"| {name} | {weights:.0f} | {int8:.0f} | {convert:.0f} | {ready:.2f} | {translate:.2f} | {rss:.0f} |"
        )
    base, big = (min(r["translate"] for r in runs[name]) for name in models)
    print(
        f"\ntc-big / opus-mt translation time: {big / base:.1f}x; load average now {os.getloadavg()[0]:.1f}"
    )
    print(f"(peak RSS of this bench process, a floor for every run's figure: {own:.0f} MB)")


if __name__ == "__main__":
    main()
