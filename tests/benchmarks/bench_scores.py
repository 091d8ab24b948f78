"""Benchmark: what reporting each output's score and cut costs, on the opus-mt-ar-en-shaped model.

Run: ``.venv/bin/python tests/benchmarks/bench_scores.py [--workdir DIR] [--beams 1 4] [--repeat 3]``.
Translates the seed article in one batch (exactly 45 output tokens per sentence, as
bench_translate.py does) with scores on, as shipped, and off: for CTranslate2 the same call
without ``return_scores``, for transformers ``generate`` without the step-scores processor.
Runs alternate (on, off, on, off, …) so load from other work on the machine hits both alike;
the best of each is shown with the difference, in wall-clock time and in CPU time (which other
work on a shared machine disturbs less).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from reader.translate import transformers_engine  # noqa: E402
from tests.benchmarks.bench_translate import FORCED_TOKENS, SEED, Engine, _engine, _load  # noqa: E402
from tests.benchmarks.fullshape_model import default_folder, ensure_fullshape_model  # noqa: E402
from tests.helpers.loading import load_document  # noqa: E402


class _NoScores:
    """Stands in for the CTranslate2 translator: the same call, without ``return_scores``."""

    def __init__(self, translator: Any) -> None:
        self._translator = translator

    def translate_batch(self, *args: Any, **kwargs: Any) -> Any:
        kwargs["return_scores"] = False
        return self._translator.translate_batch(*args, **kwargs)


@contextmanager
def _scores_off(engine: Engine) -> Iterator[None]:
    """Translate without scores while inside."""
    if hasattr(engine, "_translator"):
        real = engine._translator
        engine._translator = _NoScores(real)
        try:
            yield
        finally:
            engine._translator = real
        return
    from transformers import LogitsProcessor

    class Idle(LogitsProcessor):
        seen: dict[Any, Any] = {}

        def __call__(self, input_ids: Any, scores: Any) -> Any:
            return scores

    real_factory = transformers_engine.step_scores_processor
    transformers_engine.step_scores_processor = lambda beams, eos: Idle()  # type: ignore[assignment]
    try:
        yield
    finally:
        transformers_engine.step_scores_processor = real_factory  # type: ignore[assignment]


def _seconds(engine: Engine, sentences: list[str]) -> tuple[float, float]:
    """Wall-clock and CPU seconds (all threads of this process) of one run."""
    started, cpu = time.perf_counter(), time.process_time()
    results = [r for batch in engine.translate(sentences) for r in batch]
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    if len(results) != len(sentences) or not all(r.ok for r in results):
        raise SystemExit(f"translation went wrong: {results}")
    return seconds, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--workdir", type=Path, help="where to build/reuse the model (default: user cache)")
    parser.add_argument("--beams", type=int, nargs="+", default=[1, 4])
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--repeat", type=int, default=3, help="runs of each; the best is shown")
    parser.add_argument("--engines", nargs="+", default=["ct2-int8", "transformers"])
    args = parser.parse_args()
    model = ensure_fullshape_model(args.workdir or default_folder())
    sentences = [s.text for s in load_document(SEED).iter_segments()]
    print(f"seed: {len(sentences)} sentences × {FORCED_TOKENS} forced output tokens, batch {args.batch_size}")
    print(f"load average before: {_load()}\n")
    print("| engine | beams | with scores: s (CPU s) | without: s (CPU s) | cost, wall | cost, CPU |")
    print("|---|---:|---:|---:|---:|---:|")
    for name in args.engines:
        for beams in args.beams:
            engine = _engine(model, beams, args.batch_size, True, name)
            on = off = (float("inf"), float("inf"))
            for _ in range(max(1, args.repeat)):
                on = min(on, _seconds(engine, sentences))
                with _scores_off(engine):
                    off = min(off, _seconds(engine, sentences))
            wall = 100 * (on[0] - off[0]) / off[0]
            cpu = 100 * (on[1] - off[1]) / off[1]
            print(
                f"| {name} | {beams} | {on[0]:.2f} ({on[1]:.2f}) | {off[0]:.2f} ({off[1]:.2f}) "
                f"| {wall:+.1f} % | {cpu:+.1f} % |",
                flush=True,
            )
            engine.close()
    print(f"\nload average after: {_load()} (other work on the machine inflates these timings)")


if __name__ == "__main__":
    main()
