"""The dashboard's page: header, filter bar, timeline, linked table, side panel, upload."""

from __future__ import annotations

import uuid

import dash_ag_grid as dag
from dash import dcc, html

from ..figure import LANES, OVERVIEW_HEIGHT, empty_figure
from . import ids
from .panel import EMPTY_PANEL
from .state import Events, Filters, View

PAGE_SIZE = 50
SEARCH_DEBOUNCE = 0.1  # s after the last keystroke (the search runs as one types)

COLUMN_DEFS = [
    {
        "field": "date",
        "headerName": "Date",
        "editable": True,
        "minWidth": 150,
        "filter": "agTextColumnFilter",
        "headerTooltip": "Type a new date (2020-01-03, 2020-01 or 2020) to correct it",
    },
    {"field": "expression", "headerName": "Expression", "minWidth": 120},
    {"field": "event", "headerName": "Event", "flex": 3, "minWidth": 220, "tooltipField": "event"},
    {"field": "source", "headerName": "Source", "minWidth": 110},
    {
        "field": "title",
        "headerName": "Article",
        "flex": 2,
        "minWidth": 180,
        "tooltipField": "title",
    },
    {"field": "granularity", "headerName": "Granularity", "minWidth": 110},
    {"field": "timex_value", "headerName": "Value", "minWidth": 110},
    {
        "field": "confidence",
        "headerName": "Conf.",
        "filter": "agNumberColumnFilter",
        "maxWidth": 110,
    },
    {
        "field": "n_sources",
        "headerName": "Sources",
        "filter": "agNumberColumnFilter",
        "maxWidth": 110,
    },
]


def page(events: Events, view: View | None = None) -> html.Div:
    """The whole page for a browser. A new browser gets a fresh session id; one that has been here
    before keeps its own (the store is in its local storage), so its work is found again. `view`
    (from the URL's query) sets the filters, lanes and window it opens on."""
    view = view or View()
    return html.Div(
        [
            dcc.Store(
                id=ids.SESSION,
                storage_type="local",
                data={"session": uuid.uuid4().hex, "version": events.version},
            ),
            dcc.Store(id=ids.SELECTED, data=[]),
            dcc.Store(id=ids.OPEN_EVENT, data=None),
            dcc.Store(id=ids.CHART_CLICK),
            dcc.Store(id=ids.CHART_BOX),
            dcc.Store(id=ids.CHART_HOVER),
            dcc.Store(id=ids.WINDOW, data=list(view.window) if view.window else None),
            dcc.Store(id=ids.THEME, data="light"),
            dcc.Store(id=ids.WEBGL, data=True),
            dcc.Store(id=ids.DENSE_UNIT, data="day"),
            dcc.Store(id=ids.URL_STATE),
            dcc.Store(id=ids.LIST_SIZE, data=LIST_PAGE),
            dcc.Store(id=ids.LIST_CLICK),
            dcc.Store(id=ids.LIST_DATA),
            dcc.Store(id=ids.LIST_DRAWN),
            dcc.Store(id=ids.PANEL_LIST_DATA),
            dcc.Store(id=ids.PANEL_LIST_DRAWN),
            _header(),
            html.Div(id=ids.NOTICE, className="notice", role="status"),
            html.Div(
                [
                    _filters(view.filters),
                    html.Main(
                        [_chart_card(view), _list_card(), _table_card(), _upload_card()],
                        className="content",
                    ),
                    html.Aside(
                        [
                            html.Button(
                                "×",
                                id=ids.PANEL_CLOSE,
                                className="panel-close",
                                title="Close (Esc)",
                                **{"aria-label": "Close the panel"},
                            ),
                            html.Div(EMPTY_PANEL, id=ids.PANEL_BODY),
                            html.Div(id=ids.PANEL_LIST, className="event-list", role="list"),
                        ],
                        id=ids.PANEL,
                        className="panel closed",
                        **{"aria-label": "The event in its article"},
                    ),
                ],
                className="shell",
            ),
        ],
        className="app",
    )


def _header() -> html.Header:
    return html.Header(
        [
            html.Div(
                [
                    html.Span("timeline", className="brand"),
                    html.Span("news articles as a resolved chronology", className="tagline"),
                ],
                className="brand-block",
            ),
            html.Div(id=ids.COUNTS, className="counts", role="status"),
            html.Div(
                [
                    html.Button(
                        "Download CSV", id=ids.DOWNLOAD_CSV_BUTTON, className="button ghost"
                    ),
                    html.Button(
                        "Download page", id=ids.DOWNLOAD_HTML_BUTTON, className="button ghost"
                    ),
                    html.Button(
                        "Start over",
                        id=ids.DISCARD,
                        className="button ghost",
                        title="Discard your corrections and uploads",
                    ),
                    dcc.Download(id=ids.DOWNLOAD_CSV),
                    dcc.Download(id=ids.DOWNLOAD_HTML),
                ],
                className="actions",
            ),
        ],
        className="topbar",
    )


