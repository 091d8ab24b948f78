"""The window's side of translation: a thin Qt adapter over the Qt-free :class:`TranslationSession`.

It owns at most one load task and one translation task (both :class:`Task`s), an explicit
:class:`TranslationState`, and nothing else of substance: ordering, de-duplication and progress
are the session's, counts are the document's. Results cross from the worker as
:class:`SegmentResult`s (segment id + revision) and are applied here, on the GUI thread, through
:meth:`Document.apply_results`, whose change event repaints the view once per batch. Results of a
previous document or model are dropped by a generation tag; a result for a segment that changed
meanwhile is dropped by its revision.
"""

from __future__ import annotations

import enum
import logging
import math
import threading
import time
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal

from reader.errors import ModelUnavailable, ReaderError, error_line
from reader.model import Change, ChangeKind, Document, SegmentResult, Status
from reader.model.rendering_policy import redone_by_a_new_model
from reader.translate.protocol import EngineSettings, Translator
from reader.translate.session import TranslationSession
from reader.ui import heap
from reader.ui.sliced_reset import reset_in_slices
from reader.ui.task_slot import TaskSlot
from reader.ui.workers import Task, TaskContext

log = logging.getLogger(__name__)

TranslatorFactory = Callable[[EngineSettings], Translator]


class TranslationState(enum.Enum):
    IDLE = "idle"  # nothing running (a model may or may not be loaded)
    LOADING = "loading"  # the model is being located, downloaded, converted or loaded
    TRANSLATING = "translating"
    UNAVAILABLE = "unavailable"  # the model cannot be had; the Arabic stays readable


def load_translator(factory: TranslatorFactory, settings: EngineSettings, context: TaskContext) -> Translator:
    """The load op: build the translator and run its ``load(progress)`` step."""
    translator = factory(settings)

    def progress(message: str, fraction: float | None) -> None:
        context.raise_if_cancelled()  # stops a download when the user cancels or quits
        context.report((message, fraction))

    try:
        translator.load(progress)
        context.raise_if_cancelled()  # a newer load may have taken the slot: none would close it
    except BaseException:
        translator.close()  # a half-loaded or unwanted engine lets go of its files and threads here
        raise
    return translator


CHUNK_SECONDS = 1.0
"""Chunks grow to about this much of the engine's work: long enough to sort well by length, short
enough that rows scrolled onto the screen meanwhile wait at most about this long."""
SETTLE_EVERY = 32  # deliveries between two heap.settle() calls: the renderings made meanwhile
MAX_DELIVERY = 256
"""Results handed to the GUI thread at once: applying and repainting 256 takes ~10 ms there."""


DELIVERY_INTERVAL = 0.1
"""Seconds between two deliveries while batches come faster than that (a fast engine): each one
costs the GUI thread an apply and a repaint, and a delivery per few-ms batch kept it busy enough
to slow the translation itself on two cores. A slow engine's batches go at once."""


def translate_session(
    session: TranslationSession,
    context: TaskContext,
    delivered: threading.Event,
    clock: Callable[[], float] = time.monotonic,
) -> None:
    """The translation op: the session's batches, delivered one at a time.

    The next delivery waits until the GUI thread has applied the previous one (*delivered*): a
    fast engine (the tiny test model yields a batch every few ms) would otherwise queue hundreds
    of events that the event loop runs back to back, starving repaints and input. Results made
    meanwhile are gathered into the next delivery, and while batches come quicker than
    :data:`DELIVERY_INTERVAL` they are gathered for that long.
    """
    pending: list[SegmentResult] = []
    delivered.set()
    last_delivery = last_batch = -math.inf

    def deliver() -> None:
        nonlocal pending, last_delivery
        while not delivered.wait(0.05):
            if context.cancelled:
                return
        delivered.clear()
        chunk, pending = pending[:MAX_DELIVERY], pending[MAX_DELIVERY:]
        context.report(chunk)
        last_delivery = clock()

    for results in session.run(lambda: context.cancelled):
        pending += results
        now = clock()
        quick, last_batch = now - last_batch < DELIVERY_INTERVAL, now
        due = not quick or now - last_delivery >= DELIVERY_INTERVAL
        if (delivered.is_set() and due) or len(pending) >= MAX_DELIVERY:
            deliver()
    while pending and not context.cancelled:
        deliver()
    if pending:  # cancelled: what was already made still counts (the last delivery, unawaited)
        context.report(pending[:MAX_DELIVERY])


