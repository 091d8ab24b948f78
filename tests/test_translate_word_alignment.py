"""Word alignment: pieces to words (clitics stay with their word), attention argmax, long sentences
joined, both engines on the tiny Marian model, and the same pairs again from the cache."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import numpy as np
import pytest

from reader.translate.batching import Piece, PieceOutput, stream_translations
from reader.translate.cache import TranslationCache
from reader.translate.factory import create_engine
from reader.translate.protocol import EngineSettings
from reader.translate.service import TranslationService
from reader.translate.word_alignment import align_words, in_range, word_ids


def test_pieces_group_into_words_at_word_starts() -> None:
    assert word_ids(["▁و", "بال", "كتاب", "▁قرأ", "▁", "ال", "طالب"]) == [0, 0, 0, 1, 2, 2, 2]
    assert word_ids(["ال", "▁x"]) == [0, 1]  # a first piece without ▁ still opens word 0


def test_a_clitic_piece_is_aligned_with_its_word() -> None:
    source = ["▁و", "بال", "كتاب", "▁قرأ"]  # "وبالكتاب قرأ": the clitics are pieces of word 0
    target = ["▁And", "▁with", "▁the", "▁book", "▁he", "▁read"]
    attention = np.zeros((6, 5))
    attention[0, 0] = attention[1, 1] = attention[2, 1] = attention[3, 2] = 1.0  # to و, بال, بال, كتاب
    attention[4, 3] = attention[5, 3] = 1.0
    attention[:, 4] = 0.5  # the </s> column never counts
    assert align_words(attention, source, target, 2, 6) == ((0, 0), (0, 1), (0, 2), (0, 3), (1, 4), (1, 5))


def test_indexes_are_clamped_when_a_tokenizer_counts_words_differently() -> None:
    attention = np.eye(3)
    pairs = align_words(attention, ["▁a", "▁b", "▁c"], ["▁x", "▁y", "▁z"], 2, 2)
    assert in_range(pairs, 2, 2)
    assert align_words(attention, [], ["▁x"], 0, 1) == ()


def test_a_long_sentence_cut_into_pieces_gets_one_alignment_in_sentence_words() -> None:
    def translate(pieces: list[Piece]) -> list[tuple[str, tuple[tuple[int, int], ...]]]:
        return [(f"w{p.part} x{p.part}", ((0, 0), (len(p.text.split()) - 1, 1))) for p in pieces]

    sentence = "أ ب ج، د هـ و"
    (batch,) = list(
        stream_translations(
            [sentence],
            count_tokens=lambda t: len(t.split()) + 1,
            translate_batch=translate,
            batch_size=8,
            limit=4,
        )
    )
    (result,) = batch
    assert result.text == "w0 x0 w1 x1"
    assert result.alignment == ((0, 0), (2, 1), (3, 2), (5, 3))  # piece 2's words follow piece 1's


@pytest.mark.slow
@pytest.mark.parametrize("engine", ["transformers", "ct2"])
def test_tiny_model_alignments_are_in_range_and_the_same_from_the_cache(
    tiny_model: Path, engine: str
) -> None:
    sentences = ["ذهب الولد إلى المدرسة.", "وبالكتاب قرأ الطالب درسه في الصباح الباكر.", "نعم."]
    settings = EngineSettings(model=str(tiny_model), engine=engine, beams=2, alignment=True)
    created = []

    def factory(chosen: EngineSettings):  # type: ignore[no-untyped-def]
        created.append(chosen)
        return create_engine(chosen)

    first = TranslationService(settings, engine_factory=factory)
    fresh = {r.index: r for batch in first.translate(sentences) for r in batch}
    first.close()
    assert created
    for index, result in fresh.items():
        assert result.ok
        assert result.alignment
        assert in_range(result.alignment, len(sentences[index].split()), len(result.text.split()))  # type: ignore[union-attr]
    again = TranslationService(settings, engine_factory=factory)
    cached = {r.index: r for batch in again.translate(sentences) for r in batch}
    again.close()
    assert len(created) == 1  # all from the cache
    assert {i: (r.text, r.alignment) for i, r in cached.items()} == {
        i: (r.text, r.alignment) for i, r in fresh.items()
    }


def test_a_version_1_cache_is_migrated_and_keeps_its_translations(tmp_path: Path) -> None:
    path = tmp_path / "cache.sqlite3"
    with sqlite3.connect(path) as connection:
        connection.execute(
            "CREATE TABLE translations (setup TEXT NOT NULL, source TEXT NOT NULL, translation TEXT NOT NULL,"
            " created INTEGER NOT NULL, PRIMARY KEY (setup, source)) WITHOUT ROWID"
        )
        connection.execute("INSERT INTO translations VALUES ('s', 'نعم.', 'Yes.', 0)")
        connection.execute("PRAGMA user_version = 1")
    cache = TranslationCache(path)
    assert cache.get_many("s", ["نعم."]) == {"نعم.": "Yes."}
    assert cache.get_alignments("s", ["نعم."]) == {}
    cache.put_many("s", {"لا.": "No."}, {"لا.": ((0, 0),)})
    assert cache.get_alignments("s", ["لا.", "نعم."]) == {"لا.": ((0, 0),)}
    cache.close()
    with sqlite3.connect(path) as connection:
        assert connection.execute("PRAGMA user_version").fetchone()[0] == 4  # migrated to the newest


def _eager_reference(engine, sources: list[list[int]], targets: list[list[int]]) -> list[np.ndarray]:  # type: ignore[no-untyped-def]
    """transformers' own last-layer cross-attention: eager attention, ``output_attentions=True``."""
    import torch

    model, pad = engine._model, engine._tokenizer.pad_token_id
    start = model.config.decoder_start_token_id
    width, target_width = max(map(len, sources)), max(map(len, targets))
    decoder = [[start, *t[:-1]] + [pad] * (target_width - len(t)) for t in targets]
    model.set_attn_implementation("eager")
    try:
        with torch.inference_mode():
            output = model(
                input_ids=torch.tensor([s + [pad] * (width - len(s)) for s in sources]),
                attention_mask=torch.tensor([[1] * len(s) + [0] * (width - len(s)) for s in sources]),
                decoder_input_ids=torch.tensor(decoder),
                output_attentions=True,
            )
    finally:
        model.set_attn_implementation("sdpa")
    last = output.cross_attentions[-1].mean(dim=1).numpy()
    return [last[i, : len(targets[i]), : len(sources[i])] for i in range(len(sources))]


