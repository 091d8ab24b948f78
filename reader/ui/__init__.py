"""The reader window (PySide6). Nothing outside this package may import Qt."""
