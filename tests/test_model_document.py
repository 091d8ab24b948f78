"""The document model: ids, revisions, counts and change events under random edit sequences."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.formats.plain_text import build_text_document
from reader.model import ChangeKind, Origin, SegmentResult, Status
from tests.helpers.editing import edit

TEXT = "العنوان\n\nجملة أولى. جملة ثانية؟ جملة ثالثة!\n\nفقرة ثانية هنا. وأخرى.\n"


def recount(document) -> dict[Status, int]:
    counts = dict.fromkeys(Status, 0)
    for segment in document.iter_segments():
        counts[segment.status] += 1
    return counts


def test_ids_are_stable_and_not_positions_of_another_document() -> None:
    document = build_text_document(TEXT)
    ids = [s.id for s in document.iter_segments()]
    assert len(set(ids)) == len(ids) == len(document)
    assert [document.position_of(i) for i in ids] == list(range(len(ids)))
    first = document.segment_at(1)
    document.apply_results([SegmentResult(first.id, first.revision, "First sentence.")])
    assert [s.id for s in document.iter_segments()] == ids  # a translation changes no identity


def test_a_result_for_a_stale_revision_is_dropped() -> None:
    document = build_text_document(TEXT)
    segment = document.segment_at(1)
    old = segment.revision
    document.reset([segment.id])  # nothing to reset: pending already, so no new revision
    document.apply_results([SegmentResult(segment.id, old, "one")])
    now = document.segment(segment.id)
    assert now is not None
    assert (now.status, now.translation) == (Status.DONE, "one")
    document.reset([segment.id])  # e.g. the model changed: in-flight results are now stale
    assert document.apply_results([SegmentResult(segment.id, now.revision, "stale")]) == []
    again = document.segment(segment.id)
    assert again is not None
    assert (again.status, again.translation) == (Status.PENDING, None)


def test_results_for_unknown_ids_and_edited_segments_are_dropped() -> None:
    document = build_text_document(TEXT)
    segment = document.segment_at(2)
    assert edit(document, segment.id, "My own English.")
    edited = document.segment(segment.id)
    assert edited is not None
    assert edited.rendering is not None
    assert edited.rendering.origin is Origin.EDITED
    assert document.apply_results([SegmentResult(segment.id, edited.revision, "machine")]) == []
    assert document.apply_results([SegmentResult(10_000, 0, "nobody")]) == []
    assert document.reset([segment.id]) == []  # edits survive a retranslation
    assert document.reset([segment.id], keep_edited=False) == [segment.id]


def test_failures_and_counts_are_kept_without_recounting() -> None:
    document = build_text_document(TEXT)
    a, b, c = (document.segment_at(i) for i in range(1, 4))
    document.apply_results(
        [SegmentResult(a.id, a.revision, "A."), SegmentResult(b.id, b.revision, None, "engine crashed")]
    )
    assert (document.translated_count, document.failed_count) == (1, 1)
    assert document.pending_count == len(document) - 2
    failed = document.segment(b.id)
    assert failed is not None
    assert (failed.status, failed.error, failed.translation) == (Status.FAILED, "engine crashed", None)
    assert c.status is Status.PENDING


def test_one_event_per_kind_per_transaction_naming_ids() -> None:
    document = build_text_document(TEXT)
    heard = []
    unsubscribe = document.subscribe(heard.append)
    segments = document.segments
    with document.transaction():
        for s in segments[:3]:
            document.apply_results([SegmentResult(s.id, s.revision, "x")])
        document.reset([segments[0].id])
    assert len(heard) == 1
    assert heard[0].kind is ChangeKind.RENDERING
    assert set(heard[0].segment_ids) == {s.id for s in segments[:3]}
    unsubscribe()
    document.reset([segments[1].id])
    assert len(heard) == 1


def test_snapshot_does_not_follow_later_changes() -> None:
    document = build_text_document(TEXT)
    segment = document.segment_at(1)
    copy = document.snapshot()
    document.apply_results([SegmentResult(segment.id, segment.revision, "later")])
    assert copy.segment(segment.id) == segment
    assert copy.translated_count == 0
    assert document.translated_count == 1


_texts = st.lists(
    st.sampled_from(["جملة.", "سؤال؟", "عنوان قصير", "", "نص طويل بعض الشيء، ثم يكمل. وينتهي!", "\n"]),
    min_size=1,
    max_size=30,
).map("\n".join)

_operation = st.tuples(
    st.sampled_from(["result", "fail", "stale", "reset", "edit"]), st.integers(0, 200), st.text(max_size=5)
)


@settings(max_examples=60, deadline=None)
@given(text=_texts, operations=st.lists(_operation, max_size=40))
def test_property_random_edits_keep_ids_spans_and_counts(text: str, operations) -> None:
    document = build_text_document(text)
    if not len(document):
        return
    ids = [s.id for s in document.iter_segments()]
    for kind, pick, english in operations:
        segment = document.segment_at(pick % len(document))
        if kind == "result":
            document.apply_results([SegmentResult(segment.id, segment.revision, english)])
        elif kind == "fail":
            document.apply_results([SegmentResult(segment.id, segment.revision, None, "no")])
        elif kind == "stale":
            before = document.segment(segment.id)
            document.apply_results([SegmentResult(segment.id, segment.revision - 1, english)])
            assert document.segment(segment.id) == before
        elif kind == "reset":
            document.reset([segment.id])
        else:
            edit(document, segment.id, english)
        assert recount(document) == {
            Status.DONE: document.translated_count,
            Status.FAILED: document.failed_count,
            Status.PENDING: document.pending_count,
        }
    assert [s.id for s in document.iter_segments()] == ids
    previous_end = 0
    for segment in document.iter_segments():
        assert previous_end <= segment.start < segment.end <= len(text)
        assert text[segment.start : segment.end].replace("\n", " ") == segment.text
        previous_end = segment.end


@pytest.mark.parametrize("status", list(Status))
def test_status_values_are_stable_strings(status: Status) -> None:
    assert Status(status.value) is status
