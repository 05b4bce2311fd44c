"""TimeML: the one parser of a TimeML file, for the reader, the tagger's `timeline tag` and the scorer.

Offsets are character (code point) offsets into the *plain text* of `<TEXT>`: all inner tags
removed, XML entities decoded (`&amp;` → `&`), line ends as the XML parser reports them. A bare
`&` (common in tagger output) is escaped and the parse retried. As an article, a tokenized corpus
(one `<s>` per sentence, nothing between them) reads one sentence per line.
"""

from __future__ import annotations

import os
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ..dates import parse_date
from ..document import Document
from ..errors import DateError, TimeMLError, Unreadable
from .common import Options


@dataclass(frozen=True)
class GoldTimex:
    """A TIMEX3 read from a TimeML `<TEXT>`: its span in the plain text and its attributes."""

    start: int
    end: int
    text: str
    type: str
    value: str
    mod: str = ""
    tid: str = ""


@dataclass
class TimeMLDoc:
    """A TimeML document: id, creation date, tag-free text and the TIMEX3s inside the text."""

    doc_id: str
    dct: date | None
    text: str
    timexes: list[GoldTimex] = field(default_factory=list)
    path: str = ""
    title: str = ""
    dct_attributes: dict[str, str] = field(default_factory=dict)  # of the DCT's TIMEX3
    sentences: list[str] = field(default_factory=list)  # the <s> elements' words, if any


_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")


_DECLARED_ENCODING = re.compile(r"^\s*<\?xml[^>]*encoding=[\"']([\w.-]+)")


_BARE_AMPERSAND = re.compile(r"&(?!(?:[A-Za-z_][\w.-]*|#[0-9]+|#x[0-9A-Fa-f]+);)")


def _local(tag: object) -> str:
    """The tag name without any `{namespace}` prefix."""
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _bare_ampersands_escaped(source: bytes | str) -> str | None:
    """`source` as text with each bare `&` escaped; None when there is none to escape."""
    if isinstance(source, bytes):
        declared = _DECLARED_ENCODING.search(source[:200].decode("ascii", errors="replace"))
        try:
            source = source.decode(declared.group(1) if declared else "utf-8")
        except (LookupError, UnicodeDecodeError):
            return None
    source = _XML_DECLARATION.sub("", source)
    repaired = _BARE_AMPERSAND.sub("&amp;", source)
    return repaired if repaired != source else None


def _parsed_root(source: bytes | str) -> ET.Element:
    """The XML root of `source`; a bare `&` (common in tagger output) is escaped and retried."""
    try:
        return ET.fromstring(source)
    except ET.ParseError as first:
        repaired = _bare_ampersands_escaped(source)
        if repaired is not None:
            try:
                return ET.fromstring(repaired)
            except ET.ParseError:
                pass
        raise TimeMLError(f"not well-formed XML: {first}") from None


def _source_of(path_or_text: str | os.PathLike) -> tuple[bytes | str, str]:
    """The XML to parse and the path it came from ('' for a string of TimeML)."""
    if isinstance(path_or_text, str) and "<" in path_or_text:
        return _XML_DECLARATION.sub("", path_or_text), ""
    path = os.fspath(path_or_text)
    try:
        return Path(path).read_bytes(), path
    except OSError as exc:
        raise TimeMLError(f"cannot read: {exc.strerror or exc}") from None


def _first(root: ET.Element, name: str) -> ET.Element | None:
    return next((el for el in root.iter() if _local(el.tag) == name), None)


def _date_in(value: str) -> date | None:
    """The date a DCT writes (1998-01-08, 19980108, 1998-01-08T12:00, 1/8/98: US month first)."""
    try:
        return parse_date(value, day_first=False)
    except DateError:
        return None


def _dct_of(dct: ET.Element | None) -> date | None:
    """The creation date from `<DCT>`: its TIMEX3 value, else the DCT text (19980108)."""
    if dct is None:
        return None
    timex = _first(dct, "TIMEX3")
    found = _date_in(timex.get("value", "")) if timex is not None else None
    return found or _date_in("".join(dct.itertext()))


def _top_elements(root: ET.Element) -> dict[str, ET.Element]:
    """The first element of each name below the root, found in one walk (namespaces dropped)."""
    found: dict[str, ET.Element] = {}
    for el in root.iter():
        found.setdefault(_local(el.tag), el)
    return found


