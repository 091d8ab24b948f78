"""Turn ``--model`` (a hub id or a folder) into a checked local MarianMT folder and a content fingerprint.

Nothing here imports torch or transformers: the translation cache needs the model's fingerprint
to look sentences up, and a fully cached document must open without paying for those imports.
Engines (transformers now, CTranslate2 later) all start from a :class:`ModelLocation`. Finding never
downloads: :func:`reader.translate.model_access.require_model` adds the download, so this module
and :mod:`reader.translate.model_download` do not import each other.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path

from reader.display import one_line
from reader.errors import BadInput, ModelUnavailable
from reader.translate.model_files import FINGERPRINTED_FILES as FINGERPRINTED_FILES
from reader.translate.model_files import PICKLED_WEIGHTS as PICKLED_WEIGHTS
from reader.translate.model_files import SAFE_WEIGHTS as SAFE_WEIGHTS
from reader.translate.model_files import TOKENIZER_FILES as TOKENIZER_FILES
from reader.translate.model_files import Progress as Progress
from reader.translate.model_files import is_offline as is_offline
from reader.translate.model_files import offline_message as offline_message

_HUB_ID = re.compile(r"^[A-Za-z0-9][\w.-]*/[\w.-]+$|^[A-Za-z0-9][\w.-]*$")
_WHOLE_FILE_LIMIT = 4 * 1024 * 1024
_SAMPLE_BYTES = 64 * 1024


@dataclass(frozen=True)
class ModelLocation:
    """A checked MarianMT checkpoint on disk.

    ``model`` is what the user asked for (hub id, or the folder's absolute path); ``weights`` is
    the file to load; ``fingerprint`` changes whenever any file that affects the output does.
    """

    model: str
    folder: Path
    from_hub: bool
    weights: Path
    fingerprint: str

    @property
    def pickled_weights(self) -> bool:
        """True when the weights are a torch pickle rather than safetensors."""
        return self.weights.name == PICKLED_WEIGHTS


def _expanded(model: str) -> Path:
    """``model`` as a path with ``~`` expanded; an unknown user is a one-line ModelUnavailable."""
    try:
        return Path(model).expanduser()
    except RuntimeError:  # ~nouser/…: no such user, or no home folder to expand ~ to
        user = model[1:].split("/", 1)[0]
        raise ModelUnavailable(
            f"model folder '{one_line(model)}' cannot be found: "
            + (f"there is no user '{one_line(user)}'" if user else "there is no home folder")
        ) from None


def _path_exists(model: str, path: Path) -> bool:
    """Whether ``path`` exists; a permission problem or an over-long name is a one-line ModelUnavailable."""
    try:
        os.stat(path)
    except (FileNotFoundError, NotADirectoryError):
        return False
    except OSError as error:
        raise ModelUnavailable(
            f"cannot use model folder '{one_line(model)}': {error.strerror or error}"
        ) from None
    return True


def looks_like_path(model: str) -> bool:
    """True when ``model`` names a folder rather than a hub id (it exists, or is shaped like a path)."""
    if model.startswith("~") or _path_exists(model, _expanded(model)):
        return True
    return model.startswith(("/", ".")) or "\\" in model or not _HUB_ID.match(model)


def fingerprint_folder(folder: Path, names: tuple[str, ...] = FINGERPRINTED_FILES) -> str:
    """A short hash of the files that decide the model's output, fast enough to compute on every open.

    Small files are hashed whole. Weight files (hundreds of MB) are hashed by size plus 64 KiB from
    their start, middle and end: different training runs differ everywhere, and reading 192 KiB
    keeps reopening a cached document near-instant where hashing 300 MB would take a second.
    File times are left out so copying a model folder keeps its cached translations.
    """
    digest = hashlib.sha256()
    for name in names:
        path = folder / name
        if not path.is_file():
            continue
        size = path.stat().st_size
        digest.update(f"{name}\0{size}\0".encode())
        with path.open("rb") as handle:
            if size <= _WHOLE_FILE_LIMIT:
                digest.update(handle.read())
                continue
            for offset in (0, size // 2, size - _SAMPLE_BYTES):
                handle.seek(offset)
                digest.update(handle.read(_SAMPLE_BYTES))
    return digest.hexdigest()[:16]


def check_checkpoint(folder: Path, *, allow_pickled: bool, label: str) -> Path:
    """Check that ``folder`` holds a MarianMT checkpoint; return its weights file.

    Raises :class:`ModelUnavailable` with a one-line reason naming ``label`` otherwise.
    """
    config_path = folder / "config.json"
    if not config_path.is_file():
        raise ModelUnavailable(f"'{label}' is not a MarianMT checkpoint: it has no config.json")
    try:
        config = json.loads(config_path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ModelUnavailable(
            f"'{label}' is not a MarianMT checkpoint: config.json is unreadable"
        ) from error
    model_type = config.get("model_type") if isinstance(config, dict) else None
    if model_type != "marian":
        raise ModelUnavailable(
            f"'{label}' is not a MarianMT checkpoint: its config.json says model_type {model_type!r}"
        )
    missing = [name for name in TOKENIZER_FILES if not (folder / name).is_file()]
    if missing:
        raise ModelUnavailable(
            f"'{label}' is not a complete MarianMT checkpoint: missing {', '.join(missing)}"
        )
    if (folder / SAFE_WEIGHTS).is_file():
        return folder / SAFE_WEIGHTS
    if (folder / PICKLED_WEIGHTS).is_file():
        # Unpickling a torch .bin can run code hidden in the file. We accept that risk only for the
        # hub repo the user named themselves (by default Helsinki-NLP's own opus-mt upload, fetched
        # over HTTPS into the hub cache, and loaded with torch's weights_only unpickler). A loose
        # folder may come from anywhere, so there only plain-data safetensors are read.
        if allow_pickled:
            return folder / PICKLED_WEIGHTS
        raise ModelUnavailable(
            f"'{label}' has only pickled weights ({PICKLED_WEIGHTS}), which are not loaded from a folder "
            f"for safety: save it again as {SAFE_WEIGHTS} (save_pretrained(..., safe_serialization=True))"
        )
    raise ModelUnavailable(f"'{label}' is not a MarianMT checkpoint: it has no {SAFE_WEIGHTS}")


def _folder_location(model: str) -> ModelLocation:
    folder = _expanded(model).resolve()
    if not _path_exists(model, folder):
        raise ModelUnavailable(f"model folder '{one_line(model)}' does not exist")
    if not folder.is_dir():
        raise ModelUnavailable(
            f"'{one_line(model)}' is not a MarianMT checkpoint: it is a file, not a folder"
        )
    weights = check_checkpoint(folder, allow_pickled=False, label=one_line(model))
    return ModelLocation(str(folder), folder, False, weights, fingerprint_folder(folder))


def cached_hub_folder(repo_id: str) -> Path | None:
    """The hub cache's snapshot folder for ``repo_id`` (main revision), or None; never uses the network."""
    from huggingface_hub import try_to_load_from_cache
    from huggingface_hub.errors import HFValidationError

    try:
        found = try_to_load_from_cache(repo_id, "config.json")
    except HFValidationError as error:
        raise BadInput(f"'{repo_id}' is neither a model folder nor a model hub id") from error
    return Path(found).parent if isinstance(found, str) else None


def hub_location(repo_id: str, folder: Path) -> ModelLocation:
    """The checked location of a hub snapshot folder (pickled weights allowed: the repo was named)."""
    weights = check_checkpoint(folder, allow_pickled=True, label=repo_id)
    return ModelLocation(repo_id, folder, True, weights, fingerprint_folder(folder))


def find_model(model: str) -> ModelLocation | None:
    """Locate ``model`` without any network access; None when it is a hub id that is not downloaded.

    Raises :class:`ModelUnavailable` for folders that are missing, unreachable or not Marian (every
    model problem exits 3), :class:`BadInput` for a name that is neither a folder nor a hub id.
    """
    if looks_like_path(model):
        return _folder_location(model)
    folder = cached_hub_folder(model)
    if folder is None:
        return None
    try:
        return hub_location(model, folder)
    except ModelUnavailable:
        return None  # a partial download: require_model() will complete it
