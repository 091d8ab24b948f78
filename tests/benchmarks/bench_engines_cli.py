"""Benchmark: ct2 against transformers end to end through the CLI, peak memory, and first-sentence latency.

Run: ``.venv/bin/python tests/benchmarks/bench_engines_cli.py [--workdir DIR] [--beams 4] [--repeat 2]``.

1. ``python -m reader translate SEED --model FULLSHAPE --engine E --beams N --no-cache --timings`` for
   each engine, alternating, best of ``--repeat``: wall time, the command's own ``timings:`` line
   (model ready / seed translated, so start-up and model load are separated from translation), and
   the peak RSS of that process (``os.wait4``). The random-weight model never emits ``</s>``, so
   every sentence runs to its cap (1.5 × source pieces + 10): with the benchmark tokenizer's
   realistic 1.45 pieces per Arabic word that is 52–94 pieces per seed sentence (70 on average),
   still ~1.7× a real English translation's length (≈ 1.2 pieces × 27 words + </s>).
1b. Raw CTranslate2 on the same pieces to the same caps (the engine's tokens, one call per
   length-sorted bucket of 4 or 8 sentences or one call for all, queued asynchronously: the
   fastest is "raw"), and the CLI's ct2 generation as a share of it, with sentences/s and
   generated tokens/s (every output runs to its cap).
2. Visible first: what the window does once the model is ready (its first chunk of
   ``FIRST_CHUNK`` on-screen sentences) timed until the first English sentence is back, at the
   random model's caps and at a realistic 45 output tokens.

``--raw-ratio PAIRS`` measures only 1b, as alternating pairs (raw first in even pairs, the CLI
first in odd ones) so both see the same load on a shared machine, with the load average beside
each pair. Raw runs in a fresh process like the CLI: its first decoding call there ("cold": the
seed is one batch, so the CLI's one call is its process's first too) and its second ("warm"),
both with the engine's buckets, one sample each like the CLI's; and, for the layout, the best of
the engine's buckets, buckets of 4 and 8 and one call for all.

``--first-use N`` measures only first use: N fresh processes per model (the tiny test model and
the full-shape one, alternating), each with an empty user cache, so each converts the model
for CTranslate2, loads it and its tokenizer, and translates the seed's first sentence; it prints
the seconds from the start of the script to the model being ready and to that English, and
whether transformers was imported on the way (:mod:`reader.translate.marian_sp` avoids it).

The ct2 model is converted (untimed) before anything is measured.
"""

from __future__ import annotations

import time

STARTED = time.perf_counter()  # first use counts the imports below

import argparse  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import re  # noqa: E402
import statistics  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
from pathlib import Path  # noqa: E402

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from reader.translate.ct2_engine import Ct2Engine  # noqa: E402
from reader.translate.generation import GenerationOptions  # noqa: E402
from reader.translate.protocol import EngineSettings  # noqa: E402
from reader.translate.queue import FIRST_CHUNK, VisibleFirstQueue  # noqa: E402 (plain Python, no Qt)
from reader.translate.transformers_engine import TransformersEngine  # noqa: E402
from tests.benchmarks.fullshape_model import (  # noqa: E402
    default_folder,
    ensure_fullshape_model,
    pieces_per_word,
)
from tests.helpers.loading import load_document  # noqa: E402

SEED = REPO / "seeds" / "news_us_russia_talks_switzerland.ar.txt"
TIMINGS = re.compile(
    r"model ready in ([\d.]+) s; first batch (?:([\d.]+) s|n/a) later; \d+ sentences translated in ([\d.]+) s"
)


def first_use_child(model: Path) -> None:
    """In a fresh process with an empty cache: seconds to the engine loaded and to the first English."""
    loaded = time.perf_counter()
    engine = Ct2Engine(EngineSettings(model=str(model), engine="ct2"))
    engine.load()
    ready = time.perf_counter()
    first = next(load_document(SEED).iter_segments()).text
    next(iter(engine.translate([first])))
    done = time.perf_counter()
    print(
        json.dumps(
            {
                "ready": ready - STARTED,
                "english": done - STARTED,
                "imports": loaded - STARTED,
                "transformers": "transformers" in sys.modules,
            }
        )
    )


