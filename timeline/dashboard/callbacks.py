"""The dashboard's callbacks: filter → chart, counts and table; selection both ways; the panel;
corrections, uploads (a background job) and downloads. Each checks its inputs (`inputs`) and
reads the session's events from the server-side store (`store`).
"""

from __future__ import annotations

import json
import logging
import threading
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any

import dash
import numpy as np
import pandas as pd
from _plotly_utils.utils import to_typed_array_spec
from dash import ClientsideFunction, Input, Output, Patch, State, ctx, dcc, html, no_update

from ..figure import (
    DAY_MS,
    GL_THRESHOLD,
    LANES,
    chart_data,
    default_window,
    dense_unit,
    epoch_ms,
    overview_figure,
    plotted_rows,
    selection_ring,
    window_shape,
)
from ..schema import ARTICLES, write_csv
from . import ids
from .chronology import in_window, list_entries
from .inputs import (
    BadInput,
    axis_time_of,
    choice_of,
    filters_of,
    grid_filter_of,
    grid_request_of,
    guarded,
    integer_of,
    list_of,
    object_of,
    records_of,
    row_id_of,
    row_ids_of,
    session_of,
    strings_of,
    text_of,
    typed_of,
    window_of,
)
from .jobs import JobError, Limits, lower_priority, run_limited, slot
from .layout import DATED_BY_CHOICES, LIST_PAGE
from .panel import EMPTY_PANEL, day_panel, event_panel, listed_in
from .state import (
    Events,
    Filters,
    counts_text,
    document_options,
    entity_options,
    events_frame,
    filtered,
    grid_page,
    parsed_date,
    shown_event,
    view_rows,
    with_dateline,
    with_event_date,
    with_extracted,
)
from .store import SessionStore
from .uploads import Note, extract_uploads, outcome_notes

log = logging.getLogger(__name__)

HOVER_LABELS_UP_TO = 5000
MAX_FILES = 1000  # files in one upload
MAX_UPLOAD_CHARS = (
    30 * 1024**2
)  # a file's data: URL (base64: 4/3 of the 20 MB a reader takes)  # more events than this get the server's tooltip instead of labels

FILTER_INPUTS = [
    Input(ids.SEARCH, "value"),
    Input(ids.DOCUMENTS, "value"),
    Input(ids.SOURCES, "value"),
    Input(ids.DATES, "start_date"),
    Input(ids.DATES, "end_date"),
    Input(ids.TYPES, "value"),
    Input(ids.GRANULARITIES, "value"),
    Input(ids.CONFIDENCE, "value"),
    Input(ids.DATED_BY, "value"),
    Input(ids.ENTITIES, "value"),
]
FILTER_STATES = [State(i.component_id, i.component_property) for i in FILTER_INPUTS]


def chart_and_counts(
    events: Events,
    filters: Filters,
    lanes: str,
    selected: list,
    grid_model: dict | None = None,
    theme: str = "light",
    window: Any = True,
    webgl: bool = True,
) -> tuple[dict, str, int]:
    """The filter callback's work: the figure of the matching events (the table's own column
    filters too) on `window` (True: where the events are), the counts line, and how many
    events match. Its `uirevision` changes with what is shown, so new filters refit the view.
    WebGL or SVG follows the session's size, not the matches: a search that crossed the
    threshold made the browser switch renderers, 0.2-0.3 s (bench_dashboard's slowest). SVG
    always where the browser has no WebGL (`webgl=False`)."""
    shown = shown_rows(events.rows, filters, grid_model)
    empty = "No events match the filters" if len(events.rows) else "No events yet: add articles"
    figure = chart_data(
        shown,
        lanes=lanes,
        selected=selected,
        empty_message=empty,
        hover_text=len(shown) <= HOVER_LABELS_UP_TO,
        gl=webgl and len(events.rows) > GL_THRESHOLD,  # by the session's size (the docstring)
        legend=False,  # the page shows its own
        theme=theme,
        window=window,
    )
    figure["layout"]["uirevision"] = repr((lanes, filters, sorted(grid_model or {}), theme))
    figure["data"] = [typed_arrays(trace) for trace in figure["data"]]
    return figure, counts_text(shown, events.rows), len(shown)


