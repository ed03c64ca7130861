"""The doorbell-camera NCND case (seed 000, examples/doorbell-camera-ncnd.json) entered in a real
browser from a blank case to a downloaded .docx, with a refresh and a new tab midway.

Each step is saved by the app as it is submitted; the test only uses what an officer sees
(labels, buttons, the sidebar menu) and photographs every step into tests/artifacts/e2e/.
"""

from __future__ import annotations

import io
import re

import pytest
from docx import Document
from playwright.sync_api import Browser, Locator, expect

from tests.e2e.helpers import VIEWPORT, AppPage, letter_text

pytestmark = pytest.mark.e2e

REF = "E2E-RING/21"
REQUESTER = "Zebedee Quorn-Requester"
# The first four of the sixteen numbered questions, pasted as received, with the covering line.
QUESTIONS = [
    "Has the police force partnered with Ring, Amazon's camera system?",
    "Was the police force or were any officers provided with free and/or discounted Ring devices "
    "in 2021 (up to and including June 30th)? If so, how many of these were distributed to "
    "members of the public?",
    "How many requests for videos were sent by the police force to/via Ring in 2021 (up to and "
    "including June 30th)?",
    "How many requests for customer data and other information were sent by the police force "
    "to/via Ring in 2021 (up to and including June 30th)?",
]
REQUEST_TEXT = "I note you seek access to the following information:\n" + "\n".join(
    f"{number}. {question}" for number, question in enumerate(QUESTIONS, start=1)
)
ITEM_NUMBERS = range(1, len(QUESTIONS) + 1)
S24_TITLE = "s24(2) National security"
S31_TITLE = "s31(3) Law enforcement: prevention or detection of crime"

HARM = {
    # s24(1): national security prompts (no likelihood: the test is "required").
    "Which aspect of national security is at stake?": "Keeping hidden which sources of "
    "intelligence are open to the force when countering terrorism.",
    "How would confirming or denying weaken national security?": "A yes or a no "
    "would tell anyone planning an attack whether doorbell footage is part of the picture here.",
    # s31(1)(a): prejudice prompts.
    "Which part of the prevention or detection of crime would confirming or denying harm?": "The "
    "prevention and detection of crime.",
    "How, step by step, would confirming or denying that it is held cause that harm?": "Confirming "
    "or denying would show offenders whether doorbell footage and customer data can be drawn on.",
}
OVERALL_HARM = "Any answer goes to the world: a yes or a no would map where this source is used."
FACTORS = {
    S24_TITLE: [
        (
            "For",
            "It would show whether public money goes on partnerships with camera firms.",
            "Low",
        ),
        (
            "Against",
            "It would reveal which sources of evidence are used against terrorism.",
            "High",
        ),
    ],
    S31_TITLE: [
        ("For", "The public could see how police work with a private camera company.", "Moderate"),
        ("Against", "Offenders would learn whether this tactic is available here.", "High"),
    ],
}
SIDE_LABELS = {
    "For": "For confirming or denying",
    "Against": "Against confirming or denying (maintaining the exclusion)",
}
REASONING = "Openness matters, but a yes or a no would help people avoid a source of evidence."


def stepper_status(app: AppPage, step: str) -> Locator:
    """The status caption under a step of the progress stepper (e.g. "done")."""
    cell = app.page.locator(".st-key-stepper [data-testid='stVerticalBlock']").filter(
        has=app.page.get_by_role("link", name=step, exact=True)
    )
    return cell.get_by_test_id("stCaptionContainer")


def start_case(app: AppPage) -> str:
    """Cases page -> a new blank case; returns its id from the URL."""
    form = app.form_with(button="Start the case")
    form.get_by_role("textbox", name="Our reference", exact=True).fill(REF)
    app.set_date(form, "Date received", "01072021")
    form.get_by_role("textbox", name="Short title (optional)", exact=True).fill("Ring cameras")
    app.shot("cases-new")
    app.click("Start the case", within=form, to="request")
    assert app.query_case
    expect(app.page.get_by_text(f"Case {REF} started.")).to_be_visible()
    return app.query_case


