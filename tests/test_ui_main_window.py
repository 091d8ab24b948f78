"""The reader window with a fake translator: documents, pairing, keyboard, zoom, bad files."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QMouseEvent
from PySide6.QtWidgets import QApplication, QMessageBox

from reader.model import Status
from reader.translate.fake import FakeTranslator
from reader.ui.main_window import MainWindow
from tests.helpers.loading import load_document
from tests.helpers.window import drop_file, open_and_wait, row_boxes


def wait_translated(qtbot, window: MainWindow) -> None:
    qtbot.waitUntil(
        lambda: window.document is not None and window.document.translated_count == len(window.document),
        timeout=5000,
    )


def boxes(window: MainWindow, row: int):
    """(arabic, english) text boxes of a painted row, in viewport coordinates."""
    return row_boxes(window, row)


def painted_rect(window: MainWindow, row: int):
    window.view.viewport().repaint()
    return next(p.rect for p in window.view.painted if p.position == row)


def test_the_arabic_appears_at_once_in_order_and_the_english_fills_in(
    qtbot, gate, make_window, seed_path
) -> None:
    translator = FakeTranslator(gate=gate)
    window = make_window(translator, before_close=lambda _w: gate.open())
    open_and_wait(qtbot, window, seed_path)
    expected = [s.text for s in load_document(seed_path).segments]
    document = window.document
    assert [document.segment_at(r).text for r in range(window.view.row_count())] == expected
    window.view.viewport().repaint()
    assert [p.position for p in window.view.painted][:3] == [0, 1, 2]  # the Arabic is on screen
    assert all(document.segment_at(r).status is Status.PENDING for r in range(len(expected)))
    with qtbot.waitSignal(window.controller.finished, timeout=5000):
        gate.open()  # let every batch through
    english = [document.segment_at(r).translation for r in range(window.view.row_count())]
    assert english == [f"[en] {text}" for text in expected]
    assert window.windowTitle().startswith(seed_path.name)


def test_clicking_a_sentence_highlights_it_and_its_counterpart(qtbot, make_window, seed_path) -> None:
    window = make_window()
    open_and_wait(qtbot, window, seed_path)
    wait_translated(qtbot, window)
    view = window.view
    before = view.viewport().grab().toImage()
    arabic, english = boxes(window, 1)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=english.center())
    assert view.current_row() == 1
    assert window.strip.arabic.text() == window.document.segments[1].text
    qtbot.waitUntil(lambda: view.viewport().grab().toImage() != before)
    after = view.viewport().grab().toImage()
    arabic, english = boxes(window, 1)
    # Just outside where the text starts, inside the highlight: blank before, tinted after, in both panes.
    for point in (
        QPoint(english.left() - 2, english.top() + 4),
        QPoint(arabic.right() + 2, arabic.top() + 4),
    ):
        assert QColor(before.pixel(point)) != QColor(after.pixel(point)), point
    other_arabic, _ = boxes(window, 0)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=other_arabic.center())
    assert view.current_row() == 0


def test_clicking_a_half_hidden_pair_scrolls_all_of_it_into_view(qtbot, make_window, seed_path) -> None:
    window = make_window()
    window.resize(900, 500)
    open_and_wait(qtbot, window, seed_path)
    view = window.view
    qtbot.waitUntil(lambda: len(view.visible_rows()) >= 2)
    last = view.visible_rows()[-1]
    rect = painted_rect(window, last)
    assert rect.bottom() > view.viewport().height()  # cut off at the bottom
    qtbot.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(rect.center().x(), rect.top() + 20)
    )
    rect = painted_rect(window, last)
    assert view.current_row() == last
    assert rect.top() >= 0
    assert rect.bottom() <= view.viewport().height()


def test_hovering_marks_the_pair_under_the_mouse(qtbot, make_window, seed_path) -> None:
    window = make_window()
    open_and_wait(qtbot, window, seed_path)
    arabic, _ = boxes(window, 2)
    viewport = window.view.viewport()
    move = QMouseEvent(
        QEvent.Type.MouseMove,
        QPointF(arabic.center()),
        QPointF(viewport.mapToGlobal(arabic.center())),
        Qt.MouseButton.NoButton,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(viewport, move)
    assert window.view.hover_row == 2
    QApplication.sendEvent(window.view, QEvent(QEvent.Type.Leave))
    assert window.view.hover_row == -1


def test_keyboard_moves_between_sentences_and_ctrl_c_copies_the_pair(qtbot, make_window, seed_path) -> None:
    window = make_window()
    open_and_wait(qtbot, window, seed_path)
    wait_translated(qtbot, window)
    view = window.view
    view.setFocus()
    moves = [
        (Qt.Key.Key_J, 0),
        (Qt.Key.Key_Down, 1),
        (Qt.Key.Key_J, 2),
        (Qt.Key.Key_K, 1),
        (Qt.Key.Key_Up, 0),
    ]
    for key, expected_row in moves:
        qtbot.keyClick(view, key)
        assert view.current_row() == expected_row, key
    qtbot.keyClick(view, Qt.Key.Key_J)
    qtbot.keyClick(view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    sentence = window.document.segments[1]
    assert QGuiApplication.clipboard().text() == f"{sentence.text}\n{sentence.translation}"


def test_the_detail_strip_copy_buttons(qtbot, make_window, seed_path) -> None:
    window = make_window()
    open_and_wait(qtbot, window, seed_path)
    wait_translated(qtbot, window)
    window.view.select_row(3)
    sentence = window.document.segments[3]
    qtbot.mouseClick(window.strip.copy_arabic, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == sentence.text
    qtbot.mouseClick(window.strip.copy_english, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == sentence.translation
    qtbot.mouseClick(window.strip.copy_pair, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == f"{sentence.text}\n{sentence.translation}"


@pytest.mark.parametrize(
    ("name", "make", "message"),
    [
        ("missing.txt", lambda p: None, "no such file"),
        ("notes", lambda p: p.mkdir(), "is a folder"),
        ("scan.pdf", lambda p: p.write_bytes(b"%PDF-1.7\n\x00\x01binary"), "the pdf is damaged or truncated"),
        ("empty.txt", lambda p: p.write_bytes(b""), "no text"),
        ("blank.txt", lambda p: p.write_bytes(b" \n\t \r\n"), "no text"),
    ],
)
def test_a_bad_file_shows_one_line_and_the_window_keeps_its_document(
    qtbot, make_window, seed_path, tmp_path: Path, name, make, message
) -> None:
    window = make_window(record_errors=False)
    open_and_wait(qtbot, window, seed_path)
    bad = tmp_path / name
    make(bad)
    window.open_path(bad)
    qtbot.waitUntil(lambda: any(box.isVisible() for box in window.findChildren(QMessageBox)))
    boxes_shown = [box for box in window.findChildren(QMessageBox) if box.isVisible()]
    assert len(boxes_shown) == 1
    text = boxes_shown[0].text()
    assert "\n" not in text
    assert message in text.lower(), text
    boxes_shown[0].button(QMessageBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: not any(box.isVisible() for box in window.findChildren(QMessageBox)))
    assert window.document is not None
    assert window.document.name == seed_path.name
    assert window.isVisible()


def test_dropping_a_file_opens_it(qtbot, make_window, seed_path) -> None:
    window = make_window()
    drop_file(qtbot, window, seed_path)
    assert window.document is not None
    assert window.document.name == seed_path.name


def test_pasting_arabic_text_makes_a_new_document(qtbot, make_window) -> None:
    window = make_window()
    QGuiApplication.clipboard().setText("مرحبا بكم. كيف حالكم؟\r\nهذه فقرة ثانية.")
    with qtbot.waitSignal(window.document_opened):
        window.actions_["paste"].trigger()
    assert window.document is not None
    assert len(list(window.document.iter_blocks())) == 2
    assert [s.text for s in window.document.segments] == ["مرحبا بكم.", "كيف حالكم؟", "هذه فقرة ثانية."]
    assert window.windowTitle().startswith("Pasted text")


def test_pasted_text_gets_the_same_clean_up_as_a_file(qtbot, make_window) -> None:
    window = make_window()
    with qtbot.waitSignal(window.document_opened):
        assert window.open_text("سطر أول.\rسطر\x00 ثان.")
    assert window.document is not None
    assert window.document.text == "سطر أول.\nسطر\ufffd ثان."
    assert len(list(window.document.iter_blocks())) == 2


def test_pasting_nothing_says_so(qtbot, make_window) -> None:
    window = make_window()
    QGuiApplication.clipboard().setText("  \n ")
    window.actions_["paste"].trigger()
    assert window.document is None
    assert window.errors == ["The clipboard holds no text."]


def test_recent_files_reopen(qtbot, make_window, seed_path, tmp_path: Path) -> None:
    other = tmp_path / "other.ar.txt"
    other.write_text("جملة أولى. جملة ثانية.", encoding="utf-8")
    window = make_window()
    open_and_wait(qtbot, window, seed_path)
    open_and_wait(qtbot, window, other)
    assert window.settings.recent_files == [str(other.resolve()), str(seed_path.resolve())]
    menu = window.menus.recent_menu
    menu.aboutToShow.emit()
    names = [action.text() for action in menu.actions() if not action.isSeparator()]
    assert names[:2] == [other.name, seed_path.name]
    with qtbot.waitSignal(window.document_opened):
        menu.actions()[1].trigger()
    assert window.document.name == seed_path.name


def test_zoom_shortcuts_change_the_text_size_and_it_is_remembered(
    qtbot, make_window, seed_path, ui_settings
) -> None:
    window = make_window()
    open_and_wait(qtbot, window, seed_path)
    with qtbot.waitActive(window):
        window.activateWindow()
    height = painted_rect(window, 0).height()
    qtbot.keyClick(window, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert ui_settings.zoom == 120
    qtbot.waitUntil(lambda: painted_rect(window, 0).height() > height)
    qtbot.keyClick(window, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert ui_settings.zoom == 110
    window.close()
    again = make_window()
    with qtbot.waitActive(again):
        again.activateWindow()
    assert again.view.layouts.zoom == 110
    assert again.view.layouts.arabic_font.pointSizeF() > window.fonts.arabic_font(100).pointSizeF()
    qtbot.keyClick(again, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert ui_settings.zoom == 100


def test_swapping_panes_puts_arabic_on_the_left(qtbot, make_window, seed_path) -> None:
    window = make_window()
    open_and_wait(qtbot, window, seed_path)
    arabic, english = boxes(window, 0)
    assert arabic.left() > english.right()
    assert window.reading.header.right_title.text() == "Arabic"
    window.actions_["swap"].trigger()
    arabic, english = boxes(window, 0)
    assert arabic.right() < english.left()
    assert window.reading.header.left_title.text() == "Arabic"
    assert window.settings.arabic_on_left


def test_every_pair_starts_at_the_same_height(qtbot, make_window, seed_path) -> None:
    window = make_window()
    open_and_wait(qtbot, window, seed_path)
    wait_translated(qtbot, window)
    window.view.viewport().repaint()
    assert len(window.view.painted) >= 3
    for row in window.view.painted:  # the first baselines, read from the painted layouts
        assert row.arabic_baseline == pytest.approx(row.english_baseline, abs=0.5)


def test_window_geometry_and_splitters_are_remembered(qtbot, make_window) -> None:
    window = make_window()
    window.resize(700, 520)  # the offscreen screen is 800×600; restoreGeometry keeps windows on it
    window.splitter.setSizes([380, 90])
    window.reading.header.setSizes([300, 600])
    sizes = window.splitter.sizes()
    share = window.reading.header.share()
    window.close()
    again = make_window()
    assert again.size().width() == 700
    assert again.splitter.sizes() == sizes
    assert again.reading.header.share() == pytest.approx(share, abs=0.02)
    assert again.view.layouts.split == pytest.approx(share, abs=0.02)


def test_the_empty_window_invites_a_document(qtbot, make_window) -> None:
    window = make_window()
    assert window.windowTitle() == "Bilingual Reader"
    assert not window.actions_["export"].isEnabled()
    assert window.view.row_count() == 0


def test_a_long_translation_makes_its_row_taller(qtbot, gate, make_window, seed_path) -> None:
    long_english = FakeTranslator(gate=gate, render=lambda text: " ".join(["A long English rendering."] * 30))
    window = make_window(long_english, before_close=lambda _w: gate.open())
    open_and_wait(qtbot, window, seed_path)
    before = painted_rect(window, 0).height()
    with qtbot.waitSignal(window.controller.finished, timeout=5000):
        gate.open()
    qtbot.waitUntil(lambda: painted_rect(window, 0).height() > before)
    first = window.view.painted[0]
    assert first.arabic_baseline == pytest.approx(first.english_baseline, abs=0.5)


def test_rows_growing_above_the_screen_do_not_move_the_text_being_read(
    qtbot, gate, make_window, seed_path, tmp_path: Path
) -> None:
    """Visible-first translation reaches the rows above the reader last; the reader's line stays put."""
    long_text = tmp_path / "long.txt"
    long_text.write_text("\n".join([seed_path.read_text(encoding="utf-8")] * 4), encoding="utf-8")
    translator = FakeTranslator(gate=gate, render=lambda text: " ".join(["A long English rendering."] * 12))
    window = make_window(translator, before_close=lambda _w: gate.open())
    open_and_wait(qtbot, window, long_text)
    view = window.view
    view.scroll_to_row(30)
    qtbot.waitUntil(lambda: window.controller._visible[:1] == [30])
    with qtbot.waitSignal(window.controller.finished, timeout=10_000):
        gate.open()
    assert window.controller.document.segment_at(0).translation  # the rows above were done too
    assert painted_rect(window, 30).top() == 0
    assert view.top_row() == 30


