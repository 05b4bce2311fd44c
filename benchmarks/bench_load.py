"""The dashboard under load: p50/p95 of the filter callback for 1, 5 and 20 concurrent sessions.

Starts a real server on 127.0.0.1 (a child process, as `timeline serve` runs it) and drives it
over HTTP the way the browser does: each session has its own session id and posts the filter
callback (`/_dash-update-component`) with a new search, confidence, date range or lanes, waits
for the answer, thinks `--think` seconds, and again. Bounded: `--requests` per session and
`--seconds` per round, after which the round stops by itself; loopback only.

`--upload FILE` also runs each round while one more session uploads FILE (a background job,
polled as the browser polls it) and prints how long the upload took, what it answered, and the
server's memory (every process of it) before, at its peak and after.

    python benchmarks/bench_load.py                                  # gunicorn, 2 workers
    python benchmarks/bench_load.py --server waitress                # one process, threads
    python benchmarks/bench_load.py --server dash                    # app.run(): Dash's own
    python benchmarks/bench_load.py --events 100000 --sessions 1 5   # a 100k-event frame
    python benchmarks/bench_load.py --upload article-8000-dates.txt
"""

from __future__ import annotations

import argparse
import base64
import json
import random
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

import psutil
import requests

from timeline.dashboard.protocol import callback_request

HOST = "127.0.0.1"
UPLOAD_POLLS = 1200  # half-second polls of an upload before the benchmark gives up on it
WORDS = [
    "apple", "iphone", "jobs", "store", "court", "music", "intel", "ipod", "beatles", "price",
    "launch", "soleimani", "iraq", "letter", "sales", "itunes", "mac", "record", "software", "",
]  # fmt: skip
LAUNCH = """
import sys
sys.path.insert(0, {benchmarks!r})
import timeline
frame = timeline.extract(quiet=True)
if {events}:
    from bench_filter import corpus
    frame = corpus({events})
app = timeline.app(frame, store={store!r})
print("ready", flush=True)
if {server!r} == "dash":
    app.run(host={host!r}, port={port}, debug=False)
else:
    from timeline.dashboard.server import serve
    serve(app, host={host!r}, port={port}, workers={workers}, threads={threads}, server={server!r})
"""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def start_server(args: argparse.Namespace, store: str) -> tuple[subprocess.Popen, str]:
    """The dashboard served in a child process; its process and base URL once it answers."""
    port = free_port()
    code = LAUNCH.format(
        benchmarks=str(Path(__file__).parent),
        events=args.events,
        store=store,
        server=args.server,
        host=HOST,
        port=port,
        workers=args.workers,
        threads=args.threads,
    )
    log = open(Path(store) / "server.log", "w")  # noqa: SIM115 (kept open for the child's life)
    process = subprocess.Popen([sys.executable, "-c", code], cwd=args.root, stdout=log, stderr=log)
    url = f"http://{HOST}:{port}"
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        try:
            if requests.get(url + "/_dash-layout", timeout=5).status_code == 200:
                return process, url
        except requests.ConnectionError:
            time.sleep(0.5)
    process.kill()
    raise SystemExit("the server did not start:\n" + (Path(store) / "server.log").read_text())


class Page:
    """One browser page: its callbacks as the server lists them, and its page-load token."""

    def __init__(self, url: str):
        self.url = url
        self.http = requests.Session()
        index = self.http.get(url + "/", timeout=30).text
        config = re.search(r'id="_dash-config" type="application/json">(.*?)</script>', index)
        self.end_id = json.loads(config.group(1)).get("end_id")
        self.callbacks = self.http.get(url + "/_dash-dependencies", timeout=30).json()
        self.session = {"session": uuid.uuid4().hex, "version": 0}

    def payload(self, output: str, values: dict, trigger: str | None = None) -> dict:
        """The request for the callback with first output `output` (see `callback_request`)."""
        return callback_request(self.callbacks, output, values, trigger)

    def post(self, body: dict, **handles) -> requests.Response:
        query = {"endId": self.end_id, **handles} if self.end_id else handles
        return self.http.post(
            self.url + "/_dash-update-component", json=body, params=query, timeout=120
        )


def filter_values(page: Page, rnd: random.Random) -> dict:
    """What a person might set in the filter bar next."""
    words = " ".join(rnd.sample(WORDS, rnd.choice([1, 1, 2])))
    values = {
        "session.data": page.session,
        "search.value": words.strip(),
        "confidence.value": rnd.choice([0, 0, 0.3, 0.6]),
        "lanes.value": rnd.choice(["document", "source"]),
        "selected.data": [],
    }
    if rnd.random() < 0.3:
        year = rnd.randint(2005, 2011)
        values["dates.start_date"] = f"{year}-01-01"
        values["dates.end_date"] = f"{year + 1}-12-31"
    return values


def session_loop(url: str, seed: int, args: argparse.Namespace, stop: float, out: list) -> None:
    """One session: filter, wait, think, again, until `--requests` or the deadline."""
    page = Page(url)
    rnd = random.Random(seed)
    for _ in range(args.requests):
        if time.monotonic() > stop:
            return
        body = page.payload("chart.figure", filter_values(page, rnd))
        began = time.perf_counter()
        answer = page.post(body)
        took = (time.perf_counter() - began) * 1000
        ok = answer.status_code == 200 and b"figure" in answer.content
        out.append((began, took if ok else None))
        time.sleep(rnd.uniform(0.5, 1.5) * args.think if args.think else 0)


