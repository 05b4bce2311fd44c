/* Client-side helpers of the timeline dashboard. Article text reaches the page only as text:
   renderList sets it with textContent, never as HTML. */
window.dash_clientside = Object.assign({}, window.dash_clientside, {
  timeline: {
    /* Filters or data changed on the server: make the table fetch its rows again. */
    refreshGrid: function () {
      var gridId = arguments[arguments.length - 1];
      if (window.dash_ag_grid && window.dash_ag_grid.getApiAsync) {
        window.dash_ag_grid.getApiAsync(gridId).then(function (api) {
          api.purgeInfiniteCache();
        });
      }
      return window.dash_clientside.no_update;
    },
    /* Row ids of the points in Plotly click/hover/selection data. The chart's arrays travel as
       binary (base64) arrays, which Dash's event data cannot index, so read the decoded ones.
       Trace 0 holds the selection rings and is skipped; a dense day's marker holds a list. */
    pointRows: function (data) {
      if (!data || !data.points) { return null; }
      var gd = document.querySelector("#chart .js-plotly-plot"); /* timeline.app.ids.CHART */
      var rows = [];
      data.points.forEach(function (point) {
        var trace = gd && gd._fullData ? gd._fullData[point.curveNumber] : null;
        if (point.curveNumber === 0 || !trace || !trace.customdata) { return; }
        var id = trace.customdata[point.pointNumber];
        if (Array.isArray(id)) {
          id.forEach(function (one) { rows.push(Number(one)); });
        } else if (id !== undefined && id !== null) {
          rows.push(Number(id));
        }
      });
      var first = data.points[0] || {};
      return {
        rows: rows,
        bbox: first.bbox || null,
        labelled: first.hovertext !== undefined,
        at: Date.now()
      };
    },
    /* The side panel opened an article: scroll its text so the marked expression is in view. */
    showMark: function () {
      var reveal = function () {
        var mark = document.getElementById("panel-mark"); /* timeline.app.ids.MARK */
        var box = mark ? mark.closest(".article-text") : null;
        if (!box) { return; }
        var within = mark.getBoundingClientRect().top - box.getBoundingClientRect().top;
        box.scrollTop = Math.max(0, box.scrollTop + within - box.clientHeight / 3);
      };
      setTimeout(reveal, 60);
      setTimeout(reveal, 400); /* again once fonts and layout have settled */
      return window.dash_clientside.no_update;
    },
    /* The chronological list, drawn from its entries (dashboard.chronology.list_entries): the
       same elements the panel's list has, built here because 100 entries as Dash components
       held the page's main thread for half a second. */
    renderList: function (listed) {
      /* the chronological list (ids.EVENT_LIST) or a dense marker's panel (ids.PANEL_LIST) */
      var box = listed && document.getElementById(listed.target || "event-list");
      if (!box || !listed) { return window.dash_clientside.no_update; }
      var el = function (tag, className, text) {
        var node = document.createElement(tag);
        if (className) { node.className = className; }
        if (text !== undefined && text !== null) { node.textContent = String(text); }
        return node;
      };
      var page = document.createDocumentFragment();
      (listed.groups || []).forEach(function (group) {
        var day = el("section", "day");
        day.setAttribute("role", "listitem");
        var head = el("h3", "day-head", group.label);
        head.appendChild(el("span", "day-count", group.count));
        day.appendChild(head);
        (group.items || []).forEach(function (entry) {
          var item = el("div", "event-item");
          item.setAttribute("role", "button");
          item.tabIndex = 0;
          item.dataset.row = entry.row;
          var top = el("div", "item-head");
          top.appendChild(el("span", "headline", entry.headline));
          (entry.badges || []).forEach(function (badge) {
            top.appendChild(el("span", badge[1], badge[0]));
          });
          var sources = el("div", "item-sources");
          (entry.sources || []).forEach(function (source, n) {
            if (n) { sources.appendChild(el("span", null, " · ")); }
            sources.appendChild(el("span", null, source.source ? source.source + ": " : ""));
            var url = String(source.url || "");
            if (/^https?:\/\//.test(url)) {
              var link = el("a", null, source.title);
              link.href = url;
              link.target = "_blank";
              link.rel = "noopener noreferrer";
              sources.appendChild(link);
            } else {
              sources.appendChild(el("span", null, source.title));
            }
          });
          item.appendChild(top);
          item.appendChild(sources);
          day.appendChild(item);
        });
        page.appendChild(day);
      });
      if (!page.childNodes.length && listed.empty) { page.appendChild(el("p", "empty", listed.empty)); }
      box.replaceChildren(page);
      return Date.now();
    },
    /* False when this browser cannot draw WebGL (a chart of many events then uses SVG); else
       nothing, so the chart is not drawn twice. */
    webglMissing: function () {
      var canvas = document.createElement("canvas");
      var gl = null;
      try {
        gl = canvas.getContext("webgl") || canvas.getContext("experimental-webgl");
      } catch (e) {
        gl = null;
      }
      return gl ? window.dash_clientside.no_update : false;
    },
    /* The browser's colour scheme, for the chart's colours (the page's follow CSS). */
    colorScheme: function () {
      var dark = window.matchMedia && window.matchMedia("(prefers-color-scheme: dark)").matches;
      return dark ? "dark" : "light";
    },
    /* The view in the address bar, so that a link reopens it (read back by the server when the
       page loads: dashboard.inputs.view_of). Nothing is sent anywhere. */
    writeQuery: function (q, docs, srcs, from, to, types, grans, conf, by, ents, lanes, win) {
      var params = new URLSearchParams();
      var many = function (key, values) {
        (values || []).forEach(function (v) { params.append(key, v); });
      };
      if (q) { params.set("q", q); }
      many("doc", docs);
      many("src", srcs);
      if (from) { params.set("from", String(from).slice(0, 10)); }
      if (to) { params.set("to", String(to).slice(0, 10)); }
      many("type", types);
      many("gran", grans);
      if (conf) { params.set("conf", String(conf)); }
      if (by && by.length && by.length < 3) { many("by", by); }
      many("ent", ents);
      if (lanes && lanes !== "none") { params.set("lanes", lanes); }
      if (win && win.length === 2) {
        var day = function (ms) { return new Date(ms).toISOString().slice(0, 10); };
        params.set("win", day(win[0]) + ".." + day(win[1] - 86400000));
      }
      var query = params.toString();
      var url = window.location.pathname + (query ? "?" + query : "");
      if (url !== window.location.pathname + window.location.search) {
        window.history.replaceState(null, "", url);
      }
      return query;
    }
  }
});

/* The chronological list (and a dense day's list in the panel): a click, Enter or Space on an
   event opens it in the panel; a link inside it opens the article instead. Esc closes the
   panel. */
(function () {
  function openRow(item) {
    if (window.dash_clientside && window.dash_clientside.set_props) {
      window.dash_clientside.set_props("event-list-click", /* timeline.app.ids.LIST_CLICK */
        { data: { row: Number(item.dataset.row), at: Date.now() } });
    }
  }
  document.addEventListener("click", function (event) {
    if (event.target.closest("a")) { return; }
    var item = event.target.closest(".event-item[data-row]");
    if (item) { openRow(item); }
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") {
      var close = document.getElementById("panel-close"); /* timeline.app.ids.PANEL_CLOSE */
      var panel = document.getElementById("panel");
      if (close && panel && panel.classList.contains("open")) { close.click(); }
      return;
    }
    if (event.key !== "Enter" && event.key !== " ") { return; }
    var item = event.target.closest && event.target.closest(".event-item[data-row]");
    if (item && event.target === item) {
      event.preventDefault();
      openRow(item);
    }
  });
})();
