"""CTranslate2's Transformer spec for a MarianMT checkpoint, built from its files with numpy alone.

ctranslate2's own converter loads the checkpoint into a transformers ``MarianMTModel`` (importing
torch and transformers: about 7 s before any work, even for a tiny model) only to copy its
tensors into a ``TransformerSpec``. The copy is simple, so this module does it from config.json,
vocab.json and the weights as numpy arrays, following ctranslate2's ``MarianMTLoader`` (and the
``BartLoader`` it extends, converters/transformers.py) step by step:

* post-norm layers, no layer norm after the embeddings, embeddings scaled by √d_model when
  ``scale_embedding`` says so;
* sinusoidal positions as transformers makes them (sines in the first half, cosines in the
  second, computed in float64 and stored as float32), or the checkpoint's own when it has them;
* query, key and value fused in self-attention, key and value fused in cross-attention;
* one embedding matrix for the encoder, the decoder and the output projection;
  ``final_logits_bias`` becomes the projection's bias unless it is all zeros;
* the decoder starts from a zero embedding (``decoder_start_token`` is ``</s>``), and ``<pad>``,
  the last id, leaves the vocabulary and every matrix indexed by it.

The model.bin written is byte for byte ctranslate2's converter's (checked on the tiny model by
``tests/test_translate_marian_spec.py``). Checkpoints it does not cover (separate source and
target vocabularies or embeddings) are refused with one line, so ``auto`` uses transformers.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import numpy as np

from reader.errors import ModelUnavailable
from reader.translate.weights_check import check_loading_info

ACTIVATIONS = {
    "gelu": "GELU",
    "gelu_python": "GELU",
    "gelu_fast": "GELUTanh",
    "gelu_new": "GELUTanh",
    "relu": "RELU",
    "silu": "SWISH",
    "swish": "SWISH",
}
"""``activation_function`` → ctranslate2's ``Activation`` member, as its converter maps them (opus-mt: swish)."""
PAD = "<pad>"


def read_json(path: Path) -> Any:
    """A JSON file's contents; a missing or unreadable file is one :class:`ModelUnavailable` line."""
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as error:
        raise ModelUnavailable(f"cannot read {path.name}: {error}") from error