def typed_arrays(spec: dict) -> dict:
    """A trace with its numpy arrays as Plotly's typed-array data (base64), as a Plotly Figure
    sends them: a third of the bytes of JSON numbers. Lists (a dense marker's rows) stay."""
    return {
        key: to_typed_array_spec(value)
        if isinstance(value, np.ndarray) and value.dtype.kind in "biuf"
        else typed_arrays(value)
        if isinstance(value, dict)
        else value
        for key, value in spec.items()
    }


VIEWS_KEPT = 2  # views a process keeps (copies of rows): a keystroke's callbacks share one
_views: OrderedDict = OrderedDict()
_views_lock = threading.Lock()


def shown_rows(rows: pd.DataFrame, filters: Filters, grid_model: dict | None) -> pd.DataFrame:
    """`view_rows`, remembered for this process' last few views: a search asks the chart, the
    overview and the list for the same rows, each once computed (30-60 ms at 100k events)."""
    key = (id(rows), filters, json.dumps(grid_model, sort_keys=True, default=str))
    with _views_lock:
        held = _views.get(key)
        if held is not None and held[0] is rows:  # the same frame, not one at a reused id
            _views.move_to_end(key)
            return held[1]
    shown = view_rows(rows, filters, grid_model)
    with _views_lock:
        _views[key] = (rows, shown)
        while len(_views) > VIEWS_KEPT:
            _views.popitem(last=False)
    return shown


def window_for(rows: pd.DataFrame, button: str) -> list[float] | None:
    """The window a button asks for, relative to the events (not to the view): the last week,
    month or year up to the latest event the default window holds; "all" every event."""
    plotted = plotted_rows(rows)
    if plotted.empty:
        return None
    if button == "all":
        x = epoch_ms(plotted["_x"])
        pad = max((x.max() - x.min()) * 0.03, DAY_MS)
        return [float(x.min() - pad), float(x.max() + pad)]
    end = default_window(plotted)[1]
    days = {"1w": 7, "1m": 31, "1y": 366}[button]
    return [end - days * DAY_MS, end]


@dataclass(frozen=True)
class Backend:
    """What the callbacks share: the session store, the job manager and the upload limits."""

    store: SessionStore
    jobs: Any  # dash.DiskcacheManager
    limits: Limits

    def events_of(self, session: Any) -> Events:
        """The events the browser's session data points to (checked: `BadInput` if crafted)."""
        return self.store.get(*session_of(session))

    def saved(self, session: Any, change) -> tuple[dict, Events]:
        """Apply `change` to the session's latest events and keep them; the new session data."""
        sid, _ = session_of(session)
        events = self.store.update(sid, change)
        return {"session": sid, "version": events.version}, events


def register(app: dash.Dash, server: Backend) -> None:
    """Attach every callback of the dashboard to `app`."""
    _view_callbacks(app, server)
    _selection_callbacks(app, server)
    _edit_callbacks(app, server)
    _upload_callback(app, server)
    _session_callbacks(app, server)
    _download_callbacks(app, server)


