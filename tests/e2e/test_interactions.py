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

import datetime as dt
import re

import pytest
from playwright.sync_api import Locator, expect

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


NEW_REF = "E2E-3Q/26"
THREE_QUESTIONS = (
    "Dear FOI team,\n"
    "1. How many ANPR cameras does the force operate?\n"
    "2. Where exactly is each ANPR camera sited?\n"
    "3. Has the force received number plate data from a private car park operator this year?"
)
ANSWER = "The force operates 42 fixed ANPR cameras."
HARM_TEXT = {  # what the letter says of the harm: of disclosing, and of confirming or denying
    "Save the harm test": "Offenders who knew where each camera is sited could plan routes "
    "around them and avoid detection, weakening the prevention of crime.",
    "Save the harm of confirming or denying": "A yes or a no would tell offenders whether "
    "this source of information is open to the force, helping them avoid detection.",
}
FACTORS = [
    ("For", "Openness about how the force uses surveillance technology.", "Moderate"),
    ("Against", "Offenders would learn how to avoid being detected.", "High"),
]
REASONING = (
    "Openness about surveillance carries some weight, but the likely harm to the prevention and "
    "detection of crime weighs more, so the exemption is maintained."
)


def fill_empty_boxes(app: AppPage, form: Locator, text: str) -> None:
    """Answer every empty required box of a harm form (its labels come from the catalogue)."""
    boxes = form.get_by_role("textbox")
    for index in range(boxes.count()):
        box = boxes.nth(index)
        label = box.get_attribute("aria-label") or ""
        if not box.input_value() and "(optional)" not in label:
            app.fill(box, text)


def write_factor(app: AppPage, side: str, text: str, weight: str) -> None:
    """Public interest page: write one factor for the claim shown."""
    app.expand("Add factors")
    panel = app.page.get_by_role("tabpanel", name="Write a new factor")
    if not panel.is_visible():
        app.tab("Write a new factor")
    side_label = app.page.get_by_test_id("stRadio").filter(
        has=app.page.get_by_text("Which way does it point?", exact=True)
    )
    option = side_label.locator("label").filter(has_text=re.compile(rf"^{side}"))
    option_text = option.first.inner_text().strip()
    app.choose(panel, "Which way does it point?", option_text)
    app.write_in(panel.get_by_role("textbox", name="The factor", exact=True), text)
    app.choose(panel, "Weight", weight)
    app.write_in(
        panel.get_by_role("textbox", name="Why it carries that weight (rationale)", exact=True),
        f"Because {text.lower()}",
    )
    app.click("Add factor", within=panel)
    expect(app.page.get_by_text(text, exact=False).first).to_be_visible()


def test_three_question_request_from_a_blank_case(app: AppPage) -> None:
    today = dt.date.today()
    # Cases page: a new case, received today.
    form = app.form_with(button="Start the case")
    app.fill(form.get_by_role("textbox", name="Our reference", exact=True), NEW_REF)
    app.click("Start the case", within=form, to="request")

    # Request page: who asked, where we looked (once), their words, split into items.
    form = app.form_with(button="Save and split the text into items")
    app.fill(form.get_by_role("textbox", name="Name", exact=True), "Sam Requester")
    app.fill(
        form.get_by_role("textbox", name="Email or other contact", exact=True), "s@example.org"
    )
    app.fill(
        form.get_by_role("textbox", name="Request text, pasted in as received", exact=True),
        THREE_QUESTIONS,
    )
    app.fill(
        form.get_by_role("textbox", name="Searches made for the information", exact=True),
        "The camera asset register kept by the ANPR team.",
    )
    app.click("Save and split the text into items", within=form)
    expect(app.page.get_by_text("Request saved and split into 3 item(s).")).to_be_visible()
    app.shot("three-request")

    # Items: outcome and answer together, one save.
    app.nav("Items")
    blocks = app.page.get_by_test_id("stVerticalBlock")
    for number, outcome in (
        (1, "Disclosed in full"),
        (2, "Withheld under an exemption"),
        (3, "Neither confirm nor deny"),
    ):
        block = (
            blocks.filter(has_text=f"Item {number}.")
            .filter(has=app.page.get_by_test_id("stSelectbox"))
            .last
        )
        app.pick(block, "Outcome", outcome)
        app.wait_for_run()
    app.fill(
        app.page.get_by_role("textbox", name="The answer (the information disclosed)", exact=True),
        ANSWER,
    )
    app.click("Save items")
    expect(app.page.get_by_text("Saved.", exact=False).first).to_be_visible()
    app.shot("three-items")

    # Exemptions: two limbs of s31(1) to withhold item 2; s31(3) to neither confirm nor deny 3.
    app.nav("Exemptions")
    search = app.page.get_by_role(
        "textbox",
        name="Type the citation as a letter writes it, or search the catalogue by words",
        exact=True,
    )
    for typed, item in (("s31(1)(a) and (b)", "2"), ("s31(3)", "3")):
        app.type_in(search, typed)
        form = app.form_with(button="Add this provision")
        expect(form.get_by_test_id("stMultiSelect").locator("[data-tag]")).to_have_text([item])
        app.click("Add this provision", within=form)
    expect(app.page.get_by_text("No provision chosen yet")).to_have_count(0)
    app.shot("three-exemptions")

    # Harm: each claim's questions and likelihood.
    app.nav("Harm")
    for button in HARM_TEXT:
        form = app.form_with(button=button)
        fill_empty_boxes(app, form, HARM_TEXT[button])
        radios = form.get_by_test_id("stRadio")
        if radios.count():
            group = radios.first.get_by_test_id("stWidgetLabel").first.inner_text().strip()
            app.choose(form, group, "would be likely to", runs=False)
        app.click(button, within=form)
    app.shot("three-harm")

    # Public interest: a factor each way for each claim.
    app.nav("Public interest")
    selector = app.page.get_by_test_id("stRadio").filter(
        has=app.page.get_by_text("Public interest test for", exact=True)
    )
    for title in ("s31(1)(a), s31(1)(b)", "s31(3)"):
        option = selector.locator("label").filter(has_text=title)
        if not option.get_by_role("radio").is_checked():
            app.interactions += 1
            app.act(option.click)
        expect(app.page.get_by_role("heading", name=re.compile(re.escape(title)))).to_be_visible()
        for side, text, weight in FACTORS:
            write_factor(app, side, text, weight)
    app.shot("three-public-interest")

    # Balance: each conclusion with its reasoning, who and when.
    app.nav("Balance")
    forms = app.form_with(button="Save the conclusion").filter(
        has=app.page.get_by_role("textbox", name="Reasoning", exact=True)
    )
    for index in range(2):
        form = forms.nth(index)
        conclusion = form.get_by_test_id("stRadio").locator("label").filter(has_text="Maintain")
        app.choose(form, "Conclusion", conclusion.first.inner_text().strip(), runs=False)
        app.fill(form.get_by_role("textbox", name="Reasoning", exact=True), REASONING)
        app.fill(
            form.get_by_role("textbox", name="Decided by (name or role)", exact=True),
            "Information Manager",
        )
        app.set_date(form, "Decided on", today.strftime("%d%m%Y"))
        app.click("Save the conclusion", within=form)
        expect(app.page.get_by_text("Saved.", exact=True)).to_be_visible()
    app.shot("three-balance")

    issue_letter(app)
    print(f"\nThree-question request from a blank case: {app.interactions} interactions")
    assert app.interactions <= THREE_QUESTION_GOAL
