"""The window tells background work when it works and when the reader uses it; a window that
waits for a task, or is gone, holds no work back."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QAbstractEventDispatcher, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget

from reader import window_priority
from reader.ui.activity_watch import ActivityWatch
from reader.ui.workers import Task, TaskContext
from reader.window_priority import step_aside


@pytest.fixture(autouse=True)
def _fresh() -> Iterator[None]:
    window_priority.reset()
    yield
    window_priority.reset()


def quiet_left() -> float:
    return window_priority._quiet_from - time.monotonic()


def test_a_key_in_the_view_and_a_menu_action_are_input(qtbot, make_window) -> None:
    window = make_window()
    window.show()
    qtbot.waitExposed(window)
    window_priority.reset()
    QTest.keyClick(window.view, Qt.Key.Key_PageDown)
    assert quiet_left() > 0.1
    window_priority.reset()
    window.actions_["zoom_in"].trigger()
    assert quiet_left() > 0.1
    window_priority.reset()
    window.resize(window.width() - 40, window.height())
    qtbot.waitUntil(lambda: quiet_left() > 0)


def test_the_window_is_busy_while_it_handles_an_event_and_idle_when_it_sleeps(qtbot, make_window) -> None:
    make_window()
    seen: list[bool] = []
    QTimer.singleShot(0, lambda: seen.append(window_priority._idle.is_set()))
    qtbot.waitUntil(lambda: bool(seen))
    assert seen == [False]  # inside a handler: busy
    with qtbot.waitSignal(QAbstractEventDispatcher.instance().aboutToBlock):
        pass  # the loop goes to sleep
    assert window_priority._idle.is_set()


def test_a_window_waiting_for_a_task_does_not_hold_its_steps(qtbot, make_window) -> None:
    make_window()
    waited: list[float] = []

    def op(context: TaskContext) -> None:
        waited.extend(step_aside() for _ in range(20))

    def start_and_wait() -> None:  # on the GUI thread, inside a handler: the window is busy
        task = Task(op, name="steps").start()
        assert task.wait(10_000)

    QTimer.singleShot(0, start_and_wait)
    qtbot.waitUntil(lambda: len(waited) == 20, timeout=10_000)
    assert sum(waited) < 0.2  # not 20 × the idle wait


def test_a_window_that_is_gone_holds_no_work_back(qtbot) -> None:
    window = QWidget()
    ActivityWatch(window)
    window_priority.note_input(60)
    window_priority.window_busy()
    with qtbot.waitSignal(window.destroyed):
        window.deleteLater()
    assert step_aside() < 0.01
