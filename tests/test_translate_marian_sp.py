"""The transformers-free Marian tokenizer against transformers' own, piece for piece and id for id."""

from __future__ import annotations

import json
import random
import shutil
from pathlib import Path
from typing import Any

import pytest

from reader.translate.marian_sp import SentencePieceMarian, load_marian_tokenizer, plain_layout
from tests.helpers.loading import load_document

SEED = Path(__file__).resolve().parent.parent / "seeds" / "news_us_russia_talks_switzerland.ar.txt"
AWKWARD = [
    "",
    " ",
    "  مرحبا   بكم  ",
    'قال «هذا» — "نعم"...  ! (١٩٤٨) 12.5%',
    "Hello, world: “quoted” ‘single’ – dash",
    "abc </s> def",
    "</s>",
    "<unk><pad>x<pad>",
    ">>fr<< قال",
    "x>>fr<<y",
    "\u200fقال\u200e\u00a0الرئيس",
    "😀 漢字 ß",
]


def texts() -> list[str]:
    return [s.text for s in load_document(SEED).iter_segments()] + AWKWARD


def reference(folder: Path) -> Any:
    from transformers import MarianTokenizer

    return MarianTokenizer.from_pretrained(folder)


def assert_same(folder: Path) -> None:
    ours, theirs = load_marian_tokenizer(folder), reference(folder)
    assert isinstance(ours, SentencePieceMarian)
    for text in texts():
        normal = theirs.normalize(text)
        assert ours.normalize(text) == normal
        pieces = theirs.tokenize(normal)
        assert ours.tokenize(normal) == pieces, text
        ids = theirs.convert_tokens_to_ids(pieces)
        assert ours.convert_tokens_to_ids(pieces) == ids
        assert ours.convert_ids_to_tokens(ids) == theirs.convert_ids_to_tokens(ids)
        assert ours(text_target=text)["input_ids"] == theirs(text_target=text)["input_ids"], text
    rng = random.Random(7)
    specials = [theirs.eos_token_id, theirs.unk_token_id, theirs.pad_token_id]
    for _ in range(500):
        ids = [
            rng.choice(specials) if rng.random() < 0.1 else rng.randrange(len(theirs.encoder))
            for _ in range(20)
        ]
        for skip in (True, False):
            expected = theirs.decode(ids, skip_special_tokens=skip, use_source_tokenizer=False)
            assert ours.decode(ids, skip_special_tokens=skip, use_source_tokenizer=False) == expected
    assert (ours.eos_token_id, ours.pad_token_id) == (theirs.eos_token_id, theirs.pad_token_id)


@pytest.mark.slow
def test_the_tiny_model_s_tokenizer_matches_transformers(tiny_model: Path) -> None:
    assert_same(tiny_model)


@pytest.mark.slow
def test_an_older_layout_without_added_tokens_matches_too(tiny_model: Path, tmp_path: Path) -> None:
    """opus-mt as published: a two-key tokenizer_config.json and a special_tokens_map.json."""
    folder = Path(shutil.copytree(tiny_model, tmp_path / "model"))
    (folder / "tokenizer_config.json").write_text(
        '{"target_lang": "en", "source_lang": "ar"}', encoding="utf-8"
    )
    special = {"eos_token": "</s>", "unk_token": "<unk>", "pad_token": "<pad>"}
    (folder / "special_tokens_map.json").write_text(json.dumps(special), encoding="utf-8")
    assert_same(folder)


def with_config(tiny_model: Path, tmp_path: Path, change: dict[str, Any]) -> Path:
    folder = Path(shutil.copytree(tiny_model, tmp_path / "model"))
    config = json.loads((folder / "tokenizer_config.json").read_text(encoding="utf-8"))
    (folder / "tokenizer_config.json").write_text(json.dumps(config | change), encoding="utf-8")
    return folder


@pytest.mark.slow
def test_a_tc_big_style_config_with_metadata_matches_too(tiny_model: Path, tmp_path: Path) -> None:
    """opus-mt-tc-big's config names where it came from and spells out the defaults."""
    change = {
        "name_or_path": "marian-models/OPUS-MT-train_v1.0.0/ara-eng",
        "special_tokens_map_file": None,
        "separate_vocabs": False,
        "sp_model_kwargs": {},
        "additional_special_tokens": [],
        "unk_token": "<unk>",
    }
    assert_same(with_config(tiny_model, tmp_path, change))


@pytest.mark.parametrize(
    "change",
    [
        {"separate_vocabs": True, "target_vocab_file": "target_vocab.json"},
        {"additional_special_tokens": ["<eop>"]},
        {"extra_special_tokens": {"sep_token": "<sep>"}},
        {"do_lower_case": True},
        {"clean_up_tokenization_spaces": True},
        {"eos_token": "<eos>"},
        {"sp_model_kwargs": {"enable_sampling": True}},
        {"tokenizer_class": "PreTrainedTokenizerFast"},
    ],
)
def test_layouts_it_does_not_reproduce_are_left_to_transformers(
    tiny_model: Path, tmp_path: Path, change: dict[str, Any]
) -> None:
    assert plain_layout(with_config(tiny_model, tmp_path, change)) is None


def test_such_a_layout_loads_transformers_own_tokenizer(tiny_model: Path, tmp_path: Path) -> None:
    folder = with_config(tiny_model, tmp_path, {"additional_special_tokens": ["<eop>"]})
    assert type(load_marian_tokenizer(folder)).__name__ == "MarianTokenizer"


def test_a_special_token_id_that_disagrees_with_vocab_json_is_refused(
    tiny_model: Path, tmp_path: Path
) -> None:
    folder = Path(shutil.copytree(tiny_model, tmp_path / "model"))
    vocab = json.loads((folder / "vocab.json").read_text(encoding="utf-8"))
    vocab["<pad>"], vocab["</s>"] = vocab["</s>"], vocab["<pad>"]
    (folder / "vocab.json").write_text(json.dumps(vocab), encoding="utf-8")
    config = plain_layout(folder)
    assert config is not None
    with pytest.raises(ValueError, match="another id"):
        SentencePieceMarian(folder, config)
