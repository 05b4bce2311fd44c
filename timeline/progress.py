"""Progress bars on stderr (tqdm), one shape for every long run: reading a batch, a cluster run's
passes. Shown when asked for, or by default in a terminal and not quiet; never in a pipe."""

from __future__ import annotations

import sys
from typing import Any

AUTO_DELAY = 0.5  # seconds before an unasked-for bar appears (quick runs show none)


def shown(quiet: bool, progress: bool | None = None) -> bool:
    """Whether a bar is drawn: `progress` when given, else in a terminal unless `quiet`."""
    if progress is not None:
        return progress
    return not quiet and sys.stderr.isatty()


def progress_bar(
    total: float | None,
    desc: str,
    unit: str,
    quiet: bool = False,
    progress: bool | None = None,
    **options: Any,
) -> Any:
    """A tqdm bar on stderr of `total` `unit`s (None: a count without percentage or ETA); a bar
    that draws nothing when not `shown`. Bytes (`unit="B"`) are shown as kB, MB."""
    from tqdm import tqdm

    if unit == "B":
        options = {"unit_scale": True, "unit_divisor": 1024, **options}
    return tqdm(
        total=total,
        desc=desc,
        unit=unit,
        file=sys.stderr,
        disable=not shown(quiet, progress),
        delay=0 if progress else AUTO_DELAY,
        **options,
    )
