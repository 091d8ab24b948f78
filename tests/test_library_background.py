"""The library's ordered writer: at once when idle, queued behind earlier writes otherwise."""

from __future__ import annotations

import threading

from reader.library.background import OrderedWriter
from tests.helpers.editing import edit


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


def test_machine_output_is_written_by_the_writer_and_an_edit_queued_behind_it_wins(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from reader.formats.plain_text import build_text_document
    from reader.library.positions import content_hash
    from reader.library.store import Library
    from reader.model import SegmentResult

    text = "جملة أولى. جملة ثانية؟ جملة ثالثة!\n"
    library = Library(tmp_path / "library.sqlite3")
    document = build_text_document(text, name="book.txt")
    key = content_hash(document)
    library.restore(key, document)
    library.attach(key, document)
    gate = threading.Event()

    def hold() -> None:
        gate.wait(10)

    library._writer.run(hold, in_background=True)  # the writer waits at the gate
    first = document.segment_at(0)
    document.apply_results([SegmentResult(first.id, first.revision, "machine", model="tiny")])
    edit(document, first.id, "mine")  # returns at once: queued behind the machine output
    assert library._writer.busy
    gate.set()
    library.close()

    again = build_text_document(text, name="book.txt")
    Library(tmp_path / "library.sqlite3").restore(key, again)
    rendering = again.segment_at(0).rendering
    assert rendering is not None
    assert rendering.text == "mine"


def test_a_translated_batch_does_not_wait_for_the_file(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from reader.formats.plain_text import build_text_document
    from reader.library.positions import content_hash
    from reader.library.store import Library
    from reader.model import SegmentResult

    library = Library(tmp_path / "library.sqlite3")
    document = build_text_document("جملة أولى. جملة ثانية؟\n", name="book.txt")
    key = content_hash(document)
    library.restore(key, document)
    library.attach(key, document)
    written: list[str] = []
    original = library._write

    def recording(action):  # type: ignore[no-untyped-def]
        written.append(threading.current_thread().name)
        original(action)

    library._write = recording  # type: ignore[method-assign]
    document.apply_results(
        SegmentResult(s.id, s.revision, "machine", model="tiny") for s in document.iter_segments()
    )
    library._writer.drain()
    edit(document, document.segment_at(0).id, "mine")
    library.close()
    assert written == ["library writer", "MainThread"]  # the batch on the writer, the edit at once
