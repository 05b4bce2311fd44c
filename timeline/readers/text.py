"""Plain text and Markdown, with optional YAML front matter: `title`, `published`, `source`, `url`."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from pathlib import Path

from ..document import Document, dateline_parts
from ..errors import Unreadable
from .common import Options, Result, decoded, text_value

FRONT_MATTER_DATES = ("published", "date")


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
        doc.title = text_value(front.get("title"))
        doc.source = text_value(front.get("source"))
        doc.url = text_value(front.get("url"))
        place = text_value(front.get("dateline"))
        doc.meta["dateline"] = place
        if place and not any(ch.isdigit() for ch in place):
            doc.place = place
        for key in FRONT_MATTER_DATES:
            if text_value(front.get(key)):
                doc.meta["published"] = text_value(front[key])
                doc.meta["published_from"] = f"front matter '{key}'"
                break
    doc.title = doc.title or headline(body)
    yield doc


NO_ALIASES = (
    "front matter uses a YAML alias (*name), which is not read (an alias bomb can fill memory)"
)


@functools.cache
def plain_yaml_loader() -> type:
    """A YAML SafeLoader that keeps dates as strings, so `2020-13-45` is data, not a crash, and
    refuses aliases: 374 bytes of nested aliases expand to gigabytes once turned into text."""
    import yaml

    class PlainLoader(yaml.SafeLoader):
        def compose_node(self, parent: object, index: object) -> object:
            if self.check_event(yaml.AliasEvent):
                raise Unreadable(NO_ALIASES)
            return super().compose_node(parent, index)

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


def headline(text: str) -> str:
    """The first line when it reads as a headline (short, standing alone, not a dateline)."""
    first, _, rest = text.partition("\n")
    first = first.strip().lstrip("#").strip()
    if not rest.startswith("\n") or not rest.strip() or not 2 <= len(first.split()) <= 25:
        return ""
    if first[-1] in ".,;:" or len(first) > 200:
        return ""
    return "" if dateline_parts(first) else first