def upload_loop(url: str, path: Path, report: dict) -> None:
    """One session uploading `path` as the browser does: start the job, poll until it answers."""
    page = Page(url)
    data = "data:text/plain;base64," + base64.b64encode(path.read_bytes()).decode()
    body = page.payload(
        "session.data",
        {"upload.contents": [data], "upload.filename": [path.name], "session.data": page.session},
        trigger="upload",
    )
    began = time.perf_counter()
    answer = page.post(body)
    if b'"cacheKey"' in answer.content:  # a background job: poll it until it answers
        handles = answer.json()
        polled = {**body, "inputs": [{**i, "value": None} for i in body["inputs"]]}
        polled["state"] = [{**s, "value": None} for s in body["state"]]
        for _ in range(UPLOAD_POLLS):
            time.sleep(0.5)
            answer = page.post(polled, cacheKey=handles["cacheKey"], job=handles["job"])
            if answer.status_code == 204 or b'"response"' in answer.content:
                break
    report["began"], report["ended"] = began, time.perf_counter()
    report["seconds"] = report["ended"] - began
    report["answer"] = re.findall(r'"children": ?"([^"]*)"', answer.text)[:2] or [
        answer.status_code
    ]


def server_memory(process: subprocess.Popen) -> int:
    """Resident bytes of the server and every process it started."""
    try:
        root = psutil.Process(process.pid)
        return sum(p.memory_info().rss for p in [root, *root.children(recursive=True)])
    except psutil.NoSuchProcess:
        return 0


def round_of(url: str, sessions: int, args: argparse.Namespace, server) -> str:
    """One round: `sessions` sessions at once (and the upload, if any); its line of figures."""
    out: list = []
    stop = time.monotonic() + args.seconds
    threads = [
        threading.Thread(target=session_loop, args=(url, k, args, stop, out))
        for k in range(sessions)
    ]
    upload: dict = {}
    memory = {"before": server_memory(server), "peak": 0}
    if args.upload:
        threads.append(threading.Thread(target=upload_loop, args=(url, args.upload, upload)))
    began = time.perf_counter()
    for thread in threads:
        thread.start()
    while any(t.is_alive() for t in threads):
        memory["peak"] = max(memory["peak"], server_memory(server))
        time.sleep(0.2)
    wall = time.perf_counter() - began
    times = [took for _, took in out if took is not None]
    failed = len(out) - len(times)
    if len(times) < 2:
        return f"{sessions:>8} sessions: too few answers ({len(times)}, {failed} failed)"
    line = (
        f"{sessions:>8} {len(times):>9} {percentiles(times)} {len(times) / wall:>8.1f} {failed:>7}"
    )
    if args.upload:
        time.sleep(1)
        during = [
            took
            for at, took in out
            if took is not None and upload.get("began", 0) <= at <= upload.get("ended", 0)
        ]
        line += (
            f"\n{'':>8} while the upload ran: {len(during)} requests, "
            f"{percentiles(during) if len(during) > 1 else '-'}; upload "
            f"{upload.get('seconds', 0):.1f} s {upload.get('answer')}; server memory "
            f"{memory['before'] / 2**20:,.0f} → peak {memory['peak'] / 2**20:,.0f} → "
            f"{server_memory(server) / 2**20:,.0f} MB"
        )
    return line


def percentiles(times: list[float]) -> str:
    """p50, p95 and max of latencies in ms, as the table prints them."""
    p95 = statistics.quantiles(times, n=100, method="inclusive")[94]
    return f"{statistics.median(times):>7.0f} {p95:>7.0f} {max(times):>7.0f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--server", default="gunicorn", choices=["gunicorn", "waitress", "dash"])
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--events", type=int, default=0, help="a frame of N events (0: samples)")
    parser.add_argument("--sessions", type=int, nargs="+", default=[1, 5, 20])
    parser.add_argument("--requests", type=int, default=30, help="filter requests per session")
    parser.add_argument("--seconds", type=float, default=120, help="longest a round may run")
    parser.add_argument("--think", type=float, default=0, help="mean pause between requests (s)")
    parser.add_argument("--upload", type=Path, help="a file one more session uploads each round")
    parser.add_argument(
        "--root", type=Path, default=Path(__file__).parent.parent, help="the checkout to serve"
    )
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as store:
        server, url = start_server(args, store)
        try:
            Page(url).post(Page(url).payload("chart.figure", {}))  # warm every process up
            for _ in range(2 * args.workers):
                session_loop(url, -1, argparse.Namespace(requests=2, think=0), 1e18, [])
            shape = f"{args.workers} worker(s) × {args.threads} threads"
            if args.server != "gunicorn":
                shape = (
                    "one process"
                    if args.server == "dash"
                    else f"{args.workers * args.threads} threads"
                )
            print(
                f"{args.server} ({shape}), {args.events or 'sample'} events, think "
                f"{args.think:g} s, {psutil.cpu_count()} CPUs, load {psutil.getloadavg()[0]:.2f}"
            )
            print(
                f"{'sessions':>8} {'requests':>9} {'p50 ms':>7} {'p95 ms':>7} {'max ms':>7} "
                f"{'req/s':>8} {'failed':>7}"
            )
            for sessions in args.sessions:
                print(round_of(url, sessions, args, server), flush=True)
        finally:
            server.terminate()
            try:
                server.wait(15)
            except subprocess.TimeoutExpired:
                server.kill()


if __name__ == "__main__":
    main()
