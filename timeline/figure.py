"""The timeline as a Plotly figure, built from an events frame (pure: shared by the app and export).

Time runs along x; one lane per document, source, type or granularity on y. Day- and time-level
events are markers; anything longer (week, month, quarter, year ...) is a horizontal bar from
`start` to `end`, with a tick in its middle that carries the hover and the click. Events
reported by several sources are drawn larger, as diamonds, in the accent colour; events with no
date of their own (put on the day their article reported them) are hollow. Rows without an
interval (durations, sets, vague references) have no place on a time axis and are left out.

Every marker trace carries the frame's index labels as `customdata` (a dense marker, or a range
tick standing for several events over the same dates, a list of them), so a click maps back to
its rows. x values are milliseconds since 1970. Numeric arrays travel as
compact binary (base64) arrays, so 100k events stay a few MB; in the browser read them from
`gd._fullData` (decoded), not from the figure JSON.
"""

from __future__ import annotations

import functools
import html
from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd
import plotly.graph_objects as go

LANES = {
    "none": "One axis",
    "source": "Source",
    "entity": "Entity",
    "type": "Type",
    "granularity": "Granularity",
    "document": "Article",
}
PLOT_COLUMNS = ("_x", "_range", "_date", "_hover")  # derived once per frame by `with_plot_columns`
ENTITY_COLUMN = "_entities"  # the names each row's headline holds (the dashboard derives it)
DRAWN_COLUMNS = (  # what the figure reads: each subset of rows it takes copies only these
    *PLOT_COLUMNS,
    *("start", "end", "n_sources", "granularity", "event", "sentence", "expression", "dated_by"),
    *("doc_id", "title", "source", "timex_type", ENTITY_COLUMN),  # the lanes
)
TRACE_COLUMNS = ("_x", "_range", "_date", "start", "end", "n_sources", "dated_by")
HOVER_COLUMNS = ("_hover", "event", "sentence", "expression")  # for the hover labels
GL_THRESHOLD = 2000  # above this many plotted events the markers use WebGL (Scattergl)
HOVER_TEXT_LIMIT = 20_000  # above this many, hover labels are left to the app's tooltip
MAX_LANES = 40  # more lanes than this fold the smallest into one "other" lane
DENSE_FROM = 2  # events of one lane in one bin (a day, zoomed in) drawn as one marker with a count
DENSE_BINS = ((120, "day"), (2 * 365, "week"), (20 * 365, "month"), (None, "year"))  # by span
WINDOW_SHARE = 0.02  # the default window leaves out this share of events at either end
DAY_MS = 86_400_000

COLOR_SINGLE = "#2f6fb0"
COLOR_MERGED = "#d9730d"
COLOR_SELECTED = "#111827"
RANGE_SINGLE = "rgba(47, 111, 176, 0.4)"
RANGE_MERGED = "rgba(217, 115, 13, 0.55)"
FONT = "Inter, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif"
THEMES = {  # the chart's colours in the page's light and dark schemes
    "light": {"ink": "#1f2937", "grid": "#eef0f3", "lane": "#f3f4f6", "ring": COLOR_SELECTED,
              "label": "#ffffff", "hover": "#ffffff", "muted": "#6b7280"},
    "dark": {"ink": "#e5e7eb", "grid": "#2b3340", "lane": "#242b36", "ring": "#f9fafb",
             "label": "#111827", "hover": "#1f2937", "muted": "#9ca3af"},
}  # fmt: skip

# The label Plotly puts on date ticks, by how far the view is zoomed in (readable at every zoom).
TICKFORMATSTOPS = [
    {"dtickrange": [None, 3_600_000], "value": "%H:%M\n%-d %b %Y"},
    {"dtickrange": [3_600_000, 86_399_999], "value": "%H:%M\n%-d %b %Y"},  # day ticks: no 00:00
    {"dtickrange": [86_400_000, 604_800_000], "value": "%a %-d %b\n%Y"},
    {"dtickrange": [604_800_000, "M1"], "value": "%-d %b\n%Y"},
    {"dtickrange": ["M1", "M12"], "value": "%b\n%Y"},
    {"dtickrange": ["M12", None], "value": "%Y"},
]


def timeline_figure(
    frame: pd.DataFrame, lanes: str = "source", selected: Sequence = (), **options: Any
) -> go.Figure:
    """The events of `frame` on a time axis, one lane per `lanes` value, `selected` rows ringed:
    `chart_data` (which says how, and takes the same keyword `options`) as a Plotly Figure,
    built without per-value validation."""
    return go.Figure(chart_data(frame, lanes, selected, **options), _validate=False)


