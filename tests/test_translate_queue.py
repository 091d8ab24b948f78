"""Visible-first ordering: what is on screen, then reading on; a small first chunk; retries."""

from __future__ import annotations

import threading

import pytest

from reader.translate.queue import VisibleFirstQueue


def drain(queue: VisibleFirstQueue) -> list[list[int]]:
    chunks = []
    while chunk := queue.take():
        chunks.append(chunk)
    return chunks


def test_without_a_screen_it_goes_in_document_order_with_a_small_first_chunk() -> None:
    queue = VisibleFirstQueue(range(10), chunk_size=4, first_chunk=2)
    assert drain(queue) == [[0, 1], [2, 3, 4, 5], [6, 7, 8, 9]]


def test_visible_sentences_come_first_then_the_ones_after_them_then_the_start() -> None:
    queue = VisibleFirstQueue(range(10), chunk_size=3, first_chunk=2, visible=[5, 6, 7])
    assert drain(queue) == [[5, 6], [7, 8, 9], [0, 1, 2], [3, 4]]


def test_scrolling_ahead_moves_the_newly_visible_to_the_front() -> None:
    queue = VisibleFirstQueue(range(20), chunk_size=3, first_chunk=3, visible=[0, 1, 2])
    assert queue.take() == [0, 1, 2]
    queue.prioritize([15, 16])
    assert queue.take() == [15, 16, 17]
    assert queue.take() == [18, 19, 3]


def test_already_translated_visible_rows_are_skipped() -> None:
    queue = VisibleFirstQueue([4, 5, 6], chunk_size=5, first_chunk=3, visible=[1, 2, 5])
    assert queue.take() == [5, 6, 4]


def test_an_empty_take_closes_the_queue_and_later_adds_are_refused() -> None:
    queue = VisibleFirstQueue([0], chunk_size=2)
    assert queue.take() == [0]
    assert queue.add([(3, 3)], urgent=True)  # still open: the worker has not seen the end yet
    assert queue.take() == [3]
    assert queue.take() == []
    assert queue.closed
    assert not queue.add([(1, 1)])


def test_an_urgent_retry_jumps_the_line() -> None:
    queue = VisibleFirstQueue(range(3, 9), chunk_size=2, first_chunk=2)
    assert queue.take() == [3, 4]
    queue.add([(1, 1)], urgent=True)
    assert queue.take() == [1, 5]


def test_discarded_sentences_are_not_taken() -> None:
    queue = VisibleFirstQueue(range(4), chunk_size=4)
    queue.discard([1, 2])
    assert drain(queue) == [[0, 3]]
    assert len(queue) == 0


@pytest.mark.parametrize(("chunk_size", "first_chunk"), [(0, 1), (1, 0)])
def test_chunk_sizes_must_be_positive(chunk_size: int, first_chunk: int) -> None:
    with pytest.raises(ValueError, match="positive"):
        VisibleFirstQueue([1], chunk_size=chunk_size, first_chunk=first_chunk)


def test_every_index_is_taken_exactly_once_while_another_thread_reprioritizes() -> None:
    queue = VisibleFirstQueue(range(2000), chunk_size=7)
    taken: list[int] = []
    stop = threading.Event()

    def scroller() -> None:
        row = 0
        while not stop.is_set():
            queue.prioritize(range(row, row + 20))
            row = (row + 37) % 2000

    thread = threading.Thread(target=scroller)
    thread.start()
    try:
        for chunk in iter(queue.take, []):
            taken.extend(chunk)
    finally:
        stop.set()
        thread.join()
    assert sorted(taken) == list(range(2000))


def test_grown_chunks_read_on_in_the_new_size_but_a_screen_goes_alone() -> None:
    queue = VisibleFirstQueue(range(300), chunk_size=4, first_chunk=2)
    queue.grow_chunks(50)  # before the first chunk: the first one stays small
    assert queue.take() == [0, 1]
    assert queue.take() == list(range(2, 52))
    queue.prioritize([150, 151])
    assert queue.take() == [150, 151, 152, 153]  # the screen, filled up to one batch only
    queue.prioritize(list(range(200, 207)))
    assert queue.take() == list(range(200, 207))  # a screen larger than a batch goes whole, alone
    assert queue.take() == list(range(207, 257))  # then reading on from it in the grown size
    queue.grow_chunks(1)  # never below the batch size
    assert len(queue.take()) == 4
