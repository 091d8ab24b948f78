"""Opening with the reader's work: a file and pasted text get their saved work back the same way."""

from __future__ import annotations

from pathlib import Path

from reader.formats.plain_text import build_text_document
from reader.library.opening import load_with_work, structure_text, with_saved_work
from reader.library.positions import content_hash
from reader.library.store import Library
from reader.model import Document, SegmentResult
from reader.model.editing import edit_command, split_candidates, split_command
from reader.model.undo import UndoStack

TEXT = "العنوان\n\nجملة أولى، ثم تكملة. جملة ثانية؟ جملة ثالثة!\n\nفقرة ثانية هنا، وبعدها. وأخرى.\n"


def state(document: Document) -> list[tuple[object, ...]]:
    return [(s.id, s.text, s.start, s.end, s.status, s.rendering) for s in document.iter_segments()]


def worked_on(library_file: Path) -> Document:
    """A document with a translation, an edit, a split and a place to come back to, saved."""
    library = Library(library_file)
    document = build_text_document(TEXT, name="book.txt")
    key = content_hash(document)
    library.restore(key, document)
    library.attach(key, document)
    first = document.segment_at(0)
    document.apply_results([SegmentResult(first.id, first.revision, "The title", model="tiny")])
    stack = UndoStack(document)
    stack.push(edit_command(document, document.segment_at(2).id, "My own."))
    target = document.segment_at(1)
    stack.push(split_command(document, target.id, split_candidates(target)[0]))
    library.remember_position(key, document, 3, selected=4)
    library.close()
    return document


def test_a_file_and_pasted_text_come_back_with_the_same_work(tmp_path: Path) -> None:
    library_file = tmp_path / "library.sqlite3"
    document = worked_on(library_file)
    path = tmp_path / "book.txt"
    path.write_text(TEXT, encoding="utf-8")

    from_file = load_with_work(path, Library(library_file))
    pasted = with_saved_work(structure_text(TEXT, "pasted"), Library(library_file))
    for loaded in (from_file, pasted):
        assert state(loaded.document) == state(document)
        assert (loaded.key, loaded.position, loaded.selected) == (content_hash(document), 3, 4)


def test_without_a_library_the_document_is_as_read(tmp_path: Path) -> None:
    loaded = with_saved_work(build_text_document(TEXT, name="book.txt"), None, ("a warning",))
    assert (loaded.position, loaded.selected, loaded.warnings) == (0, -1, ("a warning",))
    assert state(loaded.document) == state(build_text_document(TEXT, name="book.txt"))