def chart_data(
    frame: pd.DataFrame,
    lanes: str = "source",
    selected: Sequence = (),
    *,
    height: int | None = None,
    title: str | None = None,
    max_lanes: int = MAX_LANES,
    gl: bool | None = None,
    hover_text: bool | None = None,
    empty_message: str | None = None,
    legend: bool = True,
    dense: bool = True,
    window: bool | Sequence[float] = True,
    theme: str = "light",
) -> dict:
    """`timeline_figure` as plain data ({"data": traces, "layout": layout}), what the dashboard
    sends as it is: a Plotly Figure deep-copies its arrays, a third of the time at 100k events.

    The events of `frame` on a time axis, one lane per `lanes` value, `selected` rows ringed.

    `selected` holds index labels of `frame`. `window`: the axis opens on where the events are
    (`default_window`), an outlier centuries away left to "all"; or on the [start, end] (ms)
    given. `dense`: the events of one lane in one bin are one marker with their count (its
    `customdata` lists their labels): a day when the window spans months, a week, a month or a
    year as it widens (`bin_days_for`), so the markers never pile up. `gl`
    forces (or forbids) WebGL markers; by default they are used above GL_THRESHOLD events.
    `hover_text=False` leaves the hover labels out (the app then shows its own tooltip, so 100k
    events don't ship 100k labels); by default they are kept up to HOVER_TEXT_LIMIT events.
    `empty_message` is what a chart with no dated event says; `legend=False` leaves the legend
    to the page around the chart. The figure is built without Plotly's per-value validation
    (its arrays are ours and valid): 100k events in tens of milliseconds, not a second.
    """
    if lanes not in LANES:
        raise ValueError(f"unknown lanes '{lanes}' (use one of: {', '.join(LANES)})")
    colors = THEMES.get(theme, THEMES["light"])
    plotted = plotted_rows(frame)
    if plotted.empty:
        return empty_data(empty_message or "No dated events", height=height, theme=theme)
    plotted, y, lane_names = lane_rows(plotted, lanes, max_lanes)
    use_gl = len(plotted) > GL_THRESHOLD if gl is None else gl
    hover = len(plotted) <= HOVER_TEXT_LIMIT if hover_text is None else hover_text
    kept = TRACE_COLUMNS + (HOVER_COLUMNS if hover else ())  # the traces' subsets copy these
    plotted = plotted[[c for c in kept if c in plotted.columns]]
    merged = plotted["n_sources"].to_numpy() > 1
    is_range = plotted["_range"].to_numpy(dtype=bool)
    shown = list(window) if isinstance(window, list | tuple) else default_window(plotted)
    unit = dense_unit(shown)
    grouped = dense_days(plotted, y, unit) if dense else np.zeros(len(plotted), dtype=bool)

    ring = selection_ring(plotted, lanes, selected, max_lanes, y, grouped, unit)
    traces = [_selected_trace(ring, use_gl, colors)]
    for many in (False, True):
        rows = is_range & (merged == many)
        traces.append(_range_bars(plotted[rows], y[rows], many, use_gl))
        traces.append(_range_ticks(plotted[rows], y[rows], many, use_gl, hover, dense))
        rows = ~is_range & (merged == many) & ~grouped
        traces.append(_markers(plotted[rows], y[rows], many, False, use_gl, hover))
    widest = _marker_room(shown, unit)
    traces.append(_bin_counts(plotted[grouped], y[grouped], unit, use_gl, hover, colors, widest))

    layout = _layout(lane_names, lanes, height, title, colors)
    layout["meta"] = {"dense_unit": unit}
    if window is not False:
        layout["xaxis"]["range"] = shown
    layout["showlegend"] = legend
    if not legend:
        layout["margin"]["t"] = 40 if title else 12
    return {"data": traces, "layout": layout}


def default_window(plotted: pd.DataFrame) -> list[float]:
    """The x range (ms) the chart opens on: from the WINDOW_SHARE quantile of the events' times
    to the (1 - WINDOW_SHARE) one, a margin added, so one "11th century" among news of 2020
    does not squeeze the news into a sliver; at least a week wide."""
    x = epoch_ms(plotted["_x"])
    x = x[~np.isnan(x)]
    if len(x) == 0:
        return []
    share = WINDOW_SHARE if len(x) >= 1 / WINDOW_SHARE else 0.0
    low, high = np.quantile(x, [share, 1 - share])
    low = min(low, x.min() if share == 0 else low)
    span = max(high - low, 7 * DAY_MS)
    middle = (low + high) / 2
    pad = span * 0.55
    return [float(middle - pad), float(middle + pad + DAY_MS)]


def dense_unit(window: Sequence[float]) -> str:
    """The calendar unit one dense marker stands for in a window of this span (ms): a day up to
    four months, then a week, a month, a year."""
    span = (window[1] - window[0]) / DAY_MS if len(window) == 2 else 0
    return next(unit for limit, unit in DENSE_BINS if limit is None or span <= limit)


def dense_days(plotted: pd.DataFrame, y: np.ndarray, unit: str = "day") -> np.ndarray:
    """Which point events share their lane and calendar `unit` (a day, by default) with
    DENSE_FROM - 1 others or more (drawn as one marker with the count)."""
    points = ~plotted["_range"].to_numpy(dtype=bool)
    binned = calendar_bins(epoch_ms(plotted["_x"]), unit)
    key = pd.DataFrame({"lane": np.round(y, 3), "bin": binned})
    size = key.groupby(["lane", "bin"], sort=False)["bin"].transform("size").to_numpy()
    return points & (size >= DENSE_FROM) & ~np.isnan(binned)


_UNIT_CODES = {"day": "D", "month": "M", "year": "Y"}


def calendar_bins(x_ms: np.ndarray, unit: str) -> np.ndarray:
    """The calendar day, week (from a Monday), month or year of each time (ms), counted from
    1970 (NaN for a missing time)."""
    out = np.full(len(x_ms), np.nan)
    known = ~np.isnan(x_ms)
    times = x_ms[known].astype("int64").astype("datetime64[ms]")
    if unit == "week":  # 1970-01-01 was a Thursday
        out[known] = (times.astype("datetime64[D]").astype("int64") + 3) // 7
    else:
        out[known] = times.astype(f"datetime64[{_UNIT_CODES[unit]}]").astype("int64")
    return out


