"""End-to-end fixtures: `streamlit run app.py` on a free loopback port, driven by headless Chromium.

Set-up as in engineering.md §1.12 (how Streamlit tests itself): the server gets its own temporary
SQLite store (the demo cases load on first use, as on a fresh install), the fixture polls
``/_stcore/health`` until it answers ``ok``, and every wait is on the app's script state rather
than on a fixed sleep: the run requests, starts and ends on the websocket (helpers.RunLog).

Debian's Chromium (/usr/bin/chromium) is used through the ``playwright`` package; no
``playwright install`` is needed. Screenshots go to tests/artifacts/e2e/ (git-ignored).
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect, sync_playwright

from tests.e2e.helpers import (
    ARTIFACTS,
    CHROMIUM,
    CHROMIUM_ARGS,
    REPO_ROOT,
    RUN_TIMEOUT_MS,
    VIEWPORT,
    AppPage,
)

SERVER_START_TIMEOUT = 120.0  # seconds for /_stcore/health to answer "ok"
# Assertions wait on the page's state up to the same limit as a run (not Playwright's 5 s).
expect.set_options(timeout=RUN_TIMEOUT_MS)
CALL_REPORT = pytest.StashKey[pytest.TestReport]()


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]):
    """Keep each test's call report, so the ``app`` fixture can photograph a failure."""
    report = yield
    if report.when == "call":
        item.stash[CALL_REPORT] = report
    return report


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
            return response.status == 200 and response.read().strip() == b"ok"
    except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
        return False


@dataclass
class AppServer:
    """A running `streamlit run app.py` and the database file it uses."""

    url: str
    database: Path
    log: Path


@pytest.fixture(scope="session")
def app_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[AppServer]:
    """Start the app on a free loopback port with a fresh SQLite store; stop it at the end."""
    shutil.rmtree(ARTIFACTS, ignore_errors=True)  # screenshots of this run only
    folder = tmp_path_factory.mktemp("e2e-server")
    database = folder / "foi.db"
    log = folder / "streamlit.log"
    port = _free_port()
    env = {
        **os.environ,
        "FOI_DATABASE_URL": f"sqlite:///{database}",
        "FOI_LOAD_DEMO_CASES": "true",
        "PYTHONUNBUFFERED": "1",
    }
    command = [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        "app.py",
        "--server.headless",
        "true",
        "--server.port",
        str(port),
        "--server.address",
        "127.0.0.1",
        "--browser.gatherUsageStats",
        "false",
        "--server.fileWatcherType",
        "none",
    ]
    url = f"http://127.0.0.1:{port}"
    with log.open("wb") as log_file:
        process = subprocess.Popen(
            command, cwd=REPO_ROOT, env=env, stdout=log_file, stderr=subprocess.STDOUT
        )
        try:
            deadline = time.monotonic() + SERVER_START_TIMEOUT
            while not _healthy(url):
                if process.poll() is not None:
                    pytest.fail(
                        f"streamlit exited with code {process.returncode}:\n{log.read_text()}"
                    )
                if time.monotonic() > deadline:
                    pytest.fail(f"streamlit did not become healthy in time:\n{log.read_text()}")
                time.sleep(0.2)
            yield AppServer(url=url, database=database, log=log)
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=10)


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Headless Debian Chromium. scripts/test.sh installs it; without it these tests fail (run
    ``pytest -m "not e2e"`` to leave them out)."""
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: apt-get install chromium (scripts/test.sh does)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture
def app(
    app_server: AppServer, browser: Browser, request: pytest.FixtureRequest
) -> Iterator[AppPage]:
    """A fresh browser context on the app's Cases page; records any JavaScript dialog."""
    context = browser.new_context(accept_downloads=True, viewport=VIEWPORT, locale="en-GB")
    context.set_default_timeout(RUN_TIMEOUT_MS)
    page = context.new_page()
    name = re.sub(r"[^A-Za-z0-9_]+", "-", request.node.name).strip("-")
    app_page = AppPage(page=page, base_url=app_server.url, name=name)

    def on_dialog(dialog) -> None:
        app_page.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    page.on("dialog", on_dialog)
    try:
        app_page.goto("")
        yield app_page
        report = request.node.stash.get(CALL_REPORT, None)
        if report is not None and report.failed:
            app_page.shot("failed")
    finally:
        context.close()
