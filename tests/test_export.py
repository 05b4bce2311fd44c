"""Static exports: the offline HTML page (in headless Chromium), TimelineJS3 JSON, TimeML, dispatch."""

from __future__ import annotations

import html
import json
import re
import time
from html.parser import HTMLParser
from pathlib import Path

import pandas as pd
import pytest

import timeline
from timeline.cli import main
from timeline.export import export, json_for_script, to_html, to_timelinejs, to_timeml
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
            "start": start,
            "end": end,
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


def test_page_is_one_file_with_plotly_inlined_and_nothing_to_fetch(tmp_path):
    page = to_html(hand_frame(), tmp_path / "t.html", title="Bridge <b>story</b>")
    assert (tmp_path / "t.html").read_text(encoding="utf-8") == page
    tags = tags_of(page)
    assert [t for t, a in tags if "src" in a or "href" in a] == []
    assert [t for t, _ in tags if t in ("link", "iframe", "img", "object", "embed", "a")] == []
    scripts = [a.get("type") for t, a in tags if t == "script"]
    assert scripts == ["application/json", "application/json", None, None]
    assert "<title>Bridge &lt;b&gt;story&lt;/b&gt;</title>" in page
    assert "Plotly" in page and len(page) > 3_000_000  # plotly.min.js is inside


def test_planted_markup_reaches_the_page_only_as_json_text():
    page = to_html(hand_frame())
    for planted in ("<script>window.__pwned", "<img src=x", '<a href="javascript'):
        assert planted not in page
    assert "\\u003cscript\\u003ewindow.__pwned" in page


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


def test_timelinejs_json_has_the_shape_timelinejs3_documents():
    doc = to_timelinejs(hand_frame(), title="Bridge")
    assert timelinejs_problems(doc) == []
    assert doc["title"]["text"]["headline"] == "Bridge"
    json.dumps(doc, allow_nan=False)  # plain JSON, no NaN


def test_timelinejs_dates_are_as_precise_as_each_expression():
    rows = [
        ("planted", "on Friday", "DATE", "2020-01-03", "day", "2020-01-03", "2020-01-04", ""),
        ("planted", "December 2019", "DATE", "2019-12", "month", "2019-12-01", "2020-01-01", ""),
        ("planted", "March 2020", "DATE", "2020-Q1", "quarter", "2020-01-01", "2020-04-01", ""),
        ("planted", "January 20", "DATE", "2020", "year", "2020-01-01", "2021-01-01", ""),
        ("planted", "the summer", "DATE", "201", "decade", "2010-01-01", "2020-01-01", ""),
        ("planted", "on Monday", "DATE", "2020-W02", "week", "2020-01-06", "2020-01-13", ""),
        ("reuters", "currently", "DATE", "PRESENT_REF", "ref", None, None, ""),
    ]
    slides = {s["text"]["text"]: s for s in to_timelinejs(hand_frame(rows))["events"]}
    dates = {
        next(expr for _, expr, *_ in rows if f"<strong>{html.escape(expr)}</strong>" in text): (
            s["start_date"],
            s.get("end_date"),
        )
        for text, s in slides.items()
    }
    assert dates == {
        "on Friday": ({"year": 2020, "month": 1, "day": 3}, None),
        "December 2019": ({"year": 2019, "month": 12}, None),
        "March 2020": ({"year": 2020, "month": 1}, {"year": 2020, "month": 3}),
        "January 20": ({"year": 2020}, None),
        "the summer": ({"year": 2010}, {"year": 2019}),
        "on Monday": ({"year": 2020, "month": 1, "day": 6}, {"year": 2020, "month": 1, "day": 12}),
    }  # "currently" has no interval: left out


def test_timelinejs_escapes_article_text_and_groups_by_source():
    doc = to_timelinejs(hand_frame())
    gazette = "Springfield &lt;b&gt;Gazette&lt;/b&gt;"  # TimelineJS shows group labels as HTML
    planted = [s for s in doc["events"] if s["group"] == gazette]
    assert {s["group"] for s in doc["events"]} == {gazette, "Reuters"}
    assert len(planted) == 6
    for slide in planted:
        for field in (slide["text"]["headline"], slide["text"]["text"]):
            assert not re.search(r"<(?!/?(p|small|strong)>)", field), field
    friday = next(s for s in planted if "<strong>on Friday</strong>" in s["text"]["text"])
    assert "bridge &lt;script&gt;window.__pwned = &quot;script&quot;" in friday["text"]["text"]


# --- TimeML ----------------------------------------------------------------------------------
def test_timeml_export_writes_each_article_with_its_spans_in_unchanged_text(tmp_path):
    frame = hand_frame()
    written = to_timeml(frame, tmp_path / "tml")
    assert sorted(p.name for p in written) == ["planted.tml", "reuters.tml"]
    for path in written:
        doc = read_timeml(path)
        assert doc.text == frame.attrs[ARTICLES][doc.doc_id]["text"]
        assert str(doc.dct) == "2020-01-06"
        rows = frame[frame["doc_id"] == doc.doc_id].sort_values("char_start")
        assert [(t.start, t.end, t.type, t.value) for t in doc.timexes] == list(
            zip(
                rows["char_start"],
                rows["char_end"],
                rows["timex_type"],
                rows["timex_value"],
                strict=True,
            )
        )


