"""Choosing what to fetch from the hub, progress reporting, and refusing to go online when offline."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from reader.errors import ModelUnavailable
from reader.translate.model_download import choose_files, download_from_hub, progress_bar_class
from reader.translate.model_location import offline_message

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


def test_byte_progress_is_forwarded_as_fractions() -> None:
    reports: list[tuple[str, float | None]] = []
    bar_class = progress_bar_class("org/model", lambda message, fraction: reports.append((message, fraction)))
    # The way huggingface_hub drives its aggregate byte bar: total grows as files are discovered.
    bar = bar_class(total=0, initial=0, unit="B", unit_scale=True, desc="Downloading")
    bar.total = 200
    bar.update(50)
    bar.update(150)
    bar.close()
    assert reports == [("downloading org/model", 0.25), ("downloading org/model", 1.0)]


def test_unknown_total_reports_none_and_file_counters_stay_quiet() -> None:
    reports: list[tuple[str, float | None]] = []
    bar_class = progress_bar_class("m", lambda message, fraction: reports.append((message, fraction)))
    bytes_bar = bar_class(total=None, unit="B")
    bytes_bar.update(10)
    files_bar = bar_class(total=3, desc="Fetching 3 files")
    files_bar.update(1)
    assert reports == [("downloading m", None)]


def test_progress_class_without_callback_is_silent(capsys: pytest.CaptureFixture[str]) -> None:
    bar = progress_bar_class("m", None)(total=10, unit="B")
    bar.update(5)
    bar.close()
    assert capsys.readouterr() == ("", "")


def test_offline_download_is_refused_before_any_network(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    reports: list[str] = []
    with pytest.raises(ModelUnavailable) as info:
        download_from_hub("org/model", lambda message, fraction: reports.append(message))
    assert str(info.value) == offline_message("org/model")
    assert reports == []


class FakeHub:
    """Stands in for the two hub calls (there is no network here); records what was asked."""

    def __init__(self, files: list[str], error: Exception | None = None, root: Path = Path("/hub")) -> None:
        self.files = files
        self.root = root
        self.error = error
        self.downloads: list[dict[str, object]] = []

    def model_info(self, repo_id: str, files_metadata: bool = False) -> object:
        from huggingface_hub.hf_api import RepoSibling

        if self.error is not None:
            raise self.error
        return type(
            "Info", (), {"sha": "c0ffee", "siblings": [RepoSibling(rfilename=f) for f in self.files]}
        )()

    def snapshot_download(self, repo_id: str, **options: object) -> str:
        self.downloads.append({"repo_id": repo_id, **options})
        bar = options["tqdm_class"](total=0, initial=0, unit="B")  # type: ignore[operator]
        bar.total = 100
        bar.update(40)
        bar.update(60)
        return str(self.root / f"models--{repo_id.replace('/', '--')}" / "snapshots" / "c0ffee")


@pytest.fixture
def online(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HF_HUB_OFFLINE", "0")
    monkeypatch.setenv("TRANSFORMERS_OFFLINE", "0")


def install(hub: FakeHub, monkeypatch: pytest.MonkeyPatch) -> None:
    import huggingface_hub

    monkeypatch.setattr(huggingface_hub.HfApi, "model_info", hub.model_info)
    monkeypatch.setattr(huggingface_hub, "snapshot_download", hub.snapshot_download)


@pytest.mark.usefixtures("online")
def test_download_fetches_only_what_marian_needs_at_the_listed_commit(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    hub = FakeHub(OPUS_FILES, root=tmp_path)
    install(hub, monkeypatch)
    reports: list[tuple[str, float | None]] = []
    folder = download_from_hub("org/model", lambda message, fraction: reports.append((message, fraction)))
    assert folder == tmp_path / "models--org--model" / "snapshots" / "c0ffee"
    assert (tmp_path / "models--org--model" / "refs" / "main").read_text() == "c0ffee"
    (call,) = hub.downloads
    assert call["revision"] == "c0ffee"
    assert call["allow_patterns"] == choose_files("org/model", OPUS_FILES)
    assert reports == [
        ("looking up org/model", None),
        ("downloading org/model", 0.4),
        ("downloading org/model", 1.0),
        ("downloaded org/model", 1.0),
    ]


@pytest.mark.usefixtures("online")
def test_unknown_repo_gets_its_own_message(monkeypatch: pytest.MonkeyPatch) -> None:
    import httpx2
    from huggingface_hub.errors import RepositoryNotFoundError

    response = httpx2.Response(
        404, request=httpx2.Request("GET", "https://huggingface.co/api/models/org/nope")
    )
    install(FakeHub([], RepositoryNotFoundError("404", response=response)), monkeypatch)
    with pytest.raises(ModelUnavailable, match=r"^model 'org/nope' was not found on the model hub"):
        download_from_hub("org/nope")


@pytest.mark.usefixtures("online")
@pytest.mark.parametrize("error_name", ["ConnectError", "ConnectTimeout", "OSError"])
def test_unreachable_hub_gives_the_offline_message(error_name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    import httpx2

    error = (
        OSError("network is unreachable") if error_name == "OSError" else getattr(httpx2, error_name)("down")
    )
    install(FakeHub([], error), monkeypatch)
    with pytest.raises(ModelUnavailable) as info:
        download_from_hub("org/model")
    assert str(info.value) == offline_message("org/model")


@pytest.mark.usefixtures("online")
def test_repo_without_weights_is_refused_before_downloading(monkeypatch: pytest.MonkeyPatch) -> None:
    hub = FakeHub(["config.json", "source.spm", "target.spm", "vocab.json", "tf_model.h5"])
    install(hub, monkeypatch)
    with pytest.raises(ModelUnavailable, match="has no PyTorch weights"):
        download_from_hub("org/model")
    assert hub.downloads == []


def _run(code: str, **env: str) -> subprocess.CompletedProcess[str]:
    """``code`` in a fresh interpreter (huggingface_hub reads HF_ENDPOINT and HF_HUB_CACHE on import)."""
    return subprocess.run(
        [sys.executable, "-c", code], env={**os.environ, **env}, capture_output=True, text=True, timeout=120
    )


@pytest.mark.slow
def test_a_downloaded_model_is_found_offline_in_a_fresh_process(tiny_model: Path, tmp_path: Path) -> None:
    from tests.helpers.hub_server import HubState, repo_from_folder, running_hub

    hub_cache = str(tmp_path / "hub")
    state = HubState({"org/tiny": repo_from_folder(tiny_model)})
    with running_hub(state) as endpoint:
        fetched = _run(
            "from reader.translate.model_download import download_from_hub; print(download_from_hub('org/tiny'))",
            HF_ENDPOINT=endpoint,
            HF_HUB_CACHE=hub_cache,
            HF_HUB_OFFLINE="0",
            TRANSFORMERS_OFFLINE="0",
        )
    assert fetched.returncode == 0, fetched.stderr
    found = _run(
        "from reader.translate.model_location import find_model; print(find_model('org/tiny').folder)",
        HF_HUB_CACHE=hub_cache,
        HF_HUB_OFFLINE="1",
    )
    assert found.returncode == 0, found.stderr
    assert found.stdout.strip() == fetched.stdout.strip()
