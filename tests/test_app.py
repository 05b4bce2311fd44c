"""The dashboard, in headless Chromium (dash_duo) on the bundled samples and real article files,
and its server-side steps (filters, table pages, corrections, uploads) on the real sample frame."""

from __future__ import annotations

import base64
import re
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from dash.testing.wait import until
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.actions.action_builder import ActionBuilder
from selenium.webdriver.common.keys import Keys

import timeline
from timeline.dashboard import EXPORT_ASSETS, assets_folder, create_app, ids
from timeline.dashboard.panel import DAY_PANEL_SIZE, dated_by_text, day_panel
from timeline.dashboard.state import (
    Filters,
    entity_options,
    filtered,
    grid_page,
    prepare,
    with_dateline,
    with_documents,
    with_event_date,
)
from timeline.events import merge_events
from timeline.readers import read_bytes
from timeline.schema import ARTICLES, COLUMNS, empty_frame

DATA = Path(__file__).parent / "data" / "app"
ROOT = Path(__file__).resolve().parent.parent

# Every event on the chart as {row id: [x in ms, y, events its marker holds]} (trace 0 holds the
# selection rings; a dense day's marker lists its events' ids).
CHART_POINTS = """
const gd = document.querySelector('#chart .js-plotly-plot');
if (!gd || !gd._fullData) { return null; }
const points = {};
gd._fullData.forEach(function (trace, i) {
  if (i === 0 || !String(trace.mode).startsWith('markers') || !trace.customdata) { return; }
  for (let j = 0; j < trace.customdata.length; j++) {
    const id = trace.customdata[j];
    const ids = Array.isArray(id) ? id : [id];
    ids.forEach(function (one) {
      points[String(one)] = [Number(trace.x[j]), Number(trace.y[j]), ids.length];
    });
  }
});
return points;
"""
# The plot area's edges in the viewport: [left, top, right, bottom].
PLOT_AREA = """
const gd = document.querySelector('#chart .js-plotly-plot');
const fl = gd._fullLayout, box = gd.getBoundingClientRect();
return [box.left + fl._size.l, box.top + fl._size.t,
        box.left + fl._size.l + fl._size.w, box.top + fl._size.t + fl._size.h];
"""
RINGED = """
const gd = document.querySelector('#chart .js-plotly-plot');
return gd && gd._fullData ? Array.from(gd._fullData[0].customdata || []).map(String) : null;
"""
# Where in the viewport a marker at (x, y) is drawn, for a real mouse click on it.
POINT_IN_VIEWPORT = """
const gd = document.querySelector('#chart .js-plotly-plot');
const fl = gd._fullLayout, box = gd.getBoundingClientRect();
return [box.left + fl._size.l + fl.xaxis.l2p(arguments[0]),
        box.top + fl._size.t + fl.yaxis.l2p(arguments[1])];
"""


@pytest.fixture(scope="module")
def samples() -> pd.DataFrame:
    return timeline.extract()


def ms(day: str) -> float:
    return float(np.datetime64(str(day)[:10], "ms").astype("int64"))  # any year (1066 too)


def chart_points(dash_duo) -> dict:
    until(lambda: dash_duo.driver.execute_script(CHART_POINTS), timeout=20)
    return dash_duo.driver.execute_script(CHART_POINTS)


def grid_total(dash_duo) -> int:
    """The table's row count as its pager states it ("1 to 50 of 151")."""
    text = dash_duo.find_element(".ag-paging-row-summary-panel").text
    return int(text.rsplit("of", 1)[1].replace(",", "").strip())


def wait_for_grid_total(dash_duo, expected: int) -> None:
    until(lambda: _safe(lambda: grid_total(dash_duo)) == expected, timeout=20)


def _safe(read):
    try:
        return read()
    except Exception:  # the element is being re-rendered
        return None


def row_id_of(dash_duo, row: str) -> str:
    """The id of the grid row at selector `row`, once the grid has given it one."""

    def row_id() -> str | None:
        return _safe(lambda: dash_duo.find_element(row).get_attribute("row-id"))

    until(lambda: row_id() not in (None, "undefined"), timeout=20)
    return dash_duo.find_element(row).get_attribute("row-id")


def start(dash_duo, frame: pd.DataFrame | None = None) -> None:
    dash_duo.start_server(create_app(frame))
    dash_duo.wait_for_contains_text(f"#{ids.COUNTS}", " events", timeout=20)


def click_marker(dash_duo, x_ms: float, y: float) -> None:
    """A real mouse click where the marker is drawn (Plotly finds the point under it)."""
    left, top = dash_duo.driver.execute_script(POINT_IN_VIEWPORT, x_ms, y)
    actions = ActionBuilder(dash_duo.driver)
    actions.pointer_action.move_to_location(int(left), int(top)).pause(0.2).click()
    actions.perform()


def lone_point(dash_duo, points: dict) -> tuple[str, list]:
    """The single event's marker farthest, on screen, from any other marker (a click there finds
    only it)."""
    left, top, right, bottom = dash_duo.driver.execute_script(PLOT_AREA)
    singles = {rid: p[:2] for rid, p in points.items() if p[2] == 1}
    drawn = {
        rid: dash_duo.driver.execute_script(POINT_IN_VIEWPORT, *p) for rid, p in singles.items()
    }
    drawn = {  # in the window the chart shows, not off its edges
        rid: (x, y) for rid, (x, y) in drawn.items() if left < x < right and top < y < bottom
    }
    others = {tuple(p[:2]) for p in points.values()}
    screen = [dash_duo.driver.execute_script(POINT_IN_VIEWPORT, *p) for p in others]

    def room(rid: str) -> float:
        x, y = drawn[rid]
        return min(
            ((x - ox) ** 2 + (y - oy) ** 2 for ox, oy in screen if (ox, oy) != (x, y)),
            default=float("inf"),
        )

    rid = max(drawn, key=room)
    return rid, singles[rid]


