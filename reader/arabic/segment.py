"""Arabic sentence segmentation with exact offsets.

A line break ends a paragraph; inside a paragraph a sentence ends at a run of ``. ! ? ؟ …``
(``؟!``, ``!!!``, ``! !`` included) with any closing quotes, brackets, footnote marks (``¹``,
``[1]``, ``(1)``) and emoji kept on the sentence. ``،`` and ``؛`` are clause marks, never ends.
Whether a run ends the sentence is decided in :mod:`reader.arabic.segment_rules` from the token before
it and what follows (abbreviations, era markers, labels, ellipses, quoted speech, parentheses).
A run glued to the next character ends nothing (3.5, ق.م, report.pdf), except between two Arabic
words as typed in a hurry («وصلت.الحمد لله»). URLs and @mentions are never cut, and a tail of
hashtags, mentions, links or emoji stays with the sentence it follows. Only end-mark candidates
are examined in Python, each with a bounded look around, so segmentation is linear in the text.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from reader.arabic.segment_rules import is_false_end
from reader.arabic.segment_words import BIDI_AND_FORMAT

_CLOSERS = "»\"”’'›)\\]}"
_EMOJI = "\U0001f000-\U0001faff\u2600-\u27bf\u2b00-\u2bff\ufe0f\u20e3"
_REPEATABLE = "!?؟‼⁇⁈⁉"
# End marks (repeats may be spaced out), closers and invisible controls, then footnote marks.
_END_RUN = re.compile(
    rf"(?P<marks>[.…{_REPEATABLE}]+(?:[ \t]+[{_REPEATABLE}]+)*)"
    rf"(?P<close>[{_CLOSERS}{BIDI_AND_FORMAT}]*)"
    rf"(?:[⁰¹²³⁴-⁹]+|\[\d{{1,3}}\]|\(\d{{1,3}}\))*[{BIDI_AND_FORMAT}]*"
)
_EMOJI_TAIL = re.compile(rf"(?:[ \t]*+[{_EMOJI}]++[{BIDI_AND_FORMAT}]*+)++")
_URL = r"(?:https?://|www\.)\S*[^\s.!?؟…,،؛:;)\]}»\"”'’]"
# Never cut inside these: links and @mentions (a hashtag has no end marks inside).
_PROTECTED = re.compile(rf"{_URL}|(?<![\w@])@\w(?:[\w.]*\w)?")
_TAGS_TAIL = re.compile(
    rf"(?:[\s{BIDI_AND_FORMAT}]*+(?:#\w++|@[\w.]++|(?:https?://|www\.)\S++|[{_EMOJI}]++))++"
    rf"[\s{BIDI_AND_FORMAT}]*+\Z"
)


def segment_line(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans ``(start, end)`` within ``text[start:end]``, a single paragraph."""
    spans: list[tuple[int, int]] = []
    sentence_start = _skip_blank(text, start, end)
    if sentence_start >= end:
        return spans
    content_start = _skip_format(text, sentence_start, end)
    protected = _Protected(text, sentence_start, end)
    for match in _END_RUN.finditer(text, sentence_start, end):
        if match.start() < sentence_start or protected.covers(match.start()):
            continue
        boundary = _sentence_end(text, content_start, match, end)
        if boundary < 0:
            continue
        spans.append(_trim(text, sentence_start, boundary))
        sentence_start = _skip_blank(text, boundary, end)
        if sentence_start >= end:
            break
        content_start = _skip_format(text, sentence_start, end)
    if sentence_start < end:
        spans.append(_trim(text, sentence_start, end))
    return [span for span in spans if _has_visible(text, *span)]


def _sentence_end(text: str, content_start: int, match: re.Match[str], end: int) -> int:
    """Where the sentence ends if the run *match* ends it, else -1."""
    boundary = match.end()
    emoji = _EMOJI_TAIL.match(text, boundary, end)
    if emoji:
        boundary = emoji.end()
    after = _skip_format(text, boundary, end)
    if after < end and not text[after].isspace() and not emoji:
        return boundary if _glued_split(text, match, after) else -1
    following = _skip_blank(text, after, end)
    following = _skip_format(text, following, end)
    marks, close = match.group("marks"), match.group("close")
    if is_false_end(text, content_start, marks, match.start(), close, following, end):
        return -1
    tail = _TAGS_TAIL.match(text, boundary, end)
    return end if tail else boundary


def _glued_split(text: str, match: re.Match[str], after: int) -> bool:
    """«وصلت.الحمد لله», «رائع!!شكرا»: an end glued between two Arabic words still ends."""
    marks = match.group("marks")
    if match.end() != match.end("marks") or "…" in marks or ".." in marks:
        return False
    before = match.start() - 1
    while before > 0 and unicodedata.category(text[before]) == "Mn" and match.start() - before < 4:
        before -= 1
    if not (_is_arabic_letter(text[after]) and before >= 0 and _is_arabic_letter(text[before])):
        return False
    if marks != ".":
        return True
    # A full stop between single letters is an abbreviation (ق.م, ص.ب): both sides need two letters.
    return (
        before > 0 and _is_arabic_letter(text[before - 1]) and _is_arabic_letter(text[after + 1 : after + 2])
    )


def _is_arabic_letter(ch: str) -> bool:
    return len(ch) == 1 and "\u0621" <= ch <= "\u064a"


class _Protected:
    """The line's URLs and mentions, walked once in step with the end-mark candidates."""

    def __init__(self, text: str, start: int, end: int) -> None:
        self._spans: Iterator[re.Match[str]] = iter(())
        # Three substring scans are much cheaper than running the pattern over a line that has none.
        if (
            text.find("@", start, end) >= 0
            or text.find("://", start, end) >= 0
            or text.find("www.", start, end) >= 0
        ):
            self._spans = _PROTECTED.finditer(text, start, end)
        self._current = next(self._spans, None)

    def covers(self, position: int) -> bool:
        while self._current is not None and self._current.end() <= position:
            self._current = next(self._spans, None)
        return self._current is not None and self._current.start() <= position


def _is_blank(ch: str) -> bool:
    return ch.isspace() or unicodedata.category(ch) == "Cf"


def _skip_blank(text: str, position: int, end: int) -> int:
    """First position at or after *position* that is not whitespace; format controls stay."""
    while position < end and text[position].isspace():
        position += 1
    return position


def _skip_format(text: str, position: int, end: int) -> int:
    while position < end and unicodedata.category(text[position]) == "Cf":
        position += 1
    return position


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _has_visible(text: str, start: int, end: int) -> bool:
    return any(not _is_blank(ch) for ch in text[start:end])
