"""Each session's work, kept on disk (diskcache, i.e. SQLite plus files) so that it outlives the
memory of one process, a server restart and the choice of worker process that answers a request.

A session's record holds only what differs from the base frame: the rows added or changed (their
contract columns), the ids of base rows it no longer has, and new or re-dated articles; a changed
session's rows are always in `state.in_time_order`, so their order needs no storing. A corrected
date costs a few kilobytes, not a copy of 100k rows. Records live in a namespace named after the
base frame, so a server restarted on other articles never applies old edits to the wrong rows:
that work counts as expired. A record expires `keep_days` after its session last changed or was read.

Each process also keeps a few decoded sessions in memory (`in_memory`); the disk is the truth.
Changes go through `update(session, change)`: optimistic, so two requests of one session (a date
typed while an upload finishes) both land, whichever process runs them.
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
import sqlite3
import sys
import threading
import time
import zlib
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np
import pandas as pd

from ..schema import COLUMNS
from .state import Events, in_time_order, with_derived_columns

log = logging.getLogger(__name__)

KEEP_DAYS = 7.0
SIZE_LIMIT = 2 * 1024**3  # bytes on disk for every session together; the oldest go first
IN_MEMORY = 8  # decoded sessions per process
TOUCH_EVERY = 3600.0  # seconds between two expiry extensions of a session that is only read
FORMAT = 1  # bump when `Record` changes shape: older records then count as expired


@dataclass(frozen=True)
class Record:
    """What a session changed relative to the base: enough to rebuild its `Events` exactly."""

    version: int
    removed: np.ndarray  # ids of the base rows the session no longer has
    rows: pd.DataFrame  # contract columns of the rows that are not base rows as they were
    articles: dict  # articles that are new or differ from the base's
    errors: tuple  # errors and warnings after the base's own
    warnings: tuple


def record_of(base: Events, events: Events) -> Record:
    """The difference of `events` from `base`, as stored."""
    rows = events.rows
    known = rows.index.isin(base.rows.index)
    same = np.zeros(len(rows), dtype=bool)
    if known.any():
        ids = rows.index[known]
        same[known] = same_rows(rows.loc[ids, list(COLUMNS)], base.rows.loc[ids, list(COLUMNS)])
    return Record(
        version=events.version,
        removed=base.rows.index[~base.rows.index.isin(rows.index)].to_numpy("int64"),
        rows=pd.DataFrame(rows.loc[~same, list(COLUMNS)], copy=True),
        articles={
            doc: article
            for doc, article in events.articles.items()
            if base.articles.get(doc) is not article and base.articles.get(doc) != article
        },
        errors=tuple(events.errors[len(base.errors) :]),
        warnings=tuple(events.warnings[len(base.warnings) :]),
    )


def same_rows(left: pd.DataFrame, right: pd.DataFrame) -> np.ndarray:
    """Which rows of two frames with the same index and columns hold equal values (NA == NA)."""
    equal = np.ones(len(left), dtype=bool)
    for column in left.columns:
        a, b = left[column], right[column]
        both_missing = (a.isna() & b.isna()).to_numpy(bool)
        equal &= (a == b).fillna(False).to_numpy(bool) | both_missing
    return equal


def events_from(base: Events, record: Record) -> Events:
    """The session's `Events`, rebuilt from the base and its record."""
    own = with_derived_columns(record.rows) if len(record.rows) else base.rows.iloc[:0]
    kept = ~base.rows.index.isin(record.removed) & ~base.rows.index.isin(own.index)
    among = np.concatenate([np.flatnonzero(kept), len(base.rows) + np.arange(len(own))])
    rows = in_time_order(pd.concat([base.rows, own]), among)
    return Events(
        rows=rows,
        articles={**base.articles, **record.articles},
        errors=(*base.errors, *record.errors),
        warnings=(*base.warnings, *record.warnings),
        version=record.version,
    )


def encoded(record: Record) -> bytes:
    """A record as stored: pickled and compressed."""
    return zlib.compress(pickle.dumps(record, protocol=5), 1)


def decoded(blob: bytes) -> Record:
    """A record back from `encoded` (the store is written only by this program)."""
    return pickle.loads(zlib.decompress(blob))


def fingerprint(base: Events) -> str:
    """A short name for the base frame's content: rows and articles (and the record format)."""
    digest = hashlib.blake2b(digest_size=12)
    digest.update(f"format {FORMAT}".encode())
    rows = pd.DataFrame(base.rows[list(COLUMNS)], copy=False)
    for column in rows.columns:  # values pandas cannot hash (lists) are hashed as written
        if rows[column].dtype == object:
            rows[column] = rows[column].map(repr)
    digest.update(pd.util.hash_pandas_object(rows, index=True).to_numpy().tobytes())
    digest.update(pickle.dumps(sorted(base.articles.items()), protocol=5))
    return digest.hexdigest()


def default_directory() -> Path:
    """Where the dashboard keeps session work and jobs unless told: `timeline/dashboard` in the
    user's cache folder."""
    if sys.platform == "win32":
        root = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
    else:
        root = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return root / "timeline" / "dashboard"


