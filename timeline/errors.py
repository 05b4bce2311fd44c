"""One shape for what goes wrong with an input, used by every stage and the CLI.

A batch never stops on one bad input: a reader, the reference-date stage or the tagger turns a
failure into an `InputError` record (the file, the record inside it, the reason in one line) and
the batch goes on. Notes worth showing (an inferred dateline) are `InputWarning`s. Library code
returns or logs them; only the CLI prints.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from typing import Any


class _Record:
    """What an error and a warning share: the file, the record inside it, one line of text."""

    path: str
    where: str

    @property
    def location(self) -> str:
        """The file, and the record inside it: "wire.csv row 17"."""
        return f"{self.path} {self.where}" if self.where else self.path

    def to_dict(self) -> dict[str, str]:
        return asdict(self)

    @classmethod
    def from_dict(cls, record: dict[str, Any]) -> Any:
        """The record back from `to_dict()` (a run's `_run.json`)."""
        return cls(**{f.name: str(record.get(f.name) or "") for f in fields(cls)})


@dataclass(frozen=True)
class InputError(_Record):
    """An input (a file, or one record of it) that gave no document, and why, in one line."""

    path: str
    reason: str
    where: str = ""  # the record inside the file: "row 17", "line 4", "entry 2"

    def __str__(self) -> str:
        return f"{self.location}: {self.reason}"


@dataclass(frozen=True)
class InputWarning(_Record):
    """A document that was read, with something the user should check ("dateline inferred")."""

    path: str
    message: str
    where: str = ""

    def __str__(self) -> str:
        return f"{self.location}: {self.message}"


class Unreadable(Exception):
    """Raised inside a reader; becomes an `InputError` with this one-line reason."""


TIME_BUDGET = 120.0  # seconds one document may take by default (a 20 MB article needs about 40)


class OverBudget(Exception):
    """A document that took longer than its time budget; the message is one line."""


class ReferenceDateError(ValueError):
    """A document whose reference date cannot be had (impossible or missing); one line."""


class DateError(ValueError):
    """A date given by a person or by metadata that is not one full calendar date; one line."""


class TimeMLError(ValueError):
    """A TimeML file or string that cannot be read; the message is one line."""
