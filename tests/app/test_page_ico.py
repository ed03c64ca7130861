"""The ICO complaint page: record a complaint about an issued case, then a decision notice whose
steps are due 35 calendar days after it, labelled from the complainant's side."""

from __future__ import annotations

import datetime as dt

from foi_core.models import CaseKind, IcoDecision
from foi_core.plain import plain_date
from foi_core.storage import Store
from tests.app.conftest import DOORBELL, key, open_case_page, stored, submit, texts
from tests.app.test_page_review import issue

PAGE = "pages/ico.py"


def record_complaint(store: Store):
    issue(store)
    at = open_case_page(PAGE, DOORBELL)
    at.text_input(key=key("ico.reference")).input("IC-123456-A1B2")
    submit(at, "Record an ICO complaint")
    found = store.find_by_ref(store.load(DOORBELL).case.request.our_ref + "-ICO")
    assert found is not None
    return found.case


def test_a_complaint_is_recorded_from_an_issued_case(app_store: Store):
    complaint = record_complaint(app_store)
    assert complaint.kind is CaseKind.ICO_COMPLAINT
    assert complaint.linked_case == DOORBELL
    assert complaint.ico.ico_reference == "IC-123456-A1B2"
    at = open_case_page(PAGE, complaint.id)
    links = {(link.proto.label, link.proto.query_string) for link in at.get("page_link")}
    assert ("The original case's reasoning and history", f"case={DOORBELL}") in links


def test_a_decision_notice_sets_step_deadlines(app_store: Store):
    complaint = record_complaint(app_store)
    at = open_case_page(PAGE, complaint.id)
    notice = dt.date.today() - dt.timedelta(days=3)
    at.date_input(key=key("ico.notice_on")).set_value(notice)
    at.selectbox(key=key("ico.decision")).set_value(IcoDecision.UPHELD)
    at.text_area(key=key("ico.steps")).input("Disclose the number of doorbell cameras\nApologise")
    at = submit(at, "Record the decision notice")
    saved = stored(app_store, complaint.id).ico
    due = notice + dt.timedelta(days=35)
    assert [step.due for step in saved.steps] == [due, due]
    shown = texts(at)
    assert "Upheld: the Commissioner agreed with the complainant" in shown
    assert f"Due {plain_date(due)}" in shown
    assert "**Step 1:** Disclose the number of doorbell cameras" in shown


def test_a_draft_case_offers_no_complaint(app_store: Store):
    at = open_case_page(PAGE, DOORBELL)
    assert "issue this case's letter first" in texts(at)
