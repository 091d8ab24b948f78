"""Does a run of end marks end the sentence? Decided from the token before it and what follows.

Every look here is bounded (one token back, two words ahead, a short window for brackets and
fronted adverbials), never the sentence so far: that is what keeps segmentation linear in the text
even when nothing ends a sentence for 100 KB («م. م. م. …»).
"""

from __future__ import annotations

import unicodedata

from reader.arabic import segment_words as words

_QUOTE_CLOSERS = "»\"”’'›"
_OPENERS = "«\"“‘'‹([{"
_ARABIC_PREFIXES = "وفبلك"
_LOOK_BACK = 64  # longer tokens are never abbreviations, labels or years
_WORD_AHEAD = 40
_BRACKET_WINDOW = 300
_LONGEST_LISTED = 7  # longest undotted, digit-free entry of a table (approx, ثانيًا…)
_FRONTED_WINDOW = 100


def is_false_end(
    text: str, content_start: int, marks: str, marks_start: int, close: str, after: int, end: int
) -> bool:
    """True when the marks ``text[marks_start:]`` (then *close*) do not end the sentence.

    *content_start* is the sentence's first visible character, *after* the first character of
    what follows (``end`` at the paragraph's end).
    """
    if _is_ellipsis(marks):
        if _ellipsis_continues(text, content_start, marks_start, after, end):
            return True
    elif marks == "." and _full_stop_is_false(text, content_start, marks_start, after, end):
        return True
    # Checked last, so a stop already known not to end («م. م. …») skips the bracket search.
    return _quote_then_reporting_verb(text, close, after, end) or _inside_parenthesis(
        text, content_start, marks_start, end
    )


def _quote_then_reporting_verb(text: str, close: str, after: int, end: int) -> bool:
    """«هل ستعود غدًا؟» قالها وهو يبتسم: the quote is the object of the verb after it."""
    if after >= end or not any(ch in _QUOTE_CLOSERS for ch in close):
        return False
    if not words.REPORTING_VERB.match(words.fold(_word_at(text, after, end))):
        return False
    # «قالت سلمى: "…"» introduces the next speaker's quote: a new sentence.
    return ":" not in text[after : min(end, after + _WORD_AHEAD)]


def _is_ellipsis(marks: str) -> bool:
    return not marks.strip(".…") and ("…" in marks or len(marks) > 1)


def _ellipsis_continues(text: str, content_start: int, marks_start: int, after: int, end: int) -> bool:
    """An ellipsis ends the sentence unless what follows plainly continues the same clause."""
    if marks_start <= content_start:
        return True  # a leading «… » opens the sentence
    if after >= end:
        return False
    previous = _word_before(text, content_start, marks_start)
    following = _word_at(text, after, end)
    if previous and following and words.fold(previous) == words.fold(following):
        return True  # a faltering repetition: «أنا… أنا لا أعرف»
    return continues_clause(text, after, end)


def _full_stop_is_false(text: str, content_start: int, marks_start: int, after: int, end: int) -> bool:
    token_start = _token_start(text, content_start, marks_start)
    if token_start < 0:
        return False
    token = words.normalise(text[token_start:marks_start]).lstrip(_OPENERS)
    if token[:1] in _ARABIC_PREFIXES and token[1:2].isascii() and token[1:2].isalpha():
        token = token[1:]  # «وM.A.»: a conjunction glued to a Latin abbreviation
    if not token or (len(token) > _LONGEST_LISTED and "." not in token and not token[0].isdigit()):
        return False  # an ordinary word: no table holds it (the common case, kept cheap)
    folded = words.fold(token)
    if token_start == content_start and _is_label(token, folded):
        return True  # «1. …», «3.2.1. …», «(أ). …», «ثانيًا. …», «IV. …» open an item
    if words.LIST_NUMBER.match(token):  # «المادة 12. …» opens an article; «إلى 12. وكان» ends
        return _after_label_word(text, content_start, token_start) or continues_clause(text, after, end)
    if words.YEAR_WITH_ERA.match(folded) or (
        folded in words.ERA_MARKERS and _previous_token_is_date(text, content_start, token_start)
    ):
        return continues_clause(text, after, end) or _is_fronted_time(text, content_start, token_start)
    if folded in words.ERA_MARKERS or folded.rstrip(".") in words.ERA_MARKERS:
        return True  # not after a year: a title such as «م.» (engineer)
    if folded in words.TERMINAL_ABBREVIATIONS:
        return after < end and continues_clause(text, after, end)
    return (
        token in words.LATIN_ABBREVIATIONS
        or bool(words.INITIALS.match(token))
        or bool(words.LATIN_DOTTED.match(token))
    )


