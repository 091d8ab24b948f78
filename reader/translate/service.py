"""The translator the app and the CLI use: cache first, then an engine created only when needed.

:class:`TranslationService` wraps any engine behind the same :class:`Translator` protocol. It
answers what the cache already knows in one first batch (with the score and cut flag the
engine gave each translation), and only if something is missing does
it create (and load) the engine, so a fully cached document never imports torch or transformers.
Each engine batch is written to the cache as it arrives: stopping half-way keeps what was done.
Identical sentences are sent once by the session in front of it (:mod:`reader.translate.session`),
the one place that de-duplicates by text for the window and the CLI alike.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable, Sequence

from reader.errors import ReaderError
from reader.paths import translation_cache_path
from reader.translate.cache import Quality, TranslationCache
from reader.translate.engines import cache_identity, create_engine
from reader.translate.generation import GenerationOptions
from reader.translate.model_location import ModelLocation, Progress, find_model
from reader.translate.protocol import Batches, Engine, EngineSettings, TranslationResult
from reader.translate.quality import CUT

log = logging.getLogger(__name__)

EngineFactory = Callable[[EngineSettings], Engine]


class TranslationService:
    """Cache-aware translator (a :class:`Translator`); see the module docstring.

    Once the engine exists, its ``cache_identity`` and ``location`` decide the cache key, so an
    engine that falls back to another never files its output under the wrong name.
    """

    def __init__(
        self,
        settings: EngineSettings,
        *,
        use_cache: bool = True,
        engine_factory: EngineFactory | None = None,
    ) -> None:
        self.settings = settings
        self.use_cache = use_cache
        self._engine_factory = engine_factory
        self._engine: Engine | None = None
        self._cache: TranslationCache | None = None
        self._options = GenerationOptions.from_settings(settings)
        self._found: ModelLocation | None = None
        self._answered: tuple[str, dict[str, str | None]] | None = None  # see cached()

    @property
    def description(self) -> str:
        if self._engine is not None:
            return self._engine.description
        return f"{self.settings.model} · {self._identity()}"

    @property
    def engine(self) -> Engine | None:
        """The engine, once created (None while everything came from the cache)."""
        return self._engine

    def load(self, progress: Progress | None = None) -> None:
        """Create the engine and load its model now (downloading it if needed).

        Raises :class:`reader.errors.ModelUnavailable` when the model cannot be had.
        """
        self._ensure_engine().load(progress)

    def cached(self, sentences: Sequence[str]) -> dict[int, str]:
        """Translations the cache already holds, by sentence index; never creates the engine.

        Returns ``{}`` when the cache is off or the model cannot be located yet (translate()
        then reports why). The answer is kept for the translate() calls that follow: the CLI asks
        first whether the model must load, and translating must not ask the cache again.
        """
        setup = self._usable_setup()
        if setup is None:
            return {}
        found = self._open_cache().get_many(setup, sentences)
        self._answered = (setup, {s: found.get(s) for s in sentences})
        return {i: found[s] for i, s in enumerate(sentences) if s in found}

    def _known(self, sentences: list[str]) -> dict[int, str]:
        """What the cache holds for *sentences*, by index. Texts the last cached() call asked
        about under the same setup are answered from it (each answer used once); only the
        others are looked up."""
        setup = self._usable_setup()
        if setup is None:
            return {}
        if self._answered is not None and self._answered[0] != setup:
            self._answered = None  # the engine fell back or the model moved: that answer is another key's
        answered = self._answered[1] if self._answered is not None else {}
        unknown = [s for s in sentences if s not in answered]
        found = self._open_cache().get_many(setup, unknown) if unknown else {}
        for sentence in sentences:
            if sentence in answered and (text := answered.pop(sentence)) is not None:
                found[sentence] = text
        return {i: found[s] for i, s in enumerate(sentences) if s in found}

    def translate(self, sentences: Sequence[str]) -> Batches:
        """Cache hits first (one batch), then engine batches; one result per input index."""
        sentences = list(sentences)
        hits = self._known(sentences)
        if hits:
            found = [sentences[i] for i in hits]
            aligned = self._cached_alignments(found)
            rated = self._cached_qualities(found)
            yield [
                TranslationResult(
                    i,
                    text,
                    score=rated.get(sentences[i], (None, False))[0],
                    flags=(CUT,) if rated.get(sentences[i], (None, False))[1] else (),
                    alignment=aligned.get(sentences[i]),
                )
                for i, text in sorted(hits.items())
            ]
        # Every miss goes to the engine as asked: identical sentences (a repeated headline) are
        # sent once by the session in front (reader.translate.session), for the window and the CLI.
        missing = [index for index in range(len(sentences)) if index not in hits]
        if not missing:
            return
        unsent = [sentences[index] for index in missing]
        batches = self._ensure_engine().translate(unsent)
        setup: list[str | None] = []  # computed once the engine has loaded (the model may be new)
        try:
            for batch in batches:
                if not setup:
                    setup.append(self._write_setup())
                self._store(batch, unsent, setup[0])
                # with its score, flags and alignment, at the caller's index
                yield [dataclasses.replace(result, index=missing[result.index]) for result in batch]
        finally:
            batches.close()

    def alternatives(self, sentence: str, count: int = 5) -> list[tuple[str, float]]:
        """Up to *count* n-best translations of one sentence with scores, from the cache when it
        has them (loads the model otherwise; raises ModelUnavailable when it cannot be had)."""
        try:
            setup = self._setup_key()
        except ReaderError:
            setup = None
        if setup is not None:
            kept = self._open_cache().get_alternatives(setup, sentence)
            if kept is not None:
                return kept[:count]
        found = self._ensure_engine().alternatives(sentence, count)
        setup = self._write_setup()
        if setup is not None and found:
            self._open_cache().put_alternatives(setup, sentence, found)
        return found

    def align(self, pairs: Sequence[tuple[str, str]]) -> list[tuple[tuple[int, int], ...] | None]:
        """Word alignments of given (Arabic, English) pairs, by the engine (loads the model)."""
        return self._ensure_engine().align(pairs)

    def close(self) -> None:
        """Release the cache file and the engine's model."""
        if self._cache is not None:
            self._cache.close()
        if self._engine is not None:
            self._engine.close()

    # -- internals ------------------------------------------------------------------------------

    def _ensure_engine(self) -> Engine:
        if self._engine is None:
            factory = self._engine_factory or create_engine
            self._engine = factory(self.settings)
        return self._engine

    def _identity(self) -> str:
        if self._engine is not None:
            return self._engine.cache_identity
        return cache_identity(self.settings)

    def _location(self) -> ModelLocation | None:
        location = self._engine.location if self._engine is not None else None
        if location is not None:
            return location
        # Located once per service: the window asks for every chunk, and each look hashes files.
        if self._found is None:
            self._found = find_model(self.settings.model)
        return self._found

    def _usable_setup(self) -> str | None:
        """The setup key, or None when the cache cannot be used (off, or no model located yet)."""
        try:
            return self._setup_key()
        except ReaderError:
            return None

    def _setup_key(self) -> str | None:
        """What, besides the source text, decides a translation; None if the cache cannot be used."""
        if not self.use_cache:
            return None
        location = self._location()
        if location is None:
            return None
        return "|".join((location.model, location.fingerprint, self._identity(), self._options.cache_key()))

    def _open_cache(self) -> TranslationCache:
        if self._cache is None:
            self._cache = TranslationCache(translation_cache_path())
        return self._cache

    def _write_setup(self) -> str | None:
        try:
            return self._setup_key()
        except ReaderError as error:  # the model folder vanished mid-run: keep translating
            log.warning("not caching translations: %s", error)
            return None

    def _store(self, batch: list[TranslationResult], sources: list[str], setup: str | None) -> None:
        done = {sources[r.index]: r.text for r in batch if r.error is None and r.text is not None}
        aligned = {
            sources[r.index]: r.alignment for r in batch if r.error is None and r.alignment is not None
        }
        rated = {
            sources[r.index]: (r.score, CUT in r.flags)
            for r in batch
            if r.error is None and r.text is not None
        }
        if done and setup is not None:
            self._open_cache().put_many(setup, done, aligned, rated)

    def _cached_qualities(self, sources: list[str]) -> dict[str, Quality]:
        """Scores and cuts stored with cached translations, so cache hits are flagged alike."""
        try:
            setup = self._setup_key()
        except ReaderError:
            return {}
        return self._open_cache().get_qualities(setup, sources) if setup is not None else {}

    def _cached_alignments(self, sources: list[str]) -> dict[str, tuple[tuple[int, int], ...]]:
        """Alignments stored with cached translations (only when asked for: a lookup costs)."""
        if not self.settings.alignment:
            return {}
        try:
            setup = self._setup_key()
        except ReaderError:
            return {}
        return self._open_cache().get_alignments(setup, sources) if setup is not None else {}