def _view_callbacks(app: dash.Dash, server: Backend) -> None:
    """The chart, overview, counts, list and table pages, following the filters; the window."""

    @app.callback(
        Output(ids.CHART, "figure"),
        Output(ids.CHART, "style"),
        Output(ids.COUNTS, "children"),
        Output(ids.TABLE_EMPTY, "className"),
        Output(ids.OVERVIEW, "figure"),
        Output(ids.WINDOW, "data"),
        Output(ids.DENSE_UNIT, "data"),
        Input(ids.SESSION, "data"),
        *FILTER_INPUTS,
        Input(ids.LANES, "value"),
        Input(ids.SELECTED, "data"),
        Input(ids.THEME, "data"),
        Input(ids.GRID, "filterModel"),
        Input(ids.WEBGL, "data"),
        State(ids.WINDOW, "data"),
    )
    @guarded
    def update_view(session, *values):
        *filter_values, lanes, selected, theme, grid_model, webgl, asked = values
        events = server.events_of(session)
        filters = filters_of(*filter_values)
        lanes = choice_of(lanes, LANES)
        selected = row_ids_of(selected)
        grid_model = grid_filter_of(grid_model)
        theme = choice_of(theme or "light", ("light", "dark"))
        if ctx.triggered_id == ids.SELECTED:
            ring = selection_ring(shown_rows(events.rows, filters, grid_model), lanes, selected)
            patch = Patch()
            for key in ("x", "y", "customdata"):
                patch["data"][0][key] = ring[key]
            return patch, *[no_update] * 6
        asked = window_of(asked)
        first = ctx.triggered_id is None and asked  # a link's own window, on the first load
        window = list(asked) if first else True
        figure, counts, shown = chart_and_counts(
            events, filters, lanes, selected, grid_model, theme, window, webgl is not False
        )
        layout = figure["layout"]
        window = list(layout.get("xaxis", {}).get("range") or []) or None
        overview = overview_figure(shown_rows(events.rows, filters, grid_model), window, theme)
        height = {"height": f"{layout['height']}px"}
        unit = (layout.get("meta") or {}).get("dense_unit", "day")
        empty = "empty" if shown == 0 else "empty hidden"
        return figure, height, counts, empty, overview, window, unit

    @app.callback(
        Output(ids.CHART, "figure", allow_duplicate=True),
        Output(ids.DENSE_UNIT, "data", allow_duplicate=True),
        Input(ids.WINDOW, "data"),
        State(ids.DENSE_UNIT, "data"),
        State(ids.SESSION, "data"),
        *FILTER_STATES,
        State(ids.LANES, "value"),
        State(ids.SELECTED, "data"),
        State(ids.THEME, "data"),
        State(ids.GRID, "filterModel"),
        State(ids.WEBGL, "data"),
        prevent_initial_call=True,
    )
    @guarded
    def regroup(window, unit, session, *values):
        """Zoomed in or out so far that a dense marker should stand for another unit (a day, a
        week, a month, a year): the chart again on the same window."""
        window = window_of(window)
        if window is None or dense_unit(window) == unit:
            return no_update, no_update
        *filter_values, lanes, selected, theme, grid_model, webgl = values
        figure, _, _ = chart_and_counts(
            server.events_of(session),
            filters_of(*filter_values),
            choice_of(lanes, LANES),
            row_ids_of(selected),
            grid_filter_of(grid_model),
            choice_of(theme or "light", ("light", "dark")),
            list(window),
            webgl is not False,
        )
        return figure, dense_unit(window)

    @app.callback(
        Output(ids.WINDOW, "data", allow_duplicate=True),
        Output(ids.CHART, "figure", allow_duplicate=True),
        *[Input(button, "n_clicks") for button in ids.WINDOW_BUTTONS.values()],
        Input(ids.OVERVIEW, "selectedData"),
        State(ids.SESSION, "data"),
        *FILTER_STATES,
        State(ids.GRID, "filterModel"),
        prevent_initial_call=True,
    )
    @guarded
    def choose_window(*values):
        n = len(ids.WINDOW_BUTTONS)
        brushed, session, *filter_values, grid_model = values[n:]
        if ctx.triggered_id == ids.OVERVIEW:
            chosen = object_of(object_of(brushed).get("range")).get("x")
            if not chosen:
                return no_update, no_update
            window = [axis_time_of(v) for v in list_of(chosen, lambda v: v)[:2]]
        else:
            button = next(k for k, v in ids.WINDOW_BUTTONS.items() if v == ctx.triggered_id)
            events = server.events_of(session)
            rows = shown_rows(events.rows, filters_of(*filter_values), grid_filter_of(grid_model))
            window = window_for(rows, button)
        window = list(window_of(sorted(window))) if window else None
        if not window:
            return no_update, no_update
        patch = Patch()
        patch["layout"]["xaxis"]["range"] = window
        return window, patch

    @app.callback(
        Output(ids.WINDOW, "data", allow_duplicate=True),
        Input(ids.CHART, "relayoutData"),
        State(ids.WINDOW, "data"),
        prevent_initial_call=True,
    )
    @guarded
    def follow_zoom(relayout, current):
        """The window as the user zooms or pans the detail chart (its x range)."""
        relayout = object_of(relayout)
        low, high = relayout.get("xaxis.range[0]"), relayout.get("xaxis.range[1]")
        if low is None and "xaxis.range" in relayout:
            low, high = list_of(relayout["xaxis.range"], lambda v: v)[:2]
        if low is None or high is None:
            return no_update
        window = list(window_of(sorted([axis_time_of(low), axis_time_of(high)])))
        return no_update if window == current else window

    @app.callback(
        Output(ids.OVERVIEW, "figure", allow_duplicate=True),
        Input(ids.WINDOW, "data"),
        State(ids.THEME, "data"),
        prevent_initial_call=True,
    )
    @guarded
    def shade_window(window, theme):
        """The overview's band follows the window; a brush's box is cleared once used."""
        window = window_of(window)
        patch = Patch()
        patch["layout"]["shapes"] = [window_shape(window, theme)] if window else []
        patch["layout"]["selections"] = []
        return patch

    @app.callback(
        Output(ids.LIST_DATA, "data"),
        Output(ids.LIST_MORE, "className"),
        Output(ids.LIST_MORE, "children"),
        Input(ids.WINDOW, "data"),
        Input(ids.LIST_SIZE, "data"),
        Input(ids.SESSION, "data"),
        *FILTER_INPUTS,
        Input(ids.GRID, "filterModel"),
    )
    @guarded
    def event_list(window, size, session, *values):
        *filter_values, grid_model = values
        events = server.events_of(session)
        rows = shown_rows(events.rows, filters_of(*filter_values), grid_filter_of(grid_model))
        order = in_window(rows, window_of(window))
        size = integer_of(size or LIST_PAGE, 1, 10**6)
        groups, left = list_entries(rows, events.articles, size, order)
        listed = listed_in(ids.EVENT_LIST, groups, "No dated event in this window.")
        more = "button ghost small" if left else "button ghost small hidden"
        return listed, more, f"Show {min(left, LIST_PAGE):,} more ({left:,} not shown)"

    app.clientside_callback(
        ClientsideFunction("timeline", "renderList"),
        Output(ids.LIST_DRAWN, "data"),
        Input(ids.LIST_DATA, "data"),
        prevent_initial_call=True,
    )

    @app.callback(
        Output(ids.LIST_SIZE, "data"),
        Input(ids.LIST_MORE, "n_clicks"),
        Input(ids.WINDOW, "data"),
        State(ids.LIST_SIZE, "data"),
        prevent_initial_call=True,
    )
    @guarded
    def list_size(_more, _window, size):
        if ctx.triggered_id == ids.LIST_MORE:
            return integer_of(size or LIST_PAGE, 1, 10**6) + LIST_PAGE
        return LIST_PAGE

    app.clientside_callback(  # once the chart has its rows: the table's fetch never competes
        ClientsideFunction("timeline", "refreshGrid"),
        Output(ids.GRID, "className"),
        Input(ids.COUNTS, "children"),
        State(ids.GRID, "id"),
        prevent_initial_call=True,
    )
    app.clientside_callback(
        ClientsideFunction("timeline", "webglMissing"),
        Output(ids.WEBGL, "data"),
        Input(ids.WEBGL, "id"),
    )
    app.clientside_callback(
        ClientsideFunction("timeline", "colorScheme"),
        Output(ids.THEME, "data"),
        Input(ids.THEME, "id"),
    )
    app.clientside_callback(
        ClientsideFunction("timeline", "writeQuery"),
        Output(ids.URL_STATE, "data"),
        *FILTER_INPUTS,
        Input(ids.LANES, "value"),
        Input(ids.WINDOW, "data"),
        prevent_initial_call=True,
    )

    @app.callback(
        Output(ids.GRID, "getRowsResponse"),
        Input(ids.GRID, "getRowsRequest"),
        State(ids.SESSION, "data"),
        *FILTER_STATES,
        prevent_initial_call=True,
    )
    @guarded
    def grid_rows(request, session, *filter_values):
        if not request:
            return no_update
        request = grid_request_of(request)
        events = server.events_of(session)
        return grid_page(shown_rows(events.rows, filters_of(*filter_values), None), request)

    @app.callback(
        Output(ids.DOCUMENTS, "options"),
        Input(ids.SESSION, "data"),
        Input(ids.DOCUMENTS, "search_value"),
        State(ids.DOCUMENTS, "value"),
    )
    @guarded
    def documents_options(session, search, selected):
        return document_options(server.events_of(session), text_of(search), strings_of(selected))

    @app.callback(
        Output(ids.ENTITIES, "options"),
        Input(ids.SESSION, "data"),
        Input(ids.ENTITIES, "search_value"),
        State(ids.ENTITIES, "value"),
    )
    @guarded
    def entities_options(session, search, selected):
        return entity_options(server.events_of(session), text_of(search), strings_of(selected))

    @app.callback(
        Output(ids.SOURCES, "options"),
        Output(ids.TYPES, "options"),
        Output(ids.GRANULARITIES, "options"),
        Output(ids.DATES, "min_date_allowed"),
        Output(ids.DATES, "max_date_allowed"),
        Output(ids.DATES, "initial_visible_month"),
        Input(ids.SESSION, "data"),
    )
    @guarded
    def filter_options(session):
        rows = server.events_of(session).rows
        low, high = rows["start"].min(), rows["end"].max()
        dated = pd.notna(low) and pd.notna(high)
        return (
            _options(rows["source"]),
            _options(rows["timex_type"]),
            _options(rows["granularity"]),
            low.date().isoformat() if dated else None,
            high.date().isoformat() if dated else None,
            low.date().isoformat() if dated else None,
        )

    @app.callback(
        Output(ids.SEARCH, "value"),
        Output(ids.DOCUMENTS, "value"),
        Output(ids.SOURCES, "value"),
        Output(ids.DATES, "start_date"),
        Output(ids.DATES, "end_date"),
        Output(ids.TYPES, "value"),
        Output(ids.GRANULARITIES, "value"),
        Output(ids.CONFIDENCE, "value"),
        Output(ids.DATED_BY, "value"),
        Output(ids.ENTITIES, "value"),
        Input(ids.RESET, "n_clicks"),
        prevent_initial_call=True,
    )
    def reset_filters(_n):
        return "", [], [], None, None, [], [], 0, list(DATED_BY_CHOICES), []

    @app.callback(
        Output(ids.TOOLTIP, "show"),
        Output(ids.TOOLTIP, "bbox"),
        Output(ids.TOOLTIP, "children"),
        Input(ids.CHART_HOVER, "data"),
        State(ids.SESSION, "data"),
        prevent_initial_call=True,
    )
    @guarded
    def tooltip(hover, session):
        # only for charts too large to carry their own hover labels
        hover = object_of(hover)
        rows = row_ids_of(hover.get("rows"))
        if hover.get("labelled") or not rows:
            return False, no_update, no_update
        row = shown_event(server.events_of(session), rows[0])
        if row is None:
            return False, no_update, no_update
        return True, object_of(hover.get("bbox")), _tooltip_body(row, len(rows))

    for prop, store in (
        ("clickData", ids.CHART_CLICK),
        ("selectedData", ids.CHART_BOX),
        ("hoverData", ids.CHART_HOVER),
    ):
        app.clientside_callback(
            ClientsideFunction("timeline", "pointRows"),
            Output(store, "data"),
            Input(ids.CHART, prop),
            prevent_initial_call=True,
        )