# --- dispatch --------------------------------------------------------------------------------
def test_export_chooses_the_format_from_the_extension_or_the_flag(tmp_path):
    frame = hand_frame()
    export(frame, tmp_path / "t.html")
    export(frame, tmp_path / "t.csv")
    export(frame, tmp_path / "t.parquet")
    export(frame, tmp_path / "records.json")
    export(frame, tmp_path / "tl.json", fmt="timelinejs")
    export(frame, tmp_path / "tml", fmt="timeml")
    assert (tmp_path / "t.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert len(pd.read_csv(tmp_path / "t.csv")) == len(frame)
    assert pd.read_parquet(tmp_path / "t.parquet")["expression"].tolist() == list(
        frame["expression"]
    )
    assert len(json.loads((tmp_path / "records.json").read_text())) == len(frame)
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
def test_export_refuses_what_it_cannot_write_naming_the_path(tmp_path, name, fmt, says):
    with pytest.raises(ValueError) as err:
        export(hand_frame(), tmp_path / name, fmt=fmt)
    assert str(err.value).startswith(str(tmp_path / name)) and says in str(err.value)
    assert "\n" not in str(err.value)


# --- the page in a browser -------------------------------------------------------------------
def chromium():
    """Headless Chromium with networking disabled and its network log on (Selenium 3 or 4)."""
    from selenium import webdriver

    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for arg in (
        "--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage "
        "--disable-background-networking --disable-component-update --disable-sync "
        "--no-first-run --window-size=1400,1000"
    ).split():
        options.add_argument(arg)
    prefs = {"performance": "ALL", "browser": "ALL"}
    try:
        from selenium.webdriver.chrome.service import Service

        options.set_capability("goog:loggingPrefs", prefs)
        driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    except TypeError:  # Selenium 3: no Service argument; urllib3 2 needs an explicit timeout
        from selenium.webdriver.remote.remote_connection import RemoteConnection

        RemoteConnection.set_timeout(60)
        caps = options.to_capabilities()
        caps["goog:loggingPrefs"] = prefs
        driver = webdriver.Chrome(
            executable_path="/usr/bin/chromedriver", desired_capabilities=caps
        )
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
def page_frame() -> pd.DataFrame:
    return hand_frame()


@pytest.fixture(scope="module")
def page_file(tmp_path_factory, page_frame) -> Path:
    path = tmp_path_factory.mktemp("page") / "timeline.html"
    to_html(page_frame, path, title="Bridge story")
    return path


def opened(driver, path: Path):
    """The page loaded, its chart drawn (the viewer flags <html data-chart="ready">)."""
    driver.get(path.as_uri())
    deadline = time.monotonic() + 30
    while driver.execute_script("return document.documentElement.dataset.chart") != "ready":
        assert time.monotonic() < deadline, "the chart never finished drawing"
        time.sleep(0.05)
    driver.get_log("browser")  # start each test with an empty console log
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


def click_event(driver, doc: str, expression: str):
    """Click the list item of the event `expression` in article `doc`; the selected <li>."""
    item = js(
        driver,
        "Array.from(document.querySelectorAll('#events .event')).find(li =>"
        " li.querySelector('.event-sentence mark')?.textContent === arguments[1] &&"
        " JSON.parse(document.getElementById('timeline-data').textContent)"
        ".events.find(e => e.id == li.dataset.id).doc === arguments[0])",
        doc,
        expression,
    )
    item.click()
    return item


@pytest.mark.browser
def test_page_draws_its_chart_offline_without_a_single_network_request(
    browser, page_file, page_frame
):
    opened(browser, page_file)
    dated = int(page_frame["start"].notna().sum())
    points = js(browser, "document.querySelectorAll('#chart .cartesianlayer .trace .point').length")
    assert points == dated  # every dated event is a marker (ranges: a tick in their middle)
    lanes = js(
        browser, "Array.from(document.querySelectorAll('#chart .ytick text'), t => t.textContent)"
    )
    assert sorted(lanes) == sorted(page_frame["source"].unique())  # one lane per source
    requests = [json.loads(e["message"])["message"] for e in browser.get_log("performance")]
    urls = {
        r["params"]["request"]["url"]
        for r in requests
        if r["method"] == "Network.requestWillBeSent"
    }
    assert {u.split(":", 1)[0] for u in urls} <= {"file", "data"}, urls
    assert js(browser, "document.querySelectorAll('[src], [href], link, iframe').length") == 0
    assert [e["message"] for e in browser.get_log("browser")] == []  # no errors, no CSP refusals


@pytest.mark.browser
def test_list_shows_every_event_and_search_narrows_it(browser, page_file, page_frame):
    opened(browser, page_file)
    n = len(page_frame)
    assert count_text(browser) == f"{n} of {n} events"
    assert js(browser, "document.querySelectorAll('#events .event').length") == n
    search = browser.find_element("id", "q")
    search.send_keys("reuters")
    assert settled_count(browser, f"3 of {n} events") == f"3 of {n} events"
    assert js(browser, "document.querySelectorAll('#events .event').length") == 3
    dimmed = js(browser, "document.getElementById('chart').data.map(t => t.selectedpoints)")
    assert any(isinstance(sel, list) for sel in dimmed)  # the chart fades what the list hides
    search.send_keys(" cracks")  # every word must match
    assert settled_count(browser, f"0 of {n} events") == f"0 of {n} events"
    search.clear()
    search.send_keys("CRACKS")
    assert settled_count(browser, f"2 of {n} events") == f"2 of {n} events"


@pytest.mark.browser
@pytest.mark.parametrize(
    ("start", "end", "expressions"),
    [
        ("2020-01-01", "2020-01-06", ["on Friday", "on Friday", "on Monday"]),
        ("2020-07-01", "2020-07-31", ["the summer"]),  # inside a season: the range overlaps
        ("2020-01-20", "", ["January 20", "March 2020", "the summer"]),
        ("", "2019-12-29", ["December 2019", "December 29, 2019"]),
    ],
)
def test_date_range_keeps_the_events_that_overlap_it(browser, page_file, start, end, expressions):
    opened(browser, page_file)
    set_dates(browser, start, end)
    shown = js(
        browser,
        "Array.from(document.querySelectorAll('#events .event-sentence mark'), m => m.textContent)",
    )
    assert sorted(shown) == sorted(expressions)
    assert count_text(browser).startswith(f"{len(expressions)} of ")
    browser.find_element("id", "clear").click()
    assert settled_count(browser, "9 of 9 events") == "9 of 9 events"


@pytest.mark.browser
def test_clicking_an_event_shows_its_article_with_the_expression_marked(
    browser, page_file, page_frame
):
    opened(browser, page_file)
    item = click_event(browser, "reuters", "December 29, 2019")
    assert "selected" in item.get_attribute("class")
    article = page_frame.attrs[ARTICLES]["reuters"]
    assert js(browser, "document.querySelector('#article h2').textContent") == article["title"]
    assert (
        js(browser, "document.querySelector('#article .article-text').textContent")
        == article["text"]
    )
    assert js(browser, "document.querySelector('#article mark.current').textContent") == (
        "December 29, 2019"
    )
    offset = js(
        browser,
        "(() => { const r = document.createRange(), t = document.querySelector('#article .article-text');"
        " r.setStart(t, 0); r.setEndBefore(document.querySelector('#article mark.current'));"
        " return r.toString().length; })()",
    )
    assert offset == article["text"].index("December 29, 2019")
    ring = js(browser, "document.getElementById('chart').data[0].x")
    assert [str(x)[:10] for x in ring] == ["2019-12-29"]  # the chart rings the same event


@pytest.mark.browser
def test_clicking_a_chart_point_selects_its_event(browser, page_file):
    from selenium.webdriver.common.action_chains import ActionChains

    opened(browser, page_file)
    points = browser.find_elements("css selector", "#chart .cartesianlayer .trace .point")
    clicked = set()
    for point in points:
        expected = js(
            browser,
            "arguments[0].closest('.trace').__data__[0].trace.customdata[arguments[0].__data__.i]",
            point,
        )
        ActionChains(browser).move_to_element(point).click().perform()
        selected = js(browser, "document.querySelector('#events .event.selected')?.dataset.id")
        assert selected == str(expected)
        assert js(browser, "document.querySelector('#article mark.current')") is not None
        clicked.add(selected)
    assert len(clicked) == len(points)


@pytest.mark.browser
def test_planted_markup_in_an_article_shows_as_text_and_never_runs(browser, page_file, page_frame):
    opened(browser, page_file)
    article = page_frame.attrs[ARTICLES]["planted"]
    for expression in ("on Friday", "March 2020", "the summer"):
        click_event(browser, "planted", expression)
        assert (
            js(browser, "document.querySelector('#article .article-text').textContent")
            == (article["text"])
        )
    assert js(browser, "document.querySelector('#article h2').textContent") == article["title"]
    assert "javascript:window.__pwned='url'" in js(
        browser, "document.querySelector('#article .article-meta').textContent"
    )
    assert js(browser, "typeof window.__pwned") == "undefined"
    assert browser.title == "Bridge story"
    assert js(browser, "document.querySelectorAll('img, iframe, object, embed, a').length") == 0
    assert js(browser, "document.querySelectorAll('script').length") == 4  # only the page's own
    assert js(browser, "document.querySelectorAll('b').length") == (
        js(browser, "document.querySelectorAll('#article .explain b, footer b').length")
    )  # the source's <b> stays text
    assert [e["message"] for e in browser.get_log("browser")] == []
