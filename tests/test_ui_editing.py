"""The reader's own changes in the window: edit in place, undo/redo, retranslate, split and merge,
alternatives, flagged navigation, the library autosave, projects and translation memories."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, Qt

from reader.library.positions import content_hash
from reader.library.store import Library
from reader.model import Origin, Rendering, Status
from reader.model.editing import split_candidates
from reader.translate.fake import FakeTranslator
from tests.helpers.editing import put
from tests.helpers.loading import load_document
from tests.helpers.window import open_and_wait

TEXT = "العنوان\n\nجملة أولى، ثم تكملة. جملة ثانية؟ جملة ثالثة!\n\nفقرة ثانية هنا، وبعدها. وأخرى.\n"


def english(text: str) -> str:
    return f"English for {len(text)} letters."  # no Arabic left: no quality flag


def opened(qtbot, make_window, tmp_path: Path):  # type: ignore[no-untyped-def]
    path = tmp_path / "book.txt"
    path.write_text(TEXT, encoding="utf-8")
    window = make_window(FakeTranslator(render=english))
    open_and_wait(qtbot, window, path)
    qtbot.waitUntil(lambda: window.document.pending_count == 0)
    return window, path


def test_f2_edits_in_place_enter_commits_and_undo_redo(qtbot, make_window, tmp_path) -> None:
    window, _path = opened(qtbot, make_window, tmp_path)
    view = window.view
    view.select_row(2)
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_F2)
    editor = window.editing.editor
    assert editor.isVisible()
    _arabic, cell = view.cell_rects(2)
    assert editor.geometry().intersects(cell)
    editor.selectAll()
    qtbot.keyClicks(editor, "My own English.")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert not editor.isVisible()
    segment = window.document.segment_at(2)
    assert segment.translation == "My own English."
    assert segment.rendering.origin is Origin.EDITED
    assert "Edited by you" in view.row_tooltip(2)
    assert window.actions_["undo"].isEnabled()
    window.actions_["undo"].trigger()
    assert window.document.segment_at(2).translation == english(segment.text)
    window.actions_["redo"].trigger()
    assert window.document.segment_at(2).translation == "My own English."


def test_esc_cancels_and_a_double_click_on_the_english_opens_the_editor(qtbot, make_window, tmp_path) -> None:
    window, _path = opened(qtbot, make_window, tmp_path)
    view = window.view
    before = window.document.segment_at(1).translation
    view.viewport().repaint()
    _arabic, cell = view.cell_rects(1)
    qtbot.mouseDClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(cell.center().x(), cell.top() + 3)
    )
    editor = window.editing.editor
    assert editor.isVisible()
    qtbot.keyClicks(editor, "thrown away")
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert not editor.isVisible()
    assert window.document.segment_at(1).translation == before
    assert not window.editing.can_undo


def test_retranslate_redoes_an_edited_sentence_only_when_asked(qtbot, make_window, tmp_path) -> None:
    window, _path = opened(qtbot, make_window, tmp_path)
    segment = window.document.segment_at(3)
    window.view.select_row(3)
    window.editing.edit_current()
    window.editing.editor.setPlainText("Mine.")
    window.editing.editor.commit()
    window.controller.set_settings(window.controller.settings, retranslate=True)  # a model change
    qtbot.waitUntil(lambda: window.document.pending_count == 0)
    assert window.document.segment(segment.id).translation == "Mine."
    window.actions_["retranslate"].trigger()
    qtbot.waitUntil(lambda: window.document.segment(segment.id).translation == english(segment.text))
    window.editing.undo()
    assert window.document.segment(segment.id).translation == "Mine."


def test_split_and_merge_translate_only_the_new_pieces_and_keep_the_rest(
    qtbot, make_window, tmp_path
) -> None:
    window, _path = opened(qtbot, make_window, tmp_path)
    document = window.document
    window.view.select_row(4)
    window.editing.edit_current()
    window.editing.editor.setPlainText("Kept edit.")
    window.editing.editor.commit()
    before = {s.id: s for s in document.iter_segments()}
    window.view.select_row(1)
    target = document.segment_at(1)
    assert window.editing.split_current(split_candidates(target)[0])
    assert len(document) == len(before) + 1
    assert window.view.current_row() == 1  # the selection moved to the first new piece
    assert window.view.heights.total > 0
    assert len(window.view.heights) == len(document)
    qtbot.waitUntil(lambda: document.pending_count == 0)
    new = [s for s in document.iter_segments() if s.id not in before]
    assert [s.translation for s in new] == [english(s.text) for s in new]
    assert all(before[s.id] == s for s in document.iter_segments() if s.id in before)
    window.view.select_row(1)
    assert window.editing.merge_current(1)
    qtbot.waitUntil(lambda: document.pending_count == 0)
    assert len(document) == len(before)
    window.editing.undo()
    window.editing.undo()
    assert [s.id for s in document.iter_segments()] == list(before)
    assert document.segment_at(4).translation == "Kept edit."


def test_alternatives_are_picked_from_the_detail_strip(qtbot, make_window, tmp_path) -> None:
    window, _path = opened(qtbot, make_window, tmp_path)
    segment = window.document.segment_at(1)
    put(
        window.document,
        segment.id,
        Status.DONE,
        Rendering("one", Origin.MACHINE, "m", -0.1, (), ("two", "three")),
    )
    window.view.select_row(1)
    strip = window.strip
    assert strip.alternatives.isVisibleTo(strip)
    actions = strip.alternatives_menu.actions()
    assert [a.text() for a in actions] == ["two", "three"]
    actions[1].trigger()
    assert window.document.segment(segment.id).translation == "three"
    window.editing.undo()
    assert window.document.segment(segment.id).translation == "one"


def test_f8_walks_the_flagged_sentences(qtbot, make_window, tmp_path) -> None:
    window, _path = opened(qtbot, make_window, tmp_path)
    document = window.document
    for row in (2, 5):
        s = document.segment_at(row)
        put(
            document,
            s.id,
            Status.DONE,
            Rendering("loop loop loop", Origin.MACHINE, "m", None, ("repetition",)),
        )
    window.view.select_row(0)
    window.actions_["next_flagged"].trigger()
    assert window.view.current_row() == 2
    assert "repeats itself" in window.view.row_tooltip(2)
    window.actions_["next_flagged"].trigger()
    assert window.view.current_row() == 5
    window.actions_["next_flagged"].trigger()
    assert window.view.current_row() == 2  # round again
    window.actions_["previous_flagged"].trigger()
    assert window.view.current_row() == 5


def test_an_edit_is_in_the_library_at_once_and_back_on_reopening(qtbot, make_window, tmp_path) -> None:
    window, path = opened(qtbot, make_window, tmp_path)
    target = window.document.segment_at(2).id
    window.view.select_row(2)
    window.editing.edit_current()
    window.editing.editor.setPlainText("Saved at once.")
    window.editing.editor.commit()
    fresh = load_document(path)  # another process reading the library now (the CLI, say)
    Library().restore(content_hash(fresh), fresh)
    assert fresh.segment(target).translation == "Saved at once."
    window.close()
    again = make_window(FakeTranslator(render=english))
    open_and_wait(qtbot, again, path)
    assert again.document.segment(target).translation == "Saved at once."
    assert again.document.segment(target).edited


def test_save_project_and_open_it_and_export_a_memory(qtbot, make_window, tmp_path) -> None:
    """A memory is one more format of File ▸ Export… (no menu item of its own)."""
    window, _path = opened(qtbot, make_window, tmp_path)
    window.view.select_row(1)
    window.editing.split_current(split_candidates(window.document.segment_at(1))[0])
    qtbot.waitUntil(lambda: window.document.pending_count == 0)
    project = tmp_path / "work.bireader"
    window.files.ask_path = lambda _title, _suggested, _filters: str(project)
    assert window.files.save_project_as()
    memory = tmp_path / "work.xlf"
    window.ask_save_path = lambda _suggested: str(memory)
    with qtbot.waitSignal(window.exporter.succeeded, timeout=20_000):
        window.actions_["export"].trigger()
    assert b'state="translated"' in memory.read_bytes()
    assert "export_memory" not in window.actions_
    expected = [(s.id, s.text, s.translation) for s in window.document.iter_segments()]
    other = make_window(FakeTranslator(render=english))
    open_and_wait(qtbot, other, project)
    assert [(s.id, s.text, s.translation) for s in other.document.iter_segments()] == expected


def test_a_damaged_project_is_one_line_in_the_window(qtbot, make_window, tmp_path) -> None:
    window = make_window()
    bad = tmp_path / "bad.bireader"
    bad.write_bytes(b"nope" * 100)
    with qtbot.waitSignal(window.opener.failed):
        window.open_path(bad)
    assert window.document is None
    assert bad.read_bytes() == b"nope" * 100


class WithAlternatives(FakeTranslator):
    def alternatives(self, text: str, count: int) -> list[tuple[str, float]]:
        return [(english(text), -0.2), ("Another way.", -0.5), ("A third way.", -0.9)][:count]


def test_alternatives_are_found_on_demand_and_picked(qtbot, make_window, tmp_path) -> None:
    path = tmp_path / "book.txt"
    path.write_text(TEXT, encoding="utf-8")
    window = make_window(WithAlternatives(render=english))
    open_and_wait(qtbot, window, path)
    qtbot.waitUntil(lambda: window.document.pending_count == 0 and not window.controller.is_running)
    window.view.select_row(1)
    segment = window.document.segment_at(1)
    shown = []
    window.strip.popup_menu = lambda menu, _where: shown.append(menu)
    with qtbot.waitSignal(window.alternatives.found):
        window.strip.alternatives.click()
    rendering = window.document.segment(segment.id).rendering
    assert rendering.alternatives == ("Another way.", "A third way.")
    assert rendering.score == -0.2
    assert not window.editing.can_undo  # finding them changed no text
    assert shown == [window.strip.alternatives_menu]
    window.strip.alternatives_menu.actions()[0].trigger()
    assert window.document.segment(segment.id).translation == "Another way."
