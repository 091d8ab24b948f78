"""The one background shape: results on the GUI thread, failures reported, cancel honoured."""

from __future__ import annotations

import os
import threading

import pytest
from PySide6.QtCore import QThread

from reader.errors import BadInput, error_line
from reader.ui.workers import BACKGROUND_NICE, Task, TaskCancelled, TaskContext, running_tasks


def test_result_and_progress_arrive_on_the_gui_thread(qtbot) -> None:
    seen: list[tuple[object, bool]] = []
    op_threads: list[threading.Thread] = []

    def op(context: TaskContext) -> int:
        op_threads.append(threading.current_thread())
        for step in range(3):
            context.report(step)
        return 42

    task = Task(op)
    task.progressed.connect(lambda value: seen.append((value, QThread.currentThread().isMainThread())))
    with qtbot.waitSignal(task.succeeded, timeout=5000) as result:
        task.start()
    assert result.args == [42]
    assert seen == [(0, True), (1, True), (2, True)]
    assert op_threads[0] is not threading.main_thread()
    qtbot.waitUntil(lambda: not running_tasks())


def test_an_exception_becomes_the_failed_signal(qtbot) -> None:
    def op(_context: TaskContext) -> None:
        raise BadInput("no such file")

    task = Task(op)
    errors: list[object] = []
    task.failed.connect(errors.append)
    with qtbot.waitSignals([task.failed, task.finished], order="strict", timeout=5000):
        task.start()
    assert len(errors) == 1
    assert isinstance(errors[0], BadInput)
    assert str(errors[0]) == "no such file"


def test_cancel_stops_the_op_and_emits_cancelled_not_succeeded(qtbot) -> None:
    started = threading.Event()
    steps: list[int] = []

    def op(context: TaskContext) -> str:
        started.set()
        for step in range(10_000):
            if context.cancelled:
                return "stopped"
            steps.append(step)
            threading.Event().wait(0.001)
        return "ran to the end"

    task = Task(op)
    succeeded: list[object] = []
    task.succeeded.connect(succeeded.append)
    with qtbot.waitSignal(task.cancelled, timeout=5000):
        task.start()
        assert started.wait(5)
        task.cancel()
    assert task.wait(5000)
    assert succeeded == []
    assert len(steps) < 10_000


def test_task_cancelled_raised_inside_the_op_counts_as_cancel(qtbot) -> None:
    def op(context: TaskContext) -> None:
        context.cancel()
        context.raise_if_cancelled()

    task = Task(op)
    with qtbot.waitSignal(task.cancelled, timeout=5000), qtbot.assertNotEmitted(task.failed):
        task.start()


def test_finished_follows_the_outcome(qtbot) -> None:
    results: list[object] = []
    task = Task(lambda _c: "done")
    task.succeeded.connect(results.append)
    task.finished.connect(lambda: results.append("finished"))
    with qtbot.waitSignal(task.finished, timeout=5000):
        task.start()
    assert results == ["done", "finished"]
    assert task.outcome == "succeeded"
    qtbot.waitUntil(lambda: task not in running_tasks())


def test_a_detached_task_delivers_nothing_more(qtbot) -> None:
    """Progress already queued and the result are both dropped once the owner detaches."""
    reported = threading.Event()

    def op(context: TaskContext) -> str:
        context.report("early")
        reported.set()
        return "done"

    task = Task(op)
    delivered: list[object] = []
    for signal in (task.progressed, task.succeeded, task.failed, task.cancelled):
        signal.connect(lambda *args: delivered.append(args))
    task.finished.connect(lambda: delivered.append("finished"))
    task.start()
    assert reported.wait(5)  # the report is queued; the GUI thread has not run it yet
    task.detach()
    qtbot.waitUntil(lambda: task.outcome == "succeeded", timeout=5000)  # the deliveries were processed
    assert delivered == []


def test_one_line_keeps_reader_errors_and_names_other_exceptions() -> None:
    assert error_line(BadInput("no such file:\n  x.txt")) == "no such file: x.txt"
    assert error_line(ValueError("bad\nvalue")) == "ValueError: bad value"
    assert error_line(RuntimeError()) == "RuntimeError"


def test_a_task_runs_only_once(qtbot) -> None:
    task = Task(lambda _c: None)
    with qtbot.waitSignal(task.finished, timeout=5000):
        task.start()
    with pytest.raises(RuntimeError):
        task.start()


def test_cancel_and_wait_blocks_until_the_thread_has_ended(qtbot) -> None:
    release = threading.Event()

    def op(context: TaskContext) -> None:
        while not context.cancelled:
            release.wait(0.005)
        raise TaskCancelled

    task = Task(op).start()
    assert task.is_running()
    assert task.cancel_and_wait(5000)
    assert not task.is_running()
    with qtbot.waitSignal(task.cancelled, timeout=5000):
        pass  # the outcome is still delivered, on the GUI thread


@pytest.mark.skipif(not hasattr(os, "setpriority"), reason="no per-thread priorities on this platform")
def test_a_task_runs_nicer_than_the_window_and_threads_it_starts_inherit_that(qtbot) -> None:
    """On two cores a translation's threads must not take the CPU a repaint needs."""
    window = os.getpriority(os.PRIO_PROCESS, threading.get_native_id())

    def op(_context: TaskContext) -> tuple[int, int]:
        own = os.getpriority(os.PRIO_PROCESS, threading.get_native_id())
        started: list[int] = []
        child = threading.Thread(
            target=lambda: started.append(os.getpriority(os.PRIO_PROCESS, threading.get_native_id()))
        )
        child.start()
        child.join()
        return own, started[0]

    task = Task(op)
    with qtbot.waitSignal(task.succeeded, timeout=5000) as result:
        task.start()
    own, child = result.args[0]
    assert own == child == min(19, window + BACKGROUND_NICE)
    assert os.getpriority(os.PRIO_PROCESS, threading.get_native_id()) == window  # the window's is untouched
    qtbot.waitUntil(lambda: not running_tasks())
