"""``--engine auto``: CTranslate2 when it works here, the transformers engine otherwise, never a crash.

Whether CTranslate2 works is only known once it has been tried: the package may be missing,
the conversion may fail (an unusual checkpoint, a full disk) or the CPU may be unsupported. So
the choice is made in :meth:`AutoEngine.load`, with one logged line when falling back. A model
that cannot be had at all (offline, not a Marian folder) is reported as is: the transformers
engine could not do better, and the user needs the real reason.
"""

from __future__ import annotations

import importlib.util
import logging
from collections.abc import Sequence

from reader.translate.ct2_convert import Ct2Unavailable
from reader.translate.ct2_engine import ENGINE_NAME as CT2
from reader.translate.ct2_engine import Ct2Engine, check_quantization, ct2_identity
from reader.translate.generation import GenerationOptions
from reader.translate.marian_engine import MAX_ALTERNATIVES
from reader.translate.model_location import ModelLocation, Progress
from reader.translate.protocol import Batches, EngineSettings
from reader.translate.transformers_engine import ENGINE_NAME as TRANSFORMERS
from reader.translate.transformers_engine import TransformersEngine
from reader.translate.word_alignment import Alignment

log = logging.getLogger(__name__)
AUTO = "auto"


def ct2_installed() -> bool:
    """True when the ctranslate2 package can be found (without importing it)."""
    try:
        return importlib.util.find_spec("ctranslate2") is not None
    except (ImportError, ValueError):
        return False


def expected_engine() -> str:
    """The engine ``auto`` will most likely run: CTranslate2 when installed (it may still fail to load)."""
    return CT2 if ct2_installed() else TRANSFORMERS


class AutoEngine:
    """Delegates to a :class:`Ct2Engine`, or to a :class:`TransformersEngine` when CTranslate2 fails.

    ``cache_identity`` names the engine that actually translates once loaded; before that, the
    one expected (CTranslate2 when installed), so cached translations are found without loading.
    """

    def __init__(self, settings: EngineSettings, options: GenerationOptions | None = None) -> None:
        self.settings = settings
        self.options = options
        check_quantization(settings.quantization)
        self.engine: Ct2Engine | TransformersEngine | None = None

    @property
    def cache_identity(self) -> str:
        if self.engine is not None:
            return self.engine.cache_identity
        return ct2_identity(self.settings.quantization) if expected_engine() == CT2 else TRANSFORMERS

    @property
    def location(self) -> ModelLocation | None:
        return self.engine.location if self.engine is not None else None

    @property
    def description(self) -> str:
        if self.engine is not None:
            return self.engine.description
        return f"{self.settings.model} · {AUTO}"

    def load(self, progress: Progress | None = None) -> None:
        """Load CTranslate2's engine, or fall back to transformers (one warning line); idempotent."""
        if self.engine is not None:
            return
        fast = Ct2Engine(self.settings, self.options)
        try:
            fast.load(progress)
        except Ct2Unavailable as error:
            log.warning("%s; using the transformers engine instead", error)
            slow = TransformersEngine(self.settings, self.options)
            slow.load(progress)
            self.engine = slow
        else:
            self.engine = fast

    def close(self) -> None:
        if self.engine is not None:
            self.engine.close()
            self.engine = None

    def translate(self, sentences: Sequence[str]) -> Batches:
        self.load()
        assert self.engine is not None
        yield from self.engine.translate(sentences)

    def alternatives(self, text: str, count: int = MAX_ALTERNATIVES) -> list[tuple[str, float]]:
        """The n-best list of whichever engine loaded (the whole contract, not just translate)."""
        self.load()
        assert self.engine is not None
        return self.engine.alternatives(text, count)

    def align(self, pairs: Sequence[tuple[str, str]]) -> list[Alignment | None]:
        self.load()
        assert self.engine is not None
        return self.engine.align(pairs)
