/* Client-side helpers of the timeline dashboard (no article text is ever handled here). */
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
       Trace 0 holds the selection rings and is skipped. */
    pointRows: function (data) {
      if (!data || !data.points) { return null; }
      var gd = document.querySelector("#chart .js-plotly-plot"); /* timeline.app.ids.CHART */
      var rows = [];
      data.points.forEach(function (point) {
        var trace = gd && gd._fullData ? gd._fullData[point.curveNumber] : null;
        if (point.curveNumber === 0 || !trace || !trace.customdata) { return; }
        var id = trace.customdata[point.pointNumber];
        if (id !== undefined && id !== null) { rows.push(Number(id)); }
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
    }
  }
});
