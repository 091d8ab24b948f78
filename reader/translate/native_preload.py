"""Load torch's (and CTranslate2's) native libraries without holding the GIL, so importing them
never freezes a window.

Python's import machinery ``dlopen``s an extension module with the GIL held. For torch that one
call maps ~450 MB of libraries and runs their static initialisers: 350 ms during which no other
Python thread runs — the window's event loop stalls for all of it while the model loads on a
worker. A call through ``ctypes.CDLL`` (not ``PyDLL``) releases the GIL, so calling libc's own
``dlopen`` on the same files first does the expensive part with the window still running; the
import then finds them loaded (same path, same handle) and only initialises the Python module.

Best effort by design: on any platform or layout this does not recognise it does nothing, and the
import that follows works as it always did.
"""

from __future__ import annotations

import ctypes
import importlib.util
import logging
import os
import sys
from pathlib import Path

log = logging.getLogger(__name__)

# In dependency order; each one's own DT_NEEDED entries resolve through its $ORIGIN run path.
TORCH_LIBRARIES = ("libc10.so", "libtorch_cpu.so", "libtorch.so", "libtorch_python.so")


def torch_library_folder() -> Path | None:
    """torch's ``lib`` folder, found without importing torch (None when torch is absent)."""
    spec = importlib.util.find_spec("torch")
    if spec is None or spec.origin is None:
        return None
    folder = Path(spec.origin).parent / "lib"
    return folder if folder.is_dir() else None


def ctranslate2_libraries() -> list[Path]:
    """CTranslate2's bundled libraries and its extension module, found without importing it."""
    spec = importlib.util.find_spec("ctranslate2")
    if spec is None or spec.origin is None:
        return []
    package = Path(spec.origin).parent
    bundled = sorted((package.parent / "ctranslate2.libs").glob("*.so*"))
    return bundled + sorted(package.glob("_ext*.so"))


def preload_torch() -> list[str]:
    """dlopen torch's libraries with the GIL released; returns the names loaded (none when
    torch is already imported, absent, or this is not Linux)."""
    if "torch" in sys.modules:
        return []
    folder = torch_library_folder()
    if folder is None:
        return []
    return _preload([folder / name for name in TORCH_LIBRARIES])


def preload_ctranslate2() -> list[str]:
    """The same for CTranslate2 (its library's load and initialisers held the GIL ~40 ms)."""
    if "ctranslate2" in sys.modules:
        return []
    return _preload(ctranslate2_libraries())


def _preload(paths: list[Path]) -> list[str]:
    if not sys.platform.startswith("linux"):
        return []
    try:
        libc = ctypes.CDLL(None)  # the process itself: libc's dlopen, called without the GIL
        dlopen = libc.dlopen
    except (OSError, AttributeError):
        return []
    dlopen.restype = ctypes.c_void_p
    dlopen.argtypes = [ctypes.c_char_p, ctypes.c_int]
    loaded = []
    for path in paths:
        if not path.is_file():
            continue
        if not dlopen(os.fsencode(path), os.RTLD_NOW | os.RTLD_LOCAL):
            log.debug("could not preload %s; the import will load it", path)
            break
        loaded.append(path.name)
    return loaded