def bin_start_ms(bins: np.ndarray, unit: str) -> np.ndarray:
    """The first instant (ms) of each calendar bin of `calendar_bins`."""
    counts = np.asarray(bins, dtype="int64")
    if unit == "week":
        starts = (counts * 7 - 3).astype("datetime64[D]")
    else:
        starts = counts.astype(f"datetime64[{_UNIT_CODES[unit]}]")
    return starts.astype("datetime64[ms]").astype("int64").astype("float64")


def selection_ring(
    frame: pd.DataFrame,
    lanes: str,
    selected: Sequence,
    max_lanes: int = MAX_LANES,
    positions: np.ndarray | None = None,
    grouped: np.ndarray | None = None,
    unit: str = "day",
) -> dict:
    """x, y and customdata of the rings around `selected` rows, where `timeline_figure` draws them
    (a row counted in a dense day: around that day's marker).

    The app patches trace 0 with this when only the selection changes.
    """
    if positions is None:
        plotted, positions, _ = lane_rows(plotted_rows(frame), lanes, max_lanes)
        grouped = dense_days(plotted, positions, unit)
    else:
        plotted = frame
    if len(selected) == 0 or plotted.empty:
        return {"x": [], "y": [], "customdata": []}
    mask = plotted.index.isin(list(selected))
    x = epoch_ms(plotted["_x"])
    if grouped is not None:
        bins = calendar_bins(x, unit)
        x = np.where(grouped, bin_start_ms(np.nan_to_num(bins), unit), x)
    return {
        "x": x[mask],
        "y": positions[mask].astype("float32"),
        "customdata": plotted.index.to_numpy()[mask],
    }


def lane_rows(plotted: pd.DataFrame, lanes: str, max_lanes: int = MAX_LANES) -> tuple:
    """The plotted rows as drawn (with entity lanes, a row once per entity it names), each one's
    y (its lane; ranges just below, staggered) and the lane names."""
    if lanes == "entity":
        plotted = _by_entity(plotted)
    return (plotted, *row_positions(plotted, lanes, max_lanes))


def row_positions(plotted: pd.DataFrame, lanes: str, max_lanes: int = MAX_LANES) -> tuple:
    """Each plotted row's y (its lane; ranges just below, staggered) and the lane names."""
    lane_of, lane_names = lane_positions(plotted, lanes, max_lanes)
    y = lane_of.astype("float64")
    is_range = plotted["_range"].to_numpy(dtype=bool)
    if is_range.any():
        ranges = pd.DataFrame(
            {
                "lane": lane_of[is_range],
                "start": epoch_ms(plotted["start"][is_range]),
                "end": epoch_ms(plotted["end"][is_range]),
            }
        )
        # the same interval in one lane is one bar; different ones are staggered over 3 rows
        distinct = ranges.drop_duplicates()
        distinct = distinct.assign(row=distinct.groupby("lane").cumcount() % 3)
        row = ranges.merge(distinct, on=["lane", "start", "end"], how="left")["row"]
        y[is_range] += 0.22 + 0.14 * row.to_numpy()
    return y, lane_names


def _by_entity(plotted: pd.DataFrame) -> pd.DataFrame:
    """A row per (event, entity it names); "no name" for an event that names none."""
    names = plotted[ENTITY_COLUMN] if ENTITY_COLUMN in plotted else None
    lists = [list(v) if isinstance(v, list | tuple | np.ndarray) and len(v) else ["no name"]
             for v in (names if names is not None else [None] * len(plotted))]  # fmt: skip
    counts = np.fromiter((len(v) for v in lists), int, len(lists))
    out = plotted.iloc[np.repeat(np.arange(len(plotted)), counts)].copy()
    out["_lane"] = pd.array([name for v in lists for name in v], dtype="string")
    return out


def plotted_rows(frame: pd.DataFrame) -> pd.DataFrame:
    """The rows that have a place on the time axis: the columns the figure draws from."""
    plotted = with_plot_columns(_rows_only(frame))
    plotted = plotted[[c for c in DRAWN_COLUMNS if c in plotted.columns]]
    placed = plotted["_x"].notna().to_numpy()
    return plotted if placed.all() else plotted[placed]


def with_plot_columns(frame: pd.DataFrame) -> pd.DataFrame:
    """The frame with the derived columns the figure draws from (`_x`, `_range`, `_date`, `_hover`).

    Computed once per frame (the app keeps the result); a frame that has them is returned as is.
    """
    if all(col in frame.columns for col in PLOT_COLUMNS):
        return frame
    out = _rows_only(frame).copy()
    start = pd.to_datetime(out["start"], errors="coerce")
    end = pd.to_datetime(out["end"], errors="coerce")
    longer_than_day = (end - start) > pd.Timedelta(days=1)
    out["_range"] = longer_than_day.fillna(False).astype(bool)
    midpoint = start + (end - start) / 2
    out["_x"] = start.where(~out["_range"], midpoint)
    out["_date"] = date_labels(start, end, out["granularity"])
    out["_hover"] = hover_texts(out, out["_date"])
    out.attrs = dict(frame.attrs)
    return out


