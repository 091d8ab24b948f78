"""Running the reader on a hostile file the way a user would, with a ceiling on what it may take.

``segment --json`` runs in a child process under an address-space limit (``RLIMIT_AS``) and a
timeout, so a file that hangs, exhausts memory or aborts the interpreter fails the test instead
of taking the machine with it. The contract every outcome must keep: exit 0, or exit 2 with one
``error:`` line on stderr; never a traceback, a hang or an abort.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MEMORY_LIMIT_MB = 1536  # the interpreter with lxml, PDFium and the reader needs ~400 MB of address space


@dataclass(frozen=True)
class Outcome:
    code: int
    stderr: str
    seconds: float
    stdout: str = ""


def _limit(megabytes: int) -> None:
    limit = megabytes * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def run_segment(
    path: Path,
    *,
    memory_mb: int = MEMORY_LIMIT_MB,
    timeout: float = 30,
    env: dict[str, str] | None = None,
    code: str = "",
) -> Outcome:
    """``python -m reader segment --json --no-library PATH`` (or *code* with PATH as ``sys.argv[1]``)
    under *memory_mb* of address space; a timeout is an outcome (code -9), never a hang."""
    command = [sys.executable, "-c", code, str(path)] if code else [sys.executable, "-m", "reader"]
    if not code:
        command += ["segment", "--json", "--no-library", str(path)]
    started = time.monotonic()
    try:
        done = subprocess.run(
            command,
            cwd=ROOT,
            env={**os.environ, **(env or {})},
            capture_output=True,
            timeout=timeout,
            preexec_fn=lambda: _limit(memory_mb),  # noqa: PLW1509 - no threads run in the child yet
            check=False,
        )
    except subprocess.TimeoutExpired:
        return Outcome(-9, f"timed out after {timeout} s", time.monotonic() - started)
    seconds = time.monotonic() - started
    return Outcome(
        done.returncode,
        done.stderr.decode("utf-8", "replace"),
        seconds,
        done.stdout.decode("utf-8", "replace"),
    )


def assert_kept_contract(outcome: Outcome, what: str = "") -> None:
    """Exit 0, or exit 2 with exactly one ``error:`` line (warnings aside) and no traceback."""
    lines = [line for line in outcome.stderr.splitlines() if not line.startswith("warning: ")]
    context = f"{what}: exit {outcome.code}, stderr {outcome.stderr[-600:]!r}"
    assert "Traceback" not in outcome.stderr, context
    if outcome.code == 0:
        assert not lines, context
        return
    assert outcome.code == 2, context
    assert len(lines) == 1, context
    assert lines[0].startswith("error: "), context


def refusal(outcome: Outcome) -> str:
    """The one ``error:`` line of a refusal (asserting the contract and exit 2)."""
    assert_kept_contract(outcome)
    assert outcome.code == 2, outcome.stderr
    return next(line for line in outcome.stderr.splitlines() if line.startswith("error: "))
