"""A line's pieces as painted (left to right) → the order they were typed, by the Unicode bidi rules.

A producer paints a right-to-left line after running the Unicode Bidirectional Algorithm (UAX #9)
on it: right-to-left runs reversed, numbers and Latin runs inside them left to right, mirrored
characters (brackets, guillemets) drawn as their mirror. Undoing that needs the algorithm's
weak, neutral and implicit rules (W1–W7, N1–N2, I1–I2) for one paragraph without explicit
embeddings, which is all a PDF line has once control characters are gone. The reordering rule
(L2) is its own inverse once the levels are known, and the levels come out the same when they are
resolved on the line with its base-direction run undone (for a right-to-left line: the painted
order reversed, Arabic then reads as typed and only numbers and Latin runs are backwards).

Written here rather than taken from PyPI: python-bidi is LGPL-3.0, and the subset needed (no
explicit embeddings or isolates, no paragraph splitting, no line breaking) is short.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

_STRONG_R = frozenset(("R", "AL"))
_NEUTRAL = frozenset(("B", "S", "WS", "ON", "BN"))
_PAIRS = "()[]{}<>«»‹›⁅⁆⁽⁾₍₎⌈⌉⌊⌋〈〉❨❩❪❫❬❭❮❯❰❱❲❳❴❵⟦⟧⟨⟩⟪⟫⦃⦄⦅⦆〈〉《》「」『』【】〔〕〖〗〘〙〚〛"
MIRROR = {a: b for x, y in zip(_PAIRS[::2], _PAIRS[1::2], strict=True) for a, b in ((x, y), (y, x))}
_OPENING = frozenset(_PAIRS[::2])
_LEFT_TO_RIGHT = frozenset(("L", "EN", "AN"))
_WEAK_EDGE = frozenset(("B", "S", "WS", "ON", "BN", "NSM", "CS", "ES", "ET"))


def bidi_class(text: str) -> str:
    """The bidi class of a piece (a letter with its marks, a ligature): its first non-mark's."""
    for ch in text:
        kind = unicodedata.bidirectional(ch)
        if kind != "NSM":
            return kind or "L"
    return "NSM"


def resolve_levels(kinds: Sequence[str], base: int) -> list[int]:
    """Embedding levels of a run of bidi classes in a paragraph of *base* level (0 or 1), no
    explicit embeddings: rules W1–W7, N1–N2 and I1–I2 of UAX #9."""
    sos = "R" if base % 2 else "L"
    types = list(kinds)
    previous = sos
    for k, kind in enumerate(types):  # W1: a mark takes its base's class
        if kind == "NSM":
            types[k] = previous
        previous = types[k]
    strong = sos
    for k, kind in enumerate(types):  # W2, W3
        if kind in ("L", "R", "AL"):
            strong = kind
        if kind == "EN" and strong == "AL":
            types[k] = "AN"
        if kind == "AL":
            types[k] = "R"
    for k in range(1, len(types) - 1):  # W4
        before, kind, after = types[k - 1], types[k], types[k + 1]
        if before == after == "EN" and kind in ("ES", "CS"):
            types[k] = "EN"
        elif before == after == "AN" and kind == "CS":
            types[k] = "AN"
    _european_terminators(types)  # W5
    for k, kind in enumerate(types):  # W6
        if kind in ("ES", "ET", "CS"):
            types[k] = "ON"
    strong = sos
    for k, kind in enumerate(types):  # W7
        if kind in ("L", "R"):
            strong = kind
        elif kind == "EN" and strong == "L":
            types[k] = "L"
    _neutrals(types, sos)  # N1, N2
    levels = []
    for kind in types:  # I1, I2
        if base % 2 == 0:
            levels.append(base + (1 if kind == "R" else 2 if kind in ("AN", "EN") else 0))
        else:
            levels.append(base + (1 if kind in ("L", "EN", "AN") else 0))
    return levels


def _european_terminators(types: list[str]) -> None:
    k = 0
    while k < len(types):
        if types[k] != "ET":
            k += 1
            continue
        end = k
        while end < len(types) and types[end] == "ET":
            end += 1
        if (k > 0 and types[k - 1] == "EN") or (end < len(types) and types[end] == "EN"):
            types[k:end] = ["EN"] * (end - k)
        k = end


def _neutrals(types: list[str], sos: str) -> None:
    embedding = sos
    k = 0
    while k < len(types):
        if types[k] not in _NEUTRAL:
            k += 1
            continue
        end = k
        while end < len(types) and types[end] in _NEUTRAL:
            end += 1
        before = _direction(types[k - 1]) if k > 0 else sos
        after = _direction(types[end]) if end < len(types) else sos
        types[k:end] = [before if before == after else embedding] * (end - k)
        k = end


def _direction(kind: str) -> str:
    return "R" if kind in ("R", "AN", "EN") else "L"