def _selection_callbacks(app: dash.Dash, server: Backend) -> None:
    """Selected rows (chart ↔ table) and the event open in the side panel."""

    @app.callback(
        Output(ids.SELECTED, "data"),
        Output(ids.GRID, "selectedRows"),
        Input(ids.CHART_CLICK, "data"),
        Input(ids.CHART_BOX, "data"),
        Input(ids.GRID, "selectedRows"),
        Input(ids.CLEAR_SELECTION, "n_clicks"),
        State(ids.SELECTED, "data"),
        prevent_initial_call=True,
    )
    @guarded
    def select(click, box, grid_rows_selected, _clear, current):
        trigger = ctx.triggered_id
        if trigger == ids.CLEAR_SELECTION:
            return [], {"ids": []}
        if trigger == ids.GRID:
            records = records_of(grid_rows_selected)
            chosen = sorted(row_id_of(r["row_id"]) for r in records if "row_id" in r)
            if chosen == sorted(row_ids_of(current)):
                return no_update, no_update
            return chosen, no_update
        points = object_of(click if trigger == ids.CHART_CLICK else box)
        chosen = sorted(set(row_ids_of(points.get("rows"))))
        return chosen, {"ids": [str(i) for i in chosen]}

    @app.callback(
        Output(ids.OPEN_EVENT, "data"),
        Input(ids.CHART_CLICK, "data"),
        Input(ids.GRID, "cellClicked"),
        Input(ids.LIST_CLICK, "data"),
        Input(ids.PANEL_CLOSE, "n_clicks"),
        prevent_initial_call=True,
    )
    @guarded
    def open_event(click, cell, listed, _close):
        """The event to show: one row id, or {"rows": [...]} for a day's several events."""
        if ctx.triggered_id == ids.PANEL_CLOSE:
            return None
        if ctx.triggered_id == ids.GRID:
            cell = object_of(cell)
            if not cell or cell.get("colId") == "date":  # the date is edited, not opened
                return no_update
            return row_id_of(cell.get("rowId"))
        if ctx.triggered_id == ids.LIST_CLICK:
            found = row_id_of(object_of(listed).get("row"))
            return found if found is not None else no_update
        found = row_ids_of(object_of(click).get("rows"))
        if len(found) > 1:  # a dense day's marker: list its events
            return {"rows": found}
        return found[0] if found else no_update

    @app.callback(
        Output(ids.PANEL_BODY, "children"),
        Output(ids.PANEL, "className"),
        Output(ids.PANEL_LIST_DATA, "data"),
        Input(ids.OPEN_EVENT, "data"),
        Input(ids.SESSION, "data"),
    )
    @guarded
    def show_panel(opened, session):
        events = server.events_of(session)
        no_list = listed_in(ids.PANEL_LIST, [], "")
        if isinstance(opened, dict):
            rows = events.rows.loc[events.rows.index.intersection(row_ids_of(opened.get("rows")))]
            if rows.empty:
                return EMPTY_PANEL, "panel closed", no_list
            heading, listed = day_panel(rows, events.articles)
            return heading, "panel open", listed
        row_id = row_id_of(opened)
        row = shown_event(events, row_id) if row_id is not None else None
        if row is None:
            return EMPTY_PANEL, "panel closed", no_list
        return event_panel(events, row), "panel open", no_list

    app.clientside_callback(  # the one renderer of a list entry, as for the chronological list
        ClientsideFunction("timeline", "renderList"),
        Output(ids.PANEL_LIST_DRAWN, "data"),
        Input(ids.PANEL_LIST_DATA, "data"),
        prevent_initial_call=True,
    )

    app.clientside_callback(
        ClientsideFunction("timeline", "showMark"),
        Output(ids.PANEL_BODY, "className"),
        Input(ids.PANEL_BODY, "children"),
        prevent_initial_call=True,
    )


