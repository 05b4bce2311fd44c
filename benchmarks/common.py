"""What the benchmark scripts share (run them as `python benchmarks/NAME.py`; this folder is then
on the import path)."""

from __future__ import annotations

import os


def pinned_to_one_core() -> str:
    """Pin this process to one CPU (where the OS allows it); the CPU used, for the report."""
    if hasattr(os, "sched_setaffinity"):
        cpu = min(os.sched_getaffinity(0))
        os.sched_setaffinity(0, {cpu})
        return f"cpu {cpu}"
    return "unpinned"