def hover_texts(frame: pd.DataFrame, label: pd.Series) -> pd.Series:
    """Hover labels: the date in words, the headline, the source and the expression (escaped)."""
    headline = _escaped(_shortened(_headlines(frame), 110))
    source = _escaped(_shortened(_first_filled(frame, ["source", "doc_id"]), 60))
    expression = _escaped(frame["expression"].astype("string").fillna(""))
    n = frame["n_sources"].fillna(1).astype("int64")
    more = pd.Series(np.where(n > 1, " · " + n.astype(str) + " sources", ""), index=frame.index)
    how = pd.Series(
        np.where(reported(frame), "reported that day, no date of its own", "“" + expression + "”"),
        index=frame.index,
    )
    return "<b>" + label + "</b><br>" + headline + "<br>" + source + more + " · " + how


def reported(frame: pd.DataFrame) -> np.ndarray:
    """Which rows have no date of their own (put on the day their article reported them)."""
    if "dated_by" not in frame:
        return np.zeros(len(frame), dtype=bool)
    return (frame["dated_by"].astype("string") == "reported").fillna(False).to_numpy(bool)


def date_labels(start: pd.Series, end: pd.Series, granularity: pd.Series) -> pd.Series:
    """The interval [start, end) in words at its own granularity: "Fri 3 Jan 2020", "Q4 2019"."""
    start = pd.to_datetime(start)
    end = pd.to_datetime(end)
    gran = granularity.astype("string").fillna("").str.lower().to_numpy()
    days = (end - start).dt.days.to_numpy()
    first_of_month = start.dt.day.to_numpy() == 1
    first_of_year = first_of_month & (start.dt.month.to_numpy() == 1)
    kinds = [
        ("time", gran == "time"),
        ("day", days <= 1),
        ("week", gran == "week"),
        ("month", (gran == "month") | ((days >= 28) & (days <= 31) & first_of_month)),
        ("quarter", gran == "quarter"),
        ("half", gran == "half"),
        ("year", (gran == "year") | ((days >= 365) & (days <= 366) & first_of_year)),
        ("decade", gran == "decade"),
    ]
    labels = np.full(len(start), "", dtype=object)
    todo = start.notna().to_numpy().copy()
    for kind, mask in kinds:
        rows = todo & mask
        if rows.any():
            labels[rows] = _label_of(kind, start[rows], end[rows]).to_numpy(dtype=object)
            todo &= ~rows
    if todo.any():
        labels[todo] = _label_of("span", start[todo], end[todo]).to_numpy(dtype=object)
    labels[~start.notna().to_numpy()] = "undated"
    return pd.Series(labels, index=start.index, dtype="string")


def _label_of(kind: str, start: pd.Series, end: pd.Series) -> pd.Series:
    """Date labels of one kind of interval (all rows of `start` are that kind)."""
    day = start.dt.day.astype(str)
    if kind == "time":
        return day + start.dt.strftime(" %b %Y, %H:%M")
    if kind == "day":
        return start.dt.strftime("%a ") + day + start.dt.strftime(" %b %Y")
    if kind == "week":
        return "week of " + day + start.dt.strftime(" %b %Y")
    if kind == "month":
        return start.dt.strftime("%B %Y")
    if kind == "quarter":
        return "Q" + start.dt.quarter.astype(str) + " " + start.dt.year.astype(str)
    if kind == "half":
        return "H" + (1 + (start.dt.month > 6)).astype(str) + " " + start.dt.year.astype(str)
    if kind == "year":
        return start.dt.year.astype(str)
    if kind == "decade":
        return "the " + start.dt.year.astype(str) + "s"
    last = end - pd.Timedelta(microseconds=1)
    return start.dt.strftime("%d %b %Y") + " – " + last.dt.strftime("%d %b %Y")


def lane_positions(frame: pd.DataFrame, lanes: str, max_lanes: int = MAX_LANES) -> tuple:
    """Each row's lane number and the lane names (busiest first; the tail folded into "other")."""
    codes, names = _lane_codes(frame, lanes)
    counts = np.bincount(codes, minlength=len(names))
    order = np.argsort(-counts, kind="stable")  # ties keep their first appearance
    rank = np.empty_like(order)
    rank[order] = np.arange(len(order))
    ordered = [names[i] for i in order]
    if len(ordered) > max_lanes:
        kept = max_lanes - 1
        ordered = [*ordered[:kept], f"{len(ordered) - kept} other {LANES[lanes].lower()}s"]
        rank = np.minimum(rank, kept)
    return rank[codes].astype("int64"), ordered


OVERVIEW_HEIGHT = 84
BIN_UNITS = (  # the bins of the overview, by the span of the events: at most a few hundred bars
    (120, "day"),
    (3 * 365, "week"),
    (40 * 365, "month"),
    (None, "year"),
)


