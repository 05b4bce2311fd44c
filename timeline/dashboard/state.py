"""The dashboard's data: each session's events, and the pure steps that change them.

A browser session holds only `{"session": id, "version": n}` (a dcc.Store); the frame itself stays
on the server (`store.SessionStore`), so 100k events never travel to the browser on each filter.
Every change (a corrected date, a new dateline, uploaded articles) builds a new `Events` value with
a higher version: sessions never see each other's edits, and the base frame is shared until edited.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

import numpy as np
import pandas as pd

from ..figure import ENTITY_COLUMN, PLOT_COLUMNS, with_plot_columns
from ..schema import ARTICLES, COLUMNS, ERRORS, WARNINGS, Articles, conform, sources_of

SEARCH_COLUMN = "_search"
DERIVED = (*PLOT_COLUMNS, SEARCH_COLUMN, ENTITY_COLUMN)


@dataclass(frozen=True)
class Events:
    """One session's events: rows indexed by a stable row id, plus the articles they came from."""

    rows: pd.DataFrame  # contract columns + derived columns; index = row id; no attrs
    articles: dict[str, dict] = field(default_factory=dict)
    errors: tuple = ()
    warnings: tuple = ()
    version: int = 0


DATED_BY_KINDS = ("expression", "event", "reported")  # how a row got its date (`dated_by`)


@dataclass(frozen=True)
class Filters:
    """What the filter bar asks for; empty fields match everything."""

    text: str = ""
    documents: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    start: date | None = None  # first day shown
    end: date | None = None  # last day shown (inclusive)
    types: tuple[str, ...] = ()
    granularities: tuple[str, ...] = ()
    min_confidence: float = 0.0
    dated_by: tuple[str, ...] = ()  # of DATED_BY_KINDS; empty: all
    entities: tuple[str, ...] = ()  # names of `events.entities_of`; any of them


@dataclass(frozen=True)
class View:
    """What a link to the dashboard reopens: the filters, the lanes and the chart's window."""

    filters: Filters = field(default_factory=Filters)
    lanes: str = "none"
    window: tuple[float, float] | None = None  # ms since 1970


def prepare(frame: pd.DataFrame) -> Events:
    """Events from an events frame: contract columns, row ids 0..n-1, derived columns added."""
    articles = dict(frame.attrs.get(ARTICLES, {}))
    rows = pd.DataFrame(conform(frame), copy=False)
    rows.attrs = {}
    rows.index = pd.RangeIndex(len(rows), name="row_id")
    return Events(
        rows=contiguous(with_derived_columns(rows)),
        articles=articles,
        errors=tuple(frame.attrs.get(ERRORS, [])),
        warnings=tuple(frame.attrs.get(WARNINGS, [])),
    )


def contiguous(rows: pd.DataFrame) -> pd.DataFrame:
    """The rows with each Arrow-backed column in one piece: a frame concatenated from many parts
    (a corpus, a Parquet folder) keeps one piece per part, and every later take of its rows (a
    filter, a session rebuilt from the store) walks them all, two to three times slower."""
    out = rows.copy(deep=False)
    for column in rows.columns:
        values = rows[column].array
        if hasattr(values, "__arrow_array__") and values.__arrow_array__().num_chunks > 1:
            combined = values.__arrow_array__().combine_chunks()
            out[column] = pd.array(combined, dtype=rows[column].dtype)
    return out


def with_derived_columns(rows: pd.DataFrame) -> pd.DataFrame:
    """The rows with the figure's columns, the lower-cased text the search runs over and the
    names each headline holds (`events.entities_of`: read over these rows, so names at a
    headline's start are judged by what these rows write elsewhere)."""
    from ..events import entities_of

    out = with_plot_columns(rows.drop(columns=[c for c in DERIVED if c in rows.columns]))
    text = out["event"].fillna("") + "\n" + out["sentence"].fillna("")
    # Python strings, not pandas' arrow ones: Python's `in` over them is 3x faster at 100k rows
    out[SEARCH_COLUMN] = pd.Series(text.str.lower().to_numpy(object), out.index, dtype=object)
    out[ENTITY_COLUMN] = entities_of(out).to_numpy(dtype=object) if len(out) else []
    return out


