"""Static exports: the offline HTML page (in headless Chromium), TimelineJS3 JSON, TimeML, dispatch."""

from __future__ import annotations

import json
import re
import shutil
import time
from html.parser import HTMLParser
from pathlib import Path

import pandas as pd
import pytest

import timeline
from timeline.cli import main
from timeline.export import (
    export,
    json_for_script,
    script_hash,
    to_html,
    to_timelinejs,
    to_timeml,
)
from timeline.export import page as html_page
from timeline.schema import ARTICLES, ERRORS, conform
from timeline.timeml import read_timeml

DATA = Path(__file__).parent / "data" / "export"
PLANTED = DATA / "planted-markup.txt"  # <script>, <img onerror>, javascript: links in an article
REUTERS = DATA / "reuters-2020-01-06-iraq-letter.txt"
PLANTED_ID, REUTERS_ID = PLANTED.stem, REUTERS.stem


# --- frames ----------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def news() -> pd.DataFrame:
    """The real events of two articles, one of them full of planted markup."""
    frame = timeline.extract([str(PLANTED), str(REUTERS)], quiet=True)
    assert frame.attrs[ERRORS] == [] and set(frame["doc_id"]) == {PLANTED_ID, REUTERS_ID}
    return frame


@pytest.fixture(scope="module")
def samples() -> pd.DataFrame:
    """The bundled sample corpus, extracted."""
    return timeline.extract(quiet=True)


def granular_frame(rows: list[tuple]) -> pd.DataFrame:
    """A frame per `timeline.schema` whose rows pin one granularity each, over the planted text.

    Rows are (expression, granularity, start, end); hand-built so every granularity is covered.
    """
    text = timeline.extract([str(PLANTED)], quiet=True).attrs[ARTICLES][PLANTED_ID]["text"]
    records = [
        {
            "doc_id": PLANTED_ID,
            "source": "Gazette",
            "expression": expression,
            "timex_type": "DATE",
            "timex_value": gran,
            "granularity": gran,
            "start": pd.Timestamp(start) if start else pd.NaT,
            "end": pd.Timestamp(end) if end else pd.NaT,
            "sentence": expression,
            "char_start": text.index(expression),
            "char_end": text.index(expression) + len(expression),
            "sources": PLANTED_ID,
            "n_sources": 1,
        }
        for expression, gran, start, end in rows
    ]
    frame = conform(pd.DataFrame(records))
    frame.attrs[ARTICLES] = {PLANTED_ID: {"title": "Bridge", "text": text}}
    return frame


# --- page source -----------------------------------------------------------------------------
class Tags(HTMLParser):
    """Every start tag of a page with its attributes."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def tags_of(page: str) -> list[tuple[str, dict]]:
    parser = Tags()
    parser.feed(page)
    return parser.tags


def test_script_json_cannot_close_its_script_element():
    hostile = {"text": "</script><script>alert(1)</script><!-- & \u2028"}
    encoded = json_for_script(hostile)
    assert not re.search(r"[<>&\u2028]", encoded)
    assert json.loads(encoded) == hostile


def test_page_is_one_file_with_plotly_inlined_and_nothing_to_fetch(tmp_path, news):
    page = to_html(news, tmp_path / "t.html", title="Bridge <b>story</b>")
    assert (tmp_path / "t.html").read_text(encoding="utf-8") == page
    tags = tags_of(page)
    assert [t for t, a in tags if "src" in a or "href" in a] == []
    assert [t for t, _ in tags if t in ("link", "iframe", "img", "object", "embed", "a")] == []
    scripts = [a.get("type") for t, a in tags if t == "script"]
    assert scripts == ["application/json", "application/json", None, None]
    assert "<title>Bridge &lt;b&gt;story&lt;/b&gt;</title>" in page
    assert "Plotly" in page and len(page) > 3_000_000  # plotly.min.js is inside


def test_planted_markup_reaches_the_page_only_as_json_text(news):
    page = to_html(news)
    for planted in ("<script>window.__pwned", "<img src=x", '<a href="javascript'):
        assert planted not in page
    assert "\\u003cscript\\u003ewindow.__pwned" in page


def inline_scripts_and_policy(page: str) -> tuple[list[str], str]:
    """The page's inline (non-JSON) scripts as the browser reads them, and its CSP."""
    scripts = re.findall(r"<script>(.*?)</script>", page, flags=re.S)
    policy = next(a["content"] for t, a in tags_of(page) if a.get("http-equiv"))
    return scripts, policy