def overview_figure(
    frame: pd.DataFrame, window: Sequence[float] | None = None, theme: str = "light"
) -> go.Figure:
    """The density of events over their whole range, a bar per day, week, month or year as the
    range asks, with the detail chart's `window` (ms) shaded: drag across it to choose another
    window (its `selectedData` range). Built without validation, as `timeline_figure` is."""
    colors = THEMES.get(theme, THEMES["light"])
    x = epoch_ms(plotted_rows(frame)["_x"]) if len(frame) else np.array([])
    x = x[~np.isnan(x)]
    if len(x) == 0:
        return empty_figure("", height=OVERVIEW_HEIGHT, theme=theme)
    starts, counts, unit = density(x)
    bins = np.append(starts, _next_bin(starts[-1:], unit))
    layout = {
        "height": OVERVIEW_HEIGHT,
        "margin": {"l": 10, "r": 36, "t": 4, "b": 22},
        "paper_bgcolor": "rgba(0,0,0,0)",
        "plot_bgcolor": "rgba(0,0,0,0)",
        "font": {"family": FONT, "size": 11, "color": colors["muted"]},
        "dragmode": "select",
        "selectdirection": "h",
        "bargap": 0.05,
        "showlegend": False,
        "hovermode": "x",
        "xaxis": {"type": "date", "showgrid": False, "fixedrange": True,
                  "range": [float(bins[0]), float(bins[-1])], "linecolor": colors["grid"]},
        "yaxis": {"visible": False, "fixedrange": True},
        "shapes": [window_shape(window, theme)] if window else [],
        "uirevision": "overview",
    }  # fmt: skip
    bar = {
        "type": "bar",
        "x": starts + np.diff(bins) / 2,
        "y": counts,
        "width": np.diff(bins) * 0.9,
        "marker": {"color": COLOR_SINGLE},
        "hovertemplate": f"%{{y}} events, %{{x|{_UNIT_FORMAT[unit]}}}<extra></extra>",
        "name": f"events per {unit}",
    }
    return go.Figure(data=[bar], layout=layout, _validate=False)


_UNIT_FORMAT = {"day": "%-d %b %Y", "week": "week of %-d %b %Y", "month": "%b %Y", "year": "%Y"}


def density(x_ms: np.ndarray) -> tuple[np.ndarray, np.ndarray, str]:
    """Bin starts (ms), event counts and the bin unit of event times `x_ms`: the calendar unit
    that keeps their whole span to a few hundred bins."""
    span_days = (x_ms.max() - x_ms.min()) / DAY_MS
    unit = next(u for limit, u in BIN_UNITS if limit is None or span_days <= limit)
    bins, counts = np.unique(calendar_bins(x_ms, unit).astype("int64"), return_counts=True)
    return bin_start_ms(bins, unit), counts, unit


def _next_bin(starts: np.ndarray, unit: str) -> np.ndarray:
    """The start of the bin after each of `starts` (ms)."""
    return bin_start_ms(calendar_bins(starts, unit) + 1, unit)


def window_shape(window: Sequence[float], theme: str = "light") -> dict:
    """The shaded band of the detail chart's window on the overview."""
    return {
        "type": "rect",
        "xref": "x",
        "yref": "paper",
        "x0": window[0],
        "x1": window[1],
        "y0": 0,
        "y1": 1,
        "fillcolor": "rgba(47, 111, 176, 0.12)",
        "line": {"color": COLOR_SINGLE, "width": 1},
        "layer": "below",
    }


def empty_figure(message: str, height: int | None = None, theme: str = "light") -> go.Figure:
    """A blank chart that says why it is blank (the empty state)."""
    return go.Figure(empty_data(message, height, theme), _validate=False)


def empty_data(message: str, height: int | None = None, theme: str = "light") -> dict:
    """`empty_figure` as plain data."""
    colors = THEMES.get(theme, THEMES["light"])
    layout = {
        "height": height or 360,
        "template": white_template(),
        "paper_bgcolor": "rgba(0,0,0,0)",
        "plot_bgcolor": "rgba(0,0,0,0)",
        "font": {"family": FONT, "size": 13, "color": colors["ink"]},
        "xaxis": {"visible": False},
        "yaxis": {"visible": False},
        "margin": {"l": 20, "r": 20, "t": 20, "b": 20},
        "annotations": [
            {
                "text": message,
                "showarrow": False,
                "font": {"size": 18, "color": colors["muted"]},
                "xref": "paper",
                "yref": "paper",
                "x": 0.5,
                "y": 0.5,
            }
        ],
    }
    return {"data": [], "layout": layout}


def _rows_only(frame: pd.DataFrame) -> pd.DataFrame:
    """The frame's rows without its attrs: pandas deep-copies attrs (every article's text) on
    each operation, which would dominate the cost of drawing a large frame."""
    return pd.DataFrame(frame, copy=False) if frame.attrs else frame


def epoch_ms(times: pd.Series) -> np.ndarray:
    """Datetimes as milliseconds since 1970 (NaN for missing): what a Plotly date axis reads
    fastest, sent as a compact binary array instead of 100k date strings."""
    values = pd.to_datetime(times).astype("datetime64[ms]")  # ms reach years 1000-9999
    ms = values.to_numpy().astype("int64").astype("float64")
    ms[values.isna().to_numpy()] = np.nan
    return ms


