"""The reader window: Arabic beside English, one pair per row, filled in live by the translator.

The window is the composition root: it builds the widgets and the helpers that give them
behaviour (:mod:`opening_sequence`, :mod:`current_pair`, :mod:`translation_status`,
:mod:`export_flow`, :mod:`model_settings`, :mod:`view_controls`, :mod:`reading_aids`,
:mod:`work_files`) and keeps the few names the menus and tests reach it by. The work itself runs
in background tasks. Everything that would block a test (message boxes, file dialogs) goes
through attributes that tests replace: ``show_error``, ``ask_open_path``, ``ask_save_path``,
``ask_directory``, ``ask_confirm``.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QDockWidget,
    QFileDialog,
    QMainWindow,
    QMessageBox,
    QProgressDialog,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from reader.library.positions import ReadingPositions
from reader.library.store import Library
from reader.model import Document, Segment
from reader.translate.protocol import EngineSettings
from reader.ui.alternatives import AlternativesFinder
from reader.ui.banner import ModelBanner
from reader.ui.contents import ContentsTree
from reader.ui.current_pair import CurrentPair
from reader.ui.detail_strip import DetailStrip
from reader.ui.document_opener import DocumentOpener, Opened
from reader.ui.editing import EditingController
from reader.ui.export_flow import ExportFlow
from reader.ui.export_task import Exporter, ExportFunction, default_export
from reader.ui.fonts import ReadingFonts, register_fonts
from reader.ui.gil_handoff import favour_the_window
from reader.ui.menus import EDIT_ACTIONS, WindowMenus
from reader.ui.model_settings import ModelSettings, window_engine_settings
from reader.ui.open_filters import open_filters
from reader.ui.opening_sequence import OpeningSequence
from reader.ui.paths import register_search_paths
from reader.ui.progress_panel import ProgressPanel
from reader.ui.reading_aids import ReadingAids
from reader.ui.reading_view import ReadingPane
from reader.ui.settings import AppSettings
from reader.ui.settings_dialog import SettingsDialog, choose_directory
from reader.ui.translation_controller import TranslationController, TranslatorFactory
from reader.ui.translation_import import TranslationImport
from reader.ui.translation_status import TranslationStatus
from reader.ui.view_controls import ViewControls
from reader.ui.work_files import WorkFiles


class MainWindow(QMainWindow):
    """One document at a time. ``model_override`` is the ``--model`` given on the command line.

    Signals: document_opened() — a document is on screen (opening runs in the background).
    """

    document_opened = Signal()

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
        register_search_paths()
        self.settings = settings
        self.fonts = fonts or register_fonts()
        self.model_override = model_override
        self.document: Document | None = None
        self.document_path: Path | None = None
        self.document_key = ""
        self.library = Library(legacy_positions=ReadingPositions())
        self.show_error = self._message_box
        self.ask_open_path = self._ask_open_path
        self.ask_directory = choose_directory
        self.ask_confirm = self._confirm

        self.banner = ModelBanner(self)
        self.reading = ReadingPane(self.fonts, self)
        self.view = self.reading.view
        self.strip = DetailStrip(self.fonts, self)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.addWidget(self.reading)
        self.splitter.addWidget(self.strip)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setChildrenCollapsible(False)
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.banner)
        layout.addWidget(self.splitter, 1)
        self.aids = ReadingAids(self)  # find bar, diacritics, read aloud, word highlighting
        layout.addWidget(self.aids.find_bar)
        self.setCentralWidget(central)
        self.contents = ContentsTree(self)
        self.contents_dock = QDockWidget(self.tr("Contents"), self)
        self.contents_dock.setObjectName("contentsDock")
        self.contents_dock.setWidget(self.contents)
        self.contents_dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetClosable)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.contents_dock)
        self.contents_dock.hide()
        self.view_controls = ViewControls(self)
        self.opener = DocumentOpener(self.library, self)
        self.progress_panel = ProgressPanel(self)
        self.statusBar().addPermanentWidget(self.progress_panel)
        self.setAcceptDrops(True)

        self.controller = TranslationController(translator_factory, self.engine_settings(), self)
        self.exporter = Exporter(self, export=export)
        self.export = ExportFlow(self)
        self.ask_save_path = self.export.ask_save_path
        self.editing = EditingController(self.view, self.controller, self)
        self.files = WorkFiles(self)
        self.alternatives = AlternativesFinder(self.controller, self)
        self.pair = CurrentPair(self)
        self.opening = OpeningSequence(self)
        self.translation_status = TranslationStatus(self)
        self.model_settings = ModelSettings(self)
        self.translation_import = TranslationImport(self)
        self.menus = WindowMenus(self)
        self.actions_ = self.menus.actions
        self._connect()
        self._restore()
        self.update_title()
        self.update_actions()

    # Wiring --------------------------------------------------------------------------------
    def _connect(self) -> None:
        c, pair = self.controller, self.pair
        self.view.visible_rows_changed.connect(c.prioritize)
        self.view.current_row_changed.connect(pair.show_current)
        self.view.top_row_changed.connect(self.contents.follow)
        self.contents.jump_requested.connect(self.view.scroll_to_row)
        self.view.copy_requested.connect(pair.copy_pair)
        self.view.customContextMenuRequested.connect(pair.context_menu)
        self.strip.retry_requested.connect(lambda segment_id: c.retry([segment_id]))
        self.strip.alternative_picked.connect(self.editing.pick)
        self.strip.alternatives_requested.connect(
            lambda segment_id: self.document is not None and self.alternatives.find(self.document, segment_id)
        )
        self.alternatives.found.connect(lambda _segment_id: self.strip.show_alternatives())
        self.alternatives.unavailable.connect(lambda reason: self.statusBar().showMessage(reason, 8000))
        self.editing.history_changed.connect(self.update_actions)
        self.editing.message.connect(lambda line: self.statusBar().showMessage(line, 8000))
        self.translation_import.message.connect(lambda line: self.statusBar().showMessage(line, 8000))
        self.strip.copy_arabic_requested.connect(pair.copy_arabic)
        self.strip.copy_english_requested.connect(pair.copy_english)
        self.strip.copy_pair_requested.connect(pair.copy_pair)

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

    # The names menus, helpers, tests and benchmarks reach the window by ------------------------
    def engine_settings(self) -> EngineSettings:
        return window_engine_settings(self.settings, self.model_override)

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

    # Dialogs (replaced in tests) -----------------------------------------------------------
    def _message_box(self, title: str, message: str) -> None:
        """Non-blocking, window-modal: the event loop (and the translation) keep running."""
        box = QMessageBox(QMessageBox.Icon.Warning, title, message, QMessageBox.StandardButton.Ok, self)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    def _confirm(self, title: str, question: str) -> bool:
        answer = QMessageBox.question(self, title, question)
        return answer == QMessageBox.StandardButton.Yes

    def _ask_open_path(self) -> str:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open an Arabic text"), "", open_filters())
        return path

    # Closing -------------------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        """Stop the work (between batches) and wait for it, then remember the window."""
        self.opening.remember_position()
        self.opener.shutdown()
        self.alternatives.shutdown()
        self.controller.shutdown()
        self.exporter.shutdown()
        self.translation_import.shutdown()
        self.aids.shutdown()
        self.library.close()
        self.translation_status.close_download_dialog()
        self.settings.set_state("geometry", self.saveGeometry())
        self.settings.set_state("splitter", self.splitter.saveState())
        self.settings.set_state("pane_header", self.reading.header.saveState())
        self.settings.sync()
        event.accept()
