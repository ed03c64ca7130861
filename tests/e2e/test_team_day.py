"""A day in the FOI unit, with sign-in through a real OpenID provider on loopback.

Nobody sees anything before signing in; each person signs in through the provider's page and
the app names them; signing out ends the session. Then the day itself: Ann drafts and submits,
cannot approve her own work, Bob returns it with a reason and then approves it, Ann issues the
letter and the case is read-only with the exact letter kept; Rita reviews it (Bob, who approved
it, may not) and issues the review's outcome letter.
"""

from __future__ import annotations

import hashlib
import json

import pytest
from playwright.sync_api import Browser, expect

from foi_core.models import Case, CaseStatus, new_id
from foi_core.storage import Store
from tests.e2e.conftest import TEAM, AppServer, sign_in
from tests.e2e.helpers import REPO_ROOT, RUN_TIMEOUT_MS, VIEWPORT, AppPage

pytestmark = pytest.mark.e2e

DEMO_REFERENCES = ("002335/20", "001187/24", "002261/25", "001502/23", "000871/26")


def test_nobody_sees_anything_before_signing_in(team_server: AppServer, browser: Browser) -> None:
    context = browser.new_context(viewport=VIEWPORT, locale="en-GB")
    context.set_default_timeout(RUN_TIMEOUT_MS)
    try:
        visitor = AppPage(page=context.new_page(), base_url=team_server.url, name="visitor")
        for path in ("", "cases", "settings", "people", "letter", "guide"):
            visitor.goto(path)
            expect(visitor.page.get_by_role("button", name="Sign in")).to_be_visible()
            shown = visitor.page.get_by_test_id("stApp").inner_text()
            assert not any(ref in shown for ref in DEMO_REFERENCES), path
            assert "Settings" not in shown and "Signed in as" not in shown, path
            visitor.assert_no_exception()
        visitor.shot("sign-in-page")
    finally:
        context.close()


def test_each_person_signs_in_and_out(team_server: AppServer, browser: Browser) -> None:
    ann = sign_in(browser, team_server, "ann", "sign-in")
    try:
        sidebar = ann.page.get_by_test_id("stSidebar")
        expect(sidebar.get_by_text(f"Signed in as {TEAM['ann'].name}")).to_be_visible()
        expect(sidebar.get_by_text("Officer (drafts responses)", exact=False)).to_be_visible()
        # An officer is no admin: neither Settings nor People is in the menu.
        nav = ann.page.get_by_test_id("stSidebarNav")
        expect(nav.get_by_role("link", name="Cases", exact=True)).to_be_visible()
        expect(nav.get_by_role("link", name="Settings", exact=True)).to_have_count(0)
        expect(nav.get_by_role("link", name="People", exact=True)).to_have_count(0)
        ann.shot("signed-in")
        ann.page.get_by_role("button", name="Sign out").click()
        # The provider's end-of-session page, then back to the app's sign-in page.
        end = ann.page.get_by_role("button", name="End session")
        end.or_(ann.page.get_by_role("button", name="Sign in")).first.wait_for()
        if end.is_visible():
            end.click()
        expect(ann.page.get_by_role("button", name="Sign in")).to_be_visible()
        assert "Signed in as" not in ann.page.get_by_test_id("stApp").inner_text()
    finally:
        ann.page.context.close()


