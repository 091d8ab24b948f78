"""View ▸ zoom, pane sides, the contents sidebar and the detail strip: each saved as the reader's
choice and applied to every widget it concerns.

The reading view, the detail strip and the header must agree on zoom and sides; doing it here
keeps them from drifting apart when a new widget joins.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QDockWidget, QStatusBar

from reader.ui.contents import ContentsTree
from reader.ui.detail_strip import DetailStrip
from reader.ui.open_document import OpenDocument
from reader.ui.reading_view import ReadingPane
from reader.ui.settings import ZOOM_DEFAULT, ZOOM_MAX, ZOOM_MIN, ZOOM_STEP, AppSettings


class ViewControls(QObject):
    """The View menu's slots.

    Signals: checked(str, bool) — the menu entry of that name should show that check mark."""

    checked = Signal(str, bool)

    def __init__(
        self,
        settings: AppSettings,
        reading: ReadingPane,
        strip: DetailStrip,
        contents: ContentsTree,
        contents_dock: QDockWidget,
        current: OpenDocument,
        status: QStatusBar,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._settings, self._reading, self._view, self._strip = settings, reading, reading.view, strip
        self._contents, self._dock, self._open, self._status = contents, contents_dock, current, status
        contents_dock.visibilityChanged.connect(self._on_contents_visibility)

    def apply_zoom(self, zoom: int) -> None:
        zoom = min(max(zoom, ZOOM_MIN), ZOOM_MAX)
        self._settings.zoom = zoom
        self._view.set_zoom(zoom)
        self._strip.set_zoom(zoom)
        self._reading.align_header()

    def zoom_in(self) -> None:
        self.apply_zoom(self._settings.zoom + ZOOM_STEP)

    def zoom_out(self) -> None:
        self.apply_zoom(self._settings.zoom - ZOOM_STEP)

    def zoom_reset(self) -> None:
        self.apply_zoom(ZOOM_DEFAULT)

    def apply_sides(self, arabic_on_left: bool) -> None:
        self._settings.arabic_on_left = arabic_on_left
        self._view.set_arabic_on_left(arabic_on_left)
        self._strip.set_arabic_on_left(arabic_on_left)
        arabic, english = self.tr("Arabic"), self.tr("English")
        self._reading.header.set_titles(*((arabic, english) if arabic_on_left else (english, arabic)))

    def retranslate(self) -> None:
        """The panes' titles in the current UI language."""
        self.apply_sides(self._settings.arabic_on_left)

    def swap_panes(self) -> None:
        self.apply_sides(not self._settings.arabic_on_left)

    def show_contents_if_any(self) -> None:
        """The sidebar as the reader chose it, for a document that has headings to list."""
        self._dock.setVisible(self._settings.show_contents and not self._contents.is_empty())

    def toggle_contents(self) -> None:
        """View ▸ Contents: the chapters sidebar (shown only for documents that have headings)."""
        shown = not self._settings.show_contents
        self._settings.show_contents = shown
        self.checked.emit("contents", shown)
        self.show_contents_if_any()
        if shown and self._open.document is not None and self._contents.is_empty():
            # Ticked but nothing to show: say so rather than leave the reader guessing.
            self._status.showMessage(
                self.tr("No headings in this document: the Contents has nothing to list"), 8000
            )

    def _on_contents_visibility(self, visible: bool) -> None:
        # The dock's own close button hides it: remember that as the reader's choice.
        if (
            not visible
            and self._reading.isVisible()
            and not self._contents.is_empty()
            and self._open.document is not None
        ):
            self._settings.show_contents = False
            self.checked.emit("contents", False)

    def toggle_details(self) -> None:
        """View ▸ Sentence Details: the strip under the reading view."""
        shown = not self._settings.show_details
        self._settings.show_details = shown
        self.checked.emit("details", shown)
        self._strip.setVisible(shown)
