"""Downloads against a real (local) hub: what is fetched, checksums, resume, refusals, and offline use after.

The hub is :mod:`tests.helpers.hub_server` on 127.0.0.1, serving the tiny Marian checkpoint with the
endpoints huggingface_hub uses; ``HF_ENDPOINT`` points at it.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.errors import ModelUnavailable
from reader.translate.model_download import PARTIAL_SUFFIX, choose_files, download_from_hub, size_text
from reader.translate.model_location import find_model, offline_message
from tests.helpers.hub_server import HubState, closed_port, hub_for_tests, repo_from_folder

OPUS_FILES = [
    ".gitattributes",
    "README.md",
    "config.json",
    "generation_config.json",
    "metadata.json",
    "pytorch_model.bin",
    "rust_model.ot",
    "source.spm",
    "target.spm",
    "tf_model.h5",
    "tokenizer_config.json",
    "vocab.json",
]


def test_pickled_weights_only_when_the_repo_has_nothing_else() -> None:
    assert choose_files("m", OPUS_FILES) == [
        "config.json",
        "generation_config.json",
        "pytorch_model.bin",
        "source.spm",
        "target.spm",
        "tokenizer_config.json",
        "vocab.json",
    ]


def test_safetensors_are_preferred() -> None:
    files = choose_files("m", [*OPUS_FILES, "model.safetensors"])
    assert "model.safetensors" in files
    assert "pytorch_model.bin" not in files
    assert "tf_model.h5" not in files
    assert "rust_model.ot" not in files


def test_repo_without_marian_tokenizer() -> None:
    with pytest.raises(
        ModelUnavailable, match="'m' on the model hub is not a MarianMT checkpoint: it has no source"
    ):
        choose_files("m", ["config.json", "model.safetensors", "tokenizer.json"])


def test_repo_without_pytorch_weights() -> None:
    with pytest.raises(ModelUnavailable, match="has no PyTorch weights"):
        choose_files("m", ["config.json", "source.spm", "target.spm", "vocab.json", "tf_model.h5"])


def test_offline_download_is_refused_before_any_network(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    reports: list[str] = []
    with pytest.raises(ModelUnavailable) as info:
        download_from_hub("org/model", lambda message, fraction: reports.append(message))
    assert str(info.value) == offline_message("org/model")
    assert reports == []


@pytest.fixture
def hub(tiny_model: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[HubState]:
    """A running hub serving the tiny model as org/tiny, and an empty hub cache under tmp_path."""
    state = HubState({"org/tiny": repo_from_folder(tiny_model)})
    with hub_for_tests(state, tmp_path / "hub", monkeypatch):
        yield state


def _all_files(root: Path) -> list[Path]:
    return [path for path in root.rglob("*") if path.is_file() and not path.is_symlink()]


def _gets(state: HubState, name: str) -> list[str | None]:
    """The Range header of every GET of ``name`` (None: from byte 0)."""
    return [rng for method, path, rng in state.requests if method == "GET" and path.endswith(f"/{name}")]


def test_clean_download_is_verified_and_found_offline(
    hub: HubState, tiny_model: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    reports: list[tuple[str, float | None]] = []
    folder = download_from_hub("org/tiny", lambda message, fraction: reports.append((message, fraction)))
    for name in ("config.json", "model.safetensors", "source.spm", "target.spm", "vocab.json"):
        assert (folder / name).read_bytes() == (tiny_model / name).read_bytes()
    assert not (folder / "README.md").exists()  # only what the engines read
    assert (folder.parent.parent / "refs" / "main").read_text() == hub.repos["org/tiny"].commit
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    location = find_model("org/tiny")
    assert location is not None
    assert location.folder == folder
    assert reports[0] == ("looking up org/tiny", None)
    assert reports[-1] == ("downloaded org/tiny", 1.0)
    total = sum(
        (tiny_model / name).stat().st_size
        for name in choose_files("m", [p.name for p in tiny_model.iterdir()])
    )
    assert any(
        message.startswith(f"downloading org/tiny: {size_text(total)} of {size_text(total)}")
        for message, _ in reports
    )
    assert not list((tmp_path / "hub").rglob(f"*{PARTIAL_SUFFIX}"))


def test_checksum_mismatch_is_refused_and_leaves_no_bad_bytes(hub: HubState, tmp_path: Path) -> None:
    hub.corrupt.add("model.safetensors")
    bad = bytes(b ^ 0x5A for b in hub.repos["org/tiny"].files["model.safetensors"])
    with pytest.raises(ModelUnavailable) as info:
        download_from_hub("org/tiny")
    assert str(info.value).startswith(
        "'model.safetensors' of model 'org/tiny' does not match the model hub's checksum (its sha256 differs"
    )
    assert "not installed" in str(info.value)
    assert find_model("org/tiny") is None
    assert not any(path.read_bytes() == bad for path in _all_files(tmp_path / "hub"))
    assert not list((tmp_path / "hub").rglob("main"))


def test_a_damaged_small_file_is_caught_by_its_git_checksum(hub: HubState) -> None:
    hub.corrupt.add("vocab.json")
    with pytest.raises(ModelUnavailable, match=r"^'vocab.json' of model 'org/tiny' .*its git sha1 differs"):
        download_from_hub("org/tiny")


def test_a_dropped_connection_resumes_from_where_it_stopped(hub: HubState, tiny_model: Path) -> None:
    size = (tiny_model / "model.safetensors").stat().st_size
    hub.drop["model.safetensors"] = [size // 2]
    folder = download_from_hub("org/tiny")
    assert (folder / "model.safetensors").read_bytes() == (tiny_model / "model.safetensors").read_bytes()
    assert _gets(hub, "model.safetensors") == [None, f"bytes={size // 2}-"]


def test_an_interrupted_download_resumes_in_the_next_run(
    hub: HubState, tiny_model: Path, tmp_path: Path
) -> None:
    size = (tiny_model / "model.safetensors").stat().st_size
    hub.drop["model.safetensors"] = [1000, 1000, 1000]  # three drops in a row: this run gives up
    with pytest.raises(ModelUnavailable, match="was interrupted .*run it again to resume"):
        download_from_hub("org/tiny")
    (partial,) = (tmp_path / "hub").rglob(f"*{PARTIAL_SUFFIX}")
    assert partial.stat().st_size == 3000
    assert find_model("org/tiny") is None
    hub.requests.clear()
    folder = download_from_hub("org/tiny")
    assert (folder / "model.safetensors").stat().st_size == size
    assert _gets(hub, "model.safetensors") == ["bytes=3000-"]
    assert _gets(hub, "config.json") == []  # verified blobs of the first run are kept


def test_unknown_id_gets_its_own_message(hub: HubState) -> None:
    with pytest.raises(ModelUnavailable, match=r"^model 'org/nope' was not found on the model hub"):
        download_from_hub("org/nope")


def test_hub_down_gives_the_offline_message(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import huggingface_hub.constants

    monkeypatch.setattr(huggingface_hub.constants, "HF_HUB_CACHE", str(tmp_path / "hub"))
    monkeypatch.setattr(huggingface_hub.constants, "HF_HUB_OFFLINE", False)  # read at import: conftest's 1
    monkeypatch.setenv("HF_HUB_OFFLINE", "0")
    monkeypatch.setenv("TRANSFORMERS_OFFLINE", "0")
    monkeypatch.setenv("HF_ENDPOINT", closed_port())
    with pytest.raises(ModelUnavailable) as info:
        download_from_hub("org/tiny")
    assert str(info.value) == offline_message("org/tiny")


def test_repo_without_weights_is_refused_before_downloading(hub: HubState) -> None:
    del hub.repos["org/tiny"].files["model.safetensors"]
    with pytest.raises(ModelUnavailable, match="has no PyTorch weights"):
        download_from_hub("org/tiny")
    assert not [r for r in hub.requests if "/resolve/" in r[1]]


def test_a_cancel_from_progress_keeps_what_was_fetched(hub: HubState, tmp_path: Path) -> None:
    class Cancelled(Exception):
        pass

    def cancel(message: str, fraction: float | None) -> None:
        if message.startswith("downloading"):
            raise Cancelled

    with pytest.raises(Cancelled):
        download_from_hub("org/tiny", cancel)
    assert find_model("org/tiny") is None
    assert _all_files(tmp_path / "hub")  # the next attempt starts from here


def _run(code: str, **env: str) -> subprocess.CompletedProcess[str]:
    """``code`` in a fresh interpreter with ``env`` added."""
    return subprocess.run(
        [sys.executable, "-c", code], env={**os.environ, **env}, capture_output=True, text=True, timeout=120
    )


@pytest.mark.slow
def test_a_downloaded_model_translates_offline_in_a_fresh_process(hub: HubState, tmp_path: Path) -> None:
    download_from_hub("org/tiny")
    source = tmp_path / "short.ar.txt"
    source.write_text("التقى مشاركون أمريكيون وروس في سويسرا.\n", encoding="utf-8")
    import huggingface_hub.constants

    command = [sys.executable, "-m", "reader", "translate", str(source), "--model", "org/tiny"]
    command += ["--engine", "transformers", "--no-library"]
    env = {
        **os.environ,
        "HF_HUB_CACHE": huggingface_hub.constants.HF_HUB_CACHE,
        "HF_HUB_OFFLINE": "1",
        "HF_ENDPOINT": closed_port(),
        "BIREADER_CACHE_DIR": str(tmp_path / "fresh-cache"),
        "BIREADER_DATA_DIR": str(tmp_path / "fresh-data"),
    }
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("التقى مشاركون")
    assert len(done.stdout.splitlines()) == 2  # the Arabic and its (random-weight) English
