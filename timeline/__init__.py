"""timeline: turn news articles into a resolved, interactive chronology.

The public API: `tag` (the temporal expressions of a text), `extract` (an events frame from
articles), `write_events` and `read_events` (the frame to a file and back, from any writer), `articles` (the articles of
a frame), `figure` (its Plotly figure), `app` (the Dash dashboard), `to_html` (the offline page).
Every view takes a frame from `extract`, `read_events` or pandas alike. Everything heavy is
imported when first used.
"""

from __future__ import annotations

import sys
import types
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Sequence

    import dash
    import pandas as pd
    import plotly.graph_objects as go

    from .scale import RunReport
    from .tagger.timex import Timex

__all__ = [
    "tag",
    "extract",
    "extract_to",
    "write_events",
    "read_events",
    "articles",
    "figure",
    "app",
    "to_html",
]
__version__ = "0.1.0"


def tag(text: str, dct: date | datetime | str | None = None) -> list[Timex]:
    """The temporal expressions of an English news text, resolved against its dateline `dct`."""
    from .tagger import tag as _tag

    return _tag(text, dct)


def extract(inputs: Any = None, dateline: Any = None, **options: Any) -> pd.DataFrame:
    """One events frame (see `timeline.schema`) from files, folders, globs, a DataFrame of
    articles, articles' texts or `Document`s (or a list of them); no input = the samples.

    Options: `text_column`, `date_column`, `title_column`, `url_column`, `source_column` (for
    CSV/JSON/DataFrame records), `quiet`, `progress`. `dateline`: one date, or one per input.
    """
    from .events import extract as _extract

    return _extract(inputs, dateline=dateline, **options)


def extract_to(inputs: Any, output: Any, dateline: Any = None, **options: Any) -> RunReport:
    """`extract` straight into a .csv or .parquet output, in bounded memory (documents staged a
    part at a time, merged range by range): for an archive or a 100,000-row CSV. Writes what
    `write_events(extract(...))` writes; returns the counts, errors and warnings. Also
    `on_error(error)`, called as each failed input is found; the options of `extract`."""
    from .scale import extract_streaming

    return extract_streaming(inputs, output, dateline, **options)


def write_events(frame: pd.DataFrame, path: Any) -> None:
    """Write the frame as `timeline extract -o` does: .csv, .parquet (a folder) or .json by the
    extension ("-": CSV on stdout)."""
    from .schema import write_frame

    write_frame(frame, path)


def read_events(path: Any) -> pd.DataFrame:
    """The events frame a writer wrote (a .parquet folder or file, .csv, .json), with the
    schema's dtypes and the attrs the file kept (articles, errors, warnings)."""
    from .schema import read_events as _read_events

    return _read_events(path)


def articles(frame: pd.DataFrame) -> pd.DataFrame:
    """One row per article of an events frame (doc_id, title, source, url, path, dateline,
    dateline_source, text): from attrs, or from the rows when a merge or a join lost them."""
    from .schema import articles as _articles

    return _articles(frame)


def figure(
    frame: pd.DataFrame,
    lanes: str = "document",
    color: str | None = None,
    hover_data: Sequence[str] | None = None,
    **options: Any,
) -> go.Figure:
    """The timeline of an events frame as a Plotly figure (the dashboard's chart): `lanes`
    none | document | source | entity | type | granularity, `color` a column, `hover_data`
    columns; `title`, `height`, `dense` (a day's events as one marker with their count)."""
    from .figure import figure as _figure

    return _figure(frame, lanes, color, hover_data, **options)


def app(frame: pd.DataFrame | None = None, **options: Any) -> dash.Dash:
    """The Dash app showing an events frame (the bundled samples when None)."""
    from .dashboard import create_app
    from .schema import conform

    return create_app(None if frame is None else conform(frame), **options)


def to_html(frame: pd.DataFrame, path: Any = None, **options: Any) -> str:
    """A static, self-contained HTML page of the frame; written to `path` when given."""
    from .export import to_html as _to_html
    from .schema import conform

    return _to_html(conform(frame), path, **options)


class _Package(types.ModuleType):
    """The package keeps `timeline.figure` the function: importing the submodule
    `timeline.figure` (the builder, as the dashboard and the export do) would otherwise put the
    module in its place. The submodule stays importable: `from timeline.figure import ...`."""

    def __setattr__(self, name: str, value: Any) -> None:
        if name in __all__ and isinstance(value, types.ModuleType):
            return
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package
