"""AppTests of what to do next: every step page's "Next:" line links to a real page for the case;
the status words are explained; guided mode opens the guidance with the step's box; the Letter
page asks for its warnings to be ticked as read before the letter can be issued."""

from __future__ import annotations

import datetime as dt

import pytest

from foi_core.models import CaseStatus, Outcome
from foi_core.steps import STEPS
from tests.app.conftest import (
    APP,
    DOORBELL,
    add_case_with_items,
    button,
    issuable_case,
    new_app,
    ok,
    stored,
    texts,
)
from ui.nav import PAGES

GUIDED = "_foi_guided"


FOOT_LINKS = {f"Next: {step.title}" for step in STEPS}  # the pages' own "Next" at their foot


def next_links(at) -> list:
    """The "what to do next" links (not the plain link to the following step at a page's foot)."""
    return [
        link.proto
        for link in at.get("page_link")
        if link.proto.label.startswith(("Next", "Waiting")) and link.proto.label not in FOOT_LINKS
    ]


@pytest.mark.parametrize("step", [step.key for step in STEPS])
def test_each_step_page_says_what_to_do_next_with_a_working_link(app_store, open_page, step):
    at = open_page(f"pages/{step}.py", case_id=DOORBELL)
    links = next_links(at)
    assert links, [link.proto.label for link in at.get("page_link")]
    target = links[0]
    assert target.page in {page.url_path for page in PAGES} and target.page_script_hash
    assert (APP.parent / "pages" / f"{target.page}.py").is_file()
    assert target.query_string == f"case={DOORBELL}"


def test_a_clean_case_says_issue_and_an_issued_case_says_nothing_to_do(app_store, open_page):
    case = issuable_case(app_store)
    at = open_page("pages/check.py", case_id=case.id)
    labels = [link.label for link in next_links(at)]
    assert any("Letter — read the letter through, then issue it" in label for label in labels)
    issued = stored(app_store, case.id).model_copy(update={"status": CaseStatus.ISSUED})
    app_store.save(issued, expected_version=2, actor="test")
    at = open_page("pages/harm.py", case_id=case.id)
    shown = texts(at)
    assert "Issued: nothing to do; reopen it on the Letter page to change it" in shown
    assert "[needs attention]" not in shown and ":green[done]" in shown
    assert not next_links(at)


def test_status_words_are_explained_on_the_stepper(app_store, open_page):
    at = open_page("pages/items.py", case_id=DOORBELL)
    shown = texts(at)
    for word in ("to do", "blocked", "re-check", "needs attention", "ready", "done"):
        assert f"**{word}**" in shown, word
    assert "stops the letter" in shown


def test_guided_mode_opens_the_guidance_with_the_steps_box(app_store):
    at = new_app(DOORBELL)
    at.session_state[GUIDED] = True
    at = ok(ok(at.run()).switch_page("pages/harm.py").run())
    shown = texts(at)
    assert "Guided example: step 4 of 8 — what to do here" in shown
    assert any(exp.proto.expanded for exp in at.expander if "Why this matters" in exp.label)
    at = ok(button(at, "Leave the guided example").click().run())
    assert "Guided example" not in texts(at)
    assert not any(exp.proto.expanded for exp in at.expander if "Why this matters" in exp.label)


def test_without_guided_mode_there_is_no_box(app_store, open_page):
    at = open_page("pages/harm.py", case_id=DOORBELL)
    assert "Guided example" not in texts(at)


def test_letter_page_needs_the_warnings_ticked_before_issue(app_store, open_page):
    case = issuable_case(app_store)
    nameless = stored(app_store, case.id)
    nameless.requester.name = ""
    nameless.response_date = dt.date.today() + dt.timedelta(days=3)  # after today
    app_store.save(nameless, expected_version=2, actor="test")
    at = open_page("pages/letter.py", case_id=case.id)
    shown = texts(at)
    assert "The letter has no one to address" in shown and "Dear requester," in shown
    assert "The response date is far from today" in shown
    assert button(at, "Issue the letter").disabled
    at = ok(button(at, "Date the letter today").click().run())
    assert stored(app_store, case.id).response_date is None
    assert "The response date is far from today" not in texts(at)
    (tick,) = [box for box in at.checkbox if box.label == "I have read these warnings"]
    at = ok(tick.check().run())
    assert not button(at, "Issue the letter").disabled
    ok(button(at, "Issue the letter").click().run())
    assert stored(app_store, case.id).status is CaseStatus.ISSUED


def test_letter_page_without_warnings_issues_without_a_tick(app_store, open_page):
    case = issuable_case(app_store)
    at = open_page("pages/letter.py", case_id=case.id)
    assert not [box for box in at.checkbox if box.label == "I have read these warnings"]
    assert not button(at, "Issue the letter").disabled


def test_a_blocked_step_says_it_can_be_edited_and_links_to_what_unblocks_it(app_store, open_page):
    case = add_case_with_items(app_store, [Outcome.EXEMPT, None, None])  # items 2, 3 unanswered
    fresh = stored(app_store, case.id).model_copy(update={"recheck_steps": []})
    app_store.save(fresh, expected_version=2, actor="test")
    at = open_page("pages/harm.py", case_id=case.id)
    shown = texts(at)
    assert "This step (Harm):" in shown and "blocked" in shown
    assert "You can look and edit here, but finish" in shown
    unblock = [link.proto for link in at.get("page_link") if link.proto.label.startswith("Finish")]
    assert unblock, [link.proto.label for link in at.get("page_link")]
    assert unblock[0].page in {page.url_path for page in PAGES}
    assert unblock[0].query_string == f"case={case.id}"
