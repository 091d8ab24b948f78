"""The flagged-sentence index: always what a scan of the rows would find, without scanning."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.formats.plain_text import build_text_document
from reader.model import Document, Origin, Rendering, Status
from reader.model.editing import merge_command, split_command
from reader.model.flagged import FlaggedIndex
from reader.model.undo import UndoStack
from tests.helpers.editing import edit, put, put_many

TEXT = "العنوان\n\nجملة أولى، ثم تكملة. جملة ثانية؟ جملة ثالثة!\n\nفقرة ثانية هنا، وبعدها. وأخرى.\n\nأخيرة. حقا.\n"
FLAGGED = Rendering("loop loop loop", Origin.MACHINE, "m", -3.0, ("repetition",))
CLEAN = Rendering("Fine.", Origin.MACHINE, "m", -0.1)


def scanned(document: Document) -> list[int]:
    """What F8 used to find row by row."""
    return [s.id for s in document.iter_segments() if s.rendering is not None and s.rendering.flags]


def brute_after(document: Document, segment_id: int | None, step: int) -> int | None:
    flagged = scanned(document)
    if not flagged:
        return None
    if segment_id is None:
        return flagged[0 if step > 0 else -1]
    order = [s.id for s in document.iter_segments()]
    here = order.index(segment_id)
    count = len(order)
    for offset in range(1, count + 1):
        candidate = order[(here + step * offset) % count]
        if candidate in flagged:
            return candidate
    return None


def test_built_from_the_document_and_kept_from_rendering_changes() -> None:
    document = build_text_document(TEXT)
    first, second, third = (document.segment_at(i) for i in (1, 3, 5))
    put(document, first.id, Status.DONE, FLAGGED)
    index = FlaggedIndex(document)
    assert index.ids() == [first.id]
    put_many(document, [(third.id, Status.DONE, FLAGGED), (second.id, Status.DONE, FLAGGED)])
    assert index.ids() == [first.id, second.id, third.id]
    put(document, second.id, Status.DONE, CLEAN)
    assert index.ids() == [first.id, third.id]
    assert second.id not in index
    assert (index.after(first.id), index.after(third.id), index.after(first.id, -1)) == (
        third.id,
        first.id,
        third.id,
    )
    assert index.after(second.id) == third.id  # from an unflagged sentence too
    assert index.after(None) == first.id
    assert index.after(None, -1) == third.id
    document.reset([first.id, third.id])
    assert index.after(None) is None
    index.close()
    put(document, first.id, Status.DONE, FLAGGED)
    assert len(index) == 0  # no longer listening


def test_next_and_previous_never_scan_the_document() -> None:
    document = build_text_document("\n\n".join(f"جملة رقم {i}. وأخرى {i}." for i in range(2000)))
    flagged = [document.segment_at(i).id for i in range(0, len(document), 97)]
    index = FlaggedIndex(document)
    assert len(index) == 0  # built now, then kept from events
    put_many(document, [(i, Status.DONE, FLAGGED) for i in flagged])

    def no_scans() -> None:
        raise AssertionError("the index scanned the document")

    document.iter_segments = no_scans  # type: ignore[method-assign]
    document.segment_at = no_scans  # type: ignore[method-assign, assignment]
    walked = [flagged[0]]
    for _ in range(len(flagged)):
        found = index.after(walked[-1])
        assert found is not None
        walked.append(found)
    assert walked == [*flagged, flagged[0]]
    assert index.after(flagged[0], -1) == flagged[-1]


OPERATIONS = st.lists(
    st.tuples(st.sampled_from(["flag", "clean", "reset", "split", "merge", "undo"]), st.integers(0, 200)),
    max_size=30,
)


@settings(max_examples=60, deadline=None)
@given(OPERATIONS)
def test_the_index_always_matches_a_scan_through_edits_splits_merges_and_undo(
    operations: list[tuple[str, int]],
) -> None:
    document = build_text_document(TEXT)
    stack = UndoStack(document)
    index = FlaggedIndex(document)
    assert index.ids() == []  # built before the first change: every later one is filed by events
    for name, number in operations:
        segment = document.segment_at(number % len(document))
        if name == "flag":
            put(document, segment.id, Status.DONE, FLAGGED)
        elif name == "clean":
            put(document, segment.id, Status.DONE, CLEAN)
        elif name == "reset":
            document.reset([segment.id])
        elif name == "split" and len(segment.text) > 1:
            stack.push(split_command(document, segment.id, 1 + number % (len(segment.text) - 1)))
        elif name == "merge":
            ids = document.block(segment.block_id).segment_ids
            at = ids.index(segment.id)
            if at + 1 < len(ids):
                stack.push(merge_command(document, segment.id, ids[at + 1]))
        elif name == "undo":
            stack.undo()
        assert index.ids() == scanned(document)
        for step in (1, -1):
            for probe in (None, document.segment_at(number % len(document)).id):
                assert index.after(probe, step) == brute_after(document, probe, step)


def test_built_on_first_use_from_the_document_as_it_is_then() -> None:
    document = build_text_document(TEXT)
    index = FlaggedIndex(document)
    first, second = document.segment_at(1), document.segment_at(4)
    put(document, second.id, Status.DONE, FLAGGED)  # before the index is built: not filed
    assert not index._built  # opening a book and its change events cost nothing until F8
    put(document, first.id, Status.DONE, FLAGGED)
    assert index.ids() == [first.id, second.id]  # reading order, from the document itself
    put(document, first.id, Status.DONE, CLEAN)  # after: kept from the event
    assert index.ids() == [second.id]


@pytest.mark.parametrize("bulk", [3, 500])
def test_bulk_and_single_changes_agree(bulk: int) -> None:
    document = build_text_document("\n\n".join(f"جملة {i}. ثانية {i}." for i in range(400)))
    index = FlaggedIndex(document)
    assert len(index) == 0
    chosen = [document.segment_at(i).id for i in range(0, len(document), max(1, len(document) // bulk))]
    put_many(document, [(i, Status.DONE, FLAGGED) for i in chosen])
    assert index.ids() == scanned(document)
    put_many(document, [(i, Status.DONE, CLEAN) for i in chosen[::2]])
    assert index.ids() == scanned(document)


def test_what_files_a_segment_can_be_given() -> None:
    document = build_text_document(TEXT, name="t.txt")
    human = Rendering("A person's English.", Origin.HUMAN)
    chosen = {document.segment_at(k).id for k in (1, 3, 4)}
    index = FlaggedIndex(
        document, lambda s: s.id in chosen and s.rendering is not None and s.rendering.origin is Origin.HUMAN
    )
    assert len(index) == 0
    put_many(document, [(segment.id, Status.DONE, human) for segment in document.segments])
    assert index.ids() == [document.segment_at(k).id for k in (1, 3, 4)]
    edit(document, document.segment_at(3).id, "Reviewed.")  # no longer the imported English
    assert index.ids() == [document.segment_at(k).id for k in (1, 4)]
    assert index.after(document.segment_at(1).id) == document.segment_at(4).id
    index.close()
