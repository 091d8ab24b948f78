"""Documents of every supported format, built by the tests themselves (nothing downloaded or shipped).

Each builder takes chapters as ``(title, [paragraph, …])`` so the same prose can be written as
EPUB 2 or 3, DOCX, ODT, HTML, Markdown or PDF and the sentences compared.
"""

from __future__ import annotations

import html
import io
import zipfile
from collections.abc import Sequence

Chapters = Sequence[tuple[str, Sequence[str]]]

CHAPTERS: list[tuple[str, list[str]]] = [
    (
        "الفصل الأول",
        [
            "قالت ثلاثة مصادر مطلعة إن مشاركين اجتمعوا في سويسرا. وقال أحد المصادر إن المحادثات مهمة؟",
            "وأضاف المصدر أن الاجتماع استمر ساعتين.",
        ],
    ),
    ("الفصل الثاني", ["ذهب الولد إلى المدرسة صباحاً! ثم عاد إلى البيت."]),
]
SENTENCES = [
    "الفصل الأول",
    "قالت ثلاثة مصادر مطلعة إن مشاركين اجتمعوا في سويسرا.",
    "وقال أحد المصادر إن المحادثات مهمة؟",
    "وأضاف المصدر أن الاجتماع استمر ساعتين.",
    "الفصل الثاني",
    "ذهب الولد إلى المدرسة صباحاً!",
    "ثم عاد إلى البيت.",
]


def _zip(members: Sequence[tuple[str, bytes | str]], *, stored_mimetype: bool = True) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members:
            data = content.encode("utf-8") if isinstance(content, str) else content
            kind = zipfile.ZIP_STORED if name == "mimetype" and stored_mimetype else zipfile.ZIP_DEFLATED
            archive.writestr(name, data, compress_type=kind)
    return buffer.getvalue()


def xhtml_chapter(title: str | None, paragraphs: Sequence[str], extra: str = "") -> str:
    heading = f"<h1>{html.escape(title)}</h1>" if title else ""
    body = "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" '
        'lang="ar" dir="rtl"><head><title>x</title><style>p{}</style></head>'
        f"<body>{heading}{body}{extra}<script>var a = 1;</script></body></html>"
    )


def make_epub(
    chapters: Chapters = CHAPTERS,
    *,
    version: int = 3,
    headings_in_text: bool = True,
    extra_members: Sequence[tuple[str, bytes | str]] = (),
    extra_xhtml: str = "",
) -> bytes:
    """An EPUB 2 (NCX) or 3 (nav.xhtml) book, one XHTML file per chapter, spine in order."""
    items, refs, nav_links, points = [], [], [], []
    members: list[tuple[str, bytes | str]] = [("mimetype", "application/epub+zip")]
    members.append(
        (
            "META-INF/container.xml",
            '<?xml version="1.0"?><container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">'
            '<rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/>'
            "</rootfiles></container>",
        )
    )
    for number, (title, paragraphs) in enumerate(chapters, start=1):
        name = f"text/ch{number}.xhtml"
        extra = extra_xhtml if number == 1 else ""
        members.append(
            (f"OEBPS/{name}", xhtml_chapter(title if headings_in_text else None, paragraphs, extra))
        )
        items.append(f'<item id="c{number}" href="{name}" media-type="application/xhtml+xml"/>')
        refs.append(f'<itemref idref="c{number}"/>')
        nav_links.append(f'<li><a href="{name}">{html.escape(title)}</a></li>')
        points.append(
            f'<navPoint id="p{number}" playOrder="{number}"><navLabel><text>{html.escape(title)}</text></navLabel>'
            f'<content src="{name}"/></navPoint>'
        )
    if version == 3:
        items.append('<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>')
        members.append(
            (
                "OEBPS/nav.xhtml",
                '<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops">'
                f'<body><nav epub:type="toc"><ol>{"".join(nav_links)}</ol></nav></body></html>',
            )
        )
        spine = "<spine>"
    else:
        items.append('<item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/>')
        members.append(
            (
                "OEBPS/toc.ncx",
                '<?xml version="1.0"?><ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1">'
                f"<navMap>{''.join(points)}</navMap></ncx>",
            )
        )
        spine = '<spine toc="ncx">'
    members.append(
        (
            "OEBPS/content.opf",
            f'<?xml version="1.0"?><package xmlns="http://www.idpf.org/2007/opf" version="{version}.0" '
            'unique-identifier="id"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/">'
            '<dc:title>كتاب الاختبار</dc:title><dc:language>ar</dc:language><dc:identifier id="id">x</dc:identifier>'
            f"</metadata><manifest>{''.join(items)}</manifest>{spine}{''.join(refs)}</spine></package>",
        )
    )
    return _zip([*members, *extra_members])


