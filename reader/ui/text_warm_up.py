"""Pay Qt's first-use costs for the reading fonts before a book arrives, not in its first paint.

The first paint of Arabic and English text loads the font files, builds HarfBuzz faces and fills
the glyph caches: 20–40 ms of CPU on this 2-core machine, added to the turn that also installs a
20 000-sentence document. Drawing a sample of every letter in each reading font (regular, heading,
placeholder italic) into a small off-screen image while the document is still being read on a
worker moves that cost into an idle turn of its own, so no single turn goes over the stall bound.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPointF, QTimer
from PySide6.QtGui import QColor, QFont, QImage, QPainter

from reader.ui.pair_layout import PairLayouts, lay_out

# Every Arabic letter in its joining positions, digits and the marks a news text uses.
ARABIC_SAMPLE = (
    "ابتثجحخدذرزسشصضطظعغفقكلمنهوي ءآأؤإئةى لا لأ "
    "بببتتتثثثججججحححخخخسسسششصصضضططظظععغغففققككللممننههيي "
    "٠١٢٣٤٥٦٧٨٩ 0123456789 ، ؛ ؟ « » ( ) - . : ٪"
)
ENGLISH_SAMPLE = (
    "The quick brown fox jumps over the lazy dog. THE QUICK BROWN FOX JUMPS OVER THE LAZY DOG "
    "0123456789 , ; ? ! ' \" ( ) - . : % … — é ü"
)


_warmed: set[str] = set()


def warm_up(layouts: PairLayouts, *, on_done: Callable[[], None] | None = None) -> bool:
    """Lay out and draw the samples in every font *layouts* paints with, once per font set.

    One font per event-loop turn: all five in one turn took 48–54 ms of wall time (21–23 ms of
    CPU) while the opening worker held the GIL between, itself a stall. *on_done* runs after the
    last. Returns whether there was anything to do (a zoom or a font change needs it again)."""
    key = layouts.arabic_font.key() + "|" + layouts.english_font.key()
    if key in _warmed:
        return False
    _warmed.add(key)
    fonts: list[tuple[QFont, str, bool]] = [
        (layouts.arabic_font, ARABIC_SAMPLE, True),
        (layouts.heading_fonts[0], ARABIC_SAMPLE, True),
        (layouts.english_font, ENGLISH_SAMPLE, False),
        (layouts.heading_fonts[1], ENGLISH_SAMPLE, False),
        (layouts.placeholder_font, ENGLISH_SAMPLE, False),
    ]

    def step(index: int) -> None:
        _draw(*fonts[index])
        if index + 1 < len(fonts):
            QTimer.singleShot(0, lambda: step(index + 1))
        elif on_done is not None:
            on_done()

    step(0)
    return True


def _draw(font: QFont, sample: str, right_to_left: bool) -> None:
    image = QImage(600, 80, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(0)
    painter = QPainter(image)
    try:
        painter.setPen(QColor(0, 0, 0))
        painter.drawLine(0, 0, 0, 79)
        layout, _height = lay_out(sample, font, 10_000, right_to_left)
        layout.draw(painter, QPointF(0, 0))
    finally:
        painter.end()
