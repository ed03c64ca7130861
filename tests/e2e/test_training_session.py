"""A training session in a real browser: a trainer opens it, two trainees join with its code
(sign-in is off, so each types a display name), one submits a flawed attempt and gets feedback
that names the mistake, and the trainer's view shows who started, who submitted and the score.

Three browser contexts are three people at three computers; every wait is on the app's state.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from playwright.sync_api import Browser, expect

from tests.e2e.conftest import AppServer
from tests.e2e.helpers import RUN_TIMEOUT_MS, VIEWPORT, AppPage

pytestmark = pytest.mark.e2e

SCENARIO_TITLE = "Doorbell footage of a burglary"
SESSION_TITLE = "New starters, <b>week one</b>"


@contextmanager
def person(browser: Browser, server: AppServer, name: str) -> Iterator[AppPage]:
    """A fresh browser context (another computer) on the app's home page."""
    context = browser.new_context(accept_downloads=True, viewport=VIEWPORT, locale="en-GB")
    context.set_default_timeout(RUN_TIMEOUT_MS)
    try:
        page = AppPage(context.new_page(), server.url, f"training-{name}")
        page.goto("")
        yield page
    finally:
        context.close()


def open_session(trainer: AppPage) -> str:
    """Training sessions page: a new session with one scenario; returns its join code."""
    trainer.nav("Training sessions")
    trainer.expand("New session")
    form = trainer.form_with(button="Create session")
    trainer.fill(form.get_by_role("textbox", name="Session title", exact=True), SESSION_TITLE)
    box = form.get_by_test_id("stMultiSelect").locator("input")
    box.click()
    trainer.page.keyboard.type("Doorbell", delay=20)
    trainer.page.get_by_role("option", name=re.compile(re.escape(SCENARIO_TITLE))).click()
    trainer.page.keyboard.press("Escape")
    trainer.click("Create session", within=form)
    code_metric = trainer.page.get_by_test_id("stMetric").filter(has_text="Join code")
    expect(code_metric).to_be_visible()
    code = code_metric.get_by_test_id("stMetricValue").inner_text().strip()
    assert re.fullmatch(r"[A-Z2-9]{6}", code), code
    # The title is shown as typed, never as markup.
    expect(trainer.page.get_by_text("New starters, <b>week one</b>").first).to_be_visible()
    trainer.shot("session-open")
    return code


def join(trainee: AppPage, name: str, code: str) -> None:
    """Training page: a display name, the join code, and the session's scenario started."""
    trainee.nav("Training")
    trainee.type_in(trainee.page.get_by_role("textbox", name="Your name", exact=True), name)
    trainee.tab("Join a session")
    trainee.type_in(trainee.page.get_by_role("textbox", name="Session code", exact=True), code)
    trainee.click("Join")
    expect(trainee.page.get_by_text("You joined", exact=False)).to_be_visible()
    trainee.click("Start in the session", to="request")
    expect(trainee.page.get_by_text("Training attempt 1", exact=False)).to_be_visible()
    trainee.expand("Case file")
    trainee.shot("attempt-request")


def submit_a_flawed_attempt(trainee: AppPage) -> None:
    """Items page: the footage answered as disclosed (it should be withheld); then feedback."""
    trainee.nav("Items")
    trainee.pick(trainee.page, "Outcome", "Disclosed in full")
    trainee.wait_for_run()
    trainee.fill(
        trainee.page.get_by_role(
            "textbox", name="The answer (the information disclosed)", exact=True
        ),
        "The footage is attached.",
    )
    trainee.click("Save items")
    trainee.shot("attempt-items")
    trainee.nav("Training")
    trainee.click("Submit for feedback")
    score = trainee.page.get_by_test_id("stMetric").filter(has_text="Score")
    expect(score).to_be_visible()
    value = score.get_by_test_id("stMetricValue").inner_text()
    points = int(re.match(r"\d+", value.strip()).group())
    assert points < 100
    text = trainee.main_text()
    assert "Mistakes" in text and "Why it matters" in text
    assert "Withheld under an exemption" in text or "withheld" in text.lower()
    expect(trainee.page.get_by_role("link", name=re.compile("^Put it right on"))).not_to_have_count(
        0
    )
    trainee.shot("feedback")


def test_a_trainer_sees_two_trainees_and_a_flawed_attempt(
    app_server: AppServer, browser: Browser
) -> None:
    with person(browser, app_server, "trainer") as trainer:
        code = open_session(trainer)
        with (
            person(browser, app_server, "asha") as asha,
            person(browser, app_server, "ben") as ben,
        ):
            join(asha, "Asha Trainee", code)
            join(ben, "Ben Trainee", code)
            submit_a_flawed_attempt(asha)

        trainer.reload()
        table = trainer.page.get_by_test_id("stDataFrame").first
        expect(table).to_be_visible()
        started = trainer.page.get_by_test_id("stMetric").filter(has_text="Trainees started")
        expect(started.get_by_test_id("stMetricValue")).to_have_text("2")
        submitted = trainer.page.get_by_test_id("stMetric").filter(has_text="Trainees submitted")
        expect(submitted.get_by_test_id("stMetricValue")).to_have_text("1")
        expect(trainer.page.get_by_text("The mistakes most of the group made")).to_be_visible()
        trainer.assert_no_exception()
        trainer.shot("trainer-view")
