"""Where the reader keeps its own files: one user cache folder, overridable for tests and portable installs.

Everything regenerable (translation cache, converted models) lives under :func:`user_cache_dir`.
``BIREADER_CACHE_DIR`` overrides the platform default so the test suite, a portable copy on a USB
stick, or a user short of home-folder space can point it elsewhere.
"""

from __future__ import annotations

import os
from pathlib import Path

from reader.display import one_line
from reader.errors import BadInput

APP_NAME = "bireader"
CACHE_DIR_VARIABLE = "BIREADER_CACHE_DIR"


def user_cache_dir() -> Path:
    """The cache folder (not created): ``$BIREADER_CACHE_DIR``, else the platform's user cache folder."""
    override = os.environ.get(CACHE_DIR_VARIABLE, "").strip()
    if override:
        try:
            return Path(override).expanduser()
        except RuntimeError:  # ~nouser/…
            raise BadInput(
                f"{CACHE_DIR_VARIABLE} names a home folder that does not exist: {one_line(override)}"
            ) from None
    import platformdirs  # small, but only needed when no override is set

    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))


def translation_cache_path() -> Path:
    """The SQLite file holding finished translations."""
    return user_cache_dir() / "translations.sqlite3"


def models_dir() -> Path:
    """Folder for models the reader builds itself (converted engines, benchmark models)."""
    return user_cache_dir() / "models"


DATA_DIR_VARIABLE = "BIREADER_DATA_DIR"


def user_data_dir() -> Path:
    """The folder for what the reader keeps of the user's (not regenerable, unlike the cache):
    ``$BIREADER_DATA_DIR``, else the platform's user data folder. Not created here."""
    override = os.environ.get(DATA_DIR_VARIABLE, "").strip()
    if override:
        return Path(override).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
