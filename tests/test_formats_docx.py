"""Word documents: heading styles and levels, right-to-left paragraphs, quotes, tables cell by cell,
footnotes, and random documents round-tripping sentence for sentence."""

from __future__ import annotations

import io
import zipfile

import docx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.formats.registry import read_bytes
from reader.model import BlockKind, Direction
from tests.helpers import format_fixtures as fx


def _read(data: bytes):  # type: ignore[no-untyped-def]
    return read_bytes(data, "letter.docx", ".docx").document


def test_headings_paragraphs_and_directions() -> None:
    document = _read(fx.make_docx())
    assert [s.text for s in document.iter_segments()] == fx.SENTENCES
    kinds = [(b.kind, b.level) for b in document.iter_blocks()]
    assert kinds[0] == (BlockKind.HEADING, 1)
    assert kinds[1] == (BlockKind.PARAGRAPH, 0)
    assert document.block(1).direction is Direction.RTL  # w:bidi
    assert [s.title for s in document.sections] == ["الفصل الأول", "الفصل الثاني"]


def test_levels_lists_quotes_and_tables_cell_by_cell() -> None:
    word = docx.Document()
    word.add_heading("عنوان الكتاب", level=0)
    word.add_heading("الباب الأول", level=1)
    word.add_heading("الفصل الأول من الباب", level=2)
    word.add_paragraph("البند الأول.", style="List Bullet")
    word.add_paragraph("A quotation in English, left as it is.", style="Quote")
    table = word.add_table(rows=2, cols=2)
    for r in range(2):
        for c in range(2):
            table.cell(r, c).text = f"الخلية {r}{c}."
    merged = word.add_table(rows=1, cols=2)
    merged.cell(0, 0).merge(merged.cell(0, 1)).text = "خلية مدمجة."
    buffer = io.BytesIO()
    word.save(buffer)
    document = _read(buffer.getvalue())
    blocks = [(b.kind, b.level, document.block_text(b), b.translatable) for b in document.iter_blocks()]
    assert blocks == [
        (BlockKind.HEADING, 1, "عنوان الكتاب", True),
        (BlockKind.HEADING, 1, "الباب الأول", True),
        (BlockKind.HEADING, 2, "الفصل الأول من الباب", True),
        (BlockKind.LIST_ITEM, 0, "البند الأول.", True),
        (BlockKind.QUOTE, 0, "A quotation in English, left as it is.", False),
        (BlockKind.PARAGRAPH, 0, "الخلية 00.", True),
        (BlockKind.PARAGRAPH, 0, "الخلية 01.", True),
        (BlockKind.PARAGRAPH, 0, "الخلية 10.", True),
        (BlockKind.PARAGRAPH, 0, "الخلية 11.", True),
        (BlockKind.PARAGRAPH, 0, "خلية مدمجة.", True),
    ]


FOOTNOTES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<w:footnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:t>---</w:t></w:r></w:p></w:footnote>'
    '<w:footnote w:id="1"><w:p><w:pPr><w:bidi/></w:pPr><w:r><w:t>هذه حاشية في أسفل الصفحة.</w:t></w:r></w:p></w:footnote>'
    "</w:footnotes>"
)


def test_every_cell_of_a_big_table_comes_once_merged_cells_included() -> None:
    """Many cells, so lxml's short-lived element proxies reuse ids (which once made cells vanish)."""
    word = docx.Document()
    table = word.add_table(rows=40, cols=5)
    for r in range(40):
        for c in range(5):
            table.cell(r, c).text = f"خلية {r} {c}."
    table.cell(0, 0).merge(table.cell(1, 0))  # vertical: the continuation cell is left empty
    buffer = io.BytesIO()
    word.save(buffer)
    document = _read(buffer.getvalue())
    texts = [document.block_text(b) for b in document.iter_blocks()]
    # The merge moves the lower cell's paragraph into the upper one: still each text once.
    assert sorted(texts) == sorted(f"خلية {r} {c}." for r in range(40) for c in range(5))


def test_footnotes_follow_the_body_as_their_own_part() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(fx.make_docx())) as source, zipfile.ZipFile(buffer, "w") as target:
        for info in source.infolist():
            target.writestr(info, source.read(info))
        target.writestr("word/footnotes.xml", FOOTNOTES)
    document = _read(buffer.getvalue())
    last = document.segment_at(len(document) - 1)
    assert last.text == "هذه حاشية في أسفل الصفحة."
    assert document.block(last.block_id).location.part == "footnotes"
    assert "---" not in [s.text for s in document.iter_segments()]


_WORDS = st.sampled_from(
    ["قرأت", "البنت", "كتاباً", "جديداً", "عن", "تاريخ", "المدينة", "القديمة", "في", "الصيف"]
)
_PARAGRAPHS = st.lists(
    st.lists(
        st.lists(_WORDS, min_size=2, max_size=7).map(lambda w: " ".join(w) + "."), min_size=1, max_size=3
    ),
    min_size=1,
    max_size=6,
)


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(paragraphs=_PARAGRAPHS)
def test_random_paragraph_lists_round_trip(paragraphs) -> None:  # type: ignore[no-untyped-def]
    data = fx.make_docx([("العنوان", [" ".join(p) for p in paragraphs])])
    document = _read(data)
    assert [s.text for s in document.iter_segments()] == ["العنوان"] + [s for p in paragraphs for s in p]
