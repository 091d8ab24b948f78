"""The Arabic→English MarianMT checkpoints the reader knows, with what a reader needs to choose one.

Quality figures are quoted from each model's published scores (with their test set, since
BLEU on different test sets cannot be compared). Sizes are those of random-weight models of the
same shape built by ``tests/benchmarks/bench_models.py`` (float32 safetensors plus tokenizer; the
tc-big one with opus-mt's vocabulary, its own is not readable offline): what a download fetches
when the hub holds float32 weights.
Speeds and memory are measured on 2 CPU cores and quoted in the README's model table.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class KnownModel:
    """One catalogue entry."""

    model_id: str
    summary: str
    licence: str
    approx_bytes: int
    quality: str
    quality_source: str


DEFAULT_MODEL = "Helsinki-NLP/opus-mt-ar-en"

CATALOGUE: tuple[KnownModel, ...] = (
    KnownModel(
        DEFAULT_MODEL,
        "OPUS-MT transformer-base (512 wide, 6+6 layers): the default, fast",
        "Apache-2.0",
        308_000_000,
        "BLEU 49.4 on Tatoeba.ar.en",
        "https://huggingface.co/Helsinki-NLP/opus-mt-ar-en",
    ),
    KnownModel(
        "Helsinki-NLP/opus-mt-tc-big-ar-en",
        "OPUS-MT transformer-big (1024 wide, 6+6 layers): stronger, slower",
        "CC-BY-4.0",
        965_000_000,
        "BLEU 42.6 on FLORES-101 devtest, 47.3 on Tatoeba-test-v2021-08-07",
        "https://github.com/Helsinki-NLP/Tatoeba-Challenge/tree/master/models/ara-eng "
        "(opusTCv20210807+bt_transformer-big_2022-03-09)",
    ),
)


def known_model(model_id: str) -> KnownModel | None:
    """The catalogue entry for ``model_id`` (exact hub id), or None."""
    return next((entry for entry in CATALOGUE if entry.model_id == model_id), None)
