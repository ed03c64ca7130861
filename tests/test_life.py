"""A case's life: every transition and refusal (foi_core.workflow.life), and the guard every save
runs in the store (an issued case is read-only; an edited submitted case is withdrawn)."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from foi_core.checker import Finding
from foi_core.history import restore, save_merging
from foi_core.models import Case, CaseStatus, LifeEventKind
from foi_core.people import NotAllowed, Person, Policy, Role
from foi_core.storage import CaseLocked, Store
from foi_core.workflow import LIFE_FIELDS, ReasonsNeeded, duplicate_case, guard_edit, life
from tests.case_factory import correct_case

OFFICER = Person("a.officer@force.police.uk", "A Officer", frozenset({Role.OFFICER}))
APPROVER = Person("b.approver@force.police.uk", "B Approver", frozenset({Role.APPROVER}))
BOTH = Person("c.both@force.police.uk", "C Both", frozenset({Role.OFFICER, Role.APPROVER}))
STRICT = Policy()
ERROR = Finding(
    rule_id="x", severity="error", title="t", message="m", fix="f", provision="p", step="request"
)


def submitted(case: Case | None = None) -> Case:
    return life.submit(case or correct_case(), OFFICER, [])


def test_submit_needs_a_clean_check_and_records_who() -> None:
    with pytest.raises(NotAllowed, match="1 problem"):
        life.submit(correct_case(), OFFICER, [ERROR])
    case = submitted()
    assert case.status is CaseStatus.SUBMITTED
    assert case.life[-1].kind is LifeEventKind.SUBMITTED
    assert case.life[-1].by == "A Officer <a.officer@force.police.uk>"
    with pytest.raises(NotAllowed, match="Only a draft"):
        life.submit(case, OFFICER, [])
    with pytest.raises(NotAllowed, match="needs the officer role"):
        life.submit(correct_case(), APPROVER, [])


def test_an_approver_who_edited_the_case_may_not_approve_it() -> None:
    drafters = {BOTH.recorded_as}
    with pytest.raises(NotAllowed, match="someone else must approve"):
        life.approve(submitted(), BOTH, drafters, STRICT)
    with pytest.raises(NotAllowed, match="someone else must approve"):
        life.return_for_amendment(submitted(), BOTH, drafters, STRICT, "Fix item 2")
    relaxed = Policy(require_approval=False, separation_of_duties=False)
    assert life.approve(submitted(), BOTH, drafters, relaxed).status is CaseStatus.APPROVED
    with pytest.raises(NotAllowed, match="approver role"):
        life.approve(submitted(), OFFICER, set(), STRICT)
    with pytest.raises(NotAllowed, match="Only a submitted"):
        life.approve(correct_case(), APPROVER, set(), STRICT)


def test_approving_records_the_approver_and_note() -> None:
    case = life.approve(submitted(), APPROVER, {OFFICER.recorded_as}, STRICT, note="Good")
    assert case.status is CaseStatus.APPROVED
    assert (case.life[-1].kind, case.life[-1].reasons) == (LifeEventKind.APPROVED, "Good")
    assert life.approvers(case) == {APPROVER.recorded_as}


def test_returning_needs_reasons_kept_literally() -> None:
    with pytest.raises(ReasonsNeeded, match="Say what needs changing"):
        life.return_for_amendment(submitted(), APPROVER, set(), STRICT, "   ")
    case = life.return_for_amendment(submitted(), APPROVER, set(), STRICT, "Item 2: *s31*")
    assert case.status is CaseStatus.RETURNED
    assert case.life[-1].reasons == "Item 2: *s31*"
    assert life.submit(case, OFFICER, []).status is CaseStatus.SUBMITTED  # resubmitted


def test_reopen_needs_a_reason_and_keeps_the_issued_letters() -> None:
    issued = correct_case().model_copy(update={"status": CaseStatus.ISSUED})
    with pytest.raises(ReasonsNeeded, match="Say why"):
        life.reopen(issued, OFFICER, "")
    with pytest.raises(NotAllowed, match="Only an issued or closed"):
        life.reopen(correct_case(), OFFICER, "why")
    reopened = life.reopen(issued, OFFICER, "The requester pointed out a typo")
    assert reopened.status is CaseStatus.DRAFT
    assert reopened.issued_letters == issued.issued_letters
    assert reopened.life[-1].reasons == "The requester pointed out a typo"


def test_close_and_assign() -> None:
    issued = correct_case().model_copy(update={"status": CaseStatus.ISSUED})
    assert life.close(issued, OFFICER).status is CaseStatus.CLOSED
    with pytest.raises(NotAllowed, match="Only an issued"):
        life.close(correct_case(), OFFICER)
    given_away = life.assign(correct_case(), APPROVER, OFFICER.recorded_as)
    assert given_away.assigned_to == OFFICER.recorded_as
    assert given_away.life[-1].to == OFFICER.recorded_as
    with pytest.raises(NotAllowed, match="Only an approver or an admin"):
        life.assign(correct_case(), OFFICER, APPROVER.recorded_as)
    assert life.assign(correct_case(), OFFICER, OFFICER.recorded_as).assigned_to
    with pytest.raises(ReasonsNeeded):
        life.assign(correct_case(), APPROVER, " ")


def test_guard_edit() -> None:
    case = submitted()
    edited = case.model_copy(update={"title": "Changed"})
    withdrawn = guard_edit(case, edited, by="Someone")
    assert withdrawn.status is CaseStatus.DRAFT
    assert withdrawn.life[-1].kind is LifeEventKind.WITHDRAWN
    assert guard_edit(case, case.model_copy(update={"recheck_steps": ["harm"]})).status is (
        CaseStatus.SUBMITTED
    )
    issued = correct_case().model_copy(update={"status": CaseStatus.ISSUED})
    with pytest.raises(CaseLocked, match="read-only"):
        guard_edit(issued, issued.model_copy(update={"title": "Changed"}))
    assert "status" in LIFE_FIELDS and "request" not in LIFE_FIELDS


# --- Through the store --------------------------------------------------------------------------


def test_editing_a_submitted_case_sends_it_back_to_draft(store: Store) -> None:
    case = correct_case()
    store.add(case, actor=OFFICER.recorded_as)
    store.save(submitted(case), 1, actor=OFFICER.recorded_as, action="submitted")
    current = store.load(case.id).case
    store.save(current.model_copy(update={"title": "New"}), 2, actor=OFFICER.recorded_as)
    saved = store.load(case.id).case
    assert saved.status is CaseStatus.DRAFT
    assert saved.life[-1].kind is LifeEventKind.WITHDRAWN
    assert saved.life[-1].by == OFFICER.recorded_as
    assert [e.action for e in store.audit(case.id)] == ["created", "submitted", "saved"]


def test_an_issued_case_is_locked_through_save_merging_and_restore(store: Store) -> None:
    case = correct_case()
    store.add(case, actor="alice")
    store.save(case.model_copy(update={"title": "Second"}), 1, actor="alice")
    issued = store.load(case.id).case.model_copy(update={"status": CaseStatus.ISSUED})
    store.save(issued, 2, actor="alice", action="letter_issued")
    with pytest.raises(CaseLocked):
        store.save(issued.model_copy(update={"title": "Third"}), 3, actor="bob")
    with pytest.raises(CaseLocked):  # a stale edit merged with the current case
        save_merging(store, case.model_copy(update={"decision_maker": "Bob"}), 1, actor="bob")
    with pytest.raises(CaseLocked):
        restore(store, case.id, 1, 3, actor="bob")
    assert store.load(case.id).case.title == issued.title
    assert store.load(case.id).version == 3


def test_drafters_and_involved(store: Store) -> None:
    case = correct_case()
    store.add(case, actor=OFFICER.recorded_as)
    store.save(submitted(case), 1, actor=OFFICER.recorded_as, action="submitted")
    drafters = store.drafters(case.id)
    assert drafters == {OFFICER.recorded_as}
    approved = life.approve(store.load(case.id).case, APPROVER, drafters, STRICT)
    store.save(approved, 2, actor=APPROVER.recorded_as, action="approved")
    assert store.drafters(case.id) == {OFFICER.recorded_as}
    assert store.involved(case.id) == {OFFICER.recorded_as, APPROVER.recorded_as}


# --- Property: separation of duties always holds ------------------------------------------------

PEOPLE = [OFFICER, APPROVER, BOTH]
STEPS = ["edit", "submit", "approve", "return", "reopen", "issue"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.sampled_from(STEPS), st.sampled_from(PEOPLE)), max_size=14))
def test_no_approved_case_is_approved_by_one_of_its_drafters(steps: list) -> None:
    case = correct_case()
    drafters: set[str] = set()
    for number, (step, person) in enumerate(steps):
        before = case
        try:
            if step == "edit":
                edited = case.model_copy(update={"title": f"Edit {number}"})
                case = guard_edit(case, edited, by=person.recorded_as)
                drafters.add(person.recorded_as)
            elif step == "submit":
                case = life.submit(case, person, [])
            elif step == "approve":
                case = life.approve(case, person, drafters, STRICT)
            elif step == "return":
                case = life.return_for_amendment(case, person, drafters, STRICT, "Because")
            elif step == "reopen":
                case = life.reopen(case, person, "Because")
            elif step == "issue" and case.status is CaseStatus.APPROVED:
                case = case.model_copy(update={"status": CaseStatus.ISSUED})
        except (NotAllowed, ReasonsNeeded, CaseLocked):
            case = before
        if case.status is CaseStatus.APPROVED:
            approver = life.last_event(case, LifeEventKind.APPROVED)
            assert approver is not None and approver.by not in drafters


def test_a_copy_starts_a_life_of_its_own() -> None:
    source = life.assign(submitted(), APPROVER, OFFICER.recorded_as)
    copy = duplicate_case(source, "NEW/1")
    assert (copy.status, copy.life, copy.assigned_to) == (CaseStatus.DRAFT, [], "")
