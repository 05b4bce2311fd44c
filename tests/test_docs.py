"""Every command in the README runs, as sqlite-utils keeps its docs honest.

Each ```bash block is one test: its commands run in order, for real, in a sandbox laid out as
the README's examples assume (the bundled samples under `timeline/samples/`, a few of them as
`articles/`, `news/` and `archive/`, the test feeds as `feeds/*.xml`, a `story.txt`, a `wire.csv`
with `body` and `pub_date` columns, the test TimeBank/AQUAINT files as `../shared/data/tbaq`).
`timeline serve` is started with a free port, asked for `/` on 127.0.0.1 and stopped; a cluster
address (`tcp://HOST:8786`) is a real local scheduler's. The commands that are not `timeline`
(installing, the test suite itself, a cluster on several hosts) are listed with the reason they
are not run here; the list must match the README exactly. The ```python block runs too, but for
`.run()`, which serves forever (as `timeline serve` does, run above).
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pandas as pd
import pytest

import timeline
from timeline.cli import main
from timeline.readers import sample_paths

REPO = Path(timeline.__file__).resolve().parent.parent
README = REPO / "README.md"
DATA = Path(__file__).parent / "data"
ENV = {**os.environ, "PYTHONPATH": str(REPO)}
SERVE_TIMEOUT = 90

NOT_RUN = {
    "python3 -m venv .venv && . .venv/bin/activate": "makes the environment these tests run in",
    "pip install -e . && timeline serve": "installs the package; `timeline serve` is run below",
    "scripts/test": "runs this suite",
    'python -m pytest -m "not browser and not cluster"': "runs this suite",
    "ruff check timeline tests benchmarks && ruff format timeline tests benchmarks": "CI runs it",
    "python benchmarks/bench_tag.py": "run by tests/test_timeml.py",
    "python benchmarks/fit_confidence.py": "cross-validates on the dev corpus, as bench_tag does",
    "python benchmarks/bench_news_probe.py": "scores the bundled probe; figures, as bench_tag prints",
    "dask scheduler --port 8786": "a cluster on several hosts (tests/test_scale.py: 127.0.0.1)",
    "dask worker tcp://SCHEDULER:8786 --nworkers auto --nthreads 1": "a cluster on several hosts",
    "timeline extract /shared/archive -o /shared/out/events.parquet --scheduler "
    "tcp://SCHEDULER:8786": "the same with tcp://HOST:8786 runs below",
}


def readme_blocks(language: str) -> list[list[str]]:
    """The ```language blocks of the README: their lines, comments kept."""
    text = README.read_text(encoding="utf-8")
    return [block.splitlines() for block in re.findall(rf"```{language}\n(.*?)```", text, re.S)]


def commands(block: list[str]) -> list[str]:
    """The commands of a bash block: each non-empty line without its comment."""
    lines = (re.sub(r"(^|\s+)#.*$", "", line).strip() for line in block)
    return [line for line in lines if line]


BASH_BLOCKS = [commands(block) for block in readme_blocks("bash")]


# --- the sandbox -----------------------------------------------------------------------------
@pytest.fixture(scope="module")
def sandbox(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("readme")
    clone = root / "clone"
    samples = sample_paths()
    shutil.copytree(samples[0].parent, clone / "timeline" / "samples")
    for folder, picked in (
        ("articles", samples[:4]),
        ("news", samples[4:6]),
        ("archive", samples[6:12]),
    ):
        (clone / folder).mkdir()
        for path in picked:
            shutil.copy(path, clone / folder)
    (clone / "feeds").mkdir()
    shutil.copy(DATA / "inputs" / "world-briefs.rss", clone / "feeds" / "world-briefs.xml")
    shutil.copy(DATA / "inputs" / "science-updates.xml", clone / "feeds")
    shutil.copy(DATA / "inputs" / "2020-01-06-story.txt", clone / "story.txt")
    wire = pd.read_csv(DATA / "inputs" / "wire-stories.csv")
    wire.rename(columns={"story_text": "body", "filed_on": "pub_date"}).to_csv(
        clone / "wire.csv", index=False
    )
    tbaq = root / "shared" / "data" / "tbaq"
    for corpus, names in (("TimeBank", ["wsj_0805.tml"]), ("AQUAINT", ["NYT20000106.0007.tml"])):
        (tbaq / corpus).mkdir(parents=True)
        for name in names:
            shutil.copy(DATA / "timeml" / "tbaq" / name, tbaq / corpus)
    return clone


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def run_command(command: str, cwd: Path, capsys, scheduler: str | None = None) -> None:
    """Run one README command in `cwd`; fail with its output when it does not succeed."""
    if scheduler:
        command = command.replace("tcp://HOST:8786", scheduler)
    if command.startswith("timeline serve"):
        serve(command, cwd)
    elif any(op in command for op in ("|", "&&", ";")):
        done = subprocess.run(
            command.replace("timeline ", f"{sys.executable} -m timeline ", 1),
            shell=True,
            executable="/bin/bash",
            cwd=cwd,
            env=ENV,
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert done.returncode == 0 and "Traceback" not in done.stderr, (command, done.stderr)
        assert done.stdout.startswith("doc_id,"), command
    else:
        run_in_process(command, cwd, capsys)


def run_in_process(command: str, cwd: Path, capsys) -> None:
    words = shlex.split(command)
    assert words[0] == "timeline", command
    here = Path.cwd()
    os.chdir(cwd)
    try:
        status = main(words[1:])
    except SystemExit as exit_:  # --help
        status = exit_.code
    finally:
        os.chdir(here)
    out, err = capsys.readouterr()
    assert status == 0, (command, err[-2000:])
    assert "Traceback" not in err, command
    if "-o" in words:
        assert (cwd / words[words.index("-o") + 1]).exists(), command


def serve(command: str, cwd: Path) -> None:
    """Start `timeline serve`, ask for `/` on 127.0.0.1, stop it."""
    words = shlex.split(command)[1:]
    port = free_port()
    if "--port" in words:
        words[words.index("--port") + 1] = str(port)
    else:
        words += ["--port", str(port)]
    server = subprocess.Popen(
        [sys.executable, "-m", "timeline", *words, "--quiet"],
        cwd=cwd,
        env=ENV,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + SERVE_TIMEOUT
        while True:
            assert server.poll() is None, (command, server.stderr.read())
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as page:
                    assert page.status == 200 and b"<!DOCTYPE html>" in page.read()[:200]
                    return
            except OSError:
                assert time.monotonic() < deadline, f"{command}: no answer on port {port}"
                time.sleep(0.3)
    finally:
        server.terminate()
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        server.stdout.close()
        server.stderr.close()


# --- the tests -------------------------------------------------------------------------------
def test_every_command_not_run_here_is_listed_with_its_reason_and_the_list_is_current():
    every = [c for block in BASH_BLOCKS for c in block]
    others = {c for c in every if not c.startswith("timeline ") or "SCHEDULER" in c}
    assert others == set(NOT_RUN)


def _block_id(block: list[str]) -> str:
    return block[0][:60]


TIMELINE_BLOCKS = [
    [c for c in block if c not in NOT_RUN]
    for block in BASH_BLOCKS
    if any(c.startswith("timeline ") and c not in NOT_RUN for c in block)
]
LOCAL_BLOCKS = [
    b
    for b in TIMELINE_BLOCKS
    if not any(c.startswith("timeline extract") and "--workers" in c or "HOST:" in c for c in b)
]
CLUSTER_BLOCKS = [b for b in TIMELINE_BLOCKS if b not in LOCAL_BLOCKS]


@pytest.mark.parametrize("block", LOCAL_BLOCKS, ids=_block_id)
def test_the_readme_commands_run(block, sandbox, capsys):
    for command in block:
        run_command(command, sandbox, capsys)


@pytest.mark.cluster
@pytest.mark.parametrize("block", CLUSTER_BLOCKS, ids=_block_id)
def test_the_readme_cluster_commands_run(block, sandbox, capsys):
    from distributed import LocalCluster

    with LocalCluster(
        n_workers=1, threads_per_worker=1, host="127.0.0.1", dashboard_address=":0"
    ) as cluster:
        for command in block:
            run_command(command, sandbox, capsys, scheduler=cluster.scheduler_address)
    assert timeline.read_events(sandbox / "events.parquet").attrs["articles"]


def test_the_readme_python_runs(sandbox):
    [block] = readme_blocks("python")
    serving = [line for line in block if ".run()" in line]
    assert serving == ["timeline.app(frame).run()  # the Dash app (as `timeline serve`)"]
    code = "\n".join(line for line in block if ".run()" not in line)
    here = Path.cwd()
    os.chdir(sandbox)
    try:
        namespace: dict = {}
        exec(compile(code, str(README), "exec"), namespace)
    finally:
        os.chdir(here)
    assert not namespace["frame"].empty and (sandbox / "figure.html").exists()
    assert len(namespace["table"]) == len(namespace["frame"].attrs["articles"])
