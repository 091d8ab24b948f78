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


def test_bulk_allocation_pauses_the_collector_and_freezes_its_result() -> None:
    from reader.ui import heap

    gc.unfreeze()
    assert gc.isenabled()
    with heap.bulk_allocation():
        assert not gc.isenabled()
        made = [[n] for n in range(1000)]
    assert gc.isenabled()
    assert gc.get_freeze_count() >= len(made)
    gc.unfreeze()


def test_overlapping_bulk_allocations_re_enable_only_when_the_last_ends() -> None:
    import threading

    from reader.ui import heap

    inside, release = threading.Event(), threading.Event()

    def worker() -> None:
        with heap.bulk_allocation():
            inside.set()
            release.wait(5)

    thread = threading.Thread(target=worker)
    thread.start()
    assert inside.wait(5)
    try:
        with heap.bulk_allocation():
            pass
        assert not gc.isenabled()  # the worker's allocation is still running
    finally:
        release.set()
        thread.join(5)
    assert gc.isenabled()
    gc.unfreeze()


def test_the_collector_runs_again_after_a_failed_bulk_allocation() -> None:
    import pytest

    from reader.ui import heap

    with pytest.raises(RuntimeError), heap.bulk_allocation():
        raise RuntimeError("a corrupt book")
    assert gc.isenabled()
    gc.unfreeze()
