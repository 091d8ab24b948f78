"""The reader window: Arabic beside English, one pair per row, filled in live by the translator.

The window is the composition root: it builds the widgets and the parts that give them
behaviour (:mod:`opening_sequence`, :mod:`current_pair`, :mod:`translation_status`,
:mod:`export_flow`, :mod:`model_settings`, :mod:`view_controls`, :mod:`reading_aids`,
:mod:`work_files`, :mod:`translation_import`), hands each part what it uses, and connects them.
No part holds the window: the document reaches them through :class:`OpenDocument`'s signals, the
questions to the reader through :class:`Dialogs`. The window keeps the few names tests and
benchmarks reach it by; ``show_error``, ``ask_open_path``, ``ask_save_path``, ``ask_directory``
and ``ask_confirm`` are its :class:`Dialogs`, which tests replace.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QMainWindow, QProgressDialog, QSplitter, QVBoxLayout, QWidget

from reader.library.positions import ReadingPositions
from reader.library.store import Library
from reader.model import Document, Segment
from reader.translate.compute_priority import lower_compute_threads
from reader.translate.protocol import EngineSettings
from reader.ui.activity_watch import ActivityWatch
from reader.ui.alternatives import AlternativesFinder
from reader.ui.banner import ModelBanner
from reader.ui.contents import ContentsTree
from reader.ui.contents_dock import ContentsDock
from reader.ui.current_pair import CurrentPair
from reader.ui.detail_strip import DetailStrip
from reader.ui.dialogs import Dialogs
from reader.ui.document_opener import DocumentOpener, Opened
from reader.ui.editing import EditingController
from reader.ui.export_flow import ExportFlow
from reader.ui.export_task import Exporter, ExportFunction, default_export
from reader.ui.fonts import ReadingFonts, register_fonts
from reader.ui.gil_handoff import favour_the_window
from reader.ui.menus import EDIT_ACTIONS, WindowMenus
from reader.ui.model_settings import ModelSettings, window_engine_settings
from reader.ui.open_document import OpenDocument
from reader.ui.opening_sequence import OpeningSequence
from reader.ui.pair_menu import PairMenu
from reader.ui.paths import register_search_paths
from reader.ui.progress_panel import ProgressPanel
from reader.ui.reading_aids import ReadingAids
from reader.ui.reading_view import ReadingPane
from reader.ui.settings import AppSettings
from reader.ui.settings_dialog import SettingsDialog
from reader.ui.translation_controller import TranslationController, TranslatorFactory
from reader.ui.translation_import import TranslationImport
from reader.ui.translation_status import TranslationStatus
from reader.ui.view_controls import ViewControls
from reader.ui.work_files import WorkFiles


def _dialog(name: str) -> property:
    """A window attribute that is the :class:`Dialogs` entry of that name (tests replace it)."""

    def get(window: MainWindow) -> Callable[..., object]:
        return getattr(window.dialogs, name)

    def put(window: MainWindow, value: Callable[..., object]) -> None:
        setattr(window.dialogs, name, value)

    return property(get, put)


class MainWindow(QMainWindow):
    """One document at a time. ``model_override`` is the ``--model`` given on the command line.

    Signals: document_opened() — a document is on screen (opening runs in the background).
    """

    document_opened = Signal()
    show_error = _dialog("show_error")
    ask_open_path = _dialog("ask_open_path")
    ask_save_path = _dialog("ask_save_path")
    ask_directory = _dialog("ask_directory")
    ask_confirm = _dialog("ask_confirm")

    def __init__(
        self,
        settings: AppSettings,
        *,
        translator_factory: TranslatorFactory,
        fonts: ReadingFonts | None = None,
        model_override: str | None = None,
        export: ExportFunction = default_export,
    ) -> None:
        super().__init__()
        favour_the_window()  # its workers run Python while it paints
        lower_compute_threads()  # and engines' native threads yield a CPU to them
        register_search_paths()
        self.settings = settings
        self.fonts = fonts or register_fonts()
        self.current = OpenDocument(self)
        self.library = Library(legacy_positions=ReadingPositions())
        self.dialogs = Dialogs(self)
        self._build_widgets()
        self._build_parts(translator_factory, model_override, export)
        self._connect()
        self._restore()
        self.update_title()
        self.update_actions()

    # Composition ---------------------------------------------------------------------------
    def _build_widgets(self) -> None:
        self.banner = ModelBanner(self)
        self.reading = ReadingPane(self.fonts, self)
        self.view = self.reading.view
        self.strip = DetailStrip(self.fonts, self)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.addWidget(self.reading)
        self.splitter.addWidget(self.strip)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setChildrenCollapsible(False)
        self.contents = ContentsTree(self)
        self.contents_dock = ContentsDock(self.contents, self)
        self.contents_dock.hide()
        self.progress_panel = ProgressPanel(self)
        self.statusBar().addPermanentWidget(self.progress_panel)
        self.setAcceptDrops(True)

    def _build_parts(
        self, translator_factory: TranslatorFactory, model_override: str | None, export: ExportFunction
    ) -> None:
        current, status, dialogs, settings = self.current, self.statusBar(), self.dialogs, self.settings
        view = self.view
        self.opener = DocumentOpener(self.library, self)
        chosen = window_engine_settings(settings, model_override)
        self.controller = TranslationController(translator_factory, chosen, self)
        self.model_settings = ModelSettings(
            settings, self.controller, self.banner, self.fonts, dialogs, self, model_override=model_override
        )
        self.editing = EditingController(view, self.controller, self)
        self.pair = CurrentPair(current, view, self.strip, self.controller, self.editing, self)
        self.aids = ReadingAids(view, self.strip, settings, self.fonts, status, self.pair.current, self)
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.banner)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.aids.find_bar)  # find bar, diacritics, read aloud, word highlighting
        self.setCentralWidget(central)
        self.view_controls = ViewControls(
            settings, self.reading, self.strip, self.contents, self.contents_dock, current, status, self
        )
        self.exporter = Exporter(self, export=export)
        self.export = ExportFlow(self.exporter, current, settings, dialogs, status, self)
        self.files = WorkFiles(current, view, self.editing, dialogs, status, self)
        self.alternatives = AlternativesFinder(self.controller, self)
        self.opening = OpeningSequence(
            self.opener, current, view, self.library, settings, status, dialogs, self
        )
        self.translation_status = TranslationStatus(
            self.controller, self.progress_panel, self.banner, view, status, dialogs, self
        )
        self.translation_import = TranslationImport(current, view, self.editing, dialogs, self)
        self.pair_menu = PairMenu(
            current, self.pair, self.editing, self.aids, self.controller, self.files.split_dialog, self
        )
        self.menus = WindowMenus(
            self.menuBar(),
            settings,
            speech_actions=self.aids.actions,
            refresh_speech=self.aids.read_aloud.refresh,
            open_path=self.open_path,
            parent=self,
        )
        self.menus.bind(self._menu_slots())
        self.actions_ = self.menus.actions
        ActivityWatch(self).watch_actions(self.actions_)  # background work steps aside for it

    def _menu_slots(self) -> dict[str, Callable[[], object]]:
        opening, e, pair, aids, v = self.opening, self.editing, self.pair, self.aids, self.view_controls
        imported = self.translation_import  # the alignment review of an imported translation
        return {
            "open": opening.open_dialog,
            "stop_opening": self.opener.cancel,
            "paste": opening.paste_document,
            "import_translation": imported.import_dialog,
            "export": self.export.export_document,
            "cancel_export": self.exporter.cancel,
            "save_project": self.files.save_project_as,
            "settings": self.model_settings.open_settings,
            "quit": self.close,
            "undo": e.undo,
            "redo": e.redo,
            "copy_pair": pair.copy_pair,
            "copy_arabic": pair.copy_arabic,
            "copy_english": pair.copy_english,
            "edit": e.edit_current,
            "split": self.files.split_dialog,
            "merge_next": lambda: e.merge_current(1),
            "merge_previous": lambda: e.merge_current(-1),
            "next_flagged": lambda: e.next_flagged(1),
            "previous_flagged": lambda: e.next_flagged(-1),
            "next_low_link": lambda: imported.next_low(1),
            "previous_low_link": lambda: imported.next_low(-1),
            "english_up": lambda: imported.move_english(-1),
            "english_down": lambda: imported.move_english(1),
            "find": aids.open_find,
            "find_next": aids.find_next,
            "find_previous": aids.find_previous,
            "zoom_in": v.zoom_in,
            "zoom_out": v.zoom_out,
            "zoom_reset": v.zoom_reset,
            "swap": v.swap_panes,
            "contents": v.toggle_contents,
            "details": v.toggle_details,
            "diacritics": aids.toggle_diacritics,
            "translate": self.translation_status.translate_now,
            "cancel": self.controller.cancel,
            "retranslate": pair.retranslate_current,
            "retry": pair.retry,
            "choose_model": self.model_settings.choose_model_folder,
            "models": self.model_settings.open_models,
            "about": self.menus.about,
        }

    def _connect(self) -> None:
        c, pair, current, view = self.controller, self.pair, self.current, self.view
        # A new document: the parts that show it at once, in this order ...
        current.changed.connect(lambda opened: self.editing.set_document(opened.document))
        current.changed.connect(
            lambda opened: view.set_document(opened.document, top_row=opened.position, metrics=opened.metrics)
        )
        current.changed.connect(lambda opened: self.aids.set_document(opened.document))
        current.changed.connect(self._show_opened)
        # ... and, a turn after its first paint, the slower ones.
        current.settled.connect(lambda opened: self.contents.set_document(opened.document))
        current.settled.connect(lambda _opened: self.view_controls.show_contents_if_any())
        current.settled.connect(lambda _opened: self.contents_dock.fit_later())
        current.settled.connect(lambda opened: c.set_document(opened.document))
        current.settled.connect(self._settled)

        view.visible_rows_changed.connect(c.prioritize)
        view.current_row_changed.connect(pair.show_current)
        view.top_row_changed.connect(self.contents.follow)
        self.contents.jump_requested.connect(view.scroll_to_row)
        view.copy_requested.connect(pair.copy_pair)
        view.customContextMenuRequested.connect(pair.context_menu)
        pair.menu_requested.connect(lambda segment, at: self.pair_menu.menu_for(segment).popup(at))
        self.strip.retry_requested.connect(lambda segment_id: c.retry([segment_id]))
        self.strip.alternative_picked.connect(self.editing.pick)
        self.strip.alternatives_requested.connect(
            lambda segment_id: self.document is not None and self.alternatives.find(self.document, segment_id)
        )
        self.alternatives.found.connect(lambda _segment_id: self.strip.show_alternatives())
        say = self.statusBar().showMessage
        self.alternatives.unavailable.connect(lambda reason: say(reason, 8000))
        self.editing.history_changed.connect(self.update_actions)
        self.editing.message.connect(lambda line: say(line, 8000))
        self.translation_import.message.connect(lambda line: say(line, 8000))
        self.strip.copy_arabic_requested.connect(pair.copy_arabic)
        self.strip.copy_english_requested.connect(pair.copy_english)
        self.strip.copy_pair_requested.connect(pair.copy_pair)
        for done in (
            self.exporter.started,
            self.exporter.succeeded,
            self.exporter.failed,
            self.exporter.cancelled,
        ):
            done.connect(self.update_actions)
        stop = self.actions_["stop_opening"]  # only while a file opens (a hostile one may take its time)
        self.opener.started.connect(lambda _name: stop.setEnabled(True))
        for ended in (self.opener.opened, self.opener.failed, self.opener.cancelled):
            ended.connect(lambda *_args: stop.setEnabled(False))
        for part in (self.aids, self.view_controls):
            part.checked.connect(lambda name, on: self.actions_[name].setChecked(on))
        self.model_settings.applied.connect(self.aids.apply_reading_settings)

    def _show_opened(self, opened: Opened) -> None:
        self.strip.show_sentence(None)
        if opened.selected >= 0:
            self.view.select_row(opened.selected)  # as the reader left it (the strip follows)
        self.update_title()
        self.update_actions()

    def _settled(self, opened: Opened) -> None:
        if opened.warnings:  # after the translation's own status; the CLI prints `warning: …` lines
            self.statusBar().showMessage(" · ".join(opened.warnings), 20000)
        self.document_opened.emit()

    def _restore(self) -> None:
        geometry = self.settings.state("geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1200, 800)
        splitter = self.settings.state("splitter")
        if splitter is None or not self.splitter.restoreState(splitter):
            self.splitter.setSizes([680, 130])
        header = self.settings.state("pane_header")
        if header is None or not self.reading.header.restoreState(header):
            self.reading.header.setSizes([500, 500])
        self.view.set_split(self.reading.header.share())
        self.strip.setVisible(self.settings.show_details)
        self.view_controls.apply_zoom(self.settings.zoom)
        self.view_controls.apply_sides(self.settings.arabic_on_left)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        """A new UI language (Settings): every string the window's parts keep is said again; the
        widgets that keep their own (banner, detail strip, find bar…) hear the same event."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.menus.retranslate()
        self.view_controls.retranslate()
        self.translation_status.retranslate()
        self.aids.retranslate()
        self.update_title()

    def update_title(self) -> None:
        app = self.tr("Bilingual Reader")
        name = self.document.name if self.document is not None and self.document.name else ""
        self.setWindowTitle(f"{name} — {app}" if name else app)

    def update_actions(self) -> None:
        has_document = self.document is not None
        for name in ("copy_pair", "copy_arabic", "copy_english", "retry", "translate", *EDIT_ACTIONS):
            self.actions_[name].setEnabled(has_document)
        self.actions_["undo"].setEnabled(self.editing.can_undo)
        self.actions_["redo"].setEnabled(self.editing.can_redo)
        self.actions_["export"].setEnabled(has_document and not self.exporter.is_running)
        self.actions_["cancel_export"].setEnabled(self.exporter.is_running)

    # The names tests and benchmarks reach the window by --------------------------------------
    @property
    def document(self) -> Document | None:
        return self.current.document

    @property
    def document_path(self) -> Path | None:
        return self.current.path

    @property
    def document_key(self) -> str:
        return self.current.key

    @property
    def model_override(self) -> str | None:
        return self.model_settings.model_override

    def engine_settings(self) -> EngineSettings:
        return self.model_settings.engine_settings()

    def open_path(self, path: str | Path) -> None:
        self.opening.open_path(path)

    def open_text(self, text: str) -> bool:
        return self.opening.open_text(text)

    def set_document(self, opened: Opened) -> None:
        self.opening.set_document(opened)

    def current_sentence(self) -> Segment | None:
        return self.pair.current()

    def copy_arabic(self) -> None:
        self.pair.copy_arabic()

    def export_document(self) -> None:
        self.export.export_document()

    def apply_zoom(self, zoom: int) -> None:
        self.view_controls.apply_zoom(zoom)

    def apply_settings(self, dialog: SettingsDialog) -> None:
        self.model_settings.apply_settings(dialog)

    @property
    def download_dialog(self) -> QProgressDialog | None:
        return self.translation_status.download_dialog

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        self.opening.accept_drag(event)

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        self.opening.drop(event)

    # Closing -------------------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        """Remember the window, hide it (the reader sees it go at once: what follows, the
        library's SQLite close above all, took ~80 ms of a frozen window), then stop the work."""
        self.settings.set_state("geometry", self.saveGeometry())
        self.settings.set_state("splitter", self.splitter.saveState())
        self.settings.set_state("pane_header", self.reading.header.saveState())
        self.hide()
        self.opening.remember_position()
        self.opener.shutdown()
        self.alternatives.shutdown()
        self.controller.shutdown()
        self.exporter.shutdown()
        self.translation_import.shutdown()
        self.aids.shutdown()
        self.library.close()
        self.translation_status.close_download_dialog()
        self.settings.sync(wait=False)  # written on a thread the process waits for at exit
        event.accept()
