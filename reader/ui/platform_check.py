"""``python -m reader.ui.platform_check``: can Qt's xcb platform plugin load here? (``make run`` asks.)

On a fresh Linux machine Qt aborts with "xcb-cursor0 or libxcb-cursor0 is needed", even when it is
installed, because it names the first library it expected rather than the ones actually missing
(on Debian 12: libxcb-icccm4 and libxcb-keysyms1). This check runs ``ldd`` on the plugin (which
follows its dependencies, Qt's own libraries included) and prints the exact packages to install
for Debian/Ubuntu and Fedora. It never imports Qt, so it cannot itself abort; it checks nothing
when the platform is not xcb (``QT_QPA_PLATFORM=offscreen``/``wayland``), off Linux, or without ldd.

It also says, in one line that fails nothing, when reading scans (OCR: Tesseract with its Arabic
data) is not available, and what to install for it: an optional part, missed only on a scan.
"""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

# Shared library → (Debian/Ubuntu package, Fedora package).
PACKAGES = {
    "libxcb-cursor.so.0": ("libxcb-cursor0", "xcb-util-cursor"),
    "libxcb-icccm.so.4": ("libxcb-icccm4", "xcb-util-wm"),
    "libxcb-keysyms.so.1": ("libxcb-keysyms1", "xcb-util-keysyms"),
    "libxcb-image.so.0": ("libxcb-image0", "xcb-util-image"),
    "libxcb-render-util.so.0": ("libxcb-render-util0", "xcb-util-renderutil"),
    "libxcb-util.so.1": ("libxcb-util1", "xcb-util"),
    "libxcb-randr.so.0": ("libxcb-randr0", "libxcb"),
    "libxcb-shape.so.0": ("libxcb-shape0", "libxcb"),
    "libxcb-xfixes.so.0": ("libxcb-xfixes0", "libxcb"),
    "libxcb-sync.so.1": ("libxcb-sync1", "libxcb"),
    "libxcb-shm.so.0": ("libxcb-shm0", "libxcb"),
    "libxcb-xkb.so.1": ("libxcb-xkb1", "libxcb"),
    "libxcb-render.so.0": ("libxcb-render0", "libxcb"),
    "libxcb-xinerama.so.0": ("libxcb-xinerama0", "libxcb"),
    "libxcb-xinput.so.0": ("libxcb-xinput0", "libxcb"),
    "libxcb.so.1": ("libxcb1", "libxcb"),
    "libX11-xcb.so.1": ("libx11-xcb1", "libX11-xcb"),
    "libX11.so.6": ("libx11-6", "libX11"),
    "libxkbcommon-x11.so.0": ("libxkbcommon-x11-0", "libxkbcommon-x11"),
    "libxkbcommon.so.0": ("libxkbcommon0", "libxkbcommon"),
    "libSM.so.6": ("libsm6", "libSM"),
    "libICE.so.6": ("libice6", "libICE"),
    "libEGL.so.1": ("libegl1", "libglvnd-egl"),
    "libGL.so.1": ("libgl1", "libglvnd-glx"),
    "libOpenGL.so.0": ("libopengl0", "libglvnd-opengl"),
    "libfontconfig.so.1": ("libfontconfig1", "fontconfig"),
    "libfreetype.so.6": ("libfreetype6", "freetype"),
    "libdbus-1.so.3": ("libdbus-1-3", "dbus-libs"),
    "libglib-2.0.so.0": ("libglib2.0-0", "glib2"),
}
_NOT_FOUND = re.compile(r"^\s*(\S+)\s*=>\s*not found", re.MULTILINE)

Ldd = Callable[[Path], str]


def xcb_plugin() -> Path | None:
    """PySide6's libqxcb.so, located without importing Qt; None if it is not there."""
    spec = importlib.util.find_spec("PySide6")
    for folder in (spec.submodule_search_locations or []) if spec else []:
        plugin = Path(folder) / "Qt" / "plugins" / "platforms" / "libqxcb.so"
        if plugin.is_file():
            return plugin
    return None


def run_ldd(plugin: Path) -> str:
    return subprocess.run(["ldd", str(plugin)], capture_output=True, text=True, check=False).stdout


def missing_libraries(ldd_output: str) -> list[str]:
    """The libraries ldd reports as not found, each once, in the order given."""
    return list(dict.fromkeys(_NOT_FOUND.findall(ldd_output)))


def advice(missing: list[str]) -> str:
    """What to tell the user: the missing libraries and the packages that provide them."""
    known = [name for name in missing if name in PACKAGES]
    unknown = [name for name in missing if name not in PACKAGES]
    lines = [f"error: Qt's window-system plugin (xcb) cannot load: missing {', '.join(missing)}"]
    if known:
        debian = " ".join(dict.fromkeys(PACKAGES[name][0] for name in known))
        fedora = " ".join(dict.fromkeys(PACKAGES[name][1] for name in known))
        lines.append(f"  Debian/Ubuntu: sudo apt install {debian}")
        lines.append(f"  Fedora:        sudo dnf install {fedora}")
    if unknown:
        lines.append(f"  (find the package for {', '.join(unknown)} with apt-file search or dnf provides)")
    return "\n".join(lines)


def needs_check() -> bool:
    """Only Linux with the xcb platform (Qt's default there) needs this check."""
    platform = os.environ.get("QT_QPA_PLATFORM", "").strip()
    return sys.platform.startswith("linux") and (not platform or platform.startswith("xcb"))


OCR_INSTALL = "sudo apt-get install tesseract-ocr tesseract-ocr-ara"  # as reader.formats.ocr says


def ocr_ready() -> bool:
    """Tesseract with its Arabic data, and pytesseract, are here (checked without reader.formats,
    which the window reaches only through the library)."""
    tesseract = shutil.which("tesseract")
    if tesseract is None or importlib.util.find_spec("pytesseract") is None:
        return False
    try:
        listed = subprocess.run(
            [tesseract, "--list-langs"], capture_output=True, text=True, timeout=20, check=False
        )
    except (OSError, subprocess.TimeoutExpired):
        return False
    return "ara" in (listed.stdout + listed.stderr).split()


def ocr_note(ready: Callable[[], bool] | None = None) -> str | None:
    """One line when OCR (optional) is not available here, naming what to install; else None."""
    if (ready or ocr_ready)():
        return None
    return (
        "note (optional): reading scanned PDFs and page images (OCR) needs Tesseract with its "
        f"Arabic data, missing here: {OCR_INSTALL} (Fedora: sudo dnf install tesseract "
        "tesseract-langpack-ara)"
    )


def main(ldd: Ldd | None = None, ocr_check: Callable[[], bool] | None = None) -> int:
    """0 when the plugin can load (or nothing can be checked); 1 with advice on stderr when not.
    A note on optional OCR goes to stderr either way."""
    note = ocr_note(ocr_check)
    if note is not None:
        print(note, file=sys.stderr)
    if not needs_check():
        return 0
    plugin = xcb_plugin()
    if plugin is None or (ldd is None and shutil.which("ldd") is None):
        return 0
    missing = missing_libraries((ldd or run_ldd)(plugin))
    if not missing:
        return 0
    print(advice(missing), file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