def enter_request(app: AppPage) -> None:
    """Request page: requester and the request pasted in; then the automatic split."""
    form = app.form_with(button="Save and split the text into items")
    form.get_by_role("textbox", name="Name", exact=True).fill(REQUESTER)
    form.get_by_role("textbox", name="Email or other contact", exact=True).fill("z@example.org")
    form.get_by_role("textbox", name="Request text, pasted in as received", exact=True).fill(
        REQUEST_TEXT
    )
    # No searches are typed: every question will be neither confirmed nor denied, and a letter
    # that lists where we looked shows there was something to look for (ncnd-searches-listed).
    app.click("Save and split the text into items", within=form)
    expect(app.page.get_by_text("Request saved and split into 4 item(s).")).to_be_visible()
    # Received 1 July 2021 (day 0): 20 working days, skipping 12 July (Northern Ireland).
    expect(app.page.get_by_text("Due: Friday 30 July 2021", exact=False)).to_be_visible()
    for number, question in enumerate(QUESTIONS, start=1):
        box = app.page.get_by_role("textbox", name=f"Item {number}", exact=True)
        expect(box).to_have_value(question)
    # The covering line is not an item, and there is no fifth item.
    expect(app.page.get_by_role("textbox", name="Item 5", exact=True)).to_have_count(0)
    app.shot("request-split")


def set_outcomes(app: AppPage) -> None:
    """Items page: neither confirm nor deny for every item."""
    app.nav("Items")
    assert app.path == "items"
    app.expand("Give every item the same outcome")
    form = app.form_with(button="Apply to every item")
    app.pick(form, "Outcome for every item", "Neither confirm nor deny")
    app.click("Apply to every item", within=form)
    expect(app.page.get_by_text("Every item is now: Neither confirm nor deny.")).to_be_visible()
    for number in range(1, 5):
        expect(app.page.get_by_text(f"Item {number}.", exact=True)).to_be_visible()
    outcomes = app.page.get_by_role("combobox", name="Outcome", exact=True)
    expect(outcomes).to_have_count(4)
    for index in range(4):
        expect(outcomes.nth(index)).to_have_value("Neither confirm nor deny")
    app.shot("items-ncnd")


def add_provision(app: AppPage, citation: str, ncnd_provision: str) -> None:
    """Exemptions page: find a provision by its section and add it for every item, as NCND."""
    search = app.page.get_by_role(
        "textbox",
        name="Type the citation as a letter writes it, or search the catalogue by words",
        exact=True,
    )
    app.type_in(search, citation)
    form = app.form_with(button="Add this provision")
    expect(form.get_by_role("combobox", name="Provision", exact=True)).to_have_value(
        re.compile(rf"^{re.escape(citation)} ")
    )
    items = form.get_by_test_id("stMultiSelect").filter(
        has=app.page.get_by_test_id("stWidgetLabel").get_by_text(
            "Items it covers (by number)", exact=True
        )
    )
    # Only the items no provision covers yet are filled in: the second provision for the same
    # items has them chosen by hand.
    if not items.locator("[data-tag]").count():
        items.locator("input").click()
        for number in ITEM_NUMBERS:  # typed and taken from the filtered list, key by key
            app.page.keyboard.type(str(number), delay=20)
            expect(app.page.get_by_role("listbox")).to_be_visible()
            app.page.keyboard.press("Enter")
        app.page.keyboard.press("Escape")
    expect(items.locator("[data-tag]")).to_have_count(len(ITEM_NUMBERS))
    app.choose(form, "Used to", "neither confirm nor deny", runs=False)
    app.click("Add this provision", within=form)
    expect(app.page.get_by_text(f"Added {citation}.")).to_be_visible()
    # The choice explains the NCND provision it rests on.
    expect(
        app.page.get_by_text(f"To neither confirm nor deny, rely on {ncnd_provision}.").first
    ).to_be_visible()


