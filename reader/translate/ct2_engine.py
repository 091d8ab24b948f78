"""The same MarianMT checkpoint on CTranslate2 (int8 by default): about 4× the transformers engine's speed.

Everything that decides the output is shared with the transformers engine so the two stay
equivalent (greedy float32 output is identical token for token): MarianTokenizer pieces in
and out through :mod:`marian_tokens` (Moses normalisation, vocab.json ids, ``</s>`` appended
here because the converter does not add it), the per-sentence output cap and repetition guard
of :mod:`generation`, and the long-sentence splitting and length-sorted batching of
:mod:`batching`. The model is converted once into the user cache (see :mod:`ct2_convert`).

CTranslate2 takes one length limit per call, while the cap is per sentence: a batch is cut into
length-sorted buckets (:func:`length_buckets`), each decoded up to its own longest cap, and each
hypothesis is then cut to its own. For greedy decoding that is exactly what the transformers
engine produces; with beams the best beam is picked at the bucket's length, which only matters
for runaway sentences that hit the cap anyway (so is the score of such a sentence: it covers
the steps decoded past its cap). Random-weight models never stop by themselves, so in tests and
benchmarks every length is decided by the cap.

Threads: one CTranslate2 replica per core (``inter_threads`` = cores, ``intra_threads`` = 1).
The buckets are all queued at once (``asynchronous=True``), about two per replica, and each
replica takes the next as soon as it is free (they share the weights): one call holding the
whole batch used to decode every sentence to the longest cap and left one replica idle while
the other finished the longer half. At our batch sizes a decoding step is a handful of small matrix products;
splitting each across cores costs more in synchronisation than it gains: measured on 2 cores
with the opus-mt-ar-en shape (int8), 3 sentences at beam 4 took 1.23 s with 2 intra threads and
0.70 s as 2 + 1 sentences on two replicas, and the 15-sentence seed 2.55 s against 1.79 s
(beam 1: 1.71 s against 0.83 s). A bucket keeps at least two sentences while there are enough
(three sentences go as 2 + 1, not 1 + 1 + 1): larger batches amortise reading the weights at
every step.

Neither torch nor transformers is imported for an opus-mt layout: only ctranslate2 and
sentencepiece (see :mod:`marian_sp`; other tokenizer layouts load transformers' MarianTokenizer).
"""

from __future__ import annotations

import json
import logging
import math
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from reader.errors import BadInput, first_line
from reader.translate.batching import Piece, PieceOutput, PieceTranslation
from reader.translate.compute_priority import made_at_lower_priority
from reader.translate.ct2_convert import QUANTIZATIONS, Ct2Unavailable, ensure_converted
from reader.translate.device import choose_device
from reader.translate.generation import MAX_INPUT_TOKENS, GenerationOptions
from reader.translate.marian_engine import MarianEngine, available_cores
from reader.translate.marian_sp import load_marian_tokenizer
from reader.translate.marian_tokens import decode_target
from reader.translate.model_access import require_model
from reader.translate.model_location import Progress
from reader.translate.native_preload import preload_ctranslate2
from reader.translate.protocol import EngineSettings
from reader.window_priority import step_aside

log = logging.getLogger(__name__)
ENGINE_NAME = "ct2"
TOKENS_PER_CALL = 4096
"""Source tokens (longest × sentences) one CTranslate2 bucket holds at most; more are split."""
BUCKETS_PER_REPLICA = 2


def ct2_identity(quantization: str) -> str:
    """The cache identity of CTranslate2 output: int8 may differ slightly from float32."""
    return f"{ENGINE_NAME}-{quantization}"


def check_quantization(quantization: str) -> str:
    """``quantization`` if CTranslate2 supports it here, else :class:`BadInput` naming the choices."""
    if quantization not in QUANTIZATIONS:
        raise BadInput(f"unknown quantization '{quantization}' (choose from {', '.join(QUANTIZATIONS)})")
    return quantization


