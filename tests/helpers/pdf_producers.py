"""One Arabic book written to PDF by the producers people use, to measure how much comes back whole.

Every producer gets the same chapters (numbers beside commas, a percentage, list numbers,
guillemets, brackets, a Latin name, a URL, Arabic-Indic digits, lam-alef, vowel marks) and the
bundled Arabic faces through a private fontconfig file, so no system font is needed. A producer
that is not installed raises :class:`Missing` with the line that installs it; the tests skip on it.

TeX is LuaLaTeX (babel's bidi, HarfBuzz): XeLaTeX with polyglossia and Noto Naskh gives back 56 %
of the sentences, for faults of its own output, not of reading it: xdvipdfmx writes no ToUnicode
entry for the lam-alef ligatures (PDFium then reads the glyph number, «ثل؝ثة»), Noto Naskh has no
%, brackets or slash (drawn as nothing), and polyglossia lays out unmarked Latin runs backwards.
"""

from __future__ import annotations

import html
import os
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path

from reader.export.fonts import amiri_file, naskh_file

BOOK: list[tuple[str, list[str]]] = [
    (
        "الفصل الأول",
        [
            "قالت ثلاثة مصادر مطلعة إن مشاركين اجتمعوا في سويسرا عام 1948، ثم عادوا إليها بعد عشرين سنة. "
            "وارتفعت الأسعار بنسبة 12% خلال الربع الأول من العام الماضي. "
            "وسمّى الكاتب روايته «ساعة البحر» تيمناً بجده الذي عمل صياداً.",
            "وقال الباحث John Smith إن النتائج منشورة على الموقع https://example.org/report لمن يريد الاطلاع عليها. "
            "وأضاف أن المؤتمر (الذي عقد في جنيف) استمر ثلاثة أيام متتالية.",
            "1. تحديد الأهداف العامة للمشروع.",
            "2. جمع البيانات من المصادر المختلفة.",
        ],
    ),
    (
        "الفصل الثاني",
        [
            "وفي عام ١٩٤٨، غادر آلاف السكان قراهم إلى المدن القريبة. "
            "وبلغ عدد سكان المدينة ٢٥٠ ألف نسمة في ذلك الوقت.",
            "لا أحد يعلم متى يعود الغائبون إلى بلادهم. قال الشاعر: لَا تَحْسَبِ الْمَجْدَ تَمْرًا أَنْتَ آكِلُهُ.",
            "وصل عدد الزوار إلى 3.5 مليون زائر في 2023، أي بزيادة قدرها 20% عن العام السابق. "
            "وهبطت الطائرة من طراز Boeing 747 في الساعة 10:30 صباحاً.",
            "ذهب الولد إلى المدرسة صباحاً! ثم عاد إلى البيت؟ وسأل أمه عن الطعام [وكان جائعاً جداً].",
        ],
    ),
]
FACE = "Noto Naskh Arabic"


class Missing(Exception):
    """The producer is not installed; the message is the line that installs it."""


def source_sentences(book: Sequence[tuple[str, Sequence[str]]] = BOOK) -> list[str]:
    """The book's sentences as the segmenter cuts its source (what a PDF should give back)."""
    from reader.formats.blocks_builder import RawBlock, build_document
    from reader.model import BlockKind

    blocks = []
    for title, paragraphs in book:
        blocks.append(RawBlock(BlockKind.HEADING, title, 1))
        blocks += [RawBlock(BlockKind.PARAGRAPH, p) for p in paragraphs]
    return [s.text for s in build_document(blocks, name="book").iter_segments()]


def whole_share(expected: Sequence[str], found: Sequence[str]) -> float:
    """Share of *expected* sentences found character for character among *found* (as multisets)."""
    have = Counter(found)
    whole = 0
    for sentence in expected:
        if have[sentence] > 0:
            have[sentence] -= 1
            whole += 1
    return whole / len(expected)


def font_env(folder: Path) -> dict[str, str]:
    """An environment whose fontconfig also sees the bundled Arabic faces (and a private HOME)."""
    fonts = folder / "fonts"
    fonts.mkdir(exist_ok=True)
    for face in (naskh_file(), naskh_file("Bold"), amiri_file()):
        shutil.copy(face, fonts / face.name)
    conf = folder / "fonts.conf"
    conf.write_text(
        '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>'
        f'<include ignore_missing="yes">/etc/fonts/fonts.conf</include><dir>{fonts}</dir>'
        f"<cachedir>{folder / 'fc-cache'}</cachedir></fontconfig>",
        encoding="utf-8",
    )
    return {**os.environ, "FONTCONFIG_FILE": str(conf), "HOME": str(folder)}


