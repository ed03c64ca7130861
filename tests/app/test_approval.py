"""A case's life in the app: an officer submits, cannot approve their own work, an approver returns
it with reasons and then approves, the officer issues, and the case is read-only everywhere;
with sign-in off the single user issues straight from a clean draft."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from foi_core.models import CaseStatus, LifeEventKind
from foi_core.people import Role
from foi_core.storage import Store
from tests.app.conftest import button, by_key, issuable_case, ok, open_case_page, stored, texts
from tests.app.test_sign_in import signed_in_app
from ui.text import md_escape

OFFICER = "o@force.police.uk"
APPROVER = "b@force.police.uk"
ADMIN = "Ada Admin <ada@force.police.uk>"
RETURN_REASONS = "Item 2: say *which* s31 limb applies <b>here</b>"


def letter_page(email: str, name: str, case_id: str) -> AppTest:
    at = ok(signed_in_app(email, name, case_id).run())
    return ok(at.switch_page("pages/letter.py").run())


def click(at: AppTest, label: str) -> AppTest:
    return ok(button(at, label).click().run())


def test_officer_submits_approver_returns_then_approves_and_the_letter_is_issued(
    app_store: Store,
) -> None:
    for role in (Role.OFFICER, Role.APPROVER):
        app_store.grant(OFFICER, role, by=ADMIN)  # both roles: only separation of duties refuses
    app_store.grant(APPROVER, Role.APPROVER, by=ADMIN)
    case = stored(app_store, issuable_case(app_store).id)
    app_store.save(
        case.model_copy(update={"title": "Drafted by the officer"}),
        app_store.load(case.id).version,
        actor=f"Olive Officer <{OFFICER}>",
    )

    officer = letter_page(OFFICER, "Olive Officer", case.id)
    assert button(officer, "Issue the letter").disabled  # approval comes first
    click(officer, "Submit for approval")
    assert stored(app_store, case.id).status is CaseStatus.SUBMITTED
    approve = button(officer, "Approve")
    assert approve.disabled
    assert "You drafted or edited this case, so someone else must approve it." in texts(officer)

    approver = letter_page(APPROVER, "Bea Approver", case.id)
    assert not button(approver, "Approve").disabled
    click(approver, "Return with reasons")  # no reasons: refused next to the field
    assert "Say what needs changing" in " ".join(e.value for e in approver.error)
    assert stored(app_store, case.id).status is CaseStatus.SUBMITTED
    reasons = next(a for a in approver.text_area if a.label.startswith("What needs changing"))
    reasons.input(RETURN_REASONS)
    click(approver, "Return with reasons")
    returned = stored(app_store, case.id)
    assert returned.status is CaseStatus.RETURNED
    assert returned.life[-1].reasons == RETURN_REASONS
    assert returned.life[-1].by == f"Bea Approver <{APPROVER}>"

    officer = letter_page(OFFICER, "Olive Officer", case.id)
    assert "Returned for amendment" in texts(officer)
    assert md_escape(RETURN_REASONS) in texts(officer)  # shown literally
    click(officer, "Submit for approval")

    approver = letter_page(APPROVER, "Bea Approver", case.id)
    click(approver, "Approve")
    assert stored(app_store, case.id).status is CaseStatus.APPROVED
    assert button(approver, "Issue the letter")  # an approver may issue too, but the officer does

    officer = letter_page(OFFICER, "Olive Officer", case.id)
    click(officer, "Issue the letter")
    issued = stored(app_store, case.id)
    assert issued.status is CaseStatus.ISSUED
    assert [e.kind for e in issued.life][-1] is LifeEventKind.ISSUED
    assert "Issued letter (.docx)" in [d.label for d in officer.get("download_button")]
    assert {e.action for e in app_store.audit(case.id)} >= {"submitted", "returned", "approved"}

    request = ok(officer.switch_page("pages/request.py").run())
    assert any("read-only; reopen it to change it" in info.value for info in request.info)
    assert button(request, "Save").disabled and button(request, "Save items").disabled


def test_with_sign_in_off_the_officer_issues_straight_from_a_clean_draft(
    app_store: Store,
) -> None:
    case = issuable_case(app_store)
    at = open_case_page("pages/letter.py", case.id)
    assert "Sign-in is off, so you work alone" in texts(at)
    assert not [b for b in at.button if b.label == "Submit for approval"]
    click(at, "Issue the letter")
    assert stored(app_store, case.id).status is CaseStatus.ISSUED
    assert any("read-only; reopen it to change it" in info.value for info in at.info)
    for page in ("pages/harm.py", "pages/balance.py", "pages/public_interest.py"):
        shown = ok(at.switch_page(page).run())
        saves = [b for b in shown.button if b.label.startswith(("Save", "Add", "Remove"))]
        assert saves and all(b.disabled for b in saves), page
    at = ok(at.switch_page("pages/letter.py").run())
    reason = next(a for a in at.text_area if a.label.startswith("Why reopen it"))
    reason.input("The requester spotted a wrong date")
    click(at, "Reopen")
    reopened = stored(app_store, case.id)
    assert reopened.status is CaseStatus.DRAFT and reopened.issued_letters
    assert reopened.life[-1].reasons == "The requester spotted a wrong date"


def test_cases_page_lists_my_cases_and_what_waits_for_my_approval(app_store: Store) -> None:
    app_store.grant(OFFICER, Role.OFFICER, by=ADMIN)
    app_store.grant(APPROVER, Role.APPROVER, by=ADMIN)
    at = ok(signed_in_app(OFFICER, "Olive Officer").run())
    assert "**My cases (0)**" in texts(at)
    by_key(at.text_input, "f.new.our_ref").input("LIFE/1")
    click(at, "Start the case")
    case = app_store.find_by_ref("LIFE/1").case
    assert case.assigned_to == f"Olive Officer <{OFFICER}>"
    assert (
        "Olive Officer"
        in ok(signed_in_app(OFFICER, "Olive Officer").run())
        .dataframe[0]
        .value["Assigned to"]
        .tolist()
    )
    mine = ok(signed_in_app(OFFICER, "Olive Officer").run())
    assert "**My cases (1)**" in texts(mine)
    assert "**Waiting for my approval (0)**" in texts(mine)

    version = app_store.load(case.id).version
    app_store.save(
        case.model_copy(update={"status": CaseStatus.SUBMITTED}), version, actor="Olive Officer"
    )
    approver = ok(signed_in_app(APPROVER, "Bea Approver").run())
    assert "**Waiting for my approval (1)**" in texts(approver)
    assert "**My cases (0)**" in texts(approver)