def choose_exemptions(app: AppPage) -> None:
    app.nav("Exemptions")
    assert app.path == "exemptions"
    expect(app.page.get_by_text("No provision chosen yet for item(s) 1, 2, 3, 4.")).to_be_visible()
    add_provision(app, "s24(1)", "s24(2)")
    add_provision(app, "s31(1)(a)", "s31(3)")
    expect(app.page.get_by_text("No provision chosen yet")).to_have_count(0)
    app.shot("exemptions")


def enter_harm(app: AppPage) -> None:
    """Harm page: the harm of confirming or denying for each claim, and the overall harm."""
    app.nav("Harm")
    assert app.path == "harm"
    expect(app.page.get_by_text("Harm in confirming or denying.").first).to_be_visible()
    s24 = app.form_with(field="Which aspect of national security is at stake?")
    for label in list(HARM)[:2]:
        s24.get_by_role("textbox", name=label, exact=True).fill(HARM[label])
    app.click("Save the harm of confirming or denying", within=s24)
    expect(app.page.get_by_text("Harm saved for s24(1).")).to_be_visible()

    s31 = app.form_with(
        field="Which part of the prevention or detection of crime would confirming or denying harm?"
    )
    for label in list(HARM)[2:]:
        s31.get_by_role("textbox", name=label, exact=True).fill(HARM[label])
    app.choose(
        s31,
        "Would confirming or denying prejudice the interest, or would it be likely to?",
        "would be likely to",
        runs=False,
    )
    app.click("Save the harm of confirming or denying", within=s31)
    expect(app.page.get_by_text("Harm saved for s31(1)(a).")).to_be_visible()

    overall = app.form_with(button="Save the overall harm")
    overall.get_by_role("textbox", name="Overall harm", exact=True).fill(OVERALL_HARM)
    app.click("Save the overall harm", within=overall)
    app.shot("harm")


def assert_harm_kept(app: AppPage, case_id: str) -> None:
    """Same case, same step, every harm answer and the likelihood as entered."""
    assert app.path == "harm", app.page.url
    assert app.query_case == case_id
    expect(app.page.get_by_role("heading", name=f"{REF}: Ring cameras")).to_be_visible()
    for label, text in HARM.items():
        expect(app.page.get_by_role("textbox", name=label, exact=True)).to_have_value(text)
    expect(app.page.get_by_role("textbox", name="Overall harm", exact=True)).to_have_value(
        OVERALL_HARM
    )
    likely = (
        app.page.get_by_test_id("stRadio")
        .filter(has=app.page.get_by_text("would be likely to", exact=True))
        .get_by_role("radio")
    )
    expect(likely.nth(1)).to_be_checked()
    expect(likely.nth(0)).not_to_be_checked()


def write_factor(app: AppPage, side: str, text: str, weight: str) -> None:
    """Public interest page: write one factor for the claim shown, with its weight, and see it
    listed with that weight and its rationale."""
    app.expand("Add factors")
    panel = app.page.get_by_role("tabpanel", name="Write a new factor")
    if not panel.is_visible():
        app.page.get_by_role("tab", name="Write a new factor").click()
    rationale = f"Rationale: {text.lower()}"
    app.choose(panel, "Which way does it point?", SIDE_LABELS[side])
    app.write_in(panel.get_by_role("textbox", name="The factor", exact=True), text)
    app.choose(panel, "Weight", weight)
    app.write_in(
        panel.get_by_role("textbox", name="Why it carries that weight (rationale)", exact=True),
        rationale,
    )
    app.click("Add factor", within=panel)
    listed = app.page.get_by_test_id("stMarkdownContainer").filter(
        has_text=re.compile(rf"^{side} \d+ \({weight.lower()} weight\): {re.escape(text)}$")
    )
    expect(listed).to_have_count(1)
    expect(app.page.get_by_text(f"Why: {rationale}", exact=True)).to_have_count(1)


