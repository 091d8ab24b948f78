"""The core never imports Qt: each core module is imported in a fresh interpreter."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import pytest

import reader


def _core_modules() -> list[str]:
    names = []
    for info in pkgutil.walk_packages(reader.__path__, prefix="reader."):
        if info.name.startswith("reader.ui") or info.name == "reader.__main__":
            continue
        names.append(info.name)
    return sorted(names)


def test_core_modules_are_found() -> None:
    names = _core_modules()
    assert "reader.arabic.segment" in names
    assert "reader.document" not in names  # replaced by reader.model
    for expected in (
        "reader.model",
        "reader.model.changes",
        "reader.model.document",
        "reader.model.nodes",
        "reader.model.sections",
        "reader.formats.plain_text",
        "reader.library",
        "reader.library.positions",
        "reader.translate.session",
        "reader.translate.queue",
        "reader.translate.device",
    ):
        assert expected in names


@pytest.mark.parametrize("module", _core_modules())
def test_core_module_does_not_import_qt(module: str) -> None:
    code = (
        f"import importlib, sys; importlib.import_module({module!r}); "
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in {'PySide6', 'shiboken6'}); "
        "print(','.join(bad))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "", f"{module} imported Qt: {result.stdout.strip()}"


def test_no_module_imports_the_agpl_pdf_library() -> None:
    """PyMuPDF (AGPL-3.0) reads PDFs in the tests only; the MIT app must never import it."""
    import ast
    from pathlib import Path

    offenders = []
    for path in Path(reader.__file__).parent.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = (
                [alias.name for alias in node.names]
                if isinstance(node, ast.Import)
                else [node.module or ""]
                if isinstance(node, ast.ImportFrom)
                else []
            )
            offenders += [
                f"{path.name}: {name}" for name in names if name.split(".")[0] in {"pymupdf", "fitz"}
            ]
    assert offenders == []