def test_an_admin_grants_a_role_and_a_trainee_sees_no_live_case(
    team_server: AppServer, browser: Browser
) -> None:
    tess = sign_in(browser, team_server, "tess", "grant")
    try:  # no role yet: a welcome that says to ask an admin, and no case
        expect(tess.page.get_by_test_id("stMain")).to_contain_text("ask an admin")
        assert "Cases" not in tess.page.get_by_test_id("stSidebarNav").inner_text()
    finally:
        tess.page.context.close()
    adam = sign_in(browser, team_server, "adam", "grant")
    try:
        adam.nav("People")
        form = adam.form_with(button="Grant roles")
        form.get_by_role("textbox", name="E-mail address").fill(TEAM["tess"].email)
        roles = form.get_by_test_id("stMultiSelect").filter(has_text="Roles to grant")
        roles.locator("input").click()
        adam.page.get_by_role("option", name="Trainee (training only, no live cases)").click()
        adam.page.keyboard.press("Escape")
        adam.click("Grant roles", within=form)
        expect(adam.page.get_by_test_id("stMain")).to_contain_text("Granted trainee")
        adam.shot("people")
        adam.assert_no_exception()
    finally:
        adam.page.context.close()
    tess = sign_in(browser, team_server, "tess", "grant")
    try:
        main = tess.page.get_by_test_id("stMain")
        expect(main).to_contain_text("Trainees work on training scenarios only")
        for ref in DEMO_REFERENCES:
            expect(main).not_to_contain_text(ref)
        tess.goto("cases")  # typing a live page's address shows nothing either
        shown = tess.page.get_by_test_id("stApp").inner_text()
        assert not any(ref in shown for ref in DEMO_REFERENCES)
        tess.assert_no_exception()
        # She practises instead: the Training page, a scenario started under her own name.
        tess.goto("training")
        expect(tess.page.get_by_role("textbox", name="Your name")).to_have_count(0)
        tess.click("Start", to="request")
        expect(tess.page.get_by_text("Training attempt 1", exact=False)).to_be_visible()
        attempt = tess.query_case
        tess.shot("trainee-attempt")
        tess.goto(f"request?case={stored_ids(team_server)[0]}")  # a live case, by its address
        shown = tess.page.get_by_test_id("stApp").inner_text()
        assert not any(ref in shown for ref in DEMO_REFERENCES)
        assert stored(team_server, attempt).training.trainee.endswith(f"<{TEAM['tess'].email}>")
    finally:
        tess.page.context.close()


def stored_ids(server: AppServer) -> list[str]:
    """The ids of the live (demo) cases in the server's store."""
    store = Store(f"sqlite:///{server.database}")
    try:
        return sorted(store.demo_case_ids())
    finally:
        store.close()


def stored(server: AppServer, case_id: str) -> Case:
    store = Store(f"sqlite:///{server.database}")
    try:
        return store.load(case_id).case
    finally:
        store.close()


def drafted_by_ann(server: AppServer) -> Case:
    """The doorbell NCND response as Ann's clean draft (drafting in the browser is covered by
    the walkthrough test): created under her name and address, assigned to her."""
    case = Case.model_validate(
        json.loads((REPO_ROOT / "examples" / "doorbell-camera-ncnd.json").read_text())
    )
    ann = f"{TEAM['ann'].name} <{TEAM['ann'].email}>"
    case = case.model_copy(
        update={
            "id": new_id(),
            "status": CaseStatus.DRAFT,
            "issued_letters": [],
            "assigned_to": ann,
        }
    )
    case.request.our_ref = f"TEAM/{case.id[:6]}"
    store = Store(f"sqlite:///{server.database}")
    try:
        store.add(case, actor=ann)
    finally:
        store.close()
    return case


def life_panel(app: AppPage):
    return app.page.locator(".st-key-life-panel")


