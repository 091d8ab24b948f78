"""Benchmark: the engines on an opus-mt-ar-en-shaped model, one sentence per call vs batched.

Run: ``.venv/bin/python tests/benchmarks/bench_translate.py [--workdir DIR] [--beams 1 4] [--engines …]``.
Builds (or reuses) a random-weight model with the exact opus-mt-ar-en shape under the user cache
(or ``--workdir``), then translates the seed article with exactly 45 output tokens per sentence,
so every configuration does the same decoding work whatever the random weights would say.
Prints seconds (best of ``--repeat`` runs) and output tokens/s for one sentence per call (what
most apps do) and for the engine's length-sorted batching, at each beam size, for transformers
and for CTranslate2 int8 and float32 (the first ct2 run converts the model, untimed). The model
load is not timed.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from reader.translate.ct2_engine import Ct2Engine  # noqa: E402
from reader.translate.generation import GenerationOptions  # noqa: E402
from reader.translate.marian_engine import available_cores  # noqa: E402
from reader.translate.protocol import EngineSettings  # noqa: E402
from reader.translate.transformers_engine import TransformersEngine  # noqa: E402
from tests.benchmarks.fullshape_model import (  # noqa: E402
    default_folder,
    ensure_fullshape_model,
    pieces_per_word,
)
from tests.helpers.loading import load_document  # noqa: E402

SEED = REPO / "seeds" / "news_us_russia_talks_switzerland.ar.txt"
FORCED_TOKENS = 45
ENGINES = ("transformers", "ct2-int8", "ct2-float32")
Engine = TransformersEngine | Ct2Engine


def _engine(model: Path, beams: int, batch_size: int, guard: bool, name: str = "transformers") -> Engine:
    options = GenerationOptions(beams=beams, forced_output_tokens=FORCED_TOKENS)
    if not guard:
        options = GenerationOptions(beams=beams, forced_output_tokens=FORCED_TOKENS, no_repeat_ngram_size=0)
    kind, _, quantization = name.partition("-")
    settings = EngineSettings(
        model=str(model), engine=kind, quantization=quantization or "int8", beams=beams, batch_size=batch_size
    )
    engine: Engine = Ct2Engine(settings, options) if kind == "ct2" else TransformersEngine(settings, options)
    engine.load()
    list(engine.translate(["قالت المصادر"]))  # warm-up: first-call allocations are not the steady state
    return engine


def _timed(engine: Engine, sentences: list[str], one_per_call: bool) -> float:
    results = []
    started = time.perf_counter()
    if one_per_call:
        for sentence in sentences:
            results += [r for batch in engine.translate([sentence]) for r in batch]
    else:
        results += [r for batch in engine.translate(sentences) for r in batch]
    seconds = time.perf_counter() - started
    if len(results) != len(sentences) or not all(r.ok for r in results):
        raise SystemExit(f"translation went wrong: {results}")
    return seconds


def _load() -> str:
    try:
        return Path("/proc/loadavg").read_text().split()[0]
    except OSError:
        return "n/a"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--workdir", type=Path, help="where to build/reuse the model (default: user cache)")
    parser.add_argument("--beams", type=int, nargs="+", default=[1, 4])
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--no-guard", action="store_true", help="also time without the repetition guard")
    parser.add_argument("--repeat", type=int, default=2, help="runs per row; the best is shown (default 2)")
    parser.add_argument("--engines", nargs="+", choices=ENGINES, default=list(ENGINES))
    args = parser.parse_args()

    folder = args.workdir or default_folder()
    started = time.perf_counter()
    model = ensure_fullshape_model(folder)
    print(f"model: {model} (ready in {time.perf_counter() - started:.1f} s)")
    words, pieces, ratio = pieces_per_word(model)
    print(f"seed source tokens: {words:.1f} words, {pieces:.1f} pieces a sentence = {ratio:.2f} pieces/word")
    sentences = [s.text for s in load_document(SEED).iter_segments()]
    tokens = FORCED_TOKENS * len(sentences)
    print(f"seed: {len(sentences)} sentences × {FORCED_TOKENS} forced output tokens = {tokens} tokens")
    print(f"threads per engine: {available_cores()}; load average before: {_load()}")
    print()
    print("| engine | mode | beams | seconds | output tokens/s |")
    print("|---|---|---:|---:|---:|")
    guards = [True, False] if args.no_guard else [True]
    for name, guard in [(name, guard) for name in args.engines for guard in guards]:
        label = name + ("" if guard else " (no repetition guard)")
        for beams in args.beams:
            for one_per_call in (True, False):
                engine = _engine(model, beams, 1 if one_per_call else args.batch_size, guard, name)
                # The best of a few runs: other work on a shared machine only ever adds time.
                seconds = min(_timed(engine, sentences, one_per_call) for _ in range(max(1, args.repeat)))
                mode = "one sentence per call" if one_per_call else f"batch {args.batch_size}"
                print(f"| {label} | {mode} | {beams} | {seconds:.2f} | {tokens / seconds:.0f} |", flush=True)
    print(f"\nload average after: {_load()} (other work on the machine inflates these timings)")


if __name__ == "__main__":
    main()
