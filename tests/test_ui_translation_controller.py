"""Live translation in the window: progress, cancel, failures and Retry, offline, visible first, closing."""

from __future__ import annotations

import threading
from collections.abc import Iterator, Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QProgressDialog

from reader.errors import ModelUnavailable
from reader.model import Status
from reader.models.registry import imported_folders
from reader.translate.fake import FakeTranslator
from reader.translate.protocol import DEFAULT_MODEL, EngineSettings, TranslationResult
from reader.translate.queue import FIRST_CHUNK
from reader.translate.session import TranslationSession
from reader.ui.translation_controller import TranslationController, TranslationState, translate_session
from reader.ui.workers import TaskContext, running_tasks
from tests.helpers.segmenting import segment_text
from tests.helpers.window import english_shown, open_and_wait


def test_progress_counts_up_cancel_stops_between_batches_and_resume_finishes(
    qtbot, gate, make_window, seed_path
) -> None:
    translator = FakeTranslator(gate=gate)
    window = make_window(translator, before_close=lambda _w: gate.open())
    panel = window.progress_panel
    open_and_wait(qtbot, window, seed_path)
    total = len(window.document.segments)
    assert panel.label.text().startswith("Loading the translation model")  # busy: says what happens
    assert panel.cancel_button.isVisible()
    assert window.document.segment_at(0).status is Status.PENDING
    assert english_shown(window, 0) == "waiting for the translation model…"  # loading, then:
    qtbot.waitUntil(lambda: english_shown(window, 0) == "translating…")
    assert panel.label.text() == f"0 / {total} sentences translated"  # counting now
    gate.set()  # one batch: the small first chunk
    qtbot.waitUntil(lambda: window.document.translated_count == FIRST_CHUNK)
    assert panel.bar.value() == FIRST_CHUNK
    assert panel.label.text().startswith(f"{FIRST_CHUNK} / {total} sentences translated · about ")
    with qtbot.waitSignal(window.controller.cancelled, timeout=5000):
        qtbot.mouseClick(panel.cancel_button, Qt.MouseButton.LeftButton)
        gate.set()  # the batch in flight may finish; nothing after it
    done = window.document.translated_count
    assert 3 <= done < total
    assert not window.controller.is_running
    assert panel.resume_button.isVisible()
    assert not panel.cancel_button.isVisible()
    assert english_shown(window, total - 1) == "not translated yet"
    assert len(translator.calls) == 2
    with qtbot.waitSignal(window.controller.finished, timeout=5000):
        gate.open()
        qtbot.mouseClick(panel.resume_button, Qt.MouseButton.LeftButton)
    assert window.document.translated_count == total
    assert not panel.resume_button.isVisible()


def test_a_failed_sentence_shows_a_mark_its_reason_and_retry_fixes_it(qtbot, make_window, seed_path) -> None:
    target = segment_text(seed_path.read_text(encoding="utf-8")).segments[4].text
    translator = FakeTranslator(fail_when=lambda text: text == target)
    window = make_window(translator)
    with qtbot.waitSignal(window.controller.finished, timeout=5000):
        window.open_path(seed_path)
    assert window.document.segment_at(4).status is Status.FAILED
    assert english_shown(window, 4).startswith("⚠")
    assert "the fake translator was told to fail" in window.view.failure_tooltip(4)
    assert window.view.failure_tooltip(3) == ""
    assert window.progress_panel.label.text().endswith("· 1 failed")
    window.view.select_row(4)
    assert window.strip.retry.isVisible()
    translator.fail_when = None
    with qtbot.waitSignal(window.controller.finished, timeout=5000):
        qtbot.mouseClick(window.strip.retry, Qt.MouseButton.LeftButton)
    assert window.document.segment_at(4).status is Status.DONE
    assert window.strip.english.text() == f"[en] {target}"
    assert not window.strip.retry.isVisible()


def test_retry_all_failed_from_the_menu(qtbot, make_window, seed_path) -> None:
    translator = FakeTranslator(fail_when=lambda text: "ترامب" in text)
    window = make_window(translator)
    with qtbot.waitSignal(window.controller.finished, timeout=5000):
        window.open_path(seed_path)
    failed = [s.id for s in window.document.segments if s.status is Status.FAILED]
    assert len(failed) >= 2
    translator.fail_when = None
    with qtbot.waitSignal(window.controller.finished, timeout=5000):
        window.actions_["retry"].trigger()
    assert window.document.translated_count == len(window.document.segments)


