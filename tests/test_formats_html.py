"""Web pages: the article without menus, banners, sidebars or footers; the declared charset
(windows-1256 included); a whole-page fallback."""

from __future__ import annotations

import codecs

import pytest

from reader.formats.html import decode_html, read_html
from reader.formats.sniff import looks_like_html
from tests.helpers import format_fixtures as fx

BOILERPLATE = ("ملفات تعريف الارتباط", "الرئيسية", "الأكثر قراءة", "خبر آخر", "جميع الحقوق")


@pytest.mark.parametrize("charset", ["utf-8", "windows-1256"])
def test_the_article_and_nothing_around_it(charset: str) -> None:
    document, damaged = read_html(fx.article_page(charset=charset), "page.html")
    texts = [s.text for s in document.iter_segments()]
    assert texts == ["عنوان المقال", *fx.SENTENCES]
    assert damaged == 0
    assert document.title == "عنوان المقال"
    assert not any(mark in text for text in texts for mark in BOILERPLATE)


def test_charset_from_http_equiv_and_bom() -> None:
    body = "<p>مرحبا بكم في الموقع.</p>"
    page = f'<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1256"></head><body>{body}</body></html>'
    assert "مرحبا" in decode_html(page.encode("cp1256"))[0]
    assert "مرحبا" in decode_html(codecs.BOM_UTF8 + page.replace("windows-1256", "utf-8").encode())[0]
    assert "مرحبا" in decode_html(page.replace("windows-1256", "utf-8").encode("utf-16"))[0]


def test_undeclared_cp1256_is_recognised_by_evidence() -> None:
    page = "<html><body><p>قالت ثلاثة مصادر مطلعة إن مشاركين اجتمعوا في سويسرا.</p></body></html>"
    assert "سويسرا" in decode_html(page.encode("cp1256"))[0]


def test_a_page_without_an_article_is_read_whole() -> None:
    page = (
        "<html><head><title>صفحة قصيرة</title></head><body>"
        "<div>سطر أول قصير.</div><div>سطر ثان قصير.</div><script>x()</script></body></html>"
    )
    document, _ = read_html(page.encode(), "short.html")
    assert [s.text for s in document.iter_segments()] == ["صفحة قصيرة", "سطر أول قصير.", "سطر ثان قصير."]


def test_html_is_sniffed_by_content() -> None:
    assert looks_like_html(b"  <!DOCTYPE html><html>")
    assert looks_like_html(codecs.BOM_UTF8 + b"<html lang='ar'>")
    assert looks_like_html('<html dir="rtl">'.encode("utf-16"))
    assert not looks_like_html("نص عادي فيه <كلمة> بين قوسين.".encode())
