"""Tell background work when the window works and when the reader uses it
(:mod:`reader.window_priority`).

One application-wide event filter sees every event the GUI thread handles (a few microseconds
each; it never consumes one): from any event until the event loop is about to wait again
(the dispatcher's ``aboutToBlock``) the window is busy. Its ``awake`` cannot say it: under
GLib it comes after the events it woke for. Keys, clicks, wheel turns, resizes and touches are
input, and so are the window's menu actions, which a script or a test may trigger without any
input event.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractEventDispatcher, QEvent, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication

from reader import window_priority

INPUT_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.Wheel,
        QEvent.Type.Resize,
        QEvent.Type.InputMethod,
        QEvent.Type.TouchBegin,
        QEvent.Type.TouchUpdate,
    }
)


class ActivityWatch(QObject):
    """Watches while its parent (the window) lives; when it goes, background work runs freely."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        dispatcher = QAbstractEventDispatcher.instance()
        if dispatcher is not None:
            dispatcher.aboutToBlock.connect(self._about_to_block)
        self.destroyed.connect(window_priority.reset)

    def watch_actions(self, actions: dict[str, QAction]) -> None:
        for action in actions.values():
            action.triggered.connect(self._triggered)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        window_priority.window_busy()
        if event.type() in INPUT_EVENTS:
            window_priority.note_input()
        return False

    def _about_to_block(self) -> None:
        window_priority.window_idle()

    def _triggered(self) -> None:
        window_priority.note_input()
