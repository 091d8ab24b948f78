"""The document model: offsets, separators, statuses."""

from __future__ import annotations

from reader.document import Status
from reader.segment import segment_text


def test_separators_rebuild_the_text() -> None:
    text = "  عنوان\n\nجملة أولى.  جملة ثانية؟\n"
    document = segment_text(text)
    gaps = document.separators()
    assert len(gaps) == len(document.sentences) + 1
    assert gaps == ["  ", "\n\n", "  ", "\n"]
    assert document.reconstruct() == text


def test_sentences_know_their_paragraph_and_position() -> None:
    document = segment_text("أ. ب.\nج.")
    assert [(s.index, s.paragraph, s.text) for s in document.sentences] == [
        (0, 0, "أ. ب."),
        (1, 1, "ج."),
    ]
    assert [(p.start, p.end) for p in document.paragraphs] == [(0, 5), (6, 8)]


def test_translation_status_transitions() -> None:
    sentence = segment_text("جملة.").sentences[0]
    assert sentence.status is Status.PENDING
    assert sentence.translation is None
    sentence.set_failed("model crashed")
    assert (sentence.status, sentence.error) == (Status.FAILED, "model crashed")
    sentence.set_translation("A sentence.")
    assert (sentence.status, sentence.translation, sentence.error) == (Status.DONE, "A sentence.", None)


def test_translated_count() -> None:
    document = segment_text("أ. ب. ج.")
    assert len(document.sentences) == 1  # single letters are initials, not sentence ends
    document = segment_text("واحد. اثنان. ثلاثة.")
    document.sentences[0].set_translation("one.")
    document.sentences[2].set_translation("three.")
    assert document.translated_count == 2


def test_set_result_and_reset() -> None:
    first, second = segment_text("واحد. اثنان.").sentences
    first.set_result("one.", None)
    second.set_result(None, "engine crashed")
    assert (first.status, first.translation) == (Status.DONE, "one.")
    assert (second.status, second.error) == (Status.FAILED, "engine crashed")
    second.reset()
    assert (second.status, second.translation, second.error) == (Status.PENDING, None, None)


def test_failed_count_and_snapshot_is_independent() -> None:
    document = segment_text("واحد. اثنان. ثلاثة.")
    document.sentences[1].set_failed("x")
    assert (document.translated_count, document.failed_count) == (0, 1)
    copy = document.snapshot()
    document.sentences[0].set_translation("one.")
    assert copy.sentences[0].status is Status.PENDING
    assert copy.sentences[1].status is Status.FAILED
    assert copy.reconstruct() == document.text
    assert copy.name == document.name