def _lane_codes(frame: pd.DataFrame, lanes: str) -> tuple[np.ndarray, list[str]]:
    """Each row's lane code and the lane names (work on codes: 100k strings are slow)."""
    if lanes == "document":
        codes, docs = pd.factorize(frame["doc_id"].astype("string").fillna(""))
        first = np.unique(codes, return_index=True)[1]
        heads = frame.iloc[first]
        titles = _shortened(_first_filled(heads, ["title", "doc_id"]), 48).tolist()
        repeated = pd.Series(titles).duplicated(keep=False).tolist()
        # titles can repeat across articles: keep those apart by doc_id
        names = [
            f"{t} ({_tail(str(d), 16)})" if rep else t
            for t, d, rep in zip(titles, docs, repeated, strict=True)
        ]
        return codes, names
    if lanes == "none":
        return np.zeros(len(frame), dtype="int64"), ["all events"]
    column = {"source": "source", "type": "timex_type", "granularity": "granularity"}.get(
        lanes, "_lane"
    )
    values = frame[column].astype("string").fillna("").replace("", "unknown")
    codes, uniques = pd.factorize(values)
    return codes, [str(u) for u in uniques]


def _tail(text: str, limit: int) -> str:
    """The end of `text`, at most `limit` characters (ids differ at their end)."""
    return text if len(text) <= limit else "…" + text[-(limit - 1) :]


def _first_filled(frame: pd.DataFrame, columns: list[str]) -> pd.Series:
    out = frame[columns[0]].astype("string")
    for col in columns[1:]:
        out = out.mask(out.isna() | out.eq(""), frame[col].astype("string"))
    return out.fillna("")


def _headlines(frame: pd.DataFrame) -> pd.Series:
    return _first_filled(frame, ["event", "sentence", "expression"])


def _shortened(text: pd.Series, limit: int) -> pd.Series:
    text = text.astype("string").fillna("")
    long = text.str.len() > limit
    return text.where(~long, text.str.slice(0, limit - 1).str.rstrip() + "…")


