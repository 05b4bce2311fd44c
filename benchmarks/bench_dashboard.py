"""The dashboard as a person uses it, in headless Chromium: time to first chart, search, date
brush and click → panel round trips, and the bytes each callback answers, for 10k and 100k events.

Each size gets its own server, started as `timeline serve` runs it (`dashboard.server.serve`:
gunicorn, one worker per CPU) in a child process on 127.0.0.1, a free port and a temporary
`store=` folder, on the frame `bench_filter.corpus(n)` builds (the samples' events repeated,
moved in time, with their own articles). One throwaway browser loads the page first to warm the
server. The browser is Debian's chromium with its chromedriver; nothing is downloaded.

A probe script is installed in every page before the page's own scripts (CDP
`Page.addScriptToEvaluateOnNewDocument`). It wraps `window.fetch` to log each
`/_dash-update-component` request: when it left, when its response body had arrived, and the
body's size in bytes (as the page receives it: Dash serves it uncompressed); it notes the time of
the last keystroke, mouse-up and click; and it checks once per animation frame (just before the
browser paints, so times are to a frame, ~16 ms) whether the page shows what the action waits for:

  first chart   driver.get(url) until the chart's marker traces hold events (`customdata` of
                `gd._fullData`) and `#counts` reads "N of N events". Cold: a new browser (empty
                cache, new session); warm: the same browser loading the page again. Median of
                `--loads` browsers.
  search        words typed into `#search` until the chart has new data and the counts have come
                with it. Given from the last keystroke (the input's debounce included, and with
                it subtracted) and from the moment the filter callback's request left; and from
                the last keystroke until the chronological list is drawn again.
  brush         a real mouse drag across a stretch of `#overview` until `#chart`'s
                `_fullLayout.xaxis.range` changed, from the mouse-up.
  click → panel a click on a `#event-list .event-item` until `#panel` is open and its
                `.article-text` holds text (the panel is closed with Esc between clicks).

After each action the page must be quiet (no callback in flight for 0.5 s) before the next one;
the callbacks of that stretch are the action's, for the bytes table. Benchmarks print, they do
not assert; the issue's floors are printed beside the figures. The machine is shared: the load
average is printed at the start and the end.

    python benchmarks/bench_dashboard.py                        # 10k and 100k events
    python benchmarks/bench_dashboard.py --sizes 100000 --runs 30 --loads 5
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import requests
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.actions.action_builder import ActionBuilder
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from timeline.dashboard import ids

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from conftest import CHROMIUM_ARGS  # noqa: E402  (the browser exactly as the tests run it)

HOST = "127.0.0.1"
FLOORS = {"first chart": 3000.0, "search p95": 400.0}  # ms, set by the issue for 100k events
QUIET_MS = 500  # no callback in flight this long: the action is over
# words of the samples' events, each matching a different share of them
WORDS = [
    "apple", "music", "computer", "itunes", "store", "company", "steve", "iphone", "video",
    "intel", "agreement", "announced", "system", "macintosh", "court", "million", "software",
    "processors", "device", "digital", "sales", "version", "cisco", "lawsuit", "beatles",
    "pixar", "trademark", "macbook", "settlement", "disney", "microsoft", "podcasting",
    "soleimani", "iraq", "letter", "record", "launch", "price", "online", "mobile",
]  # fmt: skip

SERVE = """
import sys
sys.path.insert(0, {benchmarks!r})
from bench_filter import corpus
import timeline
from timeline.dashboard.server import serve
frame = corpus({n})
app = timeline.app(frame, store={store!r})
print("events", len(frame), flush=True)
serve(app, host={host!r}, port={port})
"""

# Installed in every page before its scripts: the fetch log, input times and the watch.
PROBE = """
const ID = __IDS__;
const bench = (window.__bench = {calls: [], inflight: 0, quietSince: 0, last: {}, watch: null});
["keydown", "input", "mousedown", "mouseup", "click"].forEach(function (type) {
  window.addEventListener(type, function () { bench.last[type] = performance.now(); }, true);
});
const pageFetch = window.fetch;
window.fetch = function (resource, init) {
  const url = String(typeof resource === "string" ? resource : (resource && resource.url) || "");
  if (!url.includes("/_dash-update-component")) { return pageFetch.apply(this, arguments); }
  const call = {start: performance.now(), end: null, bytes: null, output: ""};
  try { call.output = JSON.parse(init.body).output; } catch (e) { /* not ours to read */ }
  bench.calls.push(call);
  bench.inflight += 1;
  const settle = function () { bench.inflight -= 1; bench.quietSince = performance.now(); };
  return pageFetch.apply(this, arguments).then(function (response) {
    response.clone().arrayBuffer().then(function (body) {
      call.bytes = body.byteLength;
      call.end = performance.now();
      settle();
    }, settle);
    return response;
  }, function (error) { settle(); throw error; });
};
bench.state = function () {
  const gd = document.querySelector("#" + ID.chart + " .js-plotly-plot");
  const counts = document.getElementById(ID.counts);
  const panel = document.getElementById(ID.panel);
  const article = panel && panel.querySelector(".article-text");
  const list = document.getElementById(ID.list);
  let points = 0;
  if (gd && gd._fullData) {
    gd._fullData.forEach(function (trace, i) {  // trace 0 holds the selection rings
      if (i > 0 && String(trace.mode).startsWith("markers") && trace.customdata) {
        points += trace.customdata.length;
      }
    });
  }
  const axis = gd && gd._fullLayout && gd._fullLayout.xaxis;
  return {
    data: gd ? gd._fullData : null,
    range: axis ? JSON.stringify(axis.range) : null,
    points: points,
    counts: counts ? counts.textContent : "",
    panel: Boolean(panel && panel.classList.contains("open") && article &&
                   article.textContent.trim()),
    calls: bench.calls.length,
    list: list ? list.firstChild : null,  // renderList replaces the list's children
  };
};
const left = function (from, output) {  // the request of the callback with this output left
  return bench.calls.slice(from).find(function (c) { return c.output.includes(output); });
};
const DONE = {
  first: function (b, s) { return s.points > 0 && /^([\\d,]+) of \\1 events/.test(s.counts); },
  search: function (b, s) {
    const call = left(b.calls, ID.counts + ".children");
    return Boolean(call) && s.data !== b.data && (s.counts !== b.counts || call.end !== null);
  },
  brush: function (b, s) { return s.range !== null && s.range !== b.range; },
  panel: function (b, s) { return s.panel; },
  closed: function (b, s) { return !s.panel; },
};
bench.arm = function (kind) {
  const before = bench.state();
  const watch = (bench.watch = {kind: kind, before: before, done: null, listed: null});
  const began = performance.now();
  const tick = function () {
    if (bench.watch !== watch) { return; }
    const now = bench.state();
    if (watch.done === null && DONE[kind](before, now)) { watch.done = performance.now(); }
    if (watch.listed === null && now.list !== before.list) { watch.listed = performance.now(); }
    const listing = kind === "search" && watch.listed === null && performance.now() - began < 60000;
    if (watch.done === null || listing) { requestAnimationFrame(tick); }
  };
  requestAnimationFrame(tick);
};
bench.arm("first");
"""
WAIT = """
const limit = arguments[0], quiet = arguments[1], done = arguments[arguments.length - 1];
const bench = window.__bench, watch = bench.watch, began = performance.now();
(function poll() {
  const now = performance.now();
  const last = bench.calls.length ? bench.calls[bench.calls.length - 1].start : 0;
  const settled = bench.inflight === 0 && now - Math.max(bench.quietSince, last) >= quiet;
  if ((watch.done !== null && settled) || now - began > limit) {
    done({
      kind: watch.kind, done: watch.done, listed: watch.listed, last: bench.last,
      origin: performance.timeOrigin,
      calls: bench.calls.slice(watch.kind === "first" ? 0 : watch.before.calls),
      counts: bench.state().counts,
    });
  } else {
    setTimeout(poll, 25);
  }
})();
"""
# The overview's plot area in the viewport: [left, top, width, height].
OVERVIEW_AREA = """
const gd = document.querySelector('#' + arguments[0] + ' .js-plotly-plot');
const size = gd._fullLayout._size, box = gd.getBoundingClientRect();
return [box.left + size.l, box.top + size.t, size.w, size.h];
"""


@dataclass
class Results:
    """The figures of one size: ms per measured step, and the callbacks each action caused."""

    times: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    calls: dict[str, list[dict]] = field(default_factory=lambda: defaultdict(list))
    notes: list[str] = field(default_factory=list)

    def record(self, action: str, seen: dict, **steps: float) -> None:
        """Keep an action's step times and its callbacks."""
        for name, ms in steps.items():
            self.times[name].append(ms)
        self.calls[action] += seen["calls"]