def test_the_policy_allows_exactly_the_scripts_inlined(news):
    scripts, policy = inline_scripts_and_policy(to_html(news))
    allowed = re.findall(r"'(sha256-[^']+)'", policy)
    assert allowed == [script_hash(s).strip("'") for s in scripts] and len(scripts) == 2
    viewer = (html_page.assets_folder() / "export" / "page.js").read_text("utf-8")
    assert scripts[1] == viewer  # the file, inlined as it is


def test_an_edited_viewer_file_is_inlined_and_hashed_as_edited(tmp_path, monkeypatch, news):
    shutil.copytree(html_page.assets_folder(), tmp_path / "assets")
    viewer = tmp_path / "assets" / "export" / "page.js"
    viewer.write_text("/* edited */\n" + viewer.read_text("utf-8"), encoding="utf-8")
    monkeypatch.setattr(html_page, "assets_folder", lambda: tmp_path / "assets")
    scripts, policy = inline_scripts_and_policy(to_html(news))
    assert scripts[1].startswith("/* edited */\n")
    assert script_hash(scripts[1]) in policy


def test_the_title_is_escaped_and_inlined_text_cannot_close_its_element(news):
    page = to_html(news, title='"Bridge" & <i>co</i>')
    assert "<h1>&#34;Bridge&#34; &amp; &lt;i&gt;co&lt;/i&gt;</h1>" in page
    assert re.search(r'<p class="summary">\d+ events from 2 articles, ', page)
    for text, element in (("x</SCRIPT>", "script"), ("a<!--b", "script"), ("p{}</style>", "style")):
        with pytest.raises(ValueError, match="cannot inline"):
            html_page.inline(text, element)


# --- TimelineJS3 -----------------------------------------------------------------------------
DATE_RANGES = {"month": (1, 12), "day": (1, 31), "hour": (0, 23), "minute": (0, 59)}


def timelinejs_problems(doc: dict) -> list[str]:
    """What in `doc` breaks the TimelineJS3 JSON format (timeline.knightlab.com/docs/json-format)."""
    problems = []
    if not isinstance(doc.get("events"), list):
        return ["'events' must be a list of slides"]
    if "title" in doc and not isinstance(doc["title"].get("text", {}).get("headline"), str):
        problems.append("title slide without a text.headline")
    ids = [s.get("unique_id") for s in doc["events"]]
    if len(set(ids)) != len(ids):
        problems.append("unique_id values repeat")
    for n, slide in enumerate(doc["events"]):
        dates = []
        for key in ("start_date", "end_date"):
            if key not in slide:
                if key == "start_date":
                    problems.append(f"event {n}: no start_date")
                continue
            parts = slide[key]
            if not isinstance(parts.get("year"), int):
                problems.append(f"event {n}: {key}.year must be a number")
            for part, (lo, hi) in DATE_RANGES.items():
                if part in parts and not (isinstance(parts[part], int) and lo <= parts[part] <= hi):
                    problems.append(f"event {n}: {key}.{part}={parts[part]!r} out of range")
            if "day" in parts and "month" not in parts:
                problems.append(f"event {n}: {key} has a day but no month")
            dates.append(tuple(parts.get(p, 0) for p in ("year", "month", "day", "hour", "minute")))
        if len(dates) == 2 and dates[1] < dates[0]:
            problems.append(f"event {n}: end_date before start_date")
        text = slide.get("text", {})
        if not isinstance(text.get("headline"), str) or not isinstance(text.get("text"), str):
            problems.append(f"event {n}: text.headline and text.text must be strings")
        if not isinstance(slide.get("group", ""), str) or not isinstance(
            slide.get("unique_id"), str
        ):
            problems.append(f"event {n}: group and unique_id must be strings")
        if not re.fullmatch(r"[A-Za-z0-9_-]+", slide.get("unique_id", "")):
            problems.append(f"event {n}: unique_id not usable as a URL hash")
    return problems


