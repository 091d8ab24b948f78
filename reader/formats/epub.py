"""EPUB 2 and 3 → the structured document (zipfile + lxml; no EbookLib, which is AGPL).

The OPF's spine gives the reading order; chapter titles come from the EPUB 3 navigation document
or the EPUB 2 NCX, and head a chapter whose XHTML has no heading of its own. Each chapter is one
source part named by its path in the archive. DRM-protected books (``META-INF/rights.xml``, or an
``encryption.xml`` that encrypts more than fonts) are refused: their chapters are ciphertext.
"""

from __future__ import annotations

import posixpath
import zipfile
from collections.abc import Callable
from typing import Any
from urllib.parse import unquote, urldefrag

import lxml.html
from lxml import etree

from reader.formats.blocks_builder import RawBlock, build_document, scaled
from reader.formats.limits import check_attributes
from reader.formats.safety import Refused, check_member_name, has_member, parse_xml, read_member
from reader.formats.xhtml_blocks import element_blocks, local_name
from reader.model import BlockKind, Document

MIMETYPE = b"application/epub+zip"
# Font obfuscation (IDPF and Adobe) is not DRM: the text is readable.
_FONT_OBFUSCATION = frozenset({"http://www.idpf.org/2008/embedding", "http://ns.adobe.com/pdf/enc#RC"})
_XHTML_TYPES = frozenset({"application/xhtml+xml", "text/html", "application/xml", "text/xml"})


def is_epub(archive: zipfile.ZipFile) -> bool:
    if has_member(archive, "mimetype"):
        return read_member(archive, "mimetype", 1024).strip() == MIMETYPE
    return has_member(archive, "META-INF/container.xml")


def read_epub(
    archive: zipfile.ZipFile, name: str, progress: Callable[[float], None] | None = None
) -> Document:
    check_drm(archive)
    opf_path = _rootfile(archive)
    opf = parse_xml(read_member(archive, opf_path), "the EPUB package (OPF)")
    base = posixpath.dirname(opf_path)
    manifest = {
        item.get("id"): item
        for item in opf.iter()
        if local_name(item) == "item" and item.get("id") and item.get("href")
    }
    spine = next((e for e in opf.iter() if local_name(e) == "spine"), None)
    if spine is None:
        raise Refused("the EPUB has no spine (no reading order)")
    chapters = [
        manifest[ref.get("idref")]
        for ref in spine
        if local_name(ref) == "itemref" and ref.get("idref") in manifest
    ]
    chapters = [item for item in chapters if item.get("media-type", "") in _XHTML_TYPES]
    titles = _toc_titles(archive, manifest, spine, base)
    language = _metadata(opf, "language")
    blocks: list[RawBlock] = []
    for number, item in enumerate(chapters):
        if progress is not None:
            progress(0.6 * number / max(len(chapters), 1))
        path = _resolve(base, item.get("href", ""))
        found = element_blocks(_chapter_root(read_member(archive, path), path), part=path, lang=language)
        title = titles.get(path)
        if title and not any(b.kind is BlockKind.HEADING for b in found):
            found.insert(0, RawBlock(BlockKind.HEADING, title, 1, language, part=path))
        blocks += found
    return build_document(
        blocks, name=name, title=_metadata(opf, "title") or "", progress=scaled(progress, 0.6, 1)
    )


def check_drm(archive: zipfile.ZipFile) -> None:
    """Refuse a DRM-encrypted book in one line."""
    if has_member(archive, "META-INF/rights.xml"):
        raise Refused("the EPUB is DRM-protected (META-INF/rights.xml); remove the DRM to read it")
    if not has_member(archive, "META-INF/encryption.xml"):
        return
    root = parse_xml(read_member(archive, "META-INF/encryption.xml"), "META-INF/encryption.xml")
    methods = {e.get("Algorithm", "") for e in root.iter() if local_name(e) == "encryptionmethod"}
    if methods - _FONT_OBFUSCATION or not methods:
        raise Refused("the EPUB is DRM-encrypted (META-INF/encryption.xml); remove the DRM to read it")


def _rootfile(archive: zipfile.ZipFile) -> str:
    container = parse_xml(read_member(archive, "META-INF/container.xml"), "META-INF/container.xml")
    for element in container.iter():
        if local_name(element) == "rootfile" and element.get("full-path"):
            path = str(element.get("full-path"))
            check_member_name(path)
            return path
    raise Refused("the EPUB's container.xml names no package (OPF)")


def _metadata(opf: Any, field: str) -> str | None:
    for element in opf.iter():
        if local_name(element) == field and (element.text or "").strip():
            return " ".join(element.text.split())
    return None


def _resolve(base: str, href: str) -> str:
    path = posixpath.normpath(posixpath.join(base, unquote(urldefrag(href)[0])))
    check_member_name(path)
    return path


def _chapter_root(data: bytes, path: str) -> Any:
    """The chapter's body: XHTML when it parses as XML, else read as HTML (``&nbsp;`` and friends)."""
    try:
        root = parse_xml(data, path)
    except Refused as error:
        if "entities" in str(error):
            raise
        check_attributes(data)  # before libxml2's HTML parser, which is quadratic in them
        try:
            root = lxml.html.document_fromstring(data)
        except (etree.ParserError, ValueError):
            raise Refused(f"{path[:80]} in the EPUB is damaged") from None
    body = next((e for e in root.iter() if local_name(e) == "body"), root)
    lang = root.get("{http://www.w3.org/XML/1998/namespace}lang") or root.get("lang")
    if lang and not (body.get("lang") or body.get("{http://www.w3.org/XML/1998/namespace}lang")):
        body.set("lang", lang)
    return body


def _toc_titles(archive: zipfile.ZipFile, manifest: dict[Any, Any], spine: Any, base: str) -> dict[str, str]:
    """Chapter path → title, from the EPUB 3 nav document, else the EPUB 2 NCX."""
    titles: dict[str, str] = {}
    nav = next((i for i in manifest.values() if "nav" in (i.get("properties") or "").split()), None)
    if nav is not None:
        path = _resolve(base, nav.get("href"))
        root = _chapter_root(read_member(archive, path), path)
        for link in root.iter():
            if local_name(link) == "a" and link.get("href"):
                text = " ".join("".join(link.itertext()).split())
                target = _resolve(posixpath.dirname(path), link.get("href"))
                if text:
                    titles.setdefault(target, text)
    ncx = manifest.get(spine.get("toc"))
    if ncx is None:
        ncx = next((i for i in manifest.values() if i.get("media-type") == "application/x-dtbncx+xml"), None)
    if not titles and ncx is not None:
        path = _resolve(base, ncx.get("href"))
        root = parse_xml(read_member(archive, path), path)
        for point in root.iter():
            if local_name(point) != "navpoint":
                continue
            label = next((e for e in point.iter() if local_name(e) == "text"), None)
            content = next((e for e in point.iter() if local_name(e) == "content"), None)
            if label is not None and content is not None and content.get("src"):
                text = " ".join("".join(label.itertext()).split())
                if text:
                    titles.setdefault(_resolve(posixpath.dirname(path), content.get("src")), text)
    return titles
