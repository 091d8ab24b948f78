"""The document model: ids, revisions, counts and change events under random edit sequences."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.formats.plain_text import build_text_document
from reader.model import Change, ChangeKind, Document, Origin, Rendering, Segment, SegmentResult, Status
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


def test_amended_renderings_keep_status_and_error_and_are_one_change() -> None:
    document = build_text_document(TEXT)
    a, b = document.segment_at(1), document.segment_at(2)
    document.apply_results([SegmentResult(a.id, a.revision, "A."), SegmentResult(b.id, b.revision, "B.")])
    heard: list[Change] = []
    document.subscribe(heard.append)
    before = [document.segment(a.id), document.segment(b.id)]
    amended = [
        (s.id, dataclasses.replace(s.rendering, alignment=((0, 0),))) for s in before if s and s.rendering
    ]
    assert document.amend_renderings([*amended, (10_000, amended[0][1])]) == 2  # an unknown id: skipped
    assert heard == [Change(ChangeKind.RENDERING, (a.id, b.id))]
    for old in before:
        assert old is not None
        now = document.segment(old.id)
        assert now is not None
        assert now.rendering is not None
        assert (now.status, now.error, now.revision) == (old.status, old.error, old.revision + 1)
        assert now.rendering.alignment == ((0, 0),)
    assert document.translated_count == 2


def test_saved_work_restored_is_done_and_heard_as_one_change_per_kind() -> None:
    document = build_text_document(TEXT)
    segment = document.segment_at(2)
    block = document.block(segment.block_id)
    cut = segment.start + segment.text.index(" ")
    part = document.part_text(segment)
    pieces = [Segment(100, block.id, part[segment.start : cut], segment.start, cut)]
    pieces.append(Segment(101, block.id, part[cut + 1 : segment.end], cut + 1, segment.end))
    others = [document.segment(i) for i in block.segment_ids if i != segment.id]
    heard: list[Change] = []
    document.subscribe(heard.append)
    with document.transaction():
        document.restore_segmentation(block.id, [*others[:1], *pieces, *others[1:]])
        assert (
            document.restore_renderings(
                [(100, Rendering("Mine.", Origin.EDITED)), (99_999, Rendering("x", Origin.MACHINE))]
            )
            == 1
        )
    assert [c.kind for c in heard] == [ChangeKind.RENDERING, ChangeKind.STRUCTURE]
    assert heard[1].removed_ids == (segment.id,)
    assert block.id in document.restructured_blocks
    restored = document.segment(100)
    assert restored is not None
    assert restored.status is Status.DONE
    assert restored.translation == "Mine."
    assert document.segment(segment.id) is None
    assert document.translated_count == 1


def test_only_the_model_calls_the_documents_private_mutators() -> None:
    """A person's changes have one path, the undoable commands (reader/model/editing.py)."""
    root = Path(__file__).resolve().parents[1] / "reader"
    private = re.compile(r"\._(set_states|replace_run|new_segment_id)\(")
    outside = [
        str(path.relative_to(root))
        for path in root.rglob("*.py")
        if path.parent.name != "model" and private.search(path.read_text(encoding="utf-8"))
    ]
    assert outside == []
    assert not any(hasattr(Document, name) for name in ("edit", "set_state", "set_states", "replace_run"))


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
