"""Bilingual EPUB 3 export: reflowable, one XHTML file per chapter, a nav document and an NCX.

E-readers (Kindle via conversion, Kobo, Apple Books, KOReader) reflow the text, so the book reads
on any screen; each Arabic sentence is ``dir="rtl" lang="ar"`` and its English follows it (or
sits beside it in a table row, ``layout="side-by-side"``). The container is built by hand with
zipfile: ``mimetype`` first and stored, as the OCF specification requires. Written atomically.
"""

from __future__ import annotations

import io
import uuid
import zipfile
from datetime import UTC, datetime
from html import escape
from pathlib import Path

from reader import __version__
from reader.errors import BadInput
from reader.export import contents, markup
from reader.model import Document

CONTAINER = """<?xml version="1.0" encoding="UTF-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
  <rootfiles>
    <rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/>
  </rootfiles>
</container>
"""


def _xhtml(title: str, body: str) -> str:
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html>\n'
        '<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" '
        'lang="ar" xml:lang="ar" dir="rtl">\n'
        f'<head>\n<meta charset="utf-8"/>\n<title>{escape(title)}</title>\n'
        '<link rel="stylesheet" type="text/css" href="style.css"/>\n</head>\n'
        f"<body>\n{body}\n</body>\n</html>\n"
    )


def _identifier(document: Document, title: str) -> str:
    """The same book gets the same identifier on every export (readers keep the reading position)."""
    return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, f'bilingual-reader:{document.name}:{title}')}"


def render_epub(
    document: Document,
    *,
    layout: str = "interleaved",
    progress: markup.Progress | None = None,
    now: datetime | None = None,
) -> bytes:
    """The EPUB file's bytes (no file is touched)."""
    if layout not in markup.LAYOUTS:
        raise BadInput(f"unknown layout '{layout}' (choose from {', '.join(markup.LAYOUTS)})")
    title = contents.document_title(document)
    label = f"{title.text} — {title.translation}" if title.translation else title.text
    counter = markup.Counter(len(document), progress)
    files: list[tuple[str, str]] = []  # (file name, label)
    pages: list[str] = []
    for number, chapter in enumerate(contents.chapters(document), start=1):
        body = "\n".join(markup.chapter_body(document, chapter, title, layout, True, counter))
        if number == 1:
            body = markup.title_header(title, xml=True) + "\n" + body
        name = f"chapter-{number:04d}.xhtml"
        chapter_label = markup.chapter_label(chapter, number, title)
        files.append((name, chapter_label))
        pages.append(_xhtml(chapter_label, f'<section class="{layout}">\n{body}\n</section>'))
    identifier = _identifier(document, title.text)
    modified = (now or datetime.now(UTC)).strftime("%Y-%m-%dT%H:%M:%SZ")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as book:
        book.writestr(zipfile.ZipInfo("mimetype"), "application/epub+zip", compress_type=zipfile.ZIP_STORED)
        deflate = zipfile.ZIP_DEFLATED
        book.writestr("META-INF/container.xml", CONTAINER, compress_type=deflate)
        book.writestr(
            "OEBPS/content.opf", _package(identifier, label, modified, files), compress_type=deflate
        )
        book.writestr("OEBPS/nav.xhtml", _nav(label, files), compress_type=deflate)
        book.writestr("OEBPS/toc.ncx", _ncx(identifier, label, files), compress_type=deflate)
        book.writestr("OEBPS/style.css", markup.STYLE, compress_type=deflate)
        for (name, _), page in zip(files, pages, strict=True):
            book.writestr(f"OEBPS/{name}", page, compress_type=deflate)
    return buffer.getvalue()


def _package(identifier: str, label: str, modified: str, files: list[tuple[str, str]]) -> str:
    items = "\n".join(
        f'    <item id="c{n}" href="{name}" media-type="application/xhtml+xml"/>'
        for n, (name, _) in enumerate(files, start=1)
    )
    spine = "\n".join(f'    <itemref idref="c{n}"/>' for n in range(1, len(files) + 1))
    return f"""<?xml version="1.0" encoding="utf-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="uid" xml:lang="ar">
  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
    <dc:identifier id="uid">{identifier}</dc:identifier>
    <dc:title>{escape(label)}</dc:title>
    <dc:language>ar</dc:language>
    <dc:language>en</dc:language>
    <dc:contributor>bilingual-reader {__version__}</dc:contributor>
    <meta property="dcterms:modified">{modified}</meta>
  </metadata>
  <manifest>
    <item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>
    <item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/>
    <item id="css" href="style.css" media-type="text/css"/>
{items}
  </manifest>
  <spine toc="ncx">
{spine}
  </spine>
</package>
"""


def _nav(label: str, files: list[tuple[str, str]]) -> str:
    entries = "\n".join(f'<li><a href="{name}">{escape(text)}</a></li>' for name, text in files)
    body = f'<nav epub:type="toc" id="toc">\n<h1>{escape(label)}</h1>\n<ol>\n{entries}\n</ol>\n</nav>'
    return _xhtml(label, body)


def _ncx(identifier: str, label: str, files: list[tuple[str, str]]) -> str:
    points = "\n".join(
        f'    <navPoint id="p{n}" playOrder="{n}"><navLabel><text>{escape(text)}</text></navLabel>'
        f'<content src="{name}"/></navPoint>'
        for n, (name, text) in enumerate(files, start=1)
    )
    return f"""<?xml version="1.0" encoding="utf-8"?>
<ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1" xml:lang="ar">
  <head>
    <meta name="dtb:uid" content="{identifier}"/>
    <meta name="dtb:depth" content="1"/>
    <meta name="dtb:totalPageCount" content="0"/>
    <meta name="dtb:maxPageNumber" content="0"/>
  </head>
  <docTitle><text>{escape(label)}</text></docTitle>
  <navMap>
{points}
  </navMap>
</ncx>
"""


def export_epub(
    document: Document, output: Path, *, layout: str = "interleaved", progress: markup.Progress | None = None
) -> None:
    """Write ``document`` and its translations to ``output`` as an EPUB 3 book.

    Raises :class:`BadInput` (one line) for an unknown layout and an output that cannot be written.
    """
    markup.write_export(output, layout, lambda: render_epub(document, layout=layout, progress=progress))
