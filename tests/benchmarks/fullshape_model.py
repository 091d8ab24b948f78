"""A random-weight MarianMT checkpoint with the exact shape of Helsinki-NLP/opus-mt-ar-en.

Benchmarks need the real model's cost (d_model 512, 6+6 layers, 8 heads, FFN 2048, a 62834-entry
vocabulary) but no hub is reachable, and random weights cost exactly what trained ones do per
token. ``vocab.json`` is padded to 62834 entries (``</s>`` = 0, ``<pad>`` = 62833 last), so ids
and embedding sizes match opus-mt.

The tokenizer decides the sequence lengths, and so the cost. Random weights never emit ``</s>``,
so every output runs to its cap, 1.5 × source pieces + 10: the source pieces per Arabic word
must be realistic. opus-mt-ar-en's ~32k-piece source model gives roughly 1.2–1.5 pieces per word
of news Arabic; a 300-piece model trained on the seed gave 2.76 (75 pieces a sentence, 120-token
outputs). The sentencepiece models are therefore trained on the same text with a larger
vocabulary: BPE, because the unigram trainer cannot grow past ~240 pieces on a 15-line corpus
(``hard_vocab_limit=False`` then silently stops there). 650 source pieces give 1.45 pieces per
word on the seed, the costly end of the real range; 400 target pieces give ~1.2 per English word.
:func:`pieces_per_word` measures it; ``bench_translate.py`` prints it.

The folder name carries :data:`RECIPE`, so changing the tokenizer recipe builds a fresh model
instead of reusing a stale one. Used by ``bench_translate.py`` and ``bench_engines_cli.py``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
if str(REPO) not in sys.path:  # run as a script: make `tests.helpers` importable
    sys.path.insert(0, str(REPO))

from tests.helpers.tiny_marian import SEED, save_marian, write_tokenizer_files  # noqa: E402

VOCAB_SIZE = 62834
TOKENIZER_PIECES = (650, 400)  # source (Arabic), target (English): see the module docstring
TOKENIZER_TYPE = "bpe"
RECIPE = f"tok-{TOKENIZER_TYPE}{TOKENIZER_PIECES[0]}-{TOKENIZER_PIECES[1]}"
"""Part of the cached folder's name: bump it whenever the model or tokenizer recipe changes."""
SHAPE: dict[str, int | str] = {
    "d_model": 512,
    "encoder_layers": 6,
    "decoder_layers": 6,
    "encoder_attention_heads": 8,
    "decoder_attention_heads": 8,
    "encoder_ffn_dim": 2048,
    "decoder_ffn_dim": 2048,
}


def default_folder() -> Path:
    """Where the benchmarks keep the model: the user cache, one folder per recipe."""
    from reader.paths import models_dir

    return models_dir() / f"bench-opus-mt-ar-en-shape-{RECIPE}"


def pieces_per_word(folder: Path) -> tuple[float, float, float]:
    """Average words and source pieces per seed sentence (as the engines segment it), and their ratio."""
    import sentencepiece as spm

    from tests.helpers.loading import load_document

    processor = spm.SentencePieceProcessor(model_file=str(folder / "source.spm"))
    sentences = [s.text for s in load_document(SEED).iter_segments()]
    words = sum(len(text.split()) for text in sentences)
    pieces = sum(len(processor.encode(text)) for text in sentences)
    return words / len(sentences), pieces / len(sentences), pieces / words


def is_fullshape_model(folder: Path, shape: dict[str, int | str] = SHAPE) -> bool:
    """True when ``folder`` already holds a complete model of *shape* (so it can be reused)."""
    try:
        config = json.loads((folder / "config.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    complete = all((folder / name).is_file() for name in ("model.safetensors", "source.spm", "vocab.json"))
    return (
        complete
        and config.get("vocab_size") == VOCAB_SIZE
        and config.get("pad_token_id") == VOCAB_SIZE - 1
        and all(config.get(key) == value for key, value in shape.items())
    )


def build_fullshape_model(folder: Path, shape: dict[str, int | str] = SHAPE) -> Path:
    """Write a random model of *shape* (opus-mt-ar-en's: about 300 MB) into ``folder``, this
    module's vocabulary and tokenizer recipe, and return it."""
    vocab = write_tokenizer_files(
        folder, vocab_size=VOCAB_SIZE, pieces=TOKENIZER_PIECES, model_type=TOKENIZER_TYPE
    )
    return save_marian(folder, vocab, **shape)


def ensure_fullshape_model(folder: Path, shape: dict[str, int | str] = SHAPE) -> Path:
    """Reuse the model of *shape* in ``folder`` if it is complete, else build it there."""
    return folder if is_fullshape_model(folder, shape) else build_fullshape_model(folder, shape)
