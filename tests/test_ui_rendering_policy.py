"""The window under the rendering policy and while it translates: what a row shows is trusted.

Ctrl+R or a model change with no model keeps every translation shown; a split, merge or undo
while a book translates ends with each row showing its own Arabic's English; the counts follow.
"""

from __future__ import annotations

from pathlib import Path

from reader.translate.fake import FakeTranslator
from reader.translate.protocol import EngineSettings
from tests.helpers.window import open_and_wait

PARAGRAPH = "جملة رقم {n} هنا، ثم تكملة طويلة لها. "
TEXT = "\n\n".join("".join(PARAGRAPH.format(n=p * 4 + k) for k in range(4)) for p in range(10)) + "\n"


def english(text: str) -> str:
    return f"English of {text}"


def translated_window(qtbot, make_window, tmp_path: Path, factory):  # type: ignore[no-untyped-def]
    path = tmp_path / "book.txt"
    path.write_text(TEXT, encoding="utf-8")
    window = make_window(factory=factory)
    open_and_wait(qtbot, window, path)
    # The run has ended too (its last delivery is applied a turn before it says so).
    qtbot.waitUntil(
        lambda: window.document.pending_count == 0 and not window.controller.is_running, timeout=10000
    )
    return window


def shown(window) -> list[str | None]:  # type: ignore[no-untyped-def]
    return [s.translation for s in window.document.iter_segments()]


def test_retranslate_without_a_model_keeps_the_translation_and_says_why(qtbot, make_window, tmp_path) -> None:
    engines = iter(
        [FakeTranslator(render=english), FakeTranslator(unavailable="model 'x' is not downloaded")]
    )
    window = translated_window(qtbot, make_window, tmp_path, lambda _settings: next(engines))
    window.controller.set_settings(window.controller.settings, retranslate=False)  # the next load fails
    before = shown(window)
    window.view.select_row(5)
    with qtbot.waitSignal(window.editing.message) as said:
        window.actions_["retranslate"].trigger()
    assert said.args[0] == "Translation kept: no translation model (model 'x' is not downloaded)"
    assert shown(window) == before
    assert (window.progress_panel.done, window.progress_panel.total) == (40, 40)
    with qtbot.waitSignal(window.editing.message):  # asked again: said again, still nothing lost
        window.actions_["retranslate"].trigger()
    assert shown(window) == before
    assert not window.editing.can_undo


def test_a_model_change_that_cannot_load_keeps_every_translation(qtbot, make_window, tmp_path) -> None:
    engines = iter(
        [FakeTranslator(render=english), FakeTranslator(unavailable="model 'y' is not downloaded")]
    )
    window = translated_window(qtbot, make_window, tmp_path, lambda _settings: next(engines))
    before = shown(window)
    with qtbot.waitSignal(window.controller.model_unavailable):
        window.controller.set_settings(EngineSettings(model="y"), retranslate=True)
    assert shown(window) == before
    assert window.document.pending_count == 0


def test_a_model_change_that_loads_redoes_machine_output_and_keeps_edits(
    qtbot, make_window, tmp_path
) -> None:
    engines = iter([FakeTranslator(render=english), FakeTranslator(render=lambda t: f"Second model: {t}")])
    window = translated_window(qtbot, make_window, tmp_path, lambda _settings: next(engines))
    window.view.select_row(0)
    window.editing.edit_current()
    window.editing.editor.setPlainText("Mine.")
    window.editing.editor.commit()
    window.controller.set_settings(EngineSettings(model="z"), retranslate=True)
    document = window.document
    qtbot.waitUntil(
        lambda: document.segment_at(1).translation == f"Second model: {document.segment_at(1).text}"
    )
    qtbot.waitUntil(lambda: document.pending_count == 0)
    assert document.segment_at(0).translation == "Mine."
    assert all(s.translation == f"Second model: {s.text}" for s in list(document.iter_segments())[1:])