def free_port() -> int:
    """A TCP port nothing listens on now."""
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def start_server(n_events: int, store: Path) -> tuple[subprocess.Popen, str, int]:
    """The dashboard on `n_events` events, served in a child process; it, its URL, its events."""
    port = free_port()
    code = SERVE.format(
        benchmarks=str(Path(__file__).resolve().parent),
        n=n_events,
        store=str(store),
        host=HOST,
        port=port,
    )
    log_path = store / "server.log"
    with open(log_path, "w") as log:
        process = subprocess.Popen([sys.executable, "-c", code], stdout=log, stderr=log)
    url = f"http://{HOST}:{port}"
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline and process.poll() is None:
        try:
            if requests.get(url + "/_dash-layout", timeout=10).status_code == 200:
                shown = re.search(r"^events (\d+)$", log_path.read_text(), re.M)
                return process, url, int(shown.group(1))
        except requests.ConnectionError:
            time.sleep(0.5)
    stop_server(process)
    raise SystemExit("the server did not start:\n" + log_path.read_text())


def stop_server(process: subprocess.Popen) -> None:
    """Stop the server this script started (gunicorn's arbiter stops its workers)."""
    process.terminate()
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def search_debounce(url: str) -> float | bool:
    """The search input's `debounce` as the page's layout sets it (seconds, or True/False)."""

    def find(node: Any) -> Any:
        if isinstance(node, dict):
            props = node.get("props", {})
            if isinstance(props, dict) and props.get("id") == ids.SEARCH:
                return props.get("debounce", False)
            children = node.values()
        elif isinstance(node, list):
            children = node
        else:
            return None
        for child in children:
            found = find(child)
            if found is not None:
                return found
        return None

    return find(requests.get(url + "/_dash-layout", timeout=30).json()) or False


