"""File ▸ Import Translation… in the window: background alignment, one undo step, the review."""

from __future__ import annotations

from reader.model import Origin, Status
from reader.sentence_align.applying import Placed
from tests.helpers.editing import edit
from tests.helpers.seed_human_english import HUMAN_ENGLISH, write_human_english
from tests.helpers.window import open_and_wait, paste_and_wait


def test_import_aligns_in_the_background_marks_human_and_undoes_in_one_step(
    qtbot, make_window, seed_path, tmp_path
) -> None:
    window = make_window()
    open_and_wait(qtbot, window, seed_path)
    qtbot.waitUntil(lambda: window.document.pending_count == 0, timeout=10000)
    machine = [s.translation for s in window.document.iter_segments()]
    window.translation_import.ask_path = lambda: str(write_human_english(tmp_path))
    with qtbot.waitSignal(window.translation_import.message, timeout=20000) as said:
        window.actions_["import_translation"].trigger()
    assert said.args[0].startswith("Imported: 15 rows show the translation, 2 to review")
    segments = window.document.segments
    assert all(s.rendering is not None and s.rendering.origin is Origin.HUMAN for s in segments)
    assert segments[2].translation == f"{HUMAN_ENGLISH[2]} {HUMAN_ENGLISH[3]}"
    # Arabic 4 and 5 share one English sentence but are two paragraphs: each shows its part,
    # and F6 goes to them first.
    assert f"{segments[3].translation} {segments[4].translation}" == HUMAN_ENGLISH[4]
    window.view.select_row(0)
    window.actions_["next_low_link"].trigger()
    assert window.view.current_row() == 3
    window.actions_["next_low_link"].trigger()
    assert window.view.current_row() == 4
    edit(window.document, segments[3].id, "A reviewed cut.")  # reviewed: F6 no longer stops there
    window.view.select_row(0)
    window.actions_["next_low_link"].trigger()
    assert window.view.current_row() == 4
    window.actions_["undo"].trigger()
    assert [s.translation for s in window.document.iter_segments()] == machine
    with qtbot.waitSignal(window.translation_import.message) as said:
        window.actions_["next_low_link"].trigger()
    assert said.args[0] == "No imported row to review."


def test_cancel_stops_the_alignment_and_changes_nothing(qtbot, make_window, seed_path, tmp_path) -> None:
    window = make_window()
    open_and_wait(qtbot, window, seed_path)
    qtbot.waitUntil(lambda: window.document.pending_count == 0, timeout=10000)
    before = [(s.id, s.translation) for s in window.document.iter_segments()]
    assert window.translation_import.start(write_human_english(tmp_path))
    window.translation_import.cancel()
    with qtbot.waitSignal(window.translation_import.message, timeout=20000) as said:
        pass
    assert said.args[0] == "Import cancelled."
    assert [(s.id, s.translation) for s in window.document.iter_segments()] == before
    assert not window.editing.can_undo


def test_an_unreadable_translation_is_one_error_line(qtbot, make_window, seed_path, tmp_path) -> None:
    window = make_window()
    open_and_wait(qtbot, window, seed_path)
    bad = tmp_path / "broken.epub"
    bad.write_bytes(b"PK\x03\x04 not really a zip")
    assert window.translation_import.start(bad)
    qtbot.waitUntil(lambda: not window.translation_import.busy, timeout=10000)
    assert len(window.errors) == 1


def test_review_steps_to_uncertain_rows_and_moves_english_undoably(
    qtbot, make_window, seed_path, tmp_path
) -> None:
    window = make_window()
    open_and_wait(qtbot, window, seed_path)
    importer = window.translation_import
    importer.ask_path = lambda: str(write_human_english(tmp_path))
    with qtbot.waitSignal(importer.message, timeout=20000):
        importer.import_dialog()
    document = window.document
    # Two links made uncertain by hand: F6 visits them in reading order and wraps round.
    importer.placed = [Placed(document.segment_at(9).id, 0.2), Placed(document.segment_at(6).id, 0.3)]
    window.view.select_row(0)
    window.actions_["next_low_link"].trigger()
    assert window.view.current_row() == 6
    window.actions_["next_low_link"].trigger()
    assert window.view.current_row() == 9
    window.actions_["next_low_link"].trigger()
    assert window.view.current_row() == 6
    window.actions_["previous_low_link"].trigger()
    assert window.view.current_row() == 9
    window.view.select_row(3)
    moved = document.segment_at(3).translation
    above = document.segment_at(2).translation
    window.actions_["english_up"].trigger()
    assert document.segment_at(2).translation == f"{above} {moved}"
    assert document.segment_at(3).status is Status.PENDING or document.segment_at(3).translation != moved
    window.actions_["undo"].trigger()
    assert (document.segment_at(2).translation, document.segment_at(3).translation) == (above, moved)
    # Another document: the review ends, and lets go of the old one.
    paste_and_wait(qtbot, window, "جملة أخرى في وثيقة جديدة.")
    assert importer.placed == []
    assert importer._review is None
    with qtbot.waitSignal(importer.message):
        window.actions_["next_low_link"].trigger()


def test_closing_the_window_while_aligning_stops_the_alignment(
    qtbot, make_window, seed_path, tmp_path
) -> None:
    window = make_window()
    open_and_wait(qtbot, window, seed_path)
    importer = window.translation_import
    assert importer.start(write_human_english(tmp_path))
    task = importer._slot.task
    window.close()
    assert task is not None
    assert not task.is_running()
