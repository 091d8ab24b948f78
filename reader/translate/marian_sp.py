"""A MarianTokenizer without transformers: sentencepiece, vocab.json and Moses normalisation, directly.

Importing ``transformers.MarianTokenizer`` scans transformers' lazy-import tables and loads its
tokenizer framework: about 1.2 s on an idle core and 8–12 s on a loaded two-core machine, on the
CTranslate2 engine's path to the first English, which needs neither torch nor transformers'
models. What an opus-mt tokenizer does for us is small, and this does exactly that:

* source text: Moses punctuation normalisation (``source_lang``), split around the special
  tokens (``</s>``, ``<unk>``, ``<pad>``, kept whole), a leading ``>>xx<<`` language code kept as
  one piece, the rest through ``source.spm``; ids from ``vocab.json`` (``<unk>`` when missing);
* target text (``tokenizer(text_target=…)``, for forced alignment): the same with ``target.spm``
  and no normalisation, ``</s>`` appended;
* decoding: ids to vocab.json pieces, special ids dropped, ``target.spm`` joins the pieces.

:func:`load_marian_tokenizer` uses it only for the plain layout it reproduces (one shared
vocabulary, the three default special tokens, no extra tokenizer options, no space clean-up), and
transformers' own tokenizer for anything else. ``tests/test_translate_marian_sp.py`` checks it
against ``MarianTokenizer`` piece for piece and id for id.
"""

from __future__ import annotations

import importlib.util
import json
import re
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

EOS, UNK, PAD = "</s>", "<unk>", "<pad>"
SPECIALS = (EOS, UNK, PAD)
_SPLIT = re.compile(f"({'|'.join(re.escape(t) for t in SPECIALS)})")
_SPIECE_UNDERLINE = "▁"
_FILES = ("source.spm", "target.spm", "vocab.json")
_OPTIONS_WE_REPRODUCE = {"source_lang", "target_lang", "model_max_length", "tokenizer_class", "backend"}
_METADATA = ("name_or_path", "special_tokens_map_file")  # where the files came from: no effect
_EMPTY_IS_DEFAULT = ("additional_special_tokens", "extra_special_tokens")


def moses_normalizer(lang: str | None) -> Callable[[str], str]:
    """sacremoses' ``MosesPunctNormalizer(lang).normalize``, or the identity without sacremoses
    (as MarianTokenizer does). Its module is loaded on its own: ``import sacremoses`` also
    compiles the Moses tokenizer's tables (about 0.5 s), which the normaliser does not use."""
    loaded = sys.modules.get("sacremoses")
    if loaded is not None:
        return loaded.MosesPunctNormalizer(lang).normalize  # type: ignore[no-any-return]
    package = importlib.util.find_spec("sacremoses")
    if package is None or package.origin is None:
        return lambda text: text
    alone = Path(package.origin).with_name("normalize.py")
    spec = (
        importlib.util.spec_from_file_location("_reader_moses_normalize", alone) if alone.is_file() else None
    )
    if spec is None or spec.loader is None:  # laid out otherwise: the whole package, slower
        import sacremoses

        return sacremoses.MosesPunctNormalizer(lang).normalize  # type: ignore[no-any-return]
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.MosesPunctNormalizer(lang).normalize  # type: ignore[no-any-return]


