"""While a file opens into an empty window, the view says so instead of the open-a-file hint."""

from __future__ import annotations

from tests.helpers.window import open_and_wait


def test_an_empty_view_says_what_is_opening_then_shows_the_document(qtbot, make_window, seed_path) -> None:
    window = make_window()
    said: list[str] = []
    window.opener.started.connect(lambda _name: said.append(window.view.opening))
    open_and_wait(qtbot, window, seed_path)
    assert said == [f"Opening {seed_path.name}…"]
    assert window.view.opening == ""
    assert window.view.row_count() == len(window.document)


def test_a_failed_open_leaves_the_hint_again(qtbot, make_window, tmp_path) -> None:
    window = make_window()
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    with qtbot.waitSignal(window.opener.failed):
        window.open_path(bad)
    assert window.view.opening == ""


def test_file_stop_opening_frees_the_window_and_says_nothing_more(qtbot, make_window, seed_path) -> None:
    window = make_window()
    stop = window.actions_["stop_opening"]
    assert not stop.isEnabled()
    with qtbot.waitSignal(window.opener.cancelled):
        window.open_path(seed_path)
        assert stop.isEnabled()
        stop.trigger()
    assert not stop.isEnabled()
    assert window.view.opening == ""
    assert window.document is None
