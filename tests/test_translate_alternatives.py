"""n-best alternatives on the tiny Marian model: cached by the service, pickable (each engine's own
n-best list is checked by the contract test, tests/test_translate_contract.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.formats.plain_text import build_text_document
from reader.model import Origin, SegmentResult
from reader.model.editing import pick_command
from reader.model.undo import UndoStack
from reader.translate.protocol import EngineSettings
from reader.translate.service import TranslationService

pytestmark = pytest.mark.slow
SENTENCE = "قال المتحدث إن المحادثات ستستمر في جنيف."


def check(alternatives: list[tuple[str, float]]) -> None:
    texts = [text for text, _score in alternatives]
    assert 1 < len(texts) <= 5
    assert len(set(texts)) == len(texts)
    assert all(text.strip() for text in texts)
    assert all(score <= 0 for _text, score in alternatives)


def test_the_service_caches_alternatives_and_one_is_picked(tiny_model: Path) -> None:
    service = TranslationService(EngineSettings(model=str(tiny_model), engine="transformers"))
    try:
        first = service.alternatives(SENTENCE)
        check(first)
        service.close()
        offline = TranslationService(
            EngineSettings(model=str(tiny_model), engine="transformers"),
            engine_factory=lambda _settings: pytest.fail("the cache should answer"),  # type: ignore[arg-type,return-value]
        )
        assert offline.alternatives(SENTENCE) == first
        offline.close()
    finally:
        service.close()
    document = build_text_document(SENTENCE + "\n")
    segment = document.segment_at(0)
    document.apply_results(
        [
            SegmentResult(
                segment.id, segment.revision, first[0][0], alternatives=tuple(t for t, _ in first[1:])
            )
        ]
    )
    choice = first[1][0]
    assert UndoStack(document).push(pick_command(document, segment.id, choice))
    rendering = document.segment(segment.id).rendering  # type: ignore[union-attr]
    assert rendering is not None
    assert (rendering.text, rendering.origin) == (choice, Origin.EDITED)
    assert first[0][0] in rendering.alternatives
