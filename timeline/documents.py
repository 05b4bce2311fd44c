"""Read articles from files: plain text (+ YAML front matter), HTML, RSS/Atom, CSV/JSONL, TimeML.

Every reader yields `Document`s; a file that cannot be read yields a `ReadError` instead, so a
batch never stops on one bad file. Reading is lazy: folders and globs are walked as the caller
iterates, CSV and JSONL stream record by record.
"""

from __future__ import annotations

import codecs
import csv
import functools
import glob
import io
import json
import os
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import IO, Any

MAX_BYTES = 20 * 1024 * 1024  # per text document (a whole file, or one CSV/JSONL record)
SUFFIXES = (
    ".txt",
    ".md",
    ".html",
    ".htm",
    ".xml",
    ".rss",
    ".atom",
    ".csv",
    ".jsonl",
    ".json",
    ".tml",
)
TEXT_COLUMNS = ("text", "body", "content", "article", "story", "full_text", "fulltext")
DATE_COLUMNS = ("date", "published", "published_at", "pubdate", "dateline", "datetime", "dct")
TITLE_COLUMNS = ("title", "headline", "heading")
FRONT_MATTER_DATES = ("published", "date")
MIN_HTML_WORDS = 5  # less is navigation left over, not an article
UNREADABLE_SHARE = 0.1  # above this share of control/replacement characters, text is garbage


@dataclass
class Document:
    """One article: its text, metadata and (once known) its reference date."""

    doc_id: str
    text: str
    title: str = ""
    source: str = ""
    url: str = ""
    path: str = ""
    place: str = ""  # the dateline's place, "WASHINGTON"
    dct: date | None = None  # reference date (the dateline's date)
    dct_source: str = ""  # explicit | metadata | dateline | filename | inferred
    dct_note: str = ""  # how the reference date was found (the warning text when inferred)
    meta: dict = field(default_factory=dict)  # reader-specific raw values (e.g. metadata date)
    warnings: list[str] = field(default_factory=list)  # one-line notes worth showing the user


@dataclass
class ReadError:
    """A file (or one record of it) that could not be read, and why, in one line."""

    path: str
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


class Unreadable(Exception):
    """Raised inside a reader; becomes a `ReadError` with this one-line reason."""


@dataclass(frozen=True)
class Options:
    """What the caller chose: column names for CSV/JSONL and the size limit."""

    text_column: str | None = None
    date_column: str | None = None
    title_column: str | None = None
    max_bytes: int = MAX_BYTES


Result = Document | ReadError


# --- entry points ------------------------------------------------------------------------------
def read_inputs(
    inputs: Any = None,
    *,
    text_column: str | None = None,
    date_column: str | None = None,
    title_column: str | None = None,
    max_bytes: int = MAX_BYTES,
) -> Iterator[Result]:
    """Documents (or errors) from files, folders and globs, lazily; None = the bundled samples.

    `meta["input_index"]` tells which input a document came from (for one dateline per input).
    """
    options = Options(text_column, date_column, title_column, max_bytes)
    seen: set[str] = set()
    items = sample_paths() if inputs is None else as_list(inputs)
    for index, item in enumerate(items):
        for entry in paths_of(item):
            if isinstance(entry, ReadError):
                yield entry
                continue
            for result in read_path(entry, options):
                if isinstance(result, Document):
                    result.doc_id = unique_id(result.doc_id, seen)
                    result.meta["input_index"] = index
                yield result


def read_bytes(
    name: str,
    data: bytes,
    *,
    text_column: str | None = None,
    date_column: str | None = None,
    title_column: str | None = None,
    max_bytes: int = MAX_BYTES,
) -> list[Result]:
    """Documents (or errors) from in-memory bytes named `name` (a browser upload)."""
    options = Options(text_column, date_column, title_column, max_bytes)
    seen: set[str] = set()
    results = list(read_stream(name, io.BytesIO(data), len(data), options))
    for result in results:
        if isinstance(result, Document):
            result.doc_id = unique_id(result.doc_id, seen)
    return results


def expand_inputs(inputs: Any = None) -> Iterator[str]:
    """The file paths that inputs name, lazily and unopened (to split a batch across workers).

    An input naming no file is yielded as given, so that reading it gives its `ReadError`.
    """
    for item in sample_paths() if inputs is None else as_list(inputs):
        for entry in paths_of(item):
            yield entry.path if isinstance(entry, ReadError) else str(entry)


