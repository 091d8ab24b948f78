"""A person's English survives a split or a merge of the Arabic under it; undo gives it back."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from reader.formats.plain_text import build_text_document
from reader.model import Origin, Status
from reader.model.carried_english import PARTIAL, divide_english
from reader.model.editing import edit_command, merge_command, split_command
from reader.model.undo import UndoStack
from tests.helpers.editing import put

ARABIC = "وصل الوفد إلى جنيف صباح اليوم، وبدأت المحادثات بعد الظهر."


def test_a_cut_prefers_the_punctuation_mark_near_the_arabic_proportion() -> None:
    english = "The delegation arrived in Geneva this morning, and talks began in the afternoon."
    left, right = divide_english(english, 0.5)
    assert (left, right) == (
        "The delegation arrived in Geneva this morning,",
        "and talks began in the afternoon.",
    )


def test_one_word_stays_whole_on_the_left() -> None:
    assert divide_english("Geneva.", 0.3) == ("Geneva.", "")


@given(st.lists(st.text(alphabet="abc,. ", min_size=1, max_size=8), min_size=1, max_size=12), st.floats(0, 1))
def test_dividing_never_loses_a_word(words: list[str], share: float) -> None:
    english = " ".join(words)
    left, right = divide_english(english, share)
    assert f"{left} {right}".split() == english.split()
    assert left or not english.strip()


def test_splitting_an_edited_sentence_divides_the_edit_and_undo_restores_it() -> None:
    document = build_text_document(ARABIC)
    stack = UndoStack(document)
    segment = document.segment_at(0)
    english = "The delegation arrived in Geneva this morning, and talks began in the afternoon."
    stack.push(edit_command(document, segment.id, english))
    before = document.segment_at(0)
    assert stack.push(split_command(document, segment.id, ARABIC.index("،") + 2))
    left, right = document.segment_at(0), document.segment_at(1)
    assert (left.translation, right.translation) == (
        "The delegation arrived in Geneva this morning,",
        "and talks began in the afternoon.",
    )
    assert left.rendering.origin is right.rendering.origin is Origin.EDITED  # type: ignore[union-attr]
    stack.undo()
    restored = document.segment_at(0)
    assert (restored.id, restored.status, restored.rendering) == (before.id, before.status, before.rendering)


def test_splitting_machine_output_translates_the_pieces_again() -> None:
    document = build_text_document(ARABIC)
    segment = document.segment_at(0)
    put(document, segment.id, Status.DONE, None)
    command = split_command(document, segment.id, ARABIC.index("،") + 2)
    assert command is not None
    assert all(piece.status is Status.PENDING and piece.rendering is None for piece in command.after)


def test_merging_keeps_both_englishes_when_one_was_edited() -> None:
    document = build_text_document("الجملة الأولى هنا. والجملة الثانية هناك.")
    first, second = document.segment_at(0), document.segment_at(1)
    stack = UndoStack(document)
    stack.push(edit_command(document, first.id, "My first sentence."))
    stack.push(edit_command(document, second.id, "My second one."))
    assert stack.push(merge_command(document, first.id, second.id))
    merged = document.segment_at(0)
    assert merged.translation == "My first sentence. My second one."
    assert merged.rendering.origin is Origin.EDITED  # type: ignore[union-attr]
    stack.undo()
    assert [s.translation for s in document.iter_segments()] == ["My first sentence.", "My second one."]


def test_merging_an_edit_with_an_untranslated_sentence_keeps_it_flagged_partial() -> None:
    document = build_text_document("الجملة الأولى هنا. والجملة الثانية هناك.")
    first, second = document.segment_at(0), document.segment_at(1)
    stack = UndoStack(document)
    stack.push(edit_command(document, first.id, "My first sentence."))
    assert stack.push(merge_command(document, first.id, second.id))
    merged = document.segment_at(0)
    assert merged.translation == "My first sentence."
    assert merged.rendering.flags == (PARTIAL,)  # type: ignore[union-attr]