def entity_options(
    events: Events, search: str | None = None, selected: Sequence = (), limit: int = 100
) -> list[dict]:
    """Entities for the filter's dropdown, busiest first, each with its kind and count: the
    selected ones, then up to `limit` whose name contains `search`."""
    counts: dict[str, int] = {}
    for names in events.rows[ENTITY_COLUMN]:
        for name in names:
            counts[name] = counts.get(name, 0) + 1
    kinds = _entity_kinds(events)
    wanted = (search or "").strip().lower()
    chosen = [n for n in selected if n in counts]
    ranked = sorted(counts, key=lambda n: (-counts[n], n))
    matches = (n for n in ranked if n not in chosen and (not wanted or wanted in n.lower()))
    found = chosen + list(itertools.islice(matches, limit))
    return [{"label": f"{n} · {kinds.get(n, 'other')} · {counts[n]:,}", "value": n} for n in found]


def _entity_kinds(events: Events) -> dict[str, str]:
    """Each entity's kind (person, organisation, place, other), as `entity_table` says."""
    from ..events import entity_table

    table = entity_table(events.rows, events.rows[ENTITY_COLUMN])
    return dict(zip(table["name"], table["kind"], strict=True))


def events_frame(events: Events, rows: pd.DataFrame | None = None) -> pd.DataFrame:
    """A contract events frame (attrs included) of `rows` (default: all): what downloads get."""
    rows = events.rows if rows is None else rows
    out = conform(rows.reset_index(drop=True))
    docs = set(out["doc_id"].dropna())
    out.attrs = {
        ARTICLES: Articles({k: v for k, v in events.articles.items() if k in docs}),
        ERRORS: list(events.errors),
        WARNINGS: list(events.warnings),
    }
    return out


# --- filtering -------------------------------------------------------------------------------
def filtered(rows: pd.DataFrame, filters: Filters) -> pd.DataFrame:
    """The rows that pass every filter at once (server-side, vectorised)."""
    keep = np.ones(len(rows), dtype=bool)
    words = filters.text.strip().lower().split()
    texts = rows[SEARCH_COLUMN].to_numpy(dtype=object) if words else ()
    for word in words:
        keep &= np.fromiter((word in text for text in texts), bool, len(texts))
    if filters.documents:
        keep &= reported_by(rows, filters.documents)
    for column, wanted in (
        ("source", filters.sources),
        ("timex_type", filters.types),
        ("granularity", filters.granularities),
        ("dated_by", filters.dated_by),
    ):
        if wanted:
            keep &= rows[column].isin(list(wanted)).fillna(False).to_numpy(bool)
    if filters.start is not None:
        keep &= (rows["end"] > pd.Timestamp(filters.start)).fillna(False).to_numpy(bool)
    if filters.end is not None:
        after_end = pd.Timestamp(filters.end) + pd.Timedelta(days=1)
        keep &= (rows["start"] < after_end).fillna(False).to_numpy(bool)
    if filters.min_confidence > 0:
        keep &= (rows["confidence"] >= filters.min_confidence).fillna(False).to_numpy(bool)
    if filters.entities:
        wanted = frozenset(filters.entities)
        names = rows[ENTITY_COLUMN]
        keep &= np.fromiter((not wanted.isdisjoint(v) for v in names), bool, len(rows))
    return rows if keep.all() else rows[keep]


def reported_by(rows: pd.DataFrame, documents: Sequence[str]) -> np.ndarray:
    """Which rows any of `documents` reports (a merged event counts for each of its sources)."""
    wanted = frozenset(documents)
    listed = np.fromiter(
        (not wanted.isdisjoint(sources_of(v)) for v in rows["sources"]), bool, len(rows)
    )
    return listed | rows["doc_id"].isin(list(documents)).fillna(False).to_numpy(bool)


def counts_text(shown: pd.DataFrame, total: pd.DataFrame) -> str:
    """What the filters leave: "12 of 48 events · 3 of 5 articles · 2 reported by several ..."."""
    merged = int((shown["n_sources"] > 1).sum())
    return (
        f"{len(shown):,} of {len(total):,} events · "
        f"{shown['doc_id'].nunique():,} of {total['doc_id'].nunique():,} articles · "
        f"{merged:,} reported by several sources"
    )


# --- the table (AG Grid infinite row model, answered from the server) ----------------------------
GRID_FIELDS = {
    # grid column -> frame column it shows (sorting and column filters use the frame column)
    "date": "start",
    "expression": "expression",
    "event": "event",
    "source": "source",
    "title": "title",
    "granularity": "granularity",
    "timex_value": "timex_value",
    "confidence": "confidence",
    "n_sources": "n_sources",
}