def logical_order(painted: Sequence[str], rtl: bool) -> str:
    """The typed text of a line whose pieces are given left to right as painted; *rtl* is the
    line's base direction. Mirrored characters at right-to-left levels are turned back, unless
    that would leave the line's brackets less well paired than they are (a producer that mapped
    the mirrored glyph back to the typed character already)."""
    base = 1 if rtl else 0
    kinds = [bidi_class(p) for p in painted]
    if rtl and not _LEFT_TO_RIGHT.intersection(kinds):  # all of it right to left (level 1)
        pieces = list(reversed(painted))
        if not any(ch in MIRROR for p in pieces for ch in p):
            return "".join(pieces)
        mirrored = [_mirror(p) for p in pieces]
        return "".join(mirrored if _unpaired(mirrored) <= _unpaired(pieces) else pieces)
    pieces = _unpainted(list(painted), kinds, base)
    if rtl:
        whole = _whole_runs(list(reversed(painted)), list(reversed(kinds)))
        if whole != pieces and _paints_as(whole, painted, base):
            pieces = whole
    levels = resolve_levels([bidi_class(p) for p in pieces], base)
    mirrored = [_mirror(p) if n % 2 else p for p, n in zip(pieces, levels, strict=True)]
    if _unpaired(mirrored) <= _unpaired(pieces):
        pieces = mirrored
    return "".join(pieces)


def _unpainted(painted: list[str], kinds: list[str], base: int) -> list[str]:
    """L2 undone with the levels resolved on the line with its base run undone."""
    pieces = list(reversed(painted)) if base else painted
    levels = resolve_levels(list(reversed(kinds)) if base else kinds, base)
    for level in range(base + 1, max(levels, default=base) + 1):
        _reverse_runs(pieces, levels, level)
    return pieces


def _whole_runs(pieces: list[str], kinds: list[str]) -> list[str]:
    """The other reading of a right-to-left line: everything between two right-to-left letters
    that is not neutral at its ends is one left-to-right run («Boeing 747», not «747 Boeing»)."""
    out = list(pieces)
    k = 0
    while k < len(kinds):
        if kinds[k] in _STRONG_R:
            k += 1
            continue
        end = k
        while end < len(kinds) and kinds[end] not in _STRONG_R:
            end += 1
        first, last = k, end - 1
        while first <= last and kinds[first] in _WEAK_EDGE:
            first += 1
        while last >= first and kinds[last] in _WEAK_EDGE:
            last -= 1
        out[first : last + 1] = out[first : last + 1][::-1]
        k = end
    return out


def _paints_as(logical: list[str], painted: Sequence[str], base: int) -> bool:
    """True when *logical*, laid out by the bidi rules, gives *painted* back."""
    pieces = list(logical)
    levels = resolve_levels([bidi_class(p) for p in pieces], base)
    for level in range(max(levels, default=base), 0, -1):
        _reverse_runs(pieces, levels, level)
    return pieces == list(painted)


def _reverse_runs(pieces: list[str], levels: list[int], level: int) -> None:
    k = 0
    while k < len(levels):
        if levels[k] < level:
            k += 1
            continue
        end = k
        while end < len(levels) and levels[end] >= level:
            end += 1
        pieces[k:end] = pieces[k:end][::-1]
        levels[k:end] = levels[k:end][::-1]
        k = end


def _mirror(piece: str) -> str:
    return "".join(MIRROR.get(ch, ch) for ch in piece) if any(ch in MIRROR for ch in piece) else piece


def _unpaired(pieces: Sequence[str]) -> int:
    """How many closing brackets come before any opening one (guillemets included)."""
    depth = bad = 0
    for piece in pieces:
        for ch in piece:
            if ch in _OPENING:
                depth += 1
            elif ch in MIRROR:
                if depth:
                    depth -= 1
                else:
                    bad += 1
    return bad + depth


def balance_brackets(text: str) -> str:
    """A paragraph whose brackets of one kind pair up once one of them is turned round, turned
    round: LibreOffice and WeasyPrint map a line-final closing bracket to the typed character
    and the rest to the drawn one («[وكان جائعاً جداً[.»). Left alone unless the result pairs
    every bracket of that kind, so a list number «1)» and a quotation that goes on are kept."""
    for opening, closing in _BALANCED:
        if opening not in text and closing not in text:
            continue
        flipped = _greedy_pairing(text, opening, closing)
        if flipped is not None:
            text = flipped
    return text


_LIST_MARK = re.compile(r"(?:^|\s)[0-9٠-٩A-Za-z\u0621-\u064a]{1,3}[)\]]$")
_BALANCED = (("[", "]"), ("«", "»"), ("(", ")"), ("{", "}"))


def _greedy_pairing(text: str, opening: str, closing: str) -> str | None:
    chars = list(text)
    stack: list[int] = []
    changed = False
    for k, ch in enumerate(chars):
        if ch == opening:
            stack.append(k)
        elif ch == closing:
            if stack:
                stack.pop()
            elif _LIST_MARK.search(text, 0, k + 1):
                return None  # «1) …», «أ) …»: a list number, not a bracket to pair
            else:
                chars[k] = opening
                stack.append(k)
                changed = True
    while len(stack) >= 2:
        chars[stack.pop()] = closing
        stack.pop()
        changed = True
    if stack or not changed:
        return None
    return "".join(chars)
