"""The bilingual EPUB: a well-formed OCF container, consistent package, every sentence with its language.

epubcheck (Debian's epubcheck package, run with Java) validates one book when it is installed;
the structural checks below run everywhere.
"""

from __future__ import annotations

import io
import shutil
import subprocess
import zipfile
from pathlib import Path
from xml.etree import ElementTree

import pytest

from reader.errors import BadInput
from reader.export.contents import MISSING_MARK
from reader.export.epub import export_epub, render_epub
from reader.model import SegmentResult
from tests.helpers.seed_english import CHAPTERED_HEADINGS, SEED_ENGLISH, chaptered_seed, translated_seed

XHTML = "{http://www.w3.org/1999/xhtml}"
OPF = "{http://www.idpf.org/2007/opf}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
EPUBCHECK_JARS = (Path("/usr/share/java/epubcheck.jar"),)


def write(tmp_path: Path, layout: str = "interleaved", chaptered: bool = True) -> Path:
    path = tmp_path / f"book-{layout}.epub"
    export_epub(chaptered_seed() if chaptered else translated_seed(), path, layout=layout)
    return path


def package(book: zipfile.ZipFile) -> ElementTree.Element:
    container = ElementTree.fromstring(book.read("META-INF/container.xml"))
    rootfile = container.find(".//{urn:oasis:names:tc:opendocument:xmlns:container}rootfile")
    assert rootfile is not None
    assert rootfile.get("media-type") == "application/oebps-package+xml"
    assert rootfile.get("full-path") == "OEBPS/content.opf"
    return ElementTree.fromstring(book.read("OEBPS/content.opf"))


def test_mimetype_comes_first_stored_and_plain(tmp_path: Path) -> None:
    data = write(tmp_path).read_bytes()
    # OCF: the first local file header is "mimetype", uncompressed, no extra field, at offset 0.
    assert data[:4] == b"PK\x03\x04"
    assert data[30:38] == b"mimetype"
    assert data[38:58] == b"application/epub+zip"
    with zipfile.ZipFile(tmp_path / "book-interleaved.epub") as book:
        first = book.infolist()[0]
        assert first.filename == "mimetype"
        assert first.compress_type == zipfile.ZIP_STORED
        assert first.extra == b""


@pytest.mark.parametrize("layout", ["interleaved", "side-by-side"])
def test_manifest_spine_and_files_agree_and_every_xhtml_is_well_formed(tmp_path: Path, layout: str) -> None:
    with zipfile.ZipFile(write(tmp_path, layout)) as book:
        opf = package(book)
        items = {item.get("id"): item for item in opf.iter(f"{OPF}item")}
        names = set(book.namelist())
        for item in items.values():
            assert f"OEBPS/{item.get('href')}" in names
        assert [i for i in items.values() if i.get("properties") == "nav"][0].get("href") == "nav.xhtml"
        spine = [ref.get("idref") for ref in opf.iter(f"{OPF}itemref")]
        assert spine == ["c1", "c2", "c3"]  # one spine item per chapter: the title's, then two
        assert all(ref in items for ref in spine)
        assert {n for n in names if n.endswith(".xhtml")} == {
            f"OEBPS/{i.get('href')}" for i in items.values() if i.get("media-type") == "application/xhtml+xml"
        }
        languages = [e.text for e in opf.iter("{http://purl.org/dc/elements/1.1/}language")]
        assert languages == ["ar", "en"]
        modified = [m for m in opf.iter(f"{OPF}meta") if m.get("property") == "dcterms:modified"]
        assert len(modified) == 1
        for name in names:
            if name.endswith((".xhtml", ".opf", ".ncx", ".xml")):
                ElementTree.fromstring(book.read(name))  # raises if not well-formed


def sentences_by_language(book: zipfile.ZipFile) -> tuple[list[str], list[str]]:
    arabic: list[str] = []
    english: list[str] = []
    chapters = sorted(n for n in book.namelist() if n.startswith("OEBPS/chapter-"))
    for name in chapters:
        root = ElementTree.fromstring(book.read(name))
        for element in root.iter(f"{XHTML}p"):
            lang, direction = element.get("lang"), element.get("dir")
            assert element.get(XML_LANG) == lang
            if (lang, direction) == ("ar", "rtl"):
                arabic.append(element.text or "")
            elif (lang, direction) == ("en", "ltr") and (element.get("class") or "").startswith("en"):
                english.append(element.text or "")
    return arabic, english


@pytest.mark.parametrize("layout", ["interleaved", "side-by-side"])
def test_every_sentence_has_its_language_and_direction(tmp_path: Path, layout: str) -> None:
    document = translated_seed()
    with zipfile.ZipFile(write(tmp_path, layout, chaptered=False)) as book:
        arabic, english = sentences_by_language(book)
    assert arabic == [s.text for s in document.segments]
    assert english == list(SEED_ENGLISH)


def test_nav_and_ncx_list_the_chapters(tmp_path: Path) -> None:
    with zipfile.ZipFile(write(tmp_path)) as book:
        nav = ElementTree.fromstring(book.read("OEBPS/nav.xhtml"))
        links = [(a.get("href"), a.text) for a in nav.iter(f"{XHTML}a")]
        ncx = book.read("OEBPS/toc.ncx").decode()
    title, back_channel, track_two = (CHAPTERED_HEADINGS[i] for i in (0, 1, 8))
    assert links == [
        ("chapter-0001.xhtml", f"{title[0]} — {title[1]}"),
        ("chapter-0002.xhtml", f"{back_channel[0]} — {back_channel[1]}"),
        ("chapter-0003.xhtml", f"{track_two[0]} — {track_two[1]}"),
    ]
    assert ncx.count("<navPoint") == 3


def test_untranslated_sentences_are_marked(tmp_path: Path) -> None:
    document = translated_seed()
    first = document.segment_at(0)
    document.apply_results([SegmentResult(first.id, first.revision, None, "gave up")])
    with zipfile.ZipFile(io.BytesIO(render_epub(document))) as book:
        text = "".join(book.read(n).decode() for n in book.namelist() if n.startswith("OEBPS/chapter-"))
    assert text.count(MISSING_MARK) == 1


def test_same_book_same_identifier(tmp_path: Path) -> None:
    def identifier(data: bytes) -> str:
        with zipfile.ZipFile(io.BytesIO(data)) as book:
            found = package(book).find(".//{http://purl.org/dc/elements/1.1/}identifier")
            assert found is not None
            return found.text or ""

    assert identifier(render_epub(chaptered_seed())) == identifier(render_epub(chaptered_seed()))
    assert identifier(render_epub(chaptered_seed())).startswith("urn:uuid:")


def test_unknown_layout_writes_nothing(tmp_path: Path) -> None:
    with pytest.raises(BadInput, match="unknown layout"):
        export_epub(translated_seed(), tmp_path / "out.epub", layout="columns")
    assert list(tmp_path.iterdir()) == []


def _epubcheck() -> list[str] | None:
    java = shutil.which("java")
    jar = next((j for j in EPUBCHECK_JARS if j.is_file()), None)
    if java is None or jar is None:
        return None
    return [java, "-jar", str(jar)]


@pytest.mark.slow
def test_epubcheck_finds_nothing(tmp_path: Path) -> None:
    command = _epubcheck()
    if command is None:
        pytest.skip("epubcheck is not installed (Debian: apt-get install epubcheck)")
    result = subprocess.run(
        [*command, str(write(tmp_path))], capture_output=True, text=True, timeout=240, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 fatals / 0 errors / 0 warnings" in result.stdout + result.stderr
