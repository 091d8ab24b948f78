"""One translation session for the CLI and the window: visible-first, de-duplicated, cancellable.

The session reads the document (never changes it) and yields :class:`SegmentResult`s addressed by
segment id and the revision the text was taken at; whoever owns the document applies them with
:meth:`Document.apply_results` on its own thread (the CLI in its loop, the window on the GUI
thread), so a result for a segment that changed meanwhile is dropped there. The translator in
front (:class:`TranslationService`) answers from the cache first.

- **Order**: a :class:`VisibleFirstQueue` of reading positions: what is on screen, then onwards.
- **De-duplication**: a text that occurs several times (a repeated headline, a refrain) is
  translated once per session and its result fans out to every pending occurrence.
- **Cancel**: ``run(cancelled)`` checks between batches and closes the engine's iterator.
- **Progress**: counts come from the document (kept incrementally); time left from this run's rate.
"""

from __future__ import annotations

import logging
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from reader.errors import ReaderError, error_line
from reader.model import Document, SegmentResult, Status
from reader.translate.protocol import Translator
from reader.translate.quality import assess
from reader.translate.queue import FIRST_CHUNK, VisibleFirstQueue

log = logging.getLogger(__name__)

NO_TRANSLATION = "no translation"
RATE_WINDOW = 20  # batches the time-left estimate looks back over
CLI_CHUNK = 4096
"""Segments per translate() call from the CLI: large, so the engine sorts by length and fills its
batches well, yet an engine failure costs one chunk, not the rest of the book."""


@dataclass(frozen=True)
class Progress:
    """Where a document stands: translated, failed, total, and seconds left (None when unknown)."""

    done: int
    failed: int
    total: int
    seconds_left: float | None


@dataclass(frozen=True)
class _Job:
    text: str
    targets: tuple[tuple[int, int], ...]  # (segment id, revision) of every pending occurrence


class TranslationSession:
    """Translates the pending segments of *document* with *translator*; see the module docstring."""

    def __init__(
        self,
        document: Document,
        translator: Translator,
        *,
        chunk_size: int = 16,
        first_chunk: int = FIRST_CHUNK,
        visible: Iterable[int] = (),
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.document = document
        self.translator = translator
        self.clock = clock
        # Filled by run(), on its thread: finding what is pending is O(document).
        self.queue = VisibleFirstQueue(
            (), chunk_size=chunk_size, first_chunk=first_chunk, visible=list(visible)
        )
        self._occurrences: dict[str, list[int]] | None = None
        self._recent: deque[tuple[float, int]] = deque(maxlen=RATE_WINDOW)

    # Called from any thread --------------------------------------------------------------------
    def prioritize(self, positions: Iterable[int]) -> None:
        """The positions on screen: translate these next."""
        self.queue.prioritize(list(positions))

    def add(self, positions: Iterable[int], *, urgent: bool = True) -> bool:
        """Queue positions again (a retry); False once the run has ended (start a new session)."""
        return self.queue.add(list(positions), urgent=urgent)

    def progress(self) -> Progress:
        """O(1): the document's counts and this run's rate."""
        document = self.document
        done, failed = document.translated_count, document.failed_count
        seconds_left = None
        if len(self._recent) > 1:
            # The rate over the last batches: a burst of cache hits at the start does not make
            # the engine look faster than it is for the rest of the run.
            since = self._recent[0][0]
            made = sum(count for _at, count in list(self._recent)[1:])
            elapsed = self.clock() - since
            if made and elapsed > 0:
                seconds_left = document.pending_count * elapsed / made
        return Progress(done, failed, len(document), seconds_left)

    # The run -------------------------------------------------------------------------------------
    def run(self, cancelled: Callable[[], bool] = lambda: False) -> Iterator[list[SegmentResult]]:
        """Translate chunk by chunk until nothing is pending or *cancelled* says stop.

        Raises what the translator raises as a :class:`ReaderError` (a model that cannot be had);
        any other engine error fails that chunk's segments and the run goes on.
        """
        document = self.document
        self.queue.fill(
            position
            for position, s in enumerate(document.iter_segments())
            if s.status is Status.PENDING and document.block(s.block_id).translatable
        )
        self._recent.append((self.clock(), 0))
        while not cancelled():
            jobs = self._take()
            if jobs is None:
                return
            if not jobs:
                continue
            answered: set[int] = set()
            batches = self.translator.translate([job.text for job in jobs])
            model = self.translator.description  # a guess until the engine exists; named once it does
            try:
                for batch in batches:
                    model = self.translator.description
                    results = []
                    for result in batch:
                        answered.add(result.index)
                        error = result.error
                        if result.text is None and error is None:
                            error = NO_TRANSLATION
                        flags: tuple[str, ...] = ()
                        if error is None and result.text is not None:
                            flags = assess(
                                jobs[result.index].text,
                                result.text,
                                score=result.score,
                                engine_flags=result.flags,
                            )
                        results += [
                            SegmentResult(
                                sid,
                                rev,
                                result.text if error is None else None,
                                error,
                                model,
                                result.score,
                                flags,
                                result.alternatives,
                                alignment=result.alignment if error is None else None,
                            )
                            for sid, rev in jobs[result.index].targets
                        ]
                    self._recent.append((self.clock(), len(results)))
                    yield results
                    if cancelled():
                        return
            except ReaderError:
                raise
            except Exception as error:  # an engine bug must not end the run: fail these segments
                log.exception("translation of a chunk failed")
                reason = error_line(error)
                yield [
                    SegmentResult(sid, rev, None, reason, model)
                    for k, job in enumerate(jobs)
                    if k not in answered
                    for sid, rev in job.targets
                ]
            finally:
                batches.close()

    def _take(self) -> list[_Job] | None:
        """The next chunk as jobs (one per distinct text); None when the queue is empty."""
        positions = self.queue.take()
        if not positions:
            return None
        document = self.document
        occurrences = self._text_occurrences()
        jobs: dict[str, list[tuple[int, int]]] = {}
        for position in positions:
            segment = document.segment_at(position)
            if segment.text in jobs or segment.status is not Status.PENDING:
                continue
            targets = jobs[segment.text] = []
            others = []
            for other in occurrences.get(segment.text, (position,)):
                candidate = document.segment_at(other)
                if candidate.status is Status.PENDING:
                    targets.append((candidate.id, candidate.revision))
                    if other != position:
                        others.append(other)
            self.queue.discard(others)
        return [_Job(text, tuple(targets)) for text, targets in jobs.items()]

    def _text_occurrences(self) -> dict[str, list[int]]:
        """Positions of each text that occurs more than once; built once, on the run's thread."""
        if self._occurrences is None:
            seen: dict[str, list[int]] = {}
            for position, segment in enumerate(self.document.iter_segments()):
                seen.setdefault(segment.text, []).append(position)
            self._occurrences = {text: p for text, p in seen.items() if len(p) > 1}
        return self._occurrences


def translate_document(document: Document, translator: Translator) -> Iterator[list[int]]:
    """Translate every pending segment of *document* in place (the CLI's loop).

    Chunks are :data:`CLI_CHUNK` segments (nothing is shown before the end, so no small first
    chunk). Yields the ids each batch changed;
    stop iterating to cancel (the rest stays pending).
    """
    session = TranslationSession(document, translator, chunk_size=CLI_CHUNK, first_chunk=CLI_CHUNK)
    for results in session.run():
        yield document.apply_results(results)
