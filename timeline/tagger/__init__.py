"""The tagger: `tag(text, dct)` finds every temporal expression and resolves it against the dateline.

`lexicon/` is the language data the whole package reads (the text layer, dates, events too), so
this package loads nothing at import: `tag` and `tag_text` come from `tagging` when first used.
"""

from __future__ import annotations

from typing import Any

__all__ = ["tag", "tag_text"]


def __getattr__(name: str) -> Any:
    """`tag` and `tag_text`, imported on first use (PEP 562)."""
    if name in __all__:
        from . import tagging

        return getattr(tagging, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