def test_a_day_in_the_unit(team_server: AppServer, browser: Browser) -> None:
    case = drafted_by_ann(team_server)
    letter_page = f"letter?case={case.id}"
    ann = sign_in(browser, team_server, "ann", "day")
    bob = sign_in(browser, team_server, "bob", "day")
    try:
        # Ann submits her draft; holding the approver role too, she still may not approve it.
        ann.goto(letter_page)
        ann.click("Submit for approval", within=life_panel(ann))
        assert stored(team_server, case.id).status is CaseStatus.SUBMITTED
        expect(life_panel(ann)).to_contain_text("Submitted for approval: waiting for an approver")
        expect(life_panel(ann).get_by_role("button", name="Approve")).to_be_disabled()
        expect(life_panel(ann)).to_contain_text("someone else must approve it")
        ann.shot("submitted")

        # Bob sees it waiting for him and returns it with a reason.
        bob.goto("")
        waiting = bob.page.locator(".st-key-cases-waiting")
        expect(waiting).to_contain_text("Waiting for my approval (1)")
        expect(waiting).to_contain_text(case.request.our_ref)
        bob.goto(letter_page)
        reasons = life_panel(bob).get_by_role(
            "textbox", name="What needs changing (the officer sees this)"
        )
        bob.write_in(reasons, "Say who made the decision <b>before</b> it goes.")
        bob.click("Return with reasons", within=life_panel(bob))
        assert stored(team_server, case.id).status is CaseStatus.RETURNED
        bob.shot("returned")

        # Ann sees the reason, shown literally, and submits again; Bob approves.
        ann.reload()
        expect(life_panel(ann)).to_contain_text("Say who made the decision <b>before</b> it goes.")
        ann.click("Submit for approval", within=life_panel(ann))
        bob.reload()
        bob.click("Approve", within=life_panel(bob))
        assert stored(team_server, case.id).status is CaseStatus.APPROVED

        # Ann issues it: the case is read-only and the exact letter is kept.
        ann.reload()
        # The demo keeps its 2025 response date: a warning to tick as read before issuing.
        expect(ann.page.get_by_role("button", name="Issue the letter")).to_be_disabled()
        ann.act(ann.page.get_by_text("I have read these warnings", exact=True).click)
        ann.click("Issue the letter")
        issued = stored(team_server, case.id)
        assert issued.status is CaseStatus.ISSUED
        letter = issued.issued_letters[-1]
        expect(ann.page.get_by_test_id("stMain")).to_contain_text("read-only")
        with ann.page.expect_download() as download:
            ann.page.get_by_role("button", name="Issued letter (.docx)").click()
        kept = download.value.path().read_bytes()
        assert hashlib.sha256(kept).hexdigest() == letter.document_sha256
        ann.goto(f"request?case={case.id}")
        expect(ann.page.get_by_role("button", name="Save", exact=True).first).to_be_disabled()
        ann.shot("issued-read-only")
        ann.assert_no_exception()

        # Bob approved it, so he may not review it.
        bob.goto(f"review?case={case.id}")
        expect(bob.page.get_by_test_id("stMain")).to_contain_text("someone else must review it")
    finally:
        ann.page.context.close()
        bob.page.context.close()

    rita = sign_in(browser, team_server, "rita", "day")
    try:
        rita.goto(f"review?case={case.id}")
        form = rita.form_with(button="Open an internal review")
        form.get_by_role(
            "textbox", name="What the requester is unhappy about (their grounds)"
        ).fill("You should at least say whether you hold anything.")
        rita.click("Open an internal review", within=form)
        store = Store(f"sqlite:///{team_server.database}")
        try:
            review = store.find_by_ref(f"{case.request.our_ref}-IR")
        finally:
            store.close()
        assert review is not None
        assert review.case.linked_case == case.id
        rita.goto(f"review?case={review.case.id}")
        decide = rita.form_with(button="Decide")
        decide.get_by_role("textbox", name="Reasons for the outcome (printed in the letter)").fill(
            "Confirming or denying would still reveal which homes police ask about."
        )
        rita.click("Decide", within=decide)
        rita.click("Issue the outcome letter")
        outcome = stored(team_server, review.case.id)
        assert [letter.kind for letter in outcome.issued_letters] == ["review_outcome"]
        assert outcome.status is CaseStatus.ISSUED
        assert outcome.review is not None and outcome.review.outcome is not None
        rita.shot("review-issued")
        rita.assert_no_exception()
    finally:
        rita.page.context.close()
