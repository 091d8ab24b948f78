"""An engine's native compute threads can run nicer than the Python thread that feeds them (the
window asks for it; the CLI leaves priorities alone)."""

from __future__ import annotations

import os
import sys
import threading
from pathlib import Path

import pytest

from reader.translate import compute_priority
from reader.translate.compute_priority import lower_compute_threads, made_at_lower_priority
from reader.translate.ct2_engine import Ct2Engine
from reader.translate.protocol import EngineSettings

linux_only = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="per-thread nice values are Linux's"
)


def nice_of(native_id: int) -> int:
    return os.getpriority(os.PRIO_PROCESS, native_id)


@pytest.fixture(autouse=True)
def _restore_the_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(compute_priority, "_extra_nice", 0)


@linux_only
def test_threads_made_inside_run_nicer_and_the_caller_keeps_its_priority() -> None:
    mine = threading.get_native_id()
    before = nice_of(mine)
    seen: dict[str, int] = {}

    def make() -> str:
        seen["maker"] = nice_of(threading.get_native_id())
        pool = threading.Thread(target=lambda: seen.setdefault("pool", nice_of(threading.get_native_id())))
        pool.start()
        pool.join()
        return "made"

    assert made_at_lower_priority(make, extra=4) == "made"
    assert seen == {"maker": min(19, before + 4), "pool": min(19, before + 4)}
    assert nice_of(mine) == before


def test_an_error_in_make_reaches_the_caller() -> None:
    def make() -> None:
        raise ValueError("no model here")

    with pytest.raises(ValueError, match="no model here"):
        made_at_lower_priority(make, extra=3)


def test_by_default_nothing_changes_and_make_runs_on_the_calling_thread() -> None:
    assert made_at_lower_priority(threading.get_ident) == threading.get_ident()


@linux_only
@pytest.mark.usefixtures("ct2_converted")
def test_the_window_s_setting_lowers_ctranslate2_s_replicas(tiny_model: Path) -> None:
    def task_ids() -> set[int]:
        return {int(task) for task in os.listdir("/proc/self/task")}

    lower_compute_threads(5)
    before, caller = task_ids(), nice_of(threading.get_native_id())
    engine = Ct2Engine(EngineSettings(model=str(tiny_model), engine="ct2"))
    engine.load()
    try:
        started = task_ids() - before
        assert started, "CTranslate2 started no thread"
        assert {nice_of(task) for task in started} == {min(19, caller + 5)}
        results = [r for batch in engine.translate(["مرحبا بكم"]) for r in batch]
        assert results[0].text  # and it still translates
    finally:
        engine.close()