def enter_factors(app: AppPage) -> None:
    app.nav("Public interest")
    assert app.path == "public_interest"
    for title, factors in FACTORS.items():
        selector = app.page.get_by_test_id("stRadio").filter(
            has=app.page.get_by_text("Public interest test for", exact=True)
        )
        option = selector.locator("label").filter(has_text=title)
        if selector.count() and not option.get_by_role("radio").is_checked():
            app.act(option.click)
        expect(app.page.get_by_role("heading", name=title)).to_be_visible()
        for side, text, weight in factors:
            write_factor(app, side, text, weight)
        app.shot(f"public-interest-{title[:3]}")


def enter_balances(app: AppPage) -> None:
    app.nav("Balance")
    assert app.path == "balance"
    for title in FACTORS:
        form = app.form_with(button="Save the conclusion").filter(
            has=app.page.get_by_role("textbox", name="Reasoning", exact=True)
        )
        # One conclusion form per claim, in the order of the claims.
        form = form.nth(list(FACTORS).index(title))
        app.choose(
            form, "Conclusion", "Maintain the exclusion: neither confirm nor deny", runs=False
        )
        form.get_by_role("textbox", name="Reasoning", exact=True).fill(REASONING)
        form.get_by_role("textbox", name="Decided by (name or role)", exact=True).fill(
            "Information Manager"
        )
        app.set_date(form, "Decided on", "05082021")
        app.click("Save the conclusion", within=form)
        expect(app.page.get_by_text("Saved.", exact=True)).to_be_visible()
    # Both conclusions are recorded: the stepper marks the step done.
    expect(stepper_status(app, "Balance")).to_have_text("done")
    app.shot("balance")


def check_findings(app: AppPage) -> list[str]:
    """Check page: the titles of the errors it lists (each linked to the page that fixes it)."""
    app.nav("Check")
    assert app.path == "check"
    app.assert_no_exception()
    app.shot("check")
    errors = app.page.get_by_test_id("stAlertContentError")
    return errors.locator("strong").all_inner_texts()


def test_doorbell_ncnd_from_blank_case_to_docx(app: AppPage, browser: Browser) -> None:
    case_id = start_case(app)
    enter_request(app)
    set_outcomes(app)
    choose_exemptions(app)
    enter_harm(app)

    # A refresh midway: the same case, the same step, nothing lost.
    app.reload()
    app.shot("harm-after-refresh")
    assert_harm_kept(app, case_id)
    # A closed tab: a new browser session on the same address finds the same.
    context = browser.new_context(viewport=VIEWPORT)
    try:
        other = AppPage(context.new_page(), app.base_url, app.name + "-new-tab")
        other.goto(f"harm?case={case_id}")
        other.shot("harm-new-tab")
        assert_harm_kept(other, case_id)
    finally:
        context.close()

    enter_factors(app)
    enter_balances(app)
    errors = check_findings(app)

    app.nav("Letter")
    assert app.path == "letter"
    app.assert_no_exception()
    preview = app.main_text()
    assert REQUESTER not in preview, "the preview must be applicant-blind"
    app.shot("letter")
    button = app.page.get_by_test_id("stDownloadButton").filter(has_text=".docx").first
    with app.page.expect_download() as download_info:
        button.click()
    download = download_info.value
    assert download.suggested_filename.endswith(".docx")
    data = download.path().read_bytes()
    text = letter_text(Document(io.BytesIO(data)))

    # The letter is the NCND refusal of this case.
    assert f"Our reference: {REF}" in text
    assert REQUESTER in text  # the letter itself is addressed to the requester
    for question in QUESTIONS:
        assert question in text
    assert "neither confirm nor deny" in text
    assert "31(3)" in text and "24(2)" in text
    assert "by reference to section 31(1)(a)" in text
    assert "No inference" in text
    assert "Nothing in this letter should be read as a sign that any information" in text
    for label in HARM:
        assert HARM[label] in text
    for factors in FACTORS.values():
        for _side, factor, _weight in factors:
            assert factor in text
    assert REASONING in text
    assert "would be likely to cause this harm" in text

    # Finally, the case must be ready to issue: no errors on the Check page, no DRAFT letter.
    assert errors == [], f"the Check page lists errors: {errors}"
    assert not download.suggested_filename.endswith("-DRAFT.docx")
    assert "DRAFT" not in text