def first_use(models: dict[str, Path], runs: int) -> None:
    """:func:`first_use_child` for each model in turn, *runs* times, each with a fresh cache."""
    print(
        "\nFirst use: a fresh process and an empty cache (conversion included), the seed's first sentence\n"
    )
    print(
        "| model | run | load 1 min | imports s | model ready s | first English s | transformers imported |"
    )
    print("|---|---:|---:|---:|---:|---:|---|")
    for run in range(runs):
        for name, model in models.items():
            with tempfile.TemporaryDirectory() as cache:
                command = [sys.executable, __file__, "--first-use-child", str(model)]
                environment = {**os.environ, "BIREADER_CACHE_DIR": cache, "HF_HUB_OFFLINE": "1"}
                load = os.getloadavg()[0]
                done = subprocess.run(
                    command, cwd=REPO, capture_output=True, text=True, env=environment, check=False
                )
            if done.returncode:
                raise SystemExit(f"first use failed ({done.returncode}): {done.stderr.strip()[-400:]}")
            result = json.loads(done.stdout.strip().splitlines()[-1])
            print(
                f"| {name} | {run + 1} | {load:.1f} | {result['imports']:.2f} | {result['ready']:.2f} | "
                f"{result['english']:.2f} | {'yes' if result['transformers'] else 'no'} |",
                flush=True,
            )