def _flattened(text_el: ET.Element) -> tuple[str, list[GoldTimex]]:
    """The tag-free text of `<TEXT>` and the TIMEX3 spans in it (empty TIMEX3s are skipped)."""
    parts: list[str] = []
    spans: list[tuple[int, int, ET.Element]] = []
    length = 0

    def walk(el: ET.Element) -> None:
        nonlocal length
        if el.text:
            parts.append(el.text)
            length += len(el.text)
        for child in el:
            start = length
            walk(child)
            if _local(child.tag) == "TIMEX3" and length > start:
                spans.append((start, length, child))
            if child.tail:
                parts.append(child.tail)
                length += len(child.tail)

    walk(text_el)
    text = "".join(parts)
    timexes = [
        GoldTimex(
            start=start,
            end=end,
            text=text[start:end],
            type=el.get("type", ""),
            value=el.get("value", ""),
            mod=el.get("mod", ""),
            tid=el.get("tid", ""),
        )
        for start, end, el in sorted(spans, key=lambda s: (s[0], -s[1]))
    ]
    return text, timexes


def parse_timeml(source: bytes | str, path: str = "") -> TimeMLDoc:
    """The parts of TimeML `source`: DOCID, DCT, tag-free TEXT with its gold TIMEX3s, title."""
    root = _parsed_root(source)
    first = _top_elements(root)
    text_el = first.get("TEXT")
    if text_el is None:
        raise TimeMLError("no <TEXT> element")
    text, timexes = _flattened(text_el)
    docid = first.get("DOCID")
    doc_id = "".join(docid.itertext()).strip() if docid is not None else ""
    dct = first.get("DCT")
    dct_timex = _first(dct, "TIMEX3") if dct is not None else None
    sentences = [el for el in text_el.iter() if _local(el.tag) == "s"] if "s" in first else []
    return TimeMLDoc(
        doc_id=doc_id or (Path(path).stem if path else ""),
        dct=_dct_of(dct),
        text=text,
        timexes=timexes,
        path=path,
        title=_title(first),
        dct_attributes=dict(dct_timex.attrib) if dct_timex is not None else {},
        sentences=[" ".join("".join(el.itertext()).split()) for el in sentences],
    )


def read_timeml(path_or_text: str | os.PathLike) -> TimeMLDoc:
    """A TimeML file (path) or string: DOCID, DCT date, tag-free TEXT and its gold TIMEX3s."""
    source, path = _source_of(path_or_text)
    return parse_timeml(source, path)


def _title(first: dict[str, ET.Element]) -> str:
    """The <TITLE>, else a one-line <EXTRAINFO> (the Wikinews files keep the headline there)."""
    title_el, extra_el = first.get("TITLE"), first.get("EXTRAINFO")
    title = " ".join("".join(title_el.itertext()).split()) if title_el is not None else ""
    extra = "".join(extra_el.itertext()).strip() if extra_el is not None else ""
    return title or (extra if extra and "\n" not in extra and len(extra) < 200 else "")


def article_text(doc: TimeMLDoc) -> str:
    """The text as an article: one line per `<s>` sentence in a tokenized corpus, else <TEXT>."""
    return "\n".join(doc.sentences) if doc.sentences else doc.text.strip()


def read_timeml_article(name: str, data: bytes, options: Options) -> Iterator[Document]:
    """One document from a TimeML file: the text of <TEXT>, its date the <DCT> TIMEX3 value."""
    if not data.strip():
        raise Unreadable("empty file")
    try:
        parsed = parse_timeml(data, name)
    except TimeMLError as exc:
        raise Unreadable(str(exc)) from None
    text = article_text(parsed)
    if not text:
        raise Unreadable("TimeML <TEXT> is empty")
    doc = Document(doc_id=Path(name).stem, text=text, path=name, title=parsed.title)
    doc.meta["docid"] = parsed.doc_id
    value = parsed.dct_attributes.get("value")
    if value:
        doc.meta["published"] = value
        doc.meta["published_from"] = "TimeML DCT"
        doc.meta["dct_timex"] = parsed.dct_attributes
    yield doc
