"""Read aloud: the selected sentence's Arabic or English through the system's speech engine.

Two engines, tried in order: Qt Text to Speech (``PySide6.QtTextToSpeech``, in the optional
``PySide6-Addons`` package; on Linux it speaks through speech-dispatcher or flite), then the
``espeak-ng`` program, run as a separate process (so its GPL licence does not reach the app).
Which languages each can speak is asked once, the first time the actions are looked at. Where
no engine or no voice for a language exists, that action is disabled and its tooltip says what
to install; nothing is ever spoken on the GUI thread's time (both engines speak asynchronously).
Each engine reports when it starts and stops speaking and why it failed (espeak-ng without an
audio device exits with an error): the window says so in one status line.
"""

from __future__ import annotations

import importlib
import shutil
from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication, QObject, QProcess, Signal
from PySide6.QtGui import QAction

from reader.find import Language, side_text
from reader.model import Segment

LANGUAGES: tuple[Language, Language] = ("ar", "en")
translate = QCoreApplication.translate
StateReport = Callable[[str, str], None]
"""``report(state, detail)``: state is "speaking", "done" or "failed" (detail: why, one line)."""


class SpeechEngine(Protocol):
    """What read aloud needs of an engine."""

    name: str

    def languages(self) -> set[str]:
        """Language codes ("ar", "en") it has a voice for."""
        ...

    def say(self, text: str, language: str) -> None: ...

    def stop(self) -> None: ...


def first_line(text: str) -> str:
    return next((line.strip() for line in text.splitlines() if line.strip()), "")


class QtSpeech:
    """``QTextToSpeech`` with a voice chosen by language."""

    def __init__(self, parent: QObject) -> None:
        from PySide6.QtTextToSpeech import QTextToSpeech  # optional: PySide6-Addons

        self.engine: Any = QTextToSpeech(parent)
        self.name = f"Qt Text to Speech ({self.engine.engine()})"
        self._locales = {locale.name().split("_")[0]: locale for locale in self.engine.availableLocales()}

    def languages(self) -> set[str]:
        return set(self._locales) & set(LANGUAGES)

    def watch(self, report: StateReport) -> None:
        from PySide6.QtTextToSpeech import QTextToSpeech

        def on_state(state: Any) -> None:
            if state == QTextToSpeech.State.Speaking:
                report("speaking", "")
            elif state == QTextToSpeech.State.Error:
                error = getattr(self.engine, "errorString", None)
                report("failed", first_line(error()) if callable(error) else "")
            else:
                report("done", "")

        self.engine.stateChanged.connect(on_state)

    def say(self, text: str, language: str) -> None:
        self.engine.stop()
        self.engine.setLocale(self._locales[language])
        self.engine.say(text)

    def stop(self) -> None:
        self.engine.stop()


class EspeakSpeech:
    """The ``espeak-ng`` program (it ships Arabic and English voices), one process per sentence."""

    def __init__(self, program: str, parent: QObject) -> None:
        self.name = "espeak-ng"
        self.program = program
        self.process = QProcess(parent)

    def languages(self) -> set[str]:
        return set(LANGUAGES)

    def say(self, text: str, language: str) -> None:
        self.stop()
        self.process.start(self.program, ["-v", language, "--", text])

    def stop(self) -> None:
        if self.process.state() != QProcess.ProcessState.NotRunning:
            self._stopping = True  # a kill is the reader's doing, not a failure
            self.process.kill()
            self.process.waitForFinished(1000)
            self._stopping = False

    def watch(self, report: StateReport) -> None:
        self._stopping = False
        process = self.process

        def finished(code: int, status: QProcess.ExitStatus) -> None:
            if self._stopping or (code == 0 and status is QProcess.ExitStatus.NormalExit):
                report("done", "")
                return
            said = bytes(process.readAllStandardError().data()).decode("utf-8", "replace")
            report("failed", first_line(said) or translate("ReadAloud", "exit code {code}").format(code=code))

        def error(failure: QProcess.ProcessError) -> None:
            if failure is QProcess.ProcessError.FailedToStart:
                report("failed", first_line(process.errorString()))

        process.started.connect(lambda: report("speaking", ""))
        process.finished.connect(finished)
        process.errorOccurred.connect(error)


