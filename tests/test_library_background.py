"""The library's ordered writer: at once when idle, queued behind earlier writes otherwise."""

from __future__ import annotations

import threading

from reader.library.background import OrderedWriter


def test_writes_run_at_once_when_idle_and_in_order_behind_a_background_one() -> None:
    writer = OrderedWriter("test writer")
    done: list[tuple[str, str]] = []
    release = threading.Event()

    def slow() -> None:
        release.wait(5)
        done.append(("big", threading.current_thread().name))

    writer.run(lambda: done.append(("first", threading.current_thread().name)), in_background=False)
    assert done == [("first", "MainThread")]  # idle: on the caller's thread, before run returns
    writer.run(slow, in_background=True)
    assert writer.busy
    writer.run(lambda: done.append(("small", threading.current_thread().name)), in_background=False)
    assert [name for name, _ in done] == ["first"]  # queued behind the big one, not run ahead of it
    release.set()
    writer.drain()
    assert done[1:] == [("big", "test writer"), ("small", "test writer")]
    assert not writer.busy
    writer.run(lambda: done.append(("after", threading.current_thread().name)), in_background=False)
    assert done[-1] == ("after", "MainThread")


def test_a_failing_write_does_not_stop_the_ones_after_it() -> None:
    writer = OrderedWriter()
    done: list[int] = []

    def failing() -> None:
        raise RuntimeError("disk full")

    writer.run(failing, in_background=True)
    writer.run(lambda: done.append(1), in_background=True)
    writer.drain()
    assert done == [1]
