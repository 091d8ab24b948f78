"""Hostile archives and XML: each refused in one line before it can hurt (bombs, climbing names,
entities, truncation, DRM, the size cap)."""

from __future__ import annotations

import io
import os
import time
import tracemalloc
import zipfile
from pathlib import Path

import pytest

from reader.cli import main
from reader.errors import BadInput
from reader.formats.registry import open_document
from reader.formats.safety import Refused, check_member_name, parse_xml, read_member
from tests.helpers import format_fixtures as fx


def _refusal(tmp_path: Path, data: bytes, name: str = "book.epub") -> str:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(BadInput) as caught:
        open_document(path)
    message = str(caught.value)
    assert "\n" not in message
    assert message.startswith(f"{name}: ")
    return message


def _bomb(inflated: int) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("mimetype", "application/epub+zip", compress_type=zipfile.ZIP_STORED)
        with archive.open("OEBPS/bomb.xhtml", "w") as member:
            block = b"\0" * (1 << 20)
            for _ in range(inflated >> 20):
                member.write(block)
    return buffer.getvalue()


def test_a_zip_bomb_is_refused_quickly_and_in_little_memory(tmp_path: Path) -> None:
    data = _bomb(300 << 20)  # 300 MB of zeros in about 300 KB
    assert len(data) < 1 << 20
    import reader.formats.docx
    import reader.formats.epub
    import reader.formats.odt  # noqa: F401 (imported before measuring: the bound is for the bomb)

    tracemalloc.start()
    started = time.perf_counter()
    message = _refusal(tmp_path, data)
    elapsed = time.perf_counter() - started
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert "zip bomb" in message
    assert elapsed < 2.0
    assert peak < 20 << 20  # nothing near the inflated size was held


def test_a_member_that_lies_about_its_size_is_cut_at_the_cap() -> None:
    archive = zipfile.ZipFile(
        io.BytesIO(_bomb(8 << 20))
    )  # past open_archive's checks, as a forged header would be
    tracemalloc.start()
    with pytest.raises(Refused, match="inflates to more than"):
        read_member(archive, "OEBPS/bomb.xhtml", limit=1 << 20)
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert peak < 8 << 20


@pytest.mark.parametrize(
    "name", ["../evil.xhtml", "OEBPS/../../etc/passwd", "/etc/passwd", "C:/x.xhtml", "a\\..\\b"]
)
def test_member_names_that_climb_out_are_refused(name: str) -> None:
    with pytest.raises(Refused, match="points outside"):
        check_member_name(name)


def test_an_epub_with_a_climbing_member_is_refused(tmp_path: Path) -> None:
    data = fx.make_epub(extra_members=[("../../outside.txt", "x")])
    assert "points outside" in _refusal(tmp_path, data)


def test_a_spine_href_that_climbs_out_is_refused(tmp_path: Path) -> None:
    data = fx.make_epub().replace(b"", b"")
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(buffer, "w") as target:
        for info in source.infolist():
            content = source.read(info)
            if info.filename.endswith(".opf"):
                content = content.replace(b'href="text/ch1.xhtml"', b'href="../../../etc/passwd"')
            target.writestr(info, content)
    assert "points outside" in _refusal(tmp_path, buffer.getvalue())


LAUGHS = (
    '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
    '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>'
    "<lolz>&lol3;</lolz>"
)
EXTERNAL = '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY secret SYSTEM "file:///etc/passwd">]><x>&secret;</x>'


@pytest.mark.parametrize("xml", [LAUGHS, EXTERNAL], ids=["billion-laughs", "external-entity"])
def test_xml_entities_are_refused(xml: str) -> None:
    with pytest.raises(Refused, match="declares XML entities"):
        parse_xml(xml.encode(), "content.opf")


@pytest.mark.parametrize("xml", [LAUGHS, EXTERNAL], ids=["billion-laughs", "external-entity"])
def test_an_epub_chapter_with_entities_is_refused(tmp_path: Path, xml: str) -> None:
    data = fx.make_epub(extra_members=[])
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(buffer, "w") as target:
        for info in source.infolist():
            content = source.read(info)
            if info.filename.endswith("ch1.xhtml"):
                content = xml.encode()
            target.writestr(info, content)
    assert "declares XML entities" in _refusal(tmp_path, buffer.getvalue())


def test_a_docx_with_entities_is_refused(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(fx.make_docx())) as source, zipfile.ZipFile(buffer, "w") as target:
        for info in source.infolist():
            content = source.read(info)
            if info.filename == "word/document.xml":
                content = EXTERNAL.encode()
            target.writestr(info, content)
    assert "declares XML entities" in _refusal(tmp_path, buffer.getvalue(), "letter.docx")


@pytest.mark.parametrize("share", [0.02, 0.5, 0.98])
def test_a_truncated_archive_is_refused(tmp_path: Path, share: float) -> None:
    data = fx.make_epub()
    assert "damaged or truncated" in _refusal(tmp_path, data[: int(len(data) * share)])


def test_a_corrupt_member_is_refused(tmp_path: Path) -> None:
    data = bytearray(fx.make_epub())
    start = data.find(b"content.opf")  # the OPF's local header: damage its compressed bytes
    for k in range(start + 40, start + 80):
        data[k] ^= 0x5A
    message = _refusal(tmp_path, bytes(data))
    assert "damaged" in message or "no " in message


def test_a_drm_epub_with_rights_is_refused(tmp_path: Path) -> None:
    data = fx.make_epub(extra_members=[("META-INF/rights.xml", "<rights/>")])
    assert "DRM" in _refusal(tmp_path, data)


def _encryption(algorithm: str, uri: str) -> str:
    """META-INF/encryption.xml naming one member encrypted with *algorithm*."""
    return (
        '<encryption xmlns="urn:oasis:names:tc:opendocument:xmlns:container" '
        'xmlns:enc="http://www.w3.org/2001/04/xmlenc#"><enc:EncryptedData>'
        f'<enc:EncryptionMethod Algorithm="{algorithm}"/>'
        f'<enc:CipherData><enc:CipherReference URI="{uri}"/></enc:CipherData>'
        "</enc:EncryptedData></encryption>"
    )


def test_a_drm_epub_with_encrypted_chapters_is_refused(tmp_path: Path) -> None:
    encryption = _encryption("http://www.w3.org/2001/04/xmlenc#aes128-cbc", "OEBPS/text/ch1.xhtml")
    data = fx.make_epub(extra_members=[("META-INF/encryption.xml", encryption)])
    assert "DRM-encrypted" in _refusal(tmp_path, data)


def test_font_obfuscation_is_not_drm(tmp_path: Path) -> None:
    encryption = _encryption("http://www.idpf.org/2008/embedding", "OEBPS/fonts/a.otf")
    path = tmp_path / "book.epub"
    path.write_bytes(fx.make_epub(extra_members=[("META-INF/encryption.xml", encryption)]))
    assert len(open_document(path).document) == len(fx.SENTENCES)


def test_anything_over_the_size_limit_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("BIREADER_MAX_FILE_MB", "0.01")
    path = tmp_path / "big.epub"
    path.write_bytes(fx.make_epub(extra_members=[("OEBPS/cover.jpg", os.urandom(20_000))]))
    assert main(["segment", str(path)]) == 2
    assert "more than the 0 MB limit" in capsys.readouterr().err
