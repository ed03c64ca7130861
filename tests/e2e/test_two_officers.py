"""Two officers on one case in two browsers: changes to different fields both survive, and where
both changed the same field the officer who saves second is shown both values and chooses."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Locator, expect

from foi_core.models import Case, new_id
from foi_core.storage import Store
from foi_core.workflow import duplicate_case
from tests.e2e.conftest import AppServer
from tests.e2e.helpers import REPO_ROOT, RUN_TIMEOUT_MS, VIEWPORT, AppPage

pytestmark = pytest.mark.e2e

DOORBELL = REPO_ROOT / "examples" / "doorbell-camera-ncnd.json"


@pytest.fixture
def case_id(app_server: AppServer) -> Iterator[str]:
    """A fresh copy of the doorbell case in the server's store (a new reference per test)."""
    store = Store(f"sqlite:///{app_server.database}")
    try:
        ref = f"E2E-TWO/{new_id()[:6]}"
        base = Case.model_validate(json.loads(DOORBELL.read_text()))
        case = duplicate_case(base, ref, received=dt.date(2021, 7, 1))
        case.title = "Doorbell cameras"
        store.add(case, actor="setup")
        yield case.id
    finally:
        store.close()


@pytest.fixture
def colleague(
    app_server: AppServer, browser: Browser, request: pytest.FixtureRequest
) -> Iterator[AppPage]:
    """A second officer: another browser context (its own session) on the same server."""
    context = browser.new_context(viewport=VIEWPORT, locale="en-GB")
    context.set_default_timeout(RUN_TIMEOUT_MS)
    page = context.new_page()
    try:
        yield AppPage(page=page, base_url=app_server.url, name=f"{request.node.name}-colleague")
    finally:
        context.close()


def stored(app_server: AppServer, case_id: str) -> Case:
    store = Store(f"sqlite:///{app_server.database}")
    try:
        return store.load(case_id).case
    finally:
        store.close()


def request_form(app: AppPage) -> Locator:
    return app.form_with(button="Save and split the text into items")


def save_request(app: AppPage, **boxes: str) -> None:
    """Type into the request form's boxes (by label) and press Save."""
    form = request_form(app)
    for label, text in boxes.items():
        form.get_by_role("textbox", name=label, exact=True).fill(text)
    app.click("Save", within=form)
    app.assert_no_exception()


def box(app: AppPage, label: str) -> Locator:
    return request_form(app).get_by_role("textbox", name=label, exact=True)


TITLE = "Short title"
THEIR_REF = "Requester's reference (if any)"


def test_two_officers_edit_one_case(
    app: AppPage, colleague: AppPage, app_server: AppServer, case_id: str
) -> None:
    officer_a, officer_b = app, colleague
    officer_a.goto(f"request?case={case_id}")  # A's page is drawn before B saves
    officer_b.goto(f"request?case={case_id}")

    # --- Different fields: B's reference and A's title both survive --------------------------
    save_request(officer_b, **{THEIR_REF: "B-REF-1"})
    expect(box(officer_b, THEIR_REF)).to_have_value("B-REF-1")
    save_request(officer_a, **{TITLE: "Ring footage requests"})
    main = officer_a.page.get_by_test_id("stMain")
    expect(main).to_contain_text("also changed this case")
    expect(main).to_contain_text("their changes are kept and yours are added")
    expect(box(officer_a, THEIR_REF)).to_have_value("B-REF-1")  # A's page shows B's change
    expect(box(officer_a, TITLE)).to_have_value("Ring footage requests")
    case = stored(app_server, case_id)
    assert (case.title, case.request.their_ref) == ("Ring footage requests", "B-REF-1")
    officer_a.shot("merged")

    # --- The same field: A is shown both values and chooses -----------------------------------
    officer_b.reload()
    expect(box(officer_b, TITLE)).to_have_value("Ring footage requests")
    save_request(officer_b, **{TITLE: "Title by B"})
    save_request(officer_a, **{TITLE: "Title by A", THEIR_REF: "A-REF-2"})
    panel = officer_a.page.locator(".st-key-merge_panel")
    expect(panel).to_contain_text("changed this case")
    expect(panel).to_contain_text("Title by B")  # theirs
    expect(panel).to_contain_text("Title by A")  # mine
    expect(box(officer_a, TITLE)).to_have_value("Title by A")  # what A typed is kept
    assert stored(app_server, case_id).title == "Title by B"  # nothing saved yet
    officer_a.shot("asked")

    officer_a.choose(panel, "Which to keep: Title", "Keep mine", runs=False)
    officer_a.click("Save my choices", within=panel)
    expect(panel).to_have_count(0)
    expect(box(officer_a, TITLE)).to_have_value("Title by A")
    expect(box(officer_a, THEIR_REF)).to_have_value("A-REF-2")
    case = stored(app_server, case_id)
    assert (case.title, case.request.their_ref) == ("Title by A", "A-REF-2")
    officer_a.assert_no_exception()

    # B sees the outcome after a refresh; the History page lists every revision.
    officer_b.reload()
    expect(box(officer_b, TITLE)).to_have_value("Title by A")
    officer_b.act(officer_b.page.get_by_role("link", name="Case history").first.click, to="history")
    officer_b.assert_no_exception()
    expect(officer_b.page.get_by_test_id("stMain")).to_contain_text("Restore a revision")
    officer_b.shot("history")
    assert officer_a.dialogs == [] and officer_b.dialogs == []
