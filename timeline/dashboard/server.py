"""Serving the dashboard for real: gunicorn worker processes where gunicorn runs (Linux, macOS),
waitress threads where it does not (Windows).

Several processes, because the filter callback is Python (pandas, then Plotly's figure objects)
and one process runs Python on one core at a time: on the 2-core development machine, 2 gunicorn
workers answered 20 busy sessions in half the time of waitress' 8 threads (see
`benchmarks/bench_load.py` and the README). The workers share each session's work through the
store on disk, and their upload jobs through the job manager's folder.
"""

from __future__ import annotations

import gc
import os
import sys
from typing import Any

THREADS = 4  # threads per worker process: requests waiting on the disk or the network


def default_workers() -> int:
    """Worker processes by default: one per CPU this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def server_name() -> str:
    """The WSGI server `serve` runs here: "gunicorn", or "waitress" where gunicorn cannot run."""
    if sys.platform == "win32":
        return "waitress"
    try:
        import gunicorn  # noqa: F401
    except ImportError:
        return "waitress"
    return "gunicorn"


def serve(
    app: Any,
    host: str = "127.0.0.1",
    port: int = 8050,
    workers: int | None = None,
    threads: int | None = None,
    server: str | None = None,
) -> None:
    """Serve a Dash app until interrupted: `workers` processes (default: one per CPU) of
    `threads` threads each (default `THREADS`; with waitress, one process of `workers × threads`
    threads). `server` overrides `server_name()`."""
    workers = workers or default_workers()
    threads = threads or THREADS
    ensure_free(host, port)
    register_scripts(app)
    gc.freeze()  # the base frame's objects, out of the cyclic collector's reach (see below)
    if (server or server_name()) == "waitress":
        import waitress

        waitress.serve(app.server, host=host, port=port, threads=workers * threads, _quiet=True)
        return
    _gunicorn(
        app.server,
        {
            "bind": f"{host}:{port}",
            "workers": workers,
            "threads": threads,
            "worker_class": "gthread",
            "timeout": 120,
            "graceful_timeout": 10,
            "loglevel": "warning",
            "accesslog": None,
        },
    ).run()


# Why gc.freeze(): a full collection walks every container object, and 100k events hold
# hundreds of thousands (each row's sources and entities): 90-150 ms, at random, in the middle
# of a search (measured with gc.callbacks in a `timeline serve` worker under bench_dashboard).
# Frozen before gunicorn forks, the base frame is never walked, nor copied page by page into
# each worker by the collector's writes.


def register_scripts(app: Any) -> None:
    """Render the page once in this process, so the component suites it names are registered
    before gunicorn forks: Dash serves a script only from a process that has rendered the page,
    and a worker that has not answered 500 for it (a blank page, at random)."""
    with app.server.test_client() as client:
        client.get("/")


def ensure_free(host: str, port: int) -> None:
    """Raise OSError, in one line, when nothing may listen on host:port (taken, or no such
    address), before a server starts and retries it noisily."""
    import socket

    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        with socket.socket(infos[0][0], socket.SOCK_STREAM) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            probe.bind(infos[0][4])
    except OSError as exc:
        raise OSError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None


def _gunicorn(wsgi: Any, settings: dict) -> Any:
    """A gunicorn application serving `wsgi`, already loaded, so every worker process is a fork
    of this one and shares its base frame until it writes to it."""
    from gunicorn.app.base import BaseApplication

    class Application(BaseApplication):
        def load_config(self) -> None:
            for key, value in settings.items():
                self.cfg.set(key, value)

        def load(self) -> Any:
            return wsgi

    return Application()
