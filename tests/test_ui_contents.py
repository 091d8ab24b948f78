"""Chapters in the window: the contents sidebar, jumping, following, and the remembered position."""

from __future__ import annotations

from pathlib import Path

from reader.library.positions import ReadingPositions, content_hash
from tests.helpers.loading import load_document
from tests.helpers.window import open_and_wait

CHAPTER = "\n\n".join(f"هذه الجملة رقم {n} في الفصل. وهذه جملة أخرى بعدها رقم {n}." for n in range(40))


def write_book(folder: Path, name: str = "book.txt") -> Path:
    parts = ["كتاب الرحلة"]
    for title in ("الفصل الأول", "الفصل الثاني", "الفصل الثالث"):
        parts += [title, CHAPTER]
    path = folder / name
    path.write_text("\n\n".join(parts), encoding="utf-8")
    return path


def titles(tree) -> list[str]:
    found = []

    def walk(item) -> None:
        found.append(item.text(0))
        for k in range(item.childCount()):
            walk(item.child(k))

    for k in range(tree.topLevelItemCount()):
        walk(tree.topLevelItem(k))
    return found


def test_the_sidebar_lists_chapters_and_a_click_jumps_there(qtbot, make_window, tmp_path: Path) -> None:
    window = make_window()
    open_and_wait(qtbot, window, write_book(tmp_path))
    assert window.contents_dock.isVisible()
    assert titles(window.contents) == ["كتاب الرحلة", "الفصل الأول", "الفصل الثاني", "الفصل الثالث"]
    book = window.contents.topLevelItem(0)
    third = book.child(2)
    with qtbot.waitSignal(window.contents.jump_requested):
        window.contents.itemClicked.emit(third, 0)
    target = window.document.headings()[3][0]
    assert window.view.top_row() == target
    window.view.viewport().repaint()
    assert window.view.painted[0].position == target


def test_the_current_chapter_follows_scrolling(qtbot, make_window, tmp_path: Path) -> None:
    window = make_window()
    open_and_wait(qtbot, window, write_book(tmp_path))
    second = window.document.headings()[2][0]
    with qtbot.waitSignal(window.view.top_row_changed, timeout=2000):
        window.view.scroll_to_row(second + 5)
    assert window.contents.currentItem().text(0) == "الفصل الثاني"


def test_view_menu_hides_and_shows_the_contents_and_the_details(qtbot, make_window, tmp_path: Path) -> None:
    window = make_window()
    open_and_wait(qtbot, window, write_book(tmp_path))
    window.actions_["contents"].trigger()
    assert not window.contents_dock.isVisible()
    assert not window.settings.show_contents
    window.actions_["contents"].trigger()
    assert window.contents_dock.isVisible()
    window.actions_["details"].trigger()
    assert not window.strip.isVisible()
    assert not window.settings.show_details
    window.actions_["details"].trigger()
    assert window.strip.isVisible()


def test_a_document_without_headings_shows_no_sidebar(qtbot, make_window, seed_path) -> None:
    window = make_window()
    open_and_wait(qtbot, window, seed_path)
    assert window.contents.is_empty()
    assert not window.contents_dock.isVisible()


def test_the_reading_position_comes_back_even_for_a_renamed_copy(qtbot, make_window, tmp_path: Path) -> None:
    book = write_book(tmp_path)
    window = make_window()
    open_and_wait(qtbot, window, book)
    window.view.scroll_to_row(77)
    window.close()
    renamed = tmp_path / "renamed.txt"
    renamed.write_bytes(book.read_bytes())
    again = make_window()
    open_and_wait(qtbot, again, renamed)
    assert again.view.top_row() == 77
    other = tmp_path / "other.txt"
    other.write_text("نص آخر تمامًا. لا علاقة له بالكتاب.", encoding="utf-8")
    open_and_wait(qtbot, again, other)
    assert again.view.top_row() == 0


