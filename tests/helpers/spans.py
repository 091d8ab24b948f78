"""Checks that a document's segments are exact spans of its source text (what ``reconstruct`` was)."""

from __future__ import annotations

from reader.model import Document

# What may stand between two segments: whitespace and the invisible bidi/format controls.
BLANK = (
    " \t\n\r\x0b\x0c\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
    "\u2066\u2067\u2068\u2069\ufeff\u2060"
)


def gaps(document: Document) -> list[str]:
    """The source between consecutive segments, plus what precedes the first and follows the last.

    ``gap[0] + span0 + gap[1] + … + gap[n]`` is the source text exactly.
    """
    text = document.text
    found = []
    position = 0
    for segment in document.iter_segments():
        found.append(text[position : segment.start])
        position = segment.end
    found.append(text[position:])
    return found


def assert_exact_spans(document: Document) -> None:
    """Every segment is its span of the source ("\\n" read as " "), in order, disjoint, and the
    source between segments is blank."""
    text = document.text
    position = 0
    for segment in document.iter_segments():
        assert position <= segment.start <= segment.end, (position, segment)
        assert text[segment.start : segment.end].replace("\n", " ") == segment.text
        position = segment.end
    rebuilt = []
    for gap, segment in zip(gaps(document), [*document.iter_segments(), None], strict=True):
        assert not gap.strip(BLANK), repr(gap)
        rebuilt.append(gap)
        if segment is not None:
            rebuilt.append(text[segment.start : segment.end])
    assert "".join(rebuilt) == text
