"""Fetch a MarianMT checkpoint from the model hub once, every file checked, into huggingface_hub's cache.

Only the files a Marian engine reads are fetched (an opus-mt repo also carries TensorFlow and
Rust weights three times the size), safetensors in preference to a pickled ``.bin``. The hub's
listing (``model_info`` with ``blobs``) gives each file's size and checksum: sha256 for LFS files,
git's blob id for the rest. Files stream into partial files of our own (resumed with ``Range``,
see :mod:`reader.translate.hub_transfer`), become blobs only when they match, and the snapshot's
links and ``refs/main`` are written last: a model counts as installed only when all of it is
verified, and the layout is huggingface_hub's own, so transformers and other tools reuse it.

The hub is ``HF_ENDPOINT`` (a mirror) when set. Every failure is one :class:`ModelUnavailable` line.
"""

from __future__ import annotations

import os
import shutil
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reader.atomic import atomic_writer
from reader.errors import ModelUnavailable
from reader.translate.hub_transfer import ChecksumMismatch, ExpectedFile, Interrupted, fetch, hash_file, place
from reader.translate.model_files import (
    PICKLED_WEIGHTS,
    SAFE_WEIGHTS,
    TOKENIZER_FILES,
    Progress,
    hub_endpoint,
    is_offline,
    offline_message,
)

_SMALL_FILES = ("config.json", "generation_config.json", "tokenizer_config.json", "special_tokens_map.json")
PARTIAL_SUFFIX = ".bireader-partial"
_REPORT_SECONDS = 0.25


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


def hub_cache_folder(repo_id: str) -> Path:
    """huggingface_hub's cache folder for ``repo_id`` (``HF_HUB_CACHE``/models--org--name)."""
    from huggingface_hub import constants

    return Path(constants.HF_HUB_CACHE) / f"models--{repo_id.replace('/', '--')}"


def size_text(count: float) -> str:
    """Bytes for people: ``812 KB``, ``12.3 MB``, ``1.2 GB``."""
    for unit, scale in (("GB", 1e9), ("MB", 1e6), ("KB", 1e3)):
        if count >= scale:
            return f"{count / scale:.1f} {unit}" if count < 100 * scale else f"{count / scale:.0f} {unit}"
    return f"{int(count)} B"


class TransferMeter:
    """Turns byte counts into ``progress`` reports with bytes, rate and time left (a few a second)."""

    def __init__(self, repo_id: str, total: int, progress: Progress | None) -> None:
        self.repo_id, self.total, self.progress = repo_id, total, progress
        self.done = self.resumed = 0
        self.started = time.monotonic()
        self._last = 0.0

    def skip(self, count: int) -> None:
        """Bytes already on disk: they count as done but not toward the rate."""
        self.done += count
        self.resumed += count

    def add(self, count: int) -> None:
        self.done += count
        now = time.monotonic()
        if self.progress is not None and (now - self._last >= _REPORT_SECONDS or self.done >= self.total):
            self._last = now
            self.progress(self.message(now), min(1.0, self.done / self.total) if self.total else None)

    def message(self, now: float) -> str:
        elapsed = max(now - self.started, 1e-6)
        rate = (self.done - self.resumed) / elapsed
        text = f"downloading {self.repo_id}: {size_text(self.done)} of {size_text(self.total)}"
        if rate > 0:
            left = max(0.0, (self.total - self.done) / rate)
            text += f", {size_text(rate)}/s, {_duration(left)} left"
        return text


def _duration(seconds: float) -> str:
    if seconds < 60:
        return f"{seconds:.0f} s"
    if seconds < 3600:
        return f"{seconds // 60:.0f} min {seconds % 60:.0f} s"
    return f"{seconds // 3600:.0f} h {seconds % 3600 // 60:.0f} min"


@dataclass(frozen=True)
class Listing:
    """What the hub's main branch holds: its commit and the files to fetch, with checksums."""

    commit: str
    files: list[ExpectedFile]


def list_hub_files(repo_id: str) -> Listing:
    """Ask the hub for ``repo_id``'s main commit and the Marian files' sizes and checksums."""
    from huggingface_hub import HfApi

    info = HfApi(endpoint=hub_endpoint()).model_info(repo_id, files_metadata=True)
    siblings = {entry.rfilename: entry for entry in info.siblings or []}
    files = []
    for name in choose_files(repo_id, list(siblings)):
        entry = siblings[name]
        lfs = entry.lfs
        size = lfs.size if lfs is not None else entry.size
        if size is None or (lfs is None and not entry.blob_id):
            raise ModelUnavailable(f"the model hub listed no checksum for '{name}' of '{repo_id}'")
        files.append(ExpectedFile(name, size, lfs.sha256 if lfs is not None else None, entry.blob_id))
    if not info.sha:
        raise ModelUnavailable(f"the model hub listed no commit for '{repo_id}'")
    return Listing(info.sha, files)