def test_offline_the_arabic_stays_readable_and_a_banner_names_the_model(
    qtbot, make_window, seed_path, tmp_path: Path
) -> None:
    folder = tmp_path / "opus-mt-ar-en"
    seen: list[str] = []

    def factory(settings: EngineSettings) -> FakeTranslator:
        seen.append(settings.model)
        if settings.model == str(folder):
            return FakeTranslator()
        return FakeTranslator(unavailable=f"model {settings.model} is not downloaded and the hub is offline")

    window = make_window(factory=factory)
    window.ask_directory = lambda _parent, _title: str(folder)
    with qtbot.waitSignal(window.controller.model_unavailable, timeout=5000):
        window.open_path(seed_path)
    assert window.banner.isVisible()
    assert DEFAULT_MODEL in window.banner.message.text()
    assert window.banner.choose_button.text() == "Choose model folder…"
    assert window.view.row_count() == len(window.document)
    window.view.viewport().repaint()
    assert window.view.painted[0].position == 0  # the Arabic is on screen
    assert english_shown(window, 0) == "no translation model"
    assert window.controller.state is TranslationState.UNAVAILABLE
    assert not window.progress_panel.resume_button.isVisible()  # Resume could do nothing
    assert not window.banner.isWindow()  # part of the window, not a dialog
    with qtbot.waitSignal(window.controller.finished, timeout=5000):
        qtbot.mouseClick(window.banner.choose_button, Qt.MouseButton.LeftButton)
    assert not window.banner.isVisible()
    assert seen == [DEFAULT_MODEL, str(folder)]
    assert window.settings.model == str(folder)
    assert folder.absolute() in imported_folders()  # Translation ▸ Models… lists it from now on
    label = window.translation_status.model_label
    assert label.isVisible()
    assert label.text() == "Model: fake translator"  # which model translates, for as long as it is loaded
    assert window.statusBar().currentMessage() == ""  # no stale loading line beside it


class LoadingTranslator(FakeTranslator):
    """A fake with a ``load(progress)`` step, like the real service: reports a download, or fails."""

    def __init__(self, *, fail: str | None = None) -> None:
        super().__init__()
        self.fail = fail
        self.loaded = False

    def load(self, progress=None) -> None:
        progress("looking up the model", None)
        for step in range(1, 5):
            progress("downloading the model", step / 4)
        if self.fail is not None:
            raise ModelUnavailable(self.fail)
        self.loaded = True


def test_a_download_shows_a_progress_dialog_that_closes_when_the_model_is_ready(
    qtbot, make_window, seed_path
) -> None:
    translator = LoadingTranslator()
    window = make_window(translator)
    fractions: list[object] = []
    window.controller.loading.connect(lambda _message, fraction: fractions.append(fraction))
    with qtbot.waitSignal(window.controller.finished, timeout=5000):
        window.open_path(seed_path)
    assert translator.loaded
    assert fractions == [None, None, 0.25, 0.5, 0.75, 1.0]
    assert window.download_dialog is None
    assert not [d for d in window.findChildren(QProgressDialog) if d.isVisible()]


def test_a_model_that_fails_to_load_shows_the_banner(qtbot, make_window, seed_path) -> None:
    window = make_window(LoadingTranslator(fail="not a MarianMT checkpoint: /models/x"))
    with qtbot.waitSignal(window.controller.model_unavailable, timeout=5000):
        window.open_path(seed_path)
    assert window.banner.detail.text() == "not a MarianMT checkpoint: /models/x"
    assert window.download_dialog is None
    assert window.document.translated_count == 0


def test_sentences_on_screen_are_translated_first_and_scrolling_moves_new_ones_forward(
    qtbot, gate, make_window, seed_path
) -> None:
    translator = FakeTranslator(gate=gate, batch_size=64)
    window = make_window(translator, before_close=lambda _w: gate.open())
    window.resize(800, 420)
    view = window.view
    open_and_wait(qtbot, window, seed_path)
    texts = [s.text for s in window.document.segments]
    qtbot.waitUntil(lambda: bool(translator.calls))
    assert translator.calls[0] == texts[:FIRST_CHUNK]  # a new document opens at the top; a small first chunk
    view.select_row(len(texts) - 1)  # scrolls the last pair into view
    qtbot.waitUntil(lambda: window.controller._visible[-1:] == [len(texts) - 1])
    bottom = window.controller._visible
    assert bottom == view.visible_rows()
    gate.set()
    qtbot.waitUntil(lambda: len(translator.calls) == 2)
    second = translator.calls[1]
    assert second[: len(bottom)] == [texts[i] for i in bottom]
    with qtbot.waitSignal(window.controller.finished, timeout=5000):
        gate.open()


