"""torch's libraries preloaded without the GIL: torch still imports and works afterwards."""

from __future__ import annotations

import json
import subprocess
import sys

from reader.translate import native_preload

CHECK = """
import json, sys
from reader.translate.native_preload import preload_torch
loaded = preload_torch()
import torch
again = preload_torch()
print(json.dumps({"loaded": loaded, "again": again, "sum": float(torch.ones(3).sum())}))
"""


def test_torch_imports_and_computes_after_the_preload() -> None:
    done = subprocess.run(
        [sys.executable, "-c", CHECK], capture_output=True, text=True, check=True, timeout=120
    )
    result = json.loads(done.stdout.strip().splitlines()[-1])
    if sys.platform.startswith("linux"):
        assert "libtorch_cpu.so" in result["loaded"]
    assert result["again"] == []  # torch imported: nothing left to do
    assert result["sum"] == 3.0


def test_nothing_is_done_without_torch(monkeypatch) -> None:
    monkeypatch.setattr(native_preload, "torch_library_folder", lambda: None)
    monkeypatch.delitem(sys.modules, "torch", raising=False)
    assert native_preload.preload_torch() == []
