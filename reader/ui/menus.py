"""The window's menus and shortcuts, as a table: what each entry says and which keys reach it.

The menus know no behaviour: the window (the composition root) binds each entry's name to the
slot of the part that owns it (:meth:`WindowMenus.bind`). The texts are kept untranslated in the
table, so :meth:`WindowMenus.retranslate` can say them again in a new UI language.

Standard keys come from QKeySequence's StandardKey so each platform gets its own convention;
Ctrl+= joins Ctrl++ for zooming in because on most keyboards "+" needs Shift.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction, QActionGroup, QIcon, QKeySequence
from PySide6.QtWidgets import QMenu, QMenuBar, QMessageBox, QWidget

from reader.ui.menu_style import with_shortcut_style
from reader.ui.settings import AppSettings
from reader.ui.theme import ThemeKeeper

Keys = QKeySequence.StandardKey
CONTEXT = "WindowMenus"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 — the name lupdate looks for
    """Marks *text* for the translation catalogue; it is translated where it is shown."""
    return text


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


@dataclass(frozen=True)
class Item:
    """A menu entry: ``name`` is what the window binds a slot to; ``text`` is untranslated."""

    name: str
    text: str
    keys: tuple[QKeySequence | Keys | str, ...] = ()
    icon: str = ""
    checkable: bool = False


@dataclass(frozen=True)
class Submenu:
    """A submenu the menus fill themselves (recent files, read aloud, theme)."""

    name: str
    text: str


Entry = Item | Submenu | None  # None: a separator
MENUS: tuple[tuple[str, tuple[Entry, ...]], ...] = (
    (
        QT_TRANSLATE_NOOP("WindowMenus", "&File"),
        (
            Item("open", QT_TRANSLATE_NOOP("WindowMenus", "&Open…"), (Keys.Open,), "open.svg"),
            Item("stop_opening", QT_TRANSLATE_NOOP("WindowMenus", "&Stop Opening")),
            Submenu("recent", QT_TRANSLATE_NOOP("WindowMenus", "Open &Recent")),
            Item("paste", QT_TRANSLATE_NOOP("WindowMenus", "&Paste as New Document"), ("Ctrl+Shift+V",)),
            Item("import_translation", QT_TRANSLATE_NOOP("WindowMenus", "&Import Translation…")),
            None,
            Item("export", QT_TRANSLATE_NOOP("WindowMenus", "&Export…"), ("Ctrl+E",), "pdf.svg"),
            Item("cancel_export", QT_TRANSLATE_NOOP("WindowMenus", "Cancel E&xport")),
            Item("save_project", QT_TRANSLATE_NOOP("WindowMenus", "Save Pro&ject As…"), (Keys.SaveAs,)),
            None,
            Item("settings", QT_TRANSLATE_NOOP("WindowMenus", "&Settings…"), (Keys.Preferences, "Ctrl+,")),
            None,
            Item("quit", QT_TRANSLATE_NOOP("WindowMenus", "&Quit"), (Keys.Quit, "Ctrl+Q")),
        ),
    ),
    (
        QT_TRANSLATE_NOOP("WindowMenus", "&Edit"),
        (
            Item("undo", QT_TRANSLATE_NOOP("WindowMenus", "&Undo"), (Keys.Undo,)),
            Item("redo", QT_TRANSLATE_NOOP("WindowMenus", "&Redo"), (Keys.Redo, "Ctrl+Shift+Z")),
            None,
            Item("copy_pair", QT_TRANSLATE_NOOP("WindowMenus", "&Copy Pair"), (Keys.Copy,)),
            Item("copy_arabic", QT_TRANSLATE_NOOP("WindowMenus", "Copy &Arabic")),
            Item("copy_english", QT_TRANSLATE_NOOP("WindowMenus", "Copy &English")),
            None,
            Item("edit", QT_TRANSLATE_NOOP("WindowMenus", "&Edit Translation"), ("F2",)),
            Item("split", QT_TRANSLATE_NOOP("WindowMenus", "&Split Sentence…"), ("Ctrl+Shift+K",)),
            Item("merge_next", QT_TRANSLATE_NOOP("WindowMenus", "&Merge with Next"), ("Ctrl+Shift+J",)),
            Item("merge_previous", QT_TRANSLATE_NOOP("WindowMenus", "Merge with &Previous")),
            None,
            Item("next_flagged", QT_TRANSLATE_NOOP("WindowMenus", "&Next Flagged Sentence"), ("F8",)),
            Item(
                "previous_flagged",
                QT_TRANSLATE_NOOP("WindowMenus", "Pre&vious Flagged Sentence"),
                ("Shift+F8",),
            ),
            Item("next_low_link", QT_TRANSLATE_NOOP("WindowMenus", "Next &Uncertain Link"), ("F6",)),
            Item(
                "previous_low_link",
                QT_TRANSLATE_NOOP("WindowMenus", "Previous Uncertain Link"),
                ("Shift+F6",),
            ),
            Item(
                "english_up",
                QT_TRANSLATE_NOOP("WindowMenus", "First English Sentence to Row Above"),
                ("Ctrl+Alt+Up",),
            ),
            Item(
                "english_down",
                QT_TRANSLATE_NOOP("WindowMenus", "Last English Sentence to Row Below"),
                ("Ctrl+Alt+Down",),
            ),
            None,
            Item("find", QT_TRANSLATE_NOOP("WindowMenus", "&Find…"), (Keys.Find, "Ctrl+F")),
            Item("find_next", QT_TRANSLATE_NOOP("WindowMenus", "Find &Next"), (Keys.FindNext, "F3")),
            Item(
                "find_previous",
                QT_TRANSLATE_NOOP("WindowMenus", "Find Pre&vious"),
                (Keys.FindPrevious, "Shift+F3"),
            ),
        ),
    ),
    (
        QT_TRANSLATE_NOOP("WindowMenus", "&View"),
        (
            Item("zoom_in", QT_TRANSLATE_NOOP("WindowMenus", "Zoom &In"), (Keys.ZoomIn, "Ctrl+=")),
            Item("zoom_out", QT_TRANSLATE_NOOP("WindowMenus", "Zoom &Out"), (Keys.ZoomOut, "Ctrl+-")),
            Item("zoom_reset", QT_TRANSLATE_NOOP("WindowMenus", "&Actual Size"), ("Ctrl+0",)),
            None,
            Item("swap", QT_TRANSLATE_NOOP("WindowMenus", "&Swap Panes"), ("Ctrl+Shift+S",)),
            Item("contents", QT_TRANSLATE_NOOP("WindowMenus", "&Contents"), ("F9",), checkable=True),
            Item("details", QT_TRANSLATE_NOOP("WindowMenus", "Sentence &Details"), ("F10",), checkable=True),
            Item("diacritics", QT_TRANSLATE_NOOP("WindowMenus", "Show D&iacritics"), checkable=True),
            Submenu("speech", QT_TRANSLATE_NOOP("WindowMenus", "&Read Aloud")),
            Submenu("theme", QT_TRANSLATE_NOOP("WindowMenus", "&Theme")),
        ),
    ),
    (
        QT_TRANSLATE_NOOP("WindowMenus", "&Translation"),
        (
            Item("translate", QT_TRANSLATE_NOOP("WindowMenus", "&Translate Remaining"), ("F5",)),
            Item("cancel", QT_TRANSLATE_NOOP("WindowMenus", "&Cancel Translation")),
            Item("retranslate", QT_TRANSLATE_NOOP("WindowMenus", "Retranslate &Sentence"), ("Ctrl+R",)),
            Item("retry", QT_TRANSLATE_NOOP("WindowMenus", "&Retry Failed"), ("Ctrl+Shift+R",)),
            None,
            Item("choose_model", QT_TRANSLATE_NOOP("WindowMenus", "Choose &Model Folder…")),
            Item("models", QT_TRANSLATE_NOOP("WindowMenus", "M&odels…")),
        ),
    ),
    (
        QT_TRANSLATE_NOOP("WindowMenus", "&Help"),
        (Item("about", QT_TRANSLATE_NOOP("WindowMenus", "&About Bilingual Reader")),),
    ),
)
THEMES = {
    "system": QT_TRANSLATE_NOOP("WindowMenus", "Follow the &System"),
    "light": QT_TRANSLATE_NOOP("WindowMenus", "&Light"),
    "dark": QT_TRANSLATE_NOOP("WindowMenus", "&Dark"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


class WindowMenus(QObject):
    """Builds the menu bar from :data:`MENUS`; ``actions`` maps entry names to QActions.

    ``extra_actions`` (the read-aloud actions, which their owner created) join ``actions`` and
    the Read Aloud submenu; ``open_path`` opens a recent file."""

    def __init__(
        self,
        bar: QMenuBar,
        settings: AppSettings,
        *,
        speech_actions: Mapping[str, QAction],
        refresh_speech: Callable[[], None],
        open_path: Callable[[str], None],
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self._settings, self._open_path, self._parent = settings, open_path, parent
        self.actions: dict[str, QAction] = {}
        self._texts: list[tuple[QAction | QMenu, str]] = []  # what retranslate() says again
        self.submenus: dict[str, QMenu] = {}
        for title, entries in MENUS:
            menu = with_shortcut_style(bar.addMenu(_tr(title)))
            self._texts.append((menu, title))
            self._fill(menu, entries)
        self.recent_menu = self.submenus["recent"]
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        speech = self.submenus["speech"]
        speech.setToolTipsVisible(True)  # a disabled action's tooltip says what to install
        speech.addActions(list(speech_actions.values()))
        speech.aboutToShow.connect(refresh_speech)
        self.actions.update(speech_actions)
        self._theme_menu(self.submenus["theme"])
        self.actions["stop_opening"].setEnabled(False)  # only while a file opens
        self.actions["contents"].setChecked(settings.show_contents)
        self.actions["details"].setChecked(settings.show_details)
        self.actions["diacritics"].setChecked(settings.show_diacritics)

    def _fill(self, menu: QMenu, entries: tuple[Entry, ...]) -> None:
        for entry in entries:
            if entry is None:
                menu.addSeparator()
            elif isinstance(entry, Submenu):
                self.submenus[entry.name] = submenu = with_shortcut_style(menu.addMenu(_tr(entry.text)))
                self._texts.append((submenu, entry.text))
            else:
                action = QAction(
                    QIcon(f"icons:{entry.icon}") if entry.icon else QIcon(), _tr(entry.text), self._parent
                )
                if (
                    entry.keys
                ):  # platform keys first; extras only where they differ (a duplicate is "ambiguous")
                    keys = {seq.toString(): seq for k in entry.keys if not (seq := QKeySequence(k)).isEmpty()}
                    action.setShortcuts(list(keys.values()))
                action.setCheckable(entry.checkable)
                menu.addAction(action)
                self.actions[entry.name] = action
                self._texts.append((action, entry.text))

    def bind(self, slots: Mapping[str, Callable[[], object]]) -> None:
        """Connect each named entry to its slot; every entry of the table must have one."""
        missing = [
            e.name for _, entries in MENUS for e in entries if isinstance(e, Item) and e.name not in slots
        ]
        if missing:
            raise ValueError(f"menu entries without a slot: {', '.join(missing)}")
        for name, slot in slots.items():
            self.actions[name].triggered.connect(lambda _checked=False, s=slot: s())

    def retranslate(self) -> None:
        """Say every menu text again in the current UI language."""
        for widget, text in self._texts:
            if isinstance(widget, QMenu):
                widget.setTitle(_tr(text))
            else:
                widget.setText(_tr(text))

    def about(self) -> None:
        box = QMessageBox(self._parent)
        box.setWindowTitle(self.tr("About Bilingual Reader"))
        box.setText(
            self.tr(
                "Bilingual Reader shows an Arabic text beside its English translation, sentence by sentence.\n"
                "Translation by a MarianMT model running on this computer."
            )
        )
        box.open()

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        files = self._settings.recent_files
        for path in files:
            action = self.recent_menu.addAction(Path(path).name)
            action.setToolTip(path)
            action.setStatusTip(path)
            action.triggered.connect(lambda _checked=False, p=path: self._open_path(p))
        if files:
            self.recent_menu.addSeparator()
            clear = self.recent_menu.addAction(self.tr("Clear Recent Files"))
            clear.triggered.connect(self._settings.clear_recent_files)
        else:
            self.recent_menu.addAction(self.tr("No recent files")).setEnabled(False)

    def _theme_menu(self, menu: QMenu) -> None:
        group = QActionGroup(self)
        for key, text in THEMES.items():
            action = menu.addAction(_tr(text))
            action.setCheckable(True)
            action.setChecked(self._settings.theme == key)
            action.triggered.connect(lambda _checked=False, k=key: self.set_theme(k))
            group.addAction(action)
            self.actions[f"theme_{key}"] = action
            self._texts.append((action, text))

    def set_theme(self, choice: str) -> None:
        self._settings.theme = choice
        if ThemeKeeper.current is not None:
            ThemeKeeper.current.set_choice(choice)
        self.actions[f"theme_{choice}"].setChecked(True)
