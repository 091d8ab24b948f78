"""Resolving --model: folders, the hub cache, fingerprints, and the one-line errors."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from reader.errors import ModelUnavailable
from reader.translate import model_location
from reader.translate.model_access import require_model
from reader.translate.model_location import (
    ModelLocation,
    find_model,
    fingerprint_folder,
    looks_like_path,
    offline_message,
)

HUB_ID = "Helsinki-NLP/opus-mt-ar-en"
COMMIT = "0123456789abcdef0123456789abcdef01234567"


@pytest.fixture
def model_copy(tiny_model: Path, tmp_path: Path) -> Path:
    """A private copy of the tiny model that a test may damage."""
    return Path(shutil.copytree(tiny_model, tmp_path / "model"))


def fake_hub_cache(root: Path, repo_id: str, source: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Lay ``source``'s files out as huggingface_hub's cache would after a download."""
    repo = root / f"models--{repo_id.replace('/', '--')}"
    snapshot = repo / "snapshots" / COMMIT
    shutil.copytree(source, snapshot)
    (repo / "refs").mkdir(parents=True)
    (repo / "refs" / "main").write_text(COMMIT)
    import huggingface_hub.constants

    monkeypatch.setattr(huggingface_hub.constants, "HF_HUB_CACHE", str(root))
    return snapshot


def test_folder_is_located_with_safetensors(tiny_model: Path) -> None:
    location = find_model(str(tiny_model))
    assert isinstance(location, ModelLocation)
    assert location.folder == tiny_model.resolve()
    assert location.model == str(tiny_model.resolve())
    assert not location.from_hub
    assert location.weights.name == "model.safetensors"
    assert not location.pickled_weights
    assert require_model(str(tiny_model)) == location


def test_fingerprint_is_stable_and_survives_copying(tiny_model: Path, model_copy: Path) -> None:
    assert fingerprint_folder(tiny_model) == fingerprint_folder(tiny_model)
    assert fingerprint_folder(model_copy) == fingerprint_folder(tiny_model)


@pytest.mark.parametrize("name", ["generation_config.json", "vocab.json", "target.spm", "model.safetensors"])
def test_fingerprint_changes_with_any_output_deciding_file(model_copy: Path, name: str) -> None:
    before = fingerprint_folder(model_copy)
    path = model_copy / name
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x01
    path.write_bytes(bytes(data))
    assert fingerprint_folder(model_copy) != before