def test_timelinejs_json_has_the_shape_timelinejs3_documents(samples):
    doc = to_timelinejs(samples, title="Apple <news>")
    assert timelinejs_problems(doc) == []
    assert doc["title"]["text"]["headline"] == "Apple &lt;news&gt;"
    assert len(doc["events"]) == samples["start"].notna().sum() > 100
    json.dumps(doc, allow_nan=False)  # plain JSON, no NaN


def test_timelinejs_dates_are_as_precise_as_each_expression():
    rows = [
        ("Friday", "day", "2020-01-03", "2020-01-04"),
        ("December 2019", "month", "2019-12-01", "2020-01-01"),
        ("March 2020", "quarter", "2020-01-01", "2020-04-01"),
        ("January 20", "year", "2020-01-01", "2021-01-01"),
        ("the summer", "decade", "2010-01-01", "2020-01-01"),
        ("Monday", "week", "2020-01-06", "2020-01-13"),
        ("two of its piers", "time", "2020-01-06 14:30", "2020-01-06 14:31"),
        ("full report", "ref", None, None),
    ]
    slides = to_timelinejs(granular_frame(rows))["events"]
    dates = {
        re.search(r"<strong>(.*)</strong>", s["text"]["text"])[1]: (
            s["start_date"],
            s.get("end_date"),
        )
        for s in slides
    }
    assert dates == {
        "Friday": ({"year": 2020, "month": 1, "day": 3}, None),
        "December 2019": ({"year": 2019, "month": 12}, None),
        "March 2020": ({"year": 2020, "month": 1}, {"year": 2020, "month": 3}),
        "January 20": ({"year": 2020}, None),
        "the summer": ({"year": 2010}, {"year": 2019}),
        "Monday": ({"year": 2020, "month": 1, "day": 6}, {"year": 2020, "month": 1, "day": 12}),
        "two of its piers": ({"year": 2020, "month": 1, "day": 6, "hour": 14, "minute": 30}, None),
    }  # "full report" has no interval: left out


def test_timelinejs_escapes_article_text_and_groups_by_source(news):
    doc = to_timelinejs(news)
    gazette = "Springfield &lt;b&gt;Gazette&lt;/b&gt;"  # TimelineJS shows group labels as HTML
    assert {s["group"] for s in doc["events"]} == {gazette, "Reuters"}
    planted = [s for s in doc["events"] if s["group"] == gazette]
    assert len(planted) == (news["doc_id"] == PLANTED_ID).sum()
    for slide in planted:
        for field in (slide["text"]["headline"], slide["text"]["text"]):
            assert not re.search(r"<(?!/?(p|small|strong)>)", field), field
    friday = next(s for s in planted if "<strong>Friday</strong>" in s["text"]["text"])
    assert "bridge &lt;script&gt;window.__pwned = &quot;script&quot;" in friday["text"]["text"]