def location(doc: Document) -> str:
    """Where a document came from, for messages: its path, plus the row/line/entry of a record."""
    for unit in ("row", "line", "record", "entry"):
        if unit in doc.meta:
            return f"{doc.path} {unit} {doc.meta[unit]}"
    return doc.path or doc.doc_id


def sample_paths() -> list[Path]:
    """The bundled sample corpus: the Reuters seed article and 30 Wikinews articles."""
    return sorted((Path(__file__).parent / "samples").glob("*.txt"))


# --- paths ---------------------------------------------------------------------------------
def as_list(inputs: Any) -> list:
    """One input or many, as a list."""
    if isinstance(inputs, (str, os.PathLike)):
        return [inputs]
    return list(inputs)


def paths_of(item: str | os.PathLike) -> Iterator[Path | ReadError]:
    """The files one input names: itself, a folder's known files (recursively), a glob's matches."""
    path = Path(item).expanduser()
    if path.is_dir():
        yield from _folder_files(path)
    elif path.is_file():
        yield path
    elif path.exists():
        yield ReadError(str(item), "not a regular file")
    elif glob.has_magic(str(item)):
        matches = sorted(glob.glob(str(path), recursive=True))
        if not matches:
            yield ReadError(str(item), "no file matches this pattern")
        for match in matches:
            yield from (_folder_files(Path(match)) if os.path.isdir(match) else [Path(match)])
    else:
        yield ReadError(str(item), "no such file or folder")


# files that travel with a corpus but are not articles ("timeline/samples/ATTRIBUTION.md")
NOT_ARTICLES = frozenset({"readme", "attribution", "license", "licence", "changelog", "notice"})


def _article_file(name: str) -> bool:
    """True for a file a folder walk should read: a known suffix, not hidden, not a README."""
    path = Path(name)
    return (
        not name.startswith(".")
        and path.suffix.lower() in SUFFIXES
        and path.stem.lower() not in NOT_ARTICLES
    )


def _folder_files(folder: Path) -> Iterator[Path | ReadError]:
    """The files with a known suffix below `folder`, sorted, hidden ones skipped."""
    found = False
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if _article_file(name):
                found = True
                yield Path(root) / name
    if not found:
        yield ReadError(str(folder), f"no readable files in this folder ({', '.join(SUFFIXES)})")


def unique_id(doc_id: str, seen: set[str]) -> str:
    """`doc_id`, or `doc_id-2`, `-3`… when the batch already has it; remembers the result."""
    candidate, n = doc_id, 1
    while candidate in seen:
        n += 1
        candidate = f"{doc_id}-{n}"
    seen.add(candidate)
    return candidate


# --- dispatch ------------------------------------------------------------------------------
def read_path(path: Path, options: Options) -> Iterator[Result]:
    """Documents (or errors) from one file."""
    try:
        size = path.stat().st_size
        stream = open(path, "rb")  # closed below, once the lazy readers are done
    except OSError as exc:
        yield ReadError(str(path), f"cannot open: {exc.strerror or exc}")
        return
    with stream:
        yield from read_stream(str(path), stream, size, options)


def read_stream(name: str, stream: IO[bytes], size: int, options: Options) -> Iterator[Result]:
    """Documents (or errors) from a binary stream of `size` bytes, dispatched on name and content."""
    try:
        suffix = Path(name).suffix.lower()
        if suffix and suffix not in SUFFIXES and not suffix[1:].isdigit():
            raise Unreadable(f"unsupported file type '{suffix}' (readable: {' '.join(SUFFIXES)})")
        head = stream.read(4096)
        kind = kind_of(name, head)
        stream.seek(0)
        if kind in ("csv", "jsonl"):
            yield from RECORD_READERS[kind](name, stream, options)
            return
        if size > options.max_bytes:
            raise Unreadable(
                f"too large ({_megabytes(size)}; the limit is {_megabytes(options.max_bytes)})"
            )
        yield from READERS[kind](name, stream.read(), options)
    except Unreadable as exc:
        yield ReadError(name, str(exc))
    except OSError as exc:
        yield ReadError(name, f"cannot read: {exc.strerror or exc}")
    except Exception as exc:  # a parser's bug must not end the batch; say what it was
        yield ReadError(name, f"unexpected {type(exc).__name__}: {_one_line(str(exc))}")


