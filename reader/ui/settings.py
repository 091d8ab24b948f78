"""One small typed wrapper around QSettings, so the rest of the window never handles raw variants.

QSettings returns strings from INI files and native types elsewhere; every read here converts and
falls back to the default on nonsense, so a hand-edited settings file cannot crash the window.
Tests pass a QSettings pointing at an INI file under ``tmp_path``. Writes are read back at once
and reach the file from a thread shortly after (:mod:`reader.ui.settings_writer`): a zoom step
must not wait for an fsync; :meth:`AppSettings.sync` writes the rest at quitting.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings

from reader.export import pdf_layout  # plain data: no fpdf2 or HarfBuzz
from reader.translate.factory import ENGINE_CHOICES  # cheap: engines load torch only on use
from reader.translate.protocol import DEFAULT_MODEL, EngineSettings
from reader.ui.fonts import ReadingFonts
from reader.ui.settings_writer import SettingsWriter

ORGANIZATION = "bireader"
APPLICATION = "Bilingual Reader"
ENGINES: tuple[str, ...] = ENGINE_CHOICES
LAYOUTS: tuple[str, ...] = tuple(pdf_layout.LAYOUTS)
PAGE_SIZES: tuple[str, ...] = tuple(pdf_layout.PAGE_SIZES)
THEMES = ("system", "light", "dark")
ZOOM_MIN, ZOOM_MAX, ZOOM_STEP, ZOOM_DEFAULT = 50, 300, 10, 100
BEAMS_MAX = 16  # beams 0 = the model's own setting
BATCH_MIN, BATCH_MAX, BATCH_DEFAULT = 1, 256, 16
MAX_RECENT = 10
UI_LANGUAGES = ("", "en", "ar")  # "" follows the system
FONT_SIZE_MIN, FONT_SIZE_MAX = 6.0, 48.0
ARABIC_SIZE_DEFAULT, ENGLISH_SIZE_DEFAULT = 17.0, 12.5  # see reader.ui.fonts
SPACING_MIN, SPACING_MAX, SPACING_DEFAULT = 80, 250, 100  # line spacing in percent


def _to_int(value: object, default: int, low: int, high: int) -> int:
    try:
        number = int(str(value))
    except (TypeError, ValueError):
        return default
    return min(max(number, low), high)


def _to_bool(value: object, default: bool) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.lower() in {"true", "false"}:
        return value.lower() == "true"
    return default


def _to_float(value: object, default: float, low: float, high: float) -> float:
    try:
        number = float(str(value))
    except (TypeError, ValueError):
        return default
    return min(max(number, low), high) if number == number else default  # NaN → default


def _choice(value: object, choices: tuple[str, ...], default: str) -> str:
    return value if isinstance(value, str) and value in choices else default


class _ChoiceSetting:
    """A string setting limited to *choices*; anything else reads and writes as the first choice."""

    def __init__(self, key: str, choices: tuple[str, ...]) -> None:
        self.key, self.choices = key, choices

    def __get__(self, owner: AppSettings | None, _type: type | None = None) -> str:
        if owner is None:
            return self  # type: ignore[return-value]  # class access, e.g. for introspection
        return _choice(owner._get(self.key), self.choices, self.choices[0])

    def __set__(self, owner: AppSettings, value: str) -> None:
        owner._set(self.key, _choice(value, self.choices, self.choices[0]))


class _BoolSetting:
    """A true/false setting with a default."""

    def __init__(self, key: str, default: bool) -> None:
        self.key, self.default = key, default

    def __get__(self, owner: AppSettings | None, _type: type | None = None) -> bool:
        if owner is None:
            return self  # type: ignore[return-value]
        return _to_bool(owner._get(self.key, self.default), self.default)

    def __set__(self, owner: AppSettings, value: bool) -> None:
        owner._set(self.key, bool(value))


class _FontSizeSetting:
    """A point size within the sizes a reader can choose."""

    def __init__(self, key: str, default: float) -> None:
        self.key, self.default = key, default

    def __get__(self, owner: AppSettings | None, _type: type | None = None) -> float:
        if owner is None:
            return self  # type: ignore[return-value]
        return _to_float(owner._get(self.key, self.default), self.default, FONT_SIZE_MIN, FONT_SIZE_MAX)

    def __set__(self, owner: AppSettings, value: float) -> None:
        owner._set(self.key, _to_float(value, self.default, FONT_SIZE_MIN, FONT_SIZE_MAX))


class _TextSetting:
    """A free string (a font family; "" means the bundled one)."""

    def __init__(self, key: str) -> None:
        self.key = key

    def __get__(self, owner: AppSettings | None, _type: type | None = None) -> str:
        if owner is None:
            return self  # type: ignore[return-value]
        value = owner._get(self.key, "")
        return value.strip() if isinstance(value, str) else ""

    def __set__(self, owner: AppSettings, value: str) -> None:
        owner._set(self.key, value.strip())


class AppSettings:
    """Typed access to everything the window remembers between runs."""

    def __init__(self, store: QSettings | None = None) -> None:
        self.store = store if store is not None else QSettings(ORGANIZATION, APPLICATION)
        self._written: dict[str, object] = {}  # this run's values: read back before they reach the file
        self._writer = SettingsWriter(self.store)

    def _get(self, key: str, default: object = None) -> object:
        if key in self._written:
            return self._written[key]
        return self.store.value(key, default)

    def _set(self, key: str, value: object) -> None:
        """Remember *value* now; the file is written on a thread shortly after (see settings_writer)."""
        self._written[key] = value
        self._writer.write(key, value)

    # Translation engine ---------------------------------------------------------------------
    @property
    def model(self) -> str:
        value = self._get("engine/model", DEFAULT_MODEL)
        return value.strip() if isinstance(value, str) and value.strip() else DEFAULT_MODEL

    @model.setter
    def model(self, value: str) -> None:
        self._set("engine/model", value.strip() or DEFAULT_MODEL)

    engine = _ChoiceSetting("engine/engine", ENGINES)

    @property
    def beams(self) -> int:
        """0 means "the model's own setting"."""
        return _to_int(self._get("engine/beams", 0), 0, 0, BEAMS_MAX)

    @beams.setter
    def beams(self, value: int) -> None:
        self._set("engine/beams", int(value))

    @property
    def batch_size(self) -> int:
        return _to_int(self._get("engine/batch_size", BATCH_DEFAULT), BATCH_DEFAULT, BATCH_MIN, BATCH_MAX)

    @batch_size.setter
    def batch_size(self, value: int) -> None:
        self._set("engine/batch_size", int(value))

    def engine_settings(self) -> EngineSettings:
        return EngineSettings(
            model=self.model,
            engine=self.engine,
            beams=self.beams or None,
            batch_size=self.batch_size,
        )

    # Export --------------------------------------------------------------------------------
    export_layout = _ChoiceSetting("export/layout", LAYOUTS)
    export_page_size = _ChoiceSetting("export/page_size", PAGE_SIZES)
    export_justify_arabic = _BoolSetting("export/justify_arabic", False)  # PDF only
    export_diacritics = _BoolSetting("export/diacritics", True)  # False: the Arabic without vowel marks

    # Window --------------------------------------------------------------------------------
    @property
    def zoom(self) -> int:
        """Text size in percent of the default."""
        return _to_int(self._get("view/zoom", ZOOM_DEFAULT), ZOOM_DEFAULT, ZOOM_MIN, ZOOM_MAX)

    @zoom.setter
    def zoom(self, value: int) -> None:
        self._set("view/zoom", min(max(int(value), ZOOM_MIN), ZOOM_MAX))

    @property
    def arabic_on_left(self) -> bool:
        """False (the default) keeps Arabic on the right, where a reader of Arabic expects it."""
        return _to_bool(self._get("view/arabic_on_left", False), False)

    @arabic_on_left.setter
    def arabic_on_left(self, value: bool) -> None:
        self._set("view/arabic_on_left", bool(value))

    theme = _ChoiceSetting("view/theme", THEMES)
    show_contents = _BoolSetting("view/show_contents", True)
    show_details = _BoolSetting("view/show_details", True)
    show_diacritics = _BoolSetting("view/show_diacritics", True)  # display only
    arabic_font = _TextSetting("reading/arabic_font")
    english_font = _TextSetting("reading/english_font")
    arabic_size = _FontSizeSetting("reading/arabic_size", ARABIC_SIZE_DEFAULT)
    english_size = _FontSizeSetting("reading/english_size", ENGLISH_SIZE_DEFAULT)

    @property
    def line_spacing(self) -> int:
        """Line spacing of the reading panes in percent of the font's own (100)."""
        return _to_int(
            self._get("reading/line_spacing", SPACING_DEFAULT), SPACING_DEFAULT, SPACING_MIN, SPACING_MAX
        )

    @line_spacing.setter
    def line_spacing(self, value: int) -> None:
        self._set("reading/line_spacing", min(max(int(value), SPACING_MIN), SPACING_MAX))

    @property
    def ui_language(self) -> str:
        """A locale name such as ``ar``; empty means "follow the system"."""
        value = self._get("view/ui_language", "")
        return value if isinstance(value, str) else ""

    @ui_language.setter
    def ui_language(self, value: str) -> None:
        self._set("view/ui_language", value)

    def reading_fonts(self, bundled: ReadingFonts) -> ReadingFonts:
        """The faces and sizes chosen for reading ("" keeps the bundled face)."""
        return ReadingFonts(
            arabic=self.arabic_font or bundled.arabic,
            english=self.english_font or bundled.english,
            arabic_size=self.arabic_size,
            english_size=self.english_size,
        )

    def state(self, name: str) -> QByteArray | None:
        """Saved geometry/state blobs (window geometry, splitters)."""
        value = self._get(f"window/{name}")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def set_state(self, name: str, value: QByteArray) -> None:
        self._set(f"window/{name}", value)

    # Recent files --------------------------------------------------------------------------
    @property
    def recent_files(self) -> list[str]:
        value = self._get("files/recent", [])
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list):
            return []
        return [item for item in value if isinstance(item, str) and item][:MAX_RECENT]

    def add_recent_file(self, path: str) -> None:
        files = [path] + [item for item in self.recent_files if item != path]
        self._set("files/recent", files[:MAX_RECENT])

    def clear_recent_files(self) -> None:
        self._set("files/recent", [])

    def sync(self, *, wait: bool = True) -> None:
        """Write every value set so far; *wait* for it (before reopening the file), or not
        (quitting: the process finishes the writing at exit)."""
        self._writer.flush(wait=wait)