def _edit_callbacks(app: dash.Dash, server: Backend) -> None:
    """Correcting the record: a date typed in the table, a new dateline for an article."""

    @app.callback(
        Output(ids.SESSION, "data", allow_duplicate=True),
        Output(ids.MESSAGES, "children", allow_duplicate=True),
        Input(ids.GRID, "cellValueChanged"),
        State(ids.SESSION, "data"),
        prevent_initial_call=True,
    )
    @guarded
    def edit_date(changes, session):
        edits = [
            (row_id_of(change.get("rowId")), typed_of(change.get("value", change.get("newValue"))))
            for change in records_of(changes)
            if change.get("colId") == "date"
        ]
        if not edits:
            return no_update, no_update
        notes: list[Note] = []

        def moved(events: Events) -> Events:
            notes.clear()
            for row_id, typed in edits:
                try:
                    events = with_event_date(events, row_id, typed)
                    notes.append((f"Moved the event to {typed}.", "ok"))
                except ValueError as exc:
                    notes.append((f"Could not use '{typed}' as a date: {exc}", "error"))
            return events

        # when every edit failed nothing is kept, and the same session data goes back, so the
        # grid reloads and drops the bad value
        data, _ = server.saved(session, moved)
        return data, _messages(notes)

    @app.callback(
        Output(ids.SESSION, "data", allow_duplicate=True),
        Output(ids.MESSAGES, "children", allow_duplicate=True),
        Output(ids.OPEN_EVENT, "data", allow_duplicate=True),
        Input(ids.REDATE, "n_clicks"),
        State(ids.DATELINE, "value"),
        State(ids.OPEN_EVENT, "data"),
        State(ids.SESSION, "data"),
        prevent_initial_call=True,
    )
    @guarded
    def redate_article(n_clicks, typed, row_id, session):
        typed = typed_of(typed)
        row = shown_event(server.events_of(session), row_id_of(row_id))
        if not n_clicks or row is None:
            return no_update, no_update, no_update
        doc_id = str(row["doc_id"])
        try:
            data, updated = server.saved(
                session, lambda events: with_dateline(events, doc_id, typed)
            )
        except ValueError as exc:
            note = (f"Could not use '{typed}' as a dateline: {exc}", "error")
            return no_update, _messages([note]), no_update
        again = updated.rows[
            (updated.rows["doc_id"] == doc_id) & (updated.rows["char_start"] == row["char_start"])
        ]
        reopened = int(again.index[0]) if len(again) else None
        note = (f"Re-resolved “{row['title']}” against {typed}.", "ok")
        return data, _messages([note]), reopened