def book_html(book: Sequence[tuple[str, Sequence[str]]] = BOOK) -> str:
    body = "".join(
        f"<h1>{html.escape(title)}</h1>" + "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
        for title, paragraphs in book
    )
    return (
        '<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><style>'
        f"body{{font-family:'{FACE}';font-size:13pt}} @page{{size:A4;margin:2cm}}"
        f"</style></head><body>{body}</body></html>"
    )


def _run(command: list[str], env: dict[str, str], install: str, timeout: float = 120) -> None:
    if shutil.which(command[0]) is None:
        raise Missing(install)
    subprocess.run(command, env=env, check=True, capture_output=True, timeout=timeout)


def libreoffice(folder: Path) -> bytes:
    from tests.helpers.format_fixtures import make_docx

    source = folder / "book.docx"
    source.write_bytes(make_docx(BOOK))
    profile = (folder / "lo-profile").as_uri()
    _run(
        ["soffice", f"-env:UserInstallation={profile}", "--headless", "--norestore"]
        + ["--convert-to", "pdf", "--outdir", str(folder), str(source)],
        font_env(folder),
        "apt-get install libreoffice-writer-nogui",
        timeout=180,
    )
    return (folder / "book.pdf").read_bytes()


def chromium(folder: Path) -> bytes:
    source = folder / "book.html"
    source.write_text(book_html(), encoding="utf-8")
    out = folder / "chromium.pdf"
    browser = next(
        (b for b in ("chromium", "chromium-browser", "google-chrome") if shutil.which(b)), "chromium"
    )
    _run(
        [browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer"]
        + [f"--user-data-dir={folder / 'chrome-profile'}", f"--print-to-pdf={out}", source.as_uri()],
        font_env(folder),
        "apt-get install chromium",
    )
    return out.read_bytes()


def weasyprint(folder: Path) -> bytes:
    source = folder / "book.html"
    source.write_text(book_html(), encoding="utf-8")
    out = folder / "weasy.pdf"
    import importlib.util

    # WeasyPrint 57 (Debian 12) maps a whole line to a glyph's ToUnicode and nothing to the rest:
    # no reader gets that text back. The PyPI release (BSD-3) is what people use now.
    if importlib.util.find_spec("weasyprint") is None:
        raise Missing("pip install weasyprint")
    command = [sys.executable, "-m", "weasyprint", str(source), str(out)]
    done = subprocess.run(command, env=font_env(folder), capture_output=True, text=True, timeout=120)
    if done.returncode and "OSError" in done.stderr:  # no Pango on this machine
        raise Missing("apt-get install libpango-1.0-0 libpangoft2-1.0-0")
    done.check_returncode()
    return out.read_bytes()


def _typst_escape(text: str) -> str:
    return "".join("\\" + ch if ch in "\\#*_`$@<>[]=-+/~'\"" else ch for ch in text)


def typst(folder: Path) -> bytes:
    try:
        import typst as typst_module
    except ImportError:
        raise Missing("pip install typst") from None
    lines = [f'#set text(font: "{FACE}", lang: "ar", size: 13pt)', '#set page(paper: "a4")']
    for title, paragraphs in BOOK:
        lines.append(f"= {_typst_escape(title)}\n")
        lines += [_typst_escape(p) + "\n" for p in paragraphs]
    source = folder / "book.typ"
    source.write_text("\n".join(lines), encoding="utf-8")
    data = typst_module.compile(str(source), font_paths=[str(naskh_file().parent)])
    assert isinstance(data, bytes)
    return data


def _latex_escape(text: str) -> str:
    return "".join("\\" + ch if ch in "%$#&_{}" else ch for ch in text)


def _latex_book(preamble: str) -> str:
    body = "".join(
        f"\\section*{{{_latex_escape(title)}}}\n\n" + "".join(_latex_escape(p) + "\n\n" for p in paragraphs)
        for title, paragraphs in BOOK
    )
    return f"\\documentclass[a4paper,12pt]{{article}}\n{preamble}\n\\begin{{document}}\n{body}\\end{{document}}\n"


def lualatex(folder: Path) -> bytes:
    """LuaLaTeX with babel's bidi (Latin runs and numbers laid out by it, no markup), HarfBuzz
    shaping, and the Latin face as the Arabic one's fallback for what it lacks (%, brackets)."""
    faces = naskh_file().parent
    preamble = "\n".join(
        [
            "\\usepackage[bidi=basic]{babel}",
            "\\babelprovide[import,main]{arabic}",
            f'\\directlua{{luaotfload.add_fallback("latin", {{"[{faces}/NotoSerif-Regular.ttf]:mode=harf;"}})}}',
            f"\\babelfont{{rm}}[Path={faces}/,Renderer=HarfBuzz,RawFeature={{fallback=latin}}]"
            "{NotoNaskhArabic-Regular.ttf}",
        ]
    )
    source = folder / "book.tex"
    source.write_text(_latex_book(preamble), encoding="utf-8")
    _run(
        [
            "lualatex",
            "-interaction=nonstopmode",
            "-halt-on-error",
            f"-output-directory={folder}",
            str(source),
        ],
        {**font_env(folder), "TEXMFVAR": str(folder / "texmf-var")},
        "apt-get install texlive-luatex texlive-lang-arabic",
        timeout=180,
    )
    return (folder / "book.pdf").read_bytes()


def fpdf_logical(folder: Path) -> bytes:
    from tests.helpers.format_fixtures import make_pdf

    del folder
    return make_pdf([[title, *paragraphs] for title, paragraphs in BOOK])


def painted_visual(line: str) -> str:
    """A line as a legacy producer stores it: presentation forms, in painted order (fpdf2's
    Unicode bidi implementation, LGPL: test-only), mirrored characters as drawn."""
    from fpdf.bidi import BidiParagraph
    from fpdf.enums import TextDirection

    from reader.formats.pdf_bidi import MIRROR

    paragraph = BidiParagraph(_shaped_forms(line), base_direction=TextDirection.RTL)
    return "".join(
        MIRROR.get(c.character, c.character) if c.embedding_level % 2 else c.character
        for c in paragraph.reorder_resolved_levels()
    )


def _shaped_forms(text: str) -> str:
    """Each Arabic letter as its presentation form for its place in the word, in typed order."""
    from tests.helpers.format_fixtures import _RIGHT_JOINING, _presentation_forms

    forms = _presentation_forms()
    out = []
    for k, ch in enumerate(text):
        joins_before = k > 0 and (text[k - 1], "isolated") in forms and text[k - 1] not in _RIGHT_JOINING
        joins_after = k + 1 < len(text) and (text[k + 1], "isolated") in forms and ch not in _RIGHT_JOINING
        if (ch, "isolated") not in forms:
            out.append(ch)
            continue
        form = {(True, True): "medial", (True, False): "final", (False, True): "initial"}.get(
            (joins_before, joins_after), "isolated"
        )
        out.append(forms.get((ch, form)) or forms[(ch, "isolated")])
    return "".join(out)


def fpdf_visual(folder: Path) -> bytes:
    """A legacy producer: each line reshaped into presentation forms and stored as painted."""
    from fpdf import FPDF

    del folder
    pdf = FPDF(format="A4")
    pdf.add_font("amiri", fname=str(amiri_file()))
    pdf.add_page()
    pdf.set_font("amiri", size=13)
    for title, paragraphs in BOOK:
        for text in [title, *paragraphs]:
            line: list[str] = []
            for word in text.split():
                if line and pdf.get_string_width(" ".join([*line, word])) > 180:
                    pdf.cell(190, 8, painted_visual(" ".join(line)), align="R", new_x="LMARGIN", new_y="NEXT")
                    line = []
                line.append(word)
            pdf.cell(190, 8, painted_visual(" ".join(line)), align="R", new_x="LMARGIN", new_y="NEXT")
            pdf.ln(6)
    return bytes(pdf.output())


def own_export(folder: Path) -> bytes:
    from reader.export.pdf import render_pdf
    from reader.formats.blocks_builder import RawBlock, build_document
    from reader.model import BlockKind

    del folder
    blocks = []
    for title, paragraphs in BOOK:
        blocks.append(RawBlock(BlockKind.HEADING, title, 1))
        blocks += [RawBlock(BlockKind.PARAGRAPH, p) for p in paragraphs]
    return render_pdf(
        build_document(blocks, name="book"), layout="interleaved", page_size="A4", numbers=False
    )


PRODUCERS: dict[str, Callable[[Path], bytes]] = {
    "libreoffice": libreoffice,
    "chromium": chromium,
    "weasyprint": weasyprint,
    "typst": typst,
    "fpdf2-logical": fpdf_logical,
    "fpdf2-visual": fpdf_visual,
    "own-export": own_export,
    "lualatex": lualatex,
}


def build(name: str, book: Sequence[tuple[str, Sequence[str]]] | None = None) -> bytes:
    """The book (or *book*) as producer *name* writes it (:class:`Missing` when not installed)."""
    saved = list(BOOK)
    if book is not None:
        BOOK[:] = [(title, list(paragraphs)) for title, paragraphs in book]
    try:
        with tempfile.TemporaryDirectory(prefix=f"pdf-{name}-") as folder:
            return PRODUCERS[name](Path(folder))
    finally:
        BOOK[:] = saved


def vocalised_book() -> list[tuple[str, list[str]]]:
    """The fully vowelled sentences (:mod:`tests.helpers.vocalised_arabic`) as a two-chapter book."""
    from tests.helpers.vocalised_arabic import ARABIC

    return [("الفصل الأول", list(ARABIC[:21])), ("الفصل الثاني", list(ARABIC[21:]))]