def grid_page(rows: pd.DataFrame, request: dict) -> dict:
    """The rows AG Grid asked for (its own column filters and sort applied): rowData + rowCount."""
    rows = grid_filtered(rows, request.get("filterModel") or {})
    order = grid_order(rows, request.get("sortModel") or [])
    start = int(request.get("startRow") or 0)
    end = int(request.get("endRow") or start + 100)
    return {"rowData": grid_records(rows.iloc[order[start:end]]), "rowCount": len(rows)}


def grid_records(rows: pd.DataFrame) -> list[dict]:
    """Rows as the table shows them (plain JSON values; the text is rendered as text)."""
    out = pd.DataFrame(
        {
            "row_id": rows.index.astype("int64").astype(str),  # AG Grid row ids are strings
            "date": rows["_date"].astype(object),
            "expression": rows["expression"].astype(object),
            "event": rows["event"].astype(object),
            "source": rows["source"].astype(object),
            "title": rows["title"].astype(object),
            "granularity": rows["granularity"].astype(object),
            "timex_value": rows["timex_value"].astype(object),
            "confidence": rows["confidence"].round(2).astype(object),
            "n_sources": rows["n_sources"].astype("int64"),
        }
    )
    return out.astype(object).where(out.notna(), None).to_dict("records")


def grid_order(rows: pd.DataFrame, sort_model: Sequence[dict]) -> np.ndarray:
    """The rows' positions in the table's sort order (chronological when it has none). Only
    the sort keys are sorted: the page then copies its 50 rows, not the whole frame."""
    keys, ascending = [], []
    for item in sort_model:
        column = GRID_FIELDS.get(item.get("colId", ""))
        if column:
            keys.append(column)
            ascending.append(item.get("sort") != "desc")
    if not keys:
        keys, ascending = ["start", "end"], [True, True]
    chosen = dict(zip(keys, ascending, strict=True))  # a column once, as first asked
    keyed = pd.DataFrame({k: rows[k].to_numpy() for k in chosen}, copy=False)
    ordered = keyed.sort_values(
        list(chosen), ascending=list(chosen.values()), kind="stable", na_position="last"
    )
    return ordered.index.to_numpy()


def grid_filtered(rows: pd.DataFrame, filter_model: dict) -> pd.DataFrame:
    """Rows passing the table's own column filters (text, number and date, with AND/OR)."""
    keep = np.ones(len(rows), dtype=bool)
    for col_id, model in filter_model.items():
        column = GRID_FIELDS.get(col_id)
        if column is None:
            continue
        values = rows["_date"] if col_id == "date" and model.get("filterType") == "text" else None
        keep &= _filter_mask(rows[column] if values is None else values, model)
    return rows[keep]


def _filter_mask(values: pd.Series, model: dict) -> np.ndarray:
    if "conditions" in model or "condition1" in model:
        parts = model.get("conditions") or [model.get("condition1"), model.get("condition2")]
        masks = [
            _filter_mask(values, {**part, "filterType": model.get("filterType")})
            for part in parts
            if part
        ]
        if not masks:
            return np.ones(len(values), dtype=bool)
        combine = np.logical_or if model.get("operator") == "OR" else np.logical_and
        return combine.reduce(masks)
    kind = model.get("type", "contains")
    if kind == "blank":
        return values.isna().to_numpy(bool) | values.astype("string").fillna("").eq("").to_numpy(
            bool
        )
    if kind == "notBlank":
        return ~_filter_mask(values, {"type": "blank"})
    if model.get("filterType") == "number":
        return _compare(values.astype("float64"), kind, model.get("filter"), model.get("filterTo"))
    if model.get("filterType") == "date":
        low = pd.to_datetime(model.get("dateFrom"), errors="coerce")
        high = pd.to_datetime(model.get("dateTo"), errors="coerce")
        return _compare(values.dt.normalize(), kind, low, high)
    text = values.astype("string").fillna("").str.lower()
    needle = str(model.get("filter") or "").lower()
    tests = {
        "contains": lambda: text.str.contains(needle, regex=False),
        "notContains": lambda: ~text.str.contains(needle, regex=False),
        "equals": lambda: text.eq(needle),
        "notEqual": lambda: text.ne(needle),
        "startsWith": lambda: text.str.startswith(needle),
        "endsWith": lambda: text.str.endswith(needle),
    }
    return tests.get(kind, tests["contains"])().fillna(False).to_numpy(bool)


