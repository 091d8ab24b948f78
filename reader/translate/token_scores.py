"""Each generated sentence's mean log-probability per token from transformers' ``generate``, cheaply.

``generate(output_scores=True)`` keeps a copy of every step's scores (beams × vocabulary): for a
batch of 16 at beam 4 and opus-mt's 62 k pieces that is 16 MB a step, gigabytes for long
sentences, only to read one number per sentence. A teacher-forced pass over the output would
repeat the encoder and the projection onto the vocabulary (by estimate a quarter of beam-4
decoding).

Instead a logits processor (``StepScores``: after transformers' own processors such as the
repetition guard's mask, before our cap processor forces ``</s>``) keeps, at every step and for
every running hypothesis, only the log-probabilities of that row's few best next pieces and of
``</s>``, under the prefix the row has so far. Beam search always continues a row with one of its ``2 × beams`` best pieces (it
picks the top ``2 × beams`` over all rows), greedy with its best, so once generation ends the
chosen sequence's pieces can be looked up step by step. A piece not found (another processor
forced it) makes the score ``None`` rather than a guess.
"""

from __future__ import annotations

from typing import Any

Prefix = tuple[int, ...]
"""A batch row's index, then the pieces it has so far (the decoder start included)."""


def step_scores_processor(beams: int, eos: int) -> Any:
    """A fresh :class:`StepScores` logits processor (transformers is imported only here)."""
    import torch
    from transformers import LogitsProcessor

    keep = max(2, 2 * beams)

    class StepScores(LogitsProcessor):
        def __init__(self) -> None:
            self.seen: dict[Prefix, dict[int, float]] = {}

        def __call__(self, input_ids: torch.Tensor, scores: torch.Tensor) -> torch.Tensor:
            # Greedy search passes logits, beam search log-probabilities: normalising is harmless
            # for the latter and turns the former into log-probabilities.
            log_probs = torch.log_softmax(scores.float(), dim=-1)
            best = torch.topk(log_probs, min(keep, log_probs.shape[-1]), dim=-1)
            ends = log_probs[:, eos].tolist()
            rows = zip(input_ids.tolist(), best.values.tolist(), best.indices.tolist(), ends, strict=True)
            for flat, (row, values, pieces, end) in enumerate(rows):
                found = dict(zip(pieces, values, strict=True))
                found[eos] = end
                self.seen[(flat // beams, *row)] = found  # rows are batch-major, beams per sentence
            return scores

    return StepScores()


def mean_log_prob(
    seen: dict[Prefix, dict[int, float]], row: int, sequence: list[int], start: int = 1
) -> float | None:
    """The mean log-probability of batch row ``row``'s ``sequence[start:]`` (the generated
    pieces, ``</s>`` included)."""
    total = 0.0
    for position in range(start, len(sequence)):
        step = seen.get((row, *sequence[:position]))
        if step is None or sequence[position] not in step:
            return None
        total += step[sequence[position]]
    count = len(sequence) - start
    return total / count if count > 0 else None