def download_from_hub(repo_id: str, progress: Progress | None = None) -> Path:
    """Download and verify the files a Marian engine needs; return the snapshot folder.

    Whatever ``progress`` raises (the window's cancel) stops the download with the partial file
    kept for the next attempt.
    """
    if is_offline():
        raise ModelUnavailable(offline_message(repo_id))
    import httpx2
    from huggingface_hub.errors import GatedRepoError, HfHubHTTPError, RepositoryNotFoundError

    if progress is not None:
        progress(f"looking up {repo_id}", None)
    try:
        listing = list_hub_files(repo_id)
        return _fetch_all(repo_id, listing, progress)
    except (RepositoryNotFoundError, GatedRepoError) as error:
        raise ModelUnavailable(
            f"model '{repo_id}' was not found on the model hub (or needs a login): "
            "check the name, or use --model PATH to a local MarianMT folder"
        ) from error
    except (HfHubHTTPError, httpx2.HTTPStatusError) as error:
        status = error.response.status_code if error.response is not None else "?"
        raise ModelUnavailable(f"the model hub refused model '{repo_id}' (HTTP {status})") from error
    except (httpx2.TransportError, ConnectionError) as error:
        raise ModelUnavailable(offline_message(repo_id)) from error


def _fetch_all(repo_id: str, listing: Listing, progress: Progress | None) -> Path:
    import httpx2
    from huggingface_hub.utils._headers import build_hf_headers

    folder = hub_cache_folder(repo_id)
    blobs = folder / "blobs"
    snapshot = folder / "snapshots" / listing.commit
    meter = TransferMeter(repo_id, sum(item.size for item in listing.files), progress)
    headers = build_hf_headers()
    headers["Accept-Encoding"] = "identity"  # sizes and Range offsets are in the file's own bytes
    try:
        blobs.mkdir(parents=True, exist_ok=True)
        with httpx2.Client(timeout=httpx2.Timeout(30.0)) as client:
            for item in listing.files:
                _fetch_one(client, repo_id, listing.commit, item, blobs, headers, meter)
        snapshot.mkdir(parents=True, exist_ok=True)
        for item in listing.files:
            _link(blobs / item.etag, snapshot / item.name)
        remember_main_revision(snapshot, listing.commit)
    except OSError as error:
        raise ModelUnavailable(
            f"cannot store model '{repo_id}' in {folder}: {error.strerror or error}"
        ) from error
    if progress is not None:
        progress(f"downloaded {repo_id}", 1.0)
    return snapshot


def _fetch_one(
    client: Any,
    repo_id: str,
    commit: str,
    item: ExpectedFile,
    blobs: Path,
    headers: dict[str, str],
    meter: TransferMeter,
) -> None:
    blob = blobs / item.etag
    if blob.is_file():
        if blob.stat().st_size == item.size and item.matches(hash_file(blob, item)):
            meter.skip(item.size)
            return
        blob.unlink()  # damaged, or not what the hub lists now
    partial = blobs / f"{item.etag}{PARTIAL_SUFFIX}"
    url = f"{hub_endpoint()}/{repo_id}/resolve/{commit}/{item.name}"
    try:
        fetch(client, url, headers, partial, item, meter.add, meter.skip)
    except ChecksumMismatch as error:
        raise ModelUnavailable(
            f"'{item.name}' of model '{repo_id}' does not match the model hub's checksum ({error}): "
            "it was deleted and the model was not installed"
        ) from error
    except Interrupted as error:
        raise ModelUnavailable(
            f"the download of model '{repo_id}' was interrupted ({item.name}: {error}): "
            "run it again to resume where it stopped"
        ) from error
    place(partial, blob)


def _link(blob: Path, name: Path) -> None:
    """Point the snapshot's ``name`` at ``blob`` as huggingface_hub does (a copy where links fail)."""
    if name.is_symlink() or name.exists():
        name.unlink()
    try:
        name.symlink_to(os.path.relpath(blob, name.parent))
    except OSError:
        shutil.copyfile(blob, name)


def remember_main_revision(snapshot: Path, commit: str) -> None:
    """Write ``refs/main`` = ``commit`` beside ``snapshot`` (``…/models--org--name/snapshots/COMMIT``).

    Offline lookups of a hub id read refs/main; it is written last, so a model whose files are
    not all verified is never found.
    """
    refs = snapshot.parent.parent / "refs"
    refs.mkdir(parents=True, exist_ok=True)
    with atomic_writer(refs / "main") as handle:
        handle.write(commit.encode("ascii"))
