"""Callback inputs as the browser sends them, checked before any use.

Anyone can POST to `/_dash-update-component`, so every value a callback reads is untrusted: a
value of the wrong type or out of range is a `BadInput`, and `guarded` callbacks then answer
"no update" (HTTP 204): the view stays as it was, with no traceback and no 500. Sizes are bounded
too (words searched, ids listed, rows per table page), so one request cannot ask for unbounded
work.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Callable
from datetime import date
from typing import Any

import pandas as pd
from dash.exceptions import PreventUpdate

from .state import DATED_BY_KINDS, GRID_FIELDS, Filters, View

SESSION_ID = re.compile(r"[0-9a-f]{32}")  # what layout.page gives a browser: uuid4().hex
MAX_TEXT = 1_000  # characters of a search or a typed value
MAX_WORDS = 32  # words of a search (each is one pass over the rows)
MAX_ITEMS = 10_000  # values chosen in one dropdown, row ids in one selection
MAX_PAGE = 1_000  # rows one table request may ask for (the grid asks for 50)
MAX_CONDITIONS = 10  # conditions of one column filter
GRID_FILTER_TYPES = {"text", "number", "date"}


class BadInput(ValueError):
    """A callback input that the page itself would never send."""


def guarded(callback: Callable) -> Callable:
    """The callback, answering "no update" instead of failing when an input is a `BadInput`."""

    @functools.wraps(callback)
    def run(*args: Any, **kwargs: Any) -> Any:
        try:
            return callback(*args, **kwargs)
        except BadInput:
            raise PreventUpdate from None

    return run


def session_of(value: Any) -> tuple[str, int]:
    """(session id, version) from the session store's data."""
    if not isinstance(value, dict):
        raise BadInput("the session is not an object")
    session = value.get("session")
    if not isinstance(session, str) or not SESSION_ID.fullmatch(session):
        raise BadInput("not a session id")
    return session, integer_of(value.get("version", 0), 0, 2**62)


def text_of(value: Any, limit: int = MAX_TEXT) -> str:
    """A typed text ('' for None)."""
    if value is None:
        return ""
    if not isinstance(value, str) or len(value) > limit:
        raise BadInput("not a text, or too long")
    return value


def typed_of(value: Any) -> str:
    """A value typed in a field or a table cell, stripped ('' for None; a number as written)."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        value = str(value)
    return text_of(value).strip()


def search_of(value: Any) -> str:
    """The search box's text, at most `MAX_WORDS` words."""
    text = text_of(value)
    if len(text.split()) > MAX_WORDS:
        raise BadInput("too many words")
    return text


def strings_of(value: Any, limit: int = MAX_ITEMS, length: int = MAX_TEXT) -> tuple[str, ...]:
    """The values chosen in a multi-select dropdown (None and [] are none), at most `limit`
    texts of at most `length` characters."""
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or len(value) > limit:
        raise BadInput("not a list of values")
    if not all(isinstance(v, str) and len(v) <= length for v in value):
        raise BadInput("not a list of texts")
    return tuple(value)


def integer_of(value: Any, low: int = 0, high: int = 2**62) -> int:
    """A whole number in [low, high] (a float with no fraction is one too)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise BadInput("not a number")
    if isinstance(value, float) and (not math.isfinite(value) or not value.is_integer()):
        raise BadInput("not a whole number")
    if not low <= value <= high:
        raise BadInput("out of range")
    return int(value)


def number_of(value: Any, low: float, high: float) -> float:
    """A finite number in [low, high] (None is `low`)."""
    if value is None:
        return low
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise BadInput("not a number")
    if not math.isfinite(value) or not low <= value <= high:
        raise BadInput("out of range")
    return float(value)


def day_of(value: Any) -> date | None:
    """A date picker's value: an ISO date (a time after it is ignored), or None."""
    if value in (None, ""):
        return None
    if not isinstance(value, str) or len(value) > 40:
        raise BadInput("not a date")
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        raise BadInput("not a date") from None


def choice_of(value: Any, choices: Any) -> str:
    """One of `choices`."""
    if not isinstance(value, str) or value not in choices:
        raise BadInput("not one of the choices")
    return value


def row_id_of(value: Any) -> int | None:
    """One row id (a number, or the string the table gives), or None."""
    if value is None:
        return None
    if isinstance(value, str) and value.isdigit() and len(value) < 19:
        return int(value)
    return integer_of(value)


def row_ids_of(value: Any) -> list[int]:
    """A list of row ids (None is none)."""
    return list_of(value, integer_of)


def object_of(value: Any) -> dict:
    """An object (None is an empty one)."""
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise BadInput("not an object")
    return value


def records_of(value: Any) -> list[dict]:
    """A list of objects (None is none), such as the table's changed or selected rows."""
    return list_of(value, object_of)


def list_of(value: Any, item: Callable[[Any], Any]) -> list:
    """A list of at most `MAX_ITEMS` values, each checked by `item` (None is an empty list)."""
    if value is None:
        return []
    if not isinstance(value, list) or len(value) > MAX_ITEMS:
        raise BadInput("not a list, or too long")
    return [item(v) for v in value]


def filters_of(
    text=None,
    documents=None,
    sources=None,
    start=None,
    end=None,
    types=None,
    grans=None,
    conf=None,
    dated_by=None,
    entities=None,
) -> Filters:
    """Filters from the filter bar's values (None and empty mean "all")."""
    return Filters(
        text=search_of(text),
        documents=strings_of(documents),
        sources=strings_of(sources),
        start=day_of(start),
        end=day_of(end),
        types=strings_of(types),
        granularities=strings_of(grans),
        min_confidence=number_of(conf, 0.0, 1.0),
        dated_by=tuple(choice_of(v, DATED_BY_KINDS) for v in strings_of(dated_by)),
        entities=strings_of(entities),
    )