def test_positions_survive_a_damaged_file_and_keep_the_newest(tmp_path: Path) -> None:
    path = tmp_path / "positions.json"
    path.write_text("{not json", encoding="utf-8")
    document = load_document(write_book(tmp_path))
    positions = ReadingPositions(path)
    key = content_hash(document)
    assert positions.recall(key, document) == 0
    assert (tmp_path / "positions.json.damaged").exists()
    positions.remember(key, document, 12)
    assert ReadingPositions(path).recall(key, document) == 12


def test_hovering_a_chapter_shows_its_whole_title(qtbot, make_window, tmp_path: Path) -> None:
    from PySide6.QtCore import QEvent, QPoint
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QToolTip

    window = make_window()
    open_and_wait(qtbot, window, write_book(tmp_path))
    tree = window.contents
    item = tree.topLevelItem(0).child(1)
    spot = tree.visualItemRect(item).center()
    event = QHelpEvent(QEvent.Type.ToolTip, spot, tree.viewport().mapToGlobal(spot))
    assert tree.viewportEvent(event)
    assert QToolTip.isVisible()
    assert QToolTip.text() == "الفصل الثاني"
    below = QPoint(spot.x(), tree.viewport().height() - 2)
    tree.viewportEvent(QHelpEvent(QEvent.Type.ToolTip, below, tree.viewport().mapToGlobal(below)))
    qtbot.waitUntil(lambda: not QToolTip.isVisible())  # nothing under the pointer: hidden


def test_the_selected_sentence_comes_back_with_the_position(qtbot, make_window, tmp_path: Path) -> None:
    book = write_book(tmp_path)
    window = make_window()
    open_and_wait(qtbot, window, book)
    window.view.scroll_to_row(60)
    window.view.select_row(63)
    window.close()
    again = make_window()
    open_and_wait(qtbot, again, book)
    assert again.view.current_row() == 63
    assert 60 <= again.view.top_row() <= 63  # where it was, scrolled as little as shows the pair whole
    again.view.clear_selection()
    again.close()
    third = make_window()
    open_and_wait(qtbot, third, book)
    assert third.view.current_row() == -1  # none selected when it was left: none selected now


def test_contents_without_headings_says_so(qtbot, make_window, tmp_path: Path) -> None:
    plain = tmp_path / "plain.txt"
    plain.write_text("جملة أولى هنا. جملة ثانية هناك.", encoding="utf-8")
    window = make_window()
    open_and_wait(qtbot, window, plain)
    assert window.contents.is_empty()
    if window.settings.show_contents:
        window.view_controls.toggle_contents()
    window.statusBar().clearMessage()
    window.view_controls.toggle_contents()  # F9 on
    assert window.actions_["contents"].isChecked()
    assert not window.contents_dock.isVisible()
    assert "No headings" in window.statusBar().currentMessage()


def test_a_narrow_window_keeps_the_sidebar_and_the_strip_readable(qtbot, make_window, tmp_path: Path) -> None:
    """At 700 px and at the narrowest the window allows, the Contents keeps a chapter title's
    width (it was squeezed to «الف») and each column of the detail strip stays readable."""
    window = make_window()
    open_and_wait(qtbot, window, write_book(tmp_path))
    window.view.select_row(3)
    title_width = window.contents.fontMetrics().horizontalAdvance("الفصل الثاني عشر")
    for width in (1400, 700, 300):
        window.resize(width, 800)
        qtbot.waitUntil(
            lambda w=width: window.width() == w or window.width() == window.minimumSizeHint().width()
        )
        assert window.width() <= max(width, 560)  # the heading wraps: the window can be this narrow
        assert window.contents_dock.width() >= title_width
        cap = max(window.width() // 4, window.contents.minimumWidth()) + 10  # the panes keep room
        qtbot.waitUntil(lambda c=cap: window.contents_dock.width() <= c)
        assert min(window.strip.arabic.width(), window.strip.english.width()) >= 100
