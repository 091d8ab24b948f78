"""Pair rows: Arabic laid out right to left at the right edge of its pane, English at the left of its own."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QListView, QStyle, QStyleOptionViewItem

from reader.segment import segment_text
from reader.ui.fonts import register_fonts
from reader.ui.pair_delegate import PairDelegate, lay_out
from reader.ui.pair_model import SentencePairModel


def make_delegate(qtbot, text: str, translations: list[str] | None = None):
    view = QListView()
    qtbot.addWidget(view)
    view.resize(900, 600)
    model = SentencePairModel(view)
    document = segment_text(text)
    for sentence, english in zip(document.sentences, translations or [], strict=False):
        sentence.set_translation(english)
    model.set_document(document)
    view.setModel(model)
    delegate = PairDelegate(view, register_fonts())
    view.setItemDelegate(delegate)
    return view, model, delegate


def ink_columns(image: QImage, box: QRect) -> list[int]:
    """x positions inside *box* where something darker than the background was drawn."""
    background = QColor(image.pixel(box.left(), box.bottom())).lightness()
    return [
        x
        for x in range(box.left(), box.right() + 1)
        if any(
            QColor(image.pixel(x, y)).lightness() < background - 60 for y in range(box.top(), box.bottom())
        )
    ]


def test_arabic_layout_is_right_to_left_and_keeps_the_string_as_given(qapp) -> None:
    fonts = register_fonts()
    text = "قال الرئيس (Donald Trump) إن 3.5 مليون شخص شاركوا."
    layout, height = lay_out(text, fonts.arabic_font(), 300, True)
    assert layout.text() == text  # Qt orders the runs; we never reverse anything
    assert layout.textOption().textDirection() == Qt.LayoutDirection.RightToLeft
    assert layout.lineCount() >= 2
    assert height > 0
    first = layout.lineAt(0)
    assert abs(first.naturalTextRect().right() - 300) < 1.5  # flush right


def test_english_layout_is_left_to_right_and_flush_left(qapp) -> None:
    layout, _ = lay_out("The talks took place in Switzerland.", register_fonts().english_font(), 200, False)
    assert layout.textOption().textDirection() == Qt.LayoutDirection.LeftToRight
    assert layout.lineAt(0).naturalTextRect().left() == 0


def test_a_short_pair_is_drawn_at_the_outer_edges_of_its_panes(qtbot) -> None:
    view, model, delegate = make_delegate(qtbot, "نعم.", ["Yes."])
    index = model.index(0)
    option = QStyleOptionViewItem()
    option.initFrom(view)
    size = delegate.sizeHint(option, index)
    option.rect = QRect(0, 0, size.width(), size.height())
    option.state &= ~QStyle.StateFlag.State_Selected
    image = QImage(size, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    delegate.paint(painter, option, index)
    painter.end()
    arabic, english = delegate.arabic_and_english(option.rect)
    arabic_ink, english_ink = ink_columns(image, arabic), ink_columns(image, english)
    assert arabic_ink
    assert english_ink
    assert min(arabic_ink) > arabic.center().x()  # a short Arabic sentence hugs the right edge
    assert max(arabic_ink) >= arabic.right() - 12
    assert max(english_ink) < english.center().x()  # a short English one hugs the left edge
    assert min(english_ink) <= english.left() + 12


def test_a_new_paragraph_gets_more_space_than_a_new_sentence(qtbot) -> None:
    view, model, delegate = make_delegate(
        qtbot, "الجملة الأولى. الجملة الثانية.\nفقرة جديدة هنا. وجملة أخرى."
    )
    gaps = [delegate.gap_above(model.index(row)) for row in range(4)]
    assert gaps[1] < gaps[2]
    assert gaps[3] == gaps[1]


def test_the_row_is_as_tall_as_the_taller_side(qtbot) -> None:
    long_english = " ".join(["A much longer English rendering of a very short sentence."] * 6)
    view, model, delegate = make_delegate(qtbot, "نعم.", [long_english])
    option = QStyleOptionViewItem()
    height = delegate.sizeHint(option, model.index(0)).height()
    _, english_box = delegate.arabic_and_english(QRect(0, 0, delegate.row_width(), 10))
    _, english_height = lay_out(long_english, delegate.english_font, english_box.width(), False)
    _, arabic_height = lay_out("نعم.", delegate.arabic_font, english_box.width(), True)
    assert english_height > 2 * arabic_height
    assert height >= english_height


def test_zoom_scales_fonts_and_heights(qtbot) -> None:
    view, model, delegate = make_delegate(qtbot, "قالت ثلاثة مصادر مطلعة إن مشاركين اجتمعوا في سويسرا.")
    option = QStyleOptionViewItem()
    before = delegate.sizeHint(option, model.index(0)).height()
    delegate.set_zoom(150)
    after = delegate.sizeHint(option, model.index(0)).height()
    assert after > before * 1.3
    assert delegate.arabic_font.pointSizeF() == register_fonts().arabic_font(150).pointSizeF()
