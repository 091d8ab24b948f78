"""The one current background task of a part of the window.

Every part that runs work in the background (an opening, a find index, an alternatives lookup,
an export, an alignment, a model load, a translation run) holds its task in a :class:`TaskSlot`
rather than in a field of its own, so the rules are written once: starting another task drops the
one that ran, a dropped task delivers nothing more, a finished one frees the slot, and a closing
window either waits for the thread or lets it end on its own.

Two ways to stop, because owners need both: :meth:`TaskSlot.drop` forgets the task at once (a
newer opening replaces an older one, and nothing of the old may arrive), while
:meth:`TaskSlot.cancel` asks it to stop and still hears its end (the translation controller
queues the next run when the cancelled one has finished, and reports the cancellation then).
"""

from __future__ import annotations

from reader.ui.workers import Task

__all__ = ["TaskSlot"]


class TaskSlot:
    """Holds at most one running :class:`Task`; the slot is free again once its task has finished.

    Owners that connect to the task's ``finished`` before :meth:`start` hear it while the slot
    still holds the task (Qt calls slots in the order they were connected), so they can tell
    which of their slots it ran in; the slot frees itself after them.
    """

    def __init__(self) -> None:
        self.task: Task | None = None

    @property
    def busy(self) -> bool:
        """A task runs here (perhaps asked to stop and not yet finished)."""
        return self.task is not None

    @property
    def stopping(self) -> bool:
        """The task here was asked to stop (:meth:`cancel`) and has not finished yet."""
        return self.task is not None and self.task.is_cancelled

    def holds(self, task: Task) -> bool:
        return self.task is task

    def start(self, task: Task) -> Task:
        """Drop what runs, then run *task* here."""
        self.drop()
        self.task = task
        task.finished.connect(lambda: self.release(task))
        return task.start()

    def release(self, task: Task) -> None:
        """*task* is done (or its result is in): the slot is free unless another took it."""
        if self.task is task:
            self.task = None

    def cancel(self) -> bool:
        """Ask the task to stop at its next check; it still delivers its end, which frees the slot.
        False when nothing runs."""
        if self.task is None:
            return False
        self.task.cancel()
        return True

    def drop(self, *, wait: bool = False) -> Task | None:
        """Cancel and detach what runs (it delivers nothing more) and free the slot at once; with
        *wait*, block until its thread has ended. Returns the dropped task."""
        task, self.task = self.task, None
        if task is not None:
            task.detach()
            task.cancel()
            if wait:
                task.wait()
        return task