def _read_json(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def plain_layout(folder: Path) -> dict[str, Any] | None:
    """The tokenizer config if ``folder`` is a layout :class:`SentencePieceMarian` reproduces, else None."""
    if not all((folder / name).is_file() for name in _FILES):
        return None
    try:
        config = (
            _read_json(folder / "tokenizer_config.json")
            if (folder / "tokenizer_config.json").is_file()
            else {}
        )
        special = (
            _read_json(folder / "special_tokens_map.json")
            if (folder / "special_tokens_map.json").is_file()
            else {}
        )
    except (OSError, ValueError):
        return None
    if not isinstance(config, dict) or not isinstance(special, dict):
        return None
    added = config.pop("added_tokens_decoder", {})
    for key in _METADATA:
        config.pop(key, None)
    for key in _EMPTY_IS_DEFAULT:
        for source in (config, special):
            if not source.get(key, True):
                del source[key]
    defaults = {"eos_token": EOS, "unk_token": UNK, "pad_token": PAD}
    for key, token in defaults.items():
        for source in (config, special):
            value = source.pop(key, token)
            if (value.get("content") if isinstance(value, dict) else value) != token:
                return None
    if special or config.get("tokenizer_class", "MarianTokenizer") != "MarianTokenizer":
        return None
    if config.pop("separate_vocabs", False) or config.pop("sp_model_kwargs", {}):
        return None
    if config.pop("clean_up_tokenization_spaces", False) or set(config) - _OPTIONS_WE_REPRODUCE:
        return None
    if not isinstance(added, dict) or {e.get("content") for e in added.values() if isinstance(e, dict)} - set(
        SPECIALS
    ):
        return None
    return {"added": added, **config}


class SentencePieceMarian:
    """What the engines ask of a MarianTokenizer, for the plain opus-mt layout (module docstring)."""

    def __init__(self, folder: Path, config: dict[str, Any]) -> None:
        import sentencepiece

        self.source_lang: str | None = config.get("source_lang")
        self.encoder: dict[str, int] = _read_json(folder / "vocab.json")
        if any(token not in self.encoder for token in SPECIALS):
            raise ValueError("vocab.json lacks a special token")
        for key, entry in config["added"].items():  # transformers trusts these ids: they must agree
            if self.encoder.get(entry.get("content")) != int(key):
                raise ValueError(f"special token {entry.get('content')} has another id in vocab.json")
        self.decoder = {i: token for token, i in self.encoder.items()}
        self.spm_source = sentencepiece.SentencePieceProcessor(model_file=str(folder / "source.spm"))
        self.spm_target = sentencepiece.SentencePieceProcessor(model_file=str(folder / "target.spm"))
        self.eos_token, self.unk_token, self.pad_token = SPECIALS
        self.eos_token_id, self.unk_token_id, self.pad_token_id = (self.encoder[t] for t in SPECIALS)
        self.all_special_ids = {self.eos_token_id, self.unk_token_id, self.pad_token_id}
        self.punc_normalizer = moses_normalizer(self.source_lang)

    def normalize(self, text: str) -> str:
        return self.punc_normalizer(text) if text else ""

    def tokenize(self, text: str, *, target: bool = False) -> list[str]:
        """Pieces of ``text``: special tokens whole, a leading ``>>xx<<`` code whole, the rest sentencepiece."""
        model = self.spm_target if target else self.spm_source
        pieces: list[str] = []
        for part in _SPLIT.split(text):
            if part in SPECIALS:
                pieces.append(part)
            elif part:
                if part.startswith(">>") and (end := part.find("<<")) != -1:
                    pieces.append(part[: end + 2])
                    part = part[end + 2 :]
                pieces += model.encode(part, out_type=str)
        return pieces

    def convert_tokens_to_ids(self, tokens: Sequence[str]) -> list[int]:
        unknown = self.unk_token_id
        return [self.encoder.get(token, unknown) for token in tokens]

    def convert_ids_to_tokens(self, ids: Sequence[int]) -> list[str]:
        return [self._token(int(i)) for i in ids]

    def _token(self, index: int) -> str:
        token = self.decoder.get(index)
        return token if token is not None else (self.spm_target.IdToPiece(index) or self.unk_token)

    def decode(
        self, ids: Sequence[int], skip_special_tokens: bool = False, use_source_tokenizer: bool = False
    ) -> str:
        """English text of ids; ``target.spm`` joins pieces between special tokens (as MarianTokenizer)."""
        model = self.spm_source if use_source_tokenizer else self.spm_target
        skip = self.all_special_ids if skip_special_tokens else set()
        out, run = "", list[str]()
        for token in (self._token(int(i)) for i in ids if int(i) not in skip):
            if token in SPECIALS:
                out += model.decode_pieces(run) + token + " "
                run = []
            else:
                run.append(token)
        out += model.decode_pieces(run)
        text: str = out.replace(_SPIECE_UNDERLINE, " ")
        return text.strip()

    def __call__(self, *, text_target: str) -> dict[str, list[int]]:
        """``{"input_ids": …}`` of an English text as a decoder target, ``</s>`` last."""
        return {
            "input_ids": [
                *self.convert_tokens_to_ids(self.tokenize(text_target, target=True)),
                self.eos_token_id,
            ]
        }


def load_marian_tokenizer(folder: Path) -> Any:
    """The model's tokenizer: :class:`SentencePieceMarian` for the plain layout, else transformers'."""
    config = plain_layout(folder)
    if config is not None:
        try:
            return SentencePieceMarian(folder, config)
        except (OSError, ValueError, RuntimeError):  # let transformers' own tokenizer say what is wrong
            pass
    from transformers import MarianTokenizer  # the tokenizer only: no torch

    return MarianTokenizer.from_pretrained(folder)