def test_a_file_over_the_size_limit_is_refused_in_one_line(
    qtbot, make_window, seed_path, tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.setenv("BIREADER_MAX_FILE_MB", "1")
    big = tmp_path / "big.txt"
    big.write_bytes(seed_path.read_bytes() * 400)  # about 2 MB
    window = make_window()
    window.open_path(big)
    qtbot.waitUntil(lambda: bool(window.errors))
    assert window.document is None
    assert "\n" not in window.errors[0]
    assert "MB" in window.errors[0]


def test_opening_runs_in_the_background_and_the_window_keeps_answering(
    qtbot, make_window, seed_path, tmp_path: Path
) -> None:
    book = tmp_path / "book.txt"
    book.write_text("\n".join([seed_path.read_text(encoding="utf-8")] * 300), encoding="utf-8")
    window = make_window(FakeTranslator(unavailable="offline"))
    shares: list[float] = []
    window.opener.progressed.connect(lambda _name, share: shares.append(share))
    window.open_path(book)
    assert window.document is None  # open_path returned before the book was read
    assert window.opener.is_running
    assert "Opening book.txt" in window.statusBar().currentMessage()
    with qtbot.waitSignal(window.document_opened, timeout=10_000):
        pass
    assert len(shares) >= 2  # 4 500 paragraphs: a report every 2 000
    assert shares == sorted(shares)
    assert 0 <= shares[0] < shares[-1] < 1
    assert len(window.document) == 15 * 300