def grid_request_of(value: Any) -> dict:
    """The table's request for rows (AG Grid's getRowsRequest), checked and bounded."""
    request = object_of(value)
    start = integer_of(request.get("startRow") or 0)
    end = integer_of(request.get("endRow") or start + 100)
    if end < start or end - start > MAX_PAGE:
        raise BadInput("not a page of rows")
    sort = records_of(request.get("sortModel"))
    for item in sort:
        choice_of(item.get("colId"), GRID_FIELDS)
        choice_of(item.get("sort", "asc"), ("asc", "desc"))
    filters = object_of(request.get("filterModel"))
    for column, model in filters.items():
        choice_of(column, GRID_FIELDS)
        column_filter_of(model)
    return {"startRow": start, "endRow": end, "sortModel": sort, "filterModel": filters}


def grid_filter_of(value: Any) -> dict:
    """The table's column filters (its `filterModel`), checked: {column: filter}."""
    filters = object_of(value)
    for column, model in filters.items():
        choice_of(column, GRID_FIELDS)
        column_filter_of(model)
    return filters


def column_filter_of(value: Any, depth: int = 0) -> dict:
    """One column filter of the table: a condition, or conditions joined by AND/OR."""
    model = object_of(value)
    kind = model.get("filterType", "text")
    if kind not in GRID_FILTER_TYPES:
        raise BadInput("not a column filter")
    parts = model.get("conditions")
    if parts is None and "condition1" in model:
        parts = [model.get("condition1"), model.get("condition2")]
    if parts is not None:
        if depth or not isinstance(parts, list) or len(parts) > MAX_CONDITIONS:
            raise BadInput("not a list of conditions")
        choice_of(model.get("operator", "AND"), ("AND", "OR"))
        for part in parts:
            if part is not None:
                column_filter_of({"filterType": kind, **object_of(part)}, depth + 1)
        return model
    text_of(model.get("type") or "", 40)
    if kind == "number":
        for key in ("filter", "filterTo"):
            if model.get(key) is not None:
                number_of(model[key], -math.inf, math.inf)
    elif kind == "date":
        for key in ("dateFrom", "dateTo"):
            if model.get(key) is not None and pd.isna(
                pd.to_datetime(text_of(model[key], 40), errors="coerce")
            ):
                raise BadInput("not a date")
    elif not isinstance(model.get("filter"), (str, int, float, type(None))):
        raise BadInput("not a text filter")
    return model


def window_of(value: Any) -> tuple[float, float] | None:
    """The chart's window: [start, end] in ms since 1970, start before end (None is none)."""
    if value is None:
        return None
    if not isinstance(value, list | tuple) or len(value) != 2:
        raise BadInput("not a window")
    low, high = (number_of(v, -(2**53), 2**53) for v in value)
    if not low < high:
        raise BadInput("not a window")
    return low, high


def axis_time_of(value: Any) -> float:
    """A date-axis value as Plotly reports it (ms, or a date string) in ms since 1970."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return number_of(value, -(2**53), 2**53)
    text = text_of(value, 40)
    try:
        return pd.Timestamp(text).value / 1e6
    except (ValueError, OverflowError):
        raise BadInput("not a time") from None


# the URL query of a view: ?q=strike&from=2020-01-01&to=2020-01-31&src=Reuters&lanes=source
QUERY_LISTS = {
    "doc": "documents",
    "src": "sources",
    "type": "types",
    "gran": "grans",
    "by": "dated_by",
    "ent": "entities",
}


def view_of(args: Any, lanes: Any = ()) -> View:
    """The view a URL query asks for (`args`: a mapping with `get` and `getlist`, as Flask's);
    a value the page would not write is left out, never an error."""

    def kept(read: Callable[[], Any], default: Any) -> Any:
        try:
            return read()
        except (BadInput, ValueError, TypeError):
            return default

    lists = {
        name: kept(lambda key=key: strings_of(list(args.getlist(key))), ())
        for key, name in QUERY_LISTS.items()
    }
    conf = kept(lambda: number_of(float(args.get("conf", 0)), 0.0, 1.0), 0.0)
    filters = Filters(
        text=kept(lambda: search_of(args.get("q", "")), ""),
        documents=lists["documents"],
        sources=lists["sources"],
        start=kept(lambda: day_of(args.get("from")), None),
        end=kept(lambda: day_of(args.get("to")), None),
        types=lists["types"],
        granularities=lists["grans"],
        min_confidence=conf,
        dated_by=tuple(v for v in lists["dated_by"] if v in DATED_BY_KINDS),
        entities=lists["entities"],
    )
    chosen = args.get("lanes", "none")
    window = kept(lambda: _query_window(args.get("win")), None)
    return View(filters, chosen if chosen in lanes else "none", window)


def _query_window(text: str | None) -> tuple[float, float] | None:
    """`win=2020-01-01..2020-02-01` as ms (the end day included)."""
    if not text:
        return None
    low, high = text_of(text, 40).split("..")
    start, end = day_of(low), day_of(high)
    if start is None or end is None:
        raise BadInput("not a window")
    day = 86_400_000
    return window_of([pd.Timestamp(start).value / 1e6, pd.Timestamp(end).value / 1e6 + day])