def test_large_weights_are_sampled_at_start_middle_and_end(tmp_path: Path) -> None:
    weights = tmp_path / "model.safetensors"
    size = 6 * 1024 * 1024
    weights.write_bytes(bytes(size))
    base = fingerprint_folder(tmp_path)
    for offset in (10, size // 2 + 10, size - 10):
        data = bytearray(bytes(size))
        data[offset] = 1
        weights.write_bytes(bytes(data))
        assert fingerprint_folder(tmp_path) != base, offset
    weights.write_bytes(bytes(size + 1))
    assert fingerprint_folder(tmp_path) != base


def test_fingerprint_does_not_import_torch(tiny_model: Path) -> None:
    code = (
        "import sys; from reader.translate.model_location import find_model; "
        f"print(find_model({str(tiny_model)!r}).fingerprint); "
        "print(sorted(m for m in ('torch', 'transformers') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.splitlines()[1] == "[]"


def test_missing_folder_is_a_model_problem(tmp_path: Path) -> None:
    with pytest.raises(ModelUnavailable, match="does not exist"):
        find_model(str(tmp_path / "nowhere"))


def test_a_file_is_not_a_checkpoint(tmp_path: Path) -> None:
    path = tmp_path / "model.txt"
    path.write_text("hello")
    with pytest.raises(ModelUnavailable, match="is a file, not a folder"):
        find_model(str(path))


def test_folder_without_config(tmp_path: Path) -> None:
    with pytest.raises(ModelUnavailable, match=r"is not a MarianMT checkpoint: it has no config\.json"):
        find_model(str(tmp_path))


def test_folder_of_another_model_type(model_copy: Path) -> None:
    config = json.loads((model_copy / "config.json").read_text())
    config["model_type"] = "bert"
    (model_copy / "config.json").write_text(json.dumps(config))
    with pytest.raises(ModelUnavailable, match="model_type 'bert'") as info:
        find_model(str(model_copy))
    assert "\n" not in str(info.value)


def test_folder_with_unreadable_config(model_copy: Path) -> None:
    (model_copy / "config.json").write_text("{not json")
    with pytest.raises(ModelUnavailable, match="config.json is unreadable"):
        find_model(str(model_copy))


def test_folder_missing_tokenizer_files(model_copy: Path) -> None:
    (model_copy / "source.spm").unlink()
    (model_copy / "vocab.json").unlink()
    with pytest.raises(ModelUnavailable, match="missing source.spm, vocab.json"):
        find_model(str(model_copy))


def test_folder_without_weights(model_copy: Path) -> None:
    (model_copy / "model.safetensors").unlink()
    with pytest.raises(ModelUnavailable, match=r"it has no model\.safetensors"):
        find_model(str(model_copy))


def test_pickled_weights_are_refused_in_a_folder(model_copy: Path) -> None:
    (model_copy / "model.safetensors").rename(model_copy / "pytorch_model.bin")
    with pytest.raises(ModelUnavailable, match="only pickled weights"):
        find_model(str(model_copy))


def test_hub_id_that_is_not_downloaded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import huggingface_hub.constants

    monkeypatch.setattr(huggingface_hub.constants, "HF_HUB_CACHE", str(tmp_path))
    assert find_model(HUB_ID) is None
    with pytest.raises(ModelUnavailable) as info:
        require_model(HUB_ID)
    message = str(info.value)
    assert message == offline_message(HUB_ID)
    assert "\n" not in message
    assert HUB_ID in message
    assert "connect" in message
    assert "--model PATH" in message


def test_hub_id_found_in_the_hub_cache_offline(
    tiny_model: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    snapshot = fake_hub_cache(tmp_path / "hub", HUB_ID, tiny_model, monkeypatch)
    location = find_model(HUB_ID)
    assert location is not None
    assert location.from_hub
    assert location.model == HUB_ID
    assert location.folder == snapshot
    assert location.fingerprint == fingerprint_folder(tiny_model)


def test_pickled_weights_are_accepted_for_the_hub_id_asked_for(
    tiny_model: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    snapshot = fake_hub_cache(tmp_path / "hub", HUB_ID, tiny_model, monkeypatch)
    (snapshot / "model.safetensors").rename(snapshot / "pytorch_model.bin")
    location = find_model(HUB_ID)
    assert location is not None
    assert location.pickled_weights


def test_partial_hub_download_counts_as_not_downloaded(
    tiny_model: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    snapshot = fake_hub_cache(tmp_path / "hub", HUB_ID, tiny_model, monkeypatch)
    (snapshot / "model.safetensors").unlink()
    assert find_model(HUB_ID) is None


@pytest.mark.parametrize(
    ("value", "is_path"),
    [
        (HUB_ID, False),
        ("t5-small", False),
        ("./models/opus", True),
        ("/opt/models/opus", True),
        ("~/opus", True),
        ("C:\\models\\opus", True),
        ("a/b/c", True),
        ("org/name with spaces", True),
    ],
)
def test_paths_and_hub_ids_are_told_apart(value: str, is_path: bool) -> None:
    assert looks_like_path(value) is is_path


def test_existing_relative_folder_is_a_path(tiny_model: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tiny_model.parent)
    assert looks_like_path(tiny_model.name)
    location = find_model(tiny_model.name)
    assert location is not None
    assert location.folder == tiny_model.resolve()


def test_offline_switch_is_read_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HF_HUB_OFFLINE", "0")
    monkeypatch.setenv("TRANSFORMERS_OFFLINE", "0")
    assert not model_location.is_offline()
    monkeypatch.setenv("TRANSFORMERS_OFFLINE", "1")
    assert model_location.is_offline()