def model_generation_defaults(folder: Path) -> dict[str, Any]:
    """The checkpoint's own decoding settings (generation_config.json, else config.json)."""
    for name in ("generation_config.json", "config.json"):
        try:
            data = json.loads((folder / name).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if isinstance(data, dict) and "num_beams" in data:
            return data
    return {}


def length_buckets(limits: list[int], lengths: list[int], replicas: int) -> list[tuple[list[int], int]]:
    """Sentence indexes grouped for decoding, each group with its own length limit (its largest).

    Sorted by limit, so a bucket decodes little past any of its sentences' caps; about two
    buckets per replica, so a replica that finishes a short bucket takes the next instead of
    waiting for the other's long one, but at least two sentences a bucket while there are two
    per replica; never more than :data:`TOKENS_PER_CALL` source tokens.
    """
    if not limits:
        return []
    order = sorted(range(len(limits)), key=lambda i: (limits[i], lengths[i], i))
    count, replicas = len(order), max(1, replicas)
    buckets = count if count <= replicas else min(BUCKETS_PER_REPLICA * replicas, math.ceil(count / 2))
    largest = max(1, TOKENS_PER_CALL // max(max(lengths), 1))
    buckets = max(buckets, math.ceil(count / largest))
    # Sizes differ by one at most: 25 sentences on 6 replicas are 12 buckets of 2-3, not 9 of 3.
    size, bigger = divmod(count, buckets)
    starts = [k * size + min(k, bigger) for k in range(buckets + 1)]
    groups = [order[starts[k] : starts[k + 1]] for k in range(buckets)]
    return [(group, max(limits[i] for i in group)) for group in groups]


def ct2_mean_log_prob(result: Any, decoded_limit: int, length_penalty: float) -> float | None:
    """The mean log-probability per token of a result's best hypothesis (``return_scores``).

    CTranslate2 reports the sum of log-probabilities over the hypothesis and its ``</s>`` (none
    when decoding ran to ``decoded_limit``), divided by that length ** ``length_penalty``: checked
    against ``score_batch`` on the tiny model for greedy output that ended and that was cut, and
    for cut beam output. Undone here so every setting gives the same measure.
    """
    if not result.scores:
        return None
    length = len(result.hypotheses[0]) + (0 if len(result.hypotheses[0]) >= decoded_limit else 1)
    return float(result.scores[0]) * float(length**length_penalty) / max(length, 1)


class Ct2Engine(MarianEngine):
    """Translate with ``ctranslate2.Translator``; implements the Translator protocol.

    Construction is free; :meth:`load` locates the checkpoint (downloading it if needed),
    converts it on first use and loads it. Raises :class:`Ct2Unavailable` when CTranslate2 itself
    is the problem (so ``auto`` can fall back), :class:`ModelUnavailable` when the model is.
    """

    def __init__(self, settings: EngineSettings, options: GenerationOptions | None = None) -> None:
        super().__init__(settings, options)
        self.quantization = check_quantization(settings.quantization)
        self.beams = 0
        self._length_penalty = 1.0
        self._translator: Any = None
        self.last_attention: list[Any] = []
        self.last_scores: list[float | None] = []
        self.last_cut: list[bool] = []

    @property
    def cache_identity(self) -> str:
        return ct2_identity(self.quantization)

    @property
    def description(self) -> str:
        return f"{self.settings.model} · {ENGINE_NAME} {self.quantization}"

    def load(self, progress: Progress | None = None) -> None:
        """Locate, convert if needed, and load the model; idempotent."""
        if self.loaded:
            return
        location = require_model(self.settings.model, progress)
        preload_ctranslate2()  # its library's load, without holding the GIL
        try:
            import ctranslate2
        except ImportError as error:
            raise Ct2Unavailable(f"CTranslate2 is not installed ({error})") from error
        tokenizers: list[Any] = []

        def load_tokenizer() -> None:  # while the converter child works, on first use
            try:
                tokenizers.append(load_marian_tokenizer(location.folder))
            except Exception as error:  # as a damaged conversion: auto tries transformers
                raise Ct2Unavailable(
                    f"CTranslate2 could not load the tokenizer of '{self.settings.model}': {first_line(error)}"
                ) from error

        folder = ensure_converted(location, self.quantization, progress, meanwhile=load_tokenizer)
        if progress is not None:
            progress(f"loading {self.settings.model}", None)
        device = choose_device(self.settings.device, ctranslate2.get_cuda_device_count())
        try:
            translator = made_at_lower_priority(  # its replicas yield a CPU to the GIL's holder
                lambda: ctranslate2.Translator(
                    str(folder),
                    device=device,
                    compute_type=self.quantization,
                    inter_threads=available_cores(),  # one replica per core: see the module docstring
                    intra_threads=1,
                )
            )
        except Exception as error:  # a damaged conversion or an unsupported CPU: let auto fall back
            raise Ct2Unavailable(
                f"CTranslate2 could not load '{self.settings.model}': {first_line(error)} "
                f"(deleting {folder} makes the next run convert it again)"
            ) from error
        tokenizer = tokenizers[0]
        defaults = model_generation_defaults(location.folder)
        self.beams = self.options.beams or int(defaults.get("num_beams") or 1)
        self._length_penalty = float(defaults.get("length_penalty") or 1.0)
        self._translator, self.location = translator, location
        self._tokenizer = tokenizer  # last: it marks the engine as loaded
        log.info(
            "loaded %s from %s (%s, %d single-threaded replicas)",
            self.settings.model,
            folder,
            self.quantization,
            available_cores(),
        )
        if progress is not None:
            progress(f"loaded {self.settings.model}", 1.0)

    def close(self) -> None:
        super().close()
        self._translator = None

    def translate_pieces(self, pieces: list[Piece]) -> Sequence[PieceTranslation]:
        """Translate one batch of pieces: each text with its score, whether it was cut at the cap,
        and its word alignment when asked for."""
        convert = self._tokenizer.convert_tokens_to_ids
        texts = [p.text for p in pieces]
        tokens = self.generate_tokens(texts)
        decoded = [decode_target(self._tokenizer, convert(t)) for t in tokens]
        attentions = self.last_attention if self.settings.alignment else [None] * len(texts)
        eos = self._tokenizer.eos_token
        outputs: list[PieceTranslation] = []
        for source, t, attention, text, score, cut in zip(
            texts, tokens, attentions, decoded, self.last_scores, self.last_cut, strict=True
        ):
            alignment = None
            if self.settings.alignment:
                step_aside()
                source_tokens = [p for p in self.encoded(source).tokens if p != eos]
                alignment = self.align_pieces(source_tokens, t, attention, source, text)
            # The mean is over the generated tokens and the </s> that ended them (none when cut).
            outputs.append(PieceOutput(text, alignment, score, len(t) + (0 if cut else 1), cut))
        return outputs

    def n_best(self, text: str, count: int) -> list[tuple[str, float]]:
        """CTranslate2's ``num_hypotheses`` with ``return_scores``; with ``length_penalty`` 1 a
        score is the sum of log-probabilities over the length (the mean per token)."""
        source = self.encoded(text).tokens
        limit = self.options.cap_for(len(source)) - 1
        result = self._translator.translate_batch(
            [source],
            beam_size=max(self.beams, count),
            num_hypotheses=count,
            return_scores=True,
            length_penalty=1.0,
            no_repeat_ngram_size=self.options.no_repeat_ngram_size,
            max_decoding_length=limit,
            max_input_length=MAX_INPUT_TOKENS,
        )[0]
        convert = self._tokenizer.convert_tokens_to_ids
        return [
            (decode_target(self._tokenizer, convert(list(tokens[:limit]))), float(score))
            for tokens, score in zip(result.hypotheses, result.scores, strict=True)
        ]

    def forced_attention(self, sources: list[list[int]], targets: list[list[int]]) -> list[Any]:
        """The targets as a forced prefix (``</s>`` left for the model), one greedy step past it;
        the attention rows of the prefix are the ones wanted."""
        tokens = self._tokenizer.convert_ids_to_tokens
        eos = self._tokenizer.eos_token_id
        prefixes = [tokens([i for i in target if i != eos]) for target in targets]
        results = self._translator.translate_batch(
            [tokens(source) for source in sources],
            target_prefix=prefixes,
            beam_size=1,
            max_decoding_length=max(len(p) for p in prefixes) + 1,
            max_input_length=MAX_INPUT_TOKENS,
            return_attention=True,
        )
        return [result.attention[0][: len(p)] for result, p in zip(results, prefixes, strict=True)]

    def generate_tokens(self, texts: list[str]) -> list[list[str]]:
        """Generated target pieces for each text (without ``</s>``), each within its own cap.

        With ``settings.alignment``, ``last_attention`` then holds each hypothesis's attention
        (target steps × source tokens, CTranslate2's alignment head of the last layer).
        ``last_scores`` holds each hypothesis's mean log-probability per token and ``last_cut``
        whether it reached its cap (see :func:`ct2_mean_log_prob`).
        """
        self.load()
        sources = [self.encoded(t).tokens for t in texts]
        forced = self.options.forced_output_tokens
        if forced is not None:
            # Benchmarks: the same number of decoding steps as the transformers engine's forced run.
            limits = [forced] * len(sources)
            shortest = forced
        else:
            # The cap counts the final </s>; CTranslate2's length limit counts only real tokens.
            limits = [self.options.cap_for(len(source)) - 1 for source in sources]
            shortest = 0  # like transformers: </s> may come first
        buckets = length_buckets(limits, [len(source) for source in sources], available_cores())
        submitted = [
            (bucket, cap, self._submit([sources[i] for i in bucket], cap, shortest))
            for bucket, cap in buckets
        ]
        results: list[Any] = [None] * len(sources)
        decoded = [0] * len(sources)  # the steps each sentence's bucket decoded
        for bucket, cap, futures in submitted:
            for i, future in zip(bucket, futures, strict=True):
                results[i], decoded[i] = future.result(), cap
        self.last_cut = [
            len(result.hypotheses[0]) >= limit for result, limit in zip(results, limits, strict=True)
        ]
        self.last_scores = [
            ct2_mean_log_prob(result, steps, self._length_penalty)
            for result, steps in zip(results, decoded, strict=True)
        ]
        if self.settings.alignment:
            import numpy as np  # loaded with CTranslate2 already

            # CTranslate2 hands attention over as nested lists, a list per target step: kept as
            # such for a batch, they are hundreds of thousands of references that every young
            # collection of the cycle collector walks (5-8 ms each, holding the GIL the window
            # waits for). Each becomes one array at once, and its lists are freed.
            self.last_attention = []
            for result, limit in zip(results, limits, strict=True):
                step_aside()  # each conversion holds the GIL: the window's work first
                self.last_attention.append(np.array(result.attention[0][:limit], dtype=np.float32))
        return [list(result.hypotheses[0][:limit]) for result, limit in zip(results, limits, strict=True)]

    def _submit(self, sources: list[list[str]], cap: int, shortest: int) -> list[Any]:
        """One bucket queued on CTranslate2's replicas (``asynchronous``): a future per sentence."""
        futures: list[Any] = self._translator.translate_batch(
            sources,
            asynchronous=True,
            beam_size=self.beams,
            length_penalty=self._length_penalty,
            no_repeat_ngram_size=self.options.no_repeat_ngram_size,
            max_decoding_length=cap,
            min_decoding_length=shortest,
            max_input_length=MAX_INPUT_TOKENS,
            max_batch_size=len(sources),
            batch_type="examples",
            return_attention=self.settings.alignment,
            return_scores=True,
        )
        return futures
