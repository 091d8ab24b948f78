"""Seeded mutations of valid files, and a child-process runner that reads each like ``segment`` does.

:func:`mutants` gives byte flips, overwritten runs, truncations and cut-outs of a file (a fixed
seed, so a failure reproduces). :data:`CHILD` is run as ``python -c CHILD FOLDER``: it opens each
file of FOLDER as the CLI would and prints one JSON line per file: ``ok``, ``refused`` with the
one-line message, or ``crashed`` with the traceback. The caller runs it under a memory limit and
a timeout (:func:`tests.helpers.hostile.run_segment`), so a hang or an abort fails too.
"""

from __future__ import annotations

import random
from collections.abc import Iterator

CHILD = r"""
import json, sys, traceback
from pathlib import Path
from reader.commands.segment import to_json
from reader.errors import BadInput
from reader.library.opening import load_with_work

for path in sorted(Path(sys.argv[1]).iterdir()):
    print(json.dumps({"file": path.name, "outcome": "started"}), file=sys.stderr, flush=True)
    try:
        to_json(load_with_work(path, None).document)
        record = {"outcome": "ok"}
    except BadInput as error:
        record = {"outcome": "refused", "message": str(error)}
    except BaseException:
        record = {"outcome": "crashed", "message": traceback.format_exc()}
    print(json.dumps({"file": path.name, **record}), flush=True)
"""


def mutants(data: bytes, count: int, seed: int) -> Iterator[bytes]:
    """*count* damaged copies of *data*: each one to four random edits of one of four kinds."""
    rng = random.Random(seed)
    for _ in range(count):
        damaged = bytearray(data)
        for _edit in range(rng.randint(1, 4)):
            if not damaged:
                break
            kind = rng.choice(("flip", "run", "truncate", "cut"))
            at = rng.randrange(len(damaged))
            if kind == "flip":
                damaged[at] ^= 1 << rng.randrange(8)
            elif kind == "run":
                size = rng.randint(1, 16)
                damaged[at : at + size] = bytes(rng.randrange(256) for _ in range(size))
            elif kind == "truncate":
                del damaged[at:]
            else:
                del damaged[at : at + rng.randint(1, 64)]
        yield bytes(damaged)
