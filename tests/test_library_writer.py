"""The library's writer thread: deferred writes run in order, off the caller's thread, and the
reader's own work waits for them so nothing older lands over it."""

from __future__ import annotations

import threading
from pathlib import Path

from reader.library.positions import content_hash
from reader.library.store import Library
from reader.library.writer import BackgroundWriter
from reader.model import SegmentResult
from reader.model.text_builder import build_text_document

TEXT = "جملة أولى. جملة ثانية؟ جملة ثالثة!\n"


def test_jobs_run_in_order_on_the_writer_thread_and_drain_waits_for_them() -> None:
    writer = BackgroundWriter()
    gate = threading.Event()
    ran: list[tuple[int, str]] = []

    def job(number: int) -> None:
        if number == 0:
            gate.wait(timeout=10)
        ran.append((number, threading.current_thread().name))

    for number in (0, 1, 2, 3):
        writer.submit(lambda number=number: job(number))  # type: ignore[misc]
    assert ran == []  # still held at the gate
    gate.set()
    writer.drain()
    assert [n for n, _ in ran] == [0, 1, 2, 3]
    assert {name for _, name in ran} == {"library-writer"}
    writer.close()


def test_a_failing_job_is_logged_and_later_jobs_still_run(caplog) -> None:  # type: ignore[no-untyped-def]
    writer = BackgroundWriter()
    ran: list[str] = []

    def fail() -> None:
        raise ZeroDivisionError

    writer.submit(fail)
    writer.submit(lambda: ran.append("after"))
    writer.close()
    assert ran == ["after"]
    assert "deferred library write failed" in caplog.text


def test_close_runs_what_is_queued_and_a_later_job_starts_a_new_thread() -> None:
    writer = BackgroundWriter()
    ran: list[int] = []
    writer.submit(lambda: ran.append(1))
    writer.close()
    writer.submit(lambda: ran.append(2))
    writer.drain()
    writer.close()
    assert ran == [1, 2]


def test_machine_output_is_committed_by_the_writer_and_an_edit_lands_after_it(tmp_path: Path) -> None:
    library = Library(tmp_path / "library.sqlite3")
    document = build_text_document(TEXT, name="book.txt")
    key = content_hash(document)
    library.restore(key, document)
    library.attach(key, document)
    gate = threading.Event()

    def hold() -> None:
        gate.wait(timeout=10)

    library._writer.submit(hold)  # the writer waits at the gate
    first = document.segment_at(0)
    document.apply_results([SegmentResult(first.id, first.revision, "machine", model="tiny")])
    editor = threading.Thread(target=document.edit, args=(first.id, "mine"))
    editor.start()
    editor.join(timeout=0.5)  # a write that did not wait for the queue would be done by now
    assert editor.is_alive(), "the edit was written while older machine output was still queued"
    gate.set()
    editor.join(timeout=10)
    library.close()

    again = build_text_document(TEXT, name="book.txt")
    Library(tmp_path / "library.sqlite3").restore(key, again)
    rendering = again.segment_at(0).rendering
    assert rendering is not None
    assert rendering.text == "mine"
