"""The window's menus and shortcuts, kept apart from the window's behaviour.

Standard keys come from QKeySequence's StandardKey so each platform gets its own convention;
Ctrl+= joins Ctrl++ for zooming in because on most keyboards "+" needs Shift.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QActionGroup, QIcon, QKeySequence
from PySide6.QtWidgets import QMenu, QMessageBox

from reader.model import Segment, Status
from reader.model.editing import neighbour, split_candidates
from reader.ui.theme import ThemeKeeper

if TYPE_CHECKING:
    from reader.ui.main_window import MainWindow

Keys = QKeySequence.StandardKey
# Actions that need a document (the window enables them when one is open).
EDIT_ACTIONS = (
    "edit",
    "retranslate",
    "split",
    "merge_next",
    "merge_previous",
    "next_flagged",
    "previous_flagged",
    "save_project",
)


class WindowMenus(QObject):
    """Builds the menu bar for a :class:`MainWindow`; ``actions`` maps short names to QActions."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.actions: dict[str, QAction] = {}
        self._file_menu()
        self._edit_menu()
        self._view_menu()
        self._translation_menu()
        self._help_menu()

    def _add(
        self,
        menu: QMenu,
        name: str,
        text: str,
        slot: Callable[[], object],
        shortcuts: list[QKeySequence | Keys | str] | None = None,
        icon: str = "",
    ) -> QAction:
        action = QAction(QIcon(f"icons:{icon}") if icon else QIcon(), text, self.window)
        if shortcuts:  # platform keys first; extras only where they differ (a duplicate is "ambiguous")
            keys = {seq.toString(): seq for s in shortcuts if not (seq := QKeySequence(s)).isEmpty()}
            action.setShortcuts(list(keys.values()))
        action.triggered.connect(lambda _checked=False: slot())
        menu.addAction(action)
        self.actions[name] = action
        return action

    def _file_menu(self) -> None:
        w = self.window
        menu = w.menuBar().addMenu(self.tr("&File"))
        self._add(menu, "open", self.tr("&Open…"), w.opening.open_dialog, [Keys.Open], "open.svg")
        stop = self._add(menu, "stop_opening", self.tr("&Stop Opening"), w.opener.cancel)
        stop.setEnabled(False)  # only while a file opens (a hostile one may take its time)
        w.opener.started.connect(lambda _name: stop.setEnabled(True))
        for done in (w.opener.opened, w.opener.failed, w.opener.cancelled):
            done.connect(lambda *_args: stop.setEnabled(False))
        self.recent_menu = menu.addMenu(self.tr("Open &Recent"))
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        self._add(
            menu, "paste", self.tr("&Paste as New Document"), w.opening.paste_document, ["Ctrl+Shift+V"]
        )
        self._add(
            menu, "import_translation", self.tr("&Import Translation…"), w.translation_import.import_dialog
        )
        menu.addSeparator()
        self._add(menu, "export", self.tr("&Export…"), w.export.export_document, ["Ctrl+E"], "pdf.svg")
        self._add(menu, "cancel_export", self.tr("Cancel E&xport"), w.exporter.cancel)
        self._add(menu, "save_project", self.tr("Save Pro&ject As…"), w.files.save_project_as, [Keys.SaveAs])
        menu.addSeparator()
        self._add(
            menu,
            "settings",
            self.tr("&Settings…"),
            w.model_settings.open_settings,
            [Keys.Preferences, "Ctrl+,"],
        )
        menu.addSeparator()
        self._add(menu, "quit", self.tr("&Quit"), w.close, [Keys.Quit, "Ctrl+Q"])

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        files = self.window.settings.recent_files
        for path in files:
            action = self.recent_menu.addAction(Path(path).name)
            action.setToolTip(path)
            action.setStatusTip(path)
            action.triggered.connect(lambda _checked=False, p=path: self.window.open_path(p))
        if files:
            self.recent_menu.addSeparator()
            clear = self.recent_menu.addAction(self.tr("Clear Recent Files"))
            clear.triggered.connect(self.window.settings.clear_recent_files)
        else:
            self.recent_menu.addAction(self.tr("No recent files")).setEnabled(False)

    def _edit_menu(self) -> None:
        w = self.window
        e = w.editing
        menu = w.menuBar().addMenu(self.tr("&Edit"))
        self._add(menu, "undo", self.tr("&Undo"), e.undo, [Keys.Undo])
        self._add(menu, "redo", self.tr("&Redo"), e.redo, [Keys.Redo, "Ctrl+Shift+Z"])
        menu.addSeparator()
        self._add(menu, "copy_pair", self.tr("&Copy Pair"), w.pair.copy_pair, [Keys.Copy])
        self._add(menu, "copy_arabic", self.tr("Copy &Arabic"), w.pair.copy_arabic)
        self._add(menu, "copy_english", self.tr("Copy &English"), w.pair.copy_english)
        menu.addSeparator()
        self._add(menu, "edit", self.tr("&Edit Translation"), e.edit_current, ["F2"])
        self._add(menu, "split", self.tr("&Split Sentence…"), w.files.split_dialog, ["Ctrl+Shift+K"])
        self._add(
            menu, "merge_next", self.tr("&Merge with Next"), lambda: e.merge_current(1), ["Ctrl+Shift+J"]
        )
        self._add(menu, "merge_previous", self.tr("Merge with &Previous"), lambda: e.merge_current(-1))
        menu.addSeparator()
        self._add(menu, "next_flagged", self.tr("&Next Flagged Sentence"), lambda: e.next_flagged(1), ["F8"])
        self._add(
            menu,
            "previous_flagged",
            self.tr("Pre&vious Flagged Sentence"),
            lambda: e.next_flagged(-1),
            ["Shift+F8"],
        )
        t = w.translation_import  # the alignment review of an imported translation
        self._add(menu, "next_low_link", self.tr("Next &Uncertain Link"), lambda: t.next_low(1), ["F6"])
        self._add(
            menu,
            "previous_low_link",
            self.tr("Previous Uncertain Link"),
            lambda: t.next_low(-1),
            ["Shift+F6"],
        )
        self._add(
            menu,
            "english_up",
            self.tr("First English Sentence to Row Above"),
            lambda: t.move_english(-1),
            ["Ctrl+Alt+Up"],
        )
        self._add(
            menu,
            "english_down",
            self.tr("Last English Sentence to Row Below"),
            lambda: t.move_english(1),
            ["Ctrl+Alt+Down"],
        )
        menu.addSeparator()
        self._add(menu, "find", self.tr("&Find…"), w.aids.open_find, [Keys.Find, "Ctrl+F"])
        self._add(menu, "find_next", self.tr("Find &Next"), w.aids.find_next, [Keys.FindNext, "F3"])
        self._add(
            menu,
            "find_previous",
            self.tr("Find Pre&vious"),
            w.aids.find_previous,
            [Keys.FindPrevious, "Shift+F3"],
        )

    def _view_menu(self) -> None:
        w = self.window
        menu = w.menuBar().addMenu(self.tr("&View"))
        self._add(menu, "zoom_in", self.tr("Zoom &In"), w.view_controls.zoom_in, [Keys.ZoomIn, "Ctrl+="])
        self._add(menu, "zoom_out", self.tr("Zoom &Out"), w.view_controls.zoom_out, [Keys.ZoomOut, "Ctrl+-"])
        self._add(menu, "zoom_reset", self.tr("&Actual Size"), w.view_controls.zoom_reset, ["Ctrl+0"])
        menu.addSeparator()
        self._add(menu, "swap", self.tr("&Swap Panes"), w.view_controls.swap_panes, ["Ctrl+Shift+S"])
        contents = self._add(menu, "contents", self.tr("&Contents"), w.view_controls.toggle_contents, ["F9"])
        contents.setCheckable(True)
        contents.setChecked(w.settings.show_contents)
        details = self._add(
            menu, "details", self.tr("Sentence &Details"), w.view_controls.toggle_details, ["F10"]
        )
        details.setCheckable(True)
        details.setChecked(w.settings.show_details)
        diacritics = self._add(menu, "diacritics", self.tr("Show D&iacritics"), w.aids.toggle_diacritics)
        diacritics.setCheckable(True)
        diacritics.setChecked(w.settings.show_diacritics)
        speech = menu.addMenu(self.tr("&Read Aloud"))
        speech.setToolTipsVisible(True)  # a disabled action's tooltip says what to install
        speech.addActions([w.aids.actions[n] for n in ("read_arabic", "read_english", "stop_reading")])
        speech.aboutToShow.connect(w.aids.read_aloud.refresh)
        self.actions.update(w.aids.actions)
        theme_menu = menu.addMenu(self.tr("&Theme"))
        group = QActionGroup(self)
        names = {
            "system": self.tr("Follow the &System"),
            "light": self.tr("&Light"),
            "dark": self.tr("&Dark"),
        }
        for key, text in names.items():
            action = theme_menu.addAction(text)
            action.setCheckable(True)
            action.setChecked(w.settings.theme == key)
            action.triggered.connect(lambda _checked=False, k=key: self._set_theme(k))
            group.addAction(action)
            self.actions[f"theme_{key}"] = action

    def _set_theme(self, choice: str) -> None:
        self.window.settings.theme = choice
        if ThemeKeeper.current is not None:
            ThemeKeeper.current.set_choice(choice)

    def _translation_menu(self) -> None:
        w = self.window
        menu = w.menuBar().addMenu(self.tr("&Translation"))
        self._add(
            menu, "translate", self.tr("&Translate Remaining"), w.translation_status.translate_now, ["F5"]
        )
        self._add(menu, "cancel", self.tr("&Cancel Translation"), w.controller.cancel)
        self._add(
            menu, "retranslate", self.tr("Retranslate &Sentence"), w.pair.retranslate_current, ["Ctrl+R"]
        )
        self._add(menu, "retry", self.tr("&Retry Failed"), w.pair.retry, ["Ctrl+Shift+R"])
        menu.addSeparator()
        self._add(
            menu, "choose_model", self.tr("Choose &Model Folder…"), w.model_settings.choose_model_folder
        )
        self._add(menu, "models", self.tr("M&odels…"), self.open_models)
        w.banner.models_requested.connect(self.open_models)

    def open_models(self) -> None:
        """Translation ▸ Models… (and the missing-model banner's button); imported on first use."""
        from reader.ui.models_dialog import open_models_dialog

        open_models_dialog(self.window)

    def _help_menu(self) -> None:
        menu = self.window.menuBar().addMenu(self.tr("&Help"))
        self._add(menu, "about", self.tr("&About Bilingual Reader"), self._about)

    def _about(self) -> None:
        box = QMessageBox(self.window)
        box.setWindowTitle(self.tr("About Bilingual Reader"))
        box.setText(
            self.tr(
                "Bilingual Reader shows an Arabic text beside its English translation, sentence by sentence.\n"
                "Translation by a MarianMT model running on this computer."
            )
        )
        box.open()

    def pair_menu(self, sentence: Segment | None) -> QMenu:
        """The right-click menu on a pair."""
        w = self.window
        menu = QMenu(w)
        menu.addAction(self.tr("Copy Pair"), w.pair.copy_pair)
        menu.addAction(self.tr("Copy Arabic"), w.pair.copy_arabic)
        english = menu.addAction(self.tr("Copy English"), w.pair.copy_english)
        english.setEnabled(sentence is not None and sentence.status is Status.DONE)
        menu.addSeparator()
        menu.setToolTipsVisible(True)
        w.aids.read_aloud.refresh()
        menu.addActions([w.aids.actions["read_arabic"], w.aids.actions["read_english"]])
        if sentence is not None and sentence.status is Status.FAILED:
            menu.addSeparator()
            menu.addAction(self.tr("Retry"), lambda: w.controller.retry([sentence.id]))
        if sentence is not None:
            e = w.editing
            menu.addSeparator()
            menu.addAction(self.tr("Edit Translation"), e.edit_current)
            if sentence.status is not Status.PENDING:
                menu.addAction(self.tr("Retranslate Sentence"), e.retranslate_current)
            for choice in sentence.rendering.alternatives if sentence.rendering is not None else ():
                menu.addAction(
                    self.tr("Use: {text}").format(text=choice[:60]), functools.partial(e.pick, choice)
                )
            split = menu.addMenu(self.tr("Split After"))
            for at in split_candidates(sentence):
                split.addAction(
                    f"…{sentence.text[max(at - 24, 0) : at]}", functools.partial(e.split_current, at)
                )
            split.addAction(self.tr("At a Chosen Place…"), w.files.split_dialog)
            document = w.document
            if document is not None:
                merge_next = menu.addAction(self.tr("Merge with Next"), lambda: e.merge_current(1))
                merge_next.setEnabled(neighbour(document, sentence.id, 1) is not None)
                merge_previous = menu.addAction(self.tr("Merge with Previous"), lambda: e.merge_current(-1))
                merge_previous.setEnabled(neighbour(document, sentence.id, -1) is not None)
        menu.aboutToHide.connect(menu.deleteLater)
        return menu
