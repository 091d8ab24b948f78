"""An aligned translation put into a document: one undoable step, merges, moves between rows."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from reader.formats.plain_text import build_text_document
from reader.model import Document, Origin, Status
from reader.model.undo import UndoStack
from reader.sentence_align import Link, align_sentences
from reader.sentence_align.applying import (
    ImportTranslation,
    english_per_link,
    move_english_command,
    split_by_shares,
)
from tests.helpers.loading import load_document
from tests.helpers.seed_english import SEED
from tests.helpers.seed_human_english import HUMAN_ENGLISH


def _document() -> Document:
    return build_text_document("الأولى. الثانية. الثالثة.\n\nالرابعة.\n", name="t.txt")


LINKS = (
    Link((0, 1), (0,), 0.9),
    Link((2,), (), 0.0),
    Link((), (1,), 0.0),
    Link((3,), (2, 3), 0.4),
)
ENGLISH = ("First and second.", "An added note.", "Fourth.", "More of it.")


def test_unlinked_english_joins_the_row_before() -> None:
    assert english_per_link(LINKS, ENGLISH) == [
        "First and second.",
        "An added note.",
        "",
        "Fourth. More of it.",
    ]


def test_the_import_merges_marks_human_and_undoes_and_redoes_as_one_step() -> None:
    document = _document()
    before = [(s.id, s.text) for s in document.segments]
    stack = UndoStack(document)
    command = ImportTranslation(tuple(s.id for s in document.segments), LINKS, ENGLISH)
    assert stack.push(command)
    rows = document.segments
    assert [s.translation for s in rows] == ["First and second.", "An added note.", "Fourth. More of it."]
    assert all(s.rendering is not None and s.rendering.origin is Origin.HUMAN for s in rows)
    assert [p.score for p in command.placed] == [0.9, 0.0, 0.4]
    stack.undo()
    assert [(s.id, s.text) for s in document.segments] == before
    assert all(s.rendering is None for s in document.segments)
    stack.redo()
    assert [s.translation for s in document.segments] == [s.translation for s in rows]
    assert [s.id for s in document.segments] == [s.id for s in rows]


def test_moving_english_between_rows_is_undoable() -> None:
    document = _document()
    stack = UndoStack(document)
    stack.push(ImportTranslation(tuple(s.id for s in document.segments), LINKS, ENGLISH))
    last = document.segments[-1]
    assert stack.push(move_english_command(document, last.id, -1))
    assert [s.translation for s in document.segments][-2:] == ["An added note. Fourth.", "More of it."]
    stack.undo()
    assert document.segments[-1].translation == "Fourth. More of it."
    first = document.segments[0]
    assert stack.push(move_english_command(document, first.id, +1))
    assert document.segments[0].status is Status.PENDING  # its only sentence left: the machine's turn
    assert document.segments[1].translation == "First and second. An added note."
    assert move_english_command(document, document.segments[0].id, -1) is None


def test_one_english_sentence_for_arabic_of_two_paragraphs_is_cut_between_their_rows() -> None:
    document = load_document(SEED)  # every Arabic sentence of the seed is its own paragraph
    arabic = [s.text for s in document.segments]
    links = align_sentences(arabic, list(HUMAN_ENGLISH))
    assert ((3, 4), (4,)) in [(link.source, link.target) for link in links]
    before = [(s.id, s.text, s.rendering) for s in document.segments]
    stack = UndoStack(document)
    command = ImportTranslation(tuple(s.id for s in document.segments), tuple(links), HUMAN_ENGLISH)
    assert stack.push(command)
    rows = document.segments
    assert len(rows) == 15  # nothing merged across paragraphs
    assert all(s.rendering is not None and s.rendering.origin is Origin.HUMAN for s in rows)
    # Each paragraph shows its part of the one English sentence, cut where its Arabic ends.
    assert f"{rows[3].translation} {rows[4].translation}" == HUMAN_ENGLISH[4]
    assert rows[3].translation.endswith("know of the meetings,")
    assert rows[4].translation.startswith("though many other details")
    # The cut is a guess: those two rows are the first the review visits.
    scores = {p.segment_id: p.score for p in command.placed}
    assert scores[rows[3].id] == scores[rows[4].id] == 0.0
    assert all(score > 0 for i, score in scores.items() if i not in (rows[3].id, rows[4].id))
    stack.undo()
    assert [(s.id, s.text, s.rendering) for s in document.segments] == before


def test_arabic_of_one_paragraph_and_the_next_merge_within_each_and_share_the_english() -> None:
    document = build_text_document("الأولى طويلة جدا. الثانية.\n\nالثالثة طويلة.\n", name="t.txt")
    ids = tuple(s.id for s in document.segments)
    english = ("First, long indeed; second; and the third that is long.",)
    stack = UndoStack(document)
    assert stack.push(ImportTranslation(ids, (Link((0, 1, 2), (0,), 0.8),), english))
    rows = document.segments
    assert [s.text for s in rows] == ["الأولى طويلة جدا. الثانية.", "الثالثة طويلة."]
    assert " ".join(s.translation for s in rows) == english[0]
    assert all(s.rendering is not None and s.rendering.origin is Origin.HUMAN for s in rows)


@given(
    st.lists(st.text(alphabet="abc,; ", min_size=0, max_size=8), min_size=0, max_size=30),
    st.lists(st.integers(1, 200), min_size=1, max_size=5),
)
def test_cutting_english_keeps_every_word_in_order_and_fills_every_part(
    words: list[str], weights: list[int]
) -> None:
    text = " ".join(words)
    parts = split_by_shares(text, weights)
    assert len(parts) == len(weights)
    assert " ".join(p for p in parts if p).split() == text.split()
    if len(text.split()) >= len(weights):
        assert all(parts)


@given(st.integers(20, 60), st.integers(1, 9))
def test_cuts_follow_the_arabic_lengths(count: int, tenths: int) -> None:
    words = ["word"] * count
    first, second = split_by_shares(" ".join(words), [tenths, 10 - tenths])
    share = len(first.split()) / count
    assert abs(share - tenths / 10) <= 1 / count + 1e-9
