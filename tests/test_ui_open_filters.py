"""Every format in the window: File ▸ Open's filters, drag and drop, recent files, the contents
sidebar, warnings in the status bar, refusals in a message box, and rows shown as is."""

from __future__ import annotations

from pathlib import Path

from reader.ui.open_filters import open_filters
from tests.helpers import format_fixtures as fx
from tests.helpers.window import drop_file, english_shown, open_and_wait
from tests.test_ui_contents import titles

QUOTE = '<blockquote lang="en"><p>To be, or not to be, that is the question.</p></blockquote>'


def test_the_open_dialog_lists_every_format_and_all_supported_first() -> None:
    entries = open_filters().split(";;")
    assert entries[0].startswith("All supported (")
    for pattern in ("*.epub", "*.docx", "*.odt", "*.html", "*.md", "*.pdf", "*.txt"):
        assert pattern in entries[0]
    assert any(e.startswith("EPUB e-books (*.epub)") for e in entries)
    assert entries[-1] == "All files (*)"


def test_an_epub_opens_with_its_chapters_and_goes_to_recent_files(qtbot, make_window, tmp_path: Path) -> None:
    path = tmp_path / "book.epub"
    path.write_bytes(fx.make_epub(extra_xhtml=QUOTE))
    window = make_window()
    window.settings.show_contents = True
    open_and_wait(qtbot, window, path)
    assert window.document.title == "كتاب الاختبار"
    assert titles(window.contents) == ["الفصل الأول", "الفصل الثاني"]
    assert window.contents_dock.isVisible()
    assert window.settings.recent_files[0] == str(path.resolve())
    row = next(
        k for k in range(len(window.document)) if window.document.segment_at(k).text.startswith("To be")
    )
    assert english_shown(window, row) == "To be, or not to be, that is the question."
    window.view.select_row(row)
    assert "not Arabic" in window.strip.heading.text()


def test_dropping_a_docx_opens_it(qtbot, make_window, tmp_path: Path) -> None:
    path = tmp_path / "letter.docx"
    path.write_bytes(fx.make_docx())
    window = make_window()
    drop_file(qtbot, window, path)
    assert [s.text for s in window.document.iter_segments()] == fx.SENTENCES


def test_damaged_bytes_are_reported_in_the_status_bar(qtbot, make_window, tmp_path: Path) -> None:
    path = tmp_path / "damaged.txt"
    path.write_bytes("هذه جملة سليمة تماماً.".encode() + b"\xff")
    window = make_window()
    open_and_wait(qtbot, window, path)
    assert (
        window.statusBar().currentMessage() == "damaged.txt: 1 invalid UTF-8 byte sequence(s) shown as U+FFFD"
    )


def test_a_drm_epub_is_refused_in_one_line(qtbot, make_window, tmp_path: Path) -> None:
    path = tmp_path / "locked.epub"
    path.write_bytes(fx.make_epub(extra_members=[("META-INF/rights.xml", "<rights/>")]))
    window = make_window()
    window.open_path(path)
    qtbot.waitUntil(lambda: bool(window.errors))
    assert window.errors == [
        "locked.epub: the EPUB is DRM-protected (META-INF/rights.xml); remove the DRM to read it"
    ]
    assert window.document is None
