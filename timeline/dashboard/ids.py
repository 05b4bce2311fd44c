"""Component ids of the dashboard, in one place so layout, callbacks and tests agree."""

SESSION = "session"  # dcc.Store: {"session": id, "version": n} -> the frame kept server-side
SELECTED = "selected"  # dcc.Store: row ids selected on the chart or in the table
OPEN_EVENT = "open-event"  # dcc.Store: row id shown in the side panel

SEARCH = "search"
DOCUMENTS = "documents"
SOURCES = "sources"
DATES = "dates"
TYPES = "types"
GRANULARITIES = "granularities"
DATED_BY = "dated-by"
CONFIDENCE = "confidence"
LANES = "lanes"
RESET = "reset-filters"
COUNTS = "counts"

CHART = "chart"
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
PANEL_CLOSE = "panel-close"
DATELINE = "panel-dateline"
REDATE = "panel-redate"
MARK = "panel-mark"

UPLOAD = "upload"
UPLOAD_DATELINE = "upload-dateline"
MESSAGES = "messages"

DOWNLOAD_CSV = "download-csv"
DOWNLOAD_CSV_BUTTON = "download-csv-button"
DOWNLOAD_HTML = "download-html"
DOWNLOAD_HTML_BUTTON = "download-html-button"
