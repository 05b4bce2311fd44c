"""Read articles: plain text (+ YAML front matter), HTML, RSS/Atom, CSV/JSONL/JSON, TimeML, and
the Python objects a pandas user has (a DataFrame of articles, texts, Documents: `objects`).

One module per format; this is the funnel they share. Every reader yields `Document`s; a file (or
record) that cannot be read yields an `InputError` instead, so a batch never stops on one bad
file. Reading is lazy: folders and globs are walked as the caller iterates, CSV and JSONL stream
record by record. A file given twice, or an article read twice (the same text, title and date
under two names), is read once, and the repeat is a warning.
"""

from __future__ import annotations

import codecs
import glob
import io
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from ..document import Document, record_in_file, unique_id
from ..errors import InputError, InputWarning, Unreadable
from .common import MAX_BYTES, SUFFIXES, Options, Result, megabytes, one_line
from .feed import read_feed
from .html import read_html
from .objects import is_frame, is_object, object_documents
from .records import read_csv, read_json, read_jsonl
from .text import read_text
from .timeml import read_timeml_article


# --- entry points ------------------------------------------------------------------------------
@dataclass
class Reading:
    """What one batch has read so far, so that each file and each article is read once: the doc
    ids taken, the files opened, a digest of each article (its text, title and date), the
    inputs not read again (as warnings), and the bytes read (for a progress bar)."""

    ids: set[str] = field(default_factory=set)
    files: set[str] = field(default_factory=set)
    articles: dict[bytes, str] = field(default_factory=dict)  # digest -> where it was first read
    duplicates: list[InputWarning] = field(default_factory=list)
    bytes_read: int = 0

    def first_reading(self, doc: Document) -> bool:
        """True for a document not read before in this batch; a repeat becomes a warning."""
        digest = article_digest(doc)
        first = self.articles.get(digest)
        if first is None:
            self.articles[digest] = location_of(doc)
            return True
        where = record_in_file(doc)
        self.duplicates.append(
            InputWarning(doc.path or doc.doc_id, f"the same article as {first}: read once", where)
        )
        return False

    def first_opening(self, path: Path) -> bool:
        """True for a file not opened before in this batch (by its real path); else a warning."""
        key = os.path.realpath(path)
        if key not in self.files:
            self.files.add(key)
            return True
        self.duplicates.append(InputWarning(str(path), "given more than once: read once"))
        return False


def article_digest(doc: Document) -> bytes:
    """What two copies of one article share: a digest of its text, title and metadata date."""
    import hashlib

    published = str(doc.meta.get("published", ""))
    key = "\x00".join((doc.text, doc.title, published))
    return hashlib.blake2b(key.encode("utf-8", errors="surrogatepass"), digest_size=16).digest()


def location_of(doc: Document) -> str:
    """Where a document was read: "wire.csv row 17", "story.txt", "text-2"."""
    where = record_in_file(doc)
    name = doc.path or doc.doc_id
    return f"{name} {where}" if where else name


def read_inputs(
    inputs: Any = None,
    *,
    text_column: str | None = None,
    date_column: str | None = None,
    title_column: str | None = None,
    url_column: str | None = None,
    source_column: str | None = None,
    max_bytes: int = MAX_BYTES,
    reading: Reading | None = None,
) -> Iterator[Result]:
    """Documents (or errors) from inputs, lazily: files, folders and globs, DataFrames of articles,
    articles' texts, Documents; None = the bundled samples.

    Each file and each article is read once (`reading` records the repeats as warnings); doc ids
    are unique in the batch. `meta["input_index"]` tells which input a document came from (for
    one dateline per input).
    """
    options = Options(text_column, date_column, title_column, max_bytes, url_column, source_column)
    reading = Reading() if reading is None else reading
    items = sample_paths() if inputs is None else as_list(inputs)
    for index, item in enumerate(items):
        for result in _item_results(item, index, len(items) == 1, options, reading):
            if isinstance(result, Document):
                if not reading.first_reading(result):
                    continue
                result.meta["read_as"] = result.doc_id  # before it is made unique
                result.doc_id = unique_id(result.doc_id, reading.ids)
                result.meta["input_index"] = index
            yield result


def _item_results(
    item: Any, index: int, alone: bool, options: Options, reading: Reading
) -> Iterator[Result]:
    """The documents (or errors) of one input."""
    if is_object(item):
        yield from object_documents(item, index, alone, options)
        return
    if not isinstance(item, (str, os.PathLike)):
        yield InputError(repr(item)[:60], f"not an input: a {type(item).__name__}")
        return
    for entry in paths_of(item):
        if isinstance(entry, InputError):
            yield entry
        elif reading.first_opening(entry):
            yield from read_path(entry, options, reading)