def kind_of(name: str, head: bytes) -> str:
    """Which reader a file needs, from its suffix and its first bytes (an .xml may be a feed)."""
    suffix = Path(name).suffix.lower()
    if suffix in (".csv", ".tsv"):
        return "csv"
    if suffix in (".jsonl", ".ndjson"):
        return "jsonl"
    if suffix == ".json":
        return "json"
    root = xml_root(head)
    if root == "timeml":
        return "timeml"
    if root in ("rss", "feed", "rdf:rdf", "rdf"):
        return "feed"
    if root == "html" or head.lstrip()[:15].lower() == b"<!doctype html>":
        return "html"
    by_suffix = {".tml": "timeml", ".rss": "feed", ".atom": "feed", ".html": "html", ".htm": "html"}
    if suffix in by_suffix:
        return by_suffix[suffix]
    if suffix == ".xml" and root:
        return "xml"
    return "text"


def xml_root(head: bytes) -> str:
    """The lowercased name of the first element in a markup head, "" when it is not markup."""
    text = head.lstrip(codecs.BOM_UTF8).decode("latin-1").lstrip()
    if not text.startswith("<"):
        return ""
    text = re.sub(r"<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>]*>", "", text, flags=re.S | re.I)
    match = re.match(r"\s*<([A-Za-z][\w:.-]*)", text)
    return match.group(1).lower() if match else ""


