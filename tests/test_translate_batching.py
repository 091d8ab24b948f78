"""The engine-independent loop: pieces, length-sorted batches, 1:1 streamed results, failures."""

from __future__ import annotations

import pytest

from reader.errors import ModelUnavailable
from reader.translate.batching import (
    Piece,
    PieceOutput,
    PieceTranslation,
    batches_by_length,
    plan_pieces,
    stream_translations,
)
from reader.translate.protocol import TranslationResult


def words(text: str) -> int:
    return len(text.split()) + 1


def upper(pieces: list[Piece]) -> list[str]:
    """A transparent 'translation': the piece text tagged with its sentence."""
    return [f"<{p.text}>" for p in pieces]


def collect(batches: list[list[TranslationResult]]) -> dict[int, TranslationResult]:
    flat = [r for batch in batches for r in batch]
    assert len(flat) == len({r.index for r in flat}), "an index was reported twice"
    return {r.index: r for r in flat}


def test_plan_cleans_and_cuts() -> None:
    pieces, counts = plan_pieces(["قـال \u200fالرئيس", "أ ب ج، د ه و", "\u200f\u0640"], words, 4)
    assert counts == {0: 1, 1: 2, 2: 0}
    assert [p.text for p in pieces] == ["قال الرئيس", "أ ب ج،", "د ه و"]
    assert [(p.sentence, p.part, p.tokens) for p in pieces] == [(0, 0, 3), (1, 0, 4), (1, 1, 4)]


def test_batches_are_sorted_by_length_then_document_order() -> None:
    pieces = [Piece(i, 0, "x", tokens) for i, tokens in enumerate([5, 2, 9, 2, 5, 1])]
    batches = batches_by_length(pieces, 2)
    assert [[p.sentence for p in b] for b in batches] == [[5, 1], [3, 0], [4, 2]]
    with pytest.raises(ValueError, match="at least 1"):
        batches_by_length(pieces, 0)


def test_results_map_back_to_their_indexes() -> None:
    sentences = ["ب ب ب ب", "أ", "ج ج", "د د د"]
    batches = list(
        stream_translations(sentences, count_tokens=words, translate_batch=upper, batch_size=2, limit=50)
    )
    assert [[r.index for r in b] for b in batches] == [[1, 2], [3, 0]]
    results = collect(batches)
    assert {i: r.text for i, r in results.items()} == {i: f"<{s}>" for i, s in enumerate(sentences)}


def test_a_cut_sentence_comes_back_as_one_joined_unit() -> None:
    sentences = ["أ ب ج، د ه و، ز", "قصيرة"]
    results = collect(
        list(stream_translations(sentences, count_tokens=words, translate_batch=upper, batch_size=1, limit=4))
    )
    assert results[0].text == "<أ ب ج،> <د ه و،> <ز>"
    assert results[1].text == "<قصيرة>"


def test_empty_after_cleaning_gives_an_empty_translation() -> None:
    results = collect(
        list(
            stream_translations(
                ["\u200f", "نص"], count_tokens=words, translate_batch=upper, batch_size=4, limit=9
            )
        )
    )
    assert results[0] == TranslationResult(0, "")
    assert results[1].text == "<نص>"
    only_empty = list(
        stream_translations(["\u0640"], count_tokens=words, translate_batch=upper, batch_size=4, limit=9)
    )
    assert only_empty == [[TranslationResult(0, "")]]


