"""Build a tiny MarianMT checkpoint laid out exactly like an opus-mt one, in about a second.

No model hub is reachable from the test machines, so the suite makes its own model: two
sentencepiece models (Arabic source trained on the seed article, English target trained on a
few sentences below), a shared ``vocab.json`` whose ids deliberately differ from the
sentencepiece ids (``</s>`` = 0, ``<unk>`` = 1, pieces, ``<pad>`` last, as in opus-mt), and a
2-layer, d_model 32 MarianMTModel with seeded random weights saved as safetensors.

Random weights would only rarely pick ``</s>``; the builder pushes its logit bias far down so the
model never stops by itself. Every output length is then decided by the engine's cap, which is
exactly what the tests check.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SEED = REPO / "seeds" / "news_us_russia_talks_switzerland.ar.txt"

ENGLISH = """\
Three informed sources said American and Russian participants met in Switzerland.
The talks were described as a side channel during the transition period.
The participants have diplomatic and security experience, but they are not government officials.
It was not immediately clear whether their governments had sent any officials.
One of the sources said a small number of the president's advisers knew about the meetings.
Many other details remain unclear, including the agendas of the meetings.
The war in Ukraine has continued for almost three years.
The president said he would end the war quickly, but he did not say how.
Officials in Moscow and Washington declined to comment on the report.
The meetings took place in Geneva last week, according to two of the sources.
Russia and the United States have not held formal talks on the war since it began.
A spokesman for the Ukrainian government said Kyiv was not informed.
The sources asked not to be named because the talks were private.
Diplomats often use such channels to test ideas before formal negotiations.
"""

SPECIALS = ("</s>", "<unk>")
PAD = "<pad>"


def _train_spm(lines: list[str], vocab_size: int, model_type: str = "unigram") -> bytes:
    import sentencepiece as spm

    model = io.BytesIO()
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(lines),
        model_writer=model,
        vocab_size=vocab_size,
        model_type=model_type,
        hard_vocab_limit=False,  # the corpus is tiny: take what it supports
        character_coverage=1.0,
        minloglevel=2,
        num_threads=1,
    )
    return model.getvalue()


def _pieces(model_proto: bytes) -> list[str]:
    import sentencepiece as spm

    processor = spm.SentencePieceProcessor(model_proto=model_proto)
    return [processor.id_to_piece(i) for i in range(processor.get_piece_size())]


def build_vocab(source_proto: bytes, target_proto: bytes, size: int | None = None) -> dict[str, int]:
    """A shared vocabulary in opus-mt order: ``</s>``, ``<unk>``, sorted pieces, fillers, ``<pad>`` last.

    Sorting the pieces makes their ids unrelated to either sentencepiece model's ids. ``size``
    pads the vocabulary with unused filler entries (the benchmark needs opus-mt's 62834).
    """
    pieces = sorted(
        {p for p in _pieces(source_proto) + _pieces(target_proto) if p not in {"<s>", "</s>", "<unk>"}}
    )
    names = [*SPECIALS, *pieces]
    if size is not None:
        if size < len(names) + 1:
            raise ValueError(f"vocabulary size {size} is smaller than the {len(names) + 1} entries needed")
        names += [f"<filler_{i}>" for i in range(size - len(names) - 1)]
    names.append(PAD)
    return {name: index for index, name in enumerate(names)}


def write_tokenizer_files(
    folder: Path,
    vocab_size: int | None = None,
    pieces: tuple[int, int] = (300, 250),
    model_type: str = "unigram",
) -> dict[str, int]:
    """Train both sentencepiece models and write source.spm, target.spm and vocab.json into ``folder``.

    ``pieces`` (source, target) and ``model_type`` are the trainer's settings; the defaults give
    the tiny test model's short pieces, the benchmark model asks for word-sized ones.
    """
    folder.mkdir(parents=True, exist_ok=True)
    arabic = [line for line in SEED.read_text(encoding="utf-8").splitlines() if line.strip()]
    english = ENGLISH.splitlines()
    source = _train_spm(arabic, pieces[0], model_type)
    target = _train_spm(english * 3, pieces[1], model_type)
    (folder / "source.spm").write_bytes(source)
    (folder / "target.spm").write_bytes(target)
    vocab = build_vocab(source, target, vocab_size)
    (folder / "vocab.json").write_text(json.dumps(vocab, ensure_ascii=False, indent=1), encoding="utf-8")
    return vocab


def save_marian(folder: Path, vocab: dict[str, int], **shape: int | str) -> Path:
    """Create the tokenizer and a seeded random MarianMTModel of the given shape; save both."""
    import torch
    from transformers import GenerationConfig, MarianConfig, MarianMTModel, MarianTokenizer

    tokenizer = MarianTokenizer(  # keywords: transformers 5 changed the positional order
        source_spm=str(folder / "source.spm"),
        target_spm=str(folder / "target.spm"),
        vocab=str(folder / "vocab.json"),
        source_lang="ar",
        target_lang="en",
    )
    pad = len(vocab) - 1
    config = MarianConfig(
        vocab_size=len(vocab),
        decoder_vocab_size=len(vocab),
        max_position_embeddings=512,
        pad_token_id=pad,
        decoder_start_token_id=pad,
        eos_token_id=0,
        forced_eos_token_id=0,
        activation_function="swish",
        scale_embedding=True,
        share_encoder_decoder_embeddings=True,
        **shape,  # type: ignore[arg-type]
    )
    config.static_position_embeddings = True  # as opus-mt's config says; HF Marian positions are sinusoidal
    torch.manual_seed(0)
    model = MarianMTModel(config).eval()
    with torch.no_grad():
        model.final_logits_bias[0, 0] = -50.0  # never choose </s> by itself: see the module docstring
    model.generation_config = GenerationConfig(
        bad_words_ids=[[pad]],
        decoder_start_token_id=pad,
        eos_token_id=0,
        forced_eos_token_id=0,
        max_length=512,
        num_beams=4,
        pad_token_id=pad,
    )
    model.save_pretrained(folder, safe_serialization=True)
    tokenizer.save_pretrained(folder)
    return folder


def build_tiny_marian(folder: Path) -> Path:
    """Write a complete tiny opus-mt-like checkpoint into ``folder`` and return it."""
    vocab = write_tokenizer_files(folder)
    return save_marian(
        folder,
        vocab,
        d_model=32,
        encoder_layers=2,
        decoder_layers=2,
        encoder_attention_heads=2,
        decoder_attention_heads=2,
        encoder_ffn_dim=64,
        decoder_ffn_dim=64,
    )
