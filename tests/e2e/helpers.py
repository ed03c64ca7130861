"""Driving the app in headless Chromium: waiting for runs, filling widgets, screenshots, and
reading a downloaded letter. Used by the fixtures in conftest.py and by the e2e tests."""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from docx.document import Document as DocxDocument
from google.protobuf.message import DecodeError
from playwright.sync_api import Locator, Page, WebSocket, expect
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

REPO_ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = REPO_ROOT / "tests" / "artifacts" / "e2e"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
# The longest one script run may take before a test fails. Every wait is on the app's state, so a
# generous limit costs nothing when the app is quick; it only has to outlast a loaded machine
# (the first run imports pandas, SQLAlchemy and the catalogue).
RUN_TIMEOUT_MS = 120_000
DEBOUNCE_MS = 250  # the frontend may start another run right after one ends
SCRIPT_STATE = "data-test-script-state"
VIEWPORT = {"width": 1400, "height": 1000}
MAX_SHOT_HEIGHT = 12_000  # pixels

RUN_ENDS = {  # how a script run that leaves the page drawn ends (not "stopped for a rerun")
    ForwardMsg.ScriptFinishedStatus.FINISHED_SUCCESSFULLY,
    ForwardMsg.ScriptFinishedStatus.FINISHED_FRAGMENT_RUN_SUCCESSFULLY,
    ForwardMsg.ScriptFinishedStatus.FINISHED_WITH_COMPILE_ERROR,
}


@dataclass
class RunLog:
    """What the client and server said about script runs, read from the page's websocket.

    The page's own ``data-test-script-state`` attribute is not enough: React may apply
    "running" and "not running" in one render when a run is quick, so a run can leave no trace
    in the DOM. The protocol is exact, though: every run the browser asks for (a BackMsg
    ``rerun_script``) is answered by a run start (``new_session``), and every run ends with a
    ``script_finished`` message; a run cut short by ``st.rerun`` or ``st.switch_page`` ends
    "early for rerun" and is followed by the next run's start.
    """

    finished: int = 0  # runs that ended and left the page drawn
    events: int = 0  # run requests, starts and ends of any kind
    _last_request: int = 0  # the event number of the browser's latest rerun request
    _last_start: int = 0  # the event number of the server's latest run start
    _settled: bool = False  # the latest server event ended a run that left the page drawn

    def watch(self, socket: WebSocket) -> None:
        socket.on("framereceived", self._received)
        socket.on("framesent", self._sent)

    def _sent(self, payload: bytes | str) -> None:
        if isinstance(payload, str):
            return
        try:
            message = BackMsg.FromString(payload)
        except DecodeError:
            return
        if message.WhichOneof("type") == "rerun_script":
            self.events += 1
            self._last_request = self.events

    def _received(self, payload: bytes | str) -> None:
        if isinstance(payload, str):
            return
        try:
            message = ForwardMsg.FromString(payload)
        except DecodeError:
            return
        kind = message.WhichOneof("type")
        if kind == "new_session":
            self.events += 1
            self._last_start = self.events
            self._settled = False
        elif kind == "script_finished":
            self.events += 1
            self._settled = message.script_finished in RUN_ENDS
            if self._settled:
                self.finished += 1

    @property
    def idle(self) -> bool:
        """No run is going on or asked for: the latest run ended and no request came after it."""
        return self._settled and self._last_start > self._last_request


