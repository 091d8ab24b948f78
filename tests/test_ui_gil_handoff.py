"""The window shortens the interpreter's switch interval so it gets the GIL back quickly."""

from __future__ import annotations

import sys
from collections.abc import Iterator

import pytest

from reader.ui.gil_handoff import SWITCH_INTERVAL_S, favour_the_window


@pytest.fixture
def default_interval() -> Iterator[None]:
    saved = sys.getswitchinterval()
    sys.setswitchinterval(0.005)
    yield
    sys.setswitchinterval(saved)


def test_the_default_interval_is_shortened(default_interval: None) -> None:
    favour_the_window()
    assert sys.getswitchinterval() == pytest.approx(SWITCH_INTERVAL_S)


def test_a_shorter_interval_set_elsewhere_is_kept(default_interval: None) -> None:
    sys.setswitchinterval(0.0002)
    favour_the_window()
    assert sys.getswitchinterval() == pytest.approx(0.0002)


def test_opening_a_window_applies_it(default_interval: None, make_window) -> None:
    make_window()
    assert sys.getswitchinterval() == pytest.approx(SWITCH_INTERVAL_S)