@pytest.mark.slow
def test_the_cheap_cross_attention_is_the_eager_reference_on_the_tiny_model(tiny_model: Path) -> None:
    from reader.translate.cross_attention import last_layer_cross_attention
    from reader.translate.transformers_engine import TransformersEngine

    engine = TransformersEngine(EngineSettings(model=str(tiny_model), beams=2, alignment=True))
    engine.load()
    assert engine._model.config._attn_implementation == "sdpa"  # the fast path stays the default
    texts = ["ذهب الولد إلى المدرسة.", "وبالكتاب قرأ الطالب درسه في الصباح الباكر.", "نعم."]
    sources = [engine.encode(text) for text in texts]  # three lengths: padding must be masked
    states = engine._encoder_states(sources)
    targets = engine.generate_ids(texts, encoder_states=states)
    assert targets == engine.generate_ids(texts)  # reusing the encoding changes no translation
    cheap = last_layer_cross_attention(
        engine._model, states, [len(s) for s in sources], targets, engine._tokenizer.pad_token_id
    )
    reference = _eager_reference(engine, sources, targets)
    assert engine._model.config._attn_implementation == "sdpa"
    for mine, theirs in zip(cheap, reference, strict=True):
        assert mine.shape == theirs.shape
        np.testing.assert_allclose(mine, theirs, atol=1e-5)
    translated = engine.translate_pieces([Piece(i, 0, text, len(sources[i])) for i, text in enumerate(texts)])
    for i, output in enumerate(translated):
        assert isinstance(output, PieceOutput)
        assert output.alignment  # and the engine's pairs are the ones the reference attention gives
        expected = engine.piece_alignment(sources[i], targets[i], reference[i], texts[i], output.text)
        assert output.alignment == expected
    engine.close()
