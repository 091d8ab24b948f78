"""Run the CLI as user ``nobody``: root ignores permission bits, so permission tests need this.

The child starts as root (the interpreter lives under /root, which nobody cannot read), imports
the modules the command needs, then drops to nobody and runs ``reader.cli.main``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

NOBODY = 65534
_CHILD = """
import importlib, json, os, sys
import argparse, gettext, locale, shutil, sqlite3, tempfile, textwrap  # lazily imported by argparse and the core
import reader.cli
for name in json.loads(sys.argv[2]):
    importlib.import_module(name)
os.setgroups([])
os.setgid({uid})
os.setuid({uid})
sys.exit(reader.cli.main(json.loads(sys.argv[1])))
"""


def require_root() -> None:
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        pytest.skip("needs root to drop to user nobody (as non-root, chmod-based tests would be simpler)")


def run_cli_as_nobody(args: list[str], preload: tuple[str, ...] = ()) -> subprocess.CompletedProcess[str]:
    """``bireader ARGS`` as nobody; ``preload`` lists modules to import while still root."""
    require_root()
    return subprocess.run(
        [sys.executable, "-c", _CHILD.format(uid=NOBODY), json.dumps(args), json.dumps(list(preload))],
        capture_output=True,
        text=True,
        cwd="/",
        timeout=120,
    )


def unsearchable_folder(base: str) -> str:
    """A folder nobody may reach through (``base/locked``, mode 0o600), inside a world-readable one."""
    os.chmod(base, 0o755)
    locked = os.path.join(base, "locked")
    os.mkdir(locked)
    with open(os.path.join(locked, "doc.txt"), "w", encoding="utf-8") as handle:
        handle.write("نص.")
    os.chmod(locked, 0o600)
    return locked
