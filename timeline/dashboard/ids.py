"""Component ids of the dashboard, in one place so layout, callbacks and tests agree."""

SESSION = (
    "session"  # dcc.Store (local storage): {"session": id, "version": n} -> its work on the server
)
SELECTED = "selected"  # dcc.Store: row ids selected on the chart or in the table
OPEN_EVENT = "open-event"  # dcc.Store: row id shown in the side panel

SEARCH = "search"
DOCUMENTS = "documents"
SOURCES = "sources"
ENTITIES = "entities"  # the people, organisations, places and things the events name
DATES = "dates"
TYPES = "types"
GRANULARITIES = "granularities"
DATED_BY = "dated-by"
CONFIDENCE = "confidence"
LANES = "lanes"
RESET = "reset-filters"
COUNTS = "counts"
NOTICE = "notice"  # a line under the header: the session's earlier work expired, or was discarded
DISCARD = "discard-changes"

CHART = "chart"
OVERVIEW = "overview"  # the density strip over the whole range; drag across it to choose a window
WINDOW = "window"  # dcc.Store: [start, end] in ms of the detail chart's time window
DENSE_UNIT = "dense-unit"  # dcc.Store: the calendar unit a dense marker stands for now
WINDOW_BUTTONS = {"1w": "window-1w", "1m": "window-1m", "1y": "window-1y", "all": "window-all"}
THEME = "theme"  # dcc.Store: "light" | "dark", the browser's colour scheme
WEBGL = "webgl"  # dcc.Store: False when the browser cannot draw WebGL (the chart then uses SVG)
URL_STATE = "url-state"  # dcc.Store the view's query string is written from (see timeline.js)
EVENT_LIST = "event-list"  # the chronological list, grouped by day (drawn by timeline.js)
LIST_DATA = "event-list-data"  # dcc.Store: the list's entries, as `chronology.list_entries`
LIST_DRAWN = "event-list-drawn"  # dcc.Store: when timeline.js last drew the list
LIST_MORE = "event-list-more"  # "show more" under the list
LIST_SIZE = "event-list-size"  # dcc.Store: how many events the list shows
LIST_CLICK = "event-list-click"  # dcc.Store: {"row": id, "at": ms} of the list entry clicked
# row ids under the mouse, read in the browser from the chart's decoded arrays (see timeline.js)
CHART_CLICK = "chart-click"
CHART_BOX = "chart-box"
CHART_HOVER = "chart-hover"
TOOLTIP = "chart-tooltip"
GRID = "grid"
TABLE_EMPTY = "table-empty"
CLEAR_SELECTION = "clear-selection"

PANEL = "panel"
PANEL_BODY = "panel-body"
PANEL_LIST = "panel-list"  # a dense marker's events, drawn by timeline.js renderList
PANEL_LIST_DATA = "panel-list-data"
PANEL_LIST_DRAWN = "panel-list-drawn"
PANEL_CLOSE = "panel-close"
DATELINE = "panel-dateline"
REDATE = "panel-redate"
MARK = "panel-mark"

UPLOAD = "upload"
UPLOAD_DATELINE = "upload-dateline"
UPLOAD_PROGRESS = "upload-progress"
UPLOAD_CANCEL = "upload-cancel"
MESSAGES = "messages"

DOWNLOAD_CSV = "download-csv"
DOWNLOAD_CSV_BUTTON = "download-csv-button"
DOWNLOAD_HTML = "download-html"
DOWNLOAD_HTML_BUTTON = "download-html-button"