def _is_label(token: str, folded: str) -> bool:
    return bool(
        words.LIST_NUMBER.match(token)
        or words.LETTER_LABEL.match(token)
        or words.ROMAN_LABEL.match(token)
        or folded in words.ORDINAL_LABELS
    )


def continues_clause(text: str, position: int, end: int) -> bool:
    """Whether the word at *position* carries on the clause rather than opening a sentence."""
    if position >= end:
        return False
    first = text[position]
    if first.isdigit() or "a" <= first <= "z":
        return True
    if first == "و" and text[position + 1 : position + 2].isdigit():
        return True  # a range: «بين 915 م. و965 م.»
    word = _word_at(text, position, end)
    if not word or words.normalise(word).startswith("إن"):
        return False  # «إن …» opens a sentence; «أن …» does not
    folded = words.fold(word)
    if folded in words.CONTINUATION:
        return True
    if folded in words.PREPOSITIONS:
        second = _word_at(text, _skip_space(text, position + len(word), end), end)
        return (folded, words.fold(second)) not in words.DISCOURSE_OPENERS
    return False


def _inside_parenthesis(text: str, content_start: int, marks_start: int, end: int) -> bool:
    """Marks inside a bracket opened mid-sentence, «(…، إلخ.)», «(...)», stay inside that sentence."""
    window = max(content_start, marks_start - _BRACKET_WINDOW)
    for opener, closer in (("(", ")"), ("[", "]")):
        at = text.rfind(opener, window, marks_start)
        if at <= content_start or text.find(closer, at, marks_start) >= 0:
            continue
        closed = text.find(closer, marks_start, min(end, marks_start + _BRACKET_WINDOW))
        if closed >= 0 and text.find(opener, marks_start, closed) < 0:
            return True
    return False


def _is_fronted_time(text: str, content_start: int, token_start: int) -> bool:
    """«في سنة 700 هـ.»: a short time adverbial opening the sentence needs the clause that follows."""
    if token_start - content_start > _FRONTED_WINDOW:
        return False
    head = text[content_start:token_start]
    tokens = words.fold(head).split()
    if not tokens or len(tokens) > words.FRONTED_MAX_WORDS or "،" in head:
        return False
    first = tokens[0]
    if first[:1] in "وف" and first[1:] in words.FRONTED_TIME:
        first = first[1:]
    return first in words.FRONTED_TIME


def _after_label_word(text: str, content_start: int, token_start: int) -> bool:
    if token_start - content_start > 20:
        return False
    return words.fold(text[content_start:token_start]).strip() in words.LABEL_WORDS


def _previous_token_is_date(text: str, content_start: int, token_start: int) -> bool:
    """Look back one token only: slicing from the sentence start made «م. م. م. …» quadratic."""
    stop = token_start
    while stop > content_start and text[stop - 1].isspace():
        stop -= 1
    start = _token_start(text, content_start, stop)
    return start >= 0 and start < stop and bool(words.DATE.match(words.normalise(text[start:stop])))


def _token_start(text: str, content_start: int, stop: int) -> int:
    """Start of the token ending at *stop*, or -1 when it is longer than :data:`_LOOK_BACK`."""
    start = stop
    limit = max(content_start, stop - _LOOK_BACK)
    while start > limit and not text[start - 1].isspace():
        start -= 1
    if start > content_start and not text[start - 1].isspace():
        return -1
    return start


def _word_before(text: str, content_start: int, stop: int) -> str:
    start = _token_start(text, content_start, stop)
    return text[start:stop] if start >= 0 else ""


def _word_at(text: str, position: int, end: int) -> str:
    """The letters (with their marks) from *position*: the word a sentence would open with."""
    stop = position
    limit = min(end, position + _WORD_AHEAD)
    while stop < limit and (text[stop].isalpha() or unicodedata.category(text[stop]) in ("Mn", "Cf")):
        stop += 1
    return text[position:stop]


def _skip_space(text: str, position: int, end: int) -> int:
    limit = min(end, position + _WORD_AHEAD)
    while position < limit and text[position].isspace():
        position += 1
    return position