def _compare(values: pd.Series, kind: str, low: Any, high: Any) -> np.ndarray:
    if low is None or (isinstance(low, float) and np.isnan(low)) or low is pd.NaT:
        return np.ones(len(values), dtype=bool)
    tests = {
        "equals": lambda: values == low,
        "notEqual": lambda: values != low,
        "lessThan": lambda: values < low,
        "lessThanOrEqual": lambda: values <= low,
        "greaterThan": lambda: values > low,
        "greaterThanOrEqual": lambda: values >= low,
        "inRange": lambda: (values >= low) & (values <= high),
    }
    return tests.get(kind, tests["equals"])().fillna(False).to_numpy(bool)


# --- correcting the record -------------------------------------------------------------------
YEAR = re.compile(r"^\s*(\d{4})\s*$")
MONTH = re.compile(r"^\s*(\d{4})-(\d{1,2})\s*$")


def corrected_interval(
    text: str, dateline: date | None = None
) -> tuple[pd.Timestamp, pd.Timestamp, str, str]:
    """(start, end, granularity, TIMEX value) of a date typed by hand: 2020, 2020-01, a day; or
    what the tagger reads in it against the article's `dateline` ("next Tuesday", "Jan 3",
    "last week", "Q3 2019")."""
    try:
        return _typed_interval(text)
    except ValueError:
        said = _spoken_interval(text, dateline)
        if said is None:
            raise
        return said


def _spoken_interval(
    text: str, dateline: date | None
) -> tuple[pd.Timestamp, pd.Timestamp, str, str] | None:
    """The interval of the one date or time the tagger finds in `text` (nothing else in it)."""
    from ..tagger import tag

    found = [t for t in tag(text.strip(), dateline) if t.interval_start is not None]
    rest = text.strip()
    if len(found) != 1 or len(found[0].text) < len(rest) - len("on "):
        return None
    timex = found[0]
    granularity = "day" if timex.granularity in ("day", "time") else timex.granularity
    return (
        pd.Timestamp(timex.interval_start),
        pd.Timestamp(timex.interval_end),
        granularity,
        timex.value,
    )


def _typed_interval(text: str) -> tuple[pd.Timestamp, pd.Timestamp, str, str]:
    """`corrected_interval` of a date written out: 2020, 2020-01 or a full date."""
    if match := YEAR.match(text):
        start = pd.Timestamp(int(match[1]), 1, 1)
        return start, start + pd.DateOffset(years=1), "year", match[1]
    if match := MONTH.match(text):
        year, month = int(match[1]), int(match[2])
        if not 1 <= month <= 12:
            raise ValueError(f"'{text.strip()}' is not a month (use YYYY-MM with MM 01..12)")
        start = pd.Timestamp(year, month, 1)
        return start, start + pd.DateOffset(months=1), "month", f"{year:04d}-{month:02d}"
    day = parsed_date(text)
    start = pd.Timestamp(day)
    return start, start + pd.Timedelta(days=1), "day", day.isoformat()


def parsed_date(text: str) -> date:
    """A date typed by the user, or ValueError with a message fit to show them."""
    from ..dates import user_date

    return user_date(str(text).strip())


def with_event_date(events: Events, row_id: int, text: str) -> Events:
    """The events with one event moved to the date the user typed (ValueError if unreadable)."""
    if row_id not in events.rows.index:
        raise ValueError(f"event {row_id} no longer exists")
    dateline = pd.Timestamp(events.rows.at[row_id, "dateline"])
    start, end, granularity, value = corrected_interval(
        text, None if pd.isna(dateline) else dateline.date()
    )
    moved = events.rows.loc[[row_id], list(COLUMNS)].copy()
    old_value = moved.at[row_id, "timex_value"]
    moved["start"] = start
    moved["end"] = end
    moved["granularity"] = granularity
    moved["timex_value"] = value
    moved["confidence"] = 1.0
    moved["explanation"] = f"corrected by hand to {value} (was {old_value})"
    return _with_rows(events, events.rows.index != row_id, moved)


