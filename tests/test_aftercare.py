"""After the letter: internal reviews (authority's sense of "upheld") and ICO complaints
(complainant's sense), their links, copies and deadlines."""

from __future__ import annotations

import datetime as dt

import pytest

from foi_core.aftercare import (
    AftercareProblem,
    add_exchange,
    decide,
    decision_label,
    mark_part,
    mark_step_done,
    next_deadline,
    open_complaint,
    open_review,
    outcome_label,
    record_appeal,
    record_decision,
    review_due,
    review_late,
    review_late_date,
    suggested_outcome,
)
from foi_core.models import (
    Case,
    CaseKind,
    CaseStatus,
    ExchangeKind,
    IcoDecision,
    IcoStep,
    ReviewedPart,
    ReviewOutcome,
    ReviewReason,
    Verdict,
)
from foi_core.people import Person, Policy, Role
from foi_core.people.rules import NotAllowed
from tests.case_factory import RESPONDED, correct_case

STRICT = Policy(require_approval=True, separation_of_duties=True)
OFFICER = Person("officer@force.police.uk", "Olive Officer", frozenset({Role.OFFICER}))
APPROVER = Person(
    "approver@force.police.uk", "Abe Approver", frozenset({Role.APPROVER, Role.REVIEWER})
)
REVIEWER = Person("reviewer@force.police.uk", "Rae Reviewer", frozenset({Role.REVIEWER}))
REQUESTED = dt.date(2024, 2, 12)


def issued() -> Case:
    case = correct_case()
    case.status = CaseStatus.ISSUED
    case.response_date = RESPONDED
    return case


def involved() -> set[str]:
    return {OFFICER.recorded_as, APPROVER.recorded_as}


def a_review(original: Case | None = None) -> Case:
    return open_review(original or issued(), REVIEWER, involved(), STRICT, REQUESTED, "Unfair!")


# --- Opening a review -----------------------------------------------------------------------------


def test_the_approver_of_the_original_cannot_review_it():
    with pytest.raises(NotAllowed, match="someone else must review"):
        open_review(issued(), APPROVER, involved(), STRICT, REQUESTED, "grounds")


def test_someone_without_the_reviewer_role_cannot_review():
    with pytest.raises(NotAllowed, match="reviewer role"):
        open_review(issued(), OFFICER, set(), STRICT, REQUESTED, "grounds")


def test_a_draft_cannot_be_reviewed():
    with pytest.raises(NotAllowed, match="issued"):
        open_review(correct_case(), REVIEWER, set(), STRICT, REQUESTED, "grounds")


def test_a_review_copies_the_reasoning_and_links_to_the_original():
    original = issued()
    review = a_review(original)
    assert review.id != original.id
    assert review.kind is CaseKind.INTERNAL_REVIEW
    assert review.linked_case == original.id
    assert review.status is CaseStatus.DRAFT
    assert review.request.our_ref == f"{original.request.our_ref}-IR"
    assert review.request.items == original.request.items
    assert review.claims == original.claims
    assert review.requester == original.requester
    assert review.assigned_to == REVIEWER.recorded_as
    assert review.issued_letters == [] and review.response_date is None
    assert review.review is not None
    assert review.review.reviewer == REVIEWER.recorded_as
    assert review.review.grounds == "Unfair!"
    assert review.review.requested_on == REQUESTED


def test_a_review_has_one_part_for_each_thing_to_look_at_all_standing():
    original = issued()
    parts = a_review(original).review.parts
    kinds = [part.part for part in parts]
    assert kinds[0] is ReviewedPart.SEARCHES
    assert [p.item for p in parts if p.part is ReviewedPart.OUTCOME] == [
        i.number for i in original.request.items
    ]
    assert [p.claim_id for p in parts if p.part is ReviewedPart.EXEMPTION] == [
        c.id for c in original.claims
    ]
    assert ReviewedPart.HARM in kinds and ReviewedPart.PUBLIC_INTEREST in kinds
    assert {p.verdict for p in parts} == {Verdict.STANDS}


def test_the_review_reference_is_made_unique():
    original = issued()
    ref = original.request.our_ref
    review = open_review(original, REVIEWER, set(), STRICT, REQUESTED, "", taken_refs=[f"{ref}-IR"])
    assert review.request.our_ref == f"{ref}-IR-2"


def test_a_review_cannot_be_asked_for_before_the_response():
    with pytest.raises(AftercareProblem) as caught:
        open_review(issued(), REVIEWER, set(), STRICT, RESPONDED - dt.timedelta(days=1), "")
    assert caught.value.problems[0].field == "requested_on"


# --- Marking parts and deciding -------------------------------------------------------------------


def test_a_changed_part_needs_a_reason():
    with pytest.raises(AftercareProblem) as caught:
        mark_part(a_review(), 0, Verdict.CHANGED)
    assert caught.value.problems[0].field == "parts.0.reason"


