"""Benchmark: the library on a whole book (20 000 sentences by default), without any model.

Run: ``.venv/bin/python tests/benchmarks/bench_library.py [--sentences 20000] [--edits 200]``.
It writes a book (as bench_ui_book does), "translates" every sentence (results applied in
batches of 256, as the window delivers them, each batch autosaved), then times on the thread
that makes the change (the GUI thread in the window):
- autosave of one edit (document.edit → one WAL transaction), median and worst of ``--edits``;
- autosave of one split and one merge;
then reopens the book as the window's opener does (load, hash, restore from the library) and
times that, checking that every translation, edit, split and merge came back; last, a model
change (every machine translation reset) and the library's part of it.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from bench_ui_book import write_book  # noqa: E402  (this folder is on sys.path when run as a script)

from reader.library.opening import load_with_work  # noqa: E402
from reader.library.positions import content_hash  # noqa: E402
from reader.library.store import Library  # noqa: E402
from reader.model import Change, Document, SegmentResult  # noqa: E402
from reader.model.editing import merge_command, neighbour, split_candidates, split_command  # noqa: E402
from reader.model.undo import UndoStack  # noqa: E402
from tests.helpers.editing import edit  # noqa: E402
from tests.helpers.loading import load_document  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sentences", type=int, default=20_000)
    parser.add_argument("--edits", type=int, default=200)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-library-") as folder:
        root = Path(folder)
        book = root / "book.txt"
        write_book(book, options.sentences)
        library = Library(root / "library.sqlite3")
        loaded = load_with_work(book, library)
        document, key = loaded.document, loaded.key
        library.attach(key, document)
        started = time.perf_counter()
        segments = document.segments
        for at in range(0, len(segments), 256):
            document.apply_results(
                SegmentResult(s.id, s.revision, f"English sentence number {s.id}.", model="bench")
                for s in segments[at : at + 256]
            )
        print(
            f"{len(document)} sentences; autosaving every translation took {time.perf_counter() - started:.2f} s"
        )

        stack = UndoStack(document)
        times = []
        for number in range(options.edits):
            segment = document.segment_at(number * 97 % len(document))
            began = time.perf_counter()
            edit(document, segment.id, f"Edited by hand {number}.")
            times.append((time.perf_counter() - began) * 1000)
        print(
            f"autosave of one edit: median {statistics.median(times):.2f} ms, worst {max(times):.2f} ms "
            f"({options.edits} edits)"
        )
        target = next(s for s in document.iter_segments() if split_candidates(s) or len(s.text) > 20)
        cut = (split_candidates(target) or [len(target.text) // 2])[0]
        began = time.perf_counter()
        stack.push(split_command(document, target.id, cut))
        split_ms = (time.perf_counter() - began) * 1000
        first = document.segment_at(10)
        second = neighbour(document, first.id, 1)
        assert second is not None
        began = time.perf_counter()
        stack.push(merge_command(document, first.id, second))
        merge_ms = (time.perf_counter() - began) * 1000
        print(f"autosave of one split: {split_ms:.2f} ms; of one merge: {merge_ms:.2f} ms")
        library.remember_position(key, document, len(document) // 2)
        expected = [(s.id, s.text, s.start, s.end, s.status, s.rendering) for s in document.iter_segments()]
        library.close()

        began = time.perf_counter()
        again = load_with_work(book, Library(root / "library.sqlite3"))
        reopen = time.perf_counter() - began
        restored = [
            (s.id, s.text, s.start, s.end, s.status, s.rendering) for s in again.document.iter_segments()
        ]
        assert restored == expected, "the reopened book differs"
        assert again.position == len(document) // 2
        print(f"reopening the book with everything restored: {reopen:.3f} s (load + hash + restore)")
        began = time.perf_counter()
        plain = load_document(book)
        loading = time.perf_counter() - began
        began = time.perf_counter()
        key = content_hash(plain)
        hashing = time.perf_counter() - began
        began = time.perf_counter()
        Library(root / "library.sqlite3").restore(key, plain)
        restoring = time.perf_counter() - began
        print(
            f"  of which: loading and segmenting the text {loading:.3f} s (as without a library), "
            f"content hash {hashing:.3f} s, library restore {restoring:.3f} s"
        )
        _model_change(root / "library.sqlite3", again.key, again.document)
    return 0


def _model_change(path: Path, key: str, document: Document) -> None:
    """A model change resets every machine translation: time the library's share on that thread."""
    library = Library(path)
    spent: list[float] = []
    record = library.record

    def timed(key: str, document: Document, change: Change) -> None:
        began = time.perf_counter()
        record(key, document, change)
        spent.append((time.perf_counter() - began) * 1000)

    library.record = timed  # type: ignore[method-assign]
    library.attach(key, document)
    began = time.perf_counter()
    reset = document.reset([s.id for s in document.iter_segments()])
    total = (time.perf_counter() - began) * 1000
    began = time.perf_counter()
    library.close()  # waits for the write queued on the library's own thread
    queued = (time.perf_counter() - began) * 1000
    print(
        f"a model change ({len(reset)} translations reset): {total:.1f} ms on this thread, of which the "
        f"library {sum(spent):.1f} ms; its rows then written in the background within {queued:.0f} ms"
    )


if __name__ == "__main__":
    sys.exit(main())
