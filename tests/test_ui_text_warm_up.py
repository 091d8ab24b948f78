"""The reading fonts are exercised once per font set, before a book's first paint needs them."""

from __future__ import annotations

from reader.ui.fonts import register_fonts
from reader.ui.pair_layout import PairLayouts
from reader.ui.text_warm_up import warm_up


def test_each_font_set_is_warmed_once(qtbot) -> None:
    layouts = PairLayouts(register_fonts())
    layouts.set_zoom(137)  # a zoom no other test uses, so this font set is new here
    assert warm_up(layouts)
    assert not warm_up(layouts)
    layouts.set_zoom(139)
    assert warm_up(layouts)


def test_the_fonts_are_warmed_one_per_event_loop_turn(qtbot) -> None:
    layouts = PairLayouts(register_fonts())
    layouts.set_zoom(141)
    done: list[bool] = []
    assert warm_up(layouts, on_done=lambda: done.append(True))
    assert done == []  # only the first font in this turn: the rest come in turns of their own
    qtbot.waitUntil(lambda: done == [True], timeout=5_000)


def test_a_pasted_book_is_structured_off_the_gui_thread(qtbot, make_window) -> None:
    window = make_window()
    text = "\n\n".join(f"هذه الجملة رقم {n}. وهذه جملة أخرى رقم {n}." for n in range(3000))
    with qtbot.waitSignal(window.document_opened, timeout=10_000):
        assert window.open_text(text)
        assert window.document is None  # returned at once; the worker is still building it
    assert window.document is not None
    assert len(window.document) == 6000


def test_after_a_zoom_the_next_levels_in_and_out_are_warmed_when_idle(qtbot) -> None:
    """The first zoom to a size drew every glyph at it inside that zoom's turn."""
    from reader.ui.pair_view import PairView

    view = PairView(register_fonts(), visible_delay_ms=1)
    qtbot.addWidget(view)
    view.set_zoom(173)  # zooms no other test uses: 163 and 183 are new font sets here
    assert view._neighbours_timer.isActive()  # not in the zoom's own turn
    qtbot.waitUntil(lambda: not view._neighbours_timer.isActive(), timeout=5_000)
    for zoom in (163, 183):
        other = PairLayouts(register_fonts())
        other.set_zoom(zoom)
        assert not warm_up(other)  # already done
