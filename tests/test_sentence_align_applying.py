"""An aligned translation put into a document: one undoable step, merges, moves between rows."""

from __future__ import annotations

from reader.formats.plain_text import build_text_document
from reader.model import Document, Origin, Status
from reader.model.undo import UndoStack
from reader.sentence_align import Link
from reader.sentence_align.applying import ImportTranslation, english_per_link, move_english_command


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
