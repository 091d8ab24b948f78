"""A random-weight MarianMT checkpoint with the exact shape of Helsinki-NLP/opus-mt-ar-en.

Benchmarks need the real model's cost (d_model 512, 6+6 layers, 8 heads, FFN 2048, a 62834-entry
vocabulary) but no hub is reachable, and random weights cost exactly what trained ones do per
token. The tokenizer reuses the tiny test sentencepiece models with ``vocab.json`` padded to
62834 entries (``</s>`` = 0, ``<pad>`` = 62833 last), so ids and embedding sizes match opus-mt.
Used by ``bench_translate.py`` (and the CTranslate2 benchmark) via :func:`build_fullshape_model`.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
if str(REPO) not in sys.path:  # run as a script: make `tests.helpers` importable
    sys.path.insert(0, str(REPO))

from tests.helpers.tiny_marian import save_marian, write_tokenizer_files  # noqa: E402

VOCAB_SIZE = 62834
SHAPE: dict[str, int | str] = {
    "d_model": 512,
    "encoder_layers": 6,
    "decoder_layers": 6,
    "encoder_attention_heads": 8,
    "decoder_attention_heads": 8,
    "encoder_ffn_dim": 2048,
    "decoder_ffn_dim": 2048,
}


def is_fullshape_model(folder: Path) -> bool:
    """True when ``folder`` already holds a complete model of this shape (so it can be reused)."""
    try:
        config = json.loads((folder / "config.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    complete = all((folder / name).is_file() for name in ("model.safetensors", "source.spm", "vocab.json"))
    return (
        complete
        and config.get("vocab_size") == VOCAB_SIZE
        and config.get("pad_token_id") == VOCAB_SIZE - 1
        and all(config.get(key) == value for key, value in SHAPE.items())
    )


def build_fullshape_model(folder: Path) -> Path:
    """Write the opus-mt-ar-en-shaped random model into ``folder`` (about 300 MB) and return it."""
    vocab = write_tokenizer_files(folder, vocab_size=VOCAB_SIZE)
    return save_marian(folder, vocab, **SHAPE)


def ensure_fullshape_model(folder: Path) -> Path:
    """Reuse the model in ``folder`` if it is complete, else build it there."""
    return folder if is_fullshape_model(folder) else build_fullshape_model(folder)
