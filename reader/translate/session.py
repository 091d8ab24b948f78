"""One translation session for the CLI and the window: visible-first, de-duplicated, cancellable.

The session addresses segments by **id**, never by position, and its worker never reads the live
document: the run starts from a :class:`~reader.model.snapshot.ReadingSnapshot` taken on the
owner's thread, and whatever changes afterwards (a split's pieces, an undo, a retranslation)
reaches it as ids through :meth:`TranslationSession.follow`, called by the owner with each change
event. It yields :class:`SegmentResult`s addressed by segment id, the revision and the source
text the translation was made for; whoever owns the document applies them with
:meth:`Document.apply_results` on its own thread (the CLI in its loop, the window on the GUI
thread), which drops a result for a segment that changed meanwhile. A segment that changed back
to pending is queued again by ``follow``, so nothing stays pending. The translator in front
(:class:`TranslationService`) answers from the cache first.

- **Order**: a :class:`VisibleFirstQueue` of ids: what is on screen, then onwards.
- **De-duplication**: a text queued several times (a repeated headline, a refrain) is translated
  once and its result fans out to every queued occurrence with that same text.
- **Cancel**: ``run(cancelled)`` checks between batches and closes the engine's iterator.
- **Progress**: counts come from the document (kept incrementally); time left from this run's rate.
"""

from __future__ import annotations

import logging
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from reader.errors import ReaderError, error_line
from reader.model import Document, SegmentResult
from reader.model.snapshot import ReadingSnapshot
from reader.translate.protocol import Translator
from reader.translate.quality import assess
from reader.translate.queue import FIRST_CHUNK, Entry, VisibleFirstQueue

log = logging.getLogger(__name__)

NO_TRANSLATION = "no translation"
RATE_WINDOW = 20  # batches the time-left estimate looks back over
MAX_CHUNK = 1024
"""The most segments a window's chunk grows to (see ``chunk_seconds``)."""
CLI_CHUNK = 4096
"""Segments per translate() call from the CLI: large, so the engine sorts by length and fills its
batches well, yet an engine failure costs one chunk, not the rest of the book."""
_GONE = sys.maxsize  # the revision recorded for a segment that no longer exists


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
    targets: tuple[tuple[int, int], ...]  # (segment id, revision) of every queued occurrence


