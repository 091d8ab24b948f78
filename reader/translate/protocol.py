"""The contract every translation engine meets, and the settings that choose one.

Engines stream results batch by batch so a window can fill progressively. Cancelling is simply
not asking for the next batch: callers stop iterating (or call ``close()`` on the iterator), and
an engine must do no work between batches that it has not been asked for.
"""

from __future__ import annotations

from collections.abc import Generator, Sequence
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from reader.translate.model_location import ModelLocation, Progress

DEFAULT_MODEL = "Helsinki-NLP/opus-mt-ar-en"


@dataclass(frozen=True)
class TranslationResult:
    """The outcome for one input sentence.

    ``index`` is the sentence's position in the sequence given to :meth:`Translator.translate`.
    Exactly one of ``text`` and ``error`` is set. ``score`` is the mean log-probability per
    token when the engine reports one, ``alternatives`` other translations it considered (best
    first), ``flags`` what the engine noticed (``"cut"``: stopped at the length cap); see
    :mod:`reader.translate.quality`. ``alignment`` (when asked for with
    ``EngineSettings.alignment``) pairs word indexes: (Arabic word, English word); see
    :mod:`reader.translate.word_alignment`.
    """

    index: int
    text: str | None
    error: str | None = None
    score: float | None = None
    alternatives: tuple[str, ...] = ()
    flags: tuple[str, ...] = ()
    alignment: tuple[tuple[int, int], ...] | None = None

    @property
    def ok(self) -> bool:
        """True when the sentence was translated."""
        return self.error is None


@dataclass(frozen=True)
class EngineSettings:
    """What the user chose: model (hub id or folder), engine and generation options.

    ``beams=None`` means "the model's own generation config" (4 for opus-mt).
    ``max_source_tokens`` is the long-sentence limit above which a sentence is cut at clause
    boundaries and translated in pieces.
    """

    model: str = DEFAULT_MODEL
    engine: str = "auto"  # auto | transformers | ct2
    beams: int | None = None
    batch_size: int = 16
    max_source_tokens: int = 200
    quantization: str = "int8"  # ct2 only: int8 | float32
    device: str = "auto"  # auto | cpu | cuda (see reader.translate.device)
    alignment: bool = False  # word alignment from cross-attention (the text is the same either way)


Batches = Generator[list[TranslationResult], None, None]
"""What ``translate`` returns: closing it (``close()``) stops the engine between batches."""


@runtime_checkable
class Translator(Protocol):
    """Anything that turns Arabic sentences into English ones, batch by batch.

    The whole contract, which every engine, the cache-first service and the test fake honour
    (``tests/test_translate_contract.py`` checks each): ``load`` (ahead of the first sentence, may
    download or convert; idempotent), ``translate`` (streams batches; each result with its score,
    and its word alignment when ``EngineSettings.alignment`` asks), ``alternatives`` (the n-best
    list of one sentence), ``align`` (word alignment of translations made elsewhere), ``close``
    (releases files and memory; idempotent; a later call loads again) and ``description`` (model
    and engine, for status bars and for the rendering's model identity).
    """

    @property
    def description(self) -> str:
        """A short human-readable name: model and engine, for status bars and logs."""
        ...

    def load(self, progress: Progress | None = None) -> None:
        """Locate, download or convert, and load the model now.

        Raises :class:`reader.errors.ModelUnavailable` when the model cannot be had.
        """
        ...

    def translate(self, sentences: Sequence[str]) -> Batches:
        """Yield results batch by batch; every input index appears exactly once overall.

        May raise :class:`reader.errors.ModelUnavailable` before the first batch.
        """
        ...

    def alternatives(self, text: str, count: int = 5) -> list[tuple[str, float]]:
        """Up to *count* distinct translations of one sentence, best first, each with its mean
        log-probability per token (may load the model; raises ModelUnavailable without one)."""
        ...

    def align(self, pairs: Sequence[tuple[str, str]]) -> list[tuple[tuple[int, int], ...] | None]:
        """Word alignments of given (Arabic, English) pairs, one per pair (None where none can
        be made); for translations the engine did not just produce."""
        ...

    def close(self) -> None:
        """Release what the translator holds; it may be loaded again later."""
        ...


@runtime_checkable
class Engine(Translator, Protocol):
    """A translator that runs a model; the cache files its output under these two names.

    ``cache_identity`` names the engine and its options ("ct2-int8"); ``location`` is the model
    found on disk (None until loaded).
    """

    @property
    def cache_identity(self) -> str: ...

    @property
    def location(self) -> ModelLocation | None: ...
