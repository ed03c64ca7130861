"""The Internal review page: open a review from an issued case, find part by part, decide, and
the reviewer rule (the approver of the original cannot review it)."""

from __future__ import annotations

import datetime as dt

from foi_core.models import CaseKind, CaseStatus, LifeEvent, LifeEventKind, ReviewOutcome, Verdict
from foi_core.people import Role
from foi_core.storage import Store
from tests.app.conftest import (
    DOORBELL,
    button,
    key,
    new_app,
    ok,
    open_case_page,
    stored,
    submit,
    texts,
)

PAGE = "pages/review.py"
APPROVER = "Abe Approver <abe@force.police.uk>"
ADMIN = "Ada Admin <ada@force.police.uk>"
SIGN_IN = {
    "redirect_uri": "http://localhost:8501/oauth2callback",
    "cookie_secret": "a long random string for the aftercare tests",
    "client_id": "foi-aftercare-tests",
    "client_secret": "not a secret",
    "server_metadata_url": "https://login.example.org/.well-known/openid-configuration",
}


def as_person(email: str, name: str, page: str, case_id: str):
    """The app with sign-in on, ``email`` signed in, switched to ``page`` for ``case_id``."""
    at = new_app(case_id)
    at.secrets["auth"] = SIGN_IN
    at.user = {"is_logged_in": True, "email": email, "name": name}
    at = ok(at.run())
    return ok(at.switch_page(page).run())


def issue(store: Store, case_id: str = DOORBELL) -> None:
    """Mark a demo case as issued, approved by Abe."""
    loaded = store.load(case_id)
    case = loaded.case
    case.status = CaseStatus.ISSUED
    case.response_date = case.response_date or case.request.received + dt.timedelta(days=10)
    case.life = [LifeEvent(kind=LifeEventKind.APPROVED, at=dt.datetime.now(dt.UTC), by=APPROVER)]
    store.save(case, loaded.version, actor="test")


def open_a_review(store: Store):
    issue(store)
    at = open_case_page(PAGE, DOORBELL)
    at.text_area(key=key("review.grounds")).input("You did not look at the doorbell footage.")
    at = submit(at, "Open an internal review")
    ref = store.load(DOORBELL).case.request.our_ref + "-IR"
    review = store.find_by_ref(ref)
    assert review is not None
    return review.case


def test_a_draft_case_offers_no_review(app_store: Store):
    at = open_case_page(PAGE, DOORBELL)
    assert "issue this case's letter first" in texts(at)
    assert not [b for b in at.button if b.label == "Open an internal review"]


def test_open_a_review_from_an_issued_case(app_store: Store):
    review = open_a_review(app_store)
    assert review.kind is CaseKind.INTERNAL_REVIEW
    assert review.linked_case == DOORBELL
    assert review.review.grounds == "You did not look at the doorbell footage."


def test_a_changed_part_without_reason_is_refused_next_to_the_field(app_store: Store):
    review = open_a_review(app_store)
    at = open_case_page(PAGE, review.id)
    links = {(link.proto.label, link.proto.query_string) for link in at.get("page_link")}
    assert ("The original case's reasoning and history", f"case={DOORBELL}") in links
    at.radio(key="review.part.0.verdict").set_value(Verdict.CHANGED)
    at = submit(at, "Save the findings")
    assert "Say why this part changed" in " ".join(str(e.value) for e in at.error)
    assert stored(app_store, review.id).review.parts[0].verdict is Verdict.STANDS
    # The typed finding is kept; choosing a reason saves it.
    assert at.radio(key="review.part.0.verdict").value is Verdict.CHANGED
    at.selectbox(key="review.part.0.reason").set_value("searches_not_adequate")
    at = submit(at, "Save the findings")
    assert stored(app_store, review.id).review.parts[0].verdict is Verdict.CHANGED


def test_decide_shows_the_outcome(app_store: Store):
    review = open_a_review(app_store)
    at = open_case_page(PAGE, review.id)
    assert "Upheld: the original decision stands" in texts(at)  # suggested: every part stands
    at.text_area(key="review.reasons").input("The searches and the exemptions were right.")
    at = submit(at, "Decide")
    decided = stored(app_store, review.id).review
    assert decided.outcome is ReviewOutcome.UPHELD
    assert "Decided: **Upheld: the original decision stands**" in texts(at)
    assert button(at, "Issue the outcome letter") is not None


def test_the_approver_of_the_original_cannot_open_its_review(app_store: Store):
    issue(app_store)
    for role in (Role.APPROVER, Role.REVIEWER):
        app_store.grant("abe@force.police.uk", role, by=ADMIN)
    app_store.grant("rae@force.police.uk", Role.REVIEWER, by=ADMIN)
    at = as_person("abe@force.police.uk", "Abe Approver", PAGE, DOORBELL)
    assert "someone else must review it" in texts(at)
    assert not [b for b in at.button if b.label == "Open an internal review"]
    at = as_person("rae@force.police.uk", "Rae Reviewer", PAGE, DOORBELL)
    assert button(at, "Open an internal review") is not None


def test_the_outcome_letter_is_issued(app_store: Store):
    review = open_a_review(app_store)
    at = open_case_page(PAGE, review.id)
    at.text_area(key="review.reasons").input("The original decision was right.")
    at = submit(at, "Decide")
    downloads = [element.proto.label for element in at.get("download_button")]
    assert downloads == ["Download the outcome letter (.docx)"]
    at = submit(at, "Issue the outcome letter")
    issued = stored(app_store, review.id)
    assert [letter.kind for letter in issued.issued_letters] == ["review_outcome"]
    assert "recorded as issued" in texts(at)
    # The outcome letter answers the requester: the review is issued and read-only, and its
    # Letter page points back here rather than offering a response letter.
    assert issued.status is CaseStatus.ISSUED
    assert issued.life[-1].kind is LifeEventKind.ISSUED
    at = ok(at.switch_page("pages/letter.py").run())
    assert "outcome letter, drawn and issued on the Internal review page" in texts(at)
    assert [b.proto.label for b in at.button] == []  # no response letter to issue here
