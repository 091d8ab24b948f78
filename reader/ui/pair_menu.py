"""The right-click menu on a pair: copy, read aloud, retry, edit, alternatives, split, merge.

What it offers depends on the sentence (a failed one can be retried, a translated one copied,
alternatives picked); built afresh for each click from the parts that act on the pair.
"""

from __future__ import annotations

import functools
from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMenu, QWidget

from reader.model import Segment, Status
from reader.model.editing import neighbour, split_candidates
from reader.ui.current_pair import CurrentPair
from reader.ui.editing import EditingController
from reader.ui.menu_style import with_shortcut_style
from reader.ui.open_document import OpenDocument
from reader.ui.reading_aids import ReadingAids
from reader.ui.translation_controller import TranslationController


class PairMenu(QObject):
    """``menu_for(sentence)``: a menu that deletes itself when it closes."""

    def __init__(
        self,
        current: OpenDocument,
        pair: CurrentPair,
        editing: EditingController,
        aids: ReadingAids,
        controller: TranslationController,
        split_dialog: Callable[[], object],
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self._open, self._pair, self._editing, self._aids = current, pair, editing, aids
        self._controller, self._split_dialog, self._parent = controller, split_dialog, parent

    def menu_for(self, sentence: Segment | None) -> QMenu:
        pair, aids = self._pair, self._aids
        menu = with_shortcut_style(QMenu(self._parent))
        menu.addAction(self.tr("Copy Pair"), pair.copy_pair)
        menu.addAction(self.tr("Copy Arabic"), pair.copy_arabic)
        english = menu.addAction(self.tr("Copy English"), pair.copy_english)
        english.setEnabled(sentence is not None and sentence.status is Status.DONE)
        menu.addSeparator()
        menu.setToolTipsVisible(True)
        aids.read_aloud.refresh()
        menu.addActions([aids.actions["read_arabic"], aids.actions["read_english"]])
        if sentence is not None and sentence.status is Status.FAILED:
            menu.addSeparator()
            menu.addAction(self.tr("Retry"), lambda: self._controller.retry([sentence.id]))
        if sentence is not None:
            self._edit_entries(menu, sentence)
        menu.aboutToHide.connect(menu.deleteLater)
        return menu

    def _edit_entries(self, menu: QMenu, sentence: Segment) -> None:
        e = self._editing
        menu.addSeparator()
        menu.addAction(self.tr("Edit Translation"), e.edit_current)
        if sentence.status is not Status.PENDING:
            menu.addAction(self.tr("Retranslate Sentence"), e.retranslate_current)
        for choice in sentence.rendering.alternatives if sentence.rendering is not None else ():
            menu.addAction(self.tr("Use: {text}").format(text=choice[:60]), functools.partial(e.pick, choice))
        split = with_shortcut_style(menu.addMenu(self.tr("Split After")))
        for at in split_candidates(sentence):
            split.addAction(f"…{sentence.text[max(at - 24, 0) : at]}", functools.partial(e.split_current, at))
        split.addAction(self.tr("At a Chosen Place…"), self._split_dialog)
        document = self._open.document
        if document is not None:
            merge_next = menu.addAction(self.tr("Merge with Next"), lambda: e.merge_current(1))
            merge_next.setEnabled(neighbour(document, sentence.id, 1) is not None)
            merge_previous = menu.addAction(self.tr("Merge with Previous"), lambda: e.merge_current(-1))
            merge_previous.setEnabled(neighbour(document, sentence.id, -1) is not None)