# --- in the browser ------------------------------------------------------------------------------
@pytest.mark.browser
def test_page_loads_with_the_sample_events_on_chart_and_table(dash_duo, samples):
    start(dash_duo)
    n = len(samples)
    dash_duo.wait_for_contains_text(f"#{ids.COUNTS}", f"{n} of {n} events", timeout=20)
    assert len(chart_points(dash_duo)) == samples["start"].notna().sum()
    wait_for_grid_total(dash_duo, n)
    first = dash_duo.find_element(".ag-row[row-index='0'] .ag-cell[col-id='expression']").text
    assert first == samples.sort_values(["start", "end"], kind="stable")["expression"].iloc[0]
    assert dash_duo.get_logs() == []
    source = dash_duo.driver.page_source  # the dashboard's own assets, not the export page's
    assert "/assets/timeline.css" in source and "/assets/timeline.js" in source
    assert "/assets/export/" not in source


@pytest.mark.browser
def test_clicking_an_event_opens_the_panel_with_the_expression_marked(dash_duo, samples):
    start(dash_duo)
    row_id, (x, y) = lone_point(dash_duo, chart_points(dash_duo))
    click_marker(dash_duo, x, y)
    mark = dash_duo.wait_for_element(f"#{ids.PANEL} mark#{ids.MARK}", timeout=20)
    row = samples.iloc[int(row_id)]
    assert mark.text == row["expression"]
    article = samples.attrs[ARTICLES][row["doc_id"]]
    body = dash_duo.find_element(f"#{ids.PANEL} .article-text").text
    assert body.split() == article["text"].split()  # the whole article, not just a sentence
    assert row["explanation"] in dash_duo.find_element(f"#{ids.PANEL} .panel-facts").text
    until(lambda: dash_duo.driver.execute_script(RINGED) == [row_id], timeout=20)  # and selects it


@pytest.mark.browser
def test_a_text_filter_changes_chart_and_table_counts(dash_duo, samples):
    start(dash_duo)
    text = samples["event"].fillna("") + " " + samples["sentence"].fillna("")
    hits = samples[text.str.lower().str.contains("iphone", regex=False)]
    assert 0 < len(hits) < len(samples)
    dash_duo.find_element(f"#{ids.SEARCH}").send_keys("iPhone")
    dash_duo.wait_for_contains_text(f"#{ids.COUNTS}", f"{len(hits)} of {len(samples)} events")
    until(lambda: len(chart_points(dash_duo)) == hits["start"].notna().sum(), timeout=20)
    wait_for_grid_total(dash_duo, len(hits))
    dash_duo.find_element(f"#{ids.SEARCH}").send_keys(" zzzznothing")
    dash_duo.wait_for_contains_text(f"#{ids.COUNTS}", f"0 of {len(samples)} events")
    dash_duo.wait_for_text_to_equal(f"#{ids.TABLE_EMPTY}", "No events match the filters.")
    until(lambda: "No events match" in dash_duo.find_element(f"#{ids.CHART}").text, timeout=20)


@pytest.mark.browser
def test_unticking_reported_leaves_the_events_with_a_date_of_their_own(dash_duo, samples):
    start(dash_duo)
    n, own = len(samples), int((samples["dated_by"] != "reported").sum())
    dash_duo.wait_for_contains_text(f"#{ids.COUNTS}", f"{n} of {n} events", timeout=20)
    dash_duo.find_element(f"#{ids.DATED_BY} input[value='reported']").click()
    dash_duo.wait_for_contains_text(f"#{ids.COUNTS}", f"{own} of {n} events", timeout=20)
    wait_for_grid_total(dash_duo, own)


@pytest.mark.browser
def test_downloads_hold_the_filtered_events(dash_duo, samples):
    start(dash_duo)
    text = samples["event"].fillna("") + " " + samples["sentence"].fillna("")
    hits = samples[text.str.lower().str.contains("iphone", regex=False)]
    dash_duo.find_element(f"#{ids.SEARCH}").send_keys("iPhone")
    dash_duo.wait_for_contains_text(f"#{ids.COUNTS}", f"{len(hits)} of {len(samples)} events")
    folder = Path(dash_duo.download_path)
    dash_duo.find_element(f"#{ids.DOWNLOAD_CSV_BUTTON}").click()
    until(lambda: (folder / "timeline.csv").exists(), timeout=20)
    until(lambda: len(pd.read_csv(folder / "timeline.csv")) == len(hits), timeout=10)
    csv = pd.read_csv(folder / "timeline.csv")
    assert list(csv.columns) == list(COLUMNS)
    assert sorted(csv["expression"].fillna("")) == sorted(hits["expression"].fillna(""))
    back = timeline.read_events(folder / "timeline.csv")  # the CLI's CSV: JSON lists, neutralized
    assert sorted(back["sources"].map(tuple)) == sorted(hits["sources"].map(tuple))
    dash_duo.find_element(f"#{ids.DOWNLOAD_HTML_BUTTON}").click()
    until(lambda: (folder / "timeline.html").exists(), timeout=20)
    until(lambda: "</html>" in (folder / "timeline.html").read_text(encoding="utf-8"), timeout=10)
    page = (folder / "timeline.html").read_text(encoding="utf-8")
    assert f"{len(hits)} events" in page


@pytest.mark.browser
def test_an_uploaded_file_adds_its_events_and_a_bad_file_is_named(dash_duo, samples):
    start(dash_duo)
    upload = DATA / "APW19980807.0261.tml"
    added = timeline.events.frame_from_documents(read_bytes(upload.name, upload.read_bytes()))
    expected = merge_events(pd.concat([samples, added], ignore_index=True))
    assert len(expected) > len(samples)

    paths = [str(upload), str(DATA / "no-text-column.csv")]
    dash_duo.find_element(f"#{ids.UPLOAD} input[type=file]").send_keys("\n".join(paths))
    dash_duo.wait_for_contains_text(f"#{ids.MESSAGES}", "Added 1 article(s)", timeout=30)
    messages = dash_duo.find_element(f"#{ids.MESSAGES}").text
    assert "no-text-column.csv: no text column found" in messages
    total = len(expected)
    dash_duo.wait_for_contains_text(f"#{ids.COUNTS}", f"{total} of {total} events", timeout=20)
    until(lambda: len(chart_points(dash_duo)) == expected["start"].notna().sum(), timeout=20)
    wait_for_grid_total(dash_duo, total)


