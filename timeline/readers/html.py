"""HTML pages (main text by trafilatura, date by htmldate) and HTML fragments (feed entries)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from ..document import Document
from ..errors import Unreadable
from .common import Options, Result, decoded, one_line

MIN_HTML_WORDS = 5  # less is navigation left over, not an article


def read_html(name: str, data: bytes, options: Options) -> Iterator[Result]:
    """One document from an HTML page: main text (trafilatura), date from the page (htmldate)."""
    html, _ = decoded(data)
    import trafilatura
    from htmldate import find_date

    extracted = trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False, include_tables=False
    )
    text = (getattr(extracted, "text", None) or "").strip() if extracted is not None else ""
    if len(text.split()) < MIN_HTML_WORDS:
        found = f" (only {one_line(text, 40)!r})" if text else ""
        raise Unreadable(f"no article text found in the HTML{found}")
    doc = Document(doc_id=Path(name).stem, text=text, path=name)
    doc.title = (extracted.title or "").strip()
    doc.source = (extracted.sitename or "").strip()
    doc.url = (extracted.url or "").strip()
    published = find_date(html, extensive_search=False, original_date=True)
    if published:
        doc.meta["published"] = published
        doc.meta["published_from"] = "HTML page's publication date (htmldate)"
    yield doc


BLOCK_TAGS = ("p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "pre")


def fragment_text(html: str) -> str:
    """Plain text of an HTML fragment: paragraphs on their own lines, entities decoded."""
    from html import unescape

    if "<" not in html:
        return unescape(html).strip()
    from lxml import etree
    from lxml import html as lxml_html

    try:
        root = lxml_html.fragment_fromstring(html, create_parent="div")
    except (etree.ParserError, ValueError):
        return unescape(re.sub(r"<[^>]+>", " ", html)).strip()
    for element in list(root.iter("script", "style")):
        element.drop_tree()
    for element in root.iter("br"):
        element.tail = "\n" + (element.tail or "")
    for element in root.iter(*BLOCK_TAGS):
        element.tail = "\n\n" + (element.tail or "")
    lines = (" ".join(line.split()) for line in root.text_content().split("\n"))
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
