"""Settings: reading (language, theme, fonts, spacing), then the model (hub id or folder), engine,
beam and batch size, and the export options (PDF layout and page size, vowel marks)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from reader.ui.reading_settings import ReadingSettingsForm
from reader.ui.settings import BATCH_MAX, BATCH_MIN, BEAMS_MAX, ENGINES, LAYOUTS, PAGE_SIZES, AppSettings

DirectoryChooser = Callable[[QWidget, str], str]


def choose_directory(parent: QWidget, title: str) -> str:
    """Ask for a folder; "" when the user cancels."""
    return QFileDialog.getExistingDirectory(parent, title)


class SettingsDialog(QDialog):
    """Edits a copy of the values; :meth:`apply` writes them to the settings.

    ``model_in_use`` is the model this session runs when it differs from the saved one (``--model``
    or ``BIREADER_MODEL``): the field shows it, with a note, and it is saved only if edited.
    """

    def __init__(
        self,
        settings: AppSettings,
        parent: QWidget | None = None,
        *,
        choose_folder: DirectoryChooser = choose_directory,
        model_in_use: str | None = None,
        bundled_fonts: tuple[str, str] = ("Amiri", "Noto Serif"),
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.choose_folder = choose_folder
        self.setWindowTitle(self.tr("Settings"))
        self.shown_model = model_in_use or settings.model
        self.model = QLineEdit(self.shown_model, self)
        self.model_note = QLabel(
            self.tr(
                "In use for this session (from the command line or BIREADER_MODEL); saved only if you change it."
            ),
            self,
        )
        self.model_note.setWordWrap(True)
        self.model_note.setVisible(self.shown_model != settings.model)
        self.model.setPlaceholderText(self.tr("Hub id such as Helsinki-NLP/opus-mt-ar-en, or a folder"))
        self.model.setMinimumWidth(360)
        browse = QPushButton(self.tr("Folder…"), self)
        browse.clicked.connect(self._browse)
        model_row = QHBoxLayout()
        model_row.addWidget(self.model, 1)
        model_row.addWidget(browse)
        self.engine = QComboBox(self)
        engine_names = {
            "auto": self.tr("Automatic (CTranslate2 when it works)"),
            "ct2": self.tr("CTranslate2 (fast, int8)"),
            "transformers": self.tr("Transformers (PyTorch)"),
        }
        for engine in ENGINES:
            self.engine.addItem(engine_names.get(engine, engine), engine)
        self.engine.setCurrentIndex(ENGINES.index(settings.engine))
        self.beams = QSpinBox(self)
        self.beams.setRange(0, BEAMS_MAX)
        self.beams.setSpecialValueText(self.tr("Model default"))
        self.beams.setValue(settings.beams)
        self.batch_size = QSpinBox(self)
        self.batch_size.setRange(BATCH_MIN, BATCH_MAX)
        self.batch_size.setValue(settings.batch_size)
        self.layout_choice = QComboBox(self)
        layout_names = {"side-by-side": self.tr("Side by side"), "interleaved": self.tr("Interleaved")}
        for layout_name in LAYOUTS:
            self.layout_choice.addItem(layout_names.get(layout_name, layout_name), layout_name)
        self.layout_choice.setCurrentIndex(LAYOUTS.index(settings.export_layout))
        self.page_size = QComboBox(self)
        for size in PAGE_SIZES:
            self.page_size.addItem(size, size)
        self.page_size.setCurrentIndex(PAGE_SIZES.index(settings.export_page_size))
        self.justify_arabic = QCheckBox(
            self.tr("Justify the Arabic in exported PDFs (word spacing, no kashida)"), self
        )
        self.justify_arabic.setChecked(settings.export_justify_arabic)
        # The CLI's `export --no-diacritics`: a copy to read without vowel marks (the document keeps them).
        self.export_without_diacritics = QCheckBox(self.tr("Export the Arabic without diacritics"), self)
        self.export_without_diacritics.setChecked(not settings.export_diacritics)
        form = QFormLayout()
        form.addRow(self.tr("Model:"), model_row)
        form.addRow("", self.model_note)
        form.addRow(self.tr("Engine:"), self.engine)
        form.addRow(self.tr("Beam size:"), self.beams)
        form.addRow(self.tr("Batch size:"), self.batch_size)
        form.addRow(self.tr("PDF layout:"), self.layout_choice)
        form.addRow(self.tr("PDF page size:"), self.page_size)
        form.addRow("", self.justify_arabic)
        form.addRow(self.tr("Export:"), self.export_without_diacritics)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.reading = ReadingSettingsForm(settings, bundled_fonts, self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.reading)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def _browse(self) -> None:
        folder = self.choose_folder(self, self.tr("Choose a MarianMT model folder"))
        if folder:
            self.model.setText(folder)

    def apply(self) -> None:
        s = self.settings
        if self.model.text() != self.shown_model:
            s.model = self.model.text()
        s.engine = self.engine.currentData()
        s.beams = self.beams.value()
        s.batch_size = self.batch_size.value()
        s.export_layout = self.layout_choice.currentData()
        s.export_page_size = self.page_size.currentData()
        s.export_justify_arabic = self.justify_arabic.isChecked()
        s.export_diacritics = not self.export_without_diacritics.isChecked()
        self.reading.apply()
        s.sync()