class EndlessTranslator(FakeTranslator):
    """One sentence per batch, each taking a little while, as a slow engine would."""

    def __init__(self) -> None:
        super().__init__()
        self.batches = 0

    def translate(self, sentences: Sequence[str]) -> Iterator[list[TranslationResult]]:
        for index, text in enumerate(sentences):
            threading.Event().wait(0.02)
            self.batches += 1
            yield [TranslationResult(index, text.upper())]


def test_closing_the_window_stops_the_work_without_waiting_for_the_batch(
    qtbot, make_window, seed_path
) -> None:
    """The window goes at once; the worker stops at its next check, and nothing it made since
    reaches the closed window."""
    translator = EndlessTranslator()
    window = make_window(translator)
    open_and_wait(qtbot, window, seed_path)
    qtbot.waitUntil(lambda: window.document.translated_count >= 1)
    window.close()
    qtbot.waitUntil(lambda: running_tasks() == [] and translator.closed)
    produced, translated = translator.batches, window.document.translated_count
    assert produced < len(window.document)
    with qtbot.assertNotEmitted(window.controller.progress):
        QCoreApplication.processEvents()  # results queued before the close are dropped
    assert translator.batches == produced
    assert window.document.translated_count == translated


def test_opening_another_document_drops_the_old_ones_results(
    qtbot, gate, make_window, seed_path, tmp_path
) -> None:
    translator = FakeTranslator(gate=gate)
    window = make_window(translator, before_close=lambda _w: gate.open())
    open_and_wait(qtbot, window, seed_path)
    other = tmp_path / "short.txt"
    other.write_text("جملة أولى. جملة ثانية.", encoding="utf-8")
    open_and_wait(qtbot, window, other)
    with qtbot.waitSignal(window.controller.finished, timeout=5000):
        gate.open()
    assert [s.translation for s in window.document.segments] == ["[en] جملة أولى.", "[en] جملة ثانية."]


def test_time_left_is_estimated_from_this_runs_pace(qtbot, gate) -> None:
    now = [100.0]
    translator = FakeTranslator(gate=gate, batch_size=2)
    controller = TranslationController(
        lambda _s: translator, EngineSettings(batch_size=2), clock=lambda: now[0]
    )
    reports: list[tuple[int, int, int, object]] = []
    controller.progress.connect(lambda *args: reports.append(args))
    document = segment_text(" ".join(f"هذه هي الجملة رقم {n} من النص." for n in range(8)))
    assert len(document) == 8
    try:
        controller.set_document(document)
        qtbot.waitUntil(lambda: bool(translator.calls))  # the run's clock started; held at the gate
        now[0] = 104.0  # the first two sentences took 4 s: 6 left at 2 s each
        gate.set()
        qtbot.waitUntil(lambda: bool(reports) and reports[-1][0] == 2)
        assert reports[-1] == (2, 0, 8, 12.0)
    finally:
        gate.open()
        controller.shutdown()


def test_the_op_closes_the_engine_iterator_when_cancelled(qtbot) -> None:
    closed: list[bool] = []

    class Engine(FakeTranslator):
        def translate(self, sentences):
            try:
                for index, text in enumerate(sentences):
                    yield [TranslationResult(index, text)]
            finally:
                closed.append(True)

    document = segment_text(" ".join(f"الجملة {i}." for i in range(6)))
    session = TranslationSession(document, Engine(), chunk_size=6, first_chunk=6)
    reported: list[object] = []
    context = TaskContext(reported.append)
    delivered = threading.Event()

    def report_then_cancel(payload: object) -> None:
        reported.append(payload)
        context.cancel()

    context._emit = report_then_cancel
    translate_session(session, context, delivered)
    assert [[r.segment_id for r in batch] for batch in reported] == [[document.segment_at(0).id]]
    assert closed == [True]


def test_deliveries_wait_for_the_gui_to_apply_the_previous_one(qtbot) -> None:
    document = segment_text(" ".join(f"الجملة رقم {i}." for i in range(40)))
    session = TranslationSession(document, FakeTranslator(batch_size=1), chunk_size=40, first_chunk=40)
    reported: list[list] = []
    delivered = threading.Event()
    context = TaskContext(reported.append)
    worker = threading.Thread(target=translate_session, args=(session, context, delivered))
    worker.start()
    try:
        qtbot.waitUntil(lambda: len(reported) == 1)
        assert not delivered.wait(0.2)  # nothing more is sent until the first is applied
        assert len(reported) == 1
        delivered.set()
        qtbot.waitUntil(lambda: len(reported) == 2)
        while worker.is_alive():
            delivered.set()
            worker.join(0.05)
    finally:
        context.cancel()
        worker.join()
    assert sum(len(batch) for batch in reported) == 40
    assert len(reported) < 40  # results made while waiting were gathered into fewer deliveries