def edit_first_date(dash_duo, typed: str) -> str:
    """Type `typed` into the date of the table's first row; that row's id."""
    until(lambda: chart_points(dash_duo), timeout=20)  # the page has settled: nothing moves
    dash_duo.wait_for_element(f"#{ids.EVENT_LIST} .day, #{ids.EVENT_LIST} .empty", timeout=20)
    first = ".ag-center-cols-container .ag-row[row-index='0']"
    row_id = row_id_of(dash_duo, first)
    cell = dash_duo.find_element(f"{first} .ag-cell[col-id='date']")
    ActionChains(dash_duo.driver).double_click(cell).perform()
    editor = dash_duo.wait_for_element(f"{first} .ag-cell[col-id='date'] input")
    editor.send_keys(Keys.CONTROL, "a")
    editor.send_keys(typed, Keys.ENTER)
    dash_duo.wait_for_contains_text(f"#{ids.MESSAGES}", f"Moved the event to {typed}", timeout=20)
    return row_id


def marker_day(dash_duo, row_id: str) -> float | None:
    return chart_points(dash_duo).get(row_id, [None])[0]


@pytest.mark.browser
def test_editing_a_date_in_the_table_moves_its_marker(dash_duo, samples):
    start(dash_duo)
    first = ".ag-center-cols-container .ag-row[row-index='0']"
    assert chart_points(dash_duo)[row_id_of(dash_duo, first)][0] != ms("2021-03-04")
    row_id = edit_first_date(dash_duo, "2021-03-04")
    until(lambda: marker_day(dash_duo, row_id) == ms("2021-03-04"), timeout=20)


@pytest.mark.browser
def test_a_new_dateline_in_the_panel_re_resolves_the_article_on_the_chart(dash_duo):
    start(dash_duo)
    dash_duo.find_element(f"#{ids.SEARCH}").send_keys("Soleimani")
    days = lambda: sorted(p[0] for p in chart_points(dash_duo).values())  # noqa: E731
    # the strike "on Friday", and what the article reports with no date of its own, on its dateline
    until(lambda: days() == [ms("2020-01-03"), ms("2020-01-06")], timeout=20)
    cell = ".ag-center-cols-container .ag-row[row-index='0'] .ag-cell[col-id='event']"
    until(
        lambda: "Soleimani" in (_safe(lambda: dash_duo.find_element(cell).text) or ""), timeout=20
    )
    dash_duo.find_element(cell).click()
    dateline = dash_duo.wait_for_element(f"#{ids.DATELINE}", timeout=20)
    assert dateline.get_attribute("value") == "2020-01-06"
    dateline.send_keys(Keys.CONTROL, "a")
    dateline.send_keys("2020-02-10")
    dash_duo.find_element(f"#{ids.REDATE}").click()
    dash_duo.wait_for_contains_text(f"#{ids.MESSAGES}", "Re-resolved", timeout=20)
    # "on Friday" in an article dated Mon 10 Feb 2020 is Fri 7 Feb; the rest moves to the 10th
    until(lambda: days() == [ms("2020-02-07"), ms("2020-02-10")], timeout=20)
    dash_duo.wait_for_text_to_equal(f"#{ids.PANEL} mark#{ids.MARK}", "Friday", timeout=20)


@pytest.mark.browser
def test_selecting_table_rows_rings_them_on_the_chart(dash_duo):
    start(dash_duo)
    third = ".ag-row[row-index='2']"
    row_id = row_id_of(dash_duo, third)
    dash_duo.find_element(f"{third} .ag-selection-checkbox input").click()
    until(lambda: dash_duo.driver.execute_script(RINGED) == [row_id], timeout=20)


@pytest.mark.browser
def test_article_markup_is_shown_as_text_and_never_runs(dash_duo):
    frame = timeline.extract(str(DATA / "markup-article.txt"))
    assert len(frame) > 0
    start(dash_duo, frame)
    row_id, (x, y) = lone_point(dash_duo, chart_points(dash_duo))
    click_marker(dash_duo, x, y)
    dash_duo.wait_for_element(f"#{ids.PANEL} mark#{ids.MARK}", timeout=20)
    panel = dash_duo.find_element(f"#{ids.PANEL}").text
    assert "<script>window.__pwned = 'script'</script>" in panel
    assert """<img src="x" onerror="window.__pwned = 'img'">""" in panel
    assert "Council <b>votes</b>" in panel
    table = dash_duo.find_element(f"#{ids.GRID}").text
    assert "<script>" in table
    driver = dash_duo.driver
    assert driver.execute_script("return window.__pwned === undefined")
    assert (
        driver.execute_script(
            "return document.querySelectorAll('#panel script, #panel img, #panel b, #grid img').length"
        )
        == 0
    )


# --- server side ---------------------------------------------------------------------------------
def test_filters_combine_text_source_dates_and_confidence(samples):
    rows = prepare(samples).rows
    apple = filtered(rows, Filters(text="Apple"))
    assert 0 < len(apple) < len(rows)
    both = filtered(rows, Filters(text="apple", sources=("Wikinews",), min_confidence=0.8))
    assert set(both.index) <= set(apple.index)
    assert (both["confidence"] >= 0.8).all() and (both["source"] == "Wikinews").all()
    in_2007 = filtered(
        rows,
        Filters(start=pd.Timestamp("2007-01-01").date(), end=pd.Timestamp("2007-12-31").date()),
    )
    assert len(in_2007) > 0
    assert (in_2007["end"] > pd.Timestamp("2007-01-01")).all()
    assert (in_2007["start"] < pd.Timestamp("2008-01-01")).all()


def test_the_dated_by_filter_keeps_the_chosen_kinds_and_the_panel_says_which(samples):
    rows = prepare(samples).rows
    own = filtered(rows, Filters(dated_by=("expression", "event")))
    reported = filtered(rows, Filters(dated_by=("reported",)))
    assert len(own) + len(reported) == len(rows) and len(own) > 0 and len(reported) > 0
    assert (reported["dated_by"] == "reported").all()
    strike = own[(own["expression"] == "Friday") & (own["source"] == "Reuters")].iloc[0]
    assert dated_by_text(strike) == "its own words: “Friday” → 2020-01-03"
    said = dated_by_text(reported.iloc[0])
    assert said.startswith("the day it was reported, ") and "no date of its own" in said


