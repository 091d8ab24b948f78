"""A model change resets a book's machine translations a slice per event-loop turn."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from reader.model import Origin, Rendering, SegmentResult, Status
from reader.translate.fake import FakeTranslator
from reader.translate.protocol import EngineSettings
from reader.ui.sliced_reset import SLICE, reset_in_slices
from reader.ui.translation_controller import TranslationController
from tests.helpers.editing import edit
from tests.helpers.segmenting import segment_text


def _translated_book(sentences: int):  # type: ignore[no-untyped-def]
    document = segment_text(" ".join(f"جملة رقم {i}." for i in range(sentences)))
    document.apply_results(
        SegmentResult(s.id, s.revision, f"sentence {s.id}", model="old-model")
        for s in document.iter_segments()
    )
    return document


def test_slices_are_reset_one_per_turn_and_done_comes_after_the_last(qtbot) -> None:
    document = _translated_book(5)
    ids = [s.id for s in document.iter_segments()]
    finished: list[bool] = []
    reset_in_slices(document, ids, wanted=lambda: True, done=lambda: finished.append(True), size=2)
    assert document.pending_count == 2  # the first slice at once, the rest in later turns
    assert not finished
    qtbot.waitUntil(lambda: finished == [True])
    assert document.pending_count == 5


def test_no_slice_after_it_stops_being_wanted(qapp) -> None:
    document = _translated_book(5)
    ids = [s.id for s in document.iter_segments()]
    wanted = [True]
    finished: list[bool] = []
    reset_in_slices(document, ids, wanted=lambda: wanted[0], done=lambda: finished.append(True), size=2)
    wanted[0] = False
    for _ in range(5):  # several event-loop turns (each slice waits for one): nothing may happen
        QCoreApplication.processEvents()
    assert document.pending_count == 2
    assert not finished


def test_a_model_change_on_a_big_book_resets_in_slices_keeps_edits_and_then_translates(qtbot) -> None:
    translator = FakeTranslator()
    controller = TranslationController(lambda _s: translator, EngineSettings())
    document = _translated_book(SLICE + 500)
    edited = next(iter(document.iter_segments())).id
    edit(document, edited, "my own words")
    try:
        controller.set_document(document)
        assert document.pending_count == 0
        at_load: list[tuple[int, int]] = []
        controller.model_ready.connect(
            lambda _d: at_load.append((document.pending_count, len(translator.calls)))
        )
        with qtbot.waitSignal(controller.model_ready):
            controller.set_settings(EngineSettings(model="another-model"), retranslate=True)
            assert document.pending_count == 0  # nothing is reset before the new model has loaded
        assert at_load == [(SLICE, 0)]  # then the first slice of machine output, and no run yet
        with qtbot.waitSignal(controller.finished, timeout=10000):
            pass
        assert document.pending_count == 0
        assert sum(len(call) for call in translator.calls) == SLICE + 500 - 1
        segment = document.segment(edited)
        assert segment is not None
        assert segment.rendering == Rendering("my own words", Origin.EDITED)
        assert all(s.status is Status.DONE for s in document.iter_segments())
    finally:
        controller.shutdown()
