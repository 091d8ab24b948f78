"""A random-weight MarianMT checkpoint of the shape of Helsinki-NLP/opus-mt-tc-big-ar-en.

tc-big is OPUS-MT's transformer-big (Tatoeba-Challenge ``ara-eng`` release
``opusTCv20210807+bt_transformer-big_2022-03-09``): d_model 1024, 6+6 layers, 16 heads, FFN 4096,
against opus-mt-ar-en's 512 / 6+6 / 8 / 2048. Its vocabulary (two 32k SentencePiece models,
merged) cannot be read here without the hub, so this model keeps opus-mt's 62 834 entries and
the same tokenizer recipe as :mod:`tests.benchmarks.fullshape_model`: both models then see the
same pieces and the same output caps, and the comparison measures the layers' cost alone. The
embeddings and output projection scale with the vocabulary (1024 × V per token), so a real
vocabulary a few percent larger or smaller moves the numbers by about as much.
"""

from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from tests.benchmarks.fullshape_model import RECIPE, ensure_fullshape_model, is_fullshape_model  # noqa: E402

SHAPE: dict[str, int | str] = {
    "d_model": 1024,
    "encoder_layers": 6,
    "decoder_layers": 6,
    "encoder_attention_heads": 16,
    "decoder_attention_heads": 16,
    "encoder_ffn_dim": 4096,
    "decoder_ffn_dim": 4096,
}


def default_folder() -> Path:
    """Where the benchmarks keep the model: the user cache, one folder per tokenizer recipe."""
    from reader.paths import models_dir

    return models_dir() / f"bench-opus-mt-tc-big-ar-en-shape-{RECIPE}"


def is_tcbig_model(folder: Path) -> bool:
    """True when ``folder`` already holds a complete model of this shape."""
    return is_fullshape_model(folder, SHAPE)


def ensure_tcbig_model(folder: Path) -> Path:
    """Reuse the model in ``folder`` if complete, else build it there (about 1 GB of float32 weights)."""
    return ensure_fullshape_model(folder, SHAPE)
