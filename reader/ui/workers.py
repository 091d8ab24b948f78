"""The one shape of background work: an op runs on a QThread, results come back by queued signals.

As in Anki's ``QueryOp``, the op is a plain function that receives a :class:`TaskContext` (to
report progress and to see whether it was cancelled) and never touches a widget. The
:class:`Task` object lives on the GUI thread and re-emits what the op produced, so every slot
connected to a Task runs on the GUI thread. Model loading, translation and PDF export all use it.

A task's thread runs at a lower scheduling priority than the window's (:func:`yield_to_the_window`):
on two cores a translation keeps both busy (CTranslate2's replicas, created by the load task's
thread, inherit its priority), and a repaint that had to share a core with them took three times
as long. The background work loses nothing while the window is idle.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal, Slot

from reader import window_priority
from reader.translate.compute_priority import lower_this_thread

__all__ = ["Task", "TaskCancelled", "TaskContext", "running_tasks", "yield_to_the_window"]

BACKGROUND_NICE = 10
"""How much nicer than the window a task's thread is (Linux: per thread, within the process's group)."""


def yield_to_the_window(nice: int = BACKGROUND_NICE) -> None:
    """Lower the calling thread's priority by *nice* (where the platform has per-thread priorities).

    Qt's ``QThread.setPriority`` does nothing under Linux's default scheduler; the thread's nice
    value does, and threads started from this one (an engine's worker pool) inherit it.
    """
    lower_this_thread(nice)


class TaskCancelled(Exception):
    """Raised inside an op (by :meth:`TaskContext.raise_if_cancelled`) to stop it early."""


class TaskContext:
    """What an op may do from its worker thread: report progress and notice cancellation."""

    def __init__(self, emit: Callable[[object], None]) -> None:
        self._emit = emit
        self._cancel = threading.Event()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def cancel(self) -> None:
        self._cancel.set()

    def raise_if_cancelled(self) -> None:
        if self._cancel.is_set():
            raise TaskCancelled

    def report(self, payload: object) -> None:
        """Send *payload* to the GUI thread (``Task.progressed``); delivery is queued, never blocking."""
        self._emit(payload)


class _Runner(QObject):
    """Lives on the worker thread; its signals cross to the Task by queued connections."""

    progressed = Signal(object)
    succeeded = Signal(object)
    failed = Signal(object)
    cancelled = Signal()

    def __init__(self, op: Callable[[TaskContext], Any]) -> None:
        super().__init__()
        self.op = op
        self.context = TaskContext(self.progressed.emit)

    @Slot()
    def run(self) -> None:
        yield_to_the_window()
        try:
            result = self.op(self.context)
        except TaskCancelled:
            self.cancelled.emit()
        except BaseException as error:  # noqa: BLE001 - every failure is reported, none escapes the thread
            self.failed.emit(error)
        else:
            if self.context.cancelled:
                self.cancelled.emit()
            else:
                self.succeeded.emit(result)
        finally:
            thread = self.thread()
            if thread is not None:
                thread.quit()


_running: set[Task] = set()


def running_tasks() -> list[Task]:
    """Tasks whose thread is still alive; tests assert this is empty after each test."""
    return [task for task in list(_running) if task.is_running()]


class Task(QObject):
    """Runs ``op(context)`` on its own QThread.

    Signals (all delivered on the GUI thread):
      progressed(object) — whatever the op passed to ``context.report``;
      succeeded(object) — the op's return value;
      failed(object) — the exception the op raised;
      cancelled() — the op stopped because :meth:`cancel` was called;
      finished() — after exactly one of the three above.
    """

    progressed = Signal(object)
    succeeded = Signal(object)
    failed = Signal(object)
    cancelled = Signal()
    finished = Signal()

    def __init__(
        self, op: Callable[[TaskContext], Any], parent: QObject | None = None, *, name: str = ""
    ) -> None:
        super().__init__(parent)
        self._runner = _Runner(op)
        self._thread = QThread()
        self._thread.setObjectName(name or getattr(op, "__name__", "task"))
        self._runner.moveToThread(self._thread)
        self._thread.started.connect(self._runner.run)
        self._runner.progressed.connect(self._on_progressed)
        self._runner.succeeded.connect(self._on_succeeded)
        self._runner.failed.connect(self._on_failed)
        self._runner.cancelled.connect(self._on_cancelled)
        self._thread.finished.connect(self._on_thread_finished)
        self._started = False
        self._detached = False
        self.outcome = ""  # "succeeded", "failed" or "cancelled" once delivered

    def start(self) -> Task:
        """Start the op; the Task keeps itself alive until its thread has ended."""
        if self._started:
            raise RuntimeError("a Task runs once")
        self._started = True
        _running.add(self)
        self._thread.start()
        return self

    def cancel(self) -> None:
        """Ask the op to stop; it notices at its next ``cancelled`` check."""
        self._runner.context.cancel()

    @property
    def is_cancelled(self) -> bool:
        return self._runner.context.cancelled

    def is_running(self) -> bool:
        return self._thread.isRunning()

    @property
    def name(self) -> str:
        return self._thread.objectName()

    def wait(self, timeout_ms: int = -1) -> bool:
        """Block until the thread ends (True) or the timeout passes (False). Signals stay queued."""
        if not self._started:
            return True
        window_priority.window_idle()  # the window waits for the work: the work must not wait for it
        if timeout_ms < 0:
            return self._thread.wait()
        return self._thread.wait(timeout_ms)

    def thread_waiter(self) -> Callable[[], bool]:
        """A call that blocks until this task's thread has ended, holding the thread, not the Task:
        a plain thread may keep it, and the Task (whose queued deliveries live on the GUI thread)
        is still freed there."""
        return self._thread.wait

    def cancel_and_wait(self, timeout_ms: int = -1) -> bool:
        self.cancel()
        return self.wait(timeout_ms)

    def detach(self) -> None:
        """Deliver nothing more: results already queued or still to come are dropped.

        For owners that are going away (a closing window) and must not be called back.
        """
        self._detached = True

    @Slot(object)
    def _on_progressed(self, payload: object) -> None:
        if not self._detached:
            self.progressed.emit(payload)

    @Slot(object)
    def _on_succeeded(self, result: object) -> None:
        self._end("succeeded", self.succeeded, result)

    @Slot(object)
    def _on_failed(self, error: object) -> None:
        self._end("failed", self.failed, error)

    @Slot()
    def _on_cancelled(self) -> None:
        self._end("cancelled", self.cancelled)

    def _end(self, outcome: str, signal: Any, *args: object) -> None:
        self.outcome = outcome
        if not self._detached:
            signal.emit(*args)
            self.finished.emit()

    @Slot()
    def _on_thread_finished(self) -> None:
        # ``finished`` is emitted just before the thread really ends; let it end before dropping
        # the last reference, or Qt would destroy a QThread that is still running.
        self._thread.wait()
        _running.discard(self)
