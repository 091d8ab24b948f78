"""Getting and dropping models: download (verified) then convert, import a folder, remove.

Each step reports through ``progress(message, fraction)`` and stops when it raises (the window's
cancel); a cancelled download keeps its partial file for the next attempt.
"""

from __future__ import annotations

import logging
import shutil
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from reader.errors import BadInput, ModelUnavailable
from reader.models.inventory import CONVERTED_QUANTIZATION, converted_folders
from reader.models.registry import forget_folder, imported_folders, remember_folder
from reader.paths import translation_cache_path
from reader.translate.ct2_convert import Ct2Unavailable, ensure_converted
from reader.translate.model_download import download_from_hub, hub_cache_folder
from reader.translate.model_files import Progress
from reader.translate.model_location import ModelLocation, find_model, hub_location, looks_like_path

log = logging.getLogger(__name__)
_CACHE_TABLES = ("translations", "alternatives", "alignments", "qualities")


def _prepare(location: ModelLocation, progress: Progress | None) -> str | None:
    """Convert for CTranslate2 now so the first translation does not wait; a warning line if it cannot."""
    try:
        ensure_converted(location, CONVERTED_QUANTIZATION, progress)
    except Ct2Unavailable as error:
        return f"{error}; translation will use transformers"
    return None


def install(model_id: str, progress: Progress | None = None) -> tuple[ModelLocation, str | None]:
    """Download ``model_id`` (a hub id) unless installed, then convert it; return it and any warning."""
    if looks_like_path(model_id):
        raise BadInput(f"'{model_id}' is a folder, not a hub id: use 'models import' for a folder")
    location = find_model(model_id)
    if location is None:
        location = hub_location(model_id, download_from_hub(model_id, progress))
    return location, _prepare(location, progress)


def import_folder(path: str, progress: Progress | None = None) -> tuple[ModelLocation, str | None]:
    """Check a local checkpoint folder as the engines do, remember it, and convert it."""
    if not looks_like_path(path) or not Path(path).expanduser().is_dir():
        raise BadInput(f"'{path}' is not a folder: import takes a local MarianMT checkpoint folder")
    location = find_model(path)
    assert location is not None  # a folder is never "not downloaded"
    remember_folder(location.folder)
    return location, _prepare(location, progress)


@dataclass
class Removal:
    """What removing a model takes away (shown before asking, counted after)."""

    model: str
    paths: list[Path] = field(default_factory=list)
    forget: Path | None = None  # an imported folder: only its place in the list
    cache_rows: int = 0


def plan_removal(model: str) -> Removal:
    """What ``remove`` would delete for ``model``: its hub files, conversions, cache entries.

    An imported folder is the user's: it is only forgotten, its conversions are deleted.
    Raises :class:`BadInput` when there is nothing of ``model`` to remove.
    """
    removal = Removal(model)
    if looks_like_path(model):
        folder = Path(model).expanduser().resolve()
        if folder not in imported_folders():
            raise BadInput(f"'{model}' is not an imported model folder")
        removal.forget = folder
        try:
            location = find_model(str(folder))
        except ModelUnavailable:
            location = None
    else:
        location = find_model(model)
        hub = hub_cache_folder(model)
        removal.paths += [path for path in (hub, hub.parent / ".locks" / hub.name) if path.exists()]
    if location is not None:
        removal.paths += converted_folders(location)
    if not removal.paths and removal.forget is None:
        raise BadInput(f"model '{model}' is not installed")
    return removal


def remove(removal: Removal) -> Removal:
    """Delete what :func:`plan_removal` found, and the model's translation-cache entries."""
    for path in removal.paths:
        shutil.rmtree(path, ignore_errors=True)
    if removal.forget is not None:
        forget_folder(removal.forget)
    model = str(removal.forget) if removal.forget is not None else removal.model
    removal.cache_rows = forget_cached_translations(model)
    return removal


def forget_cached_translations(model: str) -> int:
    """Delete the translation cache's rows made with ``model`` (their setup starts ``MODEL|``)."""
    path = translation_cache_path()
    if not path.is_file():
        return 0
    prefix = f"{model}|"
    removed = 0
    try:
        connection = sqlite3.connect(path, timeout=10)
        try:
            present = {
                row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
            with connection:
                for table in (name for name in _CACHE_TABLES if name in present):
                    cursor = connection.execute(
                        f"DELETE FROM {table} WHERE substr(setup, 1, ?) = ?", (len(prefix), prefix)
                    )
                    removed += max(cursor.rowcount, 0)
        finally:
            connection.close()
    except sqlite3.Error as error:  # the cache is never the reason something fails
        log.warning("could not remove cached translations of %s: %s", model, error)
    return removed
