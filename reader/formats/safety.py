"""Opening archives and XML that someone else made, without being hurt by them.

E-books and office files are ZIP archives of XML, and both can be weapons: a zip bomb (a few
kilobytes that inflate to gigabytes), member names that climb out of the archive (``../``),
XML whose entities expand a billion times or fetch files. Everything here refuses such input
with one line (:class:`Refused`, exit 2) before any of it is inflated or expanded; members are
read in chunks with the cap enforced on the bytes actually produced, not on what the header
claims.
"""

from __future__ import annotations

import io
import re
import struct
import zipfile
import zlib
from typing import Any

from lxml import etree

from reader.formats.damage import Refused as Refused  # re-exported: readers import it from here

MAX_UNCOMPRESSED = 1024 * 1024 * 1024  # the whole archive, inflated
MAX_MEMBER = 256 * 1024 * 1024  # one member, inflated
MAX_RATIO = 200  # inflated / compressed, for members big enough to matter
_RATIO_FLOOR = 1024 * 1024  # members smaller than this may compress as well as they like
_CHUNK = 64 * 1024
# Everything zipfile and zlib raise on a damaged archive: a flipped header byte gives
# NotImplementedError("zip file version 9.0") or a bad compression method, truncation EOFError.
ZIP_ERRORS = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    zlib.error,
    EOFError,
    ValueError,
    NotImplementedError,
    struct.error,
)
_ENTITY_DECLARATION = re.compile(rb"<!ENTITY", re.IGNORECASE)
_DOCTYPE = re.compile(rb"<!DOCTYPE[^>\[]*\[", re.IGNORECASE)


def open_archive(data: bytes, what: str = "archive") -> zipfile.ZipFile:
    """A ZIP archive checked for damage, bombs and climbing names (nothing is inflated yet)."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (*ZIP_ERRORS, OSError):
        raise Refused(f"the {what} is damaged or truncated (not a readable ZIP archive)") from None
    total = 0
    for info in infos:
        check_member_name(info.filename)
        if info.flag_bits & 0x1:
            raise Refused(f"the {what} is encrypted")
        total += info.file_size
        if info.file_size > MAX_MEMBER:
            raise Refused(
                f"the {what} has a member of more than {MAX_MEMBER // 2**20} MB inflated (a zip bomb?)"
            )
        if total > MAX_UNCOMPRESSED:
            raise Refused(f"the {what} inflates to more than {MAX_UNCOMPRESSED // 2**20} MB (a zip bomb?)")
        if info.file_size > _RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise Refused(f"the {what} has a member compressed more than {MAX_RATIO}:1 (a zip bomb?)")
    return archive


def check_member_name(name: str) -> None:
    """Refuse a member name that is absolute or climbs out of the archive."""
    normal = name.replace("\\", "/")
    if normal.startswith("/") or re.match(r"^[A-Za-z]:", normal) or ".." in normal.split("/"):
        raise Refused(f"the archive has a member that points outside it ({name[:80]!r})")


def read_member(archive: zipfile.ZipFile, name: str, limit: int = MAX_MEMBER) -> bytes:
    """A member's bytes, inflated in chunks and stopped at *limit* whatever its header says."""
    try:
        with archive.open(name) as handle:
            chunks, size = [], 0
            while chunk := handle.read(_CHUNK):
                size += len(chunk)
                if size > limit:
                    raise Refused(f"{name[:80]} inflates to more than {limit // 2**20} MB (a zip bomb?)")
                chunks.append(chunk)
    except KeyError:
        raise Refused(f"the archive has no {name[:80]}") from None
    except (*ZIP_ERRORS, OSError) as error:
        raise Refused(f"the archive is damaged: {name[:80]} cannot be read ({error})") from None
    return b"".join(chunks)


def has_member(archive: zipfile.ZipFile, name: str) -> bool:
    try:
        archive.getinfo(name)
    except KeyError:
        return False
    return True


def check_no_entities(data: bytes, what: str) -> None:
    """Refuse XML that declares entities (billion laughs, external entities) or an internal DTD."""
    head = data[: 64 * 1024]
    if _ENTITY_DECLARATION.search(head) or _DOCTYPE.search(head):
        raise Refused(f"{what} declares XML entities, which are not allowed")


def safe_parser(**options: Any) -> etree.XMLParser:
    """The only XML parser used on documents: no entities, no DTD, no network, no huge trees."""
    return etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, **options
    )


def parse_xml(data: bytes, what: str) -> Any:
    """Parse XML with :func:`safe_parser`; entities and damage are refused in one line."""
    check_no_entities(data, what)
    try:
        return etree.fromstring(data, parser=safe_parser())
    except etree.XMLSyntaxError as error:
        raise Refused(f"{what} is damaged XML ({str(error).splitlines()[0][:120]})") from None
