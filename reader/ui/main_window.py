"""The reader window: Arabic beside English, one pair per row, filled in live by the translator.

The window wires widgets to the :class:`TranslationController` and the :class:`Exporter`; the
work itself runs in background tasks. Everything that would block a test (message boxes, file
dialogs) goes through attributes that tests replace: ``show_error``, ``ask_open_path``,
``ask_save_path``, ``ask_directory``, ``ask_confirm``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QGuiApplication
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

from reader.atomic import check_writable_target
from reader.errors import ReaderError
from reader.export.formats import format_for
from reader.library.positions import ReadingPositions
from reader.library.store import Library
from reader.loaders import has_text, normalise_text
from reader.model import Change, Document, Segment, Status
from reader.translate.protocol import EngineSettings
from reader.ui.alternatives import AlternativesFinder
from reader.ui.banner import ModelBanner
from reader.ui.contents import ContentsTree
from reader.ui.detail_strip import DetailStrip
from reader.ui.document_opener import DocumentOpener, Opened
from reader.ui.editing import EditingController
from reader.ui.export_task import Exporter, ExportFunction, default_export, with_filter_extension
from reader.ui.fonts import ReadingFonts, register_fonts
from reader.ui.gil_handoff import favour_the_window
from reader.ui.menus import EDIT_ACTIONS, WindowMenus
from reader.ui.open_filters import open_filters
from reader.ui.paths import register_search_paths
from reader.ui.progress_panel import ProgressPanel
from reader.ui.reading_aids import ReadingAids
from reader.ui.reading_view import ReadingPane
from reader.ui.settings import ZOOM_DEFAULT, ZOOM_MAX, ZOOM_MIN, ZOOM_STEP, AppSettings
from reader.ui.settings_dialog import SettingsDialog, choose_directory
from reader.ui.text_warm_up import warm_up
from reader.ui.translation_controller import TranslationController, TranslationState, TranslatorFactory
from reader.ui.work_files import WorkFiles


def pair_text(sentence: Segment | None) -> str:
    """The pair for the clipboard: the Arabic line, then the English line when there is one."""
    if sentence is None:
        return ""
    return sentence.text if not sentence.translation else f"{sentence.text}\n{sentence.translation}"


def _output_fields(settings: EngineSettings) -> tuple[object, ...]:
    """The settings that change the translations themselves (batch size only changes speed)."""
    return (settings.model, settings.engine, settings.quantization, settings.beams)


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
        self._unsubscribe: Callable[[], None] | None = None
        self._autosave: Callable[[], None] | None = None
        self.show_error = self._message_box
        self.ask_open_path = self._ask_open_path
        self.ask_save_path = self._ask_save_path
        self.ask_directory = choose_directory
        self.ask_confirm = self._confirm
        self.download_dialog: QProgressDialog | None = None
        self._export_label = "PDF"

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
        self.contents_dock.visibilityChanged.connect(self._on_contents_visibility)
        self.opener = DocumentOpener(self.library, self)
        self.progress_panel = ProgressPanel(self)
        self.statusBar().addPermanentWidget(self.progress_panel)
        self.setAcceptDrops(True)

        self.controller = TranslationController(translator_factory, self.engine_settings(), self)
        self.exporter = Exporter(self, export=export)
        self.editing = EditingController(self.view, self.controller, self)
        self.files = WorkFiles(self)
        self.alternatives = AlternativesFinder(self.controller, self)
        self.menus = WindowMenus(self)
        self.actions_ = self.menus.actions
        self._connect()
        self._restore()
        self._update_title()
        self._update_actions()

    # Wiring --------------------------------------------------------------------------------
    def _connect(self) -> None:
        c = self.controller
        c.loading.connect(self._on_loading)
        c.model_ready.connect(self._on_model_ready)
        c.model_unavailable.connect(self._on_model_unavailable)
        c.failed.connect(lambda message: self.show_error(self.tr("Translation stopped"), message))
        c.progress.connect(self.progress_panel.set_progress)
        c.state_changed.connect(self._on_state_changed)
        c.finished.connect(lambda: self.statusBar().showMessage(self.tr("Translation finished."), 5000))
        c.cancelled.connect(self._on_cancelled)
        self.view.visible_rows_changed.connect(c.prioritize)
        self.view.current_row_changed.connect(self._show_current)
        self.view.top_row_changed.connect(self.contents.follow)
        self.contents.jump_requested.connect(self.view.scroll_to_row)
        self.opener.started.connect(
            lambda name: self.statusBar().showMessage(self.tr("Opening {name}…").format(name=name))
        )
        self.opener.progressed.connect(
            lambda name, fraction: self.statusBar().showMessage(
                self.tr("Opening {name}… {percent} %").format(name=name, percent=round(fraction * 100))
            )
        )
        self.opener.opened.connect(self._on_opened)
        self.opener.failed.connect(self._on_open_failed)
        self.view.copy_requested.connect(self.copy_pair)
        self.view.customContextMenuRequested.connect(self._context_menu)
        self.strip.retry_requested.connect(lambda segment_id: c.retry([segment_id]))
        self.strip.alternative_picked.connect(self.editing.pick)
        self.strip.alternatives_requested.connect(
            lambda segment_id: self.document is not None and self.alternatives.find(self.document, segment_id)
        )
        self.alternatives.found.connect(lambda _segment_id: self.strip.show_alternatives())
        self.alternatives.unavailable.connect(lambda reason: self.statusBar().showMessage(reason, 8000))
        self.editing.history_changed.connect(self._update_actions)
        self.strip.copy_arabic_requested.connect(self.copy_arabic)
        self.strip.copy_english_requested.connect(self.copy_english)
        self.strip.copy_pair_requested.connect(self.copy_pair)
        self.progress_panel.cancel_requested.connect(c.cancel)
        self.progress_panel.resume_requested.connect(self.translate_now)
        self.banner.choose_folder_requested.connect(self.choose_model_folder)
        self.banner.settings_requested.connect(self.open_settings)
        self.exporter.progress.connect(self._on_export_progress)
        self.exporter.succeeded.connect(self._on_exported)
        self.exporter.failed.connect(self._on_export_failed)
        self.exporter.cancelled.connect(self._on_export_cancelled)

    def engine_settings(self) -> EngineSettings:
        settings = dataclasses.replace(self.settings.engine_settings(), alignment=True)  # word hover
        if self.model_override:
            settings = dataclasses.replace(settings, model=self.model_override)
        return settings

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
        self.apply_zoom(self.settings.zoom)
        self.apply_sides(self.settings.arabic_on_left)

    # Documents -----------------------------------------------------------------------------
    def open_path(self, path: str | Path) -> None:
        """Open a document in the background (``document_opened`` when it is on screen); a bad
        one shows the loader's one-line error and changes nothing."""
        self.opener.open(Path(path))
        QTimer.singleShot(0, lambda: warm_up(self.view.layouts))  # while the worker reads the file

    def _on_opened(self, opened: Opened) -> None:
        if opened.path is not None:
            resolved = opened.path.resolve()
            self.settings.add_recent_file(str(resolved))
            opened = dataclasses.replace(opened, path=resolved)
        self.statusBar().clearMessage()
        self.set_document(opened)

    def _on_open_failed(self, name: str, reason: str) -> None:
        self.statusBar().clearMessage()
        self.show_error(self.tr("Cannot open {name}").format(name=name), reason)

    def open_text(self, text: str) -> bool:
        """Open pasted or dropped text as a new, unsaved document (structured in the background,
        ``document_opened`` when it is on screen)."""
        text = normalise_text(text)
        if not has_text(text):
            self.show_error(self.tr("Nothing to open"), self.tr("The clipboard holds no text."))
            return False
        self.opener.open_text(text, self.tr("Pasted text"))
        QTimer.singleShot(0, lambda: warm_up(self.view.layouts))
        return True

    def set_document(self, opened: Opened) -> None:
        self.remember_position()
        for stop in (self._unsubscribe, self._autosave):
            if stop is not None:
                stop()
        document = opened.document
        self.document, self.document_path, self.document_key = document, opened.path, opened.key
        self._unsubscribe = document.subscribe(self._on_document_changed)
        self._autosave = self.library.attach(opened.key, document)  # every change saved as it happens
        self.editing.set_document(document)
        self.view.set_document(document, top_row=opened.position, metrics=opened.metrics)
        self.aids.set_document(document)
        self.strip.show_sentence(None)
        self._update_title()
        self._update_actions()
        # The contents and the translation start in a turn of their own, after the book's first
        # paint: all in one turn was the longest stall while opening a 20 000-sentence book
        # (~50 ms). A real (1 ms) timer, not a 0 ms one, which Qt would run with the paint.
        QTimer.singleShot(1, self, lambda: self._finish_opening(opened))

    def _finish_opening(self, opened: Opened) -> None:
        document = opened.document
        if self.document is not document:  # another document came meanwhile
            return
        self.contents.set_document(document)
        self.contents_dock.setVisible(self.settings.show_contents and not self.contents.is_empty())
        self.controller.set_document(document)
        if opened.warnings:  # after the translation's own status; the CLI prints `warning: …` lines
            self.statusBar().showMessage(" · ".join(opened.warnings), 20000)
        self.document_opened.emit()

    def remember_position(self) -> None:
        """Keep where the reader is in the current document, for the next time it is opened."""
        if self.document is not None and self.document_key:
            self.library.remember_position(self.document_key, self.document, max(self.view.top_row(), 0))

    def open_dialog(self) -> None:
        path = self.ask_open_path()
        if path:
            self.open_path(path)

    def paste_document(self) -> None:
        self.open_text(QGuiApplication.clipboard().text())

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        mime = event.mimeData()
        if any(url.isLocalFile() for url in mime.urls()) or mime.hasText():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        mime = event.mimeData()
        files = [url.toLocalFile() for url in mime.urls() if url.isLocalFile()]
        if files:
            self.open_path(files[0])
        elif mime.hasText():
            self.open_text(mime.text())
        event.acceptProposedAction()

    def _update_title(self) -> None:
        app = self.tr("Bilingual Reader")
        name = self.document.name if self.document is not None and self.document.name else ""
        self.setWindowTitle(f"{name} — {app}" if name else app)

    def _update_actions(self) -> None:
        has_document = self.document is not None
        for name in ("copy_pair", "copy_arabic", "copy_english", "retry", "translate", *EDIT_ACTIONS):
            self.actions_[name].setEnabled(has_document)
        self.actions_["undo"].setEnabled(self.editing.can_undo)
        self.actions_["redo"].setEnabled(self.editing.can_redo)
        self.actions_["export"].setEnabled(has_document and not self.exporter.is_running)
        self.actions_["cancel_export"].setEnabled(self.exporter.is_running)

    # Selection and clipboard ---------------------------------------------------------------
    def current_sentence(self) -> Segment | None:
        row = self.view.current_row()
        return self.document.segment_at(row) if self.document is not None and row >= 0 else None

    def _show_current(self, _row: int = -1) -> None:
        segment, document = self.current_sentence(), self.document
        if segment is None or document is None:
            self.strip.show_sentence(None)
            return
        paragraph = document.block_position(segment.block_id)
        self.strip.show_sentence(segment, self.view.current_row(), len(document), paragraph)

    def _on_document_changed(self, change: Change) -> None:
        current = self.current_sentence()
        if current is not None and current.id in change.segment_ids:
            self._show_current()

    def copy_pair(self) -> None:
        text = pair_text(self.current_sentence())
        if text:
            QGuiApplication.clipboard().setText(text)

    def copy_arabic(self) -> None:
        sentence = self.current_sentence()
        if sentence is not None:
            QGuiApplication.clipboard().setText(sentence.text)

    def copy_english(self) -> None:
        sentence = self.current_sentence()
        if sentence is not None and sentence.translation:
            QGuiApplication.clipboard().setText(sentence.translation)

    def _context_menu(self, position) -> None:
        row = self.view.row_at_point(position)
        if row >= 0 and self.document is not None:
            self.view.select_row(row)
            menu = self.menus.pair_menu(self.document.segment_at(row))
            menu.popup(self.view.viewport().mapToGlobal(position))

    # Translation ---------------------------------------------------------------------------
    def translate_now(self) -> None:
        self.banner.hide()
        self.controller.start()

    def retry(self) -> None:
        """Retry the selected sentence if it failed, otherwise every failed sentence."""
        if self.document is None:
            return
        sentence = self.current_sentence()
        if sentence is not None and sentence.status is Status.FAILED:
            self.controller.retry([sentence.id])
        elif self.document.failed_count:
            self.controller.retry([s.id for s in self.document.iter_segments() if s.status is Status.FAILED])

    def retranslate_current(self) -> None:
        """Ctrl+R: the selected sentence again (a failed one is retried); without a selection,
        every failed sentence."""
        sentence = self.current_sentence()
        if sentence is None or sentence.status is Status.FAILED:
            self.retry()
        else:
            self.editing.retranslate_current()

    def _on_state_changed(self, state: TranslationState) -> None:
        busy = state in (TranslationState.LOADING, TranslationState.TRANSLATING)
        self.progress_panel.set_running(busy)
        self.progress_panel.set_can_resume(state is not TranslationState.UNAVAILABLE)
        placeholders = {
            TranslationState.LOADING: self.tr("waiting for the translation model…"),
            TranslationState.TRANSLATING: self.tr("translating…"),
            TranslationState.UNAVAILABLE: self.tr("no translation model"),
        }
        self.view.set_placeholder(placeholders.get(state, self.tr("not translated yet")))

    def _on_cancelled(self) -> None:
        self._close_download_dialog()
        self.progress_panel.set_running(False)
        self.statusBar().showMessage(self.tr("Translation cancelled."), 5000)

    def _on_loading(self, message: str, fraction: object) -> None:
        self.banner.hide()
        self.progress_panel.set_running(True)
        self.statusBar().showMessage(message)
        if fraction is None:
            return
        if self.download_dialog is None:  # only downloads report a fraction: show the dialog for those
            dialog = QProgressDialog(message, self.tr("Cancel"), 0, 1000, self)
            dialog.setWindowTitle(self.tr("Downloading the model"))
            dialog.setMinimumDuration(0)
            dialog.setAutoClose(False)
            dialog.canceled.connect(self.controller.cancel)
            self.download_dialog = dialog
        self.download_dialog.setLabelText(message)
        self.download_dialog.setValue(round(float(fraction) * 1000))  # type: ignore[arg-type]

    def _close_download_dialog(self) -> None:
        if self.download_dialog is not None:
            self.download_dialog.canceled.disconnect(self.controller.cancel)
            self.download_dialog.close()
            self.download_dialog.deleteLater()
            self.download_dialog = None

    def _on_model_ready(self, description: str) -> None:
        self._close_download_dialog()
        self.banner.hide()
        self.statusBar().showMessage(self.tr("Model: {model}").format(model=description), 5000)

    def _on_model_unavailable(self, reason: str) -> None:
        self._close_download_dialog()
        self.progress_panel.set_running(False)
        self.statusBar().clearMessage()
        self.banner.show_unavailable(self.controller.settings.model, reason)

    def choose_model_folder(self) -> None:
        folder = self.ask_directory(self, self.tr("Choose a MarianMT model folder"))
        if folder:
            self.settings.model = folder
            self.model_override = None
            self.banner.hide()
            self.controller.set_settings(self.engine_settings(), retranslate=False)

    def open_settings(self) -> None:
        dialog = SettingsDialog(
            self.settings,
            self,
            choose_folder=self.ask_directory,
            model_in_use=self.controller.settings.model,
            bundled_fonts=(self.fonts.arabic, self.fonts.english),
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.apply_settings(dialog))
        dialog.open()

    def apply_settings(self, dialog: SettingsDialog) -> None:
        """Save the dialog; retranslate when what the translator produces would change.

        A ``--model`` override survives OK unless the user changed the saved model itself.
        """
        saved_model = self.settings.model
        dialog.apply()
        self.aids.apply_reading_settings()
        if self.settings.model != saved_model:
            self.model_override = None
        new, old = self.engine_settings(), self.controller.settings
        if new == old:
            return
        retranslate = _output_fields(new) != _output_fields(old)
        self.banner.hide()
        self.controller.set_settings(new, retranslate=retranslate)

    # View ----------------------------------------------------------------------------------
    def apply_zoom(self, zoom: int) -> None:
        zoom = min(max(zoom, ZOOM_MIN), ZOOM_MAX)
        self.settings.zoom = zoom
        self.view.set_zoom(zoom)
        self.strip.set_zoom(zoom)
        self.reading.align_header()

    def zoom_in(self) -> None:
        self.apply_zoom(self.settings.zoom + ZOOM_STEP)

    def zoom_out(self) -> None:
        self.apply_zoom(self.settings.zoom - ZOOM_STEP)

    def zoom_reset(self) -> None:
        self.apply_zoom(ZOOM_DEFAULT)

    def apply_sides(self, arabic_on_left: bool) -> None:
        self.settings.arabic_on_left = arabic_on_left
        self.view.set_arabic_on_left(arabic_on_left)
        self.strip.set_arabic_on_left(arabic_on_left)
        arabic, english = self.tr("Arabic"), self.tr("English")
        self.reading.header.set_titles(*((arabic, english) if arabic_on_left else (english, arabic)))

    def swap_panes(self) -> None:
        self.apply_sides(not self.settings.arabic_on_left)

    def toggle_contents(self) -> None:
        """View ▸ Contents: the chapters sidebar (shown only for documents that have headings)."""
        shown = not self.settings.show_contents
        self.settings.show_contents = shown
        self.actions_["contents"].setChecked(shown)
        self.contents_dock.setVisible(shown and not self.contents.is_empty())

    def _on_contents_visibility(self, visible: bool) -> None:
        # The dock's own close button hides it: remember that as the reader's choice.
        if not visible and self.isVisible() and not self.contents.is_empty() and self.document is not None:
            self.settings.show_contents = False
            self.actions_["contents"].setChecked(False)

    def toggle_details(self) -> None:
        """View ▸ Sentence Details: the strip under the reading view."""
        shown = not self.settings.show_details
        self.settings.show_details = shown
        self.actions_["details"].setChecked(shown)
        self.strip.setVisible(shown)

    # Export --------------------------------------------------------------------------------
    def export_document(self) -> None:
        """File ▸ Export…: PDF, EPUB, HTML, TMX, XLIFF or CSV, by the extension chosen in the save dialog."""
        if self.document is None or self.exporter.is_running:
            return
        missing = self.document.pending_count + self.document.failed_count
        if missing:
            # As the CLI, which refuses (exit 3) unless --allow-untranslated: say so, never silently.
            question = self.tr(
                "{count} of {total} sentences have no translation yet; the export will mark them "
                "[not translated]. Export anyway?"
            ).format(count=missing, total=len(self.document))
            if not self.ask_confirm(self.tr("Export"), question):
                return
        path = self.ask_save_path(self._suggested_pdf_name())
        if not path:
            return
        try:  # the document's own file, a device, a folder, an unknown extension: refused before any work
            check_writable_target(Path(path), [self.document_path] if self.document_path else [])
            fmt = format_for(Path(path))
        except ReaderError as error:
            self.show_error(self.tr("Could not export"), str(error))
            return
        self._export_label = fmt.upper()
        self.exporter.start(
            self.document,
            Path(path),
            fmt=fmt,
            layout=self.settings.export_layout,
            page_size=self.settings.export_page_size,
            justify_arabic=self.settings.export_justify_arabic,
            diacritics=self.settings.export_diacritics,
        )
        self._update_actions()
        self.statusBar().showMessage(self.tr("Exporting {format}…").format(format=self._export_label))

    def _suggested_pdf_name(self) -> str:
        if self.document_path is not None:
            return str(self.document_path.with_suffix(".pdf"))
        return str(Path.home() / "translation.pdf")

    def _on_export_progress(self, done: int, total: int) -> None:
        self.statusBar().showMessage(
            self.tr("Exporting {format}… {done} / {total}").format(
                format=self._export_label, done=done, total=total
            )
        )

    def _on_exported(self, path: str) -> None:
        self._update_actions()
        self.statusBar().showMessage(self.tr("Saved {path}").format(path=path), 8000)

    def _on_export_cancelled(self) -> None:
        self._update_actions()
        self.statusBar().showMessage(self.tr("Export cancelled."), 5000)

    def _on_export_failed(self, message: str) -> None:
        self._update_actions()
        self.statusBar().clearMessage()
        self.show_error(self.tr("Could not export"), message)

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

    def _ask_save_path(self, suggested: str) -> str:
        filters = self.exporter.filters()
        path, chosen = QFileDialog.getSaveFileName(self, self.tr("Export"), suggested, ";;".join(filters))
        return with_filter_extension(path, filters.index(chosen) if chosen in filters else 0)

    # Closing -------------------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        """Stop the work (between batches) and wait for it, then remember the window."""
        self.remember_position()
        self.opener.shutdown()
        self.alternatives.shutdown()
        self.controller.shutdown()
        self.exporter.shutdown()
        self.aids.shutdown()
        self.library.close()
        self._close_download_dialog()
        self.settings.set_state("geometry", self.saveGeometry())
        self.settings.set_state("splitter", self.splitter.saveState())
        self.settings.set_state("pane_header", self.reading.header.saveState())
        self.settings.sync()
        event.accept()
