"""The output-length cap and the options that go into the cache key."""

from __future__ import annotations

import pytest

from reader.translate.generation import MAX_OUTPUT_TOKENS, GenerationOptions, output_cap
from reader.translate.protocol import EngineSettings


@pytest.mark.parametrize(
    ("source", "cap"),
    [(0, 10), (1, 12), (2, 13), (20, 40), (21, 42), (334, 511), (335, 512), (400, 512), (10_000, 512)],
)
def test_cap_is_one_and_a_half_times_plus_ten_at_most_512(source: int, cap: int) -> None:
    assert output_cap(source) == cap
    assert output_cap(source) <= MAX_OUTPUT_TOKENS


def test_forced_length_overrides_the_cap() -> None:
    options = GenerationOptions(forced_output_tokens=45)
    assert options.cap_for(3) == 45
    assert options.cap_for(300) == 45
    assert GenerationOptions().cap_for(20) == 40


def test_split_limit_stays_inside_the_model_window() -> None:
    assert GenerationOptions(max_source_tokens=200).split_limit() == 200
    assert GenerationOptions(max_source_tokens=5000).split_limit() == 512
    assert GenerationOptions(max_source_tokens=5000).split_limit(model_window=256) == 256
    assert GenerationOptions(max_source_tokens=1).split_limit() == 8


def test_options_follow_the_settings() -> None:
    options = GenerationOptions.from_settings(EngineSettings(beams=2, max_source_tokens=120, batch_size=3))
    assert options == GenerationOptions(beams=2, max_source_tokens=120)


def test_cache_key_changes_with_every_output_affecting_option() -> None:
    base = GenerationOptions()
    variants = [
        GenerationOptions(beams=1),
        GenerationOptions(beams=4),
        GenerationOptions(max_source_tokens=100),
        GenerationOptions(no_repeat_ngram_size=3),
        GenerationOptions(forced_output_tokens=45),
    ]
    keys = {base.cache_key(), *(v.cache_key() for v in variants)}
    assert len(keys) == len(variants) + 1
    assert GenerationOptions().cache_key() == base.cache_key()
