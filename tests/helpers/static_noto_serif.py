"""Make the static Noto Serif Regular the PDF export ships (reader/resources/fonts).

Run: ``.venv/bin/python -m tests.helpers.static_noto_serif`` after updating fontpkg-noto-serif,
then update the version in reader/resources/fonts/OFL.txt. The instance is the variable font
pinned at wght 400, wdth 100, with its names updated (fontTools' instancer, 3-7 s).
"""

from __future__ import annotations

import importlib.resources
from pathlib import Path

from fontTools.ttLib import TTFont
from fontTools.varLib import instancer

from reader.export.fonts import noto_serif_file

AXES = {"wght": 400.0, "wdth": 100.0}


def variable_file() -> Path:
    return Path(str(importlib.resources.files("fontpkg_noto_serif") / "files" / "NotoSerif[wdth,wght].ttf"))


def make(target: Path) -> None:
    font = instancer.instantiateVariableFont(TTFont(variable_file()), AXES, updateFontNames=True)
    font.save(target)


if __name__ == "__main__":
    make(noto_serif_file())
    print(f"wrote {noto_serif_file()}")