def _upload_callback(app: dash.Dash, server: Backend) -> None:
    """Adding articles: a background job (see `jobs`) with progress, limits and a Cancel button."""

    @app.callback(
        Output(ids.SESSION, "data", allow_duplicate=True),
        Output(ids.MESSAGES, "children", allow_duplicate=True),
        Input(ids.UPLOAD, "contents"),
        State(ids.UPLOAD, "filename"),
        State(ids.UPLOAD_DATELINE, "value"),
        State(ids.SESSION, "data"),
        background=True,
        manager=server.jobs,
        progress=[Output(ids.UPLOAD_PROGRESS, "children")],
        progress_default=[""],
        running=[
            (Output(ids.UPLOAD, "disabled"), True, False),
            (Output(ids.UPLOAD_PROGRESS, "className"), "progress", "progress hidden"),
            (Output(ids.UPLOAD_CANCEL, "className"), "button ghost small", "hidden"),
        ],
        cancel=[Input(ids.UPLOAD_CANCEL, "n_clicks")],
        interval=500,
        prevent_initial_call=True,
    )
    @guarded
    def upload(set_progress, contents, names, dateline, session):
        contents = strings_of(contents, MAX_FILES, length=MAX_UPLOAD_CHARS)
        names = strings_of(names, MAX_FILES)
        if not contents or len(names) != len(contents):
            return no_update, no_update
        dateline = typed_of(dateline)
        try:
            dct = parsed_date(dateline) if dateline else None
        except ValueError as exc:
            note = (f"Dateline '{dateline}': {exc}. Nothing was added.", "error")
            return no_update, _messages([note])
        try:
            return uploaded(server, session, list(names), list(contents), dct, set_progress)
        except JobError as exc:
            return no_update, _messages([(f"Nothing was added: {exc}.", "error")])
        except BadInput:
            raise
        except Exception as exc:  # a bug: the user is told in one line, the log gets the rest
            log.exception("upload failed")
            note = f"Nothing was added: the upload failed ({type(exc).__name__}: {exc})."
            return no_update, _messages([(note, "error")])