def with_dateline(events: Events, doc_id: str, text: str) -> Events:
    """The events with one article re-resolved against a new dateline typed by the user.

    Articles that share a merged event with it are extracted again too (with their own
    datelines), since the merged frame keeps only one row per event.
    """
    from ..events import frame_from_documents

    if doc_id not in events.articles:
        raise ValueError(f"article '{doc_id}' is not loaded")
    dct = parsed_date(text)
    affected, touching = linked_documents(events.rows, doc_id)
    dated = [d for d in affected if d == doc_id or dateline_text(events.articles.get(d, {}))]
    docs = [document_of(d, events.articles[d]) for d in dated if d in events.articles]
    datelines = [
        dct.isoformat() if doc.doc_id == doc_id else dateline_text(events.articles[doc.doc_id])
        for doc in docs
    ]
    fresh = frame_from_documents(docs, dateline=datelines)
    for other in (doc.doc_id for doc in docs if doc.doc_id != doc_id):
        # the others keep their dateline and say where it came from, as before
        kind = events.articles[other].get("dateline_source", "")
        fresh.loc[fresh["doc_id"] == other, "dateline_source"] = kind
        fresh.attrs[ARTICLES][other]["dateline_source"] = kind
    return _with_rows(events, ~touching, _fresh_rows(events, fresh), fresh)


def with_documents(events: Events, docs: Iterable, dateline: date | None = None) -> Events:
    """The events with newly read articles added (their doc_ids made unique first)."""
    return with_extracted(events, extracted(docs, set(events.articles), dateline))


def extracted(
    docs: Iterable, taken: set[str], dateline: date | None = None, progress=None
) -> pd.DataFrame:
    """The events frame of new articles, their doc_ids made unique against `taken` (the heavy
    half of an upload, run off the request path); `progress(n)` after each n-th article."""
    from ..events import frame_from_documents
    from ..readers import unique_id

    taken = set(taken)
    docs = (replace(doc, doc_id=unique_id(doc.doc_id, taken)) for doc in docs)
    if progress is not None:
        docs = _counted(docs, progress)
    return frame_from_documents(docs, dateline=dateline)


def _counted(items: Iterable, progress) -> Iterable:
    """The items, calling `progress(n)` before the n-th goes on."""
    for n, item in enumerate(items, 1):
        progress(n)
        yield item


def with_extracted(events: Events, fresh: pd.DataFrame) -> Events:
    """The events with a freshly extracted frame of new articles merged in."""
    keep = np.ones(len(events.rows), dtype=bool)
    return _with_rows(events, keep, _fresh_rows(events, fresh), fresh)


def document_of(doc_id: str, article: dict):
    """The Document of a loaded article (its text and metadata, as read)."""
    from ..document import Document

    return Document(
        doc_id=doc_id,
        text=article.get("text", "") or "",
        title=article.get("title", "") or "",
        source=article.get("source", "") or "",
        url=article.get("url", "") or "",
        path=article.get("path", "") or "",
    )


def linked_documents(rows: pd.DataFrame, doc_id: str) -> tuple[list[str], np.ndarray]:
    """`doc_id` and every article sharing a merged event with it (transitively), and the mask
    of the rows that involve any of them."""
    reports = pd.Series(
        [sources_of(v) or [d] for v, d in zip(rows["sources"], rows["doc_id"], strict=True)],
        index=rows.index,
    )
    affected = {doc_id}
    while True:
        apart = reports.map(frozenset(affected).isdisjoint).to_numpy(bool)
        touching = ~apart | rows["doc_id"].isin(list(affected)).to_numpy(bool)
        grown = affected | {d for docs in reports[touching] for d in docs}
        if grown == affected:
            return sorted(affected), touching
        affected = grown


def _fresh_rows(events: Events, fresh: pd.DataFrame) -> pd.DataFrame:
    """The rows of a freshly extracted frame, numbered after the existing row ids."""
    start = int(events.rows.index.max()) + 1 if len(events.rows) else 0
    rows = pd.DataFrame(conform(fresh), copy=False)
    rows.attrs = {}
    rows.index = pd.RangeIndex(start, start + len(rows), name="row_id")
    return rows


IDENTITY = ["doc_id", "char_start", "char_end", "start", "end", "event"]


def _with_rows(
    events: Events, keep: np.ndarray, fresh: pd.DataFrame, extracted: pd.DataFrame | None = None
) -> Events:
    """New Events: the rows where `keep` is true plus `fresh` contract rows, merged.

    Only the rows sharing an interval with a fresh row can merge with it, so only those go
    through `merge_events` again; every other row keeps its id and derived columns. The rows are
    taken once, into their time order (a take of 100k rows is most of an edit's cost).
    """
    from ..events import merge_events

    rows = events.rows
    interval = pd.MultiIndex.from_frame(fresh[["start", "end"]])
    meets = keep & pd.MultiIndex.from_frame(rows[["start", "end"]]).isin(interval)
    group = pd.concat([rows.loc[meets, list(COLUMNS)], fresh[list(COLUMNS)]])
    merged = merge_events(pd.DataFrame(group, copy=False))
    merged.attrs = {}
    merged.index = _ids_by_identity(merged, group)
    among = np.concatenate([np.flatnonzero(keep & ~meets), len(rows) + np.arange(len(merged))])
    rows = in_time_order(pd.concat([rows, with_derived_columns(merged)]), among)
    extracted = extracted if extracted is not None else pd.DataFrame()
    return replace(
        events,
        rows=rows,
        articles={**events.articles, **extracted.attrs.get(ARTICLES, {})},
        errors=(*events.errors, *extracted.attrs.get(ERRORS, [])),
        warnings=(*events.warnings, *extracted.attrs.get(WARNINGS, [])),
        version=events.version + 1,
    )


