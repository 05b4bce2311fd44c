"""Long work off the request path: Dash background callbacks on a diskcache job manager, each job's
heavy part in a child process held to limits on time and memory.

Dash's `DiskcacheManager` runs a background callback in a process of its own and keeps results
and progress in a diskcache folder, so any worker process of the server can answer the browser's
polls (no broker). Inside the job, `run_limited` runs the work in one more child process and
watches it: past `Limits.seconds` or `Limits.memory` it is killed and the user told which limit
it passed; when it ends, its memory goes back to the system with it. At most `Limits.slots` jobs
run at once on a server (the rest wait, saying so), at a lower CPU priority than requests.
"""

from __future__ import annotations

import multiprocessing
import os
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

POLL = 0.2  # seconds between two looks at a running child
NICENESS = 10  # how much lower the priority of job processes is than the server's


@dataclass(frozen=True)
class Limits:
    """What one upload may take. A job over a limit stops with a `LimitExceeded` naming it."""

    articles: int = 10_000  # documents one upload may add (files, or records of a CSV/JSONL/feed)
    seconds: float = 180.0  # wall time of its extraction
    memory: int = 2 * 1024**3  # bytes its extraction may allocate
    slots: int = 2  # jobs running at once on this server (the others wait their turn)


class JobError(Exception):
    """A job that did not finish; the message is one line, fit to show the user."""


class LimitExceeded(JobError):
    """A job stopped because it passed one of its `Limits`."""


def job_manager(directory: str | os.PathLike, expire: float = 3600.0):
    """Dash's diskcache job manager, its results and progress kept in `directory`."""
    import diskcache
    from dash import DiskcacheManager

    return DiskcacheManager(diskcache.Cache(str(directory)), expire=expire)


def run_limited(
    work: Callable[..., Any],
    args: tuple,
    limits: Limits,
    report: Callable[[str], None] = lambda text: None,
) -> Any:
    """`work(*args, progress)` run in a child process within `limits`: its result, or a
    `JobError` (the limit it passed, or what went wrong, in one line).

    `progress(text)` inside the work reaches `report(text)` here. A child that stops without a
    result (killed by the system, say) is a `JobError` too, never a silent nothing.
    """
    context = multiprocessing.get_context(
        "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    )
    receive, send = context.Pipe(duplex=False)
    child = context.Process(target=_child, args=(work, args, send), daemon=True)
    started = time.monotonic()
    child.start()
    send.close()
    try:
        watched = _watched(child.pid)
        baseline = _resident(watched)
        while True:
            if receive.poll(POLL):
                try:
                    kind, value = receive.recv()
                except EOFError:
                    raise JobError(_ended(child)) from None
                if kind == "done":
                    return value
                if kind != "progress":
                    raise (LimitExceeded if kind == "limit" else JobError)(value)
                report(value)
            elif not child.is_alive():
                raise JobError(_ended(child))
            if time.monotonic() - started > limits.seconds:
                raise LimitExceeded(f"stopped after {limits.seconds:g} s, the time limit of a job")
            grown = _resident(watched) - baseline
            if grown > limits.memory:
                raise LimitExceeded(
                    f"stopped at {grown / 1024**2:,.0f} MB, over the memory limit of a job "
                    f"({limits.memory / 1024**2:,.0f} MB)"
                )
    finally:
        if child.is_alive():
            child.kill()
        child.join()
        receive.close()


def lower_priority() -> None:
    """Give this process (and those it starts) less CPU than the server's requests, while they
    compete for it; an idle machine runs it as fast."""
    if hasattr(os, "nice") and os.nice(0) < NICENESS:
        os.nice(NICENESS - os.nice(0))


def _child(work: Callable[..., Any], args: tuple, send) -> None:
    """In the child process: lower priority, run the work, send progress and then the outcome."""
    lower_priority()

    def progress(text: str) -> None:
        send.send(("progress", str(text)))

    try:
        outcome = ("done", work(*args, progress))
    except LimitExceeded as exc:
        outcome = ("limit", str(exc))
    except JobError as exc:
        outcome = ("error", str(exc))
    except MemoryError:
        outcome = ("limit", "ran out of memory")
    except Exception as exc:  # a bug must reach the user as one line, and the server log
        import traceback

        traceback.print_exc()
        outcome = ("error", f"failed: {type(exc).__name__}: {exc}")
    send.send(outcome)
    send.close()


def _watched(pid: int):
    """The child as psutil sees it (None when it has already ended)."""
    import psutil

    try:
        return psutil.Process(pid)
    except psutil.NoSuchProcess:
        return None


def _resident(process) -> int:
    """Resident bytes of a process (0 once it has ended)."""
    try:
        return process.memory_info().rss if process is not None else 0
    except Exception:  # it has just ended
        return 0


def _ended(child) -> str:
    """Why a child stopped without sending its outcome."""
    child.join(1)
    code = child.exitcode
    if code is not None and code < 0:
        return f"stopped by the system (signal {-code}), perhaps out of memory"
    return f"stopped without a result (exit code {code})"


@contextmanager
def slot(
    cache, limits: Limits, report: Callable[[str], None] = lambda text: None
) -> Iterator[None]:
    """Hold one of the server's `limits.slots` job slots while the block runs (waiting, and
    saying so, while all are taken). Slots expire, so a job killed while holding one frees it."""
    token = uuid.uuid4().hex
    hold = limits.seconds + 60
    taken = None
    while taken is None:
        for n in range(max(1, limits.slots)):
            if cache.add(f"job-slot/{n}", token, expire=hold):
                taken = f"job-slot/{n}"
                break
        else:
            report(f"Waiting: {limits.slots} job(s) are running on the server.")
            time.sleep(0.5)
    try:
        yield
    finally:
        with cache.transact():
            if cache.get(taken) == token:
                cache.delete(taken)
