"""The window's side of hostile files: the same one line as the CLI, and an opening that can be
cancelled while the window keeps answering (issue 29)."""

from __future__ import annotations

from pathlib import Path

from reader.ui.document_opener import DocumentOpener
from tests.helpers.hostile import refusal, run_segment


def _wide_table(tmp_path: Path) -> Path:
    path = tmp_path / "wide.md"
    row = "|" + "|".join("ب" for _ in range(10_000)) + "|\n"
    path.write_text(row + "|" + "|".join("-" for _ in range(10_000)) + "|\n" + row * 200, encoding="utf-8")
    return path


def test_the_window_shows_the_clis_one_line_for_a_hostile_file(qtbot, make_window, tmp_path: Path) -> None:
    path = _wide_table(tmp_path)
    window = make_window()
    with qtbot.waitSignal(window.opener.failed, timeout=10_000):
        window.open_path(path)
    assert window.document is None
    assert window.errors == [refusal(run_segment(path)).removeprefix("error: ")]


def test_an_opening_can_be_cancelled_and_delivers_nothing(qtbot, seed_path: Path, tmp_path: Path) -> None:
    book = tmp_path / "book.txt"
    book.write_text("\n".join([seed_path.read_text(encoding="utf-8")] * 300), encoding="utf-8")
    opener = DocumentOpener(None)
    opened: list[object] = []
    opener.opened.connect(opened.append)
    opener.open(book)
    task = opener._slot.task
    assert task is not None
    with qtbot.waitSignal(opener.cancelled) as cancelled:
        assert opener.cancel()
    assert cancelled.args == ["book.txt"]
    assert not opener.is_running  # free at once, whatever the worker is doing
    assert not opener.cancel()
    qtbot.waitUntil(lambda: task.outcome != "", timeout=10_000)  # the worker's last word arrived
    assert opened == []
    assert task.outcome in ("cancelled", "succeeded")  # stopped at a progress report, or just done
