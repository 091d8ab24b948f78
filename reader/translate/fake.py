"""A translator with no model, for GUI tests and demos: deterministic, instant, scriptable.

Like httpx's ``MockTransport``, it lets the window be tested without importing torch.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence

from reader.errors import ModelUnavailable
from reader.translate.model_location import ModelLocation, Progress
from reader.translate.protocol import Batches, TranslationResult


def _default_render(text: str) -> str:
    return f"[en] {text}"


class FakeTranslator:
    """Translates sentence *s* to ``render(s)``, ``batch_size`` at a time.

    ``name`` is its description (the model identity its renderings carry); ``alignment`` adds
    word pairs to every translation (as ``EngineSettings.alignment`` does for the engines);
    ``fail_when(s)`` marks a sentence as failed; ``unavailable`` makes it raise
    :class:`ModelUnavailable` like an offline engine; ``gate``, when given, must be set before
    each batch is produced, so tests can hold the translation mid-way deterministically.
    """

    def __init__(
        self,
        *,
        batch_size: int = 4,
        render: Callable[[str], str] = _default_render,
        fail_when: Callable[[str], bool] | None = None,
        unavailable: str | None = None,
        gate: threading.Event | None = None,
        name: str = "fake translator",
        alignment: bool = False,
    ) -> None:
        self.batch_size = batch_size
        self.render = render
        self.fail_when = fail_when
        self.unavailable = unavailable
        self.gate = gate
        self.name = name
        self.alignment = alignment
        self.calls: list[list[str]] = []

        self.loads = 0
        self.closed = False

    @property
    def description(self) -> str:
        return self.name

    @property
    def cache_identity(self) -> str:
        return "fake"

    @property
    def location(self) -> ModelLocation | None:
        return None

    def load(self, progress: Progress | None = None) -> None:
        if self.unavailable is not None:
            raise ModelUnavailable(self.unavailable)
        self.loads += 1

    def close(self) -> None:
        self.closed = True

    def translate(self, sentences: Sequence[str]) -> Batches:
        if self.unavailable is not None:
            raise ModelUnavailable(self.unavailable)
        self.calls.append(list(sentences))
        for start in range(0, len(sentences), self.batch_size):
            gate = self.gate  # read once: a test may drop the gate while this runs
            if gate is not None:
                gate.wait()
                gate.clear()
            batch: list[TranslationResult] = []
            for index in range(start, min(start + self.batch_size, len(sentences))):
                text = sentences[index]
                if self.fail_when is not None and self.fail_when(text):
                    batch.append(TranslationResult(index, None, "the fake translator was told to fail"))
                else:
                    english = self.render(text)
                    aligned = diagonal(text, english) if self.alignment else None
                    batch.append(TranslationResult(index, english, score=SCORE, alignment=aligned))
            yield batch

    def alternatives(self, text: str, count: int = 5) -> list[tuple[str, float]]:
        """``render(text)`` first, then numbered variants, scores falling: deterministic n-best."""
        self.load()
        english = self.render(text)
        return [(english if k == 0 else f"{english} (variant {k})", SCORE * (k + 1)) for k in range(count)]

    def align(self, pairs: Sequence[tuple[str, str]]) -> list[tuple[tuple[int, int], ...] | None]:
        self.load()
        return [diagonal(arabic, english) for arabic, english in pairs]


SCORE = -0.25
"""The fake's mean log-probability per token: a confident model (no low-score flag)."""


def diagonal(arabic: str, english: str) -> tuple[tuple[int, int], ...]:
    """Word *i* with word *i*, as far as both go: a deterministic stand-in for attention."""
    return tuple((i, i) for i in range(min(len(arabic.split()), len(english.split()))))
