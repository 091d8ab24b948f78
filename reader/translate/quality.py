"""Warning flags from the engine's own output: the known ways an opus-mt translation goes wrong.

Opus-MT's typical failures (Opus-MT #49, #89; Argos #496; OPUS-CAT #93) are loops, untranslated
output and sentences cut off at the length limit. Each check here is cheap, needs no second
model, and gives a flag name the window turns into a tooltip (:data:`REASONS`):

- ``repetition``: the same run of words occurs three times or more in a row ("the the the",
  "and the war and the war and the war");
- ``untranslated``: the output equals the source, or still holds Arabic letters;
- ``length``: English characters per Arabic character outside :data:`LENGTH_BAND`;
- ``cut``: the engine stopped at the output cap rather than at ``</s>`` (reported by both
  engines as a flag on every result, and kept in the translation cache);
- ``low_score``: mean log-probability per token below :data:`LOW_SCORE` (both engines report
  the score on every result; see :mod:`reader.translate.token_scores` for transformers).

Calibration: :data:`LENGTH_BAND` and :data:`LOW_SCORE` are provisional. No Arabic–English
parallel text or real opus-mt weights are available on the build machine (tests use a random
tiny model), so they are set from the usual figure that English runs about 1.0–1.5 characters
per Arabic character, widened to 0.45–3.0 so only gross mismatches are flagged, and from
Marian's usual per-token log-probabilities (above −1 for fluent output). No permissively
licensed Arabic–English sample is installed here either (sacrebleu, datasets and nltk fetch
their corpora at run time), so both stay uncalibrated until real text and weights are at hand.
Sentences shorter than :data:`MIN_CHARS_FOR_RATIO` are exempt from the length check (a name, a
number).
"""

from __future__ import annotations

import re

from reader.model.carried_english import PARTIAL  # a person's flag, explained beside the machine's

LENGTH_BAND = (0.45, 3.0)
MIN_CHARS_FOR_RATIO = 12
LOW_SCORE = -1.5
REPEATS = 3
_ARABIC = re.compile("[\u0621-\u064a\u0671-\u06d3\ufb50-\ufdff\ufe70-\ufefc]")
_WORD = re.compile(r"\w+|[^\w\s]")

REPETITION, UNTRANSLATED, LENGTH, CUT, LOW = "repetition", "untranslated", "length", "cut", "low_score"
FLAGS = (REPETITION, UNTRANSLATED, LENGTH, CUT, LOW)
REASONS = {
    REPETITION: "the translation repeats itself (a loop)",
    UNTRANSLATED: "the translation is the source, or still has Arabic in it",
    LENGTH: "the translation is much shorter or longer than the sentence",
    CUT: "the translation was cut at the length limit",
    LOW: "the model was unsure of this translation (low score)",
    PARTIAL: "this English covers only part of the sentence (merged with one that had none)",
}


def assess(
    source: str, output: str, *, score: float | None = None, engine_flags: tuple[str, ...] = ()
) -> tuple[str, ...]:
    """The flags for one translation, in :data:`FLAGS` order."""
    found = set(f for f in engine_flags if f in FLAGS)
    if repeats(output):
        found.add(REPETITION)
    if output.strip() == source.strip() or _ARABIC.search(output):
        found.add(UNTRANSLATED)
    arabic = len(source.strip())
    if arabic >= MIN_CHARS_FOR_RATIO:
        ratio = len(output.strip()) / arabic
        if not LENGTH_BAND[0] <= ratio <= LENGTH_BAND[1]:
            found.add(LENGTH)
    if score is not None and score < LOW_SCORE:
        found.add(LOW)
    return tuple(f for f in FLAGS if f in found)


def repeats(text: str, times: int = REPEATS) -> bool:
    """True when some run of 1–6 words occurs *times* times back to back."""
    words = [w.lower() for w in _WORD.findall(text)]
    for size in range(1, 7):
        span = size * times
        for start in range(len(words) - span + 1):
            run = words[start : start + size]
            if all(words[start + k * size : start + (k + 1) * size] == run for k in range(1, times)):
                if size == 1 and not run[0].isalnum():
                    continue  # "..." or "!!!" is punctuation, not a loop
                return True
    return False


def reasons(flags: tuple[str, ...]) -> list[str]:
    """The tooltip lines for a sentence's flags."""
    return [REASONS[f] for f in flags if f in REASONS]
