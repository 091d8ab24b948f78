"""The PDF's Arabic faces by name (see :mod:`reader.export.fonts`), the first the default.

A module of its own so that the CLI's options and the export dispatcher can name them without
loading fpdf2, and the fonts module without importing the dispatcher (an import circle).
"""

ARABIC_FACES = ("naskh", "amiri")
