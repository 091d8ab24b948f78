"""What happens to a person's English when the Arabic under it is split or merged.

A person's rendering (an edit, a picked alternative, an imported human translation) is never
dropped by a restructure: a split divides the English between the two pieces where the Arabic was
cut (at the punctuation mark nearest the same proportion of the text, else the nearest word
boundary), and a merge joins the two English texts (flagged :data:`PARTIAL` when one of the two
had none, so the English that covers only part of the sentence is found and completed). Machine output is not carried: the pieces are
translated again, which is cheaper to trust than a guessed cut. A block that is not Arabic (its
own text as a ``SOURCE`` rendering) keeps showing each piece's own text.
"""

from __future__ import annotations

from reader.model.nodes import Origin, Rendering, Segment, Status

_CLAUSE_ENDS = frozenset(".,;:!?…")
_PUNCTUATION_PULL = 0.15
"""How much nearer (as a share of the English) a cut after a punctuation mark counts: a comma
a few words away from the proportional point is a better cut than a bare word boundary on it."""

PARTIAL = "partial"
"""Flag of a person's English that covers only part of its sentence: merged with a sentence that
had no translation, it is kept (never dropped) and flagged, so F8 finds it to be completed."""

State = tuple[Status, Rendering | None]
PENDING: State = (Status.PENDING, None)


def is_persons(segment: Segment) -> bool:
    """True when a person wrote the rendering (edited or human), not the machine or the source."""
    r = segment.rendering
    return r is not None and r.origin in (Origin.EDITED, Origin.HUMAN)


def divide_english(english: str, share: float) -> tuple[str, str]:
    """*english* cut in two near *share* (0..1) of its length, at a word boundary; the left part
    is never empty, the right one may be (a one-word English stays whole on the left)."""
    english = english.strip()
    words_at = [i for i in range(1, len(english)) if english[i - 1] == " " and english[i] != " "]
    if not words_at:
        return english, ""
    length = len(english)

    def cost(cut: int) -> float:
        before = english[:cut].rstrip()
        pull = _PUNCTUATION_PULL if before and before[-1] in _CLAUSE_ENDS else 0.0
        return abs(cut / length - share) - pull

    cut = min(words_at, key=cost)
    return english[:cut].strip(), english[cut:].strip()


def split_states(segment: Segment, pieces: tuple[Segment, Segment]) -> tuple[State, State]:
    """The status and rendering each piece of a split *segment* starts with."""
    rendering = segment.rendering
    if rendering is not None and rendering.origin is Origin.SOURCE:
        left_piece, right_piece = pieces
        return (Status.DONE, Rendering(left_piece.text, Origin.SOURCE)), (
            Status.DONE,
            Rendering(right_piece.text, Origin.SOURCE),
        )
    if rendering is None or not is_persons(segment):
        return PENDING, PENDING
    left_text = pieces[0].text.strip()
    share = len(left_text) / max(1, len(left_text) + len(pieces[1].text.strip()))
    left, right = divide_english(rendering.text, share)
    return (
        (Status.DONE, Rendering(left, rendering.origin, rendering.model)),
        (Status.DONE, Rendering(right, rendering.origin, rendering.model)) if right else PENDING,
    )


def merged_state(first: Segment, second: Segment, text: str) -> State:
    """The status and rendering of the sentence *first* and *second* merge into (its *text*)."""
    if all(s.rendering is not None and s.rendering.origin is Origin.SOURCE for s in (first, second)):
        return Status.DONE, Rendering(text, Origin.SOURCE)
    if not (is_persons(first) or is_persons(second)):
        return PENDING
    persons = next(s.rendering for s in (first, second) if is_persons(s) and s.rendering is not None)
    english = " ".join(s.rendering.text for s in (first, second) if s.rendering is not None)
    partial = any(s.rendering is None for s in (first, second))
    return Status.DONE, Rendering(english, persons.origin, persons.model, flags=(PARTIAL,) if partial else ())
