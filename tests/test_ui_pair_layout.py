"""Laying out pairs: URLs stay whole, baselines level, estimates in the right range, caching."""

from __future__ import annotations

import numpy as np
import pytest

from reader.model.text_builder import build_text_document
from reader.ui.fonts import register_fonts
from reader.ui.pair_layout import PairLayouts, keep_urls_whole, lay_out


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