def browser() -> webdriver.Chrome:
    """A new headless Chromium (its own fresh profile) with the probe in every page."""
    options = Options()
    options.binary_location = shutil.which("chromium") or shutil.which("chromium-browser") or ""
    for argument in CHROMIUM_ARGS:
        options.add_argument(argument)
    driver = webdriver.Chrome(options=options, service=Service(shutil.which("chromedriver")))
    driver.set_script_timeout(180)
    names = {"chart": ids.CHART, "counts": ids.COUNTS, "panel": ids.PANEL, "list": ids.EVENT_LIST}
    probe = PROBE.replace("__IDS__", json.dumps(names))
    driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": probe})
    return driver


def arm(driver: webdriver.Chrome, kind: str) -> None:
    """Start watching the page for what action `kind` waits for (see the probe's DONE)."""
    driver.execute_script("window.__bench.arm(arguments[0])", kind)


def seen(driver: webdriver.Chrome, limit_s: float = 120) -> dict:
    """Wait until the watched state is reached and no callback runs; what the probe saw."""
    found = driver.execute_async_script(WAIT, limit_s * 1000, QUIET_MS)
    if found["done"] is None:
        errors = [e["message"] for e in driver.get_log("browser") if e["level"] == "SEVERE"]
        raise SystemExit(
            f"{found['kind']}: not seen within {limit_s:.0f} s (counts {found['counts']!r});"
            f" browser errors: {errors[-5:] or 'none'}"
        )
    return found


def first_chart(url: str, n_events: int, loads: int, results: Results) -> webdriver.Chrome:
    """Cold and warm page loads in `loads` new browsers; the last browser, left open."""
    driver = None
    expected = f"{n_events:,} of {n_events:,} events"
    for _ in range(loads):
        if driver is not None:
            driver.quit()
        driver = browser()
        for kind in ("cold", "warm"):
            asked = time.time() * 1000
            driver.get(url)
            page = seen(driver)
            if not page["counts"].startswith(expected):
                results.notes.append(f"first chart: counts {page['counts']!r}, not {expected!r}")
            ms = page["origin"] + page["done"] - asked
            results.record(f"page load, {kind}", page, **{f"first chart, {kind}": ms})
    return driver


def type_search(driver: webdriver.Chrome, text: str, debounce: float | bool) -> None:
    """Replace the search box's text by typing `text` (Enter too if it waits for one)."""
    box = driver.find_element(By.ID, ids.SEARCH)
    box.send_keys(Keys.CONTROL, "a")
    box.send_keys(text or Keys.BACKSPACE)
    if debounce is True:
        box.send_keys(Keys.ENTER)


def filter_call(page: dict) -> dict:
    """The filter callback's request among the page's (the one answering the counts)."""
    return next(c for c in page["calls"] if f"{ids.COUNTS}.children" in c["output"])


