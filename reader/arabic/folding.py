"""Arabic-aware text folding with an offset map back to the original, for find and display.

The same Arabic word is written with or without vowel marks, with or without tatweel, with
أ or ا, ى or ي. A reader searching for it should find every spelling, and a highlight must land
on the characters as written. So folding here is *per character*: each original character becomes
zero, one or more folded characters, which is what lets :func:`fold_with_offsets` say exactly
which original characters any folded span came from.

The folds (:class:`Folds`; all on by default, because a reader typing a word rarely types its
vowels or its hamza seat, and a missed hit costs more than an extra one):

* ``diacritics`` — harakat, tanween, shadda, sukun, superscript alef and Quranic marks are dropped;
* ``tatweel`` — the elongation stroke ـ is dropped;
* ``alef`` — أ إ آ ٱ → ا;
* ``yeh`` — ى (alef maqsura) → ي;
* ``teh_marbuta`` — ة → ه;
* ``hamza`` — ؤ ئ → ء.

Everything else (English, digits, Latin inside Arabic) is folded case- and accent-insensitively:
NFKD, combining marks dropped, ``casefold``. Arabic presentation forms (PDF text) are unfolded to
their letters first. Qt-free: find, the CLI and the PDF export share it.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache

DIACRITICS = frozenset(
    chr(c)
    for c in (
        *range(0x0610, 0x061B),  # Quranic honorifics and small marks
        *range(0x064B, 0x0660),  # tanween, harakat, shadda, sukun, maddah, hamza above/below
        0x0670,  # superscript (dagger) alef
        *range(0x06D6, 0x06DD),  # Quranic annotation marks
        *range(0x06DF, 0x06E5),
        0x06E7,
        0x06E8,
        *range(0x06EA, 0x06EE),
        *range(0x08D3, 0x08E2),
        *range(0x08E3, 0x0900),
    )
)
TATWEEL = "\u0640"
ALEF_FOLDS = {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا"}
YEH_FOLDS = {"ى": "ي"}
TEH_MARBUTA_FOLDS = {"ة": "ه"}
HAMZA_FOLDS = {"ؤ": "ء", "ئ": "ء"}


@dataclass(frozen=True)
class Folds:
    """Which Arabic spellings count as the same; see the module docstring for each fold."""

    diacritics: bool = True
    tatweel: bool = True
    alef: bool = True
    yeh: bool = True
    teh_marbuta: bool = True
    hamza: bool = True
    latin: bool = True  # case- and accent-insensitive outside Arabic


DISPLAY = Folds(
    diacritics=True, tatweel=False, alef=False, yeh=False, teh_marbuta=False, hamza=False, latin=False
)
"""What "Show diacritics" off hides: the marks only, every letter as written."""

_ARABIC_BLOCKS = ((0x0600, 0x08FF),)
_PRESENTATION_FORMS = ((0xFB50, 0xFDFF), (0xFE70, 0xFEFF))


def _within(code: int, ranges: tuple[tuple[int, int], ...]) -> bool:
    return any(low <= code <= high for low, high in ranges)


def fold_char(ch: str, folds: Folds) -> str:
    """What one character becomes: "" (dropped), itself, its folded letter, or (rarely) several."""
    if ch in DIACRITICS:
        return "" if folds.diacritics else ch
    if ch == TATWEEL:
        return "" if folds.tatweel else ch
    for enabled, table in (
        (folds.alef, ALEF_FOLDS),
        (folds.yeh, YEH_FOLDS),
        (folds.teh_marbuta, TEH_MARBUTA_FOLDS),
        (folds.hamza, HAMZA_FOLDS),
    ):
        if enabled and ch in table:
            return table[ch]
    code = ord(ch)
    if _within(code, _ARABIC_BLOCKS):
        return ch
    if _within(code, _PRESENTATION_FORMS):
        letters = unicodedata.normalize("NFKC", ch)
        return ch if letters == ch else "".join(fold_char(c, folds) for c in letters)
    if not folds.latin:
        return ch
    if ch.isascii():
        return ch.lower()
    bare = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
    return bare.casefold()


class _Table(dict[int, str]):
    """A ``str.translate`` table that fills itself: each character is folded once per process."""

    def __init__(self, folds: Folds) -> None:
        super().__init__()
        self.folds = folds

    def __missing__(self, code: int) -> str:
        folded = fold_char(chr(code), self.folds)
        self[code] = folded
        return folded


@dataclass(frozen=True)
class Folded:
    """A folded text and, for each of its characters, the index of the original it came from."""

    text: str
    origins: tuple[int, ...]
    original_length: int

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """The original characters a folded span ``[start, end)`` came from.

        The end reaches over the marks dropped after the span's last letter (they sit on it), so
        a highlight covers the word as written, vowels included.
        """
        count = len(self.text)
        start, end = min(max(start, 0), count), min(max(end, 0), count)
        first = self.origins[start] if start < count else self.original_length
        if end <= start:
            return first, first
        if end == count:
            return first, self.original_length
        last = self.origins[end - 1]
        following = self.origins[end]
        return first, following if following > last else last + 1

    def folded_index(self, original: int) -> int:
        """Where original index *original* lands in the folded text (dropped marks join the next)."""
        low, high = 0, len(self.origins)
        while low < high:
            middle = (low + high) // 2
            if self.origins[middle] < original:
                low = middle + 1
            else:
                high = middle
        return low


class Folder:
    """Folds text under one set of :class:`Folds`; :meth:`fold` runs at C speed (``str.translate``)."""

    def __init__(self, folds: Folds | None = None) -> None:
        self.folds = folds or Folds()
        self._table = _Table(self.folds)

    def fold(self, text: str) -> str:
        return text.translate(self._table)

    def fold_with_offsets(self, text: str) -> Folded:
        """The folded text with its offset map (a Python loop: use it per sentence, not per book)."""
        table = self._table
        pieces: list[str] = []
        origins: list[int] = []
        for index, ch in enumerate(text):
            folded = table[ord(ch)]
            if folded:
                pieces.append(folded)
                origins.extend([index] * len(folded))
        return Folded("".join(pieces), tuple(origins), len(text))


@lru_cache(maxsize=16)
def folder(folds: Folds = Folds()) -> Folder:  # noqa: B008 - Folds is frozen
    """A shared folder per set of folds (its table fills once per process)."""
    return Folder(folds)


def strip_diacritics(text: str) -> str:
    """*text* as shown with "Show diacritics" off: vowel marks gone, letters as written."""
    return folder(DISPLAY).fold(text)
