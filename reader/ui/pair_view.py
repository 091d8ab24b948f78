"""The reading view: one row per sentence pair, only the rows near the viewport laid out.

A ``QAbstractScrollArea`` over the document model rather than a ``QListView``: a list view asks
every row for its size on each relayout, which froze the window for seconds on a book. Here a
:class:`HeightMap` holds an estimate for every row and the measured height of rows once drawn;
scroll positions come from its prefix sums. The reading position is an *anchor*: the segment at
the top of the screen and how far into it the top edge sits. Whenever heights change (a batch of
translations, a row measured for the first time, zoom, resize, a pane swap) the scroll offset is
recomputed from the anchor, so the text under the reader's eyes does not move. Rows are painted
from the same prefix sums they are measured into, so they never overlap. The rows just off
screen (and around the next Find hit) are laid out at idle (:class:`LayoutAhead`), so the key
that brings them only paints.

Signals:
  visible_rows_changed(list) — positions now on screen, top to bottom (debounced);
  current_row_changed(int) — the selected position (-1 for none);
  top_row_changed(int) — the position at the top of the screen (the contents follow it);
  copy_requested() — Ctrl+C inside the view.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QCoreApplication, QPoint, QPointF, QRect, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QPainter, QPalette
from PySide6.QtWidgets import QAbstractScrollArea, QFrame, QWidget

from reader.model import BlockKind, Change, ChangeKind, Document, Status
from reader.ui.fonts import ReadingFonts
from reader.ui.height_map import HeightMap
from reader.ui.highlights import Highlights
from reader.ui.layout_ahead import LayoutAhead
from reader.ui.pair_layout import PAD, PairLayouts
from reader.ui.row_metrics import RowMetrics, row_metrics
from reader.ui.settings import ZOOM_MAX, ZOOM_MIN, ZOOM_STEP
from reader.ui.text_warm_up import warm_up
from reader.ui.word_hover import WordHover

SCROLL_STEP = 24
WARM_NEIGHBOURS_MS = 800
"""Idle time after a zoom (or a document) before the next zoom levels' glyphs are drawn ahead."""


@dataclass(frozen=True)
class PaintedRow:
    """Where a row was last painted, with its two first baselines (what tests and hit-tests read)."""

    position: int
    rect: QRect
    arabic_baseline: float
    english_baseline: float
    text_bottom: float  # where the lower of the two texts ends


