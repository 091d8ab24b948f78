"""Edits, picks, retranslation, split and merge as undoable commands, and their invariants."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.formats.plain_text import build_text_document
from reader.model import ChangeKind, Document, Origin, SegmentResult, Status
from reader.model.editing import (
    edit_command,
    merge_command,
    neighbour,
    pick_command,
    retranslate_command,
    split_candidates,
    split_command,
)
from reader.model.nodes import Rendering
from reader.model.undo import UndoStack
from tests.helpers.editing import put

TEXT = "العنوان\n\nجملة أولى، ثم تكملة. جملة ثانية؟ جملة ثالثة!\n\nفقرة ثانية هنا، وبعدها. وأخرى.\n"


def translate_all(document: Document) -> None:
    document.apply_results(
        SegmentResult(s.id, s.revision, f"english {s.id}") for s in document.iter_segments()
    )


def state(document: Document) -> list[tuple[object, ...]]:
    """Everything but revisions, which only ever grow."""
    return [
        (s.id, s.block_id, s.text, s.start, s.end, s.status, s.rendering, s.error)
        for s in document.iter_segments()
    ]


def test_edit_undo_redo() -> None:
    document = build_text_document(TEXT)
    translate_all(document)
    stack = UndoStack(document)
    target = document.segment_at(1)
    assert stack.push(edit_command(document, target.id, "My English."))
    edited = document.segment(target.id)
    assert edited is not None
    assert edited.rendering == Rendering("My English.", Origin.EDITED)
    stack.undo()
    assert document.segment(target.id).translation == f"english {target.id}"  # type: ignore[union-attr]
    assert stack.can_redo
    assert not stack.can_undo
    stack.redo()
    assert document.segment(target.id).translation == "My English."  # type: ignore[union-attr]
    assert stack.undo_label() == "edit"


def test_an_edit_survives_retranslation_and_a_model_change() -> None:
    document = build_text_document(TEXT)
    translate_all(document)
    stack = UndoStack(document)
    target = document.segment_at(2).id
    stack.push(edit_command(document, target, "Mine."))
    document.reset([s.id for s in document.iter_segments()])  # what a model change does
    kept = document.segment(target)
    assert kept is not None
    assert kept.translation == "Mine."
    assert kept.edited
    document.apply_results([SegmentResult(target, kept.revision, "machine again")])
    assert document.segment(target).translation == "Mine."  # type: ignore[union-attr]
    # Only the reader's own request on that sentence lets the machine redo it; undo brings it back.
    stack.push(retranslate_command(target))
    again = document.segment(target)
    assert again is not None
    assert again.status is Status.PENDING
    document.apply_results([SegmentResult(target, again.revision, "machine again")])
    assert document.segment(target).translation == "machine again"  # type: ignore[union-attr]
    stack.undo()
    assert document.segment(target).translation == "Mine."  # type: ignore[union-attr]


def test_pick_swaps_the_alternative_in_and_keeps_the_old_text_pickable() -> None:
    document = build_text_document(TEXT)
    target = document.segment_at(1)
    put(document, target.id, Status.DONE, Rendering("one", Origin.MACHINE, "m", -0.2, (), ("two", "three")))
    stack = UndoStack(document)
    assert stack.push(pick_command(document, target.id, "two"))
    picked = document.segment(target.id).rendering  # type: ignore[union-attr]
    assert picked is not None
    assert (picked.text, picked.origin, picked.alternatives) == ("two", Origin.EDITED, ("one", "three"))
    stack.undo()
    assert document.segment(target.id).rendering.text == "one"  # type: ignore[union-attr]


def test_split_gives_new_ids_and_keeps_every_other_segment() -> None:
    document = build_text_document(TEXT)
    translate_all(document)
    stack = UndoStack(document)
    stack.push(edit_command(document, document.segment_at(3).id, "Edited third."))
    before = {s.id: s for s in document.iter_segments()}
    target = document.segment_at(1)
    cut = split_candidates(target)
    assert cut, target.text
    changes = []
    document.subscribe(changes.append)
    assert stack.push(split_command(document, target.id, cut[0]))
    assert [c.kind for c in changes] == [ChangeKind.STRUCTURE]
    new_ids = changes[0].segment_ids
    assert changes[0].removed_ids == (target.id,)
    assert len(new_ids) == 2
    assert not set(new_ids) & set(before)
    left, right = (document.segment(i) for i in new_ids)
    assert left is not None
    assert right is not None
    assert left.text == "جملة أولى،"
    assert right.text == "ثم تكملة."
    assert document.text[left.start : left.end] == left.text
    assert left.status is Status.PENDING
    for segment in document.iter_segments():
        if segment.id not in new_ids:
            assert before[segment.id] == segment  # same id, translation, edit, revision
    stack.undo()
    assert document.segment(target.id) is not None
    assert len(document) == len(before)


def test_merge_joins_neighbours_only_within_a_paragraph() -> None:
    document = build_text_document(TEXT)
    first = document.segment_at(1)
    second_id = neighbour(document, first.id, 1)
    assert second_id is not None
    command = merge_command(document, first.id, second_id)
    assert command is not None
    UndoStack(document).push(command)
    joined = document.segment_at(1)
    assert joined.text == TEXT[joined.start : joined.end].replace("\n", " ")
    assert joined.text.startswith("جملة أولى")
    assert joined.text.endswith("جملة ثانية؟")
    heading = document.segment_at(0)
    assert merge_command(document, heading.id, joined.id) is None  # another paragraph
    assert neighbour(document, heading.id, -1) is None


def test_a_split_must_leave_text_on_both_sides() -> None:
    document = build_text_document(TEXT)
    target = document.segment_at(1)
    assert split_command(document, target.id, 0) is None
    assert split_command(document, target.id, len(target.text)) is None
    assert UndoStack(document).push(None) is False


def test_a_result_for_a_removed_segment_is_dropped() -> None:
    document = build_text_document(TEXT)
    target = document.segment_at(1)
    UndoStack(document).push(split_command(document, target.id, 5))
    assert document.apply_results([SegmentResult(target.id, target.revision, "late")]) == []


OPERATIONS = st.lists(
    st.tuples(
        st.sampled_from(["edit", "split", "merge", "undo", "redo", "translate"]), st.integers(0, 10_000)
    ),
    max_size=40,
)


@settings(max_examples=150, deadline=None)
@given(OPERATIONS)
def test_random_edits_keep_the_model_consistent_and_undo_restores_the_original(operations) -> None:
    document = build_text_document(TEXT * 2)
    translate_all(document)
    original = state(document)
    stack = UndoStack(document)
    for name, number in operations:
        segment = document.segment_at(number % len(document))
        if name == "edit":
            stack.push(edit_command(document, segment.id, f"edit {number}"))
        elif name == "split":
            stack.push(split_command(document, segment.id, number % max(len(segment.text), 1)))
        elif name == "merge":
            other = neighbour(document, segment.id, 1 if number % 2 else -1)
            if other is not None:
                pair = (segment.id, other) if number % 2 else (other, segment.id)
                stack.push(merge_command(document, *pair))
        elif name == "undo":
            stack.undo()
        elif name == "redo":
            stack.redo()
        else:
            document.apply_results(
                SegmentResult(s.id, s.revision, "machine")
                for s in document.iter_segments()
                if s.status is Status.PENDING  # what a session asks for
            )
        ids = [s.id for s in document.iter_segments()]
        assert len(set(ids)) == len(ids)
        assert [document.position_of(i) for i in ids] == list(range(len(ids)))
        for block in document.iter_blocks():
            spans = [(s.start, s.end) for s in document.segments_of(block)]
            assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:], strict=False))
            assert all(
                s.text == document.text[s.start : s.end].replace("\n", " ")
                for s in document.segments_of(block)
            )
        counts = dict.fromkeys(Status, 0)
        for s in document.iter_segments():
            counts[s.status] += 1
        assert counts == {
            Status.DONE: document.translated_count,
            Status.FAILED: document.failed_count,
            Status.PENDING: document.pending_count,
        }
    while stack.undo() is not None:
        pass
    assert state(document) == original