def sinusoids(positions: int, dim: int) -> np.ndarray:
    """transformers' ``MarianSinusoidalPositionalEmbedding.create_weight``, in numpy."""
    pos = np.arange(positions, dtype=np.float64)[:, None]
    j = np.arange(dim)
    angles = pos / np.power(10000, 2 * (j // 2) / dim)
    out = np.empty((positions, dim), dtype=np.float32)
    half = dim // 2 + dim % 2
    out[:, :half] = np.sin(angles[:, 0::2])
    out[:, half:] = np.cos(angles[:, 1::2])
    return out


def vocabulary(folder: Path, size: int) -> list[str]:
    """``vocab.json``'s tokens by id, cut to the model's ``size``, without the final ``<pad>``."""
    vocab = read_json(folder / "vocab.json")
    if not isinstance(vocab, dict) or not all(isinstance(i, int) for i in vocab.values()):
        raise ModelUnavailable("vocab.json is not a map from tokens to ids")
    tokens = [token for token, _ in sorted(vocab.items(), key=lambda item: item[1])][:size]
    if not tokens or tokens[-1] != PAD:
        raise ModelUnavailable(f"vocab.json does not end with {PAD} (id {size - 1}) as MarianMT's does")
    return tokens[:-1]


def _special(config: Mapping[str, Any], name: str, default: str) -> str:
    """A special token's text from tokenizer_config.json (a string, or a dict with its content)."""
    value = config.get(name, default)
    if isinstance(value, dict):
        value = value.get("content", default)
    return str(value)


class _Tensors:
    """The checkpoint's tensors by name, as writable float32 arrays; records what is missing or mis-shaped."""

    def __init__(self, tensors: Mapping[str, Any]) -> None:
        self._tensors = tensors
        self.missing: list[str] = []
        self.mismatched: list[tuple[str, tuple[int, ...], tuple[int, ...]]] = []

    def has(self, name: str) -> bool:
        return name in self._tensors

    def get(self, name: str, *shape: int) -> np.ndarray:
        found = self._tensors.get(name)
        if found is None:
            self.missing.append(name)
            return np.zeros(shape, dtype=np.float32)
        array = np.asarray(found)
        if tuple(array.shape) != shape:
            self.mismatched.append((name, tuple(array.shape), shape))
            return np.zeros(shape, dtype=np.float32)
        if array.dtype != np.float32 or not array.flags.writeable or not array.flags.c_contiguous:
            array = np.array(array, dtype=np.float32, order="C")  # quantization works in place
        return array

    def check(self, label: str) -> None:
        check_loading_info({"missing_keys": self.missing, "mismatched_keys": self.mismatched}, label)


def _linear(spec: Any, tensors: _Tensors, name: str, rows: int, columns: int) -> None:
    spec.weight = tensors.get(f"{name}.weight", rows, columns)
    spec.bias = tensors.get(f"{name}.bias", rows)


def _layer_norm(spec: Any, tensors: _Tensors, name: str, dim: int) -> None:
    spec.gamma = tensors.get(f"{name}.weight", dim)
    spec.beta = tensors.get(f"{name}.bias", dim)


def _attention(spec: Any, tensors: _Tensors, name: str, dim: int, *, self_attention: bool) -> None:
    """Fused projections as ctranslate2's ``fuse_linear`` makes them: [q; k; v], or q and [k; v]."""
    q, k, v = (tensors.get(f"{name}.{p}_proj.weight", dim, dim) for p in "qkv")
    qb, kb, vb = (tensors.get(f"{name}.{p}_proj.bias", dim) for p in "qkv")
    if self_attention:
        spec.linear[0].weight = np.concatenate([q, k, v])
        spec.linear[0].bias = np.concatenate([qb, kb, vb])
    else:
        spec.linear[0].weight, spec.linear[0].bias = q, qb
        spec.linear[1].weight = np.concatenate([k, v])
        spec.linear[1].bias = np.concatenate([kb, vb])
    _linear(spec.linear[-1], tensors, f"{name}.out_proj", dim, dim)


def _stack(spec: Any, tensors: _Tensors, prefix: str, config: Mapping[str, Any], ffn: int) -> None:
    """One side (encoder or decoder): positions, scale, and every layer's weights."""
    dim, positions = int(config["d_model"]), int(config["max_position_embeddings"])
    spec.scale_embeddings = math.sqrt(dim) if config.get("scale_embedding", False) else 1.0
    stored = f"{prefix}.embed_positions.weight"
    spec.position_encodings.encodings = (
        tensors.get(stored, positions, dim) if tensors.has(stored) else sinusoids(positions, dim)
    )
    for index, layer in enumerate(spec.layer):
        name = f"{prefix}.layers.{index}"
        _attention(layer.self_attention, tensors, f"{name}.self_attn", dim, self_attention=True)
        _layer_norm(layer.self_attention.layer_norm, tensors, f"{name}.self_attn_layer_norm", dim)
        if hasattr(layer, "attention"):
            _attention(layer.attention, tensors, f"{name}.encoder_attn", dim, self_attention=False)
            _layer_norm(layer.attention.layer_norm, tensors, f"{name}.encoder_attn_layer_norm", dim)
        _linear(layer.ffn.linear_0, tensors, f"{name}.fc1", ffn, dim)
        _linear(layer.ffn.linear_1, tensors, f"{name}.fc2", dim, ffn)
        _layer_norm(layer.ffn.layer_norm, tensors, f"{name}.final_layer_norm", dim)


def _shared_embeddings(tensors: _Tensors, size: int, dim: int) -> np.ndarray:
    """The one embedding matrix: ``model.shared``, else a copy saved under a tied name."""
    for name in (
        "model.shared.weight",
        "model.encoder.embed_tokens.weight",
        "model.decoder.embed_tokens.weight",
    ):
        if tensors.has(name):
            return tensors.get(name, size, dim)
    return tensors.get("model.shared.weight", size, dim)


def marian_spec(folder: Path, weights: Mapping[str, Any], label: str) -> Any:
    """The ``TransformerSpec`` of the MarianMT checkpoint in ``folder`` with tensors ``weights``.

    Raises :class:`ModelUnavailable` (one line naming ``label``) for a checkpoint this builder does
    not cover or whose tensors are missing or mis-shaped.
    """
    from ctranslate2.specs import common_spec, transformer_spec

    config = read_json(folder / "config.json")
    if not isinstance(config, dict) or config.get("model_type") != "marian":
        raise ModelUnavailable(f"'{label}' is not a MarianMT checkpoint")
    shared = config.get("share_encoder_decoder_embeddings", True)
    if not shared or (folder / "target_vocab.json").exists() or config.get("separate_vocabs"):
        raise ModelUnavailable(f"'{label}' has separate source and target vocabularies")
    activation = str(config.get("activation_function", "gelu"))
    if activation not in ACTIVATIONS:
        raise ModelUnavailable(f"'{label}' uses the activation {activation!r}")
    heads = int(config["encoder_attention_heads"])
    if int(config["decoder_attention_heads"]) != heads:
        raise ModelUnavailable(f"'{label}' has different encoder and decoder attention heads")
    size, dim = int(config["vocab_size"]), int(config["d_model"])
    spec = transformer_spec.TransformerSpec.from_config(
        (int(config["encoder_layers"]), int(config["decoder_layers"])),
        heads,
        pre_norm=False,
        activation=getattr(common_spec.Activation, ACTIVATIONS[activation]),
        layernorm_embedding=False,
    )
    tensors = _Tensors(weights)
    _stack(spec.encoder, tensors, "model.encoder", config, int(config["encoder_ffn_dim"]))
    spec.decoder.start_from_zero_embedding = True
    _stack(spec.decoder, tensors, "model.decoder", config, int(config["decoder_ffn_dim"]))
    embeddings = _shared_embeddings(tensors, size, dim)[:-1]  # without <pad>'s row, as the vocabulary
    spec.encoder.embeddings[0].weight = embeddings
    spec.decoder.embeddings.weight = embeddings
    spec.decoder.projection.weight = embeddings  # tied, as MarianMTModel's lm_head
    bias = tensors.get("final_logits_bias", 1, size) if tensors.has("final_logits_bias") else None
    if bias is not None and np.any(bias):
        spec.decoder.projection.bias = bias.reshape(size)[:-1]
    tensors.check(label)

    tokenizer_config = (
        read_json(folder / "tokenizer_config.json") if (folder / "tokenizer_config.json").is_file() else {}
    )
    eos = _special(tokenizer_config, "eos_token", "</s>")
    spec.config.eos_token = eos
    spec.config.unk_token = _special(tokenizer_config, "unk_token", "<unk>")
    spec.config.decoder_start_token = eos  # any token: the decoder starts from a zero embedding
    tokens = vocabulary(folder, size)
    spec.register_source_vocabulary(tokens)
    spec.register_target_vocabulary(tokens)
    return spec


def read_safetensors(path: Path) -> dict[str, np.ndarray]:
    """Every tensor of a safetensors file as a numpy array (no torch)."""
    from safetensors.numpy import load_file

    return dict(load_file(str(path)))


def save_converted(spec: Any, out: Path, quantization: str) -> None:
    """Validate, quantize and write ``spec`` into the new folder ``out`` (as ctranslate2's converter does)."""
    spec.validate()
    spec.optimize(quantization=quantization)
    out.mkdir(parents=True)
    spec.save(str(out))
