"""A realistic English translation of the seed article, one sentence per Arabic sentence.

Written by hand (not by the model) so that export tests compare real sentences: names, numbers,
a date, brackets and quotes, the lengths of real news English. ``translated_seed()`` loads the
seed and gives every sentence its English, as a cached translation would.
"""

from __future__ import annotations

from pathlib import Path

from reader.model import Document, SegmentResult
from tests.helpers.loading import load_document

SEED = Path(__file__).resolve().parents[2] / "seeds" / "news_us_russia_talks_switzerland.ar.txt"

SEED_ENGLISH = (
    "Three informed sources said that American and Russian participants met in Switzerland for informal "
    "discussions about the war in Ukraine in recent months, including last week.",
    "The sources described the talks as a back channel, with some contacts during the transition that "
    "followed President Donald Trump's election victory on 5 November.",
    "Two of the sources said the participants have diplomatic and security experience but are not "
    "government officials; it was not immediately clear whether their governments had sent any officials, "
    "and the sources declined to identify those present.",
    "One of the sources, who had direct knowledge of the matter, said that at least a small number of "
    "Trump's advisers are aware of the meetings.",
    "Many other details remain unclear, including the agendas of the meetings, whether Ukrainians were "
    "present and when the meetings began.",
    "But the previously unreported meetings highlight American and Russian efforts behind the scenes to "
    "explore ways of ending the war in Ukraine, despite the near-total freeze of official contacts under "
    "Trump's predecessor, former President Joe Biden.",
    "Trump, who took office only a month ago, has sharply changed the American approach to the 3-year-old "
    "Ukrainian conflict, dealing directly with Russian President Vladimir Putin and pushing for a quick "
    "deal to end the war.",
    "Senior American officials met Russian officials in Saudi Arabia last Tuesday, including Russian "
    "Foreign Minister Sergei Lavrov.",
    'One of the sources described the Swiss talks as "Track Two" discussions (diplomatic language for '
    "informal dialogue) aimed at improving communication and floating ideas, rather than developing "
    "concrete proposals.",
    "The White House National Security Council, the Ukrainian government and the Russian Foreign Ministry "
    "did not respond to requests for comment.",
    "Two sources said at least one meeting took place in Geneva during the Munich Security Conference last "
    "week, a gathering of international political leaders and security officials in the German city.",
    "Reuters reported last year on separate Track Two talks in 2023 and early 2024, when Putin signalled "
    "that he was ready to consider a ceasefire in Ukraine; those talks appeared to produce nothing.",
    "Historically, Track Two talks have helped build dialogue between mistrustful opposing parties, in the "
    "hope that better communication leads to diplomatic breakthroughs.",
    "In 2023, NBC News reported that former U.S. national security officials held secret talks with "
    "Russians believed to be close to the Kremlin, with some members eventually meeting Foreign Minister "
    "Lavrov.",
    "One of the sources said Track Two talks may have lost much of their importance, as American and "
    "Russian officials have set up formal channels for dialogue in recent weeks.",
)


def translated_seed() -> Document:
    """The seed article with :data:`SEED_ENGLISH` as every sentence's (machine) translation."""
    return _translated(load_document(SEED), list(SEED_ENGLISH), "the seed")


def _translated(document: Document, english: list[str], what: str) -> Document:
    """*document* with *english* as its sentences' machine translations, one for one."""
    segments = document.segments
    if len(segments) != len(english):
        raise AssertionError(f"{what} has {len(segments)} sentences, expected {len(english)}")
    document.apply_results(
        SegmentResult(s.id, s.revision, text) for s, text in zip(segments, english, strict=True)
    )
    return document


# A title and two chapter headings put into the seed, with their English (for titles and outlines).
CHAPTERED_HEADINGS = {
    0: ("محادثات سرية في سويسرا", "Secret talks in Switzerland"),
    1: ("قناة جانبية", "A back channel"),
    8: ("المسار الثاني", "Track Two"),
}


def chaptered_seed(name: str = "talks.ar.txt") -> Document:
    """The seed with a title (before sentence 1), chapters before sentences 2 and 9, all translated."""
    from reader.formats.plain_text import build_text_document

    sentences = [line for line in SEED.read_text(encoding="utf-8").splitlines() if line.strip()]
    paragraphs: list[str] = []
    english: list[str] = []
    for index, sentence in enumerate(sentences):
        if index in CHAPTERED_HEADINGS:
            arabic_heading, english_heading = CHAPTERED_HEADINGS[index]
            paragraphs.append(arabic_heading)
            english.append(english_heading)
        paragraphs.append(sentence)
        english.append(SEED_ENGLISH[index])
    return _translated(build_text_document("\n\n".join(paragraphs), name), english, "the chaptered seed")
