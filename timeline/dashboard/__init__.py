"""The Dash dashboard: `create_app(frame)` → a `dash.Dash` serving the interactive timeline."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import dash
    import pandas as pd

__all__ = ["create_app", "assets_folder"]

# The export page's own CSS/JS (assets/export/page.css, page.js): Dash may serve them when asked,
# but must not load them into the dashboard. Dash matches `assets_ignore` against file names, not
# folders; tests/test_app.py checks that it picks out exactly the files of assets/export/.
EXPORT_ASSETS = r"^page\.(css|js)$"


def create_app(frame: pd.DataFrame | None = None, **options: Any) -> dash.Dash:
    """A Dash app showing `frame` (the bundled samples when None); each browser session gets its
    own copy to filter, correct and extend, kept on the server (see `store`).

    Options: `title`; `store` (the folder for session work and upload jobs, default
    `store.default_directory()`); `keep_days` (how long a session's work is kept after its last
    use); `in_memory` (sessions each process keeps decoded); `limits` (`jobs.Limits` of uploads).
    """
    import dash

    from .callbacks import Backend, register
    from .jobs import Limits, job_manager
    from .layout import page
    from .state import prepare
    from .store import IN_MEMORY, KEEP_DAYS, SessionStore, default_directory

    if frame is None:
        from ..events import extract

        frame = extract()
    folder = Path(options.get("store") or default_directory())
    store = SessionStore(
        prepare(frame),
        folder / "sessions",
        keep_days=float(options.get("keep_days", KEEP_DAYS)),
        in_memory=int(options.get("in_memory", IN_MEMORY)),
    )
    app = dash.Dash(
        __name__,
        title=options.get("title", "timeline"),
        assets_folder=str(assets_folder()),
        assets_ignore=EXPORT_ASSETS,
        update_title=None,
        suppress_callback_exceptions=True,
    )
    app.layout = lambda: page(store.base, asked_view())
    register(app, Backend(store, job_manager(folder / "jobs"), options.get("limits") or Limits()))
    return app


def asked_view():
    """The view the page's URL query asks for (the defaults outside a request). Dash asks for
    the layout in a request of its own, so the page's address is that request's referrer (same
    origin: browsers send it whole)."""
    from urllib.parse import parse_qsl, urlparse

    import flask
    from werkzeug.datastructures import MultiDict

    from ..figure import LANES
    from .inputs import view_of

    if not flask.has_request_context():
        return None
    query = urlparse(flask.request.referrer or "").query
    args = MultiDict(parse_qsl(query)) if query else MultiDict(flask.request.args)
    return view_of(args, LANES)


def assets_folder() -> Path:
    """The dashboard's CSS/JS and the export page's files: `timeline/assets` in an installed wheel,
    top-level `assets/` in a source checkout (one lookup for both)."""
    package = Path(__file__).resolve().parent.parent
    for candidate in (package / "assets", package.parent / "assets"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"the dashboard's assets folder is missing (looked beside {package})")