class TranslationSession:
    """Translates the pending segments of *document* with *translator*; see the module docstring.

    Construct it, and call :meth:`add`, :meth:`follow` and :meth:`progress`, on the thread that
    owns the document; :meth:`run` may go on another thread. *visible* are segment ids.

    With *chunk_seconds* (the window), chunks grow after each one to what the engine translates
    in about that long (up to :data:`MAX_CHUNK`): a chunk is what the engine sorts by length into
    batches, and chunks of one batch each decoded every batch to its longest sentence's length
    (the window made 143 sentences/s where the CLI, whose chunks are 4096, made 226). A new
    screen's rows still go next, in a chunk of one batch.
    """

    def __init__(
        self,
        document: Document,
        translator: Translator,
        *,
        chunk_size: int = 16,
        first_chunk: int = FIRST_CHUNK,
        visible: Iterable[int] = (),
        clock: Callable[[], float] = time.monotonic,
        chunk_seconds: float | None = None,
    ) -> None:
        self.document = document
        self.chunk_seconds = chunk_seconds
        self.translator = translator
        self.clock = clock
        self.queue = VisibleFirstQueue(chunk_size=chunk_size, first_chunk=first_chunk, visible=list(visible))
        # The run fills the queue from this, on its own thread, then lets it go.
        self._snapshot: ReadingSnapshot | None = document.reading_snapshot()
        self._lock = threading.Lock()
        self._works: dict[int, tuple[int, str]] = {}  # queued id -> (revision, text)
        self._by_text: dict[str, set[int]] = {}  # text -> queued ids with it
        self._known: dict[int, int] = {}  # id -> latest revision the owner reported
        self._keys: dict[int, int] = {}  # id -> order key (its reading position when last seen)
        self._recent: deque[tuple[float, int]] = deque(maxlen=RATE_WINDOW)

    # Called on the owner's thread ------------------------------------------------------------------
    def prioritize(self, segment_ids: Iterable[int]) -> None:
        """The segments on screen: translate these next."""
        self.queue.prioritize(list(segment_ids))

    def add(self, segment_ids: Iterable[int], *, urgent: bool = True) -> bool:
        """Queue these segments (those still pending) first; False once the run has ended."""
        return not self.queue.closed and self._enqueue(segment_ids, urgent=urgent)

    def follow(self, segment_ids: Iterable[int]) -> bool:
        """Take in a change event's ids: pending ones are queued at their new revision, others
        forgotten. False when something needs translating but the run has ended."""
        return self._enqueue(segment_ids, urgent=False)

    def _enqueue(self, segment_ids: Iterable[int], *, urgent: bool) -> bool:
        document = self.document
        entries: list[Entry] = []
        segment_ids = list(segment_ids)
        with self._lock:
            # A split's pieces read on from where the sentence they replace was (its key, in the
            # same change): no O(document) position lookup on the GUI thread per edit.
            near = min((self._keys[i] for i in segment_ids if i in self._keys), default=None)
            for segment_id in segment_ids:
                segment = document.segment(segment_id)
                if segment is None:
                    self._known[segment_id] = _GONE
                    self._forget(segment_id)
                    continue
                self._known[segment_id] = segment.revision
                queued = self._works.get(segment_id)
                if queued is not None and queued[0] != segment.revision:
                    self._forget(segment_id)
                    queued = None
                if not document.wants_translation(segment):
                    self._forget(segment_id)
                    continue
                if queued is None or urgent:  # urgent: queued already (by a change event), to the front
                    if queued is None:
                        self._remember(segment_id, segment.revision, segment.text)
                    key = self._keys.get(segment_id, near)
                    if key is None:
                        key = near = document.position_of(segment_id)
                    self._keys[segment_id] = key
                    entries.append((key, segment_id))
            if not entries:
                return True
            if self.queue.add(entries, urgent=urgent):
                return True
            for _key, segment_id in entries:  # the run is over: the next one finds them pending
                self._forget(segment_id)
            return False

    def _remember(self, segment_id: int, revision: int, text: str) -> None:
        self._works[segment_id] = (revision, text)
        self._by_text.setdefault(text, set()).add(segment_id)

    def _forget(self, segment_id: int) -> None:
        work = self._works.pop(segment_id, None)
        if work is not None:
            same = self._by_text.get(work[1])
            if same is not None:
                same.discard(segment_id)
                if not same:
                    del self._by_text[work[1]]
        self.queue.discard((segment_id,))

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
        self._fill()
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
                                source=jobs[result.index].text,
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
                    SegmentResult(sid, rev, None, reason, model, source=job.text)
                    for k, job in enumerate(jobs)
                    if k not in answered
                    for sid, rev in job.targets
                ]
            finally:
                batches.close()
            self._size_chunks()

    def _size_chunks(self) -> None:
        """Grow the next chunks to about ``chunk_seconds`` of this engine's measured work."""
        if self.chunk_seconds is None or len(self._recent) < 2:
            return
        since = self._recent[0][0]
        made = sum(count for _at, count in list(self._recent)[1:])
        elapsed = self.clock() - since
        if made and elapsed > 0:
            self.queue.grow_chunks(min(MAX_CHUNK, round(made / elapsed * self.chunk_seconds)))

    def _fill(self) -> None:
        """Queue the snapshot's pending segments, unless the owner has reported a newer state."""
        snapshot, self._snapshot = self._snapshot, None
        if snapshot is None:
            return
        entries: list[Entry] = []
        keys = {segment_id: position for position, segment_id in enumerate(snapshot.order)}
        with self._lock:
            self._keys = keys | self._keys  # what the owner has queued since keeps its key
            known = self._known
            for position, segment in snapshot.pending():
                if known.get(segment.id, -1) < segment.revision and segment.id not in self._works:
                    self._remember(segment.id, segment.revision, segment.text)
                    entries.append((position, segment.id))
            self.queue.fill(entries)

    def _take(self) -> list[_Job] | None:
        """The next chunk as jobs (one per distinct text); None when the queue is empty."""
        segment_ids = self.queue.take()
        if not segment_ids:
            return None
        jobs: dict[str, list[tuple[int, int]]] = {}
        with self._lock:
            for segment_id in segment_ids:
                work = self._works.get(segment_id)
                if work is None or work[1] in jobs:
                    continue
                text = work[1]
                same = sorted(self._by_text.get(text, ()))
                jobs[text] = [(i, self._works[i][0]) for i in same]
                for other in same:
                    self._forget(other)
        return [_Job(text, tuple(targets)) for text, targets in jobs.items()]


def translate_document(document: Document, translator: Translator) -> Iterator[list[int]]:
    """Translate every pending segment of *document* in place (the CLI's loop).

    Chunks are :data:`CLI_CHUNK` segments (nothing is shown before the end, so no small first
    chunk). Yields the ids each batch changed;
    stop iterating to cancel (the rest stays pending).
    """
    session = TranslationSession(document, translator, chunk_size=CLI_CHUNK, first_chunk=CLI_CHUNK)
    for results in session.run():
        yield document.apply_results(results)
