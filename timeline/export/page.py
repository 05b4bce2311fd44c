"""The offline HTML page of an events frame: one self-contained file.

Plotly.js inlined, the dashboard's figure (`timeline.figure`), the events and articles as JSON data
and a small vanilla-JS viewer that renders all article text through DOM text nodes. A
Content-Security-Policy allows only the page's own scripts (by hash) and no network at all, as a
second line of defence behind the escaping.

The page's HTML, CSS and JS are files in the assets folder (`assets/export/`, shipped in the wheel
as `timeline/assets/export/`), rendered with Jinja2: the HTML is autoescaped; only the inlined
CSS, JS and escaped JSON go in raw, each through `inline()`.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import json
import numbers
import re
from pathlib import Path
from typing import Any

import jinja2
import pandas as pd
from markupsafe import Markup

from ..dashboard import assets_folder
from ..schema import sources_of
from .rows import _text, chronological_order, page_summary, rows_and_articles, span_in_sentence

LIST_PAGE = 200  # events the page lists before "show more"
# the page's files, relative to the assets folder (which the dashboard shares, ignoring these)
PAGE_TEMPLATE = "export/page.html.j2"
PAGE_STYLE = "export/page.css"
PAGE_SCRIPT = "export/page.js"


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
                "by": _text(row.get("dated_by")) or "expression",
                "source": _text(row["source"]),
                "title": _text(row["title"]),
                "sources": sources_of(row["sources"]),
            }
        )
    return events


def page_articles(rows: pd.DataFrame, articles: dict) -> dict[str, dict]:
    """The articles the events come from: title, source, url, dateline and full text."""
    wanted = set(rows["doc_id"].dropna().astype(str))
    for sources in rows["sources"]:
        wanted.update(sources_of(sources))
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


def page_asset(name: str) -> str:
    """The text of one of the page's files in the assets folder.

    Read with universal newlines, as a browser's HTML parser sees it, so the CSP hash of the text
    inlined matches even when a checkout has CRLF line ends.
    """
    return (assets_folder() / name).read_text(encoding="utf-8")


@functools.lru_cache(maxsize=4)
def page_environment(folder: str) -> jinja2.Environment:
    """The Jinja2 environment for the page's templates in `folder`; autoescaped (they are HTML),
    and an unknown variable is an error rather than an empty string."""
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(folder),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
    )


def inline(source: str, element: str) -> Markup:
    """`source` marked safe to paste raw into a <script> or <style> `element` of the page.

    Only for text that is trusted (the page's own files, Plotly.js) or already escaped
    (`json_for_script`); refuses anything that could end the element early.
    """
    if re.search(rf"</{element}|<!--", source, flags=re.IGNORECASE):
        raise ValueError(
            f"cannot inline this text into <{element}>: it contains '</{element}' or '<!--'"
        )
    return Markup(source)


def to_html(frame: pd.DataFrame, path: str | Path | None = None, *, title: str = "Timeline") -> str:
    """The frame as one offline HTML page (chart, searchable event list, articles); written to
    `path` when given."""
    import plotly.io as pio
    from plotly.offline import get_plotlyjs

    from ..figure import timeline_figure

    rows, articles = rows_and_articles(frame)
    fig = timeline_figure(rows, lanes="source", dense=False, window=False)  # the page draws its own
    fig.update_layout(clickmode="event")  # the page draws its own selection ring and dimming
    points, traces = chart_points(fig)
    data = {
        "events": page_events(rows, articles),
        "articles": page_articles(rows, articles),
        "points": points,
        "traces": traces,
        "pageSize": LIST_PAGE,
    }
    plotly_js, script = get_plotlyjs(), page_asset(PAGE_SCRIPT)
    template = page_environment(str(assets_folder())).get_template(PAGE_TEMPLATE)
    page = template.render(
        # the very strings inlined below are hashed: the CSP always allows exactly these scripts
        csp=content_security_policy([plotly_js, script]),
        title=title,
        summary=page_summary(rows),
        style=inline(page_asset(PAGE_STYLE), "style"),
        data=inline(json_for_script(data), "script"),
        figure=inline(json_for_script(pio.to_json(fig, validate=False)), "script"),
        plotly=inline(plotly_js, "script"),
        script=inline(script, "script"),
    )
    if path is not None:
        Path(path).write_text(page, encoding="utf-8")
    return page
