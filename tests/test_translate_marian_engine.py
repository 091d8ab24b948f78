"""The base both Marian engines share."""

from __future__ import annotations

import os

import pytest

from reader.errors import first_line
from reader.translate.marian_engine import MarianEngine, available_cores
from reader.translate.protocol import EngineSettings


def test_first_line_of_a_long_library_error() -> None:
    assert first_line(RuntimeError("size mismatch for weight\n  copying a param …\n")) == (
        "size mismatch for weight"
    )
    assert first_line(ValueError("")) == "ValueError"


def test_available_cores_respects_affinity() -> None:
    assert available_cores() == len(os.sched_getaffinity(0))


def test_construction_loads_nothing_and_subclasses_must_load() -> None:
    engine = MarianEngine(EngineSettings(model="/nowhere"))
    assert not engine.loaded
    assert engine.location is None
    with pytest.raises(NotImplementedError):
        list(engine.translate(["جملة."]))
