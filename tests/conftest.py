"""Suite-wide set-up: no display, no network, no user folders, no leaked threads."""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

# Qt draws into memory: CI has no display.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Nothing in the suite may reach a model hub.
os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["TRANSFORMERS_OFFLINE"] = "1"

REPO = Path(__file__).resolve().parent.parent
SEED = REPO / "seeds" / "news_us_russia_talks_switzerland.ar.txt"


@pytest.fixture
def seed_path() -> Path:
    """The sample Arabic news article."""
    return SEED


@pytest.fixture
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(autouse=True)
def _isolated_user_folders(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep caches and settings out of the real home folder."""
    monkeypatch.setenv("BIREADER_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
    monkeypatch.delenv("BIREADER_MODEL", raising=False)


@pytest.fixture(autouse=True)
def _no_leaked_threads() -> Iterator[None]:
    """Fail any test that leaves a thread running (as napari does): cancel must be real."""
    before = set(threading.enumerate())
    yield
    leaked = [
        t
        for t in threading.enumerate()
        if t not in before and t.is_alive() and not t.daemon and t is not threading.current_thread()
    ]
    for thread in leaked:
        thread.join(timeout=5)
    still = [t.name for t in leaked if t.is_alive()]
    assert not still, f"test left threads running: {still}"