# how an event got its date, as the "Dated by" filter names it
DATED_BY_CHOICES = {
    "expression": "its own words",
    "event": "another event",
    "reported": "the day it was reported",
}


def _field(label: str, control, for_id: str) -> html.Div:
    return html.Div([html.Label(label, htmlFor=for_id), control], className="field")


def _filters(filters: Filters) -> html.Nav:
    start, end = (d.isoformat() if d else None for d in (filters.start, filters.end))
    return html.Nav(
        [
            html.H2("Filters", className="section-title"),
            _field(
                "Search",
                dcc.Input(
                    id=ids.SEARCH,
                    type="search",
                    value=filters.text,
                    placeholder="event or sentence",
                    debounce=SEARCH_DEBOUNCE,
                    className="text-input",
                ),
                ids.SEARCH,
            ),
            _field(
                "Articles",
                dcc.Dropdown(
                    id=ids.DOCUMENTS, multi=True, placeholder="all", value=list(filters.documents)
                ),
                ids.DOCUMENTS,
            ),
            _field(
                "Sources",
                dcc.Dropdown(
                    id=ids.SOURCES, multi=True, placeholder="all", value=list(filters.sources)
                ),
                ids.SOURCES,
            ),
            _field(
                "Entities",
                dcc.Dropdown(
                    id=ids.ENTITIES,
                    multi=True,
                    placeholder="all: pick a name for its timeline",
                    value=list(filters.entities),
                ),
                ids.ENTITIES,
            ),
            _field(
                "Dates",
                dcc.DatePickerRange(
                    id=ids.DATES,
                    display_format="YYYY-MM-DD",
                    clearable=True,
                    start_date=start,
                    end_date=end,
                    start_date_placeholder_text="from",
                    end_date_placeholder_text="to",
                    className="dates",
                ),
                ids.DATES,
            ),
            _field(
                "Type",
                dcc.Dropdown(
                    id=ids.TYPES, multi=True, placeholder="all", value=list(filters.types)
                ),
                ids.TYPES,
            ),
            _field(
                "Granularity",
                dcc.Dropdown(
                    id=ids.GRANULARITIES,
                    multi=True,
                    placeholder="all",
                    value=list(filters.granularities),
                ),
                ids.GRANULARITIES,
            ),
            _field(
                "Dated by",
                dcc.Checklist(
                    id=ids.DATED_BY,
                    options=[
                        {"label": label, "value": value}
                        for value, label in DATED_BY_CHOICES.items()
                    ],
                    value=list(filters.dated_by or DATED_BY_CHOICES),
                    className="checklist",
                ),
                ids.DATED_BY,
            ),
            _field(
                "Minimum confidence",
                dcc.Slider(
                    id=ids.CONFIDENCE,
                    min=0,
                    max=1,
                    step=0.05,
                    value=filters.min_confidence,
                    marks={0: "0", 0.5: "0.5", 1: "1"},
                    tooltip={"placement": "bottom", "always_visible": False},
                ),
                ids.CONFIDENCE,
            ),
            html.Button("Clear filters", id=ids.RESET, className="button ghost wide"),
        ],
        className="filters",
        **{"aria-label": "Filters"},
    )


def _legend() -> html.Div:
    items = [
        ("dot", "one source"),
        ("diamond", "several sources"),
        ("count", "several events of a day (a week, month, year zoomed out): click to list"),
        ("bar", "month, quarter, year… (a range)"),
        ("hollow", "no date of its own: reported that day"),
        ("ring", "selected"),
    ]
    return html.Div(
        [
            html.Span([html.Span(className=f"swatch {kind}"), label], className="key")
            for kind, label in items
        ],
        className="legend",
    )


def _chart_card(view: View) -> html.Section:
    return html.Section(
        [
            html.Div(
                [
                    html.Div(
                        [
                            html.Span("Lanes", className="control-label", id="lanes-label"),
                            dcc.RadioItems(
                                id=ids.LANES,
                                options=[
                                    {"label": label, "value": value}
                                    for value, label in LANES.items()
                                ],
                                value=view.lanes,
                                className="segmented",
                                inputClassName="segmented-input",
                            ),
                        ],
                        className="control",
                        role="radiogroup",
                        **{"aria-labelledby": "lanes-label"},
                    ),
                    html.Div(
                        [
                            html.Span("Window", className="control-label"),
                            *[
                                html.Button(
                                    label,
                                    id=button_id,
                                    className="button ghost small",
                                    title=WINDOW_TITLES[label],
                                )
                                for label, button_id in ids.WINDOW_BUTTONS.items()
                            ],
                        ],
                        className="control",
                    ),
                ],
                className="chart-head",
            ),
            dcc.Graph(
                id=ids.OVERVIEW,
                figure=empty_figure("", height=OVERVIEW_HEIGHT),
                config={"displayModeBar": False, "responsive": True},
                style={"height": f"{OVERVIEW_HEIGHT}px"},
                className="overview",
            ),
            dcc.Graph(
                id=ids.CHART,
                figure=empty_figure("Loading…"),
                responsive=True,
                style={"height": "260px"},  # one axis: the chart's own height
                config={
                    "displaylogo": False,
                    "showSendToCloud": False,  # never offer to upload article data to a cloud
                    "scrollZoom": False,
                    "modeBarButtonsToRemove": ["autoScale2d"],
                    "toImageButtonOptions": {"format": "png", "filename": "timeline", "scale": 2},
                },
                clear_on_unhover=True,
                className="chart",
            ),
            _legend(),
            dcc.Tooltip(id=ids.TOOLTIP, direction="bottom", className="chart-tooltip"),
        ],
        className="card chart-card",
    )