def test_split_merge_and_undo_while_translating_give_every_row_its_own_english(
    qtbot, make_window, tmp_path, gate
) -> None:
    translator = FakeTranslator(render=english, batch_size=2, gate=gate)
    window = make_window(translator, before_close=lambda _window: gate.open())
    path = tmp_path / "book.txt"
    path.write_text(TEXT, encoding="utf-8")
    open_and_wait(qtbot, window, path)
    document, editing, view = window.document, window.editing, window.view
    gate.set()
    qtbot.waitUntil(lambda: document.translated_count >= 2)
    for row in (6, 20, 30):
        view.select_row(row)
        text = document.segment_at(row).text
        assert editing.split_current(text.index("،") + 2)
        gate.set()
    view.select_row(next(r for r in range(12, len(document)) if document.starts_block(r)))
    assert editing.merge_current(1)
    gate.set()
    editing.undo()
    gate.set()
    view.select_row(next(r for r in range(3, len(document)) if not document.starts_block(r)))
    assert editing.merge_current(-1)
    gate.open()
    qtbot.waitUntil(lambda: document.pending_count == 0, timeout=10000)
    assert all(s.translation == english(s.text) for s in document.iter_segments())
    assert not window.errors
    panel = window.progress_panel
    assert (panel.done, panel.total) == (len(document), len(document)) == (42, 42)


def test_counts_follow_a_split_and_its_undo_after_the_run(qtbot, make_window, tmp_path) -> None:
    window = translated_window(qtbot, make_window, tmp_path, lambda _settings: FakeTranslator(render=english))
    panel, document = window.progress_panel, window.document
    assert panel.label.text() == "Translated 40 sentences"
    window.view.select_row(2)
    assert window.editing.split_current(document.segment_at(2).text.index("،") + 2)
    assert panel.total == 41
    qtbot.waitUntil(lambda: panel.label.text() == "Translated 41 sentences")
    window.editing.undo()
    assert (panel.done, panel.total) == (40, 40)
    assert panel.label.text() == "Translated 40 sentences"


def test_alternatives_load_the_model_when_none_is_loaded(qtbot, make_window, tmp_path) -> None:
    engines = iter([FakeTranslator(render=english), FakeTranslator(render=english)])
    window = translated_window(qtbot, make_window, tmp_path, lambda _settings: next(engines))
    window.controller.set_settings(window.controller.settings, retranslate=False)  # nothing loaded now
    assert window.controller.translator is None
    window.view.select_row(4)
    window.strip.popup_menu = lambda _menu, _where: None  # no real menu (it grabs the keyboard)
    segment = window.document.segment_at(4)
    with qtbot.waitSignal(window.alternatives.found):
        assert window.alternatives.find(window.document, segment.id)
    assert (
        window.document.segment(segment.id).rendering.alternatives[0]
        == f"{english(segment.text)} (variant 1)"
    )  # type: ignore[union-attr]


def test_alternatives_without_a_model_say_why(qtbot, make_window, tmp_path) -> None:
    engines = iter(
        [FakeTranslator(render=english), FakeTranslator(unavailable="model 'x' is not downloaded")]
    )
    window = translated_window(qtbot, make_window, tmp_path, lambda _settings: next(engines))
    window.controller.set_settings(window.controller.settings, retranslate=False)
    segment = window.document.segment_at(4)
    with qtbot.waitSignal(window.alternatives.unavailable) as said:
        window.alternatives.find(window.document, segment.id)
    assert said.args == ["model 'x' is not downloaded"]


def test_a_retranslation_waiting_for_a_cancelled_load_is_told_so(qtbot, make_window, tmp_path, gate) -> None:
    slow = FakeTranslator(render=english)
    engines = iter([FakeTranslator(render=english), slow])
    window = translated_window(qtbot, make_window, tmp_path, lambda _settings: next(engines))
    window.controller.set_settings(window.controller.settings, retranslate=False)
    before = shown(window)
    slow.load = lambda progress=None: gate.wait()  # type: ignore[method-assign]  # a load that takes its time
    window.view.select_row(5)
    window.actions_["retranslate"].trigger()
    assert window.controller.is_loading
    with qtbot.waitSignal(window.editing.message) as said:
        window.controller.cancel()
        gate.open()
    assert said.args[0] == "Translation kept: no translation model (loading the model was cancelled)"
    assert shown(window) == before


def test_a_machine_row_says_which_model_made_it(qtbot, make_window, tmp_path) -> None:
    window = translated_window(qtbot, make_window, tmp_path, lambda _settings: FakeTranslator(render=english))
    assert "Machine translation by fake translator." in window.view.row_tooltip(3)
