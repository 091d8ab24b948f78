"""Suite-wide set-up: no display, no network, no user folders, no leaked threads."""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
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


@pytest.fixture(scope="session")
def tiny_model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A tiny opus-mt-shaped MarianMT checkpoint folder (random weights), built once per session."""
    from tests.helpers.tiny_marian import build_tiny_marian

    return build_tiny_marian(tmp_path_factory.mktemp("tiny_marian"))


@pytest.fixture(scope="session")
def shared_ct2_models(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Converted CTranslate2 models for the whole session: a checkpoint is converted once, not per test."""
    return tmp_path_factory.mktemp("ct2_models")


@pytest.fixture(scope="session")
def ct2_converted(
    tiny_model: Path, shared_ct2_models: Path, tmp_path_factory: pytest.TempPathFactory
) -> Path:
    """The tiny model converted (int8 and float32) into the shared folder up front; returns that folder."""
    from reader.translate.ct2_convert import QUANTIZATIONS, ensure_converted
    from reader.translate.model_location import find_model

    root = tmp_path_factory.mktemp("ct2_cache")
    (root / "models").mkdir()
    (root / "models" / "ct2").symlink_to(shared_ct2_models, target_is_directory=True)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("BIREADER_CACHE_DIR", str(root))
        location = find_model(str(tiny_model))
        assert location is not None
        with ThreadPoolExecutor(len(QUANTIZATIONS)) as pool:  # two converter processes at once
            list(pool.map(lambda quantization: ensure_converted(location, quantization), QUANTIZATIONS))
    return shared_ct2_models


@pytest.fixture(autouse=True)
def _isolated_user_folders(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep caches and settings out of the real home folder."""
    monkeypatch.setenv("BIREADER_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
    monkeypatch.setenv("BIREADER_DATA_DIR", str(tmp_path_factory.mktemp("data")))
    monkeypatch.delenv("BIREADER_MODEL", raising=False)


@pytest.fixture(autouse=True)
def _shared_converted_models(_isolated_user_folders: None, shared_ct2_models: Path) -> None:
    """Every test's user cache sees the session's converted models (the engine's ``models/ct2`` folder)."""
    from reader.paths import models_dir

    folder = models_dir() / "ct2"
    folder.parent.mkdir(parents=True, exist_ok=True)
    folder.symlink_to(shared_ct2_models, target_is_directory=True)


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


@pytest.fixture
def ui_settings(tmp_path: Path):  # type: ignore[no-untyped-def]
    """The window's settings in an INI file under tmp_path, never the user's own."""
    from PySide6.QtCore import QSettings

    from reader.ui.settings import AppSettings

    return AppSettings(QSettings(str(tmp_path / "bireader.ini"), QSettings.Format.IniFormat))


@pytest.fixture(autouse=True)
def _no_running_background_tasks() -> Iterator[None]:
    """Qt worker threads are invisible to ``threading``: fail a test that leaves a window task running."""
    yield
    workers = sys.modules.get("reader.ui.workers")
    if workers is None:
        return
    for task in workers.running_tasks():
        task.wait(5000)  # a task that is just ending is fine, as with threads above
    still = workers.running_tasks()
    for task in still:
        task.cancel_and_wait(5000)
    assert not still, f"test left background tasks running: {[t.name for t in still]}"


@pytest.fixture
def make_window(qtbot, qapp, ui_settings):  # type: ignore[no-untyped-def]
    """Build a shown reader window around an injected translator (FakeTranslator by default).

    Error boxes are recorded in ``window.errors`` instead of shown; ``before_close`` runs before
    pytest-qt closes the window (e.g. to open a FakeTranslator's gate so the close can finish).
    A UI language a test chose in Settings (it applies at once) is taken back afterwards.
    """
    from reader.translate.fake import FakeTranslator
    from reader.ui.i18n import remove_ui_language
    from reader.ui.main_window import MainWindow

    def make(translator=None, *, factory=None, before_close=None, record_errors=True, **kwargs):  # type: ignore[no-untyped-def]
        chosen = translator if translator is not None else FakeTranslator()
        window = MainWindow(ui_settings, translator_factory=factory or (lambda _settings: chosen), **kwargs)
        window.errors = []
        window.questions = []
        window.ask_confirm = lambda _title, question: window.questions.append(question) or True
        if record_errors:
            window.show_error = lambda _title, message: window.errors.append(message)
        qtbot.addWidget(window, before_close_func=before_close)
        with qtbot.waitExposed(window):
            window.show()
        return window

    language = ui_settings.ui_language
    yield make
    if ui_settings.ui_language != language:
        remove_ui_language(qapp)


class _Gate(threading.Event):
    """A FakeTranslator gate: ``set()`` lets one batch through; ``open()`` lets all of them through."""

    def __init__(self) -> None:
        super().__init__()
        self.opened = False

    def open(self) -> None:
        self.opened = True
        self.set()

    def clear(self) -> None:
        if not self.opened:
            super().clear()


@pytest.fixture
def gate() -> Iterator[_Gate]:
    """Hold a FakeTranslator between batches; opened for good at the end so no worker stays blocked."""
    held = _Gate()
    yield held
    held.open()
