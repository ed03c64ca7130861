"""End-to-end fixtures: `streamlit run app.py` on a free loopback port, driven by headless Chromium.

Set-up as in engineering.md §1.12 (how Streamlit tests itself): the server gets its own temporary
SQLite store (the demo cases load on first use, as on a fresh install), the fixture polls
``/_stcore/health`` until it answers ``ok``, and every wait is on the app's script state rather
than on a fixed sleep: the run requests, starts and ends on the websocket (helpers.RunLog).

Debian's Chromium (/usr/bin/chromium) is used through the ``playwright`` package; no
``playwright install`` is needed. Screenshots go to tests/artifacts/e2e/ (git-ignored).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
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


@contextmanager
def running_app(
    folder: Path,
    *,
    env: dict[str, str] | None = None,
    port: int | None = None,
    options: list[str] | None = None,
) -> Iterator[AppServer]:
    """``streamlit run app.py`` on a loopback port with a fresh SQLite store in ``folder`` (the
    demo cases load on first use); ``env`` adds settings, ``options`` Streamlit options (e.g.
    ``--secrets.files`` naming a file with an [auth] section, for sign-in)."""
    database = folder / "foi.db"
    log = folder / "streamlit.log"
    port = port or _free_port()
    environment = {
        **os.environ,
        "FOI_DATABASE_URL": f"sqlite:///{database}",
        "FOI_LOAD_DEMO_CASES": "true",
        "PYTHONUNBUFFERED": "1",
        **(env or {}),
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
        *(options or []),
    ]
    url = f"http://127.0.0.1:{port}"
    with log.open("wb") as log_file:
        process = subprocess.Popen(
            command, cwd=REPO_ROOT, env=environment, stdout=log_file, stderr=subprocess.STDOUT
        )
        try:
            _wait_until(lambda: _healthy(url), process, log, "streamlit")
            yield AppServer(url=url, database=database, log=log)
        finally:
            _stop(process)


def _wait_until(ready, process: subprocess.Popen, log: Path, what: str) -> None:  # type: ignore[type-arg]
    """Poll ``ready()`` until it is true; fail with the log if the process ends or never is."""
    deadline = time.monotonic() + SERVER_START_TIMEOUT
    while not ready():
        if process.poll() is not None:
            pytest.fail(f"{what} exited with code {process.returncode}:\n{log.read_text()}")
        if time.monotonic() > deadline:
            pytest.fail(f"{what} did not become ready in time:\n{log.read_text()}")
        time.sleep(0.2)


def _stop(process: subprocess.Popen) -> None:  # type: ignore[type-arg]
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=10)


@pytest.fixture(scope="session")
def app_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[AppServer]:
    """Start the app on a free loopback port with a fresh SQLite store; stop it at the end."""
    shutil.rmtree(ARTIFACTS, ignore_errors=True)  # screenshots of this run only
    with running_app(tmp_path_factory.mktemp("e2e-server")) as server:
        yield server


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


# --- A team signing in through a real OpenID provider -------------------------------------------


@dataclass(frozen=True)
class Colleague:
    """A test user of the local identity provider (one button each on its sign-in page)."""

    sub: str
    email: str
    name: str
    roles: tuple[str, ...]  # granted with the CLI before the server starts (Adam: FOI_ADMINS)


TEAM = {
    # Ann is an approver too and Bob a reviewer too, so only the two-person rules stop Ann
    # approving her own draft and Bob reviewing what he approved.
    "ann": Colleague("ann", "ann.officer@force.police.uk", "Ann Officer", ("officer", "approver")),
    "bob": Colleague(
        "bob", "bob.approver@force.police.uk", "Bob Approver", ("approver", "reviewer")
    ),
    "rita": Colleague("rita", "rita.reviewer@force.police.uk", "Rita Reviewer", ("reviewer",)),
    "adam": Colleague("adam", "adam.admin@force.police.uk", "Adam Admin", ()),
    # Tess has no role until Adam grants her one on the People page.
    "tess": Colleague("tess", "tess.trainee@force.police.uk", "Tess Trainee", ()),
}


@pytest.fixture(scope="session")
def identity_provider(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """``oidc-provider-mock`` on a loopback port, offering one button per TEAM member; yields
    its discovery URL."""
    folder = tmp_path_factory.mktemp("identity-provider")
    log = folder / "provider.log"
    port = _free_port()
    command = [sys.executable, "-m", "oidc_provider_mock", "--host", "127.0.0.1", "-p", str(port)]
    for person in TEAM.values():
        claims = {"sub": person.sub, "email": person.email, "name": person.name}
        command += ["--user-claims", json.dumps(claims)]
    discovery = f"http://127.0.0.1:{port}/.well-known/openid-configuration"
    with log.open("wb") as log_file:
        process = subprocess.Popen(command, stdout=log_file, stderr=subprocess.STDOUT)
        try:
            _wait_until(lambda: _answers(discovery), process, log, "the identity provider")
            yield discovery
        finally:
            _stop(process)


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.status == 200
    except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
        return False


@pytest.fixture(scope="session")
def team_server(
    tmp_path_factory: pytest.TempPathFactory, identity_provider: str
) -> Iterator[AppServer]:
    """The app with sign-in on (an [auth] secrets file naming the local provider), FOI_ADMINS
    naming Adam, and the others' roles granted with ``python -m foi_core users grant``."""
    folder = tmp_path_factory.mktemp("team-server")
    port = _free_port()
    secrets = folder / "secrets.toml"
    secrets.write_text(
        "[auth]\n"
        f'redirect_uri = "http://127.0.0.1:{port}/oauth2callback"\n'
        f'cookie_secret = "{uuid.uuid4().hex}"\n'
        'client_id = "foi-assistant"\n'
        'client_secret = "not-a-real-secret"\n'
        f'server_metadata_url = "{identity_provider}"\n'
    )
    database_url = f"sqlite:///{folder / 'foi.db'}"
    for person in TEAM.values():
        for role in person.roles:
            subprocess.run(
                [
                    *(sys.executable, "-m", "foi_core", "users", "grant"),
                    *(person.email, role, "--database", database_url),
                ],
                cwd=REPO_ROOT,
                check=True,
                capture_output=True,
            )
    env = {"FOI_ADMINS": TEAM["adam"].email}
    with running_app(
        folder, env=env, port=port, options=["--secrets.files", str(secrets)]
    ) as server:
        yield server


def sign_in(browser: Browser, server: AppServer, who: str, test_name: str) -> AppPage:
    """A new browser (its own cookies) signed in as TEAM[who] through the provider's page."""
    context = browser.new_context(accept_downloads=True, viewport=VIEWPORT, locale="en-GB")
    context.set_default_timeout(RUN_TIMEOUT_MS)
    page = context.new_page()
    app_page = AppPage(page=page, base_url=server.url, name=f"{test_name}-{who}")
    app_page.goto("")
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(re.compile(r".*/oauth2/authorize.*"))
    finished = app_page.runs.finished
    page.get_by_role("button", name=TEAM[who].sub, exact=True).click()
    page.wait_for_url(re.compile(rf"^{re.escape(server.url)}/.*"))
    app_page._pump_until(lambda: app_page.runs.finished > finished, "the app after sign-in")
    app_page.wait_for_run()
    return app_page
