"""A human English translation of the seed that does not follow its sentences one for one.

Sentences 4 and 5 of the Arabic (indexes 3 and 4) are one English sentence; Arabic sentence 3
(index 2) is two English sentences. A published translation does both.
"""

from __future__ import annotations

from pathlib import Path

from tests.helpers.seed_english import SEED_ENGLISH

HUMAN_ENGLISH: tuple[str, ...] = (
    SEED_ENGLISH[0],
    SEED_ENGLISH[1],
    "Two of the sources said the participants have diplomatic and security experience but are not "
    "government officials.",
    "It was not immediately clear whether their governments had sent any officials, and the sources "
    "declined to identify those present.",
    "One of the sources, who had direct knowledge of the matter, said at least a small number of Trump's "
    "advisers know of the meetings, though many other details remain unclear, including the agendas, "
    "whether Ukrainians attended and when the meetings began.",
    *SEED_ENGLISH[5:],
)

# (Arabic sentence indexes, English sentence indexes) of every link, in reading order.
HUMAN_LINKS: tuple[tuple[tuple[int, ...], tuple[int, ...]], ...] = (
    ((0,), (0,)),
    ((1,), (1,)),
    ((2,), (2, 3)),
    ((3, 4), (4,)),
    *(((k,), (k,)) for k in range(5, 15)),
)


def write_human_english(folder: Path) -> Path:
    """The human translation as a text file: the seed's paragraphs are one sentence each."""
    path = folder / "talks.en.txt"
    paragraphs = [
        HUMAN_ENGLISH[0],
        HUMAN_ENGLISH[1],
        f"{HUMAN_ENGLISH[2]} {HUMAN_ENGLISH[3]}",
        *HUMAN_ENGLISH[4:],
    ]
    path.write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
    return path