def uploaded(server: Backend, session: Any, names: list, contents: list, dct, report) -> tuple:
    """The upload job: extract the files' events in a limited child process (one job slot at a
    time), then merge them into the session's latest events. New session data and the notes."""
    lower_priority()  # this job's own process: the merge below yields to requests too
    limits = server.limits
    taken = set(server.events_of(session).articles)
    work = (names, contents, dct, taken, limits.articles)
    with slot(server.jobs.handle, limits, report):
        fresh, read = run_limited(extract_uploads, work, limits, report)
    if fresh is None:
        return no_update, _messages(read)
    counts: list[int] = []

    def merged(events: Events) -> Events:
        nonlocal fresh
        if set(fresh.attrs[ARTICLES]) & set(events.articles):  # another upload took an id
            fresh, _ = run_limited(
                extract_uploads, (*work[:3], set(events.articles), work[4]), limits
            )
        counts[:] = [len(events.rows)]
        return with_extracted(events, fresh)

    data, events = server.saved(session, merged)
    return data, _messages(outcome_notes(counts[0], len(events.rows), fresh, read))


def _session_callbacks(app: dash.Dash, server: Backend) -> None:
    """A session's work that expired, and starting over."""

    @app.callback(
        Output(ids.SESSION, "data", allow_duplicate=True),
        Output(ids.NOTICE, "children", allow_duplicate=True),
        Input(ids.SESSION, "data"),
        prevent_initial_call="initial_duplicate",
    )
    @guarded
    def expired(session):
        sid, version = session_of(session)
        if not server.store.expired(sid, version):
            return no_update, no_update
        days = server.store.keep_seconds / 86400
        return {"session": sid, "version": 0}, (
            "Your earlier changes to these articles are no longer on the server (work is kept "
            f"{days:g} days after its last use, and only for the articles it was made on). "
            "You are seeing the articles as first loaded."
        )

    @app.callback(
        Output(ids.SESSION, "data", allow_duplicate=True),
        Output(ids.NOTICE, "children", allow_duplicate=True),
        Input(ids.DISCARD, "n_clicks"),
        State(ids.SESSION, "data"),
        prevent_initial_call=True,
    )
    @guarded
    def discard(n_clicks, session):
        sid, version = session_of(session)
        if not n_clicks or not version:
            return no_update, no_update
        server.store.discard(sid)
        return {"session": sid, "version": 0}, "Your changes were discarded."


