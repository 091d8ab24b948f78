"""What every command does to open its input: projects and the library, and ``--no-library``.

An edit, split or merge made in the window is in the library, so ``translate`` prints it and
``export`` writes it; what a command translates is saved there too (unless ``--no-library``).
"""

from __future__ import annotations

import argparse
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


@contextmanager
def opened_document(args: argparse.Namespace, *, record: bool = True) -> Iterator[Loaded]:
    """The command's input with its saved work; with *record*, changes are saved as they happen."""
    library = None if args.no_library else Library()
    try:
        loaded = load_with_work(Path(args.file), library)
        if library is not None and record:
            library.attach(loaded.key, loaded.document)
        yield loaded
    finally:
        if library is not None:
            library.close()
