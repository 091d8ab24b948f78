"""Benchmark: what word alignment adds to translation, on the opus-mt-ar-en-shaped model.

Run: ``.venv/bin/python tests/benchmarks/bench_alignment.py [--engines ct2-int8 transformers]``
(or ``bench_find.py --alignment``). Translates the seed (every output forced to the same
length, as bench_translate.py does) in batches of 16 at beam 4, with and without
``EngineSettings.alignment``, alternating runs, and prints the best of each and the added share.
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
from reader.translate.protocol import EngineSettings  # noqa: E402
from reader.translate.transformers_engine import TransformersEngine  # noqa: E402
from tests.benchmarks.fullshape_model import default_folder, ensure_fullshape_model  # noqa: E402
from tests.helpers.loading import load_document  # noqa: E402

SEED = REPO / "seeds" / "news_us_russia_talks_switzerland.ar.txt"
FORCED_TOKENS = 45


def _engine(model: Path, name: str, alignment: bool, beams: int) -> Ct2Engine | TransformersEngine:
    kind, _, quantization = name.partition("-")
    settings = EngineSettings(
        model=str(model), engine=kind, quantization=quantization or "int8", beams=beams, alignment=alignment
    )
    options = GenerationOptions(beams=beams, forced_output_tokens=FORCED_TOKENS)
    engine = Ct2Engine(settings, options) if kind == "ct2" else TransformersEngine(settings, options)
    engine.load()
    list(engine.translate(["قالت المصادر"]))  # warm-up
    return engine


def _seconds(engine: Ct2Engine | TransformersEngine, sentences: list[str]) -> float:
    started = time.perf_counter()
    results = [r for batch in engine.translate(sentences) for r in batch]
    seconds = time.perf_counter() - started
    aligned = engine.settings.alignment
    if not all(r.ok and (r.alignment is not None) == aligned for r in results):
        raise SystemExit("translation went wrong")
    return seconds


def bench_alignment(engines: list[str] | None = None, repeat: int = 3, beams: int = 4) -> None:
    model = ensure_fullshape_model(default_folder())
    sentences = [s.text for s in load_document(SEED).iter_segments()]
    print(
        f"\nalignment cost: {len(sentences)} seed sentences, batch 16, beam {beams}, {FORCED_TOKENS} tokens each"
    )
    print("| engine | without (s) | with alignment (s) | added |")
    print("|---|---:|---:|---:|")
    for name in engines or ["ct2-int8", "transformers"]:
        plain, aligned = _engine(model, name, False, beams), _engine(model, name, True, beams)
        times: dict[bool, list[float]] = {False: [], True: []}
        for _ in range(repeat):  # alternate, so machine load hits both alike
            times[False].append(_seconds(plain, sentences))
            times[True].append(_seconds(aligned, sentences))
        without, with_ = min(times[False]), min(times[True])
        print(f"| {name} | {without:.2f} | {with_:.2f} | {100 * (with_ / without - 1):+.1f} % |", flush=True)
        plain.close()
        aligned.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--engines", nargs="+", default=["ct2-int8", "transformers"])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--beams", type=int, default=4)
    args = parser.parse_args()
    bench_alignment(args.engines, args.repeat, args.beams)


if __name__ == "__main__":
    main()
