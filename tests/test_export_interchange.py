"""TMX, XLIFF 2 and CSV exports, parsed back with translate-toolkit (test-only) and the csv module."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from translate.storage import tmx, xliff2

from reader.export.interchange import csv_bytes, export_interchange, format_for, tmx_bytes, xliff_bytes
from reader.formats.plain_text import build_text_document
from reader.model import Origin, Rendering, SegmentResult, Status
from tests.helpers.editing import edit, put

TEXT = 'قال: "نعم، بالطبع". ثم مضى.\n\nجملة ثالثة\x07 هنا.\n'


def sample():
    document = build_text_document(TEXT, name="doc.txt")
    first, second, third = document.segments
    document.apply_results(
        [SegmentResult(first.id, first.revision, 'He said: "yes, of course".', model="m1")]
    )
    edit(document, second.id, "Then he left, quietly.")
    return document, (first, second, third)


def test_tmx_parses_back_with_origins() -> None:
    document, (first, second, _third) = sample()
    store = tmx.tmxfile(tmx_bytes(document))
    units = [u for u in store.units if u.source]
    assert [(u.source, u.target) for u in units] == [
        (first.text, 'He said: "yes, of course".'),
        (second.text, "Then he left, quietly."),
    ]
    data = tmx_bytes(document).decode("utf-8")
    assert '<prop type="x-origin">machine</prop>' in data
    assert '<prop type="x-origin">edited</prop>' in data
    assert 'srclang="ar"' in data


def test_xliff2_parses_back_with_states() -> None:
    document, (first, second, third) = sample()
    store = xliff2.Xliff2File(xliff_bytes(document))
    units = store.units
    assert [u.source for u in units] == [first.text, second.text, third.text.replace("\x07", "")]
    assert units[0].target == 'He said: "yes, of course".'
    states = [u.xmlelement.get("state") for u in units]
    assert states == ["translated", "reviewed", "initial"]
    assert units[1].isapproved()
    assert store.getsourcelanguage() == "ar"


def test_csv_keeps_arabic_commas_and_quotes() -> None:
    document, (first, second, _third) = sample()
    data = csv_bytes(document)
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert rows[0][:5] == ["id", "paragraph", "source", "translation", "origin"]
    assert rows[1][2] == first.text
    assert '"' in rows[1][2]
    assert "،" in rows[1][2]
    assert rows[1][3:6] == ['He said: "yes, of course".', "machine", "m1"]
    assert rows[2][3:5] == ["Then he left, quietly.", "edited"]
    assert rows[3][3] == ""


def test_scores_and_flags_reach_the_csv() -> None:
    document = build_text_document("جملة.\n")
    segment = document.segment_at(0)
    put(document, segment.id, Status.DONE, Rendering("x", Origin.MACHINE, "m", -1.25, ("untranslated",)))
    row = list(csv.reader(io.StringIO(csv_bytes(document).decode("utf-8-sig"))))[1]
    assert row[6:] == ["-1.2500", "untranslated"]


def test_format_by_suffix_or_request_and_an_atomic_write(tmp_path: Path) -> None:
    assert format_for(Path("a.TMX")) == "tmx"
    assert format_for(Path("a.xlf")) == format_for(Path("a.xliff")) == "xliff"
    assert format_for(Path("a.txt"), "csv") == "csv"
    assert format_for(Path("a.pdf")) is None
    document, _ = sample()
    target = tmp_path / "out.tmx"
    export_interchange(document, target, "tmx")
    assert target.read_bytes() == tmx_bytes(document)
