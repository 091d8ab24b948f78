"""The split dialog: punctuation marks as one-click cut points, clicks snapped between words."""

from __future__ import annotations

from PySide6.QtCore import Qt

from reader.ui.fonts import register_fonts
from reader.ui.split_dialog import SplitDialog, word_gap, word_gaps

TEXT = "قال المتحدث إن المحادثات ستستمر، وأضاف أن الوفد سيعود؛ ثم غادر القاعة."
CANDIDATES = [TEXT.index("،") + 1, TEXT.index("؛") + 1]


def dialog(qtbot) -> SplitDialog:
    shown = SplitDialog(TEXT, CANDIDATES, register_fonts().arabic_font(100))
    qtbot.addWidget(shown)
    shown.show()
    return shown


def test_a_punctuation_mark_splits_in_one_click(qtbot) -> None:
    split = dialog(qtbot)
    assert len(split.marks) == 2
    assert split.marks[1].text().endswith("سيعود؛")
    qtbot.mouseClick(split.marks[1], Qt.MouseButton.LeftButton)
    assert split.result() == SplitDialog.DialogCode.Accepted
    assert split.chosen == CANDIDATES[1]


def test_a_click_inside_a_word_snaps_to_the_nearest_gap(qtbot) -> None:
    split = dialog(qtbot)
    inside = TEXT.index("المحادثات") + 3  # between two letters of a word
    split.set_aim(inside)
    assert split.aimed() == TEXT.index("المحادثات") - 1  # the gap before it (nearer than after)
    assert split.preview.text().startswith("قال المتحدث إن")
    split.split_button.click()
    assert split.chosen == TEXT.index("المحادثات") - 1


def test_word_gap_never_gives_an_empty_half() -> None:
    assert word_gap("كلمة واحدة", 0) == 4
    assert word_gap("كلمة واحدة", 10) == 4
    assert word_gap("كلمة", 2) == 2  # no gap: left as is (Split stays disabled)


def test_the_arrow_keys_walk_from_gap_to_gap(qtbot) -> None:
    split = dialog(qtbot)
    gaps = word_gaps(TEXT)
    split.set_aim(gaps[3])
    assert split.aimed() == gaps[3]
    split.editor.setFocus()
    cursor = split.editor.textCursor()
    cursor.setPosition(gaps[3] + 1)  # what one key press does: one character on
    split.editor.setTextCursor(cursor)
    assert split.aimed() == gaps[4]
    cursor.setPosition(gaps[4] - 1)
    split.editor.setTextCursor(cursor)
    assert split.aimed() == gaps[3]