def test_other_needs_notes():
    with pytest.raises(AftercareProblem) as caught:
        mark_part(a_review(), 0, Verdict.CHANGED, ReviewReason.OTHER, "  ")
    assert caught.value.problems[0].field == "parts.0.notes"


def test_mark_part_records_the_verdict_on_a_copy():
    review = a_review()
    marked = mark_part(review, 0, "changed", "searches_not_adequate", "Missed the ANPR archive.")
    assert marked.review.parts[0].verdict is Verdict.CHANGED
    assert marked.review.parts[0].reason is ReviewReason.SEARCHES_NOT_ADEQUATE
    assert review.review.parts[0].verdict is Verdict.STANDS
    # Standing again drops the reason.
    assert mark_part(marked, 0, Verdict.STANDS, "other").review.parts[0].reason is None


def test_the_suggested_outcome_follows_the_parts():
    review = a_review()
    assert suggested_outcome(review) is ReviewOutcome.UPHELD
    one = mark_part(review, 0, Verdict.CHANGED, ReviewReason.SEARCHES_NOT_ADEQUATE)
    assert suggested_outcome(one) is ReviewOutcome.UPHELD_IN_PART
    every = review
    for index in range(len(review.review.parts)):
        every = mark_part(every, index, Verdict.CHANGED, ReviewReason.WRONG_EXEMPTION)
    assert suggested_outcome(every) is ReviewOutcome.OVERTURNED


def test_decide_records_the_outcome_and_refuses_a_contradiction():
    review = mark_part(a_review(), 0, Verdict.CHANGED, ReviewReason.SEARCHES_NOT_ADEQUATE)
    with pytest.raises(AftercareProblem, match="does not fit"):
        decide(review, ReviewOutcome.UPHELD, "It stands.", REQUESTED)
    with pytest.raises(AftercareProblem) as caught:
        decide(review, ReviewOutcome.UPHELD_IN_PART, " ", REQUESTED)
    assert caught.value.problems[0].field == "reasons"
    decided = decide(review, ReviewOutcome.UPHELD_IN_PART, "New searches.", REQUESTED)
    assert decided.review.outcome is ReviewOutcome.UPHELD_IN_PART
    assert decided.review.decided_on == REQUESTED


def test_outcome_labels_are_in_the_authoritys_sense():
    assert outcome_label(ReviewOutcome.UPHELD) == "Upheld: the original decision stands"
    assert outcome_label("overturned").startswith("Overturned")
    assert outcome_label(None) == "Not decided yet"


# --- Review time limits ---------------------------------------------------------------------------


def test_review_due_is_20_working_days_skipping_bank_holidays():
    # Asked for on Thursday 28 March 2024: Good Friday and Easter Monday are skipped.
    assert review_due(dt.date(2024, 3, 28)) == dt.date(2024, 4, 29)
    assert review_due(dt.date(2024, 2, 12)) == dt.date(2024, 3, 11)


def test_a_review_is_late_past_40_working_days():
    asked = dt.date(2024, 2, 12)
    # The 40th working day skips St Patrick's Day, Good Friday and Easter Monday.
    assert review_late_date(asked) == dt.date(2024, 4, 11)
    assert not review_late(asked, dt.date(2024, 4, 11))
    assert review_late(asked, dt.date(2024, 4, 12))


# --- ICO complaints -------------------------------------------------------------------------------


def a_complaint() -> Case:
    return open_complaint(issued(), OFFICER, " IC-123456-A1B2 ", dt.date(2024, 5, 1))


def test_an_ico_complaint_is_a_linked_case():
    original = issued()
    complaint = open_complaint(original, OFFICER, "IC-1", dt.date(2024, 5, 1))
    assert complaint.kind is CaseKind.ICO_COMPLAINT
    assert complaint.linked_case == original.id
    assert complaint.request.our_ref == f"{original.request.our_ref}-ICO"
    assert complaint.ico.ico_reference == "IC-1"
    assert complaint.issued_letters == []


def test_a_complaint_needs_an_issued_response_and_a_role():
    with pytest.raises(NotAllowed):
        open_complaint(correct_case(), OFFICER, "IC-1", dt.date(2024, 5, 1))
    nobody = Person("x@force.police.uk", "X")
    with pytest.raises(NotAllowed):
        open_complaint(issued(), nobody, "IC-1", dt.date(2024, 5, 1))


def test_decision_steps_are_due_35_calendar_days_after_the_notice():
    notice = dt.date(2024, 6, 3)
    own = IcoStep(text="Issue a fresh response", due=dt.date(2024, 6, 20))
    case = record_decision(
        a_complaint(), "IC-123456-A1B2", notice, IcoDecision.UPHELD, ["Disclose item 2", own, ""]
    )
    steps = case.ico.steps
    assert [s.text for s in steps] == ["Disclose item 2", "Issue a fresh response"]
    assert steps[0].due == dt.date(2024, 7, 8)
    assert steps[1].due == dt.date(2024, 6, 20)
    assert case.ico.decision is IcoDecision.UPHELD


