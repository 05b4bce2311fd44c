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
    /* The side panel opened an article: scroll its text so the marked expression is in view. */
    showMark: function () {
      setTimeout(function () {
        var mark = document.getElementById("panel-mark"); /* timeline.app.ids.MARK */
        if (!mark) { return; }
        var box = mark.closest(".article-text");
        if (box) { box.scrollTop = mark.offsetTop - box.offsetTop - box.clientHeight / 3; }
      }, 60);
      return window.dash_clientside.no_update;
    }
  }
});
