"""The torch-free converter: byte for byte ctranslate2's own, the same translations, clear refusals."""

from __future__ import annotations

import filecmp
import json
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.errors import ModelUnavailable
from reader.translate.ct2_convert import CONVERTED_FILES, converted_folder, ensure_converted
from reader.translate.marian_spec import marian_spec, read_safetensors, sinusoids
from reader.translate.model_location import ModelLocation, find_model
from tests.conftest import SEED
from tests.helpers.loading import load_document


@pytest.fixture(autouse=True)
def _own_models_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BIREADER_CACHE_DIR", str(tmp_path / "own-cache"))


def converted(model: Path, quantization: str) -> Path:
    location = find_model(str(model))
    assert location is not None
    return ensure_converted(location, quantization)


@pytest.fixture(scope="module")
def reference(tiny_model: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The tiny model converted by ctranslate2's own converter (torch and transformers), both ways."""
    from ctranslate2.converters import TransformersConverter

    root = tmp_path_factory.mktemp("reference")
    for quantization in ("int8", "float32"):
        TransformersConverter(str(tiny_model)).convert(str(root / quantization), quantization=quantization)
    return root


@pytest.mark.slow
@pytest.mark.parametrize("quantization", ["int8", "float32"])
def test_writes_exactly_what_ctranslate2_s_converter_writes(
    tiny_model: Path, reference: Path, quantization: str
) -> None:
    ours = converted(tiny_model, quantization)
    for name in CONVERTED_FILES:
        assert filecmp.cmp(ours / name, reference / quantization / name, shallow=False), name


@pytest.mark.slow
@pytest.mark.parametrize("beams", [1, 4])
def test_translations_and_scores_equal_the_old_converter_s(
    tiny_model: Path, reference: Path, beams: int
) -> None:
    import ctranslate2
    from transformers import MarianTokenizer

    tokenizer = MarianTokenizer.from_pretrained(tiny_model)
    sources = [
        tokenizer.convert_ids_to_tokens(tokenizer(s.text).input_ids)
        for s in list(load_document(SEED).iter_segments())[:6]
    ]

    def run(folder: Path) -> list[tuple[list[str], float]]:
        translator = ctranslate2.Translator(str(folder), compute_type="int8")
        results = translator.translate_batch(
            sources, beam_size=beams, max_decoding_length=40, return_scores=True
        )
        return [(r.hypotheses[0], r.scores[0]) for r in results]

    ours = run(converted(tiny_model, "int8"))
    assert ours == run(reference / "int8")
    assert all(len(tokens) == 40 for tokens, _ in ours)  # the tiny model never stops: real work


@pytest.mark.slow
def test_the_converter_child_imports_neither_torch_nor_transformers(tiny_model: Path, tmp_path: Path) -> None:
    script = (
        "import sys\n"
        "from reader.translate import ct2_convert\n"
        "code = ct2_convert.main(sys.argv[1:])\n"
        "print(code, sorted(m for m in ('torch', 'transformers') if m in sys.modules))\n"
    )
    out = tmp_path / "out"
    done = subprocess.run(
        [sys.executable, "-c", script, str(tiny_model), str(out), "int8"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert done.stdout == "0 []\n"
    assert all((out / name).is_file() for name in CONVERTED_FILES)


@pytest.mark.slow
def test_a_hub_model_s_pickled_weights_convert_to_the_same_model(tiny_model: Path, tmp_path: Path) -> None:
    """The weights as torch.save writes a whole state dict: tied copies and positions included."""
    import torch
    from transformers import MarianMTModel

    pickled = tmp_path / "hub-snapshot"
    shutil.copytree(tiny_model, pickled)
    (pickled / "model.safetensors").unlink()
    state = MarianMTModel.from_pretrained(tiny_model).state_dict()
    assert "model.encoder.embed_positions.weight" in state
    torch.save(state, pickled / "pytorch_model.bin")
    weights = pickled / "pytorch_model.bin"
    hub = ModelLocation("org/tiny", pickled, True, weights, "pickled")
    ours = ensure_converted(hub, "int8")
    assert filecmp.cmp(ours / "model.bin", converted(tiny_model, "int8") / "model.bin", shallow=False)
    folder = ModelLocation(str(pickled), pickled, False, weights, "loose")  # never allowed for a folder
    with pytest.raises(
        ModelUnavailable, match="has only pickled weights, which are read for a hub model alone$"
    ):
        ensure_converted(folder, "int8")
    assert not converted_folder(folder, "int8").exists()


@settings(max_examples=25, deadline=None)
@given(st.integers(1, 40), st.integers(1, 33))
def test_positions_are_transformers_sinusoids(positions: int, dim: int) -> None:
    from transformers.models.marian.modeling_marian import MarianSinusoidalPositionalEmbedding

    expected = MarianSinusoidalPositionalEmbedding(positions, dim).create_weight().numpy()
    assert np.array_equal(sinusoids(positions, dim), expected)


def test_missing_or_mis_shaped_tensors_are_one_line(tiny_model: Path) -> None:
    weights = read_safetensors(tiny_model / "model.safetensors")
    del weights["model.encoder.layers.1.fc1.bias"]
    with pytest.raises(
        ModelUnavailable,
        match=r"^model 'm' is damaged: its weights lack 1 tensor\(s\) \(model\.encoder\.layers\.1\.fc1\.bias\)$",
    ):
        marian_spec(tiny_model, weights, "m")
    weights = read_safetensors(tiny_model / "model.safetensors")
    weights["model.decoder.layers.0.fc2.weight"] = np.zeros((32, 63), dtype=np.float32)
    with pytest.raises(
        ModelUnavailable,
        match="^model 'm' is damaged: tensor model.decoder.layers.0.fc2.weight has shape 32×63 where the model needs 32×64$",
    ):
        marian_spec(tiny_model, weights, "m")


def test_separate_vocabularies_are_refused_in_one_line(tiny_model: Path, tmp_path: Path) -> None:
    separate = tmp_path / "separate"
    shutil.copytree(tiny_model, separate)
    config = json.loads((separate / "config.json").read_text(encoding="utf-8"))
    config["share_encoder_decoder_embeddings"] = False
    (separate / "config.json").write_text(json.dumps(config), encoding="utf-8")
    with pytest.raises(ModelUnavailable, match="^'s' has separate source and target vocabularies$"):
        marian_spec(separate, {}, "s")
