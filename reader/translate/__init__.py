"""Translation: one :class:`Translator` protocol, several engines, a cache in front of them.

Heavy libraries (torch, transformers, ctranslate2) are imported only inside the engine that
needs them, so importing this package is cheap and Qt-free.
"""

from reader.translate.protocol import (
    DEFAULT_MODEL,
    EngineSettings,
    TranslationResult,
    Translator,
)

__all__ = ["DEFAULT_MODEL", "EngineSettings", "TranslationResult", "Translator"]