class SessionStore:
    """Each session's `Events`, on disk and shared by every process serving the same base.

    Sessions that changed nothing cost nothing: they read `base`.
    """

    def __init__(
        self,
        base: Events,
        directory: str | os.PathLike | None = None,
        keep_days: float = KEEP_DAYS,
        size_limit: int = SIZE_LIMIT,
        in_memory: int = IN_MEMORY,
    ):
        import diskcache

        self.base = base
        self.directory = Path(directory) if directory else default_directory() / "sessions"
        self.keep_seconds = float(keep_days) * 86400
        self.namespace = fingerprint(base)
        try:
            self.cache = diskcache.Cache(
                str(self.directory),
                size_limit=int(size_limit),
                eviction_policy="least-recently-stored",
            )
        except sqlite3.Error as exc:  # damaged, or held by another process for over a minute
            why = "another program holds it" if "locked" in str(exc) else "it is damaged"
            raise OSError(
                f"cannot open the session store {self.directory}: {exc} ({why}:"
                " move it away, or give the dashboard another folder)"
            ) from None
        self._in_memory = max(1, int(in_memory))
        self._memory: OrderedDict[str, Events] = OrderedDict()
        self._touched: dict[str, float] = {}
        self._lock = threading.Lock()

    # --- reading -----------------------------------------------------------------------------
    def get(self, session: str | None, version: int | None = None) -> Events:
        """The session's events at its latest version (the base when it changed nothing or its
        work expired). `version` is what the browser last saw: when this process already holds
        it, the disk is not read."""
        if not session or version == 0:
            return self.base
        with self._lock:
            held = self._memory.get(session)
            if held is not None:
                self._memory.move_to_end(session)
        if held is not None and held.version == version and self._keep_alive(session, version):
            return held
        return self._load(session)

    def expired(self, session: str | None, version: int) -> bool:
        """Whether a browser that saw `version` of the session's work finds it gone."""
        return bool(session) and version > 0 and self.stored_version(session) == 0

    def stored_version(self, session: str) -> int:
        """The latest version of the session's work on disk (0 when there is none, or when its
        record was culled to keep the store under its size limit)."""
        version = int(self.cache.get(self._key(session), 0))
        return version if version and self._key(session, version) in self.cache else 0

    def size_on_disk(self) -> int:
        """Bytes the store takes on disk (every session, and the index)."""
        return int(self.cache.volume())

    # --- changing ----------------------------------------------------------------------------
    def update(self, session: str, change: Callable[[Events], Events]) -> Events:
        """Apply `change` to the session's latest events and keep the result (with the next
        version). If another request saved first, `change` runs again on what it saved. A
        change that returns the events it was given keeps nothing."""
        while True:
            current = self.stored_version(session)
            events = self._load(session) if current else self.base
            result = change(events)
            if result is events:
                return events
            changed = replace(result, version=current + 1)
            blob = encoded(record_of(self.base, changed))
            with self.cache.transact():
                if self.stored_version(session) != current:
                    continue
                self.cache.set(self._key(session, changed.version), blob, expire=self.keep_seconds)
                self.cache.set(self._key(session), changed.version, expire=self.keep_seconds)
                if current:
                    self.cache.delete(self._key(session, current))
            self._remember(session, changed)
            return changed

    def discard(self, session: str) -> None:
        """Forget the session's work (it sees the base again)."""
        with self.cache.transact():
            current = self.stored_version(session)
            self.cache.delete(self._key(session))
            if current:
                self.cache.delete(self._key(session, current))
        with self._lock:
            self._memory.pop(session, None)

    def close(self) -> None:
        """Close this thread's connection to the store (it reopens when used again)."""
        self.cache.close()

    # --- inside ------------------------------------------------------------------------------
    def _key(self, session: str, version: int | None = None) -> str:
        key = f"{self.namespace}/{session}"
        return key if version is None else f"{key}/{version}"

    def _load(self, session: str) -> Events:
        """The latest version on disk, decoded (and kept in memory); the base when none."""
        version = self.stored_version(session)
        if not version:
            return self.base
        with self._lock:
            held = self._memory.get(session)
        if held is not None and held.version == version:
            return held
        blob = self.cache.get(self._key(session, version))
        try:
            events = events_from(self.base, decoded(blob)) if blob is not None else None
        except Exception as exc:  # written by another version of the program
            log.warning("session %s: its stored work cannot be read (%s)", session, exc)
            events = None
        if events is None:
            return self.base
        self._remember(session, events)
        self._keep_alive(session, version, now=True)
        return events

    def _remember(self, session: str, events: Events) -> None:
        with self._lock:
            self._memory[session] = events
            self._memory.move_to_end(session)
            self._touched[session] = time.monotonic()
            while len(self._memory) > self._in_memory:
                gone, _ = self._memory.popitem(last=False)
                self._touched.pop(gone, None)

    def _keep_alive(self, session: str, version: int, now: bool = False) -> bool:
        """Push the session's expiry back (at most once per `TOUCH_EVERY`, or a tenth of the
        keep time, while it is only read); False when its work is no longer on disk."""
        last = self._touched.get(session, 0.0)
        if not now and time.monotonic() - last < min(TOUCH_EVERY, self.keep_seconds / 10):
            return True
        self._touched[session] = time.monotonic()
        kept = self.cache.touch(self._key(session), expire=self.keep_seconds)
        kept = self.cache.touch(self._key(session, version), expire=self.keep_seconds) and kept
        if not kept:
            with self._lock:
                self._memory.pop(session, None)
        return kept
