"""The offline HTML page of an events frame: one self-contained file.

Plotly.js inlined, the dashboard's figure (`timeline.figure`), the events and articles as JSON data
and a small vanilla-JS viewer that renders all article text through DOM text nodes. A
Content-Security-Policy allows only the page's own scripts (by hash) and no network at all, as a
second line of defence behind the escaping.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import numbers
from pathlib import Path
from typing import Any

import pandas as pd

from ..schema import SOURCES_SEP
from .rows import _text, chronological_order, page_summary, rows_and_articles, span_in_sentence

LIST_PAGE = 200  # events the page lists before "show more"


def _iso(value: Any) -> str | None:
    """A timestamp as ISO text for the page's JSON, None when missing."""
    return None if value is None or pd.isna(value) else pd.Timestamp(value).isoformat()


def page_events(rows: pd.DataFrame, articles: dict) -> list[dict]:
    """The events as the page's viewer reads them, in chronological order (ids = row positions)."""
    from ..figure import date_labels

    when = date_labels(
        rows["start"], rows["end"], rows["granularity"].astype("string").fillna("")
    ).tolist()
    records = rows.to_dict("records")
    events = []
    for i in chronological_order(rows):
        row = records[i]
        doc = _text(row["doc_id"])
        sentence, expression = _text(row["sentence"]), _text(row["expression"])
        start, end = int(row["char_start"]), int(row["char_end"])
        article = _text((articles.get(doc) or {}).get("text"))
        events.append(
            {
                "id": i,
                "doc": doc,
                "expr": expression,
                "type": _text(row["timex_type"]),
                "value": _text(row["timex_value"]),
                "gran": _text(row["granularity"]),
                "start": _iso(row["start"]),
                "end": _iso(row["end"]),
                "when": when[i] if pd.notna(row["start"]) else _text(row["timex_value"]),
                "event": _text(row["event"]),
                "sentence": sentence,
                "mark": span_in_sentence(sentence, article, start, end, expression),
                "cs": start,
                "ce": end,
                "expl": _text(row["explanation"]),
                "source": _text(row["source"]),
                "title": _text(row["title"]),
                "sources": [s for s in _text(row["sources"]).split(SOURCES_SEP) if s],
            }
        )
    return events


def page_articles(rows: pd.DataFrame, articles: dict) -> dict[str, dict]:
    """The articles the events come from: title, source, url, dateline and full text."""
    wanted = set(rows["doc_id"].dropna().astype(str))
    for sources in rows["sources"].dropna().astype(str):
        wanted.update(s for s in sources.split(SOURCES_SEP) if s)
    return {
        doc: {
            "title": _text(meta.get("title")),
            "source": _text(meta.get("source")),
            "url": _text(meta.get("url")),
            "dateline": _text(meta.get("dateline"))[:10],
            "text": _text(meta.get("text")),
        }
        for doc, meta in articles.items()
        if doc in wanted
    }


def _axis_time(x: Any) -> str:
    """A date-axis value as ISO text (Plotly stores datetimes as epoch milliseconds)."""
    number = isinstance(x, numbers.Real) and not isinstance(x, bool)
    return (pd.Timestamp(float(x), unit="ms") if number else pd.Timestamp(x)).isoformat()


def chart_points(fig: Any) -> tuple[dict[int, list], list[dict]]:
    """Each event's marker position, and each marker trace's event ids (for rings and dimming).

    Trace 0 of `timeline_figure` is the selection ring; the others with `customdata` are markers.
    """
    points: dict[int, list] = {}
    traces = []
    for n, trace in enumerate(fig.data):
        if n == 0 or trace.customdata is None or len(trace.customdata) == 0:
            continue
        ids = [int(i) for i in trace.customdata]
        for i, x, y in zip(ids, trace.x, trace.y, strict=True):
            points[i] = [_axis_time(x), round(float(y), 4)]
        traces.append({"trace": n, "ids": ids})
    return points, traces


