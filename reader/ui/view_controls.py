"""View ▸ zoom, pane sides, the contents sidebar and the detail strip: each saved as the reader's
choice and applied to every widget it concerns.

The reading view, the detail strip and the header must agree on zoom and sides; doing it here
keeps them from drifting apart when a new widget joins.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from reader.ui.settings import ZOOM_DEFAULT, ZOOM_MAX, ZOOM_MIN, ZOOM_STEP

if TYPE_CHECKING:
    from reader.ui.main_window import MainWindow


class ViewControls(QObject):
    """The View menu's slots for a :class:`MainWindow`."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        window.contents_dock.visibilityChanged.connect(self._on_contents_visibility)

    def apply_zoom(self, zoom: int) -> None:
        w = self.window
        zoom = min(max(zoom, ZOOM_MIN), ZOOM_MAX)
        w.settings.zoom = zoom
        w.view.set_zoom(zoom)
        w.strip.set_zoom(zoom)
        w.reading.align_header()

    def zoom_in(self) -> None:
        self.apply_zoom(self.window.settings.zoom + ZOOM_STEP)

    def zoom_out(self) -> None:
        self.apply_zoom(self.window.settings.zoom - ZOOM_STEP)

    def zoom_reset(self) -> None:
        self.apply_zoom(ZOOM_DEFAULT)

    def apply_sides(self, arabic_on_left: bool) -> None:
        w = self.window
        w.settings.arabic_on_left = arabic_on_left
        w.view.set_arabic_on_left(arabic_on_left)
        w.strip.set_arabic_on_left(arabic_on_left)
        arabic, english = self.tr("Arabic"), self.tr("English")
        w.reading.header.set_titles(*((arabic, english) if arabic_on_left else (english, arabic)))

    def swap_panes(self) -> None:
        self.apply_sides(not self.window.settings.arabic_on_left)

    def toggle_contents(self) -> None:
        """View ▸ Contents: the chapters sidebar (shown only for documents that have headings)."""
        w = self.window
        shown = not w.settings.show_contents
        w.settings.show_contents = shown
        w.actions_["contents"].setChecked(shown)
        w.contents_dock.setVisible(shown and not w.contents.is_empty())
        if shown and w.document is not None and w.contents.is_empty():
            # Ticked but nothing to show: say so rather than leave the reader guessing.
            w.statusBar().showMessage(
                self.tr("No headings in this document: the Contents has nothing to list"), 8000
            )

    def _on_contents_visibility(self, visible: bool) -> None:
        # The dock's own close button hides it: remember that as the reader's choice.
        w = self.window
        if not visible and w.isVisible() and not w.contents.is_empty() and w.document is not None:
            w.settings.show_contents = False
            w.actions_["contents"].setChecked(False)

    def toggle_details(self) -> None:
        """View ▸ Sentence Details: the strip under the reading view."""
        w = self.window
        shown = not w.settings.show_details
        w.settings.show_details = shown
        w.actions_["details"].setChecked(shown)
        w.strip.setVisible(shown)
