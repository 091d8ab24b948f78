"""The local model folders a user imported, remembered in the user data folder (``models.json``).

Folders are only remembered, never copied or owned: removing one from the list leaves the
folder as it was. A missing or unreadable list is an empty one.
"""

from __future__ import annotations

import json
from pathlib import Path

from reader.atomic import atomic_write_bytes
from reader.paths import user_data_dir


def registry_path() -> Path:
    return user_data_dir() / "models.json"


def imported_folders() -> list[Path]:
    """The remembered folders, in the order they were imported."""
    try:
        data = json.loads(registry_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    folders = data.get("folders") if isinstance(data, dict) else None
    return [Path(item) for item in folders or [] if isinstance(item, str)]


def _save(folders: list[Path]) -> None:
    path = registry_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps({"folders": [str(folder) for folder in folders]}, indent=1, ensure_ascii=False)
    atomic_write_bytes(path, text.encode("utf-8"))


def remember_folder(folder: Path) -> None:
    """Add ``folder`` (absolute) to the list unless it is there."""
    folders = imported_folders()
    if folder not in folders:
        _save([*folders, folder])


def forget_folder(folder: Path) -> bool:
    """Drop ``folder`` from the list; False when it was not there."""
    folders = imported_folders()
    if folder not in folders:
        return False
    _save([item for item in folders if item != folder])
    return True