def _download_callbacks(app: dash.Dash, server: Backend) -> None:
    """The filtered events as CSV, and the current view as an offline page."""

    def filtered_frame(session, filter_values) -> pd.DataFrame:
        """The session's events frame as the filters currently show it."""
        events = server.events_of(session)
        return events_frame(events, filtered(events.rows, filters_of(*filter_values)))

    @app.callback(
        Output(ids.DOWNLOAD_CSV, "data"),
        Input(ids.DOWNLOAD_CSV_BUTTON, "n_clicks"),
        State(ids.SESSION, "data"),
        *FILTER_STATES,
        prevent_initial_call=True,
    )
    @guarded
    def download_csv(_n, session, *filter_values):
        frame = filtered_frame(session, filter_values)
        return dcc.send_string(write_csv(frame, None), "timeline.csv")  # formulas neutralized

    @app.callback(
        Output(ids.DOWNLOAD_HTML, "data"),
        Input(ids.DOWNLOAD_HTML_BUTTON, "n_clicks"),
        State(ids.SESSION, "data"),
        *FILTER_STATES,
        prevent_initial_call=True,
    )
    @guarded
    def download_html(_n, session, *filter_values):
        from ..export import to_html

        frame = filtered_frame(session, filter_values)
        return {"content": to_html(frame), "filename": "timeline.html", "type": "text/html"}


def _options(values: pd.Series) -> list[dict]:
    present = sorted({str(v) for v in values.dropna().unique() if str(v)})
    return [{"label": v, "value": v} for v in present]


def _messages(notes: list[Note]) -> list[html.Div]:
    return [html.Div(text, className=f"message {kind}") for text, kind in notes]


def _tooltip_body(row: pd.Series, n: int = 1) -> list:
    return [
        html.Strong(str(row["_date"]) + (f" · {n} events (click to list them)" if n > 1 else "")),
        html.Div(str(row["event"] if pd.notna(row["event"]) else row["expression"])),
        html.Div(f"{row['source']} · “{row['expression']}”", className="tooltip-source"),
    ]
