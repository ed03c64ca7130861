"""How much work a response takes, counted in a real browser (issue 11's goals).

An interaction is what an officer does by hand: a click, a box typed into, a choice in a select
box or a radio group, a page opened from the menu. ``AppPage`` counts each one its helpers do,
and these tests use nothing else, so the count is the work the task takes.

- A routine neither-confirm-nor-deny response started from an earlier one: at most 25.
- A three-question request from a blank case (one question answered, one withheld under two
  limbs of s31(1), one neither confirmed nor denied): at most 90.

Both end with the letter issued, so nothing is left undone. Before issue 11 the same tasks took
about 140 interactions (the three questions) and about five minutes of clicking (the precedent).
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.helpers import AppPage

pytestmark = pytest.mark.e2e

READ_WARNINGS = "I have read these warnings"
PRECEDENT_GOAL = 25
THREE_QUESTION_GOAL = 90

COPY_REF = "E2E-RING/26"
COPY_REQUEST = (
    "Please answer the following.\n"
    "1. Has the force entered into a partnership with Ring, the doorbell-camera company owned "
    "by Amazon?\n"
    "2. How many requests for video footage did the force send to or through Ring in 2026?"
)


def issue_letter(app: AppPage) -> None:
    """Letter page: read the warnings (if any), issue, and see the case read-only."""
    app.nav("Letter")
    app.assert_no_exception()
    if app.page.get_by_test_id("stCheckbox").filter(has_text=READ_WARNINGS).count():
        app.tick(READ_WARNINGS)
    app.click("Issue the letter")
    expect(app.page.get_by_text("The letter is recorded as issued.")).to_be_visible()
    app.shot("issued")


def recheck(app: AppPage, step: str) -> None:
    """Open a copied step from the menu, read it, and confirm it still holds."""
    app.nav(step)
    app.assert_no_exception()
    expect(app.page.get_by_text("Re-check this step.")).to_be_visible()
    app.shot(f"recheck-{step.lower().replace(' ', '-')}")
    app.click("I have re-checked this step")
    expect(app.page.get_by_text(f"{step} re-checked.")).to_be_visible()


def test_routine_ncnd_response_from_a_precedent(app: AppPage) -> None:
    # Cases page: find the earlier doorbell-camera NCND response and copy it.
    app.type_in(app.page.get_by_role("textbox", name="Search earlier cases", exact=True), "ring")
    start = app.page.get_by_role("button", name="Start from this case", exact=True)
    # The innermost block holding both the earlier case's reference and its button.
    result = app.page.locator("[data-testid='stVerticalBlock'], [data-testid='stHorizontalBlock']")
    app.click(
        "Start from this case", within=result.filter(has_text="002261/25").filter(has=start).last
    )
    form = app.form_with(button="Copy into a new case")
    app.fill(
        form.get_by_role("textbox", name="Our reference for the new case", exact=True), COPY_REF
    )
    app.click("Copy into a new case", within=form, to="request")
    expect(
        app.page.get_by_text(f"Case {COPY_REF} started from 002261/25.", exact=False)
    ).to_be_visible()

    # Request page: who asked, and their words; the split keeps each question's answer.
    form = app.form_with(button="Save and split the text into items")
    app.fill(form.get_by_role("textbox", name="Name", exact=True), "Robin Asker")
    app.fill(
        form.get_by_role("textbox", name="Email or other contact", exact=True), "r@example.org"
    )
    app.fill(
        form.get_by_role("textbox", name="Request text, pasted in as received", exact=True),
        COPY_REQUEST,
    )
    app.click("Save and split the text into items", within=form)
    expect(app.page.get_by_text("Request saved and split into 2 item(s).")).to_be_visible()
    app.shot("request")

    for step in ("Items", "Exemptions", "Harm", "Public interest"):
        recheck(app, step)

    # Balance: every conclusion still holds; decided again today, in one go.
    app.nav("Balance")
    form = app.form_with(button="They still hold: decide them again")
    app.fill(
        form.get_by_role("textbox", name="Decided by (name or role)", exact=True),
        "Information Manager",
    )
    app.click("They still hold: decide them again", within=form)
    expect(app.page.get_by_text(re.compile(r"conclusion\(s\) decided again by"))).to_be_visible()
    app.shot("balance")

    issue_letter(app)
    print(f"\nRoutine NCND response from a precedent: {app.interactions} interactions")
    assert app.interactions <= PRECEDENT_GOAL