def make_docx(
    chapters: Chapters = CHAPTERS, *, table: Sequence[Sequence[str]] = (), quote: str = ""
) -> bytes:
    """A Word document: Heading 1 per chapter, right-to-left paragraphs, an optional table and quote."""
    import docx
    from docx.oxml import OxmlElement

    document = docx.Document()
    for title, paragraphs in chapters:
        document.add_heading(title, level=1)
        for text in paragraphs:
            paragraph = document.add_paragraph(text)
            paragraph._p.get_or_add_pPr().append(OxmlElement("w:bidi"))
    if quote:
        document.add_paragraph(quote, style="Quote")
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, text in enumerate(row):
                grid.cell(r, c).text = text
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def make_odt(chapters: Chapters = CHAPTERS, *, note: str = "") -> bytes:
    """An OpenDocument text with a hand-written content.xml (headings, paragraphs, a footnote)."""
    body = []
    for number, (title, paragraphs) in enumerate(chapters):
        body.append(f'<text:h text:outline-level="1">{html.escape(title)}</text:h>')
        for k, text in enumerate(paragraphs):
            footnote = ""
            if note and number == 0 and k == 0:
                footnote = (
                    '<text:note text:note-class="footnote"><text:note-citation>1</text:note-citation>'
                    f"<text:note-body><text:p>{html.escape(note)}</text:p></text:note-body></text:note>"
                )
            body.append(f'<text:p text:style-name="RTL">{html.escape(text)}{footnote}</text:p>')
    content = (
        '<?xml version="1.0" encoding="UTF-8"?><office:document-content '
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
        'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" office:version="1.2">'
        '<office:automatic-styles><style:style style:name="RTL" style:family="paragraph">'
        '<style:paragraph-properties style:writing-mode="rl-tb"/></style:style></office:automatic-styles>'
        f"<office:body><office:text>{''.join(body)}</office:text></office:body></office:document-content>"
    )
    return _zip([("mimetype", "application/vnd.oasis.opendocument.text"), ("content.xml", content)])


def article_page(chapters: Chapters = CHAPTERS, *, charset: str = "utf-8") -> bytes:
    """A saved news page: the article inside menus, a cookie banner, a sidebar and a footer."""
    article = "".join(
        f"<h2>{html.escape(t)}</h2>" + "".join(f"<p>{html.escape(p)}</p>" for p in ps) for t, ps in chapters
    )
    page = (
        f'<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="{charset}">'
        "<title>عنوان المقال | موقع الأخبار</title><script>track()</script></head><body>"
        '<div id="cookie-banner">نستخدم ملفات تعريف الارتباط لتحسين تجربتك. موافق</div>'
        '<nav class="menu"><ul><li><a href="/">الرئيسية</a></li><li><a href="/w">العالم</a></li></ul></nav>'
        '<div class="layout"><aside class="sidebar"><h3>الأكثر قراءة</h3><ul><li><a href="/1">خبر آخر عن الطقس.</a></li>'
        '<li><a href="/2">خبر ثالث عن الرياضة.</a></li></ul></aside>'
        f'<div class="content"><h1>عنوان المقال</h1><div class="story-body">{article}</div></div></div>'
        "<footer><p>جميع الحقوق محفوظة لموقع الأخبار.</p></footer></body></html>"
    )
    return page.encode(charset)


def markdown_text(chapters: Chapters = CHAPTERS) -> str:
    parts = []
    for title, paragraphs in chapters:
        parts.append(f"# {title}")
        parts.extend(paragraphs)
    return "\n\n".join(parts) + "\n"


# --- PDF -------------------------------------------------------------------------------------------
# Letters that join only to the right (never to the letter after them).
_RIGHT_JOINING = set("اأإآدذرزوؤةى")


def _presentation_forms() -> dict[tuple[str, str], str]:
    import unicodedata

    forms: dict[tuple[str, str], str] = {}
    for code in list(range(0xFE70, 0xFEFD)):
        decomposition = unicodedata.decomposition(chr(code))
        if decomposition.startswith("<"):
            form, _, rest = decomposition[1:].partition("> ")
            letters = "".join(chr(int(h, 16)) for h in rest.split())
            if len(letters) == 1:
                forms.setdefault((letters, form), chr(code))
    return forms


def reshape_visual(text: str) -> str:
    """Arabic as old PDF producers store it: each letter as its presentation form, line reversed."""
    forms = _presentation_forms()
    out = []
    letters = list(text)
    for k, ch in enumerate(letters):
        joins_before = (
            k > 0 and (letters[k - 1], "isolated") in forms and letters[k - 1] not in _RIGHT_JOINING
        )
        joins_after = (
            k + 1 < len(letters) and (letters[k + 1], "isolated") in forms and ch not in _RIGHT_JOINING
        )
        if (ch, "isolated") not in forms:
            out.append(ch)
            continue
        form = {(True, True): "medial", (True, False): "final", (False, True): "initial"}.get(
            (joins_before, joins_after), "isolated"
        )
        out.append(forms.get((ch, form)) or forms[(ch, "isolated")])
    import re

    reversed_text = "".join(out)[::-1].translate(str.maketrans("()[]«»", ")(][»«"))  # glyphs as painted
    return re.sub(r"[0-9A-Za-z]+", lambda m: m.group()[::-1], reversed_text)


def make_pdf(
    pages: Sequence[Sequence[str]], *, visual: bool = False, header: str = "", numbers: bool = False
) -> bytes:
    """A text PDF, one list of paragraphs per page, written by fpdf2 with the Amiri font: shaped
    logical-order Arabic, or (``visual``) reshaped presentation forms in visual order, one line each."""
    from fpdf import FPDF

    from reader.export.fonts import amiri_file

    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(False)
    pdf.add_font("amiri", fname=str(amiri_file()))
    for number, paragraphs in enumerate(pages, start=1):
        pdf.add_page()
        pdf.set_font("amiri", size=13)
        pdf.set_text_shaping(not visual)
        if header:
            pdf.set_xy(10, 8)
            pdf.cell(190, 8, header, align="C")
        pdf.set_xy(10, 25)
        for text in paragraphs:
            if visual:
                pdf.cell(190, 8, reshape_visual(text), align="R", new_x="LMARGIN", new_y="NEXT")
            else:
                pdf.multi_cell(190, 8, text, align="R", new_x="LMARGIN", new_y="NEXT")
            pdf.ln(6)
        if numbers:
            pdf.set_xy(10, 280)
            pdf.cell(190, 8, str(number), align="C")
    return bytes(pdf.output())