def test_the_article_filter_keeps_events_merged_from_other_reports(samples):
    upload = DATA / "iraq-letter-no-date.txt"
    docs = read_bytes(upload.name, upload.read_bytes())
    events = with_documents(prepare(samples), docs, dateline=pd.Timestamp("2020-01-06").date())
    both = {"iraq-letter-no-date", "reuters-2020-01-06-iraq-letter"}
    merged = events.rows[events.rows["sources"].map(lambda s: both <= set(s))]
    assert len(merged) > 10
    for doc in sorted(both):
        shown = filtered(events.rows, Filters(documents=(doc,)))
        assert set(merged.index) <= set(shown.index)  # whichever copy the merged row was kept from
        assert shown["sources"].map(lambda s, d=doc: d in s).all()


def test_a_frame_of_many_parts_is_prepared_in_one_piece_per_column(samples):
    parts = pd.concat([samples.iloc[:50], samples.iloc[50:100], samples.iloc[100:]])
    assert parts["sentence"].array.__arrow_array__().num_chunks == 3
    rows = prepare(parts).rows
    assert rows["sentence"].array.__arrow_array__().num_chunks == 1
    assert rows[list(COLUMNS)].equals(prepare(samples).rows[list(COLUMNS)])


def test_table_pages_are_sorted_and_filtered_on_the_server(samples):
    rows = prepare(samples).rows
    page = grid_page(
        rows, {"startRow": 0, "endRow": 10, "sortModel": [{"colId": "confidence", "sort": "desc"}]}
    )
    assert page["rowCount"] == len(rows)
    confidences = [r["confidence"] for r in page["rowData"]]
    assert len(confidences) == 10 and confidences == sorted(confidences, reverse=True)
    model = {"granularity": {"filterType": "text", "type": "equals", "filter": "year"}}
    years = grid_page(rows, {"startRow": 0, "endRow": 500, "filterModel": model})
    assert years["rowCount"] == int((samples["granularity"] == "year").sum())
    assert {r["granularity"] for r in years["rowData"]} == {"year"}


def test_a_corrected_date_keeps_the_row_and_becomes_its_interval(samples):
    events = prepare(samples)
    moved = with_event_date(events, 5, "2019-07")
    row = moved.rows.loc[5]
    assert (row["start"], row["end"]) == (pd.Timestamp("2019-07-01"), pd.Timestamp("2019-08-01"))
    assert row["granularity"] == "month" and row["_date"] == "July 2019"
    assert "corrected by hand" in row["explanation"]
    assert len(moved.rows) == len(events.rows) and moved.version == events.version + 1
    with pytest.raises(ValueError, match="not a date"):
        with_event_date(events, 5, "the week the river froze")
    assert events.rows.loc[5, "start"] == samples.loc[5, "start"]  # the original is untouched


def test_a_new_dateline_re_resolves_only_that_article(samples):
    events = prepare(samples)
    doc = "reuters-2020-01-06-iraq-letter"
    before = events.rows[events.rows["doc_id"] == doc]
    redated = with_dateline(events, doc, "2020-02-10")
    after = redated.rows[redated.rows["doc_id"] == doc]
    friday = after[after["expression"] == "Friday"]
    assert friday["start"].tolist() == [pd.Timestamp("2020-02-07")]  # the Friday before Mon 10 Feb
    assert (after["dateline_source"] == "explicit").all()
    assert len(after) == len(before)
    others = redated.rows[redated.rows["doc_id"] != doc]
    assert others[list(COLUMNS)].equals(events.rows[events.rows["doc_id"] != doc][list(COLUMNS)])


def test_uploaded_articles_merge_with_the_reports_already_loaded(samples):
    events = prepare(samples)
    upload = DATA / "iraq-letter-no-date.txt"
    docs = read_bytes(upload.name, upload.read_bytes())
    grown = with_documents(events, docs, dateline=pd.Timestamp("2020-01-06").date())
    assert "iraq-letter-no-date" in grown.articles
    merged = grown.rows[grown.rows["sources"].map(lambda s: "iraq-letter-no-date" in s)]
    assert len(merged) > 10 and (merged["n_sources"] == 2).all()
    assert all("reuters-2020-01-06-iraq-letter" in s for s in merged["sources"])
    again = with_documents(grown, read_bytes(upload.name, upload.read_bytes()))
    assert "iraq-letter-no-date-2" in again.articles  # a second upload never overwrites


def test_the_dashboard_ignores_exactly_the_export_pages_files():
    loadable = {f for f in assets_folder().rglob("*") if f.name.endswith(("css", "js"))}  # as Dash
    ignored = {f for f in loadable if re.search(EXPORT_ASSETS, f.name)}
    assert ignored == {f for f in loadable if f.parent.name == "export"} and len(ignored) == 2
    index = create_app(empty_frame()).server.test_client().get("/").get_data(as_text=True)
    assets = re.findall(r'"/assets/([^"?]+)', index)
    assert sorted(assets) == ["timeline.css", "timeline.js"]


def test_the_built_wheel_ships_the_assets_serves_the_css_and_renders_the_page(tmp_path):
    built = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(ROOT)],
        capture_output=True,
        text=True,
    )
    assert built.returncode == 0, built.stderr
    wheel = next(tmp_path.glob("timeline-*.whl"))
    site = tmp_path / "site"
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        assert "timeline/assets/timeline.css" in names
        for name in ("page.html.j2", "page.css", "page.js"):
            assert f"timeline/assets/export/{name}" in names
        archive.extractall(site)
    serve = (
        "import sys; sys.path.insert(0, sys.argv[1]);"
        "import timeline, timeline.schema as s;"
        "assert timeline.__file__.startswith(sys.argv[1]), timeline.__file__;"
        "app = timeline.app(s.empty_frame());"
        "r = app.server.test_client().get('/assets/timeline.css');"
        "print(r.status_code, b'--accent' in r.data);"
        "from timeline.export import page as p;"
        "js = (p.assets_folder() / 'export' / 'page.js').read_text('utf-8');"
        "html = timeline.to_html(s.empty_frame());"
        "print(str(p.assets_folder()).startswith(sys.argv[1]), p.script_hash(js)[1:-1] in html,"
        " '<script>' + js + '</script>' in html)"
    )
    ran = subprocess.run(
        [sys.executable, "-c", serve, str(site)], capture_output=True, text=True, cwd=tmp_path
    )
    assert ran.stdout.split() == ["200", "True", "True", "True", "True"], ran.stderr