def run_cli(model: Path, engine: str, beams: int) -> dict[str, float]:
    """One CLI run: wall seconds, ready/translate seconds from its timings line, peak RSS in MB."""
    command = [sys.executable, "-m", "reader", "translate", str(SEED), "--model", str(model)]
    command += ["--engine", engine, "--beams", str(beams), "--no-cache", "--timings"]
    started = time.perf_counter()
    child = subprocess.Popen(command, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    assert child.stderr is not None
    errors = child.stderr.read()
    _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    wall = time.perf_counter() - started
    found = TIMINGS.search(errors)
    if child.returncode != 0 or found is None:
        raise SystemExit(f"{engine} run failed ({child.returncode}): {errors.strip()}")
    return {
        "wall": wall,
        "ready": float(found.group(1)),
        "translate": float(found.group(3)),
        "rss_mb": usage.ru_maxrss / 1024,  # kilobytes on Linux
    }


def raw_runs(model: Path, beams: int, repeat: int) -> dict[str, float]:
    """Seconds raw CTranslate2 takes for the seed's pieces, each bucket to its own longest cap:
    ``cold`` is this process's first call and ``warm`` its second (both with the engine's own
    buckets, as the CLI's one call), ``best`` the best of *repeat* more calls over the engine's
    buckets and buckets of 4, 8 and all (is the engine's bucketing the fastest layout?)."""
    from reader.translate.batching import plan_pieces
    from reader.translate.ct2_engine import length_buckets
    from reader.translate.generation import MAX_INPUT_TOKENS
    from reader.translate.marian_engine import available_cores

    engine = Ct2Engine(EngineSettings(model=str(model), engine="ct2", beams=beams))
    engine.load()
    texts = [s.text for s in load_document(SEED).iter_segments()]
    pieces, _ = plan_pieces(texts, engine.count_tokens, engine.options.split_limit())
    sources = sorted((engine.encoded(p.text).tokens for p in pieces), key=len)
    caps = [engine.options.cap_for(len(source)) - 1 for source in sources]
    settings = {
        "beam_size": engine.beams,
        "no_repeat_ngram_size": engine.options.no_repeat_ngram_size,
        "max_input_length": MAX_INPUT_TOKENS,
        "return_scores": True,
        "asynchronous": True,
    }
    own = [group for group, _cap in length_buckets(caps, [len(s) for s in sources], available_cores())]

    def run(groups: list[list[int]]) -> float:
        started = time.perf_counter()
        futures = [
            engine._translator.translate_batch(
                [sources[i] for i in group], max_decoding_length=max(caps[i] for i in group), **settings
            )
            for group in groups
        ]
        for bucket in futures:
            for future in bucket:
                future.result()
        return time.perf_counter() - started

    every = list(range(len(sources)))
    layouts = [own] + [
        [every[k : k + size] for k in range(0, len(every), size)] for size in (4, 8, len(every))
    ]
    cold, warm = run(own), run(own)
    best = min(run(groups) for groups in layouts for _ in range(max(1, repeat)))
    return {"cold": cold, "warm": warm, "best": min(warm, best)}


def raw_generation(model: Path, beams: int, repeat: int) -> float:
    """Best seconds raw CTranslate2 takes for the seed's pieces (see :func:`raw_runs`)."""
    return raw_runs(model, beams, repeat)["best"]


def raw_in_child(model: Path, beams: int) -> dict[str, float]:
    """:func:`raw_runs` in a fresh process, as the CLI runs: its first call is as cold as the CLI's."""
    command = [sys.executable, __file__, "--raw-child", str(model), "--beams", str(beams)]
    done = subprocess.run(command, cwd=REPO, capture_output=True, text=True, check=False)
    if done.returncode:
        raise SystemExit(f"raw run failed ({done.returncode}): {done.stderr.strip()[-400:]}")
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def raw_ratio(model: Path, beams: int, pairs: int) -> None:
    """Alternating raw / CLI pairs (see the module docstring), each with the load average."""
    sentences = len(load_document(SEED))
    tokens = sum(c - 1 for c in cap_list(model))
    print(f"\nRaw CTranslate2 and the CLI, the same {sentences} sentences to the same caps ({tokens} tokens)")
    print(f"beam {beams}; each pair run back to back, alternating which goes first\n")
    print(
        "| pair | load 1 min | raw cold s | raw warm s | raw best layout s | CLI s | CLI tokens/s "
        "| CLI / raw cold | CLI / raw warm |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    shares: list[tuple[float, float]] = []
    for pair in range(pairs):
        load = os.getloadavg()[0]
        if pair % 2 == 0:
            raw = raw_in_child(model, beams)
            cli = run_cli(model, "ct2", beams)["translate"]
        else:
            cli = run_cli(model, "ct2", beams)["translate"]
            raw = raw_in_child(model, beams)
        load = (load + os.getloadavg()[0]) / 2
        shares.append((raw["cold"] / cli, raw["warm"] / cli))
        print(
            f"| {pair + 1} | {load:.1f} | {raw['cold']:.2f} | {raw['warm']:.2f} | {raw['best']:.2f} | {cli:.2f} | "
            f"{tokens / cli:.0f} | {shares[-1][0]:.0%} | {shares[-1][1]:.0%} |",
            flush=True,
        )
    cold = statistics.median(s[0] for s in shares)
    warm = statistics.median(s[1] for s in shares)
    print(f"\nCLI ct2 generation, median over {pairs} pairs: {cold:.0%} of raw cold, {warm:.0%} of raw warm")


def first_sentence_latency(
    model: Path, engine: str, beams: int, forced: int | None, first_chunk: int
) -> float:
    """Seconds from "model ready" to the first English sentence of the window's first chunk."""
    settings = EngineSettings(model=str(model), engine=engine, beams=beams, batch_size=16)
    options = GenerationOptions(beams=beams, forced_output_tokens=forced)
    translator = Ct2Engine(settings, options) if engine == "ct2" else TransformersEngine(settings, options)
    translator.load()
    list(translator.translate(["قالت المصادر"]))  # warm-up, as a window would have by its second document
    texts = [s.text for s in load_document(SEED).iter_segments()]
    queue = VisibleFirstQueue(range(len(texts)), chunk_size=16, first_chunk=first_chunk, visible=range(8))
    started = time.perf_counter()
    chunk = queue.take()
    batches = translator.translate([texts[i] for i in chunk])
    next(batches)
    seconds = time.perf_counter() - started
    batches.close()
    return seconds


def cap_list(model: Path) -> list[int]:
    """Every seed piece's output cap (``</s>`` counted), as the engine computes it."""
    from reader.translate.batching import plan_pieces

    engine = Ct2Engine(EngineSettings(model=str(model), engine="ct2"))
    pieces, _ = plan_pieces(
        [s.text for s in load_document(SEED).iter_segments()],
        engine.count_tokens,
        engine.options.split_limit(),
    )
    return [engine.options.cap_for(engine.count_tokens(p.text)) for p in pieces]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--workdir", type=Path, help="where to build/reuse the model (default: user cache)")
    parser.add_argument("--beams", type=int, default=4)
    parser.add_argument("--repeat", type=int, default=3, help="runs per engine; the best is shown")
    parser.add_argument(
        "--chunks",
        type=int,
        nargs="+",
        default=[1, 2, 3],
        help="first-chunk sizes to time (window: FIRST_CHUNK)",
    )
    parser.add_argument("--latency-engines", nargs="+", default=["ct2", "transformers"])
    parser.add_argument("--raw-ratio", type=int, metavar="PAIRS", help="only the CLI / raw ct2 share")
    parser.add_argument("--raw-child", type=Path, help=argparse.SUPPRESS)  # raw_in_child's process
    parser.add_argument("--first-use", type=int, metavar="RUNS", help="only first use, fresh caches")
    parser.add_argument("--first-use-child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.raw_child is not None:
        print(json.dumps(raw_runs(args.raw_child, args.beams, 1)))
        return
    if args.first_use_child is not None:
        first_use_child(args.first_use_child)
        return

    model = ensure_fullshape_model(args.workdir or default_folder())
    started = time.perf_counter()
    Ct2Engine(EngineSettings(model=str(model), engine="ct2")).load()  # converts on first use
    print(f"model: {model}; ct2 int8 model ready in {time.perf_counter() - started:.1f} s (untimed below)")
    if args.raw_ratio:
        raw_ratio(model, args.beams, args.raw_ratio)
        return
    if args.first_use:
        from tests.helpers.tiny_marian import build_tiny_marian

        with tempfile.TemporaryDirectory() as folder:
            tiny = build_tiny_marian(Path(folder) / "tiny")
            first_use({"tiny": tiny, "full shape": model}, args.first_use)
        return
    words, pieces, ratio = pieces_per_word(model)
    print(f"seed source tokens: {words:.1f} words, {pieces:.1f} pieces a sentence = {ratio:.2f} pieces/word")

    runs: dict[str, list[dict[str, float]]] = {"ct2": [], "transformers": []}
    for _ in range(max(1, args.repeat)):
        for engine in runs:  # alternating: slow phases of a shared machine hit both
            runs[engine].append(run_cli(model, engine, args.beams))
    print(
        f"\nCLI, seed (15 sentences), beam {args.beams}, --no-cache; best of {args.repeat} (peak RSS: max)\n"
    )
    print("| engine | wall s | model ready s | seed translated s | peak RSS MB |")
    print("|---|---:|---:|---:|---:|")
    best = {}
    for engine, results in runs.items():
        best[engine] = min(r["translate"] for r in results)
        wall = min(r["wall"] for r in results)
        ready = min(r["ready"] for r in results)
        rss = max(r["rss_mb"] for r in results)
        print(f"| {engine} | {wall:.2f} | {ready:.2f} | {best[engine]:.2f} | {rss:.0f} |")
    print(f"\nct2 speed-up on the translation itself: {best['transformers'] / best['ct2']:.1f}×")

    raw = raw_generation(model, args.beams, args.repeat)
    sentences = len(load_document(SEED))
    tokens = sum(c - 1 for c in cap_list(model))
    print(
        f"\nRaw CTranslate2, the same {sentences} sentences to the same caps ({tokens} tokens), beam {args.beams}\n"
    )
    print("| run | seconds | sentences/s | tokens/s |")
    print("|---|---:|---:|---:|")
    for name, seconds in (("raw", raw), ("CLI ct2", best["ct2"])):
        print(f"| {name} | {seconds:.2f} | {sentences / seconds:.2f} | {tokens / seconds:.0f} |")
    print(f"\nCLI ct2 generation: {100 * raw / best['ct2']:.0f} % of raw CTranslate2")

    print(f"\nFirst English sentence after the model is ready (the window's first chunk is {FIRST_CHUNK})\n")
    print("| engine | beams | output length | first chunk | seconds |")
    print("|---|---:|---|---:|---:|")
    for engine in args.latency_engines:
        for beams in sorted({1, args.beams}):
            for forced, label in ((None, "cap (random model)"), (45, "45 tokens (realistic)")):
                for chunk in sorted({*args.chunks, FIRST_CHUNK}):
                    seconds = min(
                        first_sentence_latency(model, engine, beams, forced, chunk) for _ in range(3)
                    )
                    print(f"| {engine} | {beams} | {label} | {chunk} | {seconds:.2f} |", flush=True)


if __name__ == "__main__":
    main()
