"""Read aloud: actions enabled only with an engine and a voice for the language, tooltips that say
what to install, and the sentence's own text spoken (mocked engine)."""

from __future__ import annotations

from PySide6.QtGui import QAction

from reader.model import SegmentResult
from reader.ui.read_aloud import EspeakSpeech, ReadAloud, detect_speech
from tests.helpers.window import paste_and_wait


class FakeSpeech:
    def __init__(self, languages: set[str]) -> None:
        self.name = "fake speech"
        self._languages = languages
        self.spoken: list[tuple[str, str]] = []
        self.stopped = 0

    def languages(self) -> set[str]:
        return self._languages

    def say(self, text: str, language: str) -> None:
        self.spoken.append((text, language))

    def stop(self) -> None:
        self.stopped += 1


def window_with_sentence(qtbot, make_window):  # type: ignore[no-untyped-def]
    window = make_window()
    window.controller.set_document = lambda _document: None
    paste_and_wait(qtbot, window, "ذَهَبَ الوَلَدُ إلى المدرسة. جملة ثانية.")
    first = window.document.segment_at(0)
    window.document.apply_results([SegmentResult(first.id, first.revision, "The boy went to school.")])
    return window


def test_without_an_engine_both_actions_are_disabled_and_say_what_to_install(qtbot, make_window) -> None:
    window = window_with_sentence(qtbot, make_window)
    window.aids.read_aloud.use_detector(lambda _parent: None)
    window.view.select_row(0)
    for name in ("read_arabic", "read_english"):
        action = window.actions_[name]
        assert not action.isEnabled()
        assert "install espeak-ng" in action.toolTip()
    assert not window.actions_["stop_reading"].isEnabled()


def test_an_engine_with_both_voices_reads_the_original_text(qtbot, make_window) -> None:
    window = window_with_sentence(qtbot, make_window)
    speech = FakeSpeech({"ar", "en"})
    window.aids.read_aloud.use_detector(lambda _parent: speech)
    assert not window.actions_["read_arabic"].isEnabled()  # nothing selected yet
    window.view.select_row(0)
    assert window.actions_["read_arabic"].isEnabled()
    assert window.actions_["read_english"].isEnabled()
    window.aids.actions["read_arabic"].trigger()
    window.aids.actions["read_english"].trigger()
    window.aids.actions["stop_reading"].trigger()
    assert speech.spoken == [("ذَهَبَ الوَلَدُ إلى المدرسة.", "ar"), ("The boy went to school.", "en")]
    assert speech.stopped == 1


def test_no_voice_for_a_language_disables_only_that_one(qtbot, make_window) -> None:
    window = window_with_sentence(qtbot, make_window)
    window.aids.read_aloud.use_detector(lambda _parent: FakeSpeech({"en"}))
    window.view.select_row(0)
    assert window.actions_["read_english"].isEnabled()
    arabic = window.actions_["read_arabic"]
    assert not arabic.isEnabled()
    assert "no Arabic voice" in arabic.toolTip()


def test_an_untranslated_sentence_has_no_english_to_read(qtbot, make_window) -> None:
    window = window_with_sentence(qtbot, make_window)
    window.aids.read_aloud.use_detector(lambda _parent: FakeSpeech({"ar", "en"}))
    window.view.select_row(1)
    assert window.actions_["read_arabic"].isEnabled()
    assert not window.actions_["read_english"].isEnabled()


def test_detection_finds_espeak_when_qt_speech_is_missing(qapp, monkeypatch, tmp_path) -> None:
    import shutil

    program = tmp_path / "espeak-ng"
    program.write_text("#!/bin/sh\n")
    program.chmod(0o755)
    monkeypatch.setattr(shutil, "which", lambda name: str(program) if name == "espeak-ng" else None)
    engine = detect_speech(qapp)
    try:
        import PySide6.QtTextToSpeech  # noqa: F401
    except ImportError:
        assert isinstance(engine, EspeakSpeech)
        assert engine.languages() == {"ar", "en"}
    monkeypatch.setattr(shutil, "which", lambda name: None)
    assert "espeak-ng" in (ReadAloud({}, QAction(), lambda: None).unavailable_reason(None, "ar") or "")


def espeak_window(qtbot, make_window, tmp_path, script: str):  # type: ignore[no-untyped-def]
    program = tmp_path / "espeak-ng"
    program.write_text("#!/bin/sh\n" + script)
    program.chmod(0o755)
    window = window_with_sentence(qtbot, make_window)
    window.aids.read_aloud.use_detector(lambda parent: EspeakSpeech(str(program), parent))
    window.view.select_row(0)
    return window


def test_speaking_is_shown_and_cleared_when_done(qtbot, make_window, tmp_path) -> None:
    window = espeak_window(qtbot, make_window, tmp_path, "exit 0\n")
    read_aloud = window.aids.read_aloud
    lines: list[str] = []
    read_aloud.state_changed.connect(lines.append)
    window.aids.actions["read_arabic"].trigger()
    qtbot.waitUntil(lambda: len(lines) == 2, timeout=5000)
    assert lines[0].startswith("Reading aloud with espeak-ng")
    assert lines[1] == ""
    assert window.statusBar().currentMessage() == ""


def test_espeak_failing_is_said_in_one_line(qtbot, make_window, tmp_path) -> None:
    """Without an audio device espeak-ng exits with an error: the window says why."""
    script = "echo 'ALSA lib pcm.c: unknown PCM default' >&2\necho 'cannot open audio device' >&2\nexit 1\n"
    window = espeak_window(qtbot, make_window, tmp_path, script)
    read_aloud = window.aids.read_aloud
    with qtbot.waitSignal(
        read_aloud.state_changed, check_params_cb=lambda line: "failed" in line, timeout=5000
    ):
        window.aids.actions["read_english"].trigger()
    message = window.statusBar().currentMessage()
    assert message == "Read aloud failed (espeak-ng): ALSA lib pcm.c: unknown PCM default"
    assert "\n" not in message