def close_after(tasks: Sequence[Task], translators: Sequence[Translator]) -> None:
    """Close *translators* once *tasks* have ended: now if none runs, else on a plain thread.

    An engine cannot be stopped inside a batch (a CTranslate2 call; with opus-mt at beam 4 a
    batch takes seconds on two cores). Waiting for it on the GUI thread froze a window that was
    asked to quit; the thread is not a daemon, so the process still waits for it on its way out.
    """
    waiters = [task.thread_waiter() for task in tasks if task.is_running()]
    if not waiters:
        for translator in translators:
            translator.close()
        return

    def finish() -> None:
        for wait in waiters:
            wait()
        for translator in translators:
            translator.close()

    threading.Thread(target=finish, name="close translators").start()


class TranslationController(QObject):
    """Signals (GUI thread):
    state_changed(object) — the new :class:`TranslationState`;
    loading(str, object) — model loading message and fraction (None when unknown);
    model_ready(str) — the translator's description;
    model_unavailable(str) — one-line reason;
    failed(str) — an unexpected error ended a run;
    progress(int, int, int, object) — done, failed, total, seconds left (None when unknown);
    finished() — a run ended with every segment translated or failed;
    cancelled() — the user cancelled a run.
    """

    state_changed = Signal(object)
    loading = Signal(str, object)
    model_ready = Signal(str)
    model_unavailable = Signal(str)
    failed = Signal(str)
    progress = Signal(int, int, int, object)
    finished = Signal()
    cancelled = Signal()

    def __init__(
        self,
        factory: TranslatorFactory,
        settings: EngineSettings,
        parent: QObject | None = None,
        *,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(parent)
        self.factory = factory
        self.settings = settings
        self.clock = clock
        self.document: Document | None = None
        self.translator: Translator | None = None
        self.state = TranslationState.IDLE
        self._retired: list[Translator] = []
        self._visible: list[int] = []  # the segment ids of the rows on screen
        self._visible_rows: list[int] = []
        self._generation = 0
        self._loading = TaskSlot()  # the model being loaded
        self._running = TaskSlot()  # the translation run
        self._session: TranslationSession | None = None
        self._start_when_idle = False
        self._user_cancelled = False
        self._closed = False
        self._deliveries = 0
        self._resetting: int | None = None  # the generation whose model change is still resetting
        self._unsubscribe: Callable[[], None] | None = None
        self._replace_on_load: int | None = None  # the generation whose new model redoes machine output
        self._waiting: list[tuple[int, Callable[[], None], Callable[[str], None]]] = []
        self._unavailable_reason = ""

    # Public API ----------------------------------------------------------------------------
    @property
    def is_running(self) -> bool:
        return self._running.busy

    @property
    def is_loading(self) -> bool:
        return self._loading.busy

    def set_document(self, document: Document | None) -> None:
        self._generation += 1
        self._waiting = []
        self._user_cancelled = False  # a cancel of the old run must not swallow this start
        self._running.cancel()  # its end is still heard: the next run starts after it
        if self._unsubscribe is not None:
            self._unsubscribe()
        self.document = document
        self._unsubscribe = document.subscribe(self._on_change) if document is not None else None
        self._visible, self._visible_rows = [], []
        self._emit_progress()
        self.start()

    def _on_change(self, change: Change) -> None:
        """Every change to the document (GUI thread): the running session follows it by id, and
        the counts are shown again (a split, a merge or an undo changes them too)."""
        session = self._session
        running = session is not None and self._running.busy and not self._running.stopping
        if running and not session.follow(change.segment_ids + change.removed_ids):  # type: ignore[union-attr]
            self._start_when_idle = True  # the run has ended: the next one takes them
        if change.kind is ChangeKind.STRUCTURE and self._visible_rows:
            self.prioritize(self._visible_rows)  # the same rows on screen hold other ids now
        self._emit_progress()

    def set_settings(self, settings: EngineSettings, *, retranslate: bool) -> None:
        """Use another model or engine from now on; *retranslate* redoes the machine output once
        the new model has loaded (a person's English stays, and if the model cannot be had,
        every translation shown stays too: see :mod:`reader.model.rendering_policy`)."""
        self.settings = settings
        self._generation += 1
        self._waiting = []
        self._user_cancelled = False
        if self.translator is not None:
            self._retired.append(self.translator)  # a running task may still use it; closed on shutdown
        self.translator = None
        self._loading.cancel()
        self._running.cancel()
        self._set_state(TranslationState.IDLE)
        if not retranslate or self.document is None:
            self.start()
            return
        self._replace_on_load = self._generation
        self._load()

    def when_ready(self, ready: Callable[[], None], unavailable: Callable[[str], None]) -> None:
        """Call *ready* once a model can translate (now, if one is loaded), or *unavailable* with
        the one-line reason if it cannot be had: a retranslation asks first, so it never blanks a
        sentence it cannot translate again. Answered once the load has settled (and a run it
        starts has started); a model that was unavailable is tried again (it may be here now)."""
        if self.translator is not None:
            ready()
            return
        self._waiting.append((self._generation, ready, unavailable))
        if (not self._loading.busy or self._loading.stopping) and not self._closed:
            self._load()

    def _answer_waiting(self) -> None:
        """Answer what waited for the load that just settled (this document and model only)."""
        waiting, self._waiting = self._waiting, []
        for generation, ready, unavailable in waiting:
            if generation != self._generation:
                continue
            if self.translator is not None:
                ready()
            elif self.state is TranslationState.UNAVAILABLE:
                unavailable(self._unavailable_reason)
            else:
                unavailable(
                    QCoreApplication.translate("TranslationController", "loading the model was cancelled")
                )

    def _replace_machine_output(self, generation: int) -> None:
        """The new model is here: reset what the old one made (in slices), then translate."""
        document = self.document
        if document is None:
            return
        self._resetting = generation

        def finished_resetting() -> None:
            self._resetting = None
            self.start()

        reset_in_slices(
            document,
            redone_by_a_new_model(document, self.settings.model),
            wanted=lambda: not self._closed and self._generation == generation,
            done=finished_resetting,
        )

    def start(self) -> None:
        """Translate whatever is pending, loading the model first if needed (once a model change
        has reset what the old model did)."""
        if self._closed or self._resetting == self._generation:
            return
        if self.document is None or not self.document.pending_count:
            self._emit_progress()
            return
        if self._loading.busy or self._running.busy:
            self._start_when_idle = True
            return
        if self.translator is None:
            self._load()
        else:
            self._run()

    def cancel(self) -> None:
        """Stop between batches (and stop a model download); pending segments stay pending."""
        self._start_when_idle = False
        for slot in (self._loading, self._running):
            if slot.cancel():
                self._user_cancelled = True

    def retry(self, segment_ids: Sequence[int]) -> None:
        """Translate these failed segments again, first."""
        document = self.document
        if document is None:
            return
        failed = [
            i for i in segment_ids if (s := document.segment(i)) is not None and s.status is Status.FAILED
        ]
        again = document.reset(failed)
        if not again:
            return
        self._translate_first(again)

    def translate_again(self, segment_ids: Sequence[int]) -> None:
        """Translate these pending segments first (a retranslated sentence, split or merged pieces)."""
        document = self.document
        if document is None:
            return
        wanted = [
            i for i in segment_ids if (s := document.segment(i)) is not None and s.status is Status.PENDING
        ]
        if not wanted:
            return
        self._translate_first(wanted)

    def _translate_first(self, segment_ids: list[int]) -> None:
        """Queue *segment_ids* at the front of the run under way; with none (or one stopping, or
        whose session has ended), the next run takes them."""
        session = self._session
        if not self._running.busy:
            self._start_when_idle = False
            self.start()
        elif self._running.stopping or session is None or not session.add(segment_ids):
            self._start_when_idle = True
        self._emit_progress()

    def prioritize(self, rows: Sequence[int]) -> None:
        """The rows on screen: translate their segments next (the session works by id)."""
        document = self.document
        if document is None:
            return
        count = len(document)
        self._visible_rows = list(rows)
        self._visible = [document.segment_at(row).id for row in rows if 0 <= row < count]
        if self._session is not None:
            self._session.prioritize(self._visible)

    def shutdown(self) -> None:
        """Cancel everything and let go without waiting (the window is closing): a batch under
        way ends on its thread, and the engines are closed once it has (:func:`close_after`)."""
        self._closed = True
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None
        tasks = [task for slot in (self._loading, self._running) if (task := slot.drop()) is not None]
        translators = [t for t in (self.translator, *self._retired) if t is not None]
        self._session = None
        self.translator, self._retired = None, []
        close_after(tasks, translators)

    # Loading -------------------------------------------------------------------------------
    def _load(self) -> None:
        generation, factory, settings = self._generation, self.factory, self.settings

        def op(context: TaskContext) -> Translator:
            with heap.bulk_allocation():  # torch and the model: many objects, no cycles to find
                return load_translator(factory, settings, context)

        task = Task(op, name="load model")
        task.progressed.connect(lambda payload: self._on_load_progress(generation, payload))
        task.succeeded.connect(lambda translator: self._on_loaded(generation, translator))
        task.failed.connect(lambda error: self._on_load_failed(generation, error))
        task.finished.connect(lambda: self._on_finished(task))  # before the slot frees itself
        self._user_cancelled = False
        self._set_state(TranslationState.LOADING)
        text = QCoreApplication.translate("TranslationController", "Loading the translation model {model}…")
        self.loading.emit(text.format(model=settings.model), None)
        self._loading.start(task)

    def _on_load_progress(self, generation: int, payload: Any) -> None:
        if generation == self._generation:
            message, fraction = payload
            self.loading.emit(str(message), fraction)

    def _on_loaded(self, generation: int, translator: Translator) -> None:
        if generation != self._generation:
            translator.close()
            return
        self.translator = translator
        if self._replace_on_load == generation:
            self._replace_on_load = None
            self._replace_machine_output(generation)
            self.model_ready.emit(translator.description)
            return
        # Cancel pressed after the load ended on its thread but before this arrived: keep the model,
        # start nothing (a retry asked for since then has set _start_when_idle itself).
        if not self._loading.stopping:
            self._start_when_idle = True
        self.model_ready.emit(translator.description)

    def _on_load_failed(self, generation: int, error: BaseException) -> None:
        if generation != self._generation:
            return
        if not isinstance(error, ReaderError):
            log.error("loading the model failed", exc_info=error)
        self._start_when_idle = False
        self._replace_on_load = None  # nothing was reset: every translation shown stays
        self._unavailable_reason = error_line(error)
        self._set_state(TranslationState.UNAVAILABLE)
        self.model_unavailable.emit(self._unavailable_reason)

    # Translating ---------------------------------------------------------------------------
    def _run(self) -> None:
        assert self.document is not None
        assert self.translator is not None
        session = TranslationSession(
            self.document,
            self.translator,
            chunk_size=self.settings.batch_size,
            visible=self._visible,
            clock=self.clock,
            chunk_seconds=CHUNK_SECONDS,
        )
        generation, delivered = self._generation, threading.Event()
        task = Task(lambda context: translate_session(session, context, delivered), name="translate")
        task.progressed.connect(lambda results: self._on_results(generation, results, delivered))
        task.failed.connect(lambda error: self._on_run_failed(generation, error))
        task.finished.connect(lambda: self._on_finished(task))  # before the slot frees itself
        self._session = session
        self._user_cancelled = False
        self._set_state(TranslationState.TRANSLATING)
        self._running.start(task)

    def _on_results(self, generation: int, results: list[SegmentResult], delivered: threading.Event) -> None:
        if generation == self._generation and self.document is not None:
            self.document.apply_results(results)  # its change event shows the counts
            self._deliveries += 1
            if self._deliveries % SETTLE_EVERY == 0:
                heap.settle()  # the new renderings join the long-lived document
        delivered.set()

    def _on_run_failed(self, generation: int, error: BaseException) -> None:
        if generation != self._generation:
            return
        self._start_when_idle = False
        if isinstance(error, ModelUnavailable):
            self.translator = None
            self._unavailable_reason = error_line(error)
            self._set_state(TranslationState.UNAVAILABLE)
            self.model_unavailable.emit(self._unavailable_reason)
        else:
            if not isinstance(error, ReaderError):
                log.error("translation failed", exc_info=error)
            self.failed.emit(error_line(error))

    def _on_finished(self, task: Task) -> None:
        was_load = self._loading.holds(task)
        self._settle(task)
        if was_load and not self._loading.busy:
            self._answer_waiting()  # after a run the load starts has started: see AlternativesFinder

    def _settle(self, task: Task) -> None:
        was_run = self._running.holds(task)
        if self._loading.holds(task):
            self._loading.release(task)
        elif was_run:
            self._running.release(task)
            self._session = None
        else:
            return  # dropped: a newer task took the slot
        idle = not self._loading.busy and not self._running.busy  # not while another model loads
        if idle and self.state is not TranslationState.UNAVAILABLE:
            self._set_state(TranslationState.IDLE)
        if task.is_cancelled and self._user_cancelled:
            self._user_cancelled = False
            self.cancelled.emit()
            self._emit_progress()
            if self._start_when_idle:  # a retry asked for after the cancel
                self._start_when_idle = False
                self.start()
            return
        if task.outcome == "failed" and not self._start_when_idle:
            return  # the failure was reported; retrying is the user's call
        run_completed = was_run and not task.is_cancelled
        pending = run_completed and self.document is not None and self.document.pending_count > 0
        if self._start_when_idle or pending:
            self._start_when_idle = False
            self.start()
        elif run_completed and self.document is not None:
            self._emit_progress()
            self.finished.emit()

    def _set_state(self, state: TranslationState) -> None:
        if state is not self.state:
            self.state = state
            self.state_changed.emit(state)

    def _emit_progress(self) -> None:
        if self.document is None:
            self.progress.emit(0, 0, 0, None)
            return
        session = self._session
        if session is not None and session.document is self.document:
            p = session.progress()
            self.progress.emit(p.done, p.failed, p.total, p.seconds_left)
            return
        document = self.document
        self.progress.emit(document.translated_count, document.failed_count, len(document), None)