def detect_speech(parent: QObject) -> SpeechEngine | None:
    """The first engine that works here with at least one of our languages, or None."""
    try:
        module: Any = importlib.import_module("PySide6.QtTextToSpeech")
    except ImportError:
        module = None
    if module is not None and module.QTextToSpeech.availableEngines():
        qt = QtSpeech(parent)
        if qt.languages():
            return qt
    program = shutil.which("espeak-ng") or shutil.which("espeak")
    return EspeakSpeech(program, parent) if program else None


class ReadAloud(QObject):
    """Keeps the read-aloud actions' enabled state and tooltips true to the engine and selection.

    *detect* finds the engine (tests pass a fake); it runs once, on first use.

    Signals: state_changed(str) — one line for the status bar: reading aloud, or why it failed
    ("" once it is done).
    """

    state_changed = Signal(str)

    def __init__(
        self,
        actions: dict[Language, QAction],
        stop_action: QAction,
        current: Callable[[], Segment | None],
        parent: QObject | None = None,
        *,
        detect: Callable[[QObject], SpeechEngine | None] = detect_speech,
    ) -> None:
        super().__init__(parent)
        self.actions, self.stop_action, self.current = actions, stop_action, current
        self._detect = detect
        self._engine: SpeechEngine | None = None
        self._detected = False
        self.speaking = False

    def use_detector(self, detect: Callable[[QObject], SpeechEngine | None]) -> None:
        """Find the engine with *detect* from now on (tests, or after installing one)."""
        self._detect, self._detected, self._engine = detect, False, None
        self.refresh()

    @property
    def engine(self) -> SpeechEngine | None:
        if not self._detected:
            self._detected = True
            self._engine = self._detect(self)
            watch = getattr(self._engine, "watch", None)
            if callable(watch):
                watch(self._on_state)
        return self._engine

    def _on_state(self, state: str, detail: str) -> None:
        self.speaking = state == "speaking"
        engine = self._engine.name if self._engine is not None else ""
        if state == "speaking":
            self.state_changed.emit(
                self.tr("Reading aloud with {engine}… (Shift+F7 stops)").format(engine=engine)
            )
        elif state == "failed":
            line = self.tr("Read aloud failed ({engine}): {reason}").format(engine=engine, reason=detail)
            self.state_changed.emit(line.rstrip(": "))
        else:
            self.state_changed.emit("")

    def refresh(self) -> None:
        """Enable each action if it can speak the selected sentence now; say why not otherwise."""
        engine = self.engine
        sentence = self.current()
        for language, action in self.actions.items():
            reason = self.unavailable_reason(engine, language)
            has_text = sentence is not None and bool(side_text(sentence, language).strip())
            action.setEnabled(reason is None and has_text)
            hint = action.text().replace("&", "") if has_text else self.tr("Select a sentence first")
            action.setToolTip(reason or hint)
        self.stop_action.setEnabled(engine is not None)

    def unavailable_reason(self, engine: SpeechEngine | None, language: Language) -> str | None:
        """Why *language* cannot be read aloud, naming what to install (None when it can)."""
        if engine is None:
            return self.tr(
                "No speech engine: install espeak-ng (or PySide6-Addons with speech-dispatcher) to read aloud"
            )
        if language not in engine.languages():
            if language == "ar":
                text = self.tr("{engine} has no Arabic voice: install espeak-ng, which has one")
            else:
                text = self.tr("{engine} has no English voice: install espeak-ng, which has one")
            return text.format(engine=engine.name)
        return None

    def read(self, language: Language) -> None:
        sentence, engine = self.current(), self.engine
        if sentence is None or engine is None or language not in engine.languages():
            return
        text = side_text(sentence, language).strip()
        if text:
            engine.say(text, language)

    def stop(self) -> None:
        if self.engine is not None:
            self.engine.stop()
