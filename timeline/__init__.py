"""timeline: turn news articles into a resolved, interactive chronology.

The public API is four functions; everything heavy is imported when first used.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import dash
    import pandas as pd

    from .tagger.timex import Timex

__all__ = ["tag", "extract", "app", "to_html"]
__version__ = "0.1.0"


def tag(text: str, dct: date | datetime | str | None = None) -> list[Timex]:
    """The temporal expressions of an English news text, resolved against its dateline `dct`."""
    from .tagger import tag as _tag

    return _tag(text, dct)


def extract(inputs: Any = None, dateline: Any = None, **options: Any) -> pd.DataFrame:
    """One events frame (see `timeline.schema`) from files, folders or globs; no input = samples."""
    from .events import extract as _extract

    return _extract(inputs, dateline=dateline, **options)


def app(frame: pd.DataFrame | None = None, **options: Any) -> dash.Dash:
    """The Dash app showing an events frame (the bundled samples when None)."""
    from .dashboard import create_app

    return create_app(frame, **options)


def to_html(frame: pd.DataFrame, path: Any = None, **options: Any) -> str:
    """A static, self-contained HTML page of the frame; written to `path` when given."""
    from .export import to_html as _to_html

    return _to_html(frame, path, **options)
