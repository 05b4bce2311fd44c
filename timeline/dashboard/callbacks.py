"""The dashboard's callbacks: filter → chart, counts and table; selection both ways; the panel;
corrections, uploads and downloads. Each reads the session's events from the server-side store.
"""

from __future__ import annotations

import base64
from typing import Any

import dash
import pandas as pd
import plotly.graph_objects as go
from dash import ClientsideFunction, Input, Output, Patch, State, ctx, dcc, html, no_update

from ..figure import selection_ring, timeline_figure
from . import ids
from .layout import DATED_BY_CHOICES
from .panel import EMPTY_PANEL, event_panel
from .state import (
    Events,
    Filters,
    SessionFrames,
    counts_text,
    document_options,
    events_frame,
    filtered,
    first_day,
    grid_page,
    parsed_date,
    shown_event,
    with_dateline,
    with_documents,
    with_event_date,
)

HOVER_LABELS_UP_TO = 5000  # more events than this get the server's tooltip instead of labels

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
]
FILTER_STATES = [State(i.component_id, i.component_property) for i in FILTER_INPUTS]


def filters_from(
    text=None,
    documents=None,
    sources=None,
    start=None,
    end=None,
    types=None,
    grans=None,
    conf=None,
    dated_by=None,
) -> Filters:
    """Filters from the filter bar's values (None and empty mean "all")."""
    return Filters(
        text=text or "",
        documents=tuple(documents or ()),
        sources=tuple(sources or ()),
        start=first_day(start),
        end=first_day(end),
        types=tuple(types or ()),
        granularities=tuple(grans or ()),
        min_confidence=float(conf or 0),
        dated_by=tuple(dated_by or ()),
    )


def chart_and_counts(
    events: Events, filters: Filters, lanes: str, selected: list
) -> tuple[go.Figure, str, int]:
    """The filter callback's work: the figure of the matching events, the counts line, and
    how many events match."""
    shown = filtered(events.rows, filters)
    empty = "No events match the filters" if len(events.rows) else "No events yet: add articles"
    figure = timeline_figure(
        shown,
        lanes=lanes,
        selected=selected,
        empty_message=empty,
        hover_text=len(shown) <= HOVER_LABELS_UP_TO,
        legend=False,  # the page shows its own, which never collides with the range buttons
    )
    return figure, counts_text(shown, events.rows), len(shown)