def json_for_script(data: Any) -> str:
    """JSON that is inert inside <script type="application/json">: no <, > or & can close it."""
    if not isinstance(data, str):
        data = json.dumps(data, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
    for raw, safe in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026")):
        data = data.replace(raw, safe)
    return data.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def script_hash(source: str) -> str:
    """The CSP source expression allowing exactly this inline script."""
    digest = hashlib.sha256(source.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def content_security_policy(scripts: list[str]) -> str:
    """No network, no plugins, no forms; only the page's own inline scripts may run.

    'unsafe-eval' is for Plotly's WebGL traces (regl compiles shaders with `new Function`).
    """
    hashes = " ".join(script_hash(s) for s in scripts)
    return (
        f"default-src 'none'; script-src {hashes} 'unsafe-eval'; style-src 'unsafe-inline'; "
        "img-src data: blob:; font-src data:; base-uri 'none'; form-action 'none'"
    )


def to_html(frame: pd.DataFrame, path: str | Path | None = None, *, title: str = "Timeline") -> str:
    """The frame as one offline HTML page (chart, searchable event list, articles); written to
    `path` when given."""
    import plotly.io as pio
    from plotly.offline import get_plotlyjs

    from ..figure import timeline_figure

    rows, articles = rows_and_articles(frame)
    fig = timeline_figure(rows, lanes="source")
    fig.update_layout(clickmode="event")  # the page draws its own selection ring and dimming
    points, traces = chart_points(fig)
    data = {
        "events": page_events(rows, articles),
        "articles": page_articles(rows, articles),
        "points": points,
        "traces": traces,
        "pageSize": LIST_PAGE,
    }
    plotly_js = get_plotlyjs()
    page = _PAGE.format(
        csp=html.escape(content_security_policy([plotly_js, _SCRIPT])),
        title=html.escape(title),
        summary=html.escape(page_summary(rows)),
        style=_STYLE,
        data=json_for_script(data),
        figure=json_for_script(pio.to_json(fig, validate=False)),
        plotly=plotly_js,
        script=_SCRIPT,
    )
    if path is not None:
        Path(path).write_text(page, encoding="utf-8")
    return page


_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>{title}</title>
<style>{style}</style>
</head>
<body>
<header class="top">
  <h1>{title}</h1>
  <p class="summary">{summary}</p>
</header>
<main>
  <section class="card chart-card" aria-label="Chart">
    <div id="chart"></div>
    <noscript><p class="empty">The chart and the event list need JavaScript.</p></noscript>
  </section>
  <div class="columns">
    <section class="card list-card" aria-label="Events">
      <form class="filters" id="filters" role="search" autocomplete="off">
        <input type="search" id="q" placeholder="Search events, sentences, sources…"
               aria-label="Search events">
        <div class="dates">
          <label>From <input type="date" id="from"></label>
          <label>To <input type="date" id="to"></label>
          <button type="reset" id="clear">Clear</button>
        </div>
      </form>
      <p class="count" id="count" aria-live="polite"></p>
      <ol class="events" id="events"></ol>
      <button type="button" class="more" id="more" hidden></button>
    </section>
    <section class="card article-card" id="article" aria-label="Article" aria-live="polite">
      <p class="empty">Click an event in the chart or the list to read it in its article.</p>
    </section>
  </div>
</main>
<footer>Made with <b>timeline</b>. Works offline; nothing is loaded from the network.</footer>
<script type="application/json" id="timeline-data">{data}</script>
<script type="application/json" id="timeline-figure">{figure}</script>
<script>{plotly}</script>
<script>{script}</script>
</body>
</html>
"""

_STYLE = """
:root {
  --ink: #1f2937; --muted: #6b7280; --line: #e5e7eb; --bg: #f6f7f9; --card: #fff;
  --accent: #2f6fb0; --merged: #d9730d; --mark: #fde68a; --mark-other: #e0ecf8;
  font-family: Inter, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  color: var(--ink); background: var(--bg); line-height: 1.5;
}
* { box-sizing: border-box; }
body { margin: 0; }
.top { padding: 20px clamp(12px, 3vw, 32px) 4px; }
h1 { margin: 0; font-size: clamp(1.4rem, 2.4vw, 2rem); letter-spacing: -0.01em; }
.summary { margin: 2px 0 0; color: var(--muted); }
main { padding: 12px clamp(12px, 3vw, 32px); display: grid; gap: 16px; }
.card { background: var(--card); border: 1px solid var(--line); border-radius: 10px;
  box-shadow: 0 1px 2px rgba(0,0,0,.04); }
.chart-card { padding: 8px; min-height: 200px; }
.columns { display: grid; grid-template-columns: minmax(0, 5fr) minmax(0, 6fr); gap: 16px;
  align-items: start; }
@media (max-width: 900px) { .columns { grid-template-columns: 1fr; } }
.list-card { padding: 14px; }
.filters { display: grid; gap: 8px; }
.filters input, .filters button { font: inherit; padding: 6px 10px; border: 1px solid #d1d5db;
  border-radius: 6px; background: #fff; color: inherit; }
.filters input[type=search] { width: 100%; }
.dates { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; }
.dates label { display: flex; gap: 6px; align-items: center; color: var(--muted); }
.filters button { cursor: pointer; }
.filters button:hover { background: #f3f4f6; }
.count { margin: 10px 0 6px; color: var(--muted); font-size: .9rem; }
.events { list-style: none; margin: 0; padding: 0 4px 0 0; max-height: calc(100vh - 190px);
  overflow: auto; }
@media (max-width: 900px) { .events { max-height: 70vh; } }
.event { padding: 10px 12px; border: 1px solid transparent; border-left: 3px solid var(--accent);
  border-radius: 6px; margin-bottom: 6px; cursor: pointer; background: #fbfcfd; }
.event.merged { border-left-color: var(--merged); }
.event:hover { background: #f3f6fa; }
.event:focus { outline: 2px solid var(--accent); outline-offset: 1px; }
.event.selected { background: #eef4fb; border-color: #bcd3ec; border-left-color: var(--accent); }
.event-when { display: flex; flex-wrap: wrap; gap: 6px; align-items: baseline; font-weight: 600; }
.badge { font-size: .72rem; font-weight: 500; color: var(--muted); border: 1px solid var(--line);
  border-radius: 999px; padding: 0 7px; }
.badge.merged { color: var(--merged); border-color: #f3c89a; }
.event-head { margin-top: 2px; }
.event-sentence { margin: 4px 0; color: #374151; font-size: .92rem; }
.event-meta, .event-expl { color: var(--muted); font-size: .82rem; }
.event-expl::before { content: "↳ "; }
mark { background: var(--mark); color: inherit; border-radius: 3px; padding: 0 1px; }
.more { margin-top: 6px; width: 100%; font: inherit; padding: 8px; border: 1px dashed #cbd5e1;
  border-radius: 6px; background: #fff; cursor: pointer; color: var(--accent); }
.article-card { padding: 0; position: sticky; top: 12px; max-height: calc(100vh - 24px);
  overflow: auto; }
@media (max-width: 900px) { .article-card { position: static; max-height: none; } }
.article-card > .empty { padding: 18px 22px; }
.article-head { position: sticky; top: 0; background: var(--card); padding: 16px 22px 10px;
  border-bottom: 1px solid var(--line); border-radius: 10px 10px 0 0; z-index: 1; }
.article-head h2 { margin: 0 0 4px; font-size: 1.2rem; line-height: 1.3; }
.article-meta { color: var(--muted); margin: 0 0 8px; font-size: .9rem; word-break: break-word; }
.article-meta a { color: var(--accent); }
.explain { background: #f8fafc; border: 1px solid var(--line); border-radius: 6px;
  padding: 6px 10px; font-size: .9rem; margin: 0; }
.explain b { font-weight: 600; }
.article-text { padding: 14px 22px 22px; margin: 0; white-space: pre-wrap; overflow-wrap: anywhere; font-family: Georgia,
  "Iowan Old Style", "Times New Roman", serif; font-size: 1.02rem; line-height: 1.65; }
.article-text mark { cursor: pointer; background: var(--mark-other); }
.article-text mark.current { background: var(--mark); box-shadow: 0 0 0 2px #f59e0b; }
.empty { color: var(--muted); margin: 0; }
footer { color: var(--muted); font-size: .8rem; padding: 4px clamp(12px, 3vw, 32px) 24px; }
"""

# The viewer. Article data only ever reaches the DOM through textContent / createTextNode.
_SCRIPT = r"""
(function () {
  "use strict";
  var DATA = JSON.parse(document.getElementById("timeline-data").textContent);
  var FIGURE = JSON.parse(document.getElementById("timeline-figure").textContent);
  var events = DATA.events, articles = DATA.articles, total = events.length;
  var byId = new Map(), byDoc = new Map();
  events.forEach(function (ev) {
    ev.hay = [ev.expr, ev.value, ev.when, ev.event, ev.sentence, ev.expl, ev.source, ev.title,
      ev.doc].concat(ev.sources).join("\n").toLowerCase();
    byId.set(ev.id, ev);
    if (!byDoc.has(ev.doc)) byDoc.set(ev.doc, []);
    byDoc.get(ev.doc).push(ev);
  });
  byDoc.forEach(function (list) { list.sort(function (a, b) { return a.cs - b.cs || b.ce - a.ce; }); });

  var $ = function (id) { return document.getElementById(id); };
  var q = $("q"), from = $("from"), to = $("to"), list = $("events"), more = $("more");
  var count = $("count"), pane = $("article"), chart = $("chart");
  var matches = events, shown = 0, selected = null, chartReady = false;

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function withMark(parent, text, start, end, cls) {
    parent.appendChild(document.createTextNode(text.slice(0, start)));
    var mark = el("mark", cls, text.slice(start, end));
    parent.appendChild(mark);
    parent.appendChild(document.createTextNode(text.slice(end)));
    return mark;
  }

  function nextDay(day) {
    var d = new Date(day + "T00:00:00Z");
    d.setUTCDate(d.getUTCDate() + 1);
    return d.toISOString().slice(0, 19);
  }

  function matcher() {
    var words = q.value.toLowerCase().split(/\s+/).filter(Boolean);
    var lo = from.value ? from.value + "T00:00:00" : "", hi = to.value ? nextDay(to.value) : "";
    return function (ev) {
      for (var i = 0; i < words.length; i++) if (ev.hay.indexOf(words[i]) < 0) return false;
      if ((lo || hi) && !ev.start) return false;
      if (lo && !(ev.end > lo)) return false;
      if (hi && !(ev.start < hi)) return false;
      return true;
    };
  }

  function item(ev) {
    var li = el("li", "event" + (ev.sources.length > 1 ? " merged" : ""));
    li.dataset.id = ev.id;
    li.tabIndex = 0;
    li.setAttribute("role", "button");
    var when = el("div", "event-when");
    when.appendChild(el("time", "when", ev.when || "undated"));
    if (ev.gran) when.appendChild(el("span", "badge", ev.gran));
    if (ev.sources.length > 1) when.appendChild(el("span", "badge merged", ev.sources.length + " sources"));
    li.appendChild(when);
    li.appendChild(el("div", "event-head", ev.event || ev.expr));
    if (ev.sentence) {
      var p = el("p", "event-sentence");
      if (ev.mark) withMark(p, ev.sentence, ev.mark[0], ev.mark[1]);
      else p.textContent = ev.sentence;
      li.appendChild(p);
    }
    li.appendChild(el("div", "event-meta", [ev.source, ev.title].filter(Boolean).join(" · ")));
    if (ev.expl) li.appendChild(el("div", "event-expl", ev.expl));
    if (selected && selected.id === ev.id) li.classList.add("selected");
    return li;
  }

  function showMore() {
    var end = Math.min(matches.length, shown + DATA.pageSize);
    var frag = document.createDocumentFragment();
    for (var i = shown; i < end; i++) frag.appendChild(item(matches[i]));
    list.appendChild(frag);
    shown = end;
    var left = matches.length - shown;
    more.hidden = left <= 0;
    more.textContent = "Show " + Math.min(left, DATA.pageSize) + " more (" + left + " not shown)";
  }

  function applyFilters() {
    var keep = matcher();
    matches = events.filter(keep);
    list.replaceChildren();
    shown = 0;
    showMore();
    count.textContent = matches.length + " of " + total + " events";
    dimChart(matches.length < total ? new Set(matches.map(function (ev) { return ev.id; })) : null);
  }

  function dimChart(keep) {
    if (!chartReady || !DATA.traces.length) return;
    var sel = DATA.traces.map(function (t) {
      if (!keep) return null;
      var idx = [];
      t.ids.forEach(function (id, k) { if (keep.has(id)) idx.push(k); });
      return idx;
    });
    window.Plotly.restyle(chart, { selectedpoints: sel }, DATA.traces.map(function (t) { return t.trace; }));
  }

  function zoomChart() {
    // the chart shows the chosen date range (open ends: the first / last event)
    if (!chartReady || !DATA.traces.length) return;
    var dated = events.filter(function (ev) { return ev.start; });
    if (!(from.value || to.value) || !dated.length) {
      window.Plotly.relayout(chart, { "xaxis.autorange": true });
      return;
    }
    var first = dated[0].start, last = dated.reduce(function (m, ev) { return ev.end > m ? ev.end : m; }, "");
    window.Plotly.relayout(chart, { "xaxis.range": [from.value || first, to.value ? nextDay(to.value) : last] });
  }

  function ringChart(ev) {
    if (!chartReady) return;
    var p = DATA.points[ev.id];
    window.Plotly.restyle(chart, { x: [p ? [p[0]] : []], y: [p ? [p[1]] : []],
      customdata: [p ? [ev.id] : []] }, [0]);
  }

  function articleMeta(art, ev) {
    var meta = el("p", "article-meta");
    var parts = [art.source || ev.source, art.dateline].filter(Boolean);
    meta.appendChild(document.createTextNode(parts.join(" · ")));
    if (/^https?:\/\//i.test(art.url || "")) {
      meta.appendChild(document.createTextNode(parts.length ? " · " : ""));
      var a = el("a", "", art.url);
      a.href = art.url;
      a.rel = "noopener noreferrer";
      a.target = "_blank";
      meta.appendChild(a);
    } else if (art.url) {
      meta.appendChild(document.createTextNode((parts.length ? " · " : "") + art.url));
    }
    if (ev.sources.length > 1)
      meta.appendChild(el("span", "also", " · reported by " + ev.sources.join(", ")));
    return meta;
  }

  function explain(ev) {
    var box = el("p", "explain");
    box.appendChild(el("b", "", "“" + ev.expr + "”"));
    var value = ev.value && ev.value !== ev.when ? " (" + ev.value + ")" : "";
    box.appendChild(document.createTextNode(" → " + (ev.when || "") + value));
    if (ev.expl) { box.appendChild(el("br")); box.appendChild(document.createTextNode(ev.expl)); }
    return box;
  }

  function articleText(art, ev) {
    var body = el("div", "article-text"), text = art.text, pos = 0, current = null;
    (byDoc.get(ev.doc) || []).forEach(function (other) {
      if (other.cs < pos || other.ce > text.length || other.ce <= other.cs) return;
      body.appendChild(document.createTextNode(text.slice(pos, other.cs)));
      var mark = el("mark", other.id === ev.id ? "current" : "", text.slice(other.cs, other.ce));
      mark.dataset.id = other.id;
      mark.title = other.when || other.value;
      body.appendChild(mark);
      if (other.id === ev.id) current = mark;
      pos = other.ce;
    });
    body.appendChild(document.createTextNode(text.slice(pos)));
    return { body: body, current: current };
  }

  function centreIn(box, node) {
    // scroll only `box` (not the page) so that `node` sits in its middle
    var top = node.getBoundingClientRect().top - box.getBoundingClientRect().top;
    box.scrollTop += top - box.clientHeight / 2 + node.clientHeight / 2;
  }

  function showArticle(ev) {
    var art = articles[ev.doc] || {};
    var head = el("div", "article-head");
    head.appendChild(el("h2", "", art.title || ev.title || ev.doc));
    head.appendChild(articleMeta(art, ev));
    head.appendChild(explain(ev));
    pane.replaceChildren(head);
    if (!art.text) {  // no article text in the frame: show the sentence alone
      var p = pane.appendChild(el("p", "article-text"));
      if (ev.mark) withMark(p, ev.sentence, ev.mark[0], ev.mark[1], "current");
      else p.textContent = ev.sentence;
      return;
    }
    var built = articleText(art, ev);
    pane.appendChild(built.body);
    if (built.current) centreIn(pane, built.current);
  }

  function select(id, fromChart) {
    var ev = byId.get(Number(id));
    if (!ev) return;
    selected = ev;
    list.querySelectorAll(".event.selected").forEach(function (li) { li.classList.remove("selected"); });
    var li = list.querySelector('.event[data-id="' + ev.id + '"]');
    if (li) { li.classList.add("selected"); if (fromChart) centreIn(list, li); }
    showArticle(ev);
    ringChart(ev);
  }

  list.addEventListener("click", function (e) {
    var li = e.target.closest(".event");
    if (li) select(li.dataset.id, false);
  });
  list.addEventListener("keydown", function (e) {
    var li = e.target.closest(".event");
    if (li && (e.key === "Enter" || e.key === " ")) { e.preventDefault(); select(li.dataset.id, false); }
  });
  pane.addEventListener("click", function (e) {
    var mark = e.target.closest("mark[data-id]");
    if (mark) select(mark.dataset.id, false);
  });
  more.addEventListener("click", showMore);
  var timer = null;
  q.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(applyFilters, 120); });
  function onDates() { applyFilters(); zoomChart(); }
  from.addEventListener("change", onDates);
  to.addEventListener("change", onDates);
  $("filters").addEventListener("reset", function () { setTimeout(onDates, 0); });
  $("filters").addEventListener("submit", function (e) { e.preventDefault(); applyFilters(); });

  applyFilters();
  if (window.Plotly) {
    window.Plotly.newPlot(chart, FIGURE.data, FIGURE.layout, { responsive: true,
      displaylogo: false, showSendToCloud: false, plotlyServerURL: "" }).then(function () {
      chartReady = true;
      chart.on("plotly_click", function (e) {
        var p = e && e.points && e.points[0];
        if (p && p.customdata !== undefined && p.curveNumber !== 0) select(p.customdata, true);
      });
      if (matches.length < total) applyFilters();
      if (selected) ringChart(selected);
      document.documentElement.dataset.chart = "ready";
    });
  }
})();
"""
