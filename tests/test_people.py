"""People: the model (addresses, roles, mailboxes) and every rule of who may do what."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from foi_core.actions.setup import keep_template, save_profile
from foi_core.models import Case, CaseKind, CaseStatus, OrganisationProfile
from foi_core.people import (
    ROLE_LABELS,
    Decision,
    NotAllowed,
    PeopleError,
    Person,
    Policy,
    Role,
    can_approve,
    can_assign,
    can_close,
    can_edit,
    can_handle_complaint,
    can_issue,
    can_manage,
    can_reopen,
    can_review,
    can_see_live_cases,
    can_submit,
    clean_email,
    drafted_by,
    email_of,
    is_read_only,
    local_person,
    mailbox,
    name_of,
    parse_role,
    unit_policy,
)
from foi_core.settings import get_settings
from foi_core.workflow import new_case

STRICT = Policy()
RELAXED = Policy(require_approval=False, separation_of_duties=False)
ALICE = "Alice Officer <alice@force.police.uk>"


def person(email: str, *roles: Role, name: str = "") -> Person:
    return Person(email=email, name=name, roles=frozenset(roles))


def case_in(status: CaseStatus) -> Case:
    return new_case("TEST/1", dt.date(2026, 3, 2)).model_copy(update={"status": status})


OFFICER = person("alice@force.police.uk", Role.OFFICER, name="Alice Officer")
APPROVER = person("bob@force.police.uk", Role.APPROVER, name="Bob")
REVIEWER = person("rev@force.police.uk", Role.REVIEWER)
TRAINEE = person("t@force.police.uk", Role.TRAINEE)
ADMIN = person("ada@force.police.uk", Role.ADMIN)
NOBODY = person("new@force.police.uk")


# --- The model ------------------------------------------------------------------------------------


def test_addresses_are_cleaned_and_bad_ones_refused_in_plain_words() -> None:
    assert clean_email("  A.Officer@Force.Police.UK ") == "a.officer@force.police.uk"
    for bad in ("", "officer", "a@b", "a b@force.police.uk", "<a@force.police.uk>", "x" * 260):
        with pytest.raises(PeopleError, match="is not an e-mail address"):
            clean_email(bad)


def test_roles_are_parsed_in_any_case_and_every_role_has_a_label() -> None:
    assert parse_role(" Approver ") is Role.APPROVER
    with pytest.raises(PeopleError, match="the roles are officer, approver"):
        parse_role("chief")
    assert set(ROLE_LABELS) == set(Role)


def test_mailboxes_record_name_and_address() -> None:
    assert OFFICER.recorded_as == ALICE == mailbox("Alice <Officer>", "alice@force.police.uk")
    assert mailbox("", "a@force.police.uk") == "a@force.police.uk"
    assert email_of(ALICE) == "alice@force.police.uk" and name_of(ALICE) == "Alice Officer"
    assert email_of("officer") == "" and name_of("officer") == "officer"
    assert OFFICER.is_recorded_as("Someone Else <ALICE@force.police.uk>")
    assert not OFFICER.is_recorded_as("alice")


def test_the_local_user_holds_every_role_and_is_recorded_by_name() -> None:
    local = local_person("Pat")
    assert local.local and local.roles == set(Role) and local.recorded_as == "Pat"
    assert local.is_recorded_as("Pat") and not local.is_recorded_as("Sam")
    assert local_person("  ").name == "officer"


# --- Seeing, editing, managing ----------------------------------------------------------------


def test_trainees_and_people_with_no_role_never_see_live_cases() -> None:
    assert "training scenarios" in can_see_live_cases(TRAINEE).reason
    assert "ask an admin" in can_see_live_cases(NOBODY).reason
    for role in (Role.OFFICER, Role.APPROVER, Role.REVIEWER, Role.TRAINER, Role.ADMIN):
        assert can_see_live_cases(person("x@force.police.uk", role, Role.TRAINEE))


def test_only_admins_manage() -> None:
    assert can_manage(ADMIN)
    for someone in (OFFICER, APPROVER, REVIEWER, TRAINEE, NOBODY):
        decision = can_manage(someone)
        assert not decision and "admin role" in decision.reason
        with pytest.raises(NotAllowed, match="admin role"):
            decision.enforce()
    Decision(True).enforce()


def test_issued_and_closed_cases_are_read_only() -> None:
    for status in CaseStatus:
        case = case_in(status)
        read_only = status in (CaseStatus.ISSUED, CaseStatus.CLOSED)
        assert is_read_only(case) == read_only
        assert bool(can_edit(OFFICER, case)) == (not read_only)
    assert "read-only" in can_edit(OFFICER, case_in(CaseStatus.ISSUED)).reason
    assert not can_edit(APPROVER, case_in(CaseStatus.DRAFT))


def test_each_kind_of_case_is_drafted_by_its_own_role() -> None:
    """Officers draft responses, reviewers reviews; complaints are handled by any of the three."""
    request = case_in(CaseStatus.DRAFT)
    review = request.model_copy(update={"kind": CaseKind.INTERNAL_REVIEW})
    complaint = request.model_copy(update={"kind": CaseKind.ICO_COMPLAINT})
    assert can_edit(OFFICER, request) and not can_edit(REVIEWER, request)
    assert can_edit(REVIEWER, review) and not can_edit(OFFICER, review)
    assert can_submit(REVIEWER, review, 0) and not can_submit(REVIEWER, request, 0)
    for person in (OFFICER, APPROVER, REVIEWER):
        assert can_edit(person, complaint)


# --- A case's life ----------------------------------------------------------------------------


def test_submitting_needs_a_draft_with_a_clean_check() -> None:
    assert can_submit(OFFICER, case_in(CaseStatus.DRAFT), errors=0)
    assert can_submit(OFFICER, case_in(CaseStatus.RETURNED), errors=0)
    assert "2 problems" in can_submit(OFFICER, case_in(CaseStatus.DRAFT), errors=2).reason
    assert "1 problem:" in can_submit(OFFICER, case_in(CaseStatus.DRAFT), errors=1).reason
    assert not can_submit(OFFICER, case_in(CaseStatus.SUBMITTED), errors=0)
    assert not can_submit(TRAINEE, case_in(CaseStatus.DRAFT), errors=0)


def test_approving_needs_an_approver_who_did_not_draft() -> None:
    submitted = case_in(CaseStatus.SUBMITTED)
    assert can_approve(APPROVER, submitted, {ALICE}, STRICT)
    both = person("alice@force.police.uk", Role.OFFICER, Role.APPROVER, name="Alice")
    refused = can_approve(both, submitted, {ALICE}, STRICT)
    assert not refused and "someone else must approve" in refused.reason
    assert can_approve(both, submitted, {ALICE}, RELAXED)
    assert not can_approve(OFFICER, submitted, set(), STRICT)
    assert not can_approve(APPROVER, case_in(CaseStatus.DRAFT), set(), STRICT)


def test_drafters_are_those_who_changed_what_the_case_says() -> None:
    pairs = [(ALICE, "created"), ("Bob <bob@force.police.uk>", "submitted"), ("C", "saved")]
    assert drafted_by(pairs) == {ALICE, "C"}


def test_issuing_needs_a_clean_check_and_approval_where_required() -> None:
    assert can_issue(OFFICER, case_in(CaseStatus.APPROVED), 0, STRICT)
    assert "must approve" in can_issue(OFFICER, case_in(CaseStatus.DRAFT), 0, STRICT).reason
    assert (
        "waiting for approval"
        in can_issue(OFFICER, case_in(CaseStatus.SUBMITTED), 0, STRICT).reason
    )
    assert can_issue(OFFICER, case_in(CaseStatus.DRAFT), 0, RELAXED)
    assert not can_issue(OFFICER, case_in(CaseStatus.APPROVED), 3, STRICT)
    assert "already issued" in can_issue(OFFICER, case_in(CaseStatus.ISSUED), 0, STRICT).reason
    assert not can_issue(TRAINEE, case_in(CaseStatus.APPROVED), 0, STRICT)


def test_reopening_and_closing() -> None:
    assert can_reopen(OFFICER, case_in(CaseStatus.ISSUED))
    assert can_reopen(APPROVER, case_in(CaseStatus.CLOSED))
    assert not can_reopen(OFFICER, case_in(CaseStatus.DRAFT))
    assert not can_reopen(ADMIN, case_in(CaseStatus.ISSUED))
    assert can_close(REVIEWER, case_in(CaseStatus.ISSUED))
    assert not can_close(OFFICER, case_in(CaseStatus.APPROVED))


def test_assigning() -> None:
    draft = case_in(CaseStatus.DRAFT)
    assert can_assign(APPROVER, draft, OFFICER) and can_assign(ADMIN, draft, OFFICER)
    assert can_assign(OFFICER, draft) and can_assign(OFFICER, draft, OFFICER)
    assert "approver or an admin" in can_assign(OFFICER, draft, APPROVER).reason
    assert not can_assign(ADMIN, case_in(CaseStatus.ISSUED), OFFICER)


# --- After the letter -------------------------------------------------------------------------


def test_reviewing_needs_a_reviewer_who_was_not_involved() -> None:
    issued = case_in(CaseStatus.ISSUED)
    assert can_review(REVIEWER, issued, {ALICE}, STRICT)
    involved = person("alice@force.police.uk", Role.REVIEWER)
    assert "someone else must review" in can_review(involved, issued, {ALICE}, STRICT).reason
    assert can_review(involved, issued, {ALICE}, RELAXED)
    assert not can_review(OFFICER, issued, set(), STRICT)
    assert not can_review(REVIEWER, case_in(CaseStatus.DRAFT), set(), STRICT)


def test_complaints_about_issued_responses() -> None:
    assert can_handle_complaint(ADMIN, case_in(CaseStatus.CLOSED))
    assert not can_handle_complaint(TRAINEE, case_in(CaseStatus.ISSUED))
    assert not can_handle_complaint(OFFICER, case_in(CaseStatus.DRAFT))


def test_the_unit_policy_follows_sign_in_and_the_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("FOI_REQUIRE_APPROVAL", raising=False)
    get_settings.cache_clear()
    try:
        assert unit_policy(True) == STRICT and unit_policy(False) == RELAXED
        monkeypatch.setenv("FOI_REQUIRE_APPROVAL", "true")
        get_settings.cache_clear()
        assert unit_policy(False) == Policy(require_approval=True, separation_of_duties=False)
    finally:
        get_settings.cache_clear()


# --- The property: nobody who drafted ever approves -------------------------------------------

ADDRESSES = st.sampled_from(["a@force.police.uk", "b@force.police.uk", "c@force.police.uk"])
PEOPLE = st.builds(
    Person,
    email=ADDRESSES,
    name=st.sampled_from(["", "A", "Someone"]),
    roles=st.frozensets(st.sampled_from(list(Role))),
)
RECORDED = st.builds(mailbox, st.sampled_from(["", "A", "Other name"]), ADDRESSES)


@given(approver=PEOPLE, drafters=st.sets(RECORDED, max_size=3), status=st.sampled_from(CaseStatus))
def test_with_separation_of_duties_no_drafter_ever_approves(
    approver: Person, drafters: set[str], status: CaseStatus
) -> None:
    decision = can_approve(approver, case_in(status), drafters, STRICT)
    if any(email_of(entry) == approver.email for entry in drafters):
        assert not decision
    if decision:
        assert approver.has(Role.APPROVER) and status is CaseStatus.SUBMITTED


# --- Admin actions refuse everyone else ---------------------------------------------------------


def test_admin_actions_refuse_a_non_admin(tmp_path) -> None:
    with pytest.raises(NotAllowed, match="admin role"):
        save_profile(None, OrganisationProfile(), OFFICER)  # type: ignore[arg-type]
    with pytest.raises(NotAllowed, match="admin role"):
        keep_template(tmp_path, "ours.docx", b"PK...", APPROVER)
    assert not (tmp_path / "uploaded").exists()
    assert keep_template(tmp_path, "ours.docx", b"not a zip", ADMIN) == [
        "That file is not a Word document (.docx). Save it as .docx and try again."
    ]