def in_time_order(rows: pd.DataFrame, among: np.ndarray | None = None) -> pd.DataFrame:
    """The rows (those at positions `among`, when given) by start, then end (missing dates
    last), then row id: the one order of a changed session's rows, so that the rows alone say
    it (the store keeps no list of ids). One take of the rows."""
    among = np.arange(len(rows)) if among is None else among
    start = rows["start"].to_numpy("datetime64[us]")[among]
    end = rows["end"].to_numpy("datetime64[us]")[among]
    ids = rows.index.to_numpy("int64")[among]
    out = rows.take(among[np.lexsort((ids, end, start))])
    out.index.name = "row_id"
    return out


def _ids_by_identity(merged: pd.DataFrame, group: pd.DataFrame) -> pd.Index:
    """The row id of each merged row: the id of the input row it was kept from."""
    ids = pd.Series(group.index, index=pd.MultiIndex.from_frame(group[IDENTITY].astype(object)))
    ids = ids[~ids.index.duplicated()]
    keys = pd.MultiIndex.from_frame(merged[IDENTITY].astype(object))
    return pd.Index(ids.reindex(keys).to_numpy(), name="row_id").astype("int64")


def shown_event(events: Events, row_id: Any) -> pd.Series | None:
    """The row of an event by its id, or None when it is gone (filtered data may be stale)."""
    try:
        key = int(row_id)
    except (TypeError, ValueError):
        return None
    return events.rows.loc[key] if key in events.rows.index else None


def other_reports(events: Events, row: pd.Series) -> list[dict]:
    """The other articles reporting the event of `row`, each with its best-matching sentence."""
    from ..events.clauses import content_words
    from ..text import sentence_spans

    wanted = content_words(str(row.get("event") or ""))
    reports = []
    for doc_id in sources_of(row.get("sources")):
        article = events.articles.get(doc_id)
        if not doc_id or doc_id == row["doc_id"] or article is None:
            continue
        text = article.get("text") or ""
        spans = sentence_spans(text) or [(0, len(text))]
        best = max(spans, key=lambda span: len(wanted & content_words(text[span[0] : span[1]])))
        reports.append({"doc_id": doc_id, **article, "sentence": text[best[0] : best[1]]})
    return reports


def document_options(
    events: Events, search: str | None = None, selected: Sequence = (), limit: int = 100
) -> list[dict]:
    """Articles for the filter's dropdown: the selected ones, then up to `limit` whose title or
    id contains `search` (a dropdown of 20k articles would freeze the page)."""
    titles = {d: (a.get("title") or d) for d, a in events.articles.items()}
    for doc in events.rows["doc_id"].dropna().unique():
        titles.setdefault(str(doc), str(doc))
    wanted = (search or "").strip().lower()
    chosen = [d for d in selected if d in titles]
    matches = (
        d
        for d, t in sorted(titles.items(), key=lambda item: item[1].lower())
        if d not in chosen and (not wanted or wanted in t.lower() or wanted in d.lower())
    )
    found = chosen + list(itertools.islice(matches, limit))
    return [{"label": titles[d], "value": d} for d in found]


def dateline_text(article: dict) -> str:
    """The article's dateline as YYYY-MM-DD for the editor ('' when unknown)."""
    value = article.get("dateline")
    if value is None or value == "" or (isinstance(value, float) and np.isnan(value)):
        return ""
    try:
        return pd.Timestamp(value).date().isoformat()
    except (TypeError, ValueError):
        return str(value)


def view_rows(rows: pd.DataFrame, filters: Filters, grid_model: dict | None = None) -> pd.DataFrame:
    """The rows the view shows: the filter bar's filters, then the table's own column filters
    (so a column filter changes the chart, the list and the counts too)."""
    shown = filtered(rows, filters)
    return grid_filtered(shown, grid_model) if grid_model else shown
