"""The one current background task: start drops the old, cancel still ends, drop delivers nothing."""

from __future__ import annotations

import threading

from reader.ui.task_slot import TaskSlot
from reader.ui.workers import Task, TaskContext, running_tasks


def waiting_op(release: threading.Event) -> Task:
    """A task that runs until *release* is set or it is cancelled, then returns 'done'."""

    def op(context: TaskContext) -> str:
        while not release.wait(0.01):
            context.raise_if_cancelled()
        return "done"

    return Task(op)


def test_a_finished_task_frees_the_slot_after_its_owner_heard_it(qtbot) -> None:
    slot = TaskSlot()
    task = waiting_op(release := threading.Event())
    heard: list[bool] = []
    task.finished.connect(lambda: heard.append(slot.holds(task)))  # connected first: heard first
    slot.start(task)
    assert slot.busy
    assert not slot.stopping
    with qtbot.waitSignal(task.finished, timeout=5000):
        release.set()
    assert heard == [True]
    assert not slot.busy
    qtbot.waitUntil(lambda: not running_tasks())


def test_starting_another_drops_the_first_which_delivers_nothing(qtbot) -> None:
    slot = TaskSlot()
    first = waiting_op(threading.Event())
    delivered: list[str] = []
    first.finished.connect(lambda: delivered.append("first"))
    slot.start(first)
    second = waiting_op(release := threading.Event())
    second.succeeded.connect(delivered.append)
    slot.start(second)
    assert slot.holds(second)
    assert first.wait(5000)
    assert first.is_cancelled
    with qtbot.waitSignal(second.finished, timeout=5000):
        release.set()
    assert delivered == ["done"]
    assert not slot.busy
    qtbot.waitUntil(lambda: not running_tasks())


def test_cancel_asks_the_task_to_stop_and_still_hears_its_end(qtbot) -> None:
    slot = TaskSlot()
    assert not slot.cancel()  # nothing runs
    task = waiting_op(threading.Event())
    slot.start(task)
    with qtbot.waitSignal(task.cancelled, timeout=5000):
        assert slot.cancel()
        assert slot.stopping
        assert slot.busy
    assert not slot.busy
    qtbot.waitUntil(lambda: not running_tasks())


def test_drop_frees_the_slot_at_once_and_can_wait_for_the_thread(qtbot) -> None:
    slot = TaskSlot()
    task = waiting_op(threading.Event())
    ended: list[str] = []
    task.finished.connect(lambda: ended.append("finished"))
    slot.start(task)
    assert slot.drop(wait=True) is task
    assert not slot.busy
    assert not task.is_running()
    qtbot.waitUntil(lambda: not running_tasks())
    assert ended == []  # a dropped task is not heard from again
    assert slot.drop() is None
