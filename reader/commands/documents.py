"""What every command does to open its input: projects and the library, and ``--no-library``.

An edit, split or merge made in the window is in the library, so ``translate`` prints it and
``export`` writes it; what a command translates is saved there too (unless ``--no-library``).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from reader.library.opening import Loaded, load_with_work
from reader.library.store import Library


def add_document_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--no-library",
        action="store_true",
        help="neither read nor write the library of edits and translations in the user data folder",
    )


class SlowOpenNotice:
    """Progress on stderr for an open that takes a while (a scanned PDF read by OCR): nothing for
    the usual second, then «Opening NAME… N %» at most once a second."""

    after = 2.0  # seconds before the first notice

    def __init__(self, name: str) -> None:
        self.name = name
        self.started = self.last = time.monotonic()

    def __call__(self, fraction: float) -> None:
        now = time.monotonic()
        if now - self.started >= self.after and now - self.last >= 1.0:
            self.last = now
            print(f"Opening {self.name}… {round(fraction * 100)} %", file=sys.stderr, flush=True)


@contextmanager
def opened_document(args: argparse.Namespace, *, record: bool = True) -> Iterator[Loaded]:
    """The command's input with its saved work; with *record*, changes are saved as they happen."""
    library = None if args.no_library else Library()
    try:
        loaded = load_with_work(Path(args.file), library, SlowOpenNotice(Path(args.file).name))
        if library is not None and record:
            library.attach(loaded.key, loaded.document)
        yield loaded
    finally:
        if library is not None:
            library.close()
