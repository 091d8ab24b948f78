"""What is on this machine: each known, downloaded or imported model, installed or not, converted or not.

Looks only at disk (the hub cache, the converted-model folder, the imported list): no network.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from reader.errors import ReaderError
from reader.models.catalogue import CATALOGUE, KnownModel, known_model
from reader.models.registry import imported_folders
from reader.paths import models_dir
from reader.translate.ct2_convert import is_converted
from reader.translate.model_location import ModelLocation, find_model

CONVERTED_QUANTIZATION = "int8"  # what --engine auto runs, so what a download prepares


@dataclass(frozen=True)
class ModelEntry:
    """One row of ``models list``: ``model`` is a hub id or an imported folder's path."""

    model: str
    origin: str  # "catalogue", "hub cache" (downloaded, not in the catalogue) or "imported"
    known: KnownModel | None
    location: ModelLocation | None
    converted: bool
    problem: str | None = None

    @property
    def installed(self) -> bool:
        return self.location is not None

    def disk_bytes(self) -> int:
        """Bytes of the installed checkpoint's files (0 when not installed)."""
        if self.location is None:
            return 0
        return sum(path.stat().st_size for path in self.location.folder.iterdir() if path.is_file())

    def record(self) -> dict[str, object]:
        """The entry as ``models list --json`` prints it."""
        known = self.known
        return {
            "model": self.model,
            "origin": self.origin,
            "installed": self.installed,
            "folder": str(self.location.folder) if self.location else None,
            "converted": self.converted,
            "disk_bytes": self.disk_bytes(),
            "approx_bytes": known.approx_bytes if known else None,
            "licence": known.licence if known else None,
            "quality": known.quality if known else None,
            "quality_source": known.quality_source if known else None,
            "summary": known.summary if known else None,
            "problem": self.problem,
        }


def converted_folders(location: ModelLocation) -> list[Path]:
    """Every CTranslate2 conversion of this checkpoint (any quantization, any ct2 format)."""
    root = models_dir() / "ct2"
    try:
        return sorted(path for path in root.glob(f"{location.fingerprint}-*") if path.is_dir())
    except OSError:
        return []


def is_prepared(location: ModelLocation) -> bool:
    """True when the conversion ``--engine auto`` uses exists, so the first translation need not wait."""
    prefix = f"{location.fingerprint}-{CONVERTED_QUANTIZATION}-"
    return any(path.name.startswith(prefix) and is_converted(path) for path in converted_folders(location))


def hub_cached_ids() -> list[str]:
    """Hub ids with a ``refs/main`` in huggingface_hub's cache (any tool may have fetched them)."""
    from huggingface_hub import constants

    try:
        folders = sorted(Path(constants.HF_HUB_CACHE).glob("models--*"))
    except OSError:
        return []
    return [
        folder.name.removeprefix("models--").replace("--", "/")
        for folder in folders
        if (folder / "refs" / "main").is_file()
    ]


def _entry(model: str, origin: str) -> ModelEntry:
    try:
        location = find_model(model)
    except ReaderError as error:
        return ModelEntry(model, origin, known_model(model), None, False, str(error))
    converted = location is not None and is_prepared(location)
    return ModelEntry(model, origin, known_model(model), location, converted)


def list_models() -> list[ModelEntry]:
    """The catalogue first, then other Marian models in the hub cache, then imported folders."""
    entries = [_entry(known.model_id, "catalogue") for known in CATALOGUE]
    listed = {entry.model for entry in entries}
    for model_id in hub_cached_ids():
        if model_id not in listed:
            entry = _entry(model_id, "hub cache")
            if entry.installed:  # other tools' models that are not Marian checkpoints stay out
                entries.append(entry)
    entries += [_entry(str(folder), "imported") for folder in imported_folders()]
    return entries