def _megabytes(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MB"


def _one_line(text: str, limit: int = 160) -> str:
    """`text` on one line, cut to `limit` characters."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


# --- bytes to text -------------------------------------------------------------------------
@dataclass(frozen=True)
class Encoding:
    """How to decode a file's bytes, and a warning when they were not clean UTF-8."""

    name: str
    errors: str = "strict"
    note: str = ""


def text_encoding(data: bytes) -> Encoding:
    """UTF-8; mostly-UTF-8 with its few bad bytes replaced; else what charset_normalizer finds.

    Raises `Unreadable` for empty, binary (NUL bytes) and undecodable bytes.
    """
    if not data.strip():
        raise Unreadable("empty file")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return Encoding("utf-16", "replace")
    if b"\x00" in data:
        raise Unreadable("binary file (contains NUL bytes), not text")
    try:
        data.decode("utf-8-sig")
        return Encoding("utf-8-sig")
    except UnicodeDecodeError as exc:
        bad_at = exc.start
    as_utf8 = data.decode("utf-8", errors="replace")
    bad = as_utf8.count("\ufffd")
    if (
        sum(ord(ch) > 127 for ch in as_utf8) - bad > bad
    ):  # real UTF-8 characters outnumber bad bytes
        return Encoding(
            "utf-8-sig", "replace", f"{bad} undecodable byte(s) replaced; the rest is UTF-8"
        )
    guess = guessed_encoding(data)
    if guess is None:
        raise Unreadable(
            f"undecodable bytes: not UTF-8 (bad byte at offset {bad_at}) nor any known encoding"
        )
    return Encoding(guess, "replace", f"not UTF-8: read as {guess}")


def decoded(data: bytes) -> tuple[str, Encoding]:
    """The text of a file's bytes and how it was decoded; `Unreadable` when it is not text."""
    encoding = text_encoding(data)
    return _readable(data.decode(encoding.name, encoding.errors)), encoding


def guessed_encoding(data: bytes) -> str | None:
    """The encoding charset_normalizer finds plausible for non-UTF-8 bytes, or None."""
    from charset_normalizer import from_bytes

    matches = from_bytes(data[:1_000_000])
    best = matches.best()
    if best is None:
        return None
    # short Western texts fit several code pages equally well; cp1252 is the usual one
    tied = [m.encoding for m in matches if m.chaos <= best.chaos]
    return "cp1252" if "cp1252" in tied else best.encoding


def _readable(text: str) -> str:
    """`text` with newlines normalized; `Unreadable` when it is mostly control/replacement chars."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    sample = text[:100_000]
    bad = sum(
        1
        for ch in sample
        if ch == "\ufffd" or (unicodedata.category(ch) == "Cc" and ch not in "\n\t\f")
    )
    if sample and bad / len(sample) > UNREADABLE_SHARE:
        raise Unreadable(
            f"unreadable: {bad / len(sample):.0%} of the characters are control or undecodable bytes"
        )
    return text


# --- plain text + YAML front matter --------------------------------------------------------
def read_text(name: str, data: bytes, options: Options) -> Iterator[Result]:
    """One document from a text file; YAML front matter gives title, published, source, url."""
    text, encoding = decoded(data)
    front, body = split_front_matter(text)
    body = body.strip("\n").rstrip()
    if not body.strip():
        raise Unreadable("no text after the front matter" if front else "empty file")
    doc = Document(doc_id=Path(name).stem, text=body, path=name)
    if encoding.note:
        doc.meta["encoding"] = encoding.name
        doc.warnings.append(encoding.note)
    if front:
        doc.meta["front_matter"] = front
        doc.title = _text_value(front.get("title"))
        doc.source = _text_value(front.get("source"))
        doc.url = _text_value(front.get("url"))
        place = _text_value(front.get("dateline"))
        doc.meta["dateline"] = place
        if place and not any(ch.isdigit() for ch in place):
            doc.place = place
        for key in FRONT_MATTER_DATES:
            if _text_value(front.get(key)):
                doc.meta["published"] = _text_value(front[key])
                doc.meta["published_from"] = f"front matter '{key}'"
                break
    doc.title = doc.title or headline(body)
    yield doc


@functools.cache
def plain_yaml_loader() -> type:
    """A YAML SafeLoader that keeps dates as strings, so `2020-13-45` is data, not a crash."""
    import yaml

    class PlainLoader(yaml.SafeLoader):
        pass

    PlainLoader.yaml_implicit_resolvers = {
        first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    return PlainLoader


def split_front_matter(text: str) -> tuple[dict, str]:
    """(front matter as a dict, the rest) of a text that starts with a `---` YAML block."""
    match = re.match(r"---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)", text, flags=re.S)
    if not match:
        return {}, text
    import yaml

    try:
        front = yaml.load(match.group(1), Loader=plain_yaml_loader())
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 2})" if mark else ""
        raise Unreadable(
            f"front matter is not valid YAML{where}: {getattr(exc, 'problem', exc)}"
        ) from None
    if not isinstance(front, dict):
        return {}, text
    return {str(k): v for k, v in front.items()}, text[match.end() :]


def _text_value(value: Any) -> str:
    """A front-matter or record value as a stripped string ("" for None)."""
    return "" if value is None else str(value).strip()


def headline(text: str) -> str:
    """The first line when it reads as a headline (short, standing alone, not a dateline)."""
    first, _, rest = text.partition("\n")
    first = first.strip().lstrip("#").strip()
    if not rest.startswith("\n") or not rest.strip() or not 2 <= len(first.split()) <= 25:
        return ""
    if first[-1] in ".,;:" or len(first) > 200:
        return ""
    from .reference import dateline_parts

    return "" if dateline_parts(first) else first


# --- HTML ----------------------------------------------------------------------------------
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
        found = f" (only {_one_line(text, 40)!r})" if text else ""
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


# --- RSS / Atom ----------------------------------------------------------------------------
def read_feed(name: str, data: bytes, options: Options) -> Iterator[Result]:
    """One document per feed entry, with the entry's published (or updated) date."""
    if b"\x00" in data:
        raise Unreadable("binary file (contains NUL bytes), not a feed")
    import feedparser

    parsed = feedparser.parse(data)  # bytes: never a URL
    if not parsed.entries:
        problem = parsed.get("bozo_exception")
        reason = (
            f"not a readable feed: {_one_line(str(problem))}" if problem else "feed has no entries"
        )
        raise Unreadable(reason)
    stem, source = Path(name).stem, parsed.feed.get("title", "").strip()
    for n, entry in enumerate(parsed.entries, start=1):
        text = fragment_text(entry_html(entry))
        if not text:
            yield ReadError(f"{name} entry {n}", "entry has no text")
            continue
        doc = Document(doc_id=f"{stem}-{n}", text=text, path=name, source=source)
        doc.title = fragment_text(entry.get("title", ""))
        doc.url = entry.get("link", "")
        doc.meta.update(entry=n, entry_id=entry.get("id", ""))
        for key in ("published", "updated", "created"):
            if entry.get(key):
                doc.meta["published"] = entry[key]
                doc.meta["published_from"] = f"feed entry's {key} date"
                break
        yield doc


def entry_html(entry: Any) -> str:
    """The fullest body a feed entry has: its longest content, else its summary."""
    longest = max((c.get("value", "") for c in entry.get("content", [])), key=len, default="")
    return longest or entry.get("summary", "")


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


# --- TimeML --------------------------------------------------------------------------------
def read_timeml(name: str, data: bytes, options: Options) -> Iterator[Result]:
    """One document from a TimeML file: the text of <TEXT>, its date the <DCT> TIMEX3 value."""
    from xml.etree import ElementTree

    if not data.strip():
        raise Unreadable("empty file")
    try:
        root = ElementTree.fromstring(data)
    except ElementTree.ParseError as exc:
        raise Unreadable(f"not well-formed XML: {exc}") from None
    for element in root.iter():
        if isinstance(element.tag, str) and "}" in element.tag:
            element.tag = element.tag.rsplit("}", 1)[1]  # drop namespaces
    body = root.find(".//TEXT")
    if body is None:
        raise Unreadable("TimeML without a <TEXT> element")
    sentences = body.findall(".//s")
    if sentences:  # tokenized corpora: one <s> per sentence, no whitespace between them
        text = "\n".join(" ".join("".join(s.itertext()).split()) for s in sentences)
    else:
        text = "".join(body.itertext()).strip()
    if not text:
        raise Unreadable("TimeML <TEXT> is empty")
    doc = Document(doc_id=Path(name).stem, text=text, path=name, title=timeml_title(root))
    doc.meta["docid"] = (root.findtext("DOCID") or "").strip()
    dct = root.find(".//DCT/TIMEX3")
    if dct is not None and dct.get("value"):
        doc.meta["published"] = dct.get("value")
        doc.meta["published_from"] = "TimeML DCT"
        doc.meta["dct_timex"] = dict(dct.attrib)
    yield doc


def timeml_title(root: Any) -> str:
    """The <TITLE>, else a one-line <EXTRAINFO> (the Wikinews files keep the headline there)."""
    title = " ".join((root.findtext(".//TITLE") or "").split())
    extra = (root.findtext("EXTRAINFO") or "").strip()
    return title or (extra if extra and "\n" not in extra and len(extra) < 200 else "")


# --- CSV / JSONL / JSON records -------------------------------------------------------------
def read_csv(name: str, stream: IO[bytes], options: Options) -> Iterator[Result]:
    """One document per CSV row; the text, date and title columns are named or guessed."""
    encoding = stream_encoding(stream)
    lines = io.TextIOWrapper(stream, encoding=encoding.name, errors="replace", newline="")
    first = lines.readline()
    if not first.strip():
        raise Unreadable("empty file")
    lines.seek(0)
    delimiter = max(",;\t|", key=first.count)
    csv.field_size_limit(max(csv.field_size_limit(), options.max_bytes + 1))
    rows = csv.DictReader(lines, delimiter=delimiter)
    numbered = enumerate(_checked_rows(rows), start=1)
    columns = rows.fieldnames or []
    yield from record_documents(name, "row", numbered, options, columns, encoding.note)


def _checked_rows(rows: csv.DictReader) -> Iterator[dict]:
    """The rows of a CSV reader; a malformed tail becomes `Unreadable`."""
    try:
        yield from rows
    except csv.Error as exc:
        raise Unreadable(f"malformed CSV at line {rows.line_num}: {exc}") from None


def read_jsonl(name: str, stream: IO[bytes], options: Options) -> Iterator[Result]:
    """One document per JSON Lines record; a bad line is an error for that line only."""
    encoding = stream_encoding(stream)
    lines = io.TextIOWrapper(stream, encoding=encoding.name, errors="replace")
    records = ((n, line) for n, line in enumerate(lines, start=1) if line.strip())
    numbered = (_json_record(n, line) for n, line in records)
    yield from record_documents(name, "line", numbered, options, note=encoding.note)


def _json_record(n: int, line: str) -> tuple[int, dict | str]:
    """(line number, the record) or (line number, why it is not one)."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        return n, f"not valid JSON: {exc.msg} (column {exc.colno})"
    return n, record if isinstance(record, dict) else "not a JSON object"


def read_json(name: str, data: bytes, options: Options) -> Iterator[Result]:
    """Documents from a .json file: an array of records, {"articles": [...]}, or one record."""
    text, encoding = decoded(data)
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        if exc.msg == "Extra data":  # JSON Lines under a .json name
            yield from read_jsonl(name, io.BytesIO(text.encode()), options)
            return
        raise Unreadable(f"not valid JSON: {exc.msg} (line {exc.lineno})") from None
    if isinstance(value, dict):
        lists = [v for v in value.values() if isinstance(v, list) and v and isinstance(v[0], dict)]
        value = lists[0] if len(lists) == 1 else [value]
    if not isinstance(value, list):
        raise Unreadable("JSON is neither a list of records nor a record")
    numbered = (
        (n, r if isinstance(r, dict) else "not a JSON object") for n, r in enumerate(value, 1)
    )
    yield from record_documents(name, "record", numbered, options, note=encoding.note)


def stream_encoding(stream: IO[bytes]) -> Encoding:
    """The encoding of a record file, judged from its first 64 KB (the stream is rewound)."""
    head = stream.read(65536)
    stream.seek(0)
    if len(head) == 65536 and b"\n" in head:
        head = head[: head.rindex(b"\n") + 1]  # no character cut in half
    return text_encoding(head)


def record_documents(
    name: str,
    unit: str,
    numbered: Iterable[tuple[int, dict | str]],
    options: Options,
    columns: list[str] | None = None,
    note: str = "",
) -> Iterator[Result]:
    """Documents from numbered records (a str record is the reason it could not be read).

    `columns` are the CSV header (else the first record's keys); `note` an encoding warning.
    """
    stem, chosen = Path(name).stem, None
    if columns is not None:
        chosen = chosen_columns(columns, options)
    for n, record in numbered:
        where = f"{name} {unit} {n}"
        if isinstance(record, str):
            yield ReadError(where, record)
            continue
        if chosen is None:
            chosen = chosen_columns(list(record), options)
        text = _text_value(record.get(chosen["text"]))
        if not text:
            yield ReadError(where, f"no text in column '{chosen['text']}'")
            continue
        if len(text.encode("utf-8")) > options.max_bytes:
            yield ReadError(where, f"text too large (the limit is {_megabytes(options.max_bytes)})")
            continue
        doc = Document(doc_id=f"{stem}-{n}", text=text.replace("\r\n", "\n"), path=name)
        doc.title = _text_value(record.get(chosen["title"])) if chosen["title"] else ""
        doc.source = _text_value(record.get(chosen["source"])) if chosen["source"] else ""
        doc.url = _text_value(record.get(chosen["url"])) if chosen["url"] else ""
        doc.meta[unit] = n
        doc.warnings.extend([note] if note else [])
        doc.meta["record"] = {k: v for k, v in record.items() if k != chosen["text"]}
        raw_date = _text_value(record.get(chosen["date"])) if chosen["date"] else ""
        if raw_date:
            doc.meta["published"] = raw_date
            field_name = "CSV column" if unit == "row" else "JSON field"
            doc.meta["published_from"] = f"{field_name} '{chosen['date']}'"
        yield doc


def chosen_columns(columns: list[str], options: Options) -> dict[str, str | None]:
    """Which column holds text, date, title, source and url: as named, else guessed by name."""

    def pick(given: str | None, guesses: tuple[str, ...], role: str) -> str | None:
        if given:
            if given not in columns:
                raise Unreadable(f"no {role} column '{given}' (columns: {', '.join(columns)})")
            return given
        lowered = {c.strip().lower(): c for c in columns}
        return next((lowered[g] for g in guesses if g in lowered), None)

    chosen = {
        "text": pick(options.text_column, TEXT_COLUMNS, "text"),
        "date": pick(options.date_column, DATE_COLUMNS, "date"),
        "title": pick(options.title_column, TITLE_COLUMNS, "title"),
        "source": pick(None, ("source", "publisher", "outlet"), "source"),
        "url": pick(None, ("url", "link"), "url"),
    }
    if chosen["text"] is None:
        raise Unreadable(
            f"no text column found (columns: {', '.join(columns)}); name it with --text-column"
        )
    return chosen


def read_unknown_xml(name: str, data: bytes, options: Options) -> Iterator[Result]:
    """An .xml file that is neither a feed nor TimeML: an error naming its root element."""
    raise Unreadable(
        f"XML that is neither an RSS/Atom feed nor TimeML (root <{xml_root(data[:4096])}>)"
    )
    yield  # pragma: no cover - makes this a generator like the other readers


READERS = {
    "text": read_text,
    "html": read_html,
    "feed": read_feed,
    "timeml": read_timeml,
    "json": read_json,
    "xml": read_unknown_xml,
}
RECORD_READERS = {"csv": read_csv, "jsonl": read_jsonl}
