"""The current pair on the clipboard: the Arabic, then the English when there is one."""

from __future__ import annotations

from reader.model import SegmentResult
from reader.ui.current_pair import pair_text
from tests.helpers.segmenting import segment_text


def test_the_clipboard_pair_is_the_arabic_then_the_english_once_translated() -> None:
    document = segment_text("جملة أولى. جملة ثانية.")
    first = document.segments[0]
    assert pair_text(None) == ""
    assert pair_text(first) == "جملة أولى."  # not translated yet: the Arabic alone
    document.apply_results([SegmentResult(first.id, first.revision, "First sentence.")])
    assert pair_text(document.segments[0]) == "جملة أولى.\nFirst sentence."