class PairView(QAbstractScrollArea):
    """See the module docstring."""

    visible_rows_changed = Signal(list)
    current_row_changed = Signal(int)
    top_row_changed = Signal(int)
    copy_requested = Signal()

    def __init__(
        self, fonts: ReadingFonts, parent: QWidget | None = None, *, visible_delay_ms: int = 40
    ) -> None:
        super().__init__(parent)
        self.layouts = PairLayouts(fonts)
        self.document: Document | None = None
        self.heights = HeightMap()
        self.placeholder = ""
        self.opening = ""  # "Opening NAME… 40 %" while a file opens into an empty view
        self.painted: list[PaintedRow] = []
        self.highlights = Highlights()
        self.word_hover = WordHover(self)
        self.hover_row = -1
        self._selected_id: int | None = None
        self._anchor_id: int | None = None
        self._anchor_fraction = 0.0
        self._anchor_y = 0  # where on screen the anchor sits (0: the top; the selection: its place)
        self._restoring = False
        self._unsubscribe: Callable[[], None] | None = None
        self._use_metrics(RowMetrics.empty())
        self._last_visible: list[int] = []
        self._last_top = -1
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.viewport().setMouseTracking(True)
        self.viewport().setAutoFillBackground(True)
        self.viewport().setBackgroundRole(QPalette.ColorRole.Base)
        self.verticalScrollBar().setSingleStep(SCROLL_STEP)
        self.verticalScrollBar().valueChanged.connect(self._on_scrolled)
        self._visible_timer = QTimer(self)
        self._visible_timer.setSingleShot(True)
        self._visible_timer.setInterval(visible_delay_ms)
        self._visible_timer.timeout.connect(self._report_visible)
        self._neighbours_timer = QTimer(self)
        self._neighbours_timer.setSingleShot(True)
        self._neighbours_timer.setInterval(WARM_NEIGHBOURS_MS)
        self._neighbours_timer.timeout.connect(self.warm_zoom_neighbours)
        self.ahead = LayoutAhead(self.heights, self._screen, self._measure_ahead, self)

    # Document ----------------------------------------------------------------------------------
    def set_document(
        self, document: Document | None, *, top_row: int = 0, metrics: RowMetrics | None = None
    ) -> None:
        """Show *document* from *top_row*; *metrics* (computed off the GUI thread) saves an
        O(document) pass here."""
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None
        self.document = document
        self._selected_id = None
        self.hover_row = -1
        if document is not None:
            self._unsubscribe = document.subscribe(self._on_change)
        self._use_metrics(metrics or (row_metrics(document) if document is not None else RowMetrics.empty()))
        count = len(document) if document is not None else 0
        self._anchor_id = None
        if document is not None and count:
            self._anchor_id = document.segment_at(min(max(top_row, 0), count - 1)).id
        self._anchor_fraction, self._anchor_y = 0.0, 0
        self._last_visible, self._last_top = [], -1
        self.ahead.forget()
        self.relayout()
        if document is not None:
            self._neighbours_timer.start()

    def _use_metrics(self, metrics: RowMetrics) -> None:
        self._arabic_chars, self._english_chars = metrics.arabic_chars, metrics.english_chars
        self._starts, self._headings = metrics.starts_block, metrics.headings

    def row_count(self) -> int:
        return len(self.document) if self.document is not None else 0

    def _on_change(self, change: Change) -> None:
        document = self.document
        if document is None:
            return
        if change.kind is ChangeKind.STRUCTURE:
            self._on_structure(change)
            return
        if len(change.segment_ids) > len(document) // 4:  # a retranslation of everything, say
            self._use_metrics(row_metrics(document))
            self.relayout()
            return
        rows = [document.position_of(i) for i in change.segment_ids if document.segment(i) is not None]
        english = [len(document.segment_at(row).translation or "") for row in rows]
        self._english_chars[rows] = english
        if change.kind is ChangeKind.TEXT:
            self._arabic_chars[rows] = [len(document.segment_at(row).text) for row in rows]
        estimates = self.layouts.estimate(
            self._arabic_chars[rows], self._english_chars[rows], self._starts[rows], rows=rows
        )
        for row, estimate in zip(rows, estimates.tolist(), strict=True):
            # Measured rows keep their height until drawn again (so nothing jumps); the others
            # take a fresh estimate, so the scroll range follows the new text.
            self.heights.set(
                row, self.heights.height(row) if self.heights.measured[row] else estimate, measured=False
            )
            self.heights.measured[row] = 0
        self._restore_anchor()
        self.viewport().update()

    def _on_structure(self, change: Change) -> None:
        """Rows split or merged: new metrics and heights (one numpy pass over the book), and the
        reader's place and selection kept (on the first new piece when their row went away)."""
        document = self.document
        assert document is not None
        replacement = change.segment_ids[0] if change.segment_ids else None
        if self._anchor_id is not None and document.segment(self._anchor_id) is None:
            self._anchor_id, self._anchor_fraction = replacement, 0.0
        if self._selected_id is not None and document.segment(self._selected_id) is None:
            self._selected_id = replacement
        self.hover_row = -1
        self.ahead.forget()
        if not self._splice_rows(change):
            self._use_metrics(row_metrics(document))
            self.relayout()
        self.current_row_changed.emit(self.current_row())

    def _splice_rows(self, change: Change) -> bool:
        """One run of rows replaced (a split, a merge, their undo): only those rows get new metrics
        and estimated heights, every other row keeps its measured height (no jump, no pass over
        the book's text). False when the change is not one run (a restore, an import)."""
        document = self.document
        assert document is not None
        new, removed = change.segment_ids, len(change.removed_ids)
        if not new or len(document) != len(self.heights) - removed + len(new):
            return False
        if any(document.segment(i) is None for i in new):
            return False
        row = document.position_of(new[0])
        if [document.position_of(i) for i in new] != list(range(row, row + len(new))):
            return False
        segments = [document.segment_at(r) for r in range(row, row + len(new))]
        arabic = np.array([len(s.text) for s in segments], np.int64)
        english = np.array([len(s.translation or "") for s in segments], np.int64)
        starts = np.array([document.starts_block(r) for r in range(row, row + len(new))], bool)
        headings = np.array(
            [
                document.block(s.block_id).kind is BlockKind.HEADING and bool(starts[k])
                for k, s in enumerate(segments)
            ],
            bool,
        )

        def spliced(old: np.ndarray, part: np.ndarray) -> np.ndarray:
            return np.concatenate((old[:row], part, old[row + removed :]))

        self._arabic_chars = spliced(self._arabic_chars, arabic)
        self._english_chars = spliced(self._english_chars, english)
        self._starts, self._headings = spliced(self._starts, starts), spliced(self._headings, headings)
        self.pin_selection()
        estimates = self.layouts.estimate(arabic, english, starts, rows=list(range(row, row + len(new))))
        self.heights.splice(row, removed, estimates.tolist())
        self._restore_anchor()
        self.viewport().update()
        self._visible_timer.start()
        return True

    def cell_rects(self, row: int) -> tuple[QRect, QRect]:
        """The Arabic and English text boxes of *row* in viewport coordinates (for an editor)."""
        top = self.heights.top(row) - self.verticalScrollBar().value()
        rect = QRect(0, top, self.viewport().width(), self.heights.height(row))
        pad = self.layouts.px(PAD)
        starts = bool(self._starts[row]) if row < len(self._starts) else False
        text_rect = rect.adjusted(0, self.layouts.gap_above(row, starts) + pad, 0, -pad)
        return self.layouts.arabic_and_english(text_rect)

    # Appearance --------------------------------------------------------------------------------
    def relayout(self) -> None:
        """Every height back to an estimate (one vector pass), then the anchor restored."""
        self.pin_selection()
        self.layouts.width = max(self.viewport().width(), 1)
        self.heights.reset(self.layouts.estimate(self._arabic_chars, self._english_chars, self._starts))
        self._restore_anchor()
        self.viewport().update()
        self._visible_timer.start()

    def set_zoom(self, zoom: int) -> None:
        self.layouts.set_zoom(zoom)
        self.verticalScrollBar().setSingleStep(round(SCROLL_STEP * zoom / 100))
        self.relayout()
        self._neighbours_timer.start()

    def warm_zoom_neighbours(self) -> None:
        """Draw the glyphs of the zoom levels one step in and out, in idle turns (one font per
        turn): the first zoom to a size rasterises every glyph at it, 25-30 ms more than the next
        time (offscreen; two to three times that under X while a book translates)."""
        for zoom in (self.layouts.zoom + ZOOM_STEP, self.layouts.zoom - ZOOM_STEP):
            if ZOOM_MIN <= zoom <= ZOOM_MAX:
                other = PairLayouts(self.layouts.fonts)
                other.set_zoom(zoom)
                warm_up(other)

    def set_arabic_on_left(self, on_left: bool) -> None:
        self.layouts.arabic_on_left = on_left
        self.relayout()

    def set_split(self, left_share: float) -> None:
        share = min(max(left_share, 0.15), 0.85)
        if abs(share - self.layouts.split) > 0.001:
            self.layouts.split = share
            self.relayout()

    def set_reading_fonts(self, fonts: ReadingFonts, line_spacing: float) -> None:
        """New faces, sizes or line spacing (Settings); the anchor keeps the same sentence on top."""
        self.layouts.set_fonts(fonts)
        self.layouts.line_spacing = line_spacing
        self.relayout()

    def set_show_diacritics(self, shown: bool) -> None:
        """Vowel marks on or off (display only); the anchor keeps the same sentence on top."""
        if shown != self.layouts.show_diacritics:
            self.layouts.show_diacritics = shown
            self.relayout()

    def set_opening(self, text: str) -> None:
        """What an empty view says while a document opens ("" again once it is here or failed):
        never the open-a-file hint, which reads as if nothing were happening."""
        if text != self.opening:
            self.opening = text
            if not self.row_count():
                self.viewport().update()

    def set_placeholder(self, text: str) -> None:
        """What pending rows say in the English pane (it follows the translation's state)."""
        if text != self.placeholder:
            self.placeholder = text
            # Pending rows were measured with the old text: measure again when drawn (the rows
            # on screen are measured before they are painted, so none overlaps its neighbour).
            self.heights.measured[:] = bytes(len(self.heights))
            self.viewport().update()

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self.pin_selection()
        if max(self.viewport().width(), 1) != self.layouts.width:
            self.relayout()
        else:
            self._restore_anchor()
        self._visible_timer.start()

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        self._visible_timer.start()

    # Scrolling and the anchor ---------------------------------------------------------------------
    def top_row(self) -> int:
        """The position at the top of the screen (-1 without a document)."""
        return self.heights.row_at(self.verticalScrollBar().value()) if self.row_count() else -1

    def scroll_to_row(self, row: int) -> None:
        """Put *row* at the top of the screen (a chapter jump, a restored reading position)."""
        if not 0 <= row < self.row_count():
            return
        assert self.document is not None
        self._anchor_id, self._anchor_fraction = self.document.segment_at(row).id, 0.0
        self._anchor_y = 0
        self._restore_anchor()
        self.viewport().update()

    def pin_selection(self) -> None:
        """Anchor on the selected pair while any of it is on screen, where it is now: zoom,
        resize and relayouts then keep the sentence being read in view (anchoring on the top row
        let it slide off the bottom). Scrolling by hand anchors on the top row again."""
        row = self.current_row()
        if row < 0 or self._restoring:
            return
        scroll, page = self.verticalScrollBar().value(), self.viewport().height()
        top = self.heights.top(row)
        if top + self.heights.height(row) <= scroll or top >= scroll + max(page, 1):
            return  # the reader scrolled away from the selection: keep their place instead
        self.anchor_on(row, top - scroll)

    def anchor_on(self, row: int, screen_y: int) -> None:
        """Keep *row*'s top *screen_y* pixels below the viewport's top (as far as it fits)."""
        assert self.document is not None
        self._anchor_id, self._anchor_fraction = self.document.segment_at(row).id, 0.0
        self._anchor_y = max(screen_y, 0)

    def _on_scrolled(self, value: int) -> None:
        if not self._restoring and self.row_count():
            assert self.document is not None
            row = self.heights.row_at(value)
            self._anchor_id = self.document.segment_at(row).id
            self._anchor_fraction = (value - self.heights.top(row)) / self.heights.height(row)
            self._anchor_y = 0
        self.viewport().update()
        self._visible_timer.start()

    def _restore_anchor(self) -> None:
        """Scroll range from the total height, offset from the anchor row's top."""
        bar = self.verticalScrollBar()
        self._restoring = True
        try:
            page = self.viewport().height()
            bar.setRange(0, max(self.heights.total - page, 0))
            bar.setPageStep(page)
            if self._anchor_id is not None and self.document is not None:
                row = self.document.position_of(self._anchor_id)
                height = self.heights.height(row)
                offset = round(self._anchor_fraction * height)
                screen_y = min(self._anchor_y, max(page - height, 0))  # the whole row, if it fits
                bar.setValue(self.heights.top(row) + offset - screen_y)
        finally:
            self._restoring = False

    def measure_row(self, row: int) -> int:
        """Lay *row* out and record its height; returns the change in pixels."""
        assert self.document is not None
        segment = self.document.segment_at(row)
        heading = bool(self._headings[row])
        height = self.layouts.row_height(
            row, segment, bool(self._starts[row]), self.placeholder, heading=heading
        )
        return self.heights.set(row, height)

    def _screen(self) -> tuple[int, int]:
        return self.verticalScrollBar().value(), self.viewport().height() if self.isVisible() else 0

    def _measure_ahead(self, row: int) -> None:
        """Lay out an off-screen row at idle (:class:`LayoutAhead`); the reader's place holds."""
        if self.document is not None and self.measure_row(row):
            self._restore_anchor()

    def _measure_screen(self) -> None:
        """Lay out the rows on screen; where they differ from the estimate, restore the anchor."""
        for _attempt in range(4):  # measuring can pull more rows on screen; settles in one or two
            changed = False
            bottom = self.verticalScrollBar().value() + self.viewport().height()
            row = self.heights.row_at(self.verticalScrollBar().value())
            y = self.heights.top(row)
            while row < len(self.heights) and y < bottom:
                if not self.heights.measured[row]:
                    changed |= self.measure_row(row) != 0
                y += self.heights.height(row)
                row += 1
            if not changed:
                return
            self._restore_anchor()

    # Painting ---------------------------------------------------------------------------------------
    def paintEvent(self, event) -> None:  # noqa: N802
        painter = QPainter(self.viewport())
        palette = self.palette()
        document = self.document
        self.painted = []
        if document is None or not len(document):
            self._paint_hint(painter, palette)
            return
        self._measure_screen()
        scroll = self.verticalScrollBar().value()
        width = self.viewport().width()
        row = self.heights.row_at(scroll)
        while row < len(self.heights):
            top = self.heights.top(row) - scroll
            if top >= self.viewport().height():
                break
            rect = QRect(0, top, width, self.heights.height(row))
            self._paint_row(painter, palette, row, rect)
            row += 1
        painter.end()
        self.ahead.schedule()  # the rows just off screen, laid out while the reader reads

    def _paint_row(self, painter: QPainter, palette: QPalette, row: int, rect: QRect) -> None:
        assert self.document is not None
        segment = self.document.segment_at(row)
        layouts = self.layouts
        pad = layouts.px(PAD)
        text_rect = rect.adjusted(0, layouts.gap_above(row, bool(self._starts[row])) + pad, 0, -pad)
        arabic_box, english_box = layouts.arabic_and_english(text_rect)
        left, right = layouts.panes(rect)
        divider = QColor(palette.color(QPalette.ColorRole.Mid))
        divider.setAlpha(90)
        painter.setPen(divider)
        middle = (left.right() + right.left()) // 2
        painter.drawLine(middle, rect.top(), middle, rect.bottom())
        selected, hovered = segment.id == self._selected_id, row == self.hover_row
        if selected or hovered:
            colour = QColor(palette.color(QPalette.ColorRole.Highlight))
            colour.setAlpha(70 if selected else 28)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour)
            for box in (arabic_box, english_box):
                painter.drawRoundedRect(QRectF(box.adjusted(-pad, -pad, pad, pad)), pad, pad)
        pair = layouts.pair(segment, self.placeholder, heading=bool(self._headings[row]))
        painter.setPen(palette.color(QPalette.ColorRole.Text))
        arabic_at = QPointF(arabic_box.left(), arabic_box.top() + pair.arabic_shift)
        marks = self.highlights.ranges(row, "ar", segment.text, pair.arabic.text(), palette)
        self.highlights.paint_dense(painter, pair.arabic, arabic_at, row, "ar", segment.text)
        pair.arabic.draw(painter, arabic_at, marks)
        if segment.status is Status.FAILED:
            painter.setPen(error_colour(palette))
        elif pair.placeholder:
            painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
        english_at = QPointF(english_box.left(), english_box.top() + pair.english_shift)
        english = "" if pair.placeholder else (segment.translation or "")
        marks = self.highlights.ranges(row, "en", english, pair.english.text(), palette) if english else []
        if english:
            self.highlights.paint_dense(painter, pair.english, english_at, row, "en", english)
        pair.english.draw(painter, english_at, marks)
        rendering = segment.rendering
        doubted = self.document is not None and bool(self.document.block(segment.block_id).flags)  # OCR
        flagged = doubted or (rendering is not None and bool(rendering.flags))
        if flagged or segment.edited:
            paint_marks(painter, palette, english_box, pad, flagged=flagged, edited=segment.edited)
        arabic_baseline = arabic_at.y() + (pair.arabic.lineAt(0).ascent() if pair.arabic.lineCount() else 0.0)
        english_baseline = english_at.y() + (
            pair.english.lineAt(0).ascent() if pair.english.lineCount() else 0.0
        )
        text_bottom = max(
            arabic_at.y() + pair.arabic.boundingRect().height(),
            english_at.y() + pair.english.boundingRect().height(),
        )
        self.painted.append(PaintedRow(row, QRect(rect), arabic_baseline, english_baseline, text_bottom))

    def _paint_hint(self, painter: QPainter, palette: QPalette) -> None:
        painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
        hint = self.opening or QCoreApplication.translate(  # one context whatever subclass paints it
            "PairView",
            "Open an Arabic text file (Ctrl+O), drop one here, or paste Arabic text as a new document (Ctrl+Shift+V).",
        )
        area = self.viewport().rect().adjusted(40, 40, -40, -40)
        painter.drawText(area, Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, hint)
        painter.end()

    # Rows on screen ---------------------------------------------------------------------------------
    def row_at_point(self, point: QPoint) -> int:
        """The position under a viewport point, or -1."""
        if not self.row_count():
            return -1
        y = self.verticalScrollBar().value() + point.y()
        return self.heights.row_at(y) if 0 <= y < self.heights.total else -1

    def visible_rows(self) -> list[int]:
        if not self.row_count() or not self.isVisible():
            return []
        scroll = self.verticalScrollBar().value()
        first = self.heights.row_at(scroll)
        last = self.heights.row_at(scroll + max(self.viewport().height() - 1, 0))
        return list(range(first, last + 1))

    def _report_visible(self) -> None:
        rows = self.visible_rows()
        if rows != self._last_visible:
            self._last_visible = rows
            self.visible_rows_changed.emit(rows)
        top = self.top_row()
        if top != self._last_top:
            self._last_top = top
            self.top_row_changed.emit(top)

    def current_row(self) -> int:
        """The selected position, or -1 (selection, keys and mouse live in ReadingView)."""
        if (
            self._selected_id is None
            or self.document is None
            or self.document.segment(self._selected_id) is None
        ):
            return -1  # (a merge removed it: the view moves the selection when it hears of it)
        return self.document.position_of(self._selected_id)


def error_colour(palette: QPalette) -> QColor:
    dark = palette.color(QPalette.ColorRole.Base).lightness() < 128
    return QColor("#f28b82" if dark else "#b3261e")


def paint_marks(
    painter: QPainter, palette: QPalette, box: QRect, pad: int, *, flagged: bool, edited: bool
) -> None:
    """A thin bar beside the English cell: amber for a quality flag, the accent for an edit."""
    painter.save()
    painter.setPen(Qt.PenStyle.NoPen)
    x = box.left() - pad - max(pad // 2, 2)
    width = max(pad // 3, 2)
    if edited:
        colour = QColor(palette.color(QPalette.ColorRole.Highlight))
        painter.setBrush(colour)
        painter.drawRect(QRect(x, box.top(), width, box.height()))
    if flagged:
        painter.setBrush(QColor("#d9a300"))
        painter.drawEllipse(QRect(box.right() + 2, box.top() + 2, width + 3, width + 3))
    painter.restore()
