"""Exporting a translated document: :mod:`reader.export.pdf` writes the bilingual PDF.

Importing this package is cheap; fpdf2 is imported by the PDF modules themselves.
"""