def test_a_failing_batch_marks_its_sentences_and_the_rest_goes_on() -> None:
    calls: list[list[str]] = []

    def flaky(pieces: list[Piece]) -> list[str]:
        calls.append([p.text for p in pieces])
        if any("سيء" in p.text for p in pieces):
            raise RuntimeError("out of memory\nsecond line")
        return upper(pieces)

    # Sentence 0 is cut in two; its short second piece shares the first batch with sentence 2.
    sentences = ["أ ب ج، سيء جدا", "جيد جيد جيد", "ممتاز"]
    results = collect(
        list(stream_translations(sentences, count_tokens=words, translate_batch=flaky, batch_size=2, limit=4))
    )
    assert calls == [["ممتاز", "سيء جدا"], ["جيد جيد جيد"]]  # sentence 0's other piece was skipped
    assert results[0] == TranslationResult(0, None, "translation failed: out of memory")
    assert results[2] == TranslationResult(2, None, "translation failed: out of memory")
    assert results[1] == TranslationResult(1, "<جيد جيد جيد>")


def test_later_pieces_of_a_failed_sentence_are_not_translated() -> None:
    seen: list[str] = []

    def fail_first(pieces: list[Piece]) -> list[str]:
        seen.extend(p.text for p in pieces)
        if pieces[0].text == "أ ب،":
            raise ValueError("boom")
        return upper(pieces)

    results = collect(
        list(
            stream_translations(
                ["أ ب، ج د ه و"], count_tokens=words, translate_batch=fail_first, batch_size=1, limit=5
            )
        )
    )
    assert seen == ["أ ب،"]  # the second piece was never sent to the engine
    assert results[0].error == "translation failed: boom"


def test_wrong_number_of_outputs_is_a_batch_failure() -> None:
    results = collect(
        list(
            stream_translations(
                ["أ", "ب"], count_tokens=words, translate_batch=lambda p: ["x"], batch_size=2, limit=9
            )
        )
    )
    assert all(r.error is not None and "1 translations for 2" in r.error for r in results.values())


def test_model_unavailable_propagates() -> None:
    def unavailable(pieces: list[Piece]) -> list[str]:
        raise ModelUnavailable("gone")

    with pytest.raises(ModelUnavailable, match="gone"):
        list(
            stream_translations(["أ"], count_tokens=words, translate_batch=unavailable, batch_size=1, limit=9)
        )


def test_nothing_runs_until_the_next_batch_is_asked_for() -> None:
    calls: list[int] = []

    def counting(pieces: list[Piece]) -> list[str]:
        calls.append(len(pieces))
        return upper(pieces)

    stream = stream_translations(
        ["أ", "ب ب", "ج ج ج"], count_tokens=words, translate_batch=counting, batch_size=1, limit=9
    )
    assert calls == []
    next(stream)
    assert calls == [1]
    stream.close()
    assert calls == [1]


def test_a_sentence_s_score_is_the_token_weighted_mean_of_its_pieces_and_any_cut_piece_cuts_it() -> None:
    outputs = {
        "أ ب ج،": PieceOutput("one", score=-1.0, tokens=3),
        "د ه و": PieceOutput("two", score=-4.0, tokens=1, cut=True),
    }

    def scored(pieces: list[Piece]) -> list[PieceTranslation]:
        return [outputs.get(p.text, PieceOutput(p.text, score=-0.5, tokens=2)) for p in pieces]

    found = collect(
        list(
            stream_translations(
                ["أ ب ج، د ه و", "هـ"], count_tokens=words, translate_batch=scored, batch_size=4, limit=4
            )
        )
    )
    assert found[0].text == "one two"
    assert found[0].score == pytest.approx((-1.0 * 3 - 4.0 * 1) / 4)
    assert found[0].flags == ("cut",)
    assert (found[1].score, found[1].flags) == (-0.5, ())


def test_a_sentence_has_no_score_unless_every_piece_has_one() -> None:
    def half(pieces: list[Piece]) -> list[PieceTranslation]:
        return [PieceOutput(p.text, score=-1.0, tokens=2) if p.part == 0 else p.text for p in pieces]

    (result,) = collect(
        list(
            stream_translations(
                ["أ ب ج، د ه و"], count_tokens=words, translate_batch=half, batch_size=4, limit=4
            )
        )
    ).values()
    assert (result.score, result.flags) == (None, ())
