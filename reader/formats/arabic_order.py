"""Arabic as PDFs store it → Arabic as people type it: presentation forms folded, visual order undone.

Many PDF producers write Arabic as presentation forms (U+FB50–U+FDFF, U+FE70–U+FEFC: one code
point per letter shape, the lam-alef ligatures) and some store each line in visual order, left to
right as painted, so extractors give reversed, unjoinable words. Folding applies NFKC to those
code points only (nothing else in the text changes). Visual order is detected from evidence a
reversed word cannot hide: in logical order a word starts with an initial or isolated form and
ends with a final one, ``ال`` opens words and ``ة``/``ى`` close them; reversed, it is the other
way round.
"""

from __future__ import annotations

import re
import unicodedata

_PRESENTATION = re.compile("[\ufb50-\ufdff\ufe70-\ufefc]")
_ARABIC_WORD = re.compile("[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufefc]{2,}")
_LTR_RUN = re.compile(
    r"[0-9A-Za-z\u00c0-\u024f\u0660-\u0669\u06f0-\u06f9](?:[0-9A-Za-z\u00c0-\u024f\u0660-\u0669\u06f0-\u06f9.,:/%+\- ]*[0-9A-Za-z\u00c0-\u024f\u0660-\u0669\u06f0-\u06f9%])?"
)
_MIRROR = str.maketrans("()[]{}<>«»", ")(][}{><»«")
_ONLY_FINAL = "ةى"
# Common words that end in لا as typed (adverbs in -ًا, إلا…): no evidence of reversal.
_ENDS_IN_LA = frozenset(
    [
        "إلا",
        "الا",
        "ألا",
        "مثلا",
        "أولا",
        "اولا",
        "كلا",
        "فعلا",
        "أصلا",
        "اصلا",
        "قليلا",
        "طويلا",
        "بدلا",
        "عملا",
        "فضلا",
        "جميلا",
        "ليلا",
        "سهلا",
        "حلا",
        "طفلا",
        "رجلا",
        "كاملا",
        "شاملا",
        "عاجلا",
        "مقبلا",
    ]
)


def _form(ch: str) -> str:
    decomposition = unicodedata.decomposition(ch)
    return decomposition[1:].split(">")[0] if decomposition.startswith("<") else ""


def fold_presentation_forms(text: str) -> str:
    """Presentation forms as base letters (NFKC on those code points only); U+FEFF dropped."""
    text = text.replace("\ufeff", "")
    if _PRESENTATION.search(text) is None:
        return text
    return _PRESENTATION.sub(lambda m: unicodedata.normalize("NFKC", m.group()), text)


def visual_order_score(line: str) -> tuple[int, int]:
    """``(visual, logical)``: how many words of *line* read as reversed, and how many as typed."""
    visual = logical = 0
    for word in _ARABIC_WORD.findall(line):
        first, last = _form(word[0]), _form(word[-1])
        if first == "final" or last == "initial":
            visual += 1
        if first == "initial" or last == "final":
            logical += 1
        base = fold_presentation_forms(word)
        if base.startswith("ال") or base[-1] in _ONLY_FINAL:
            logical += 1
        if (base.endswith("لا") and len(base) > 2 and base not in _ENDS_IN_LA) or base[0] in _ONLY_FINAL:
            visual += 1
    return visual, logical


def is_visual_order(line: str) -> bool:
    """True when the Arabic of *line* reads reversed (stored as painted, left to right): some
    word says so and clearly more words say so than say the opposite. A line without evidence
    is left as it is."""
    visual, logical = visual_order_score(line)
    return visual > 0 and visual > 2 * logical


def to_logical(line: str) -> str:
    """One visually stored line in logical order: reversed, with its left-to-right runs (numbers,
    Latin words) turned back and its brackets mirrored."""
    reversed_line = line[::-1].translate(_MIRROR)
    return _LTR_RUN.sub(lambda m: m.group()[::-1], reversed_line)
