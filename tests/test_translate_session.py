"""The translation session: visible-first order, de-duplication, cancel, retry, revisions, counts."""

from __future__ import annotations

import pytest

from reader.errors import ModelUnavailable
from reader.formats.plain_text import build_text_document
from reader.model import SegmentResult, Status
from reader.translate.fake import FakeTranslator
from reader.translate.session import TranslationSession, translate_document
from tests.helpers.editing import edit


def book(count: int, repeat_every: int = 0):
    lines = [
        f"الجملة رقم {i} هنا." if not repeat_every or i % repeat_every else "عنوان يتكرر."
        for i in range(count)
    ]
    return build_text_document("\n".join(lines))


def apply_all(document, session: TranslationSession, **kwargs) -> list[list[SegmentResult]]:
    batches = []
    for results in session.run(**kwargs):
        batches.append(results)
        document.apply_results(results)
    return batches


def test_every_segment_is_translated_once_and_addressed_by_id_and_revision() -> None:
    document = book(40)
    translator = FakeTranslator(batch_size=8)
    batches = apply_all(document, TranslationSession(document, translator, chunk_size=8, first_chunk=2))
    assert document.translated_count == 40
    assert document.pending_count == 0
    results = [r for batch in batches for r in batch]
    assert sorted(r.segment_id for r in results) == [s.id for s in document.iter_segments()]
    assert all(r.revision == 0 and r.model == "fake translator" for r in results)
    assert [len(call) for call in translator.calls][:2] == [2, 8]  # a small first chunk, then full ones
    assert all(s.translation == f"[en] {s.text}" for s in document.iter_segments())


def test_visible_rows_go_first_then_reading_on() -> None:
    document = book(30)
    translator = FakeTranslator(batch_size=100)
    session = TranslationSession(document, translator, chunk_size=4, first_chunk=2, visible=[20, 21, 22])
    apply_all(document, session)
    texts = [document.segment_at(i).text for i in (20, 21)]
    assert translator.calls[0] == texts
    assert translator.calls[1] == [document.segment_at(i).text for i in (22, 23, 24, 25)]


def test_prioritize_mid_run_moves_the_new_screen_forward() -> None:
    document = book(50)
    translator = FakeTranslator(batch_size=100)
    session = TranslationSession(document, translator, chunk_size=5, first_chunk=5)
    run = session.run()
    document.apply_results(next(run))
    session.prioritize([40, 41])
    document.apply_results(next(run))
    assert translator.calls[1][:2] == [document.segment_at(40).text, document.segment_at(41).text]
    run.close()


def test_repeated_texts_are_translated_once_and_fan_out() -> None:
    document = book(30, repeat_every=5)
    translator = FakeTranslator(batch_size=100)
    apply_all(document, TranslationSession(document, translator, chunk_size=4, first_chunk=4))
    sent = [text for call in translator.calls for text in call]
    assert sent.count("عنوان يتكرر.") == 1
    assert len(sent) == len(set(sent)) == 25
    assert document.translated_count == 30


def test_cancel_between_batches_leaves_the_rest_pending() -> None:
    document = book(40)
    session = TranslationSession(document, FakeTranslator(batch_size=4), chunk_size=4, first_chunk=4)
    stop = []
    for results in session.run(cancelled=lambda: bool(stop)):
        document.apply_results(results)
        stop.append(True)
    assert document.translated_count == 4
    assert document.pending_count == 36


def test_a_segment_changed_mid_run_keeps_its_new_state() -> None:
    document = book(6)
    session = TranslationSession(document, FakeTranslator(batch_size=1), chunk_size=6, first_chunk=6)
    run = session.run()
    first = next(run)
    target = document.segment_at(5)
    edit(document, target.id, "the reader's own words")  # the result for it is now stale
    document.apply_results(first)
    for results in run:
        document.apply_results(results)
    edited = document.segment(target.id)
    assert edited is not None
    assert edited.translation == "the reader's own words"