@dataclass
class AppPage:
    """A browser tab on the app, with the helpers the tests share."""

    page: Page
    base_url: str
    name: str
    dialogs: list[str] = field(default_factory=list)
    runs: RunLog = field(default_factory=RunLog)
    # What an officer would have done by hand: each click, each box typed into, each choice
    # (a select box or a radio group), each page opened from the menu. Counted by the helpers
    # below, so a test that uses only them measures how much work a task takes.
    interactions: int = 0
    _shots: int = 0

    def __post_init__(self) -> None:
        self.page.on("websocket", self.runs.watch)

    # --- Navigation and waiting ---------------------------------------------------------------

    def _pump_until(self, done: Callable[[], bool], what: str) -> None:
        """Let Playwright deliver events (websocket frames) until ``done()`` or the time limit."""
        deadline = time.monotonic() + RUN_TIMEOUT_MS / 1000
        while not done():
            assert time.monotonic() < deadline, f"timed out waiting for {what}"
            self.page.wait_for_timeout(20)

    def wait_for_run(self) -> None:
        """Wait until the app is connected, every run asked for has ended (``RunLog.idle``) and
        stays so for a short debounce (the browser may ask for another run as a run ends, e.g.
        a text box committing on blur), and the lazily loaded widgets are drawn."""
        app = self.page.locator("[data-testid='stApp']")
        expect(app).to_have_attribute(
            "data-test-connection-state", "CONNECTED", timeout=RUN_TIMEOUT_MS
        )
        deadline = time.monotonic() + RUN_TIMEOUT_MS / 1000
        while True:
            self._pump_until(lambda: self.runs.idle, "the app's runs to end")
            expect(app).to_have_attribute(SCRIPT_STATE, "notRunning", timeout=RUN_TIMEOUT_MS)
            events = self.runs.events
            self.page.wait_for_timeout(DEBOUNCE_MS)
            if self.runs.idle and self.runs.events == events:
                break
            assert time.monotonic() < deadline, "the app kept rerunning"
        # Widgets are loaded lazily: until their code arrives they are drawn as skeletons.
        expect(self.page.get_by_test_id("stSkeleton")).to_have_count(0, timeout=RUN_TIMEOUT_MS)

    def act(self, action: Callable[[], object], *, to: str | None = None) -> None:
        """Do something that makes the app run (a click, a committed widget) and wait until
        that run has finished. ``to``: the page slug the action leads to (st.switch_page runs
        the new page in a second run)."""
        finished = self.runs.finished
        action()
        self._pump_until(lambda: self.runs.finished > finished, "the app to run")
        if to is not None:
            expect(self.page).to_have_url(
                re.compile(rf"^{re.escape(self.base_url)}/{re.escape(to)}(\?|$)"),
                timeout=RUN_TIMEOUT_MS,
            )
        self.wait_for_run()

    def goto(self, path: str = "") -> None:
        """Open ``/<path>`` (e.g. ``"harm?case=abc"``) and wait for the run to finish."""
        finished = self.runs.finished
        self.interactions += 1  # an address typed, or a link followed
        self.page.goto(f"{self.base_url}/{path.lstrip('/')}")
        self._pump_until(lambda: self.runs.finished > finished, "the page to run")
        self.wait_for_run()

    def reload(self) -> None:
        """Reload the browser tab (a refresh) and wait for the app to run again."""
        finished = self.runs.finished
        self.page.reload()
        self._pump_until(lambda: self.runs.finished > finished, "the page to run again")
        self.wait_for_run()

    def nav(self, title: str) -> None:
        """Click a page in the sidebar menu and wait for it to run."""
        link = self.page.get_by_test_id("stSidebarNav").get_by_role("link", name=title, exact=True)
        href = link.get_attribute("href") or ""
        slug = href.split("://", 1)[-1].split("/", 1)[-1].split("?", 1)[0] if "/" in href else ""
        self.interactions += 1
        self.act(link.click, to=slug)

    def click(self, name: str, *, within: Locator | None = None, to: str | None = None) -> None:
        """Click the button called ``name`` (exactly) and wait for the run it starts; ``to`` is
        the page slug it leads to, if it opens another page."""
        scope = within if within is not None else self.page
        self.interactions += 1
        self.act(scope.get_by_role("button", name=name, exact=True).click, to=to)

    def type_in(self, box: Locator, text: str) -> None:
        """Type into a one-line text box outside a form and press Enter, which runs the app."""
        self.interactions += 1
        box.fill(text)
        self.act(lambda: box.press("Enter"))

    def write_in(self, box: Locator, text: str) -> None:
        """Write in a text area outside a form and apply it (Ctrl+Enter), waiting for the run it
        starts: nothing typed is left uncommitted for a later redraw to lose."""
        self.interactions += 1
        box.fill(text)
        self.act(lambda: box.press("Control+Enter"))

    def choose(self, scope: Locator | Page, group: str, option: str, *, runs: bool = True) -> None:
        """Pick ``option`` in the radio group ``group``; outside a form (``runs``) the app runs
        when the choice changes."""
        group_box = scope.get_by_test_id("stRadio").filter(
            has=self.page.get_by_text(group, exact=True)
        )
        choice = group_box.locator("label").filter(has=self.page.get_by_text(option, exact=True))
        button = choice.get_by_role("radio")
        if button.is_checked():
            return
        self.interactions += 1
        if runs:
            self.act(choice.click)
        else:
            choice.click()
        expect(button).to_be_checked()

    def pick(self, scope: Locator | Page, label: str, option: str) -> None:
        """Pick ``option`` in the select box labelled ``label`` (inside a form: no run)."""
        # While the list is open the rest of the page is hidden from the accessibility tree, so
        # the box is found by test id and label text, not by role. A locator (never an element
        # handle) is found afresh at each use, so a redraw between steps cannot leave it stale.
        box = (
            scope.get_by_test_id("stSelectbox")
            .filter(has=self.page.get_by_test_id("stWidgetLabel").get_by_text(label, exact=True))
            .locator("input")
        )
        expect(box).to_have_count(1)
        self.interactions += 1
        box.click()
        expect(box).to_be_focused()
        # Type key by key (fill() does not always open the list): the list is virtualised, and
        # filtering it keeps the option drawn. The open list hides the box from locators that
        # need it actionable, so the keys go to the focused box through the keyboard.
        self.page.keyboard.type(option[:10], delay=20)
        listbox = self.page.get_by_role("listbox")
        if not listbox.is_visible():
            self.page.keyboard.press("ArrowDown")
        expect(listbox).to_be_visible()
        self.page.get_by_role("option", name=option, exact=True).click()
        expect(box).to_have_value(option)

    def expand(self, label: str, scope: Locator | Page | None = None) -> None:
        """Open the expander whose summary reads ``label`` (if it is closed)."""
        expander = (scope or self.page).get_by_test_id("stExpander").filter(has_text=label).first
        # Its own <details> (an expander may hold another, e.g. the paragraph library).
        if expander.locator("details").first.get_attribute("open") is None:
            self.interactions += 1
            expander.locator("summary").first.click()

    def form_with(self, *, button: str | None = None, field: str | None = None) -> Locator:
        """The form holding the button or text box with this exact name.

        Found by test ids and text, not by role: while a select list is open the rest of the
        page is hidden from the accessibility tree, and a role-based form would vanish."""
        if button:
            marker = self.page.locator("button").filter(
                has=self.page.get_by_text(button, exact=True)
            )
        else:
            marker = self.page.locator(
                "[data-testid='stTextInput'], [data-testid='stTextArea']"
            ).filter(has=self.page.get_by_test_id("stWidgetLabel").get_by_text(field, exact=True))
        return self.page.get_by_test_id("stForm").filter(has=marker)

    def fill(self, box: Locator, text: str) -> None:
        """Type ``text`` into a box inside a form (nothing runs until the form is submitted)."""
        self.interactions += 1
        box.fill(text)

    def tick(self, label: str) -> None:
        """Tick the checkbox labelled ``label`` (outside a form) and wait for the run it starts."""
        box = self.page.get_by_test_id("stCheckbox").filter(has_text=label)
        expect(box).to_have_count(1)
        self.interactions += 1
        self.act(box.locator("label").first.click)
        expect(box.get_by_role("checkbox")).to_be_checked()

    def tab(self, name: str) -> None:
        """Open the tab called ``name`` (tabs switch in the browser: nothing runs)."""
        self.interactions += 1
        self.page.get_by_role("tab", name=name, exact=True).click()

    def set_date(self, scope: Locator | Page, label: str, day_month_year: str) -> None:
        """Type a date (``"01072021"``) into the date field labelled ``label``."""
        self.interactions += 1
        scope.get_by_role("spinbutton", name=f"day, {label}").click()
        self.page.keyboard.type(day_month_year)
        group = scope.get_by_role("group", name=label, exact=True)
        expect(group).to_have_text(
            re.compile(
                r"\s*".join([day_month_year[:2], "/", day_month_year[2:4], "/", day_month_year[4:]])
            )
        )

    # --- Reading the page --------------------------------------------------------------------

    @property
    def query_case(self) -> str | None:
        match = re.search(r"[?&]case=([^&#]+)", self.page.url)
        return match.group(1) if match else None

    @property
    def path(self) -> str:
        """The page slug in the URL, e.g. ``"harm"``."""
        return self.page.url.split("://", 1)[1].split("/", 1)[1].split("?", 1)[0]

    def main_text(self) -> str:
        return self.page.get_by_test_id("stMain").inner_text()

    def assert_no_exception(self) -> None:
        exceptions = self.page.get_by_test_id("stException")
        assert exceptions.count() == 0, exceptions.first.inner_text()

    def shot(self, step: str) -> Path:
        """A full-page screenshot: tests/artifacts/e2e/<test>-<nn>-<step>.png."""
        self._shots += 1
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        path = ARTIFACTS / f"{self.name}-{self._shots:02d}-{step}.png"
        # The page scrolls inside stMain, not the document, so full_page=True would only show the
        # window: make the window as tall as the content for the picture, then put it back.
        size = self.page.viewport_size or VIEWPORT
        height = self.page.evaluate(
            "() => document.querySelector(\"[data-testid='stMainBlockContainer']\")"
            "?.scrollHeight ?? 0"
        )
        tall = min(max(size["height"], int(height) + 150), MAX_SHOT_HEIGHT)
        self.page.set_viewport_size({"width": size["width"], "height": tall})
        try:
            self.page.screenshot(path=str(path))
        finally:
            self.page.set_viewport_size(size)
        return path


def letter_text(document: DocxDocument) -> str:
    """Every paragraph of a .docx (body, tables, headers and footers), one per line."""
    lines = [paragraph.text for paragraph in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            lines.extend(cell.text for cell in row.cells)
    for section in document.sections:
        for part in (section.header, section.footer):
            lines.extend(paragraph.text for paragraph in part.paragraphs)
    return "\n".join(lines)
