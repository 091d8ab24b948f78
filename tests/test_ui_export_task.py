"""File ▸ Export… writes PDF, EPUB, HTML or a translation memory in the background, reports progress, and a bad folder gives one line."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from reader.errors import BadInput
from reader.model import Status
from reader.translate.fake import FakeTranslator
from tests.helpers.editing import edit
from tests.helpers.window import open_and_wait


def test_export_writes_a_pdf_with_the_real_exporter_in_the_background(
    qtbot, make_window, seed_path, tmp_path: Path
) -> None:
    from pypdf import PdfReader

    window = make_window()
    with qtbot.waitSignal(window.controller.finished, timeout=5000):
        window.open_path(seed_path)
    output = tmp_path / "seed.pdf"
    window.ask_save_path = lambda suggested: str(output)
    progress: list[tuple[int, int]] = []
    window.exporter.progress.connect(lambda done, total: progress.append((done, total)))
    with qtbot.waitSignal(window.exporter.succeeded, timeout=60_000) as saved:
        window.actions_["export"].trigger()
        assert not window.actions_["export"].isEnabled()  # one export at a time
    assert saved.args == [str(output)]
    assert progress
    assert progress[-1][0] == progress[-1][1]
    text = " ".join(page.extract_text() for page in PdfReader(output).pages)
    assert "[en]" in text
    assert window.actions_["export"].isEnabled()
    assert str(output) in window.statusBar().currentMessage()


def test_progress_reaches_the_window_about_ten_times_a_second_and_the_end_always(
    qtbot, make_window, seed_path, tmp_path: Path
) -> None:
    def per_sentence(document, output, fmt, *, progress, **_options):  # type: ignore[no-untyped-def]
        for done in range(1, 5001):  # an exporter reports every sentence, far faster than 10 a second
            progress(done, 5000)
        output.write_text("done", encoding="utf-8")

    window = make_window()
    window.exporter.export = per_sentence
    with qtbot.waitSignal(window.controller.finished, timeout=5000):
        window.open_path(seed_path)
    window.ask_save_path = lambda suggested: str(tmp_path / "seed.csv")
    progress: list[tuple[int, int]] = []
    window.exporter.progress.connect(lambda done, total: progress.append((done, total)))
    with qtbot.waitSignal(window.exporter.succeeded, timeout=10_000):
        window.actions_["export"].trigger()
    assert progress[-1] == (5000, 5000)
    assert len(progress) <= 12  # the first, the last, and one per 0.1 s (the loop takes ms)


def test_export_works_on_a_snapshot_and_passes_the_chosen_options(
    qtbot, gate, make_window, seed_path, tmp_path: Path
) -> None:
    calls: list[dict[str, object]] = []
    release = threading.Event()

    def fake_export(
        document,
        output,
        fmt,
        *,
        layout,
        page_size,
        justify_arabic=False,
        diacritics=True,
        progress,
        cancelled,
    ):
        release.wait(5)
        calls.append(
            {
                "document": document,
                "output": output,
                "fmt": fmt,
                "layout": layout,
                "page_size": page_size,
                "justify_arabic": justify_arabic,
                "diacritics": diacritics,
            }
        )
        progress(1, 1)

    window = make_window(FakeTranslator(gate=gate), export=fake_export, before_close=lambda _w: gate.open())
    window.settings.export_layout = "interleaved"
    window.settings.export_page_size = "Letter"
    window.settings.export_justify_arabic = True
    window.settings.export_diacritics = False
    open_and_wait(qtbot, window, seed_path)
    window.ask_save_path = lambda suggested: str(tmp_path / "out.pdf")
    with qtbot.waitSignal(window.exporter.succeeded, timeout=5000):
        window.export_document()
        first = window.document.segment_at(0)
        edit(window.document, first.id, "changed while exporting")
        release.set()
    exported = calls[0]["document"]
    assert exported is not window.document
    assert exported.segment_at(0).status is Status.PENDING  # the state when Export was chosen
    assert calls[0]["layout"] == "interleaved"
    assert calls[0]["page_size"] == "Letter"
    assert calls[0]["justify_arabic"] is True
    assert calls[0]["diacritics"] is False  # Settings ▸ "Export the Arabic without diacritics"
    assert calls[0]["output"] == tmp_path / "out.pdf"
    assert calls[0]["fmt"] == "pdf"


def test_a_missing_output_folder_shows_one_line_in_a_message_box(
    qtbot, make_window, seed_path, tmp_path: Path
) -> None:
    window = make_window(record_errors=False)
    open_and_wait(qtbot, window, seed_path)
    window.ask_save_path = lambda suggested: str(tmp_path / "no such folder" / "out.pdf")
    window.export_document()  # refused before any work starts: the folder is checked first
    assert not window.exporter.is_running
    qtbot.waitUntil(lambda: any(box.isVisible() for box in window.findChildren(QMessageBox)))
    shown = [box for box in window.findChildren(QMessageBox) if box.isVisible()]
    assert len(shown) == 1
    assert "\n" not in shown[0].text()
    assert "does not exist" in shown[0].text()  # the reason, not just the path echoed back
    assert not (tmp_path / "no such folder").exists()
    shown[0].button(QMessageBox.StandardButton.Ok).click()


def test_an_exporter_error_is_reported_and_export_can_be_tried_again(
    qtbot, make_window, seed_path, tmp_path: Path
) -> None:
    def failing_export(document, output, fmt, **_options):
        raise BadInput(f"cannot write {output.parent}: permission denied")

    window = make_window(export=failing_export)
    open_and_wait(qtbot, window, seed_path)
    window.ask_save_path = lambda suggested: str(tmp_path / "out.pdf")
    with qtbot.waitSignal(window.exporter.failed, timeout=5000):
        window.export_document()
    assert window.errors == [f"cannot write {tmp_path}: permission denied"]
    assert window.actions_["export"].isEnabled()


def test_cancelling_the_save_dialog_exports_nothing(qtbot, make_window, seed_path) -> None:
    window = make_window(export=lambda *a, **k: (_ for _ in ()).throw(AssertionError("exported")))
    open_and_wait(qtbot, window, seed_path)
    suggested: list[str] = []
    window.ask_save_path = lambda path: suggested.append(path) or ""
    window.actions_["export"].trigger()
    assert suggested == [str(seed_path.with_suffix(".pdf"))]
    assert not window.exporter.is_running
    assert window.actions_["export"].isEnabled()  # nothing started, so Export can be chosen again


def test_exporting_with_sentences_untranslated_asks_first(
    qtbot, make_window, seed_path, tmp_path: Path
) -> None:
    window = make_window(FakeTranslator(unavailable="no model here"))
    with qtbot.waitSignal(window.controller.model_unavailable, timeout=5000):
        window.open_path(seed_path)
    asked: list[str] = []
    window.ask_confirm = lambda _title, question: asked.append(question) or False
    window.ask_save_path = lambda suggested: pytest.fail("no file dialog after No")
    window.export_document()
    assert asked == [
        "15 of 15 sentences have no translation yet; the export will mark them [not translated]. Export anyway?"
    ]
    assert not window.exporter.is_running


def test_exporting_over_the_documents_own_file_is_refused(
    qtbot, make_window, tmp_path: Path, seed_path
) -> None:
    own = tmp_path / "book.txt"
    own.write_bytes(seed_path.read_bytes())
    window = make_window()
    with qtbot.waitSignal(window.controller.finished, timeout=5000):
        window.open_path(own)
    window.ask_save_path = lambda suggested: str(tmp_path / "." / "book.txt")
    window.export_document()
    assert not window.exporter.is_running
    assert len(window.errors) == 1
    assert "input" in window.errors[0]
    assert own.read_bytes() == seed_path.read_bytes()


def test_a_running_export_can_be_cancelled_from_the_file_menu(
    qtbot, make_window, seed_path, tmp_path: Path
) -> None:
    started = threading.Event()

    def slow_export(document, output, fmt, *, progress, **_options):  # type: ignore[no-untyped-def]
        started.set()
        for done in range(1, 1000):
            progress(done, 1000)  # the exporter checks for cancellation here
            threading.Event().wait(0.01)

    window = make_window(export=slow_export)
    with qtbot.waitSignal(window.controller.finished, timeout=5000):
        window.open_path(seed_path)
    window.ask_save_path = lambda suggested: str(tmp_path / "out.pdf")
    assert not window.actions_["cancel_export"].isEnabled()
    window.export_document()
    assert window.actions_["cancel_export"].isEnabled()
    assert started.wait(5)
    with qtbot.waitSignal(window.exporter.cancelled, timeout=5000):
        window.actions_["cancel_export"].trigger()
    assert window.actions_["export"].isEnabled()
    assert not window.actions_["cancel_export"].isEnabled()
    assert not (tmp_path / "out.pdf").exists()


@pytest.mark.parametrize(("suffix", "check"), [(".epub", "epub"), (".html", "html")])
def test_export_writes_epub_and_html_by_the_chosen_extension(
    qtbot, make_window, seed_path, tmp_path: Path, suffix: str, check: str
) -> None:
    import zipfile

    window = make_window()
    with qtbot.waitSignal(window.controller.finished, timeout=5000):
        window.open_path(seed_path)
    output = tmp_path / f"seed{suffix}"
    window.ask_save_path = lambda suggested: str(output)
    progress: list[tuple[int, int]] = []
    window.exporter.progress.connect(lambda done, total: progress.append((done, total)))
    with qtbot.waitSignal(window.exporter.succeeded, timeout=60_000):
        window.actions_["export"].trigger()
        assert f"Exporting {check.upper()}" in window.statusBar().currentMessage()
    assert progress[-1] == (15, 15)
    if check == "epub":
        with zipfile.ZipFile(output) as book:
            assert book.namelist()[0] == "mimetype"
            text = "".join(book.read(name).decode() for name in book.namelist() if name.endswith(".xhtml"))
    else:
        text = output.read_text(encoding="utf-8")
    assert "[en]" in text  # the fake translator's English
    assert window.document.segment_at(0).text in text


def test_an_unknown_extension_is_refused_with_one_line(qtbot, make_window, seed_path, tmp_path: Path) -> None:
    window = make_window(export=lambda *a, **k: pytest.fail("exported"))
    open_and_wait(qtbot, window, seed_path)
    window.ask_save_path = lambda suggested: str(tmp_path / "seed.docx")
    window.export_document()
    assert not window.exporter.is_running
    assert len(window.errors) == 1
    assert "cannot tell the format" in window.errors[0]


@pytest.mark.parametrize(
    ("typed", "filter_index", "expected"),
    [
        ("book", 2, "book.epub"),
        ("book", 1, "book.pdf"),  # the PDF, interleaved
        ("book.html", 0, "book.html"),
        ("book.v2", 3, "book.v2.html"),
        ("book", 5, "book.xlf"),
        ("", 0, ""),
    ],
)
def test_the_chosen_file_type_gives_the_extension_when_none_is_typed(
    typed: str, filter_index: int, expected: str
) -> None:
    from reader.ui.export_task import with_filter_extension

    assert with_filter_extension(typed, filter_index) == expected


def test_the_without_diacritics_setting_exports_the_arabic_without_vowel_marks(
    qtbot, make_window, tmp_path: Path
) -> None:
    source = tmp_path / "marked.ar.txt"
    source.write_text("كَتَبَ الوَلَدُ الدَّرْسَ.\n", encoding="utf-8")
    window = make_window()
    open_and_wait(qtbot, window, source)
    written: dict[bool, str] = {}
    for keep in (True, False):
        window.settings.export_diacritics = keep
        output = tmp_path / f"out-{keep}.html"
        window.ask_save_path = lambda _suggested, output=output: str(output)
        with qtbot.waitSignal(window.exporter.succeeded, timeout=30_000):
            window.export_document()
        written[keep] = output.read_text(encoding="utf-8")
    assert "كَتَبَ الوَلَدُ الدَّرْسَ." in written[True]
    assert "كتب الولد الدرس." in written[False]
    # No fatha left in the page's Arabic (the fake's "English" echoes the source, marks and all).
    arabic_only = written[False].replace("[en] كَتَبَ الوَلَدُ الدَّرْسَ.", "")
    assert "\u064e" not in arabic_only
    assert window.document.segment_at(0).text == "كَتَبَ الوَلَدُ الدَّرْسَ."  # the document keeps its marks


@pytest.mark.parametrize("layout", ["interleaved", "side-by-side"])
def test_the_pdf_layout_is_chosen_in_the_export_dialog(
    qtbot, make_window, seed_path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, layout: str
) -> None:
    from PySide6.QtWidgets import QFileDialog

    calls: list[str] = []

    def fake_export(document, output, fmt, *, layout, progress, **_options):  # type: ignore[no-untyped-def]
        calls.append(layout)
        progress(1, 1)

    window = make_window(export=fake_export)
    open_and_wait(qtbot, window, seed_path)
    window.settings.export_layout = "side-by-side" if layout == "interleaved" else "interleaved"
    offered: list[str] = []

    def dialog(_parent, _title, _suggested, filters, selected):  # type: ignore[no-untyped-def]
        offered.append(selected)
        pick = next(
            f
            for f in filters.split(";;")
            if f.startswith("PDF") and (layout == "interleaved") == ("interleaved" in f)
        )
        return str(tmp_path / "book"), pick

    monkeypatch.setattr(QFileDialog, "getSaveFileName", dialog)
    window.ask_confirm = lambda _title, _question: True
    with qtbot.waitSignal(window.exporter.succeeded, timeout=10_000) as saved:
        window.actions_["export"].trigger()
    assert saved.args == [str(tmp_path / "book.pdf")]
    assert calls == [layout]
    assert window.settings.export_layout == layout  # the default next time, in Settings too
    assert ("interleaved" in offered[0]) == (layout != "interleaved")  # the saved layout was preselected
