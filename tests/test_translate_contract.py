"""One conformance test for the whole engine contract, over every engine and the fake.

translate (every index once, a score on each result, word alignment when asked), alternatives
(distinct, scored, the shown translation among them), align (word pairs for an English the engine
did not make, in range), close (idempotent; a later call loads again) — for ``auto``, ``ct2``,
``transformers``, the cache-first service in front of ``auto``, and :class:`FakeTranslator`.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from reader.translate.factory import create_engine, create_translator
from reader.translate.fake import FakeTranslator
from reader.translate.protocol import EngineSettings, Translator
from reader.translate.word_alignment import in_range

pytestmark = pytest.mark.slow
SENTENCES = [
    "قال المتحدث إن المحادثات ستستمر في جنيف.",
    "وصل الوفد صباح اليوم.",
    "قال المتحدث إن المحادثات ستستمر في جنيف.",
]
GIVEN = ("وصل الوفد إلى جنيف صباح اليوم.", "The delegation reached Geneva this morning.")

Build = Callable[[EngineSettings], Translator]
BUILDS: dict[str, Build] = {
    "auto": create_engine,
    "ct2": lambda settings: create_engine(EngineSettings(**{**settings.__dict__, "engine": "ct2"})),
    "transformers": lambda settings: create_engine(
        EngineSettings(**{**settings.__dict__, "engine": "transformers"})
    ),
    "service": lambda settings: create_translator(settings),
    "fake": lambda settings: FakeTranslator(alignment=settings.alignment),
}


@pytest.mark.parametrize("name", list(BUILDS))
def test_every_engine_honours_the_whole_contract(name: str, tiny_model: Path, ct2_converted: Path) -> None:
    translator = BUILDS[name](EngineSettings(model=str(tiny_model), beams=1, alignment=True))
    try:
        translator.load()
        # translate: every index once, each with a score and the word alignment asked for
        results = [r for batch in translator.translate(SENTENCES) for r in batch]
        assert sorted(r.index for r in results) == [0, 1, 2]
        for r in results:
            assert r.ok
            assert r.text
            assert isinstance(r.score, float)
            assert r.score <= 0
            assert r.alignment is not None
            assert in_range(r.alignment, len(SENTENCES[r.index].split()), len(r.text.split()))
        # alternatives: distinct, scored
        found = translator.alternatives(SENTENCES[0], 3)
        texts = [text for text, _score in found]
        assert 1 < len(texts) <= 3
        assert len(set(texts)) == len(texts)
        assert all(texts)
        assert all(isinstance(score, float) and score <= 0 for _text, score in found)
        # align: word pairs for an English the engine did not make
        arabic, english = GIVEN
        [alignment] = translator.align([GIVEN])
        assert alignment
        assert in_range(alignment, len(arabic.split()), len(english.split()))
        # close: idempotent, and a later call loads again
        first = sorted(str(r.text) for r in results if r.index < 2)
        translator.close()
        translator.close()
        again = [r for batch in translator.translate(SENTENCES) for r in batch]
        assert sorted(r.index for r in again) == [0, 1, 2]
        assert sorted(str(r.text) for r in again if r.index < 2) == first  # greedy: the same again
    finally:
        translator.close()
