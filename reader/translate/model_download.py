"""Fetch a MarianMT checkpoint from the model hub once, reporting progress to a callback.

Only the files a Marian engine reads are fetched (an opus-mt repo also carries TensorFlow and
Rust weights three times the size), safetensors in preference to a pickled ``.bin``. Every
failure to reach the hub becomes one :class:`ModelUnavailable` line that says how to fix it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tqdm.auto import tqdm  # type: ignore[import-untyped]

from reader.atomic import atomic_writer
from reader.errors import ModelUnavailable
from reader.translate.model_location import (
    PICKLED_WEIGHTS,
    SAFE_WEIGHTS,
    TOKENIZER_FILES,
    Progress,
    is_offline,
    offline_message,
)

_SMALL_FILES = ("config.json", "generation_config.json", "tokenizer_config.json", "special_tokens_map.json")


def choose_files(repo_id: str, repo_files: list[str]) -> list[str]:
    """The files to download from a repo listing: configs, tokenizer, and one weights file.

    Raises :class:`ModelUnavailable` when the repo has no Marian tokenizer or no usable weights.
    """
    present = set(repo_files)
    missing = [name for name in ("config.json", *TOKENIZER_FILES) if name not in present]
    if missing:
        raise ModelUnavailable(
            f"'{repo_id}' on the model hub is not a MarianMT checkpoint: it has no {', '.join(missing)}"
        )
    if SAFE_WEIGHTS in present:
        weights = SAFE_WEIGHTS
    elif PICKLED_WEIGHTS in present:
        weights = PICKLED_WEIGHTS
    else:
        raise ModelUnavailable(
            f"'{repo_id}' on the model hub has no PyTorch weights ({SAFE_WEIGHTS} or {PICKLED_WEIGHTS})"
        )
    optional = [name for name in (*_SMALL_FILES, "target_vocab.json") if name in present]
    return sorted({"config.json", *TOKENIZER_FILES, *optional, weights})


def progress_bar_class(model: str, progress: Progress | None) -> type[Any]:
    """A silent tqdm class that forwards byte counts to ``progress(message, fraction)``.

    huggingface_hub drives its download bars through a tqdm class; ours never draws, it only
    reports, so the window (or the CLI) decides how progress looks.
    """

    class _Reporting(tqdm):  # type: ignore[misc]  # tqdm ships no type hints
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            kwargs.pop("name", None)
            kwargs["disable"] = True
            super().__init__(*args, **kwargs)
            self._bytes = kwargs.get("unit") == "B"
            self.n = kwargs.get("initial", 0) or 0

        def update(self, n: float | None = 1) -> bool | None:
            self.n += n or 0
            if self._bytes and progress is not None and self.n:
                total = self.total or 0
                fraction = min(1.0, self.n / total) if total > 0 else None
                progress(f"downloading {model}", fraction)
            return None

    return _Reporting


def download_from_hub(repo_id: str, progress: Progress | None = None) -> Path:
    """Download the files a Marian engine needs into the hub cache; return the snapshot folder."""
    if is_offline():
        raise ModelUnavailable(offline_message(repo_id))
    from huggingface_hub import HfApi, snapshot_download
    from huggingface_hub.errors import (
        GatedRepoError,
        HfHubHTTPError,
        LocalEntryNotFoundError,
        OfflineModeIsEnabled,
        RepositoryNotFoundError,
    )

    if progress is not None:
        progress(f"looking up {repo_id}", None)
    try:
        info = HfApi().model_info(repo_id, files_metadata=False)
        files = choose_files(repo_id, [entry.rfilename for entry in info.siblings or []])
        folder = snapshot_download(
            repo_id,
            revision=info.sha,
            allow_patterns=files,
            tqdm_class=progress_bar_class(repo_id, progress),
        )
    except (RepositoryNotFoundError, GatedRepoError) as error:
        raise ModelUnavailable(
            f"model '{repo_id}' was not found on the model hub (or needs a login): "
            "check the name, or use --model PATH to a local MarianMT folder"
        ) from error
    except (OfflineModeIsEnabled, LocalEntryNotFoundError, HfHubHTTPError, OSError) as error:
        raise ModelUnavailable(offline_message(repo_id)) from error
    except Exception as error:  # httpx connection errors and timeouts have no common public base
        if type(error).__module__.split(".")[0].startswith("httpx"):
            raise ModelUnavailable(offline_message(repo_id)) from error
        raise
    snapshot = Path(str(folder))
    if info.sha:
        remember_main_revision(snapshot, info.sha)
    if progress is not None:
        progress(f"downloaded {repo_id}", 1.0)
    return snapshot


def remember_main_revision(snapshot: Path, commit: str) -> None:
    """Write ``refs/main`` = ``commit`` beside ``snapshot`` (``…/models--org--name/snapshots/COMMIT``).

    The download asks for the listed commit rather than "main" (so the files chosen are the files
    fetched), and huggingface_hub writes a ref only for a branch name: without this, an offline
    lookup of the hub id (which reads refs/main) never finds the model just downloaded.
    """
    refs = snapshot.parent.parent / "refs"
    try:
        refs.mkdir(parents=True, exist_ok=True)
        with atomic_writer(refs / "main") as handle:
            handle.write(commit.encode("ascii"))
    except OSError as error:
        raise ModelUnavailable(f"cannot record the downloaded model in {refs}: {error}") from error
