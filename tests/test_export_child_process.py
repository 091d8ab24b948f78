"""The window's export runs in a child process: same bytes, progress, one-line failures, a cancel
that ends the child and writes nothing, and a child that dies is one line too."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from reader.errors import BadInput, ReaderError
from reader.export import child_process
from reader.export.child_process import ExportStopped, export_in_child
from reader.export.dispatch import render_document
from tests.helpers.loading import load_document
from tests.helpers.seed_english import SEED, translated_seed


def test_the_child_writes_the_same_file_as_the_same_process_and_reports_progress_to_the_end(
    tmp_path: Path,
) -> None:
    document = translated_seed()
    output = tmp_path / "seed.html"
    progress: list[tuple[int, int]] = []
    export_in_child(document, output, "html", layout="interleaved", progress=lambda *p: progress.append(p))
    assert output.read_bytes() == render_document(document, "html", layout="interleaved")
    assert progress
    assert progress[-1][0] == progress[-1][1]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["seed.html"]  # no temporary file left


def test_a_pdf_from_the_child_holds_the_english(tmp_path: Path) -> None:
    from pypdf import PdfReader

    output = tmp_path / "seed.pdf"
    export_in_child(translated_seed(), output, "pdf", layout="side-by-side", page_size="A4")
    text = " ".join(page.extract_text() for page in PdfReader(output).pages)
    assert "Switzerland" in text


def test_the_childs_failure_is_the_same_one_line(tmp_path: Path) -> None:
    with pytest.raises(BadInput) as same_process:
        render_document(translated_seed(), "pdf", page_size="B7")
    with pytest.raises(ReaderError) as child:
        export_in_child(translated_seed(), tmp_path / "seed.pdf", "pdf", page_size="B7")
    assert str(child.value) == str(same_process.value)
    assert "\n" not in str(child.value)
    assert not list(tmp_path.iterdir())


@pytest.mark.parametrize(("name", "message"), [("seed.html", "unknown format 'docx'")])
def test_bad_options_are_refused_before_a_child_starts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, message: str
) -> None:
    monkeypatch.setattr(child_process, "_start_child", lambda: pytest.fail("a child was started"))
    with pytest.raises(BadInput, match=message):
        export_in_child(translated_seed(), tmp_path / name, "docx")
    with pytest.raises(BadInput, match="folder"):
        export_in_child(translated_seed(), tmp_path / "missing" / name, "html")


def test_a_cancel_while_the_child_works_ends_it_at_once_and_writes_nothing(tmp_path: Path) -> None:
    book = tmp_path / "book.ar.txt"
    book.write_text("\n\n".join([SEED.read_text(encoding="utf-8")] * 40), encoding="utf-8")
    document = load_document(book)
    output = tmp_path / "book.pdf"
    heard: list[float] = []
    started = time.monotonic()
    with pytest.raises(ExportStopped):
        export_in_child(
            document,
            output,
            "pdf",
            layout="side-by-side",
            progress=lambda done, total: heard.append(time.monotonic()),
            cancelled=lambda: bool(heard),  # stop at the first progress the child sends
        )
    assert heard, "the child sent no progress"
    assert time.monotonic() - heard[0] < 1.0  # not when the 600-sentence export would have ended
    assert sorted(p.name for p in tmp_path.iterdir()) == ["book.ar.txt"]
    assert time.monotonic() - started < 60


def test_a_child_that_dies_is_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(child_process, "CHILD_ARGUMENTS", ["-c", "import sys; sys.exit(7)"])
    with pytest.raises(ReaderError, match=r"^the export process stopped unexpectedly \(exit code 7\)$"):
        export_in_child(translated_seed(), tmp_path / "seed.html", "html")
    assert not list(tmp_path.iterdir())


def test_a_library_printing_in_the_child_does_not_break_its_messages(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str]
) -> None:
    noisy = (
        "import reader.export.dispatch as d; render = d.render_document; "
        "d.render_document = lambda *a, **k: (print('a library speaks', flush=True), render(*a, **k))[1]; "
        "from reader.export.child_process import main; raise SystemExit(main())"
    )
    monkeypatch.setattr(child_process, "CHILD_ARGUMENTS", ["-c", noisy])
    document = translated_seed()
    export_in_child(document, tmp_path / "seed.html", "html", layout="interleaved")
    assert (tmp_path / "seed.html").read_bytes() == render_document(document, "html", layout="interleaved")
    assert "a library speaks" in capfd.readouterr().err


def test_a_snapshot_crosses_to_the_child_whole() -> None:
    import dataclasses
    import pickle

    from reader.model import Rendering, Segment, Status

    segment = Segment(
        7, 3, "نص", 2, 4, revision=5, status=Status.FAILED, rendering=Rendering("text"), error="why"
    )
    assert len(segment.__reduce__()[1]) == len(dataclasses.fields(Segment))  # a new field must be pickled too
    assert pickle.loads(pickle.dumps(segment)) == segment
    document = translated_seed()
    copy = pickle.loads(pickle.dumps(document.snapshot(), protocol=pickle.HIGHEST_PROTOCOL))
    assert list(copy.iter_segments()) == list(document.iter_segments())
    assert list(copy.iter_blocks()) == list(document.iter_blocks())


def test_a_child_that_dies_before_reading_a_big_job_is_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    book = tmp_path / "book.ar.txt"
    book.write_text(
        "\n\n".join([SEED.read_text(encoding="utf-8")] * 40), encoding="utf-8"
    )  # past a pipe's buffer
    monkeypatch.setattr(child_process, "CHILD_ARGUMENTS", ["-c", "import sys; sys.exit(9)"])
    with pytest.raises(ReaderError, match=r"exit code 9\)$"):
        export_in_child(load_document(book), tmp_path / "book.html", "html")
    assert not (tmp_path / "book.html").exists()