def read_bytes(
    name: str,
    data: bytes,
    *,
    text_column: str | None = None,
    date_column: str | None = None,
    title_column: str | None = None,
    url_column: str | None = None,
    source_column: str | None = None,
    max_bytes: int = MAX_BYTES,
) -> list[Result]:
    """Documents (or errors) from in-memory bytes named `name` (a browser upload)."""
    options = Options(text_column, date_column, title_column, max_bytes, url_column, source_column)
    seen: set[str] = set()
    results = list(read_stream(name, io.BytesIO(data), len(data), options))
    for result in results:
        if isinstance(result, Document):
            result.doc_id = unique_id(result.doc_id, seen)
    return results


def expand_inputs(inputs: Any = None, reading: Reading | None = None) -> Iterator[str]:
    """The file paths that inputs name, lazily and unopened (to split a batch across workers);
    a file named twice is listed once (`reading` keeps the repeats as warnings).

    An input naming no file is yielded as given, so that reading it gives its `InputError`.
    """
    reading = Reading() if reading is None else reading
    for item in sample_paths() if inputs is None else as_list(inputs):
        for entry in paths_of(item):
            if isinstance(entry, InputError):
                yield entry.path
            elif reading.first_opening(entry):
                yield str(entry)


def input_size(inputs: list) -> int | None:
    """The bytes of the files the inputs name (each once, unopened), or None when an input is an
    object (a DataFrame, a text, a Document) whose reading cannot be followed in bytes."""
    total, seen = 0, set()
    for item in inputs:
        if is_object(item):
            return None
        for entry in paths_of(item) if isinstance(item, (str, os.PathLike)) else ():
            key = os.path.realpath(entry) if isinstance(entry, Path) else None
            if key is not None and key not in seen:
                seen.add(key)
                try:
                    total += entry.stat().st_size
                except OSError:
                    pass
    return total


def sample_paths() -> list[Path]:
    """The bundled sample corpus: the Reuters seed article and 30 Wikinews articles."""
    return sorted((Path(__file__).parent.parent / "samples").glob("*.txt"))


# --- paths ---------------------------------------------------------------------------------
def as_list(inputs: Any) -> list:
    """One input or many, as a list: a path, a text, a Document or a DataFrame is one input (a
    DataFrame is not iterated over its column names)."""
    if isinstance(inputs, (str, os.PathLike, Document)) or is_frame(inputs):
        return [inputs]
    return list(inputs)


def paths_of(item: str | os.PathLike) -> Iterator[Path | InputError]:
    """The files one input names: itself, a folder's known files (recursively), a glob's matches."""
    path = Path(item).expanduser()
    if path.is_dir():
        yield from _folder_files(path)
    elif path.is_file():
        yield path
    elif path.exists():
        yield InputError(str(item), "not a regular file")
    elif glob.has_magic(str(item)):
        matches = sorted(glob.glob(str(path), recursive=True))
        if not matches:
            yield InputError(str(item), "no file matches this pattern")
        for match in matches:
            yield from (_folder_files(Path(match)) if os.path.isdir(match) else [Path(match)])
    else:
        yield InputError(str(item), "no such file or folder")


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


def _folder_files(folder: Path) -> Iterator[Path | InputError]:
    """The files with a known suffix below `folder`, sorted, hidden ones skipped."""
    found = False
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if _article_file(name):
                found = True
                yield Path(root) / name
    if not found:
        yield InputError(str(folder), f"no readable files in this folder ({', '.join(SUFFIXES)})")


# --- dispatch ------------------------------------------------------------------------------
def read_path(path: Path, options: Options, reading: Reading | None = None) -> Iterator[Result]:
    """Documents (or errors) from one file; `reading.bytes_read` follows the reading."""
    try:
        size = path.stat().st_size
        stream = open(path, "rb")  # closed below, once the lazy readers are done
    except OSError as exc:
        yield InputError(str(path), f"cannot open: {exc.strerror or exc}")
        return
    done = reading.bytes_read if reading else 0
    with stream:
        for result in read_stream(str(path), stream, size, options):
            if reading is not None and not stream.closed:
                reading.bytes_read = done + min(size, stream.tell())
            yield result
    if reading is not None:
        reading.bytes_read = done + size


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
                f"too large ({megabytes(size)}; the limit is {megabytes(options.max_bytes)})"
            )
        yield from READERS[kind](name, stream.read(), options)
    except Unreadable as exc:
        yield InputError(name, str(exc))
    except OSError as exc:
        yield InputError(name, f"cannot read: {exc.strerror or exc}")
    except Exception as exc:  # a parser's bug must not end the batch; say what it was
        yield InputError(name, f"unexpected {type(exc).__name__}: {one_line(str(exc))}")


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
    "timeml": read_timeml_article,
    "json": read_json,
    "xml": read_unknown_xml,
}


RECORD_READERS = {"csv": read_csv, "jsonl": read_jsonl}