def test_timeline_app_stays_callable_once_the_dashboard_is_imported():
    import timeline.dashboard  # noqa: F401

    app = timeline.app(timeline.extract(str(DATA / "markup-article.txt")))
    app = timeline.app(timeline.extract(str(DATA / "markup-article.txt")))
    assert app.server.test_client().get("/").status_code == 200


def test_upload_messages_name_each_unreadable_file():
    from timeline.dashboard.uploads import read_uploads

    good = DATA / "iraq-letter-no-date.txt"
    payload = [
        "data:text/plain;base64," + base64.b64encode(good.read_bytes()).decode(),
        "data:text/csv;base64,"
        + base64.b64encode((DATA / "no-text-column.csv").read_bytes()).decode(),
        "data:text/plain;base64,",
    ]
    docs, notes = read_uploads([good.name, "no-text-column.csv", "empty.txt"], payload)
    assert [d.doc_id for d in docs] == ["iraq-letter-no-date"]
    texts = [text for text, _ in notes]
    assert texts[0].startswith("no-text-column.csv: no text column found")
    assert texts[1] == "empty.txt: empty file"


# --- a session's work: kept on the server, announced when gone ----------------------------------
PORT = 8765  # one origin for both servers of a restart: the browser's local storage is per origin


@pytest.mark.browser
def test_a_corrected_date_survives_a_server_restart_and_a_reload(dash_duo, samples, tmp_path):
    dash_duo.start_server(create_app(samples, store=tmp_path), port=PORT)
    dash_duo.wait_for_contains_text(f"#{ids.COUNTS}", " events", timeout=20)
    row_id = edit_first_date(dash_duo, "2021-03-04")
    until(lambda: marker_day(dash_duo, row_id) == ms("2021-03-04"), timeout=20)
    dash_duo.server.stop()
    dash_duo.server.started = False
    restarted = create_app(samples, store=tmp_path, title="restarted")
    dash_duo.start_server(restarted, port=PORT)  # and loads the page again
    dash_duo.wait_for_contains_text(f"#{ids.COUNTS}", " events", timeout=20)
    assert dash_duo.driver.title == "restarted"
    until(lambda: marker_day(dash_duo, row_id) == ms("2021-03-04"), timeout=20)
    assert dash_duo.find_element(f"#{ids.NOTICE}").text == ""


@pytest.mark.browser
def test_a_corrected_date_outlives_other_sessions_pushing_it_out_of_memory(
    dash_duo, samples, tmp_path
):
    import requests

    from timeline.dashboard.protocol import callback_request

    dash_duo.start_server(create_app(samples, store=tmp_path, in_memory=1))
    dash_duo.wait_for_contains_text(f"#{ids.COUNTS}", " events", timeout=20)
    row_id = edit_first_date(dash_duo, "2021-03-04")
    url = dash_duo.server_url
    callbacks = requests.get(f"{url}/_dash-dependencies", timeout=30).json()
    for other in ("1" * 32, "2" * 32):  # two more sessions edit: the server keeps one in memory
        change = {"rowId": "3", "colId": "date", "value": "1999-01-01"}
        body = callback_request(
            callbacks,
            "session.data",
            {"grid.cellValueChanged": [change], "session.data": {"session": other, "version": 0}},
            trigger="grid",
        )
        answer = requests.post(f"{url}/_dash-update-component", json=body, timeout=60)
        assert answer.json()["response"]["session"]["data"] == {"session": other, "version": 1}
    dash_duo.driver.refresh()
    dash_duo.wait_for_contains_text(f"#{ids.COUNTS}", " events", timeout=20)
    until(lambda: marker_day(dash_duo, row_id) == ms("2021-03-04"), timeout=20)
    assert dash_duo.find_element(f"#{ids.NOTICE}").text == ""


@pytest.mark.browser
def test_work_that_expired_is_announced_and_the_articles_shown_as_loaded(dash_duo, tmp_path):
    frame = timeline.extract(str(DATA / "iraq-letter-no-date.txt"), dateline="2020-01-06")
    dash_duo.start_server(create_app(frame, store=tmp_path, keep_days=2 / 86400))
    dash_duo.wait_for_contains_text(f"#{ids.COUNTS}", " events", timeout=20)
    row_id = edit_first_date(dash_duo, "2021-03-04")
    original = ms(str(frame.sort_values(["start", "end"], kind="stable")["start"].iloc[0]))
    time.sleep(5)  # the page's last reads after the edit kept it alive 2 s more
    dash_duo.driver.refresh()
    dash_duo.wait_for_contains_text(f"#{ids.NOTICE}", "no longer on the server", timeout=20)
    until(lambda: marker_day(dash_duo, row_id) == original, timeout=20)


@pytest.mark.browser
def test_start_over_discards_the_corrections(dash_duo, samples, tmp_path):
    dash_duo.start_server(create_app(samples, store=tmp_path))
    dash_duo.wait_for_contains_text(f"#{ids.COUNTS}", " events", timeout=20)
    original = {rid: point[0] for rid, point in chart_points(dash_duo).items()}
    row_id = edit_first_date(dash_duo, "2021-03-04")
    until(lambda: marker_day(dash_duo, row_id) == ms("2021-03-04"), timeout=20)
    dash_duo.find_element(f"#{ids.DISCARD}").click()
    dash_duo.wait_for_text_to_equal(f"#{ids.NOTICE}", "Your changes were discarded.", timeout=20)
    until(lambda: marker_day(dash_duo, row_id) == original[row_id], timeout=20)