# what the window buttons show, relative to the events (not to the view)
WINDOW_TITLES = {
    "1w": "The last week of the events shown",
    "1m": "The last month of the events shown",
    "1y": "The last year of the events shown",
    "all": "Every event shown, however far apart",
}
LIST_PAGE = 100  # events the list shows before "show more"


def _list_card() -> html.Section:
    return html.Section(
        [
            html.Div(
                [
                    html.H2("Chronology", className="section-title"),
                    html.Span(
                        "The events in the chart's window, day by day; click one to read it.",
                        className="hint",
                    ),
                ],
                className="card-head",
            ),
            html.Div(id=ids.EVENT_LIST, className="event-list", role="list"),
            html.Button(
                "Show more", id=ids.LIST_MORE, className="button ghost small hidden", n_clicks=0
            ),
        ],
        className="card list-card",
    )


def _table_card() -> html.Section:
    return html.Section(
        [
            html.Div(
                [
                    html.H2("Events", className="section-title"),
                    html.Span(
                        "Select rows to ring them on the timeline; double-click a date to correct "
                        "it (2020-01-03, Jan 3, next Tuesday).",
                        className="hint",
                    ),
                    html.Button(
                        "Clear selection", id=ids.CLEAR_SELECTION, className="button ghost small"
                    ),
                ],
                className="card-head",
            ),
            html.P("No events match the filters.", id=ids.TABLE_EMPTY, className="empty hidden"),
            dag.AgGrid(
                id=ids.GRID,
                columnDefs=COLUMN_DEFS,
                defaultColDef={
                    "sortable": True,
                    "filter": True,
                    "resizable": True,
                    "flex": 1,
                    "minWidth": 90,
                },
                rowModelType="infinite",
                getRowId="params.data.row_id",
                dashGridOptions={
                    "rowSelection": {
                        "mode": "multiRow",
                        "checkboxes": True,
                        "headerCheckbox": False,
                        "enableClickSelection": False,
                    },
                    "pagination": True,
                    "paginationPageSize": PAGE_SIZE,
                    "paginationPageSizeSelector": False,
                    "cacheBlockSize": PAGE_SIZE,
                    "maxBlocksInCache": 20,
                    "infiniteInitialRowCount": 1,
                    "tooltipShowDelay": 400,
                    "singleClickEdit": False,
                    "stopEditingWhenCellsLoseFocus": True,
                },
                style={"height": "460px", "width": "100%"},
                className="grid",
            ),
        ],
        className="card table-card",
    )


def _upload_card() -> html.Section:
    return html.Section(
        [
            html.H2("Add articles", className="section-title"),
            html.Div(
                [
                    dcc.Upload(
                        id=ids.UPLOAD,
                        children=html.Div(
                            [
                                html.Strong("Drop files here"),
                                html.Span(
                                    " or click to choose: .txt, .md, .html, .rss, .atom, .csv, "
                                    ".jsonl, .tml"
                                ),
                            ]
                        ),
                        multiple=True,
                        accept=".txt,.md,.html,.htm,.rss,.atom,.xml,.tml,.csv,.jsonl,.json",
                        className="dropzone",
                        className_disabled="dropzone disabled",  # while an upload runs
                    ),
                    html.Div(
                        [
                            html.Label("Dateline (optional)", htmlFor=ids.UPLOAD_DATELINE),
                            dcc.Input(
                                id=ids.UPLOAD_DATELINE,
                                type="text",
                                placeholder="YYYY-MM-DD",
                                className="text-input",
                            ),
                        ],
                        className="field",
                    ),
                ],
                className="upload-row",
            ),
            html.Div(
                [
                    html.Span(id=ids.UPLOAD_PROGRESS, className="progress hidden"),
                    html.Button("Cancel", id=ids.UPLOAD_CANCEL, className="hidden"),
                ],
                className="upload-status",
                role="status",
            ),
            html.Div(id=ids.MESSAGES, className="messages", role="log", **{"aria-live": "polite"}),
        ],
        className="card upload-card",
    )
