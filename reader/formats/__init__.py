"""Document formats (no Qt): one reader per format behind :mod:`reader.formats.registry`."""

from reader.formats.loaded import Loaded
from reader.formats.registry import FORMATS, FormatInfo, open_document, read_bytes

__all__ = ["FORMATS", "FormatInfo", "Loaded", "open_document", "read_bytes"]