def register(app: dash.Dash, frames: SessionFrames) -> None:
    """Attach every callback of the dashboard to `app`, reading events from `frames`."""

    def events_of(session: dict | None) -> Events:
        return frames.get((session or {}).get("session"))

    def saved(session: dict, events: Events) -> dict:
        frames.put(session["session"], events)
        return {"session": session["session"], "version": events.version}

    @app.callback(
        Output(ids.CHART, "figure"),
        Output(ids.CHART, "style"),
        Output(ids.COUNTS, "children"),
        Output(ids.TABLE_EMPTY, "className"),
        Input(ids.SESSION, "data"),
        *FILTER_INPUTS,
        Input(ids.LANES, "value"),
        Input(ids.SELECTED, "data"),
    )
    def update_view(session, *values):
        *filter_values, lanes, selected = values
        events = events_of(session)
        filters = filters_from(*filter_values)
        if ctx.triggered_id == ids.SELECTED:
            ring = selection_ring(filtered(events.rows, filters), lanes, selected or [])
            patch = Patch()
            for key in ("x", "y", "customdata"):
                patch["data"][0][key] = ring[key]
            return patch, no_update, no_update, no_update
        figure, counts, shown = chart_and_counts(events, filters, lanes, selected or [])
        height = {"height": f"{figure.layout.height}px"}
        return figure, height, counts, "empty" if shown == 0 else "empty hidden"

    app.clientside_callback(
        ClientsideFunction("timeline", "refreshGrid"),
        Output(ids.GRID, "className"),
        Input(ids.SESSION, "data"),
        *FILTER_INPUTS,
        State(ids.GRID, "id"),
        prevent_initial_call=True,
    )

    @app.callback(
        Output(ids.GRID, "getRowsResponse"),
        Input(ids.GRID, "getRowsRequest"),
        State(ids.SESSION, "data"),
        *FILTER_STATES,
        prevent_initial_call=True,
    )
    def grid_rows(request, session, *filter_values):
        if not request:
            return no_update
        events = events_of(session)
        return grid_page(filtered(events.rows, filters_from(*filter_values)), request)

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
    def select(click, box, grid_rows_selected, _clear, current):
        trigger = ctx.triggered_id
        if trigger == ids.CLEAR_SELECTION:
            return [], {"ids": []}
        if trigger == ids.GRID:
            chosen = sorted(int(r["row_id"]) for r in grid_rows_selected or [] if "row_id" in r)
            return (
                (chosen, no_update) if chosen != sorted(current or []) else (no_update, no_update)
            )
        points = (click if trigger == ids.CHART_CLICK else box) or {}
        chosen = sorted(set(points.get("rows") or []))
        return chosen, {"ids": [str(i) for i in chosen]}

    @app.callback(
        Output(ids.OPEN_EVENT, "data"),
        Input(ids.CHART_CLICK, "data"),
        Input(ids.GRID, "cellClicked"),
        Input(ids.PANEL_CLOSE, "n_clicks"),
        prevent_initial_call=True,
    )
    def open_event(click, cell, _close):
        if ctx.triggered_id == ids.PANEL_CLOSE:
            return None
        if ctx.triggered_id == ids.GRID:
            if not cell or cell.get("colId") == "date" and cell.get("value") is None:
                return no_update
            return _int_or_none(cell.get("rowId"))
        found = (click or {}).get("rows") or []
        return found[0] if found else no_update

    @app.callback(
        Output(ids.PANEL_BODY, "children"),
        Output(ids.PANEL, "className"),
        Input(ids.OPEN_EVENT, "data"),
        Input(ids.SESSION, "data"),
    )
    def show_panel(row_id, session):
        events = events_of(session)
        row = shown_event(events, row_id) if row_id is not None else None
        if row is None:
            return EMPTY_PANEL, "panel closed"
        return event_panel(events, row), "panel open"

    app.clientside_callback(
        ClientsideFunction("timeline", "showMark"),
        Output(ids.PANEL_BODY, "className"),
        Input(ids.PANEL_BODY, "children"),
        prevent_initial_call=True,
    )

    @app.callback(
        Output(ids.SESSION, "data", allow_duplicate=True),
        Output(ids.MESSAGES, "children", allow_duplicate=True),
        Input(ids.GRID, "cellValueChanged"),
        State(ids.SESSION, "data"),
        prevent_initial_call=True,
    )
    def edit_date(changes, session):
        events = events_of(session)
        notes = []
        for change in changes or []:
            if change.get("colId") != "date":
                continue
            row_id = _int_or_none(change.get("rowId"))
            typed = str(change.get("value", change.get("newValue")) or "").strip()
            try:
                events = with_event_date(events, row_id, typed)
                notes.append(_message(f"Moved the event to {typed}.", "ok"))
            except ValueError as exc:
                notes.append(_message(f"Could not use '{typed}' as a date: {exc}", "error"))
        if not notes:
            return no_update, no_update
        # the session is written back even on error, so the grid reloads and drops the bad value
        return saved(session, events), notes

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
    def redate_article(n_clicks, typed, row_id, session):
        events = events_of(session)
        row = shown_event(events, row_id)
        if not n_clicks or row is None:
            return no_update, no_update, no_update
        doc_id = str(row["doc_id"])
        try:
            updated = with_dateline(events, doc_id, typed or "")
        except ValueError as exc:
            return (
                no_update,
                [_message(f"Could not use '{typed}' as a dateline: {exc}", "error")],
                no_update,
            )
        again = updated.rows[
            (updated.rows["doc_id"] == doc_id) & (updated.rows["char_start"] == row["char_start"])
        ]
        reopened = int(again.index[0]) if len(again) else None
        note = _message(f"Re-resolved “{row['title']}” against {typed}.", "ok")
        return saved(session, updated), [note], reopened

    @app.callback(
        Output(ids.SESSION, "data", allow_duplicate=True),
        Output(ids.MESSAGES, "children", allow_duplicate=True),
        Input(ids.UPLOAD, "contents"),
        State(ids.UPLOAD, "filename"),
        State(ids.UPLOAD_DATELINE, "value"),
        State(ids.SESSION, "data"),
        prevent_initial_call=True,
    )
    def upload(contents, names, dateline, session):
        if not contents:
            return no_update, no_update
        contents = contents if isinstance(contents, list) else [contents]
        names = names if isinstance(names, list) else [names]
        dct = None
        if dateline and dateline.strip():
            try:
                dct = parsed_date(dateline)
            except ValueError as exc:
                return no_update, [
                    _message(f"Dateline '{dateline}': {exc}. Nothing was added.", "error")
                ]
        docs, notes = read_uploads(names, contents)
        events = events_of(session)
        if not docs:
            return no_update, notes or [_message("No article could be read.", "error")]
        before = len(events.rows)
        known = len(events.errors), len(events.warnings)
        updated = with_documents(events, docs, dateline=dct)
        notes += [_message(str(e), "error") for e in updated.errors[known[0] :]]
        notes += [_message(str(w), "warning") for w in updated.warnings[known[1] :]]
        added = len(updated.rows) - before
        notes.insert(0, _message(f"Added {len(docs)} article(s) with {added} event(s).", "ok"))
        return saved(session, updated), notes

    @app.callback(
        Output(ids.DOCUMENTS, "options"),
        Input(ids.SESSION, "data"),
        Input(ids.DOCUMENTS, "search_value"),
        State(ids.DOCUMENTS, "value"),
    )
    def documents_options(session, search, selected):
        return document_options(events_of(session), search, selected or [])

    @app.callback(
        Output(ids.SOURCES, "options"),
        Output(ids.TYPES, "options"),
        Output(ids.GRANULARITIES, "options"),
        Output(ids.DATES, "min_date_allowed"),
        Output(ids.DATES, "max_date_allowed"),
        Output(ids.DATES, "initial_visible_month"),
        Input(ids.SESSION, "data"),
    )
    def filter_options(session):
        rows = events_of(session).rows
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
        Input(ids.RESET, "n_clicks"),
        prevent_initial_call=True,
    )
    def reset_filters(_n):
        return "", [], [], None, None, [], [], 0, list(DATED_BY_CHOICES)

    def filtered_frame(session, filter_values) -> pd.DataFrame:
        """The session's events frame as the filters currently show it."""
        events = events_of(session)
        return events_frame(events, filtered(events.rows, filters_from(*filter_values)))

    @app.callback(
        Output(ids.DOWNLOAD_CSV, "data"),
        Input(ids.DOWNLOAD_CSV_BUTTON, "n_clicks"),
        State(ids.SESSION, "data"),
        *FILTER_STATES,
        prevent_initial_call=True,
    )
    def download_csv(_n, session, *filter_values):
        frame = filtered_frame(session, filter_values)
        return dcc.send_data_frame(frame.to_csv, "timeline.csv", index=False)

    @app.callback(
        Output(ids.DOWNLOAD_HTML, "data"),
        Input(ids.DOWNLOAD_HTML_BUTTON, "n_clicks"),
        State(ids.SESSION, "data"),
        *FILTER_STATES,
        prevent_initial_call=True,
    )
    def download_html(_n, session, *filter_values):
        from ..export import to_html

        frame = filtered_frame(session, filter_values)
        return {"content": to_html(frame), "filename": "timeline.html", "type": "text/html"}

    @app.callback(
        Output(ids.TOOLTIP, "show"),
        Output(ids.TOOLTIP, "bbox"),
        Output(ids.TOOLTIP, "children"),
        Input(ids.CHART_HOVER, "data"),
        State(ids.SESSION, "data"),
        prevent_initial_call=True,
    )
    def tooltip(hover, session):
        # only for charts too large to carry their own hover labels
        if not hover or hover.get("labelled") or not hover.get("rows"):
            return False, no_update, no_update
        row = shown_event(events_of(session), hover["rows"][0])
        if row is None:
            return False, no_update, no_update
        return True, hover.get("bbox"), _tooltip_body(row)

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


def read_uploads(names: list, contents: list) -> tuple[list, list]:
    """Documents from uploaded files, and one message per file that could not be read."""
    from ..errors import InputError
    from ..readers import read_bytes

    docs, notes = [], []
    for name, content in zip(names, contents, strict=False):
        try:
            data = base64.b64decode(content.split(",", 1)[1])
        except (IndexError, ValueError):
            notes.append(_message(f"{name}: the upload arrived damaged; try again", "error"))
            continue
        for item in read_bytes(name, data):
            if isinstance(item, InputError):
                notes.append(_message(str(item), "error"))
            else:
                docs.append(item)
    return docs, notes


def _int_or_none(value: Any) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _options(values: pd.Series) -> list[dict]:
    present = sorted({str(v) for v in values.dropna().unique() if str(v)})
    return [{"label": v, "value": v} for v in present]


def _message(text: str, kind: str) -> html.Div:
    return html.Div(text, className=f"message {kind}")


def _tooltip_body(row: pd.Series) -> list:
    return [
        html.Strong(str(row["_date"])),
        html.Div(str(row["event"] if pd.notna(row["event"]) else row["expression"])),
        html.Div(f"{row['source']} · “{row['expression']}”", className="tooltip-source"),
    ]