def test_retry_adds_failed_segments_to_a_running_session_first() -> None:
    """As the window does it: the reset's change event queues the segment (follow), then the
    retry asks for it first (an urgent add of an id already queued still moves it up)."""
    document = book(20)
    translator = FakeTranslator(batch_size=100, fail_when=lambda text: "رقم 3 " in text)
    session = TranslationSession(document, translator, chunk_size=4, first_chunk=4)
    document.subscribe(lambda change: session.follow(change.segment_ids + change.removed_ids))
    run = session.run()
    document.apply_results(next(run))
    failed = document.segment_at(3)
    assert document.segment(failed.id).status is Status.FAILED  # type: ignore[union-attr]
    translator.fail_when = None
    document.reset([failed.id])
    assert session.add([failed.id])
    document.apply_results(next(run))
    assert translator.calls[-1][0] == failed.text
    for results in run:
        document.apply_results(results)
    assert (document.translated_count, document.failed_count) == (20, 0)
    assert not session.add([failed.id])  # the run is over: a new session is needed


def test_an_engine_bug_fails_that_chunk_and_the_run_goes_on() -> None:
    document = book(8)

    class Broken(FakeTranslator):
        def translate(self, sentences):
            if any("رقم 0 " in s for s in sentences):
                raise RuntimeError("boom")
            yield from super().translate(sentences)

    apply_all(document, TranslationSession(document, Broken(batch_size=100), chunk_size=4, first_chunk=4))
    assert document.failed_count == 4
    assert document.segment_at(0).error == "RuntimeError: boom"
    assert document.translated_count == 4


def test_an_unavailable_model_is_raised() -> None:
    document = book(3)
    session = TranslationSession(document, FakeTranslator(unavailable="no model here"))
    with pytest.raises(ModelUnavailable):
        list(session.run())


def test_progress_counts_and_time_left() -> None:
    document = book(10)
    ticks = iter(range(100))
    session = TranslationSession(
        document,
        FakeTranslator(batch_size=2),
        chunk_size=10,
        first_chunk=10,
        clock=lambda: float(next(ticks)),
    )
    assert session.progress().seconds_left is None
    run = session.run()
    document.apply_results(next(run))
    progress = session.progress()
    assert (progress.done, progress.failed, progress.total) == (2, 0, 10)
    assert progress.seconds_left is not None
    assert progress.seconds_left > 0
    run.close()


def test_translate_document_sends_the_whole_document_in_one_call() -> None:
    document = book(12)
    translator = FakeTranslator(batch_size=5)
    changed = [ids for ids in translate_document(document, translator)]
    assert len(translator.calls) == 1
    assert sum(len(ids) for ids in changed) == 12
    assert document.translated_count == 12


def test_with_chunk_seconds_chunks_grow_to_the_engines_measured_speed() -> None:
    """A clock that moves 0.1 s per batch of 8: 80 sentences/s, so 0.5 s chunks are 40; the
    first chunk stays small and no chunk is ever below the batch size."""
    document = book(300)
    now = [0.0]

    class Timed(FakeTranslator):
        def translate(self, sentences):  # type: ignore[no-untyped-def]
            for batch in super().translate(sentences):
                now[0] += 0.1 * len(batch) / 8
                yield batch

    translator = Timed(batch_size=8)
    session = TranslationSession(
        document, translator, chunk_size=8, first_chunk=2, clock=lambda: now[0], chunk_seconds=0.5
    )
    apply_all(document, session)
    sizes = [len(call) for call in translator.calls]
    assert sizes[0] == 2
    assert min(sizes[1:-1]) >= 8
    assert set(sizes[3:-1]) == {40}
    assert document.pending_count == 0


def test_without_chunk_seconds_chunks_stay_the_batch_size() -> None:
    document = book(60)
    translator = FakeTranslator(batch_size=8)
    apply_all(document, TranslationSession(document, translator, chunk_size=8, first_chunk=2))
    assert {len(call) for call in translator.calls[1:-1]} == {8}
