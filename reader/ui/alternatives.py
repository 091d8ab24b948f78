"""Alternatives on demand: the engine's n-best list for the selected sentence, in the background.

Asked only when the reader wants them (the detail strip's Alternatives button), because a beam of
five costs about as much as translating five sentences. The list is kept on the rendering (and
so in the library) and in the translation cache. While a translation run is going the engine is
busy: the finder waits for it to finish rather than share the model between two threads.

Signals: found(int) — the segment id whose alternatives arrived; unavailable(str) — why none.
"""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QObject, Signal

from reader.errors import error_line
from reader.model import Document, Status
from reader.ui.task_slot import TaskSlot
from reader.ui.translation_controller import TranslationController
from reader.ui.workers import Task

COUNT = 5


class AlternativesFinder(QObject):
    found = Signal(int)
    unavailable = Signal(str)

    def __init__(self, controller: TranslationController, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self._slot = TaskSlot()

    def find(self, document: Document, segment_id: int) -> bool:
        """Ask for the selected sentence's alternatives; the model is loaded first if it is not
        (every engine offers them). False when there is nothing to ask now."""
        segment = document.segment(segment_id)
        if segment is None or segment.status is not Status.DONE or self._slot.busy:
            return False
        if self._busy():
            return False
        text = segment.text

        def ready() -> None:
            translator = self.controller.translator
            if translator is None or self._slot.busy or self._busy():
                return
            task = Task(lambda _context: translator.alternatives(text, COUNT), name="alternatives")
            task.succeeded.connect(lambda found: self._on_found(document, segment_id, found))
            task.failed.connect(lambda error: self.unavailable.emit(error_line(error)))
            self._slot.start(task)

        self.controller.when_ready(ready, self.unavailable.emit)
        return True

    def _busy(self) -> bool:
        """True (and said) while a translation run uses the model: it is not shared between threads."""
        if not self.controller.is_running:
            return False
        self.unavailable.emit(
            self.tr("Alternatives need the model idle; try again when the translation has finished.")
        )
        return True

    def _on_found(self, document: Document, segment_id: int, found: list[tuple[str, float]]) -> None:
        segment = document.segment(segment_id)
        if segment is None or segment.rendering is None:
            return
        rendering = segment.rendering
        others = tuple(text for text, _score in found if text != rendering.text)
        score = next((s for text, s in found if text == rendering.text), rendering.score)
        if not others:
            self.unavailable.emit(self.tr("The model has no other translation for this sentence."))
            return
        updated = dataclasses.replace(rendering, alternatives=others, score=score)
        document.amend_renderings([(segment_id, updated)])
        self.found.emit(segment_id)

    def shutdown(self) -> None:
        self._slot.drop(wait=True)
