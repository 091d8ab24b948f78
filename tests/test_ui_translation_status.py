"""The window's status bar when a translation ends: the bar and Cancel go, one line says how it went."""

from __future__ import annotations

from PySide6.QtCore import Qt

from reader.translate.fake import FakeTranslator
from reader.ui.translation_controller import TranslationState
from tests.helpers.window import open_and_wait


def test_a_finished_translation_leaves_one_line_without_bar_or_cancel(qtbot, make_window, seed_path) -> None:
    window = make_window(FakeTranslator())
    panel = window.progress_panel
    with qtbot.waitSignal(window.controller.finished, timeout=5000):
        window.open_path(seed_path)
    total = len(window.document)
    assert panel.isVisible()
    assert panel.label.text() == f"Translated {total} sentences"
    assert not panel.bar.isVisible()
    assert not panel.cancel_button.isVisible()
    assert not panel.resume_button.isVisible()


def test_a_cancelled_translation_says_so_offers_resume_and_a_resumed_one_shows_the_bar_again(
    qtbot, gate, make_window, seed_path
) -> None:
    window = make_window(FakeTranslator(gate=gate), before_close=lambda _w: gate.open())
    panel = window.progress_panel
    open_and_wait(qtbot, window, seed_path)
    qtbot.waitUntil(lambda: window.controller.state is TranslationState.TRANSLATING)
    assert panel.bar.isVisible()
    assert panel.cancel_button.isVisible()
    with qtbot.waitSignal(window.controller.cancelled, timeout=5000):
        qtbot.mouseClick(panel.cancel_button, Qt.MouseButton.LeftButton)
        gate.set()  # the batch in flight may finish; nothing after it
    done, total = window.document.translated_count, len(window.document)
    assert panel.label.text() == f"Translation cancelled · {done} / {total} sentences translated"
    assert not panel.bar.isVisible()
    assert not panel.cancel_button.isVisible()
    assert panel.resume_button.isVisible()
    with qtbot.waitSignal(window.controller.state_changed, timeout=5000):
        qtbot.mouseClick(panel.resume_button, Qt.MouseButton.LeftButton)
    assert panel.bar.isVisible()
    assert panel.cancel_button.isVisible()
    assert not panel.label.text().startswith("Translation cancelled")
    with qtbot.waitSignal(window.controller.finished, timeout=5000):
        gate.open()
    assert panel.label.text() == f"Translated {total} sentences"
    assert not panel.bar.isVisible()