def test_decision_labels_are_in_the_complainants_sense():
    assert decision_label(IcoDecision.UPHELD) == (
        "Upheld: the Commissioner agreed with the complainant"
    )
    assert "our response" in decision_label("not_upheld")


def test_next_deadline_is_the_earliest_open_one():
    case = a_complaint()
    assert next_deadline(case, dt.date(2024, 5, 2)) is None
    case = add_exchange(
        case, ExchangeKind.COMMISSIONER_REQUEST, dt.date(2024, 5, 2), dt.date(2024, 5, 30), "Asks"
    )
    first = next_deadline(case, dt.date(2024, 5, 3))
    assert first.due == dt.date(2024, 5, 30) and not first.overdue
    assert next_deadline(case, dt.date(2024, 6, 1)).overdue
    case = add_exchange(case, ExchangeKind.OUR_SUBMISSION, dt.date(2024, 5, 20), None, "Sent")
    assert next_deadline(case, dt.date(2024, 5, 21)) is None
    case = record_decision(case, "IC-1", dt.date(2024, 6, 3), "upheld", ["A", "B"])
    case = mark_step_done(case, 0, dt.date(2024, 6, 10))
    assert next_deadline(case, dt.date(2024, 6, 11)).what == "Step 2: B"


def test_an_exchange_needs_a_summary_and_a_sensible_due_date():
    with pytest.raises(AftercareProblem):
        add_exchange(a_complaint(), "our_submission", dt.date(2024, 5, 2), None, " ")
    with pytest.raises(AftercareProblem):
        add_exchange(
            a_complaint(), "commissioner_request", dt.date(2024, 5, 2), dt.date(2024, 5, 1), "x"
        )


def test_an_appeal_follows_a_decision_notice():
    with pytest.raises(AftercareProblem):
        record_appeal(a_complaint(), "The requester", dt.date(2024, 7, 1))
    case = record_decision(a_complaint(), "IC-1", dt.date(2024, 6, 3), "not_upheld")
    appealed = record_appeal(case, "The requester", dt.date(2024, 7, 1), "EA/2024/0001")
    assert appealed.ico.appeal.reference == "EA/2024/0001"


# --- The check on the cases that follow a letter --------------------------------------------------


def test_an_ico_complaint_is_checked_only_by_the_ico_rules():
    from foi_core.checker import check
    from tests.case_factory import good_profile

    broken = issued()
    broken.request.items[0].outcome = None  # would be an error on a request
    complaint = open_complaint(broken, OFFICER, "IC-1", dt.date(2024, 5, 1))
    assert check(complaint, good_profile(ico_details=" ", review_procedure=" ")) == []


def test_a_review_is_not_held_to_the_original_response_time_limit():
    from foi_core.checker import check
    from tests.case_factory import good_profile

    review = decide(a_review(), ReviewOutcome.UPHELD, "Stands.", REQUESTED)
    findings = check(review, good_profile(review_procedure=" "), today=REQUESTED)
    assert {f.rule_id for f in findings} == set()
    undecided = check(a_review(), good_profile(), today=REQUESTED)
    assert {f.rule_id for f in undecided} == {"review-outcome-missing"}


def test_dates_after_today_are_refused_at_their_fields():
    later = dt.date.today() + dt.timedelta(days=5)
    with pytest.raises(AftercareProblem) as caught:
        open_review(issued(), REVIEWER, set(), STRICT, later, "")
    assert caught.value.problems[0].field == "requested_on"
    with pytest.raises(AftercareProblem) as caught:
        decide(a_review(), ReviewOutcome.UPHELD, "Stands.", later)
    assert caught.value.problems[0].field == "decided_on"
    with pytest.raises(AftercareProblem) as caught:
        record_decision(a_complaint(), "IC-1", later, "upheld", ["A"])
    assert caught.value.problems[0].field == "notice_on"


def test_linked_cases_say_what_they_are_in_their_titles():
    original = issued()
    assert a_review(original).title == f"Internal review: {original.title}"
    assert a_complaint().title.startswith("ICO complaint: ")


# --- The Cases list's due date --------------------------------------------------------------------


def test_the_cases_list_shows_a_review_and_a_complaint_by_their_own_deadlines(store) -> None:
    from foi_core.storage import Store

    assert isinstance(store, Store)
    review = a_review()
    complaint = record_decision(
        a_complaint(), "IC-1", dt.date(2024, 6, 3), IcoDecision.UPHELD, ["Disclose item 2"]
    )
    store.add(review, actor="setup")
    store.add(complaint, actor="setup")
    due = {summary.id: summary.due_date for summary in store.list_cases()}
    assert due[review.id] == review_due(REQUESTED)
    assert due[complaint.id] == dt.date(2024, 7, 8)