def test_cancel_while_a_loaded_model_is_on_its_way_starts_no_translation(qtbot) -> None:
    """The load finished on its thread, but its result had not reached the GUI thread when the
    reader pressed Cancel: the model is kept, the translation does not start."""
    translator = FakeTranslator()
    controller = TranslationController(lambda _s: translator, EngineSettings())
    try:
        controller.set_document(segment_text("جملة أولى. جملة ثانية."))
        load = controller._loading.task  # (its thread may already have ended: the fake loads at once)
        assert load is not None
        assert load.wait(5000)  # loaded; its success is queued, not yet delivered
        with qtbot.waitSignal(controller.cancelled, timeout=5000):
            controller.cancel()
        assert not controller.is_running
        assert controller.state is TranslationState.IDLE
        assert controller.translator is translator
        assert translator.calls == []
    finally:
        controller.shutdown()


class HeldLoad(FakeTranslator):
    """A fake whose load waits at *gate* (a slow model load: conversion, a big safetensors file)."""

    def __init__(self, gate: threading.Event) -> None:
        super().__init__()
        self.gate = gate

    def load(self, progress=None) -> None:
        assert self.gate.wait(5)
        super().load(progress)


def test_a_model_loaded_after_its_load_was_replaced_is_closed(qtbot) -> None:
    """Another model chosen while the first one still loads: the first load is dropped, and the
    engine it finishes building is closed on its thread (nobody else would hear of it)."""
    gate = threading.Event()
    first, second = HeldLoad(gate), FakeTranslator()
    controller = TranslationController(lambda s: second if s.model == "other" else first, EngineSettings())
    try:
        controller.set_document(segment_text("جملة أولى. جملة ثانية."))
        old = controller._loading.task
        assert old is not None
        controller.set_settings(EngineSettings(model="other"), retranslate=True)
        assert controller._loading.task is not old
        gate.set()
        assert old.wait(5000)
        assert first.loads == 1
        assert first.closed
        qtbot.waitUntil(lambda: controller.translator is second, timeout=5000)
        assert not second.closed
    finally:
        controller.shutdown()


def test_shutdown_mid_batch_returns_at_once_and_closes_the_engine_after_the_batch(qtbot, gate) -> None:
    """Quitting while the engine is inside a batch: the window is not held until it ends."""
    translator = FakeTranslator(gate=gate, batch_size=2)
    controller = TranslationController(lambda _s: translator, EngineSettings(batch_size=2))
    controller.set_document(segment_text(" ".join(f"هذه هي الجملة رقم {n} من النص." for n in range(8))))
    qtbot.waitUntil(lambda: bool(translator.calls))  # inside a batch, held at the gate
    (task,) = running_tasks()
    controller.shutdown()
    assert task.is_running()
    assert not translator.closed
    gate.open()
    qtbot.waitUntil(lambda: translator.closed and not task.is_running())


def deliveries(sentences: int, seconds_per_batch: float) -> list[int]:
    """The sizes of the deliveries :func:`translate_session` makes when an engine yields one
    sentence every *seconds_per_batch* (a fake clock) and the GUI thread applies each at once."""
    document = segment_text(" ".join(f"الجملة رقم {i}." for i in range(sentences)))
    now = [0.0]

    class Clocked(FakeTranslator):
        def translate(self, sentences):  # type: ignore[no-untyped-def]
            for batch in super().translate(sentences):
                now[0] += seconds_per_batch
                yield batch

    session = TranslationSession(document, Clocked(batch_size=1), chunk_size=sentences, first_chunk=sentences)
    reported: list[list] = []
    delivered = threading.Event()

    def report(payload: object) -> None:
        reported.append(payload)  # type: ignore[arg-type]
        delivered.set()  # applied at once

    translate_session(session, TaskContext(report), delivered, clock=lambda: now[0])
    return [len(batch) for batch in reported]


def test_a_fast_engines_batches_are_gathered_into_a_delivery_per_interval(qtbot) -> None:
    """Batches every 10 ms: one delivery per DELIVERY_INTERVAL (0.1 s), not one per batch, even
    when the GUI thread applies each at once."""
    sizes = deliveries(60, 0.01)
    assert sum(sizes) == 60
    assert sizes[0] == 1  # the first at once
    assert all(10 <= size <= 11 for size in sizes[1:-1])  # then 0.1 s' worth (to float rounding)


def test_a_slow_engines_batches_go_at_once(qtbot) -> None:
    assert deliveries(5, 0.5) == [1, 1, 1, 1, 1]