def _escaped(text: pd.Series) -> pd.Series:
    """Article text made inert for Plotly's hover labels, which understand a little HTML."""
    text = text.astype("string").fillna("")
    for raw, safe in (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;")):
        text = text.str.replace(raw, safe, regex=False)
    return text


def _range_bars(rows: pd.DataFrame, y: np.ndarray, merged: bool, use_gl: bool) -> dict:
    """The ranges as horizontal bars from start to end: one line trace, one segment per distinct
    (lane, start, end) (100k events have few), segments split by NaN gaps."""
    bars = pd.DataFrame({"y": y, "start": epoch_ms(rows["start"]), "end": epoch_ms(rows["end"])})
    bars = bars.drop_duplicates()
    xs = np.full(3 * len(bars), np.nan)
    xs[0::3] = bars["start"].to_numpy()
    xs[1::3] = bars["end"].to_numpy()
    ys = np.full(3 * len(bars), np.nan, dtype="float32")
    ys[0::3] = bars["y"].to_numpy()
    ys[1::3] = bars["y"].to_numpy()
    return {
        "type": "scattergl" if use_gl else "scatter",
        "x": xs,
        "y": ys,
        "mode": "lines",
        "line": {"width": 7 if merged else 5, "color": RANGE_MERGED if merged else RANGE_SINGLE},
        "hoverinfo": "skip",
        "connectgaps": False,
        "showlegend": False,
        "name": "ranges, several sources" if merged else "ranges",
    }


def _markers(
    rows: pd.DataFrame, y: np.ndarray, merged: bool, ranges: bool, use_gl: bool, hover: bool
) -> dict:
    """Point events, or the ticks in the middle of ranges (they carry hover and click)."""
    color = COLOR_MERGED if merged else COLOR_SINGLE
    if ranges:
        name = "range, several sources" if merged else "range (month, year…)"
        symbol: object = "line-ns-open"
        size = 14 if merged else 11
        line = {"width": 3, "color": color}
    else:
        name = "several sources" if merged else "one source"
        shape = "diamond" if merged else "circle"
        symbol = np.where(reported(rows), shape + "-open", shape)  # hollow: no date of its own
        size = 15 if merged else 10
        line = {"width": 1.5 if merged else 1, "color": "#ffffff"}
    trace = {
        "type": "scattergl" if use_gl else "scatter",
        "x": epoch_ms(rows["_x"]),
        "y": y.astype("float32"),
        "customdata": rows.index.to_numpy(),
        "mode": "markers",
        "marker": {"size": size, "symbol": symbol, "color": color, "line": line, "opacity": 0.9},
        "name": name,
        "legendgroup": "merged" if merged else "single",
        "showlegend": len(rows) > 0,
    }
    return {**trace, **_hover_of(rows["_hover"].to_numpy(dtype=object) if hover else None)}


def _range_ticks(
    rows: pd.DataFrame, y: np.ndarray, merged: bool, use_gl: bool, hover: bool, fold: bool
) -> dict:
    """The ticks in the middle of ranges. Folded (`fold`): one tick per interval of a lane, its
    `customdata` the list of its events' labels (a click lists them), as a dense marker's: 10,228
    ranges of a 100k-event search drew 10,228 ticks on 536 places."""
    if not fold or rows.empty:
        return _markers(rows, y, merged, True, use_gl, hover)
    key = pd.DataFrame({"y": y, "start": epoch_ms(rows["start"]), "end": epoch_ms(rows["end"])})
    group = key.groupby(["y", "start", "end"], sort=False).ngroup().to_numpy()
    order = np.argsort(group, kind="stable")
    starts = np.flatnonzero(np.r_[True, np.diff(group[order]) != 0])
    members = np.split(order, starts[1:])
    first = order[starts]
    trace = _markers(rows.iloc[first], y[first], merged, True, use_gl, hover)
    labels = rows.index.to_numpy()
    trace["customdata"] = [labels[m].tolist() for m in members]
    if hover:
        more = [f"<br>… and {len(m) - 1} more over the same dates" if len(m) > 1 else ""
                for m in members]  # fmt: skip
        trace["hovertext"] = [
            text + extra for text, extra in zip(trace["hovertext"], more, strict=True)
        ]
    return trace


def _hover_of(labels: np.ndarray | list | None) -> dict:
    """A trace's hover: its own labels, or none (the app's tooltip answers instead)."""
    if labels is None:
        return {"hoverinfo": "none"}
    return {"hovertext": labels, "hovertemplate": "%{hovertext}<extra></extra>"}


PLOT_WIDTH = 1000  # px a chart's plot area is about wide (the markers of a bin must fit in it)
UNIT_DAYS = {"day": 1, "week": 7, "month": 30.4, "year": 365.25}


def _marker_room(window: Sequence[float], unit: str) -> float:
    """The widest a dense marker may be drawn (px): about one bin of the window, 14 at least,
    so neighbouring bins never cover each other."""
    if len(window) != 2:
        return 40.0
    bin_px = PLOT_WIDTH * UNIT_DAYS[unit] * DAY_MS / max(window[1] - window[0], DAY_MS)
    return float(min(40.0, max(14.0, 0.95 * bin_px)))


def _bin_counts(
    rows: pd.DataFrame,
    y: np.ndarray,
    unit: str,
    use_gl: bool,
    hover: bool,
    colors: dict,
    widest: float = 40.0,
) -> dict:
    """The dense bins: one marker per (lane, bin) with its number of events written in it, its
    `customdata` the list of their labels (a click lists them); ringed in orange when one of
    them was merged from several articles. Bigger for more events, never wider than `widest`."""
    binned = calendar_bins(epoch_ms(rows["_x"]), unit)
    key = pd.DataFrame({"lane": np.round(y, 3), "bin": binned, "row": np.arange(len(rows))})
    order = key.sort_values(["lane", "bin", "row"], kind="stable")
    if len(order):
        change = (np.diff(order["lane"]) != 0) | (np.diff(order["bin"]) != 0)
        starts = np.flatnonzero(np.r_[True, change])
    else:
        starts = np.array([], dtype=int)
    members = np.split(order["row"].to_numpy(), starts[1:]) if len(order) else []
    labels = rows.index.to_numpy()
    merged = rows["n_sources"].to_numpy() > 1
    counts = np.array([len(m) for m in members])
    first_bins = order["bin"].to_numpy()[starts] if len(starts) else np.array([])
    trace = {
        "type": "scattergl" if use_gl else "scatter",
        "x": bin_start_ms(first_bins, unit),
        "y": order["lane"].to_numpy()[starts].astype("float32"),
        "customdata": [labels[m].tolist() for m in members],
        "mode": "markers+text",
        "text": counts.astype(str),
        "textposition": "middle center",
        "textfont": {"size": 10, "color": colors["label"], "family": FONT},
        "marker": {
            "size": np.minimum(14 + 4 * np.log2(np.maximum(counts, 1)), widest).round(1),
            "symbol": "circle",
            "color": COLOR_SINGLE,
            "line": {
                "width": [2.5 if merged[m].any() else 1 for m in members],
                "color": [COLOR_MERGED if merged[m].any() else "#ffffff" for m in members],
            },
            "opacity": 0.95,
        },
        "name": f"several events that {unit}",
        "showlegend": bool(len(members)),
    }
    if not hover:
        return {**trace, **_hover_of(None)}
    headlines = _escaped(_shortened(_headlines(rows), 80)).to_numpy(dtype=object)
    dates = rows["_date"].astype("string").fillna("").to_numpy(dtype=object)
    starts_ms = epoch_ms(rows["start"])
    texts = []
    for m in members:
        by_time = m[np.argsort(starts_ms[m], kind="stable")]
        first, last = dates[by_time[0]], dates[by_time[-1]]
        when = first if first == last else f"{first} – {last}"
        texts.append(
            f"<b>{when}</b> · {len(m)} events<br>"
            + "<br>".join(headlines[by_time[:5]])
            + (f"<br>… and {len(m) - 5} more" if len(m) > 5 else "")
        )
    return {**trace, **_hover_of(texts)}


def _selected_trace(ring: dict, use_gl: bool, colors: dict) -> dict:
    """Rings behind the selected events; always trace 0, so the app can patch just this one."""
    return {
        "type": "scattergl" if use_gl else "scatter",
        **ring,
        "mode": "markers",
        "marker": {
            "size": 24,
            "symbol": "circle-open",
            "color": colors["ring"],
            "line": {"width": 3, "color": colors["ring"]},
        },
        "hoverinfo": "skip",
        "name": "selected",
        "showlegend": False,
    }


@functools.cache
def white_template() -> dict:
    """Plotly's "plotly_white" template as plain data (a figure built without validation keeps
    what it is given, and a template's name is resolved only by validation)."""
    import plotly.io as pio

    return pio.templates["plotly_white"].to_plotly_json()


def _layout(
    lane_names: list[str], lanes: str, height: int | None, title: str | None, colors: dict
) -> dict:
    n = len(lane_names)
    return {
        "template": white_template(),
        "paper_bgcolor": "rgba(0,0,0,0)",
        "plot_bgcolor": "rgba(0,0,0,0)",
        "height": height or max(260, min(900, 150 + 40 * n)),
        "title": {"text": html.escape(title, quote=False), "x": 0.01} if title else None,
        "font": {"family": FONT, "size": 13, "color": colors["ink"]},
        "margin": {"l": 10, "r": 36, "t": 64 if title else 44, "b": 34},
        "hovermode": "closest",
        "hoverlabel": {
            "bgcolor": colors["hover"],
            "font": {"family": FONT, "size": 13, "color": colors["ink"]},
            "align": "left",
        },
        "dragmode": "zoom",
        "clickmode": "event",
        "uirevision": lanes,
        "legend": {"orientation": "h", "yanchor": "bottom", "y": 1.02, "x": 0, "xanchor": "left"},
        "modebar": {"orientation": "v"},
        "xaxis": {
            "type": "date",
            "tickformatstops": TICKFORMATSTOPS,
            "showgrid": True,
            "gridcolor": colors["grid"],
            "linecolor": colors["grid"],
            "side": "top" if n > 8 else "bottom",  # a tall chart keeps its dates in view
        },
        "yaxis": {
            "tickmode": "array",
            "tickvals": list(range(n)),
            "ticktext": [html.escape(str(name), quote=False) for name in lane_names],
            "range": [n - 0.3, -0.7],
            "fixedrange": True,
            "showgrid": True,
            "gridcolor": colors["lane"],
            "zeroline": False,
            "automargin": True,
            "visible": lanes != "none",
        },
    }


# --- the public builder: timeline.figure ---------------------------------------------------------
LANE_COLUMNS = {"doc_id": "document", "timex_type": "type"}  # column names that name a lane kind


def figure(
    frame: pd.DataFrame,
    lanes: str = "document",
    color: str | None = None,
    hover_data: Sequence[str] | None = None,
    *,
    title: str | None = None,
    height: int | None = None,
    dense: bool = False,
) -> go.Figure:
    """The timeline of an events frame as a Plotly figure, in the Plotly Express style, with the
    dashboard's defaults (one lane per document; merged events as orange diamonds; the window
    where the events are). One marker per event, unless `dense` (the dashboard's: a day's
    events of one lane as one marker with their count; not with `color` or `hover_data`).

    `lanes`: "document", "source", "type" or "granularity" (or the column: "doc_id",
    "timex_type"). `color`: a column whose values colour the events (one legend entry each);
    `hover_data`: columns added to each event's hover label. Any frame a writer wrote and
    `read_events` or pandas read back will do.
    """
    from .schema import conform

    lanes = LANE_COLUMNS.get(lanes, lanes)
    rows = conform(frame)
    if not rows.index.is_unique:  # the figure finds rows by their index labels
        rows = rows.reset_index(drop=True)
    for name in [color, *(hover_data or [])]:
        if name is not None and name not in rows.columns:
            raise ValueError(f"no column '{name}' (columns: {', '.join(rows.columns)})")
    if dense and (color or hover_data):
        raise ValueError("color and hover_data mark single events: leave dense=False")
    fig = timeline_figure(rows, lanes, title=title, height=height, hover_text=True, dense=dense)
    if hover_data:
        _add_hover_data(fig, rows, list(hover_data))
    if color:
        _color_by(fig, rows, color)
    return fig


def _marker_traces(fig: go.Figure) -> list:
    """The traces that draw events (they carry the rows' index labels), not the selection ring."""
    return [t for t in fig.data[1:] if t.mode == "markers" and t.customdata is not None]


def _add_hover_data(fig: go.Figure, rows: pd.DataFrame, columns: list[str]) -> None:
    """Each event's hover label with `columns` (escaped) appended, one line each."""
    for trace in _marker_traces(fig):
        labels = list(trace.customdata)
        extra = pd.Series("", index=range(len(labels)), dtype="object")
        for name in columns:
            values = rows.loc[labels, name].astype("string").fillna("")
            extra += "<br>" + html.escape(name) + ": " + _escaped(values).to_numpy(dtype=object)
        trace.hovertext = (pd.Series(list(trace.hovertext)) + extra).to_numpy(dtype=object)


def _color_by(fig: go.Figure, rows: pd.DataFrame, column: str) -> None:
    """Events coloured by the values of `column`, a legend entry per value (first seen first)."""
    from plotly.colors import qualitative

    values = rows[column].astype("string").fillna("").replace("", "unknown")
    palette = qualitative.Plotly
    colors = {v: palette[i % len(palette)] for i, v in enumerate(pd.unique(values))}
    for trace in _marker_traces(fig):
        shown = values.loc[list(trace.customdata)]
        trace.marker.color = shown.map(colors).to_numpy(dtype=object)
        trace.showlegend = False
    scatter = go.Scattergl if isinstance(fig.data[0], go.Scattergl) else go.Scatter
    for value, hue in colors.items():
        fig.add_trace(
            scatter(
                x=[None],
                y=[None],
                mode="markers",
                marker={"size": 10, "color": hue},
                name=html.escape(str(value)),
                legendgroup=f"color-{value}",
                showlegend=True,
                hoverinfo="skip",
            )
        )
    fig.update_layout(legend_title_text=html.escape(column), showlegend=True)
