"""Quality flags: each on a crafted output, none on a sound one, and the session attaching them."""

from __future__ import annotations

from collections.abc import Sequence

from reader.formats.plain_text import build_text_document
from reader.translate.protocol import Batches, TranslationResult
from reader.translate.quality import CUT, LENGTH, LOW, REPETITION, UNTRANSLATED, assess, reasons, repeats
from reader.translate.session import translate_document

SOURCE = "قال المتحدث إن المحادثات ستستمر في جنيف خلال الأسبوع المقبل."
GOOD = "The spokesman said the talks would continue in Geneva next week."


def test_a_sound_translation_has_no_flags() -> None:
    assert assess(SOURCE, GOOD, score=-0.3) == ()


def test_each_flag_on_a_crafted_output() -> None:
    assert assess(SOURCE, "The talks the talks the talks the talks in Geneva.") == (REPETITION,)
    assert assess(SOURCE, SOURCE) == (UNTRANSLATED,)
    assert UNTRANSLATED in assess(SOURCE, "The spokesman said المحادثات would continue in Geneva.")
    assert assess(SOURCE, "Talks.") == (LENGTH,)
    assert assess(
        SOURCE, GOOD + " " + GOOD + " And then a great deal more was said, at length, about it."
    ) == (LENGTH,)
    assert assess(SOURCE, GOOD, engine_flags=(CUT, "unknown")) == (CUT,)
    assert assess(SOURCE, GOOD, score=-2.4) == (LOW,)
    assert assess("نعم.", "Yes.") == ()  # too short for the length check
    assert reasons((REPETITION, LOW))[0].startswith("the translation repeats itself")


def test_repetition_ignores_punctuation_runs_and_ordinary_text() -> None:
    assert not repeats("Wait... what?!!!")
    assert not repeats("He had had enough, and that was that.")
    assert repeats("no no no")


class Scripted:
    """A translator whose outputs and scores are given."""

    description = "scripted"

    def __init__(self, outputs: dict[str, tuple[str, float]]) -> None:
        self.outputs = outputs

    def load(self, progress=None) -> None:  # type: ignore[no-untyped-def]
        pass

    def close(self) -> None:
        pass

    def translate(self, sentences: Sequence[str]) -> Batches:
        yield [
            TranslationResult(i, self.outputs[s][0], score=self.outputs[s][1], alternatives=("other",))
            for i, s in enumerate(sentences)
        ]


def test_the_session_flags_renderings_and_keeps_score_and_alternatives() -> None:
    document = build_text_document(f"{SOURCE}\n\nجملة أخرى طويلة بما يكفي للحكم.\n")
    first, second = document.segments
    outputs = {first.text: (GOOD, -0.2), second.text: ("yes yes yes yes", -3.0)}
    for _ in translate_document(document, Scripted(outputs)):  # type: ignore[arg-type]
        pass
    good, bad = (document.segment(s.id).rendering for s in (first, second))  # type: ignore[union-attr]
    assert good is not None
    assert bad is not None
    assert (good.flags, good.score, good.alternatives) == ((), -0.2, ("other",))
    assert bad.flags == (REPETITION, LOW)