def searches(driver: webdriver.Chrome, words: list[str], debounce: float | bool, results: Results):
    """Type each word; time keystroke → chart and counts updated, and its parts."""
    debounce_ms = debounce * 1000 if debounce is not True else 0.0
    matched, slowest = [], []
    for word in [*words, ""]:  # the last one clears the box again
        arm(driver, "search")
        type_search(driver, word, debounce)
        page = seen(driver)
        if not word:
            break
        call = filter_call(page)
        typed = page["last"]["input"]
        results.record(
            "search",
            page,
            **{
                "search: keystroke → updated (debounce incl.)": page["done"] - typed,
                "search: keystroke → updated − debounce": page["done"] - typed - debounce_ms,
                "search: request left → updated": page["done"] - call["start"],
                "  of which request → response": call["end"] - call["start"],
                "  of which response → drawn": page["done"] - call["end"],
                "search: keystroke → list drawn": (page["listed"] or page["done"]) - typed,
            },
        )
        matched.append(int(page["counts"].split(" of ")[0].replace(",", "")))
        slowest.append((page["done"] - typed, word, matched[-1]))
    slowest = sorted(slowest, reverse=True)[:3]
    results.notes.append(
        "slowest searches: "
        + ", ".join(f"{w!r} {ms:,.0f} ms ({n:,} events)" for ms, w, n in slowest)
    )
    results.notes.append(
        f"search: {len(words)} words, {min(matched):,} to {max(matched):,} events matching"
        f" (debounce {debounce_ms:.0f} ms)"
    )


def drag(driver: webdriver.Chrome, x0: float, x1: float, y: float) -> None:
    """A real mouse drag from (x0, y) to (x1, y), in viewport pixels, in a few moves."""
    actions = ActionBuilder(driver, duration=20)
    actions.pointer_action.move_to_location(int(x0), int(y)).pointer_down()
    for k in range(1, 7):
        actions.pointer_action.move_to_location(int(x0 + (x1 - x0) * k / 6), int(y))
    actions.pointer_action.pointer_up()
    actions.perform()


def brushes(driver: webdriver.Chrome, runs: int, results: Results, rng: random.Random) -> None:
    """Drag across different stretches of the overview; time mouse-up → chart range changed."""
    driver.execute_script("window.scrollTo(0, 0)")
    left, top, width, height = driver.execute_script(OVERVIEW_AREA, ids.OVERVIEW)
    for _ in range(runs):
        a = rng.uniform(0.03, 0.75)
        b = a + rng.uniform(0.06, 0.22)
        arm(driver, "brush")
        drag(driver, left + a * width, left + b * width, top + height / 2)
        page = seen(driver)
        first = page["calls"][0]
        results.record(
            "brush",
            page,
            **{
                "brush: mouse-up → chart range": page["done"] - page["last"]["mouseup"],
                "brush: request left → chart range": page["done"] - first["start"],
            },
        )


def clicks(driver: webdriver.Chrome, runs: int, results: Results) -> None:
    """Click different list entries; time click → panel open with its article."""
    items = f"#{ids.EVENT_LIST} .event-item"
    if len(driver.find_elements(By.CSS_SELECTOR, items)) < runs:  # the window holds too few
        arm(driver, "brush")
        driver.find_element(By.ID, ids.WINDOW_BUTTONS["all"]).click()
        seen(driver)
    n = len(driver.find_elements(By.CSS_SELECTOR, items))
    picks = sorted({round(k * (n - 1) / max(1, runs - 1)) for k in range(runs)})
    for index in picks:
        target = driver.find_elements(By.CSS_SELECTOR, items)[index]
        target = target.find_element(By.CSS_SELECTOR, ".headline")  # not a source link
        driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", target)
        arm(driver, "panel")
        ActionChains(driver).move_to_element(target).click().perform()
        page = seen(driver)
        results.record(
            "click → panel",
            page,
            **{
                "click → panel open with article": page["done"] - page["last"]["click"],
                "click: first request left → panel": page["done"] - page["calls"][0]["start"],
            },
        )
        arm(driver, "closed")
        ActionChains(driver).send_keys(Keys.ESCAPE).perform()
        seen(driver)
    results.notes.append(f"click → panel: {len(picks)} entries of the {n} listed")


