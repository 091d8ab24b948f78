"""Bilingual reader: Arabic documents beside their English translation, sentence by sentence.

The package root and everything outside ``reader.ui`` is the *core*: it never imports Qt,
so the CLI and batch work run without a display (a test enforces this).
"""

__version__ = "0.1.0"
