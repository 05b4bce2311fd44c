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
    own copy to filter, correct and extend. Options: `title`, `max_sessions`."""
    import dash

    from .callbacks import register
    from .layout import page
    from .state import SessionFrames, prepare

    if frame is None:
        from ..events import extract

        frame = extract()
    frames = SessionFrames(
        prepare(frame),
        max_sessions=int(options.get("max_sessions", 32)),
    )
    app = dash.Dash(
        __name__,
        title=options.get("title", "timeline"),
        assets_folder=str(assets_folder()),
        assets_ignore=EXPORT_ASSETS,
        update_title=None,
        suppress_callback_exceptions=True,
    )
    app.layout = lambda: page(frames.base)
    register(app, frames)
    return app


def assets_folder() -> Path:
    """The dashboard's CSS/JS and the export page's files: `timeline/assets` in an installed wheel,
    top-level `assets/` in a source checkout (one lookup for both)."""
    package = Path(__file__).resolve().parent.parent
    for candidate in (package / "assets", package.parent / "assets"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"the dashboard's assets folder is missing (looked beside {package})")
