"""The Contents sidebar's dock: on the side a line starts from, and never more than a quarter wide.

Qt mirrors a window's menus and status bar for a right-to-left language but not its dock areas,
so the dock moves itself when the layout direction changes (left in English, right in Arabic).
A narrow window shares its width: the dock takes at most a quarter of it (never less than its
tree's minimum, a chapter title), so the two reading panes keep room to read.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QDockWidget, QMainWindow, QWidget

__all__ = ["ContentsDock"]


class ContentsDock(QDockWidget):
    """Docks *contents* in *window* (a plain :class:`QMainWindow`: the dock knows nothing of ours)."""

    def __init__(self, contents: QWidget, window: QMainWindow) -> None:
        super().__init__(self.tr("Contents"), window)
        self._window = window
        self.setObjectName("contentsDock")
        self.setWidget(contents)
        self.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetClosable)
        self.place()
        window.installEventFilter(self)  # its resizes

    def place(self) -> None:
        """Dock at the start side of the window's current direction (moving it if docked)."""
        window = self._window
        rtl = window.layoutDirection() == Qt.LayoutDirection.RightToLeft
        area = Qt.DockWidgetArea.RightDockWidgetArea if rtl else Qt.DockWidgetArea.LeftDockWidgetArea
        if window.dockWidgetArea(self) != area:
            window.addDockWidget(area, self)

    def fit(self) -> None:
        """Narrow the dock to a quarter of the window when it is wider than that."""
        contents = self.widget()
        cap = max(contents.minimumWidth() if contents is not None else 0, self._window.width() // 4)
        if self.isVisible() and self.width() > cap:
            self._window.resizeDocks([self], [cap], Qt.Orientation.Horizontal)

    def fit_later(self) -> None:
        """Fit once the layout has settled (a new width, a shown dock, a new document's titles)."""
        QTimer.singleShot(0, self, self.fit)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self._window and event.type() == QEvent.Type.Resize:
            self.fit_later()
        return False

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.setWindowTitle(self.tr("Contents"))
        elif event.type() == QEvent.Type.LayoutDirectionChange:
            self.place()
        super().changeEvent(event)
