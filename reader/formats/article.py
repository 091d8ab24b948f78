"""Which part of a web page is the article: a small readability-style heuristic on lxml.

trafilatura would do this too, but brings date, URL and language libraries the reader does not
need; the heuristic below is enough for saved article pages: drop what is plainly boilerplate
(navigation, headers, footers, asides, forms, and elements whose class or id says cookie,
banner, menu, sidebar, share, related…), then prefer ``<article>``/``<main>``, else the element
whose paragraphs hold the most text with the fewest links. When nothing stands out the cleaned
page is read whole.
"""

from __future__ import annotations

import re
from typing import Any

from reader.formats.xhtml_blocks import local_name

_BOILERPLATE_TAGS = frozenset(
    ["nav", "header", "footer", "aside", "form", "script", "style", "noscript", "iframe", "template"]
)
_BOILERPLATE = re.compile(
    r"cookie|consent|gdpr|banner|menu|navbar|nav-|-nav|sidebar|side-bar|footer|masthead|comment|"
    r"share|social|advert|\bads?\b|ad-|promo|related|recommend|newsletter|subscribe|popup|modal|"
    r"breadcrumb|pagination|widget|sponsor|outbrain|taboola",
    re.IGNORECASE,
)
_ARTICLE_SHARE = 0.25  # of the page's paragraph text, for a candidate to count as the article
_MIN_ARTICLE_CHARS = 140


def _text_length(element: Any) -> int:
    return sum(len(t.strip()) for t in element.itertext())


def _link_density(element: Any) -> float:
    total = _text_length(element)
    if not total:
        return 1.0
    links = sum(_text_length(a) for a in element.iter() if local_name(a) == "a")
    return links / total


def _is_boilerplate(element: Any) -> bool:
    name = local_name(element)
    if name in ("html", "body", "article", "main"):
        return False
    if name in _BOILERPLATE_TAGS:
        return not any(local_name(e) in ("article", "main") for e in element.iterdescendants())
    marks = f"{element.get('class') or ''} {element.get('id') or ''} {element.get('role') or ''}"
    if element.get("role") in ("navigation", "banner", "contentinfo", "complementary", "dialog"):
        return True
    return bool(_BOILERPLATE.search(marks)) and not any(
        local_name(e) in ("article", "main") for e in element.iterdescendants()
    )


def strip_boilerplate(root: Any) -> None:
    """Remove boilerplate elements from the tree in place (their tail text stays)."""
    doomed = [e for e in root.iter() if isinstance(e.tag, str) and _is_boilerplate(e)]
    for element in doomed:
        parent = element.getparent()
        if parent is None or any(a in doomed for a in element.iterancestors()):
            continue
        tail = element.tail
        previous = element.getprevious()
        parent.remove(element)
        if tail:  # keep the text that followed the element
            if previous is not None:
                previous.tail = (previous.tail or "") + tail
            else:
                parent.text = (parent.text or "") + tail


def find_article(root: Any) -> Any:
    """The article element of a parsed page, or the cleaned body when none stands out."""
    strip_boilerplate(root)
    body = next((e for e in root.iter() if local_name(e) == "body"), root)
    paragraphs = [p for p in body.iter() if local_name(p) == "p"]
    page_text = sum(_text_length(p) for p in paragraphs) or _text_length(body)
    marked = [e for e in body.iter() if local_name(e) in ("article", "main") or e.get("role") == "main"]
    if marked:
        best = max(marked, key=_text_length)
        if _text_length(best) >= _MIN_ARTICLE_CHARS or _text_length(best) >= 0.5 * page_text:
            return best
    scores: dict[Any, float] = {}
    for p in paragraphs:
        length = _text_length(p)
        if length < 25:
            continue
        parent = p.getparent()
        if parent is None:
            continue
        scores[parent] = scores.get(parent, 0.0) + length
        grandparent = parent.getparent()
        if grandparent is not None:
            scores[grandparent] = scores.get(grandparent, 0.0) + length / 2
    if not scores:
        return body
    best = max(scores, key=lambda e: scores[e] * (1 - _link_density(e)))
    if _text_length(best) < max(_MIN_ARTICLE_CHARS, _ARTICLE_SHARE * page_text):
        return body
    return best


def page_title(root: Any) -> str:
    """The article's title: ``og:title``, else the first ``<h1>``, else ``<title>`` less the site name."""
    for meta in root.iter():
        if local_name(meta) == "meta" and meta.get("property") == "og:title" and meta.get("content"):
            return " ".join(str(meta.get("content")).split())
    for element in root.iter():
        if local_name(element) == "h1":
            text = " ".join("".join(element.itertext()).split())
            if text:
                return text
    for element in root.iter():
        if local_name(element) == "title":
            text = " ".join("".join(element.itertext()).split())
            return re.split(r"\s+[|–—-]\s+", text)[0] if text else ""
    return ""
