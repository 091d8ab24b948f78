"""File ▸ Open's list of formats: "All supported" first, then each format, then all files.

The formats and their extensions come from the core registry; only the labels are translated here.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from reader.library.opening import FORMATS, supported_extensions


def _label(key: str) -> str:
    labels = {
        "epub": QCoreApplication.translate("OpenFilters", "EPUB e-books"),
        "docx": QCoreApplication.translate("OpenFilters", "Word documents"),
        "odt": QCoreApplication.translate("OpenFilters", "OpenDocument text"),
        "html": QCoreApplication.translate("OpenFilters", "Web pages"),
        "markdown": QCoreApplication.translate("OpenFilters", "Markdown"),
        "pdf": QCoreApplication.translate("OpenFilters", "PDF documents"),
        "text": QCoreApplication.translate("OpenFilters", "Text files"),
    }
    return labels.get(key, key)


def _patterns(extensions: tuple[str, ...]) -> str:
    return " ".join(f"*.{ext}" for ext in extensions)


def open_filters() -> str:
    """The name filter string for QFileDialog.getOpenFileName."""
    everything = QCoreApplication.translate("OpenFilters", "All supported")
    entries = [f"{everything} ({_patterns(supported_extensions())})"]
    entries += [f"{_label(info.key)} ({_patterns(info.extensions)})" for info in FORMATS]
    entries.append(QCoreApplication.translate("OpenFilters", "All files") + " (*)")
    return ";;".join(entries)
