/* The offline page's viewer (timeline/export/page.py inlines it; not loaded by the dashboard).
   Article data only ever reaches the DOM through textContent / createTextNode. */
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
  var q = $("q"), from = $("from"), to = $("to"), own = $("own"), list = $("events"), more = $("more");
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
    var ownOnly = own.checked;
    return function (ev) {
      if (ownOnly && ev.by === "reported") return false;
      for (var i = 0; i < words.length; i++) if (ev.hay.indexOf(words[i]) < 0) return false;
      if ((lo || hi) && !ev.start) return false;
      if (lo && !(ev.end > lo)) return false;
      if (hi && !(ev.start < hi)) return false;
      return true;
    };
  }

  function item(ev) {
    var li = el("li", "event" + (ev.sources.length > 1 ? " merged" : "") +
      (ev.by === "reported" ? " reported" : ""));
    li.dataset.id = ev.id;
    li.tabIndex = 0;
    li.setAttribute("role", "button");
    var when = el("div", "event-when");
    when.appendChild(el("time", "when", ev.when || "undated"));
    if (ev.gran) when.appendChild(el("span", "badge", ev.gran));
    if (ev.sources.length > 1) when.appendChild(el("span", "badge merged", ev.sources.length + " sources"));
    if (ev.by === "reported") when.appendChild(el("span", "badge reported", "reported that day"));
    if (ev.by === "event") when.appendChild(el("span", "badge", "dated by another event"));
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
  own.addEventListener("change", applyFilters);
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
