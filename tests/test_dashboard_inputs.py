"""Crafted callback requests against the real server that `timeline serve` runs (gunicorn, two
worker processes, on 127.0.0.1): each gets "no update" (HTTP 204), never a 500 or a traceback,
and the server goes on answering. And how `timeline serve` listens."""

from __future__ import annotations

import re
import socket
import subprocess
import sys
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import psutil
import pytest
import requests

from timeline.dashboard.protocol import callback_request

ROOT = Path(__file__).resolve().parent.parent
SESSION = {"session": uuid.uuid4().hex, "version": 0}


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """`timeline serve` on the bundled samples: its process and base URL."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    store = tmp_path_factory.mktemp("store")
    command = [sys.executable, "-m", "timeline.cli", "serve", "--quiet", "--port", str(port)]
    process = subprocess.Popen(
        [*command, "--workers", "2", "--store", str(store)],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while True:
        try:
            if requests.get(url + "/_dash-layout", timeout=5).status_code == 200:
                break
        except requests.ConnectionError:
            assert process.poll() is None and time.monotonic() < deadline, process.stderr.read()
            time.sleep(0.3)
    yield process, url
    process.terminate()
    _, errors = process.communicate(timeout=30)
    assert "Traceback" not in errors, errors


@pytest.fixture(scope="module")
def callbacks(served):
    return requests.get(served[1] + "/_dash-dependencies", timeout=30).json()


def payload(callbacks: list, output: str, values: dict) -> dict:
    """The browser's request for the callback with (first) output `output`, with the session
    and the lanes as the page has them."""
    values = {"session.data": SESSION, "lanes.value": "document", **values}
    return callback_request(callbacks, output, values)


def post(url: str, body: dict) -> requests.Response:
    return requests.post(url + "/_dash-update-component", json=body, timeout=60)


CRAFTED = {
    "startRow is text": ("grid.getRowsResponse", {"grid.getRowsRequest": {"startRow": "x"}}),
    "confidence is text": ("chart.figure", {"confidence.value": "abc"}),
    "start date is no date": ("chart.figure", {"dates.start_date": "not-a-date"}),
    "search is a list": ("chart.figure", {"search.value": ["apple", "iphone"]}),
    "session id is a list": ("chart.figure", {"session.data": {"session": ["x"], "version": 0}}),
}


@pytest.mark.parametrize("case", CRAFTED, ids=list(CRAFTED))
def test_a_crafted_callback_input_leaves_the_view_unchanged(served, callbacks, case):
    _, url = served
    output, values = CRAFTED[case]
    answer = post(url, payload(callbacks, output, values))
    assert answer.status_code == 204, answer.text[:500]
    assert "Traceback" not in answer.text and answer.text == ""
    fine = post(url, payload(callbacks, output, {"grid.getRowsRequest": {"startRow": 0}}))
    assert fine.status_code == 200 and b'"response"' in fine.content


GARBAGE = [["x", 1], {"nested": {"a": []}}, "x" * 5000, -(10**20)]


def test_no_callback_fails_on_any_wrong_value_in_any_of_its_inputs(served, callbacks):
    _, url = served
    statuses = set()
    for spec in callbacks:
        if spec["clientside_function"] or spec.get("background"):
            continue
        output = spec["output"]
        for item in spec["inputs"] + spec["state"]:
            for wrong in GARBAGE:
                body = payload(callbacks, output, {f"{item['id']}.{item['property']}": wrong})
                answer = post(url, body)
                assert answer.status_code in (200, 204), (output, item, wrong, answer.text[:300])
                statuses.add(answer.status_code)
    assert statuses == {200, 204}


def test_timeline_serve_listens_on_loopback_only_with_two_worker_processes(served):
    process, _ = served
    master = psutil.Process(process.pid)
    listening = [
        c.laddr.ip for c in master.net_connections(kind="inet") if c.status == psutil.CONN_LISTEN
    ]
    assert listening == ["127.0.0.1"]
    assert len(master.children()) == 2


def test_every_worker_serves_every_script_the_page_names(served):
    """Each script and stylesheet of the page answers 200 however many times it is asked, so
    whichever worker process a browser's request lands on (a worker that had not rendered the
    page used to answer 500, and the browser showed a blank page)."""
    url = served[1]
    page = requests.get(url + "/", timeout=30).text
    files = re.findall(r'(?:src|href)="(/_dash-component-suites/[^"]+|/assets/[^"]+)"', page)
    assert len(files) > 5
    asked = [path for path in files for _ in range(8)]
    with ThreadPoolExecutor(max_workers=16) as pool:  # at once, as a browser asks: both workers
        statuses = list(pool.map(lambda p: requests.get(url + p, timeout=60).status_code, asked))
    failed = sorted({path for path, status in zip(asked, statuses, strict=True) if status != 200})
    assert not failed, failed


def test_timeline_serve_on_a_port_in_use_says_so_in_one_line(served, tmp_path):
    _, url = served
    port = url.rsplit(":", 1)[1]
    command = [sys.executable, "-m", "timeline.cli", "serve", "--quiet", "--port", port]
    ran = subprocess.run(
        [*command, "--store", str(tmp_path)], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert ran.returncode == 2
    assert ran.stderr.splitlines()[-1] == (
        f"timeline: error: cannot listen on 127.0.0.1:{port}: Address already in use"
    )
