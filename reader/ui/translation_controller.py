"""Loads the translator and translates the open document in the background, visible sentences first.

The controller owns at most one load task and one translation task (both :class:`Task`s). The
translation op takes small chunks from a :class:`VisibleFirstQueue`, asks the translator for them
and reports results; between batches it checks the cancel flag and, when set, stops consuming
the translator's iterator. Results are applied to the document here, on the GUI thread; the op
only ever sees a snapshot of the sentence texts. Stale results (from a previous document or
model) are dropped by generation numbers.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal

from reader.document import Document, Status
from reader.errors import ModelUnavailable, ReaderError
from reader.translate.protocol import EngineSettings, Translator
from reader.translate.service import LoadableTranslator  # cheap: no engine library loads
from reader.ui.translation_queue import VisibleFirstQueue
from reader.ui.workers import Task, TaskContext, one_line

log = logging.getLogger(__name__)

TranslatorFactory = Callable[[EngineSettings], Translator]
# (sentence index, translation or None, error or None)
Result = tuple[int, str | None, str | None]


def load_translator(factory: TranslatorFactory, settings: EngineSettings, context: TaskContext) -> Translator:
    """The load op: build the translator and, if it has one, run its ``load(progress)`` step."""
    translator = factory(settings)
    if isinstance(translator, LoadableTranslator):

        def progress(message: str, fraction: float | None) -> None:
            context.raise_if_cancelled()  # stops a download when the user cancels or quits
            context.report((message, fraction))

        translator.load(progress)
    return translator


def translate_chunks(
    translator: Translator, texts: Sequence[str], queue: VisibleFirstQueue, context: TaskContext
) -> None:
    """The translation op: chunk by chunk until the queue is empty or the task is cancelled."""
    while not context.cancelled:
        chunk = queue.take()
        if not chunk:
            return
        reported: set[int] = set()
        batches = translator.translate([texts[i] for i in chunk])
        try:
            for batch in batches:
                results: list[Result] = [(chunk[r.index], r.text, r.error) for r in batch]
                reported.update(i for i, _, _ in results)
                context.report(results)
                if context.cancelled:
                    return
        except ReaderError:
            raise
        except Exception as error:  # an engine bug must not kill the window: fail these sentences
            log.exception("translation of a chunk failed")
            context.report([(i, None, one_line(error)) for i in chunk if i not in reported])
        finally:
            close = getattr(batches, "close", None)
            if callable(close):
                close()


class TranslationController(QObject):
    """Signals (GUI thread):
    loading(str, object) — model loading message and fraction (None when unknown);
    model_ready(str) — the translator's description;
    model_unavailable(str) — one-line reason; the Arabic stays readable;
    failed(str) — an unexpected error ended a run;
    sentences_updated(list) — sentence indexes whose translation or status changed;
    progress(int, int, int, object) — done, failed, total, seconds left (None when unknown);
    running_changed(bool) — a translation run started or ended;
    finished() — a run ended with every sentence translated or failed;
    cancelled() — the user cancelled a run.
    """

    loading = Signal(str, object)
    model_ready = Signal(str)
    model_unavailable = Signal(str)
    failed = Signal(str)
    sentences_updated = Signal(list)
    progress = Signal(int, int, int, object)
    running_changed = Signal(bool)
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
        self._retired: list[Translator] = []
        self._visible: list[int] = []
        self._doc_generation = 0
        self._engine_generation = 0
        self._load_task: Task | None = None
        self._task: Task | None = None
        self._queue: VisibleFirstQueue | None = None
        self._start_when_idle = False
        self._user_cancelled = False
        self._run_started = 0.0
        self._run_count = 0
        self._closed = False

    # Public API ----------------------------------------------------------------------------
    @property
    def is_running(self) -> bool:
        return self._task is not None

    @property
    def is_loading(self) -> bool:
        return self._load_task is not None

    def set_document(self, document: Document | None) -> None:
        self._doc_generation += 1
        self._stop(self._task)
        self.document = document
        self._visible = []
        self._emit_progress()
        self.start()

    def set_settings(self, settings: EngineSettings, *, retranslate: bool) -> None:
        """Use another model or engine from now on; *retranslate* redoes what the old one did."""
        self.settings = settings
        self._engine_generation += 1
        if self.translator is not None:
            self._retired.append(self.translator)  # a running task may still use it; closed on shutdown
        self.translator = None
        self._stop(self._load_task)
        self._stop(self._task)
        if retranslate and self.document is not None:
            for sentence in self.document.iter_sentences():
                sentence.reset()
            self.sentences_updated.emit(list(range(len(self.document.sentences))))
        self.start()

    def start(self) -> None:
        """Translate whatever is pending, loading the model first if needed."""
        if self._closed:
            return
        if self.document is None or not self._pending():
            self._emit_progress()
            return
        if self._load_task is not None or self._task is not None:
            self._start_when_idle = True
            return
        if self.translator is None:
            self._load()
        else:
            self._run()

    def cancel(self) -> None:
        """Stop between batches (and stop a model download); pending sentences stay pending."""
        self._start_when_idle = False
        for task in (self._load_task, self._task):
            if task is not None:
                self._user_cancelled = True
                task.cancel()

    def retry(self, indexes: Sequence[int]) -> None:
        if self.document is None:
            return
        sentences = self.document.sentences
        again = [i for i in indexes if 0 <= i < len(sentences) and sentences[i].status is Status.FAILED]
        for i in again:
            sentences[i].reset()
        if not again:
            return
        self.sentences_updated.emit(again)
        queue = self._queue
        if self._task is not None and queue is not None and not self._task.is_cancelled:
            if not queue.add(again, urgent=True):
                self._start_when_idle = True
        else:
            self.start()
        self._emit_progress()

    def prioritize(self, rows: Sequence[int]) -> None:
        """The rows on screen: translate these next."""
        self._visible = list(rows)
        if self._queue is not None:
            self._queue.prioritize(self._visible)

    def shutdown(self) -> None:
        """Cancel everything and wait for the threads to end (the window is closing).

        Results still queued for delivery are dropped: the window they were for is going away.
        """
        self._closed = True
        for task in (self._load_task, self._task):
            if task is not None:
                task.detach()
                task.cancel_and_wait()
        self._load_task = self._task = self._queue = None
        for translator in (self.translator, *self._retired):
            close = getattr(translator, "close", None)
            if callable(close):  # e.g. the service's cache file
                close()
        self.translator, self._retired = None, []

    # Loading -------------------------------------------------------------------------------
    def _load(self) -> None:
        generation, factory, settings = self._engine_generation, self.factory, self.settings
        task = Task(lambda context: load_translator(factory, settings, context), name="load model")
        task.progressed.connect(lambda payload: self._on_load_progress(generation, payload))
        task.succeeded.connect(lambda translator: self._on_loaded(generation, translator))
        task.failed.connect(lambda error: self._on_load_failed(generation, error))
        task.finished.connect(lambda: self._on_finished(task))
        self._load_task = task
        self._user_cancelled = False
        text = QCoreApplication.translate("TranslationController", "Loading the translation model {model}…")
        message = text.format(model=settings.model)
        self.loading.emit(message, None)
        task.start()

    def _on_load_progress(self, generation: int, payload: Any) -> None:
        if generation == self._engine_generation:
            message, fraction = payload
            self.loading.emit(str(message), fraction)

    def _on_loaded(self, generation: int, translator: Translator) -> None:
        if generation != self._engine_generation:
            return
        self.translator = translator
        self._start_when_idle = True
        self.model_ready.emit(translator.description)

    def _on_load_failed(self, generation: int, error: BaseException) -> None:
        if generation != self._engine_generation:
            return
        if not isinstance(error, ReaderError):
            log.error("loading the model failed", exc_info=error)
        self._start_when_idle = False
        self.model_unavailable.emit(one_line(error))

    # Translating ---------------------------------------------------------------------------
    def _pending(self) -> list[int]:
        if self.document is None:
            return []
        return [s.index for s in self.document.iter_sentences() if s.status is Status.PENDING]

    def _run(self) -> None:
        assert self.document is not None
        assert self.translator is not None
        translator = self.translator
        texts = [s.text for s in self.document.iter_sentences()]
        queue = VisibleFirstQueue(self._pending(), chunk_size=self.settings.batch_size, visible=self._visible)
        tag = (self._doc_generation, self._engine_generation)
        task = Task(lambda context: translate_chunks(translator, texts, queue, context), name="translate")
        task.progressed.connect(lambda results: self._on_results(tag, results))
        task.failed.connect(lambda error: self._on_run_failed(tag, error))
        task.finished.connect(lambda: self._on_finished(task))
        self._task, self._queue = task, queue
        self._user_cancelled = False
        self._run_started, self._run_count = self.clock(), 0
        self.running_changed.emit(True)
        task.start()

    def _on_results(self, tag: tuple[int, int], results: list[Result]) -> None:
        if tag != (self._doc_generation, self._engine_generation) or self.document is None:
            return
        sentences = self.document.sentences
        changed = []
        for index, text, error in results:
            sentence = sentences[index]
            if sentence.status is not Status.PENDING:
                continue
            if text is None and error is None:
                error = QCoreApplication.translate("TranslationController", "no translation")
            sentence.set_result(text, error)
            changed.append(index)
        self._run_count += len(changed)
        self.sentences_updated.emit(changed)
        self._emit_progress()

    def _on_run_failed(self, tag: tuple[int, int], error: BaseException) -> None:
        if tag != (self._doc_generation, self._engine_generation):
            return
        self._start_when_idle = False
        if isinstance(error, ModelUnavailable):
            self.translator = None
            self.model_unavailable.emit(one_line(error))
        else:
            if not isinstance(error, ReaderError):
                log.error("translation failed", exc_info=error)
            self.failed.emit(one_line(error))

    def _on_finished(self, task: Task) -> None:
        was_run = task is self._task
        if task is self._load_task:
            self._load_task = None
        elif was_run:
            self._task, self._queue = None, None
            self.running_changed.emit(False)
        else:
            return
        user_cancelled = task.is_cancelled and self._user_cancelled
        if user_cancelled:
            self._user_cancelled = False
            self.cancelled.emit()
            self._emit_progress()
            return
        if task.outcome == "failed" and not self._start_when_idle:
            return  # the failure was reported; retrying is the user's call
        run_completed = was_run and not task.is_cancelled
        pending = bool(self._pending()) if run_completed else False
        if self._start_when_idle or pending:
            self._start_when_idle = False
            self.start()
        elif run_completed and self.document is not None:
            self.finished.emit()

    def _stop(self, task: Task | None) -> None:
        if task is not None:
            task.cancel()

    def _emit_progress(self) -> None:
        if self.document is None:
            self.progress.emit(0, 0, 0, None)
            return
        total = len(self.document.sentences)
        done, failed = self.document.translated_count, self.document.failed_count
        left = total - done - failed
        elapsed = self.clock() - self._run_started
        seconds_left = (
            left * elapsed / self._run_count if self._run_count and self._task is not None else None
        )
        self.progress.emit(done, failed, total, seconds_left)