# --- TimeML ----------------------------------------------------------------------------------
def test_timeml_export_writes_each_article_with_its_spans_in_unchanged_text(tmp_path, news):
    written = to_timeml(news, tmp_path / "tml")
    assert sorted(p.name for p in written) == sorted([f"{PLANTED_ID}.tml", f"{REUTERS_ID}.tml"])
    for path in written:
        doc = read_timeml(path)
        assert doc.text == news.attrs[ARTICLES][doc.doc_id]["text"]
        assert str(doc.dct) == "2020-01-06"
        rows = news[news["doc_id"] == doc.doc_id].sort_values("char_start")
        rows = rows[rows["expression"] != ""]  # rows reported on the dateline have no TIMEX3
        assert len(rows) > 2
        assert [(t.start, t.end, t.text, t.value) for t in doc.timexes] == list(
            zip(
                rows["char_start"],
                rows["char_end"],
                rows["expression"],
                rows["timex_value"],
                strict=True,
            )
        )
        xml = path.read_text(encoding="utf-8")
        assert xml.count("<EVENT ") == xml.count("<TLINK ") > len(rows)
        assert 'relType="IS_INCLUDED"' in xml and 'relatedToTime="t0"' in xml


# --- dispatch --------------------------------------------------------------------------------
def test_export_chooses_the_format_from_the_extension_or_the_flag(tmp_path, news):
    export(news, tmp_path / "t.html")
    export(news, tmp_path / "t.csv")
    export(news, tmp_path / "t.parquet")
    export(news, tmp_path / "records.json")
    export(news, tmp_path / "tl.json", fmt="timelinejs")
    export(news, tmp_path / "tml", fmt="timeml")
    assert (tmp_path / "t.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert len(pd.read_csv(tmp_path / "t.csv")) == len(news)
    assert pd.read_parquet(tmp_path / "t.parquet")["expression"].tolist() == list(
        news["expression"]
    )
    assert len(json.loads((tmp_path / "records.json").read_text())) == len(news)
    assert timelinejs_problems(json.loads((tmp_path / "tl.json").read_text())) == []
    assert len(list((tmp_path / "tml").glob("*.tml"))) == 2


@pytest.mark.parametrize(
    ("name", "fmt", "says"),
    [
        ("t.txt", None, "cannot tell the format from '.txt'"),
        ("t.json", "csv", "--format csv writes a .csv file"),
        ("t.html", "pdf", "unknown format 'pdf'"),
    ],
)
def test_export_refuses_what_it_cannot_write_naming_the_path(tmp_path, news, name, fmt, says):
    with pytest.raises(ValueError) as err:
        export(news, tmp_path / name, fmt=fmt)
    assert str(err.value).startswith(str(tmp_path / name)) and says in str(err.value)
    assert "\n" not in str(err.value)


def test_cli_export_to_a_path_of_unknown_format_is_a_one_line_error(tmp_path, capsys):
    assert main(["export", str(PLANTED), "-o", str(tmp_path / "out"), "--quiet"]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith(f"timeline: error: {tmp_path / 'out'}: cannot tell the format")
    assert "\n" not in err and "Traceback" not in err


def test_cli_writes_timelinejs_for_the_sample_corpus(tmp_path, samples):
    out = tmp_path / "timeline.json"
    assert main(["export", "--format", "timelinejs", "-o", str(out), "--quiet"]) == 0
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert timelinejs_problems(doc) == []
    assert len(doc["events"]) == samples["start"].notna().sum()


# --- the page in a browser -------------------------------------------------------------------
def chromium():
    """Headless Chromium with networking switched off and its network log recording."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or shutil.which("chromium-browser") or ""
    for arg in (
        "--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage "
        "--disable-background-networking --disable-component-update --disable-sync "
        "--no-first-run --window-size=1400,1000"
    ).split():
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"performance": "ALL", "browser": "ALL"})
    driver = webdriver.Chrome(service=Service(shutil.which("chromedriver")), options=options)
    driver.set_network_conditions(
        offline=True, latency=0, download_throughput=0, upload_throughput=0
    )
    return driver


@pytest.fixture(scope="module")
def browser():
    driver = chromium()
    yield driver
    driver.quit()


@pytest.fixture(scope="module")
def page_file(tmp_path_factory, news) -> Path:
    path = tmp_path_factory.mktemp("page") / "timeline.html"
    to_html(news, path, title="Bridge story")
    return path


def opened(driver, path: Path):
    """The page loaded, its chart drawn (the viewer flags <html data-chart="ready">)."""
    driver.get(path.as_uri())
    deadline = time.monotonic() + 30
    while driver.execute_script("return document.documentElement.dataset.chart") != "ready":
        assert time.monotonic() < deadline, "the chart never finished drawing"
        time.sleep(0.05)
    return driver


def js(driver, script: str, *args):
    return driver.execute_script("return " + script, *args)


def count_text(driver) -> str:
    return js(driver, "document.getElementById('count').textContent")


def settled_count(driver, expected: str) -> str:
    """The "N of M events" line once it shows `expected` (search is debounced), or as it is."""
    deadline = time.monotonic() + 5
    while count_text(driver) != expected and time.monotonic() < deadline:
        time.sleep(0.05)
    return count_text(driver)


def set_dates(driver, start: str, end: str) -> None:
    """Fill the date range the way a date picker does: set the value, fire `change`."""
    driver.execute_script(
        "for (const [id, v] of [['from', arguments[0]], ['to', arguments[1]]]) {"
        " const el = document.getElementById(id); el.value = v;"
        " el.dispatchEvent(new Event('change')); }",
        start,
        end,
    )


def marked_span(frame: pd.DataFrame, row: int) -> str:
    """What the page marks for a row: its expression, or its event's word when it has none."""
    text = frame.attrs[ARTICLES][frame.at[row, "doc_id"]]["text"]
    span = text[int(frame.at[row, "char_start"]) : int(frame.at[row, "char_end"])]
    if frame.at[row, "dated_by"] == "expression":
        assert span == frame.at[row, "expression"]
    return span


def click_row(driver, row: int):
    """Click the list item of the frame's row number `row` (the page's event id)."""
    item = driver.find_element("css selector", f'#events .event[data-id="{row}"]')
    item.click()
    return item


def marked_offset(driver) -> int:
    """Characters of article text before the <mark class="current">."""
    return js(
        driver,
        "(() => { const r = document.createRange();"
        " r.setStart(document.querySelector('#article .article-text'), 0);"
        " r.setEndBefore(document.querySelector('#article mark.current'));"
        " return r.toString().length; })()",
    )


def dated(frame: pd.DataFrame) -> int:
    return int(frame["start"].notna().sum())


def console_problems(driver) -> list[str]:
    """Console messages at warning level or above (CSP refusals and script errors show here)."""
    return [e["message"] for e in driver.get_log("browser") if e["level"] in ("WARNING", "SEVERE")]


@pytest.mark.browser
def test_page_draws_its_chart_offline_without_a_single_network_request(browser, page_file, news):
    opened(browser, page_file)
    points = js(browser, "document.querySelectorAll('#chart .cartesianlayer .trace .point').length")
    assert points == dated(news)  # every dated event is a marker (a range: a tick in its middle)
    lanes = js(
        browser, "Array.from(document.querySelectorAll('#chart .ytick text'), t => t.textContent)"
    )
    assert sorted(lanes) == sorted(news["source"].unique())  # one lane per source, as text
    requests = [json.loads(e["message"])["message"] for e in browser.get_log("performance")]
    urls = {
        r["params"]["request"]["url"]
        for r in requests
        if r["method"] == "Network.requestWillBeSent"
    }
    assert {u.split(":", 1)[0] for u in urls} <= {"file", "data"}, urls
    assert js(browser, "document.querySelectorAll('[src], [href], link, iframe').length") == 0
    assert console_problems(browser) == []


@pytest.mark.browser
def test_events_with_no_date_of_their_own_are_marked_and_can_be_hidden(browser, page_file, news):
    opened(browser, page_file)
    n, reported = len(news), int((news["dated_by"] == "reported").sum())
    assert 0 < reported < n
    marked = js(browser, "document.querySelectorAll('#events .event.reported').length")
    badges = js(browser, "[...document.querySelectorAll('#events .badge.reported')].length")
    assert marked == badges == reported
    browser.find_element("id", "own").click()
    own = n - reported
    assert settled_count(browser, f"{own} of {n} events") == f"{own} of {n} events"
    assert js(browser, "document.querySelectorAll('#events .event.reported').length") == 0
    browser.find_element("id", "clear").click()  # the form's reset clears it too
    assert settled_count(browser, f"{n} of {n} events") == f"{n} of {n} events"


def test_list_shows_every_event_and_search_narrows_it(browser, page_file, news):
    opened(browser, page_file)
    n = len(news)
    assert count_text(browser) == f"{n} of {n} events"
    assert js(browser, "document.querySelectorAll('#events .event').length") == n
    reuters = int((news["source"] == "Reuters").sum())
    cracks = int(news["sentence"].str.contains("cracks").sum())
    assert 0 < reuters < n and 0 < cracks < n
    search = browser.find_element("id", "q")
    search.send_keys("reuters")
    assert settled_count(browser, f"{reuters} of {n} events") == f"{reuters} of {n} events"
    assert js(browser, "document.querySelectorAll('#events .event').length") == reuters
    faded = js(browser, "document.getElementById('chart').data.map(t => t.selectedpoints)")
    assert any(isinstance(sel, list) for sel in faded)  # the chart fades what the list hides
    search.send_keys(" cracks")  # every word must match: no Reuters sentence has cracks
    assert settled_count(browser, f"0 of {n} events") == f"0 of {n} events"
    search.clear()
    search.send_keys("CRACKS")
    assert settled_count(browser, f"{cracks} of {n} events") == f"{cracks} of {n} events"


@pytest.mark.browser
@pytest.mark.parametrize(
    ("start", "end"),
    [
        ("2020-01-01", "2020-01-06"),
        ("2020-07-01", "2020-07-31"),
        ("2020-01-20", ""),
        ("", "2019-12-29"),
    ],
)
def test_date_range_keeps_the_events_that_overlap_it(browser, page_file, news, start, end):
    keep = news["start"].notna()
    if start:
        keep &= news["end"] > pd.Timestamp(start)  # end is exclusive
    if end:
        keep &= news["start"] < pd.Timestamp(end) + pd.Timedelta(days=1)
    assert 0 < keep.sum() < len(news)
    opened(browser, page_file)
    set_dates(browser, start, end)
    shown = js(
        browser, "Array.from(document.querySelectorAll('#events .event'), li => +li.dataset.id)"
    )
    assert sorted(shown) == sorted(news.index[keep])
    assert count_text(browser) == f"{keep.sum()} of {len(news)} events"
    shown_range = js(browser, "document.getElementById('chart').layout.xaxis.range")
    if start and end:  # the chart zooms to the chosen days
        assert [str(x)[:10] for x in shown_range] == [
            start,
            f"{pd.Timestamp(end) + pd.Timedelta(days=1):%Y-%m-%d}",
        ]
    browser.find_element("id", "clear").click()
    assert settled_count(browser, f"{len(news)} of {len(news)} events").startswith(
        f"{len(news)} of"
    )


@pytest.mark.browser
def test_clicking_an_event_shows_its_article_with_the_expression_marked(browser, page_file, news):
    opened(browser, page_file)
    article = news.attrs[ARTICLES][REUTERS_ID]
    for row in news.index[news["doc_id"] == REUTERS_ID]:
        item = click_row(browser, row)
        assert "selected" in item.get_attribute("class")
        assert js(browser, "document.querySelector('#article h2').textContent") == article["title"]
        text = js(browser, "document.querySelector('#article .article-text').textContent")
        assert text == article["text"]
        marked = js(browser, "document.querySelector('#article mark.current').textContent")
        assert marked == marked_span(news, row)
        assert marked_offset(browser) == news.at[row, "char_start"]
        ring = js(browser, "document.getElementById('chart').data[0].x")
        assert [str(x)[:10] for x in ring] == [f"{news.at[row, 'start']:%Y-%m-%d}"]


# the event id Plotly keeps for an svg marker (its trace's customdata at the marker's index)
ID_OF_POINT = "arguments[0].closest('.trace').__data__[0].trace.customdata[arguments[0].__data__.i]"


def isolated(points: list, apart: float = 16) -> list:
    """The markers no other marker overlaps (a click on them can only mean them)."""
    centres = [
        (p.rect["x"] + p.rect["width"] / 2, p.rect["y"] + p.rect["height"] / 2) for p in points
    ]
    return [
        p
        for p, (x, y) in zip(points, centres, strict=True)
        if all(abs(x - u) >= apart or abs(y - v) >= apart for u, v in centres if (u, v) != (x, y))
        and centres.count((x, y)) == 1
    ]


@pytest.mark.browser
def test_clicking_a_chart_point_selects_its_event(browser, page_file):
    from selenium.webdriver.common.action_chains import ActionChains

    opened(browser, page_file)
    points = isolated(browser.find_elements("css selector", "#chart .cartesianlayer .trace .point"))
    assert len(points) >= 3
    for point in points:
        expected = js(browser, ID_OF_POINT, point)
        ActionChains(browser).move_to_element(point).click().perform()
        selected = js(browser, "document.querySelector('#events .event.selected')?.dataset.id")
        assert selected == str(expected)
        assert js(browser, "document.querySelector('#article mark.current')") is not None
        ring = js(browser, "document.getElementById('chart').data[0].customdata")
        assert [str(i) for i in ring] == [selected]


@pytest.mark.browser
def test_planted_markup_in_an_article_shows_as_text_and_never_runs(browser, page_file, news):
    opened(browser, page_file)
    browser.get_log("browser")  # only what happens from here on
    article = news.attrs[ARTICLES][PLANTED_ID]
    for row in news.index[news["doc_id"] == PLANTED_ID]:
        click_row(browser, row)
        assert (
            js(browser, "document.querySelector('#article .article-text').textContent")
            == (article["text"])
        )
        assert marked_offset(browser) == news.at[row, "char_start"]
    for planted in ("<script>window.__pwned", "<img src=x onerror=", '<a href="javascript:'):
        assert planted in js(browser, "document.getElementById('article').textContent")
        assert planted in js(browser, "document.getElementById('events').textContent")
    assert js(browser, "document.querySelector('#article h2').textContent") == article["title"]
    meta = js(browser, "document.querySelector('#article .article-meta').textContent")
    assert "javascript:window.__pwned='url'" in meta  # shown, but not as a link
    assert js(browser, "typeof window.__pwned") == "undefined"
    assert browser.title == "Bridge story"
    assert js(browser, "document.querySelectorAll('img, iframe, object, embed, a').length") == 0
    assert js(browser, "document.querySelectorAll('script').length") == 4  # only the page's own
    assert js(browser, "document.querySelectorAll('b').length") == (
        js(browser, "document.querySelectorAll('#article .explain b, footer b').length")
    )  # the source's <b> stays text
    assert console_problems(browser) == []


@pytest.mark.browser
def test_cli_exports_the_sample_corpus_as_one_working_offline_page(browser, tmp_path, samples):
    out = tmp_path / "timeline.html"
    assert main(["export", "-o", str(out), "--quiet"]) == 0
    opened(browser, out)
    n = len(samples)
    assert count_text(browser) == f"{n} of {n} events"
    points = js(browser, "document.querySelectorAll('#chart .cartesianlayer .trace .point').length")
    assert points == dated(samples)
    last = int(js(browser, "[...document.querySelectorAll('#events .event')].pop().dataset.id"))
    click_row(browser, last)
    marked = js(browser, "document.querySelector('#article mark.current').textContent")
    assert marked == marked_span(samples, last)