def measure(n_events: int, args: argparse.Namespace) -> tuple[Results, int]:
    """Every figure for one size, on its own server and store; the figures and the events."""
    results = Results()
    with tempfile.TemporaryDirectory(prefix="bench-dashboard-") as folder:
        began = time.perf_counter()
        server, url, shown = start_server(n_events, Path(folder))
        results.notes.append(f"server up in {time.perf_counter() - began:.1f} s ({url})")
        driver = None
        try:
            warm = browser()  # one page load, so the server's first answers are not timed
            warm.get(url)
            seen(warm)
            warm.quit()
            debounce = search_debounce(url)
            driver = first_chart(url, shown, args.loads, results)
            rng = random.Random(n_events)
            words = [WORDS[k % len(WORDS)] for k in range(args.runs)]
            if args.runs > len(WORDS):  # more searches than words: pairs of them
                words[len(WORDS) :] = [f"{rng.choice(WORDS)} {w}" for w in words[len(WORDS) :]]
            searches(driver, words, debounce, results)
            brushes(driver, max(10, args.runs // 2), results, rng)
            clicks(driver, max(10, args.runs // 2), results)
        finally:
            if driver is not None:
                driver.quit()
            stop_server(server)
    return results, shown


def pct(values: list[float], q: float) -> float:
    """The q-th percentile (linear interpolation)."""
    return float(np.percentile(values, q))


def floor_of(name: str) -> float | None:
    """The issue's floor for a figure, if it has one (first chart: median; search: p95)."""
    if name.startswith("first chart"):
        return FLOORS["first chart"]
    if name in ("search: request left → updated", "search: keystroke → updated − debounce"):
        return FLOORS["search p95"]
    return None


def callback_name(output: str) -> str:
    """A callback as its first output names it, and how many more outputs it has."""
    outputs = [part.split("@")[0] for part in output.strip(".").split("...")]
    return outputs[0] + (f" +{len(outputs) - 1}" if len(outputs) > 1 else "")


def report(n_events: int, results: Results) -> None:
    """The table of one size: times, then bytes per callback for each action."""
    print(f"\n=== {n_events:,} events ===")
    print(f"{'figure':48} {'p50':>8} {'p95':>8} {'n':>4}   floor")
    for name, values in results.times.items():
        floor = floor_of(name)
        first = name.startswith("first chart")
        checked = pct(values, 50) if first else pct(values, 95)
        verdict = ""
        if floor is not None:
            what = "median" if first else "p95"
            verdict = f"{what} < {floor:,.0f} ms: {'met' if checked < floor else 'MISSED'}"
        print(
            f"{name:48} {pct(values, 50):>6,.0f}ms {pct(values, 95):>6,.0f}ms {len(values):>4}   "
            f"{verdict}"
        )
    print("\nbytes per callback (/_dash-update-component response bodies, counted in the page)")
    print(
        f"{'action':16} {'callback (first output +more)':34} {'calls':>5} {'mean':>10} "
        f"{'max':>10} {'mean ms':>8}"
    )
    for action, calls in results.calls.items():
        by_callback: dict[str, list[dict]] = defaultdict(list)
        for call in calls:
            by_callback[callback_name(call["output"])].append(call)
        for name, group in sorted(by_callback.items(), key=lambda kv: -max_bytes(kv[1])):
            sizes = [c["bytes"] or 0 for c in group]
            took = [c["end"] - c["start"] for c in group if c["end"] is not None]
            print(
                f"{action:16} {name:34} {len(group):>5} {kb(np.mean(sizes)):>10} "
                f"{kb(max(sizes)):>10} {np.mean(took) if took else 0:>6,.0f}ms"
            )
    for note in results.notes:
        print(f"  · {note}")


def max_bytes(calls: list[dict]) -> int:
    """The largest response among calls."""
    return max(c["bytes"] or 0 for c in calls)


def kb(size: float) -> str:
    """Bytes for a reader: B, KB or MB."""
    if size >= 1e6:
        return f"{size / 1e6:.2f} MB"
    return f"{size / 1e3:.1f} KB" if size >= 1e3 else f"{size:.0f} B"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000", help="events, comma-separated")
    parser.add_argument(
        "--runs", type=int, default=20, help="searches per size (brushes, clicks: half, >= 10)"
    )
    parser.add_argument("--loads", type=int, default=3, help="browsers for the page-load times")
    args = parser.parse_args()
    if not shutil.which("chromedriver"):
        raise SystemExit(
            "needs chromium and chromedriver (Debian: apt-get install chromium-driver)"
        )
    print(
        f"load average at start: {' '.join(f'{v:.2f}' for v in os.getloadavg())}"
        f" ({os.cpu_count()} CPUs, shared)"
    )
    began = time.perf_counter()
    for size in (int(s) for s in args.sizes.split(",")):
        results, shown = measure(size, args)
        report(shown, results)
    print(
        f"\nload average at end: {' '.join(f'{v:.2f}' for v in os.getloadavg())}"
        f"; {time.perf_counter() - began:.0f} s in all"
    )


if __name__ == "__main__":
    main()
