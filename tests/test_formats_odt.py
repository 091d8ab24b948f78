"""OpenDocument text: headings with levels, right-to-left styles, footnotes as their own part."""

from __future__ import annotations

from reader.formats.registry import read_bytes
from reader.model import BlockKind, Direction
from tests.helpers import format_fixtures as fx


def test_odt_headings_paragraphs_and_a_footnote() -> None:
    document = read_bytes(fx.make_odt(note="حاشية في أسفل الصفحة."), "a.odt", ".odt").document
    texts = [s.text for s in document.iter_segments()]
    assert texts == [*fx.SENTENCES, "حاشية في أسفل الصفحة."]
    first = document.block(0)
    assert (first.kind, first.level) == (BlockKind.HEADING, 1)
    assert document.block(1).direction is Direction.RTL  # the rl-tb paragraph style
    last = document.block(document.segment_at(len(document) - 1).block_id)
    assert last.location.part == "notes"
    assert [s.title for s in document.sections] == ["الفصل الأول", "الفصل الثاني"]


def test_odt_lists_and_spaces() -> None:
    content = (
        '<?xml version="1.0" encoding="UTF-8"?><office:document-content '
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:text>'
        '<text:h text:outline-level="2">عنوان فرعي</text:h>'
        "<text:list><text:list-item><text:p>البند<text:s/>الأول.</text:p></text:list-item></text:list>"
        "</office:text></office:body></office:document-content>"
    )
    data = fx._zip([("mimetype", "application/vnd.oasis.opendocument.text"), ("content.xml", content)])
    document = read_bytes(data, "b.odt", ".odt").document
    assert [(b.kind, b.level, document.block_text(b)) for b in document.iter_blocks()] == [
        (BlockKind.HEADING, 2, "عنوان فرعي"),
        (BlockKind.LIST_ITEM, 0, "البند الأول."),
    ]
