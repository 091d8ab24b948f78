"""The one rendering policy: what a segment shows stays unless the reader asked for another model."""

from __future__ import annotations

from reader.formats.plain_text import build_text_document
from reader.model import Origin, SegmentResult
from reader.model.rendering_policy import made_by, missing, redone_by_a_new_model, replaceable
from tests.helpers.editing import edit


def document_with_work():
    document = build_text_document("العنوان\n\nجملة أولى، ثم تكملة. جملة ثانية؟ جملة ثالثة.")
    title, first, second, third = document.segments
    document.apply_results([SegmentResult(first.id, first.revision, "old", model="other · ct2-int8")])
    document.apply_results([SegmentResult(second.id, second.revision, "same", model="m · ct2-int8")])
    edit(document, title.id, "Title by hand")
    return document, (title, first, second, third)


def test_made_by_names_the_model_whatever_engine_ran_it() -> None:
    document, (_t, first, second, _x) = document_with_work()
    assert made_by(document.segment(second.id).rendering, "m")  # type: ignore[union-attr,arg-type]
    assert not made_by(document.segment(first.id).rendering, "m")  # type: ignore[union-attr,arg-type]
    assert not made_by(document.segment(second.id).rendering, "m ")  # type: ignore[union-attr,arg-type]


def test_without_an_explicit_model_nothing_is_replaced() -> None:
    document, _ = document_with_work()
    assert replaceable(document, model="m", explicit=False, fresh=False) == []


def test_an_explicit_model_replaces_only_other_models_machine_output() -> None:
    document, (_t, first, _s, _x) = document_with_work()
    assert replaceable(document, model="m", explicit=True, fresh=False) == [first.id]


def test_fresh_output_replaces_all_machine_output_and_never_a_persons() -> None:
    document, (title, first, second, _x) = document_with_work()
    assert replaceable(document, model="m", explicit=False, fresh=True) == [first.id, second.id]
    assert redone_by_a_new_model(document, "m") == [first.id, second.id]
    assert document.segment(title.id).rendering.origin is Origin.EDITED  # type: ignore[union-attr]


def test_only_sentences_with_no_translation_are_missing() -> None:
    document, (_t, _f, _s, third) = document_with_work()
    assert [s.id for s in missing(document)] == [third.id]
    document.apply_results([SegmentResult(third.id, third.revision, None, "engine said no")])
    assert missing(document) == []
    assert third.id in redone_by_a_new_model(document, "m")  # a new model tries a failure again
