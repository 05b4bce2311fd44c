"""Shared pytest setup. Browser tests (dash_duo) run in Debian's headless Chromium, offline."""

from __future__ import annotations

import os
import shutil

import pytest

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--window-size=1400,1000",
]

if shutil.which("chromedriver"):
    # selenium uses this driver instead of asking Selenium Manager (which would go online)
    os.environ.setdefault("SE_CHROMEDRIVER", shutil.which("chromedriver"))
# and Selenium Manager, were it ever run, sends no usage statistics (it posts them to plausible.io)
os.environ.setdefault("SE_AVOID_STATS", "true")


def pytest_setup_options():
    """Chrome options for dash[testing]'s browser fixtures: headless Chromium from /usr/bin."""
    from selenium.webdriver.chrome.options import Options

    options = Options()
    binary = shutil.which("chromium") or shutil.which("chromium-browser")
    if binary:
        options.binary_location = binary
    for argument in CHROMIUM_ARGS:
        options.add_argument(argument)
    return options


@pytest.fixture(autouse=True)
def own_cache_folder(tmp_path_factory, monkeypatch):
    """Each test its own user cache folder (XDG_CACHE_HOME), so the dashboard's default session
    store is never one a previous test's server, stopped mid-request, left locked."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("xdg-cache")))
