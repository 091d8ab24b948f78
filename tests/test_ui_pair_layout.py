"""Laying out pairs: words never cut, URLs stay whole, baselines level, estimates in the right
range, caching."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PySide6.QtGui import QFontMetricsF

from reader.formats.plain_text import build_text_document
from reader.ui.fonts import ReadingFonts, register_fonts
from reader.ui.pair_layout import PairLayouts, cuts_a_word, keep_urls_whole, lay_out, token_start

SEED = Path(__file__).parent.parent / "seeds" / "news_us_russia_talks_switzerland.ar.txt"
MIXED = [
    "قال المتحدث باسم مجلس الأمن القومي للأمن والسلام إن الاجتماع في Geneva سيعقد يوم 12 نوفمبر/تشرين الثاني.",
    "نشرت وكالة Reuters التقرير الكامل على https://www.reuters.com/world/europe/us-russia-talks-switzerland-2024-11-12 صباح اليوم.",
    "The talks (المحادثات الثنائية) resumed in well-known venues near Lake Geneva, officials said.",
    "أكد «المسؤولون» أنّ المفاوضاتِ الجاريةَ بين الطرفين ستستمرُّ حتى التوصّلِ إلى اتفاقٍ شاملٍ ودائمٍ.",
]


def lines_of(layout) -> list[str]:
    text = layout.text()
    return [
        text[line.textStart() : line.textStart() + line.textLength()]
        for line in (layout.lineAt(i) for i in range(layout.lineCount()))
    ]


def test_a_url_is_not_broken_after_its_scheme(qapp) -> None:
    fonts = register_fonts()
    url = "https://www.example.com/news/2024/11/talks-geneva"
    text = "Read the whole report of the talks here: " + url + " for details."
    layout, _ = lay_out(keep_urls_whole(text), fonts.english_font(100), 520, False)
    shown = lines_of(layout)
    assert len(shown) > 1
    joined = [line.replace("\u2060", "") for line in shown]
    assert any(url in line for line in joined), joined  # it fits a line: it is not cut
    assert not any(line.rstrip().endswith(("https:", "https://", "www.")) for line in joined)
    plain, _ = lay_out(text, fonts.english_font(100), 520, False)
    assert not any(url in line for line in lines_of(plain))  # without the joiners Qt breaks inside it
    assert keep_urls_whole(text).replace("\u2060", "") == text


def test_text_without_urls_is_unchanged() -> None:
    assert keep_urls_whole("نص عادي / بلا روابط - هنا.") == "نص عادي / بلا روابط - هنا."


def test_the_first_baselines_of_a_pair_are_level(qapp) -> None:
    layouts = PairLayouts(register_fonts())
    document = build_text_document("جملة عربية قصيرة.\nجملة ثانية أطول قليلًا من الأولى بكلمات.")
    for segment in document.iter_segments():
        pair = layouts.pair(segment, "not translated yet")
        arabic = pair.arabic_shift + pair.arabic.lineAt(0).ascent()
        english = pair.english_shift + pair.english.lineAt(0).ascent()
        assert arabic == pytest.approx(english, abs=0.01)


def test_estimates_grow_with_text_and_shrink_with_width(qapp) -> None:
    layouts = PairLayouts(register_fonts())
    chars = np.array([10, 200, 2000])
    starts = np.array([True, False, False])
    wide = layouts.estimate(chars, chars, starts)
    assert list(wide) == sorted(wide)
    layouts.width = 400
    narrow = layouts.estimate(chars, chars, starts)
    assert narrow[2] > wide[2]


def test_a_side_is_laid_out_once_per_text_font_and_width(qapp) -> None:
    layouts = PairLayouts(register_fonts())
    segment = build_text_document("جملة للتجربة.").segment_at(0)
    first = layouts.pair(segment, "pending")
    again = layouts.pair(segment, "pending")
    assert again.arabic is first.arabic
    assert again.english is first.english
    changed = layouts.pair(segment, "translating…")
    assert changed.arabic is first.arabic  # the English changed; the Arabic beside it did not
    layouts.width = 500
    assert layouts.pair(segment, "pending").arabic is not first.arabic


def word_cuts(text: str, font, width: int) -> list[str]:
    """Lines that end inside a token which would fit a line of its own (with a 3 % allowance:
    Qt keeps a token within a hair of the width for a line to itself and breaks it)."""
    layout, _ = lay_out(keep_urls_whole(text), font, width, True)
    shown, metrics = layout.text(), QFontMetricsF(font)
    found = []
    for k in range(1, layout.lineCount()):
        end = layout.lineAt(k).textStart()
        if cuts_a_word(shown, end):
            start, stop = token_start(shown, end), end
            while stop < len(shown) and not shown[stop].isspace():
                stop += 1
            if metrics.horizontalAdvance(shown[start:stop]) < width * 0.97:
                found.append(f"{width}px: {shown[start:end]}|{shown[end:stop]}")
    return found


@pytest.mark.parametrize("family", ["Amiri", "Noto Naskh Arabic"])
def test_no_word_is_cut_at_any_width(qapp, family) -> None:
    """«ل|لأمن» was cut in Amiri at 80 % in a 155 px pane; only a token wider than the line
    (a long URL in a narrow pane) may break."""
    english = register_fonts().english
    texts = [*SEED.read_text(encoding="utf-8").split("\n")[:12], *MIXED]
    texts = [t for t in texts if t.strip()]
    cuts = []
    for zoom in (80, 100, 150):
        font = ReadingFonts(family, english).arabic_font(zoom)
        for width in range(140, 720, 9):
            for text in texts:
                cuts += word_cuts(text, font, width)
    assert not cuts, cuts[:10]


def test_a_url_wider_than_the_line_still_breaks(qapp) -> None:
    fonts = register_fonts()
    font = fonts.arabic_font(100)
    layout, _ = lay_out(keep_urls_whole(MIXED[1]), font, 160, True)
    assert all(layout.lineAt(k).naturalTextWidth() <= 161 for k in range(layout.lineCount()))


def test_a_cut_is_inside_a_token_not_after_a_slash_or_a_dash() -> None:
    assert cuts_a_word("للأمن", 1)
    assert not cuts_a_word("نوفمبر/تشرين", 7)
    assert not cuts_a_word("well-known", 5)
    assert not cuts_a_word("two words", 4)
    assert token_start("في للأمن", 4) == 3
