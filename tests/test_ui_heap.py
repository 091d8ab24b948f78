"""The window moves a book's nodes out of the cycle collector's sight once it is open."""

from __future__ import annotations

import gc

from tests.helpers.window import open_and_wait


def test_opening_a_document_freezes_what_is_alive(qtbot, make_window, seed_path) -> None:
    gc.unfreeze()
    assert gc.get_freeze_count() == 0
    window = make_window()
    open_and_wait(qtbot, window, seed_path)
    assert gc.get_freeze_count() > 0
    gc.unfreeze()  # leave the collector as other tests expect it