# --- uploads run as background jobs --------------------------------------------------------------
def wire_csv(path: Path, rows: int) -> Path:
    """A CSV of `rows` short dated wire items (date and text columns)."""
    days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
    lines = ["date,text"] + [
        f"2020-01-{1 + n % 28:02d},Talks in city {n} ended on {days[n % 5]} without a deal."
        for n in range(rows)
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.mark.browser
def test_an_upload_shows_its_progress_and_cancel_stops_it(dash_duo, samples, tmp_path):
    start(dash_duo, samples)
    n = len(samples)
    big = wire_csv(tmp_path / "wire.csv", 5000)
    dash_duo.find_element(f"#{ids.UPLOAD} input[type=file]").send_keys(str(big))
    dash_duo.wait_for_contains_text(f"#{ids.UPLOAD_PROGRESS}", "Extracting events", timeout=30)
    assert "of 5,000" in dash_duo.find_element(f"#{ids.UPLOAD_PROGRESS}").text
    dash_duo.find_element(f"#{ids.UPLOAD_CANCEL}").click()
    until(lambda: not dash_duo.find_element(f"#{ids.UPLOAD_PROGRESS}").is_displayed(), timeout=20)
    time.sleep(2)
    dash_duo.wait_for_contains_text(f"#{ids.COUNTS}", f"{n} of {n} events", timeout=5)
    assert dash_duo.find_element(f"#{ids.MESSAGES}").text == ""


@pytest.mark.browser
def test_an_upload_over_the_article_limit_is_refused_with_the_limit_named(
    dash_duo, samples, tmp_path
):
    from timeline.dashboard.jobs import Limits

    dash_duo.start_server(create_app(samples, store=tmp_path, limits=Limits(articles=20)))
    n = len(samples)
    dash_duo.wait_for_contains_text(f"#{ids.COUNTS}", f"{n} of {n} events", timeout=20)
    csv = wire_csv(tmp_path / "wire.csv", 30)
    dash_duo.find_element(f"#{ids.UPLOAD} input[type=file]").send_keys(str(csv))
    dash_duo.wait_for_contains_text(f"#{ids.MESSAGES}", "Nothing was added", timeout=30)
    assert "wire.csv: 30 articles in this upload, more than the 20 one upload may add" in (
        dash_duo.find_element(f"#{ids.MESSAGES}").text
    )
    dash_duo.wait_for_contains_text(f"#{ids.COUNTS}", f"{n} of {n} events", timeout=5)


# --- reading at any scale (issue 14) ------------------------------------------------------------
AXIS_BOTTOM = """
const axis = document.querySelector('#chart .xaxislayer-above');
return axis ? [axis.getBoundingClientRect().bottom, window.innerHeight] : null;
"""
X_RANGE = """
const gd = document.querySelector('#chart .js-plotly-plot');
return gd && gd._fullLayout && gd._fullLayout.xaxis ? gd._fullLayout.xaxis.range.map(
  v => typeof v === 'number' ? v : Date.parse(v.replace(' ', 'T') + 'Z')) : null;
"""
COUNT_MARKERS = """
const gd = document.querySelector('#chart .js-plotly-plot');
if (!gd || !gd._fullData) { return null; }
const out = [];
gd._fullData.forEach(function (t) {
  if (String(t.name).startsWith('several events that')) {
    for (let j = 0; j < t.x.length; j++) { out.push([Number(t.x[j]), Number(t.y[j]), t.text[j]]); }
  }
});
return out;
"""


def story(tmp_path: Path, name: str, sentences: list[str], url: str = "") -> Path:
    """A real article file (front matter and text), published Monday 2020-01-06."""
    path = tmp_path / f"{name}.txt"
    head = f'---\ntitle: "{name}"\nsource: Test Wire\npublished: 2020-01-06\n'
    head += f"url: {url}\n" if url else ""
    path.write_text(head + "---\n" + "\n\n".join(sentences) + "\n", encoding="utf-8")
    return path


@pytest.mark.browser
def test_the_time_axis_is_on_the_first_screen_at_1366_by_768(dash_duo, samples):
    dash_duo.driver.set_window_size(1366, 768)
    start(dash_duo)
    until(lambda: dash_duo.driver.execute_script(AXIS_BOTTOM), timeout=20)
    bottom, height = dash_duo.driver.execute_script(AXIS_BOTTOM)
    assert 0 < bottom <= height
    ticks = dash_duo.driver.find_elements("css selector", "#chart .xaxislayer-above .xtick text")
    assert any(re.fullmatch(r"\d{4}", t.text) for t in ticks)  # dates, readable, on screen


@pytest.mark.browser
def test_the_default_window_leaves_out_a_lone_11th_century_event_and_all_shows_it(
    dash_duo, samples
):
    lone = samples.iloc[[0]].assign(
        start=pd.Timestamp("1066-10-14"), end=pd.Timestamp("1066-10-15"), granularity="day"
    )
    start(dash_duo, pd.concat([samples, lone], ignore_index=True))
    until(lambda: dash_duo.driver.execute_script(X_RANGE), timeout=20)
    low, high = dash_duo.driver.execute_script(X_RANGE)
    assert low > ms("1900-01-01") and high >= ms("2011-01-01")
    dash_duo.find_element(f"#{ids.WINDOW_BUTTONS['all']}").click()
    until(lambda: dash_duo.driver.execute_script(X_RANGE)[0] < ms("1066-10-14"), timeout=20)
    dash_duo.find_element(f"#{ids.WINDOW_BUTTONS['1m']}").click()  # a month of the events
    until(lambda: dash_duo.driver.execute_script(X_RANGE)[0] > ms("2010-01-01"), timeout=20)
    low, high = dash_duo.driver.execute_script(X_RANGE)
    assert 28 <= (high - low) / 86_400_000 <= 32


@pytest.mark.browser
def test_a_day_with_20_events_is_one_marker_with_20_and_a_click_lists_them(dash_duo, tmp_path):
    sentences = [f"The council approved budget item {n} on Friday." for n in range(1, 21)]
    frame = timeline.extract([story(tmp_path, "Council", sentences)], quiet=True)
    assert (frame["start"] == pd.Timestamp("2020-01-03")).sum() == 20
    start(dash_duo, frame)
    until(lambda: dash_duo.driver.execute_script(COUNT_MARKERS), timeout=20)
    markers = dash_duo.driver.execute_script(COUNT_MARKERS)
    [(x, y, label)] = [m for m in markers if m[0] == ms("2020-01-03")]
    assert label == "20"
    click_marker(dash_duo, x, y)
    dash_duo.wait_for_contains_text(f"#{ids.PANEL}", "20 events", timeout=20)
    items = dash_duo.find_elements(f"#{ids.PANEL} .event-item")
    assert len(items) == 20
    items[3].click()  # one of them, in its article
    dash_duo.wait_for_element(f"#{ids.PANEL} mark#{ids.MARK}", timeout=20)


@pytest.mark.browser
def test_the_list_shows_the_window_by_day_and_links_each_source_to_its_url(dash_duo, tmp_path):
    url = "https://news.example.org/strike"
    first = story(tmp_path, "Strike ends", ["Dock workers ended their strike on Friday."], url)
    second = story(tmp_path, "Port reopens", ["The port reopened on Sunday, officials said."])
    start(dash_duo, timeline.extract([first, second], quiet=True))
    dash_duo.wait_for_element(f"#{ids.EVENT_LIST} .event-item", timeout=20)
    heads = [h.text for h in dash_duo.find_elements(f"#{ids.EVENT_LIST} .day-head")]
    assert heads[0].startswith("Fri 3 Jan 2020") and heads[1].startswith("Sun 5 Jan 2020")
    link = dash_duo.find_element(f"#{ids.EVENT_LIST} .event-item a")
    assert link.get_attribute("href") == url and link.get_attribute("rel") == "noopener noreferrer"
    assert link.text == "Strike ends"
    items = dash_duo.find_elements(f"#{ids.EVENT_LIST} .event-item")
    [port] = [item for item in items if "port reopened" in item.text]
    port.click()
    dash_duo.wait_for_contains_text(f"#{ids.PANEL}", "Port reopens", timeout=20)
    ActionChains(dash_duo.driver).send_keys(Keys.ESCAPE).perform()  # Esc closes the panel
    until(lambda: "closed" in dash_duo.find_element(f"#{ids.PANEL}").get_attribute("class"), 20)
    items[0].send_keys(Keys.ENTER)  # by keyboard too
    dash_duo.wait_for_contains_text(f"#{ids.PANEL}", "Strike ends", timeout=20)
    assert "Open the article" in dash_duo.find_element(f"#{ids.PANEL} .article-link").text


def test_a_dense_marker_of_thousands_lists_its_first_hundred_and_says_how_many_more(samples):
    events = prepare(samples)
    dated = events.rows[events.rows["start"].notna()]
    (heading, hint), listed = day_panel(dated, events.articles)
    items = [item for day in listed["groups"] for item in day["items"]]
    assert listed["target"] == ids.PANEL_LIST
    assert len(dated) > DAY_PANEL_SIZE and len(items) == DAY_PANEL_SIZE
    assert heading.children == f"{len(dated):,} events"
    assert f"zoom in for the other {len(dated) - DAY_PANEL_SIZE:,}" in hint.children


NO_WEBGL = """
const canvasContext = HTMLCanvasElement.prototype.getContext;
HTMLCanvasElement.prototype.getContext = function (kind) {
  return /webgl/.test(String(kind)) ? null : canvasContext.apply(this, arguments);
};
"""
TRACE_TYPES = """
const gd = document.querySelector('#chart .js-plotly-plot');
return gd && gd._fullData ? gd._fullData.map(function (t) { return t.type; }) : null;
"""


@pytest.mark.browser
def test_a_browser_without_webgl_gets_the_chart_of_many_events_in_svg(dash_duo, samples):
    many = pd.concat([samples] * 5, ignore_index=True)  # 2,545 events: WebGL where it can
    source = {"source": NO_WEBGL}
    dash_duo.driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", source)
    start(dash_duo, many)
    until(lambda: set(dash_duo.driver.execute_script(TRACE_TYPES) or []) == {"scatter"}, 20)
    assert len(dash_duo.driver.execute_script(CHART_POINTS) or {}) > 100  # and it draws them


@pytest.mark.browser
def test_the_list_draws_article_text_as_text_and_links_only_web_addresses(dash_duo, tmp_path):
    hostile = '<img src=x onerror="window.__pwned = 1"> rioters <b>stormed</b> it on Friday.'
    path = story(tmp_path, "Riot", [hostile], "javascript:window.__pwned = 2")
    start(dash_duo, timeline.extract([path], quiet=True))
    item = dash_duo.wait_for_element(f"#{ids.EVENT_LIST} .event-item", timeout=20)
    assert "<b>stormed</b>" in item.text  # shown as written, not as markup
    assert not item.find_elements("css selector", "img, b, a")  # and no link to javascript:
    assert item.find_element("css selector", ".item-sources").text == "Test Wire: Riot"
    assert dash_duo.driver.execute_script("return window.__pwned") is None


@pytest.mark.browser
def test_a_link_with_a_query_reopens_that_view_and_the_address_follows_the_view(dash_duo, samples):
    dash_duo.start_server(create_app(samples))
    dash_duo.driver.get(dash_duo.server_url + "/?q=iphone&from=2010-01-01&lanes=source")
    dash_duo.wait_for_contains_text(f"#{ids.COUNTS}", " events", timeout=20)
    text = samples["event"].fillna("") + " " + samples["sentence"].fillna("")
    hits = samples[
        text.str.lower().str.contains("iphone") & (samples["end"] > pd.Timestamp("2010-01-01"))
    ]
    dash_duo.wait_for_contains_text(f"#{ids.COUNTS}", f"{len(hits)} of {len(samples)} events")
    assert dash_duo.find_element(f"#{ids.SEARCH}").get_attribute("value") == "iphone"
    checked = dash_duo.find_element(f"#{ids.LANES} input:checked").get_attribute("value")
    assert checked == "source"
    dash_duo.find_element(f"#{ids.SEARCH}").send_keys(" jobs")
    until(lambda: "q=iphone+jobs" in dash_duo.driver.current_url, timeout=20)
    assert "from=2010-01-01" in dash_duo.driver.current_url


@pytest.mark.browser
def test_a_table_column_filter_changes_the_counts_and_the_chart(dash_duo, samples):
    start(dash_duo, samples)
    reuters = int((samples["source"] == "Reuters").sum())
    dash_duo.driver.execute_script(
        "dash_ag_grid.getApiAsync('grid').then(api => api.setFilterModel("
        "{source: {filterType: 'text', type: 'equals', filter: 'Reuters'}}))"
    )
    dash_duo.wait_for_contains_text(f"#{ids.COUNTS}", f"{reuters} of {len(samples)} events", 20)
    until(lambda: len(chart_points(dash_duo)) == reuters, timeout=20)


@pytest.mark.browser
def test_lanes_are_reached_by_keyboard_and_the_chart_can_be_saved_as_an_image(dash_duo, samples):
    start(dash_duo, samples)
    first = dash_duo.find_element(f"#{ids.LANES} input[value='none']")
    first.send_keys(Keys.SPACE)
    first.send_keys(Keys.ARROW_RIGHT)  # a radio group: arrows move the choice
    until(
        lambda: (
            dash_duo.find_element(f"#{ids.LANES} input:checked").get_attribute("value") == "source"
        ),
        timeout=20,
    )
    until(
        lambda: (
            "Reuters"
            in dash_duo.driver.execute_script(
                "return document.querySelector('#chart .yaxislayer-above').textContent"
            )
        ),
        timeout=20,
    )
    assert dash_duo.driver.find_elements("css selector", "#chart .modebar-btn[data-title*='PNG']")


@pytest.mark.browser
def test_editing_a_date_in_the_table_does_not_open_the_panel(dash_duo, samples):
    start(dash_duo, samples)
    edit_first_date(dash_duo, "2021-03-04")
    assert "closed" in dash_duo.find_element(f"#{ids.PANEL}").get_attribute("class")


@pytest.mark.browser
def test_the_page_and_the_chart_follow_a_dark_colour_scheme(dash_duo, samples):
    dash_duo.driver.execute_cdp_cmd(
        "Emulation.setEmulatedMedia",
        {"features": [{"name": "prefers-color-scheme", "value": "dark"}]},
    )
    start(dash_duo, samples)
    until(
        lambda: (
            dash_duo.driver.execute_script(
                "const gd = document.querySelector('#chart .js-plotly-plot');"
                "return gd && gd._fullLayout && gd._fullLayout.font.color"
            )
            == "#e5e7eb"
        ),
        timeout=20,
    )
    background = dash_duo.driver.execute_script(
        "return getComputedStyle(document.body).backgroundColor"
    )
    assert background == "rgb(15, 20, 27)"


@pytest.mark.browser
def test_a_feed_uploaded_in_the_browser_adds_its_entries(dash_duo, samples):
    start(dash_duo, samples)
    feed = DATA.parent / "inputs" / "world-briefs.rss"
    dash_duo.find_element(f"#{ids.UPLOAD} input[type=file]").send_keys(str(feed))
    dash_duo.wait_for_contains_text(f"#{ids.MESSAGES}", "Added 3 article(s)", timeout=60)


def test_a_date_typed_as_people_say_it_is_read_against_the_articles_dateline(samples):
    events = prepare(samples)
    rows = events.rows
    [row_id] = rows.index[(rows["source"] == "Reuters") & (rows["expression"] == "Friday")][:1]
    moved = with_event_date(events, int(row_id), "next Tuesday")  # in a Monday 6 Jan 2020 story
    assert moved.rows.loc[int(row_id), "start"] == pd.Timestamp("2020-01-07")
    quarter = with_event_date(events, int(row_id), "Q3 2019")
    assert quarter.rows.loc[int(row_id), "granularity"] == "quarter"
    with pytest.raises(ValueError, match="not a date"):
        with_event_date(events, int(row_id), "banana")


def test_upload_messages_speak_of_the_page_not_of_command_line_flags():
    from timeline.dashboard.uploads import read_uploads

    data = b"headline,body_text\nStrike ends,Workers returned on Friday.\n"
    content = "data:text/csv;base64," + base64.b64encode(data).decode()
    _, notes = read_uploads(["wire.csv"], [content])
    [(text, kind)] = notes
    assert kind == "error" and "--" not in text and "rename the column" in text


def test_the_entity_filter_keeps_the_events_naming_it_and_the_options_count_them(samples):
    events = prepare(samples)
    options = entity_options(events)
    assert options[0]["value"] == "Apple" and options[0]["label"].startswith("Apple · organisation")
    jobs = filtered(events.rows, Filters(entities=("Steve Jobs",)))
    assert len(jobs) == int(
        options[[o["value"] for o in options].index("Steve Jobs")]["label"].rsplit("· ", 1)[1]
    )
    assert jobs["_entities"].map(lambda names: "Steve Jobs" in names).all()
    assert entity_options(events, search="beatles")[0]["value"].startswith("Beatles")


@pytest.mark.browser
def test_picking_an_entity_gives_its_timeline_and_entity_lanes_name_it(dash_duo, samples):
    start(dash_duo, samples)
    events = prepare(samples)
    jobs = filtered(events.rows, Filters(entities=("Steve Jobs",)))
    dash_duo.find_element(f"#{ids.ENTITIES}").click()  # open it, then tick the name
    dash_duo.find_element("[role=option] input[value='Steve Jobs']").click()
    dash_duo.wait_for_contains_text(f"#{ids.COUNTS}", f"{len(jobs)} of {len(samples)} events", 20)
    until(lambda: "ent=Steve+Jobs" in dash_duo.driver.current_url, timeout=20)
    dash_duo.find_element(f"#{ids.LANES} input[value='entity']").click()
    until(
        lambda: (
            "Steve Jobs"
            in (
                dash_duo.driver.execute_script(
                    "const l = document.querySelector('#chart .yaxislayer-above'); return l && l.textContent"
                )
                or ""
            )
        ),
        timeout=20,
    )
