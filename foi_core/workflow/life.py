"""A case's life: draft -> submitted -> approved (or returned) -> issued -> closed, reopened.

Each action takes the person doing it, refuses through the rules in ``foi_core.people.rules``
(``NotAllowed``, with the rule's plain reason) and returns the changed case with a ``LifeEvent``
appended (``by`` = the person's mailbox). The caller saves it with the matching audit action
(``Store.save(case, version, actor, action="submitted")``); issuing is ``letters.issue_letter``.

``guard_edit`` is what ``Store.save`` runs on every save against the stored case: a change to
what an issued or closed case says is refused (``CaseLocked``); a change to what a submitted or
approved case says sends it back to draft with a "withdrawn" event, since the approval was for
the text as it stood.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any

from foi_core.models import Case, CaseStatus, LifeEvent, LifeEventKind
from foi_core.people import (
    Person,
    Policy,
    can_approve,
    can_assign,
    can_close,
    can_reopen,
    can_submit,
    is_read_only,
)
from foi_core.people.model import email_of

# The fields that record a case's life and working marks rather than what the case says: its
# status and life events, who it is assigned to, the letters issued from it, the steps marked to
# re-check, the suggestions dismissed, the export marker and the disclosure log entry (marked on
# an issued case). Everything else is "what the case says": the request, the reasoning and the
# response; a change to it is what ``guard_edit`` guards.
LIFE_FIELDS: frozenset[str] = frozenset(
    {
        "status",
        "life",
        "assigned_to",
        "issued_letters",
        "recheck_steps",
        "dismissed_suggestions",
        "export",
        "disclosure",
        "schema_version",
    }
)
AWAITING_APPROVAL = frozenset({CaseStatus.SUBMITTED, CaseStatus.APPROVED})
REASONS_MAX = 20_000


class ReasonsNeeded(ValueError):
    """A step that needs reasons was given none; the message fits next to the field."""


def says(case: Case) -> dict[str, Any]:
    """What the case says: its document without the ``LIFE_FIELDS``."""
    return case.model_dump(mode="json", exclude=set(LIFE_FIELDS))


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _moved(
    case: Case,
    status: CaseStatus | None,
    kind: LifeEventKind,
    by: str,
    reasons: str = "",
    to: str = "",
    **changes: Any,
) -> Case:
    event = LifeEvent(kind=kind, at=_now(), by=by, reasons=reasons, to=to)
    update: dict[str, Any] = {"life": [*case.life, event], **changes}
    if status is not None:
        update["status"] = status
    return case.model_copy(update=update)


def _reasons(text: str, what: str) -> str:
    reasons = (text or "").strip()
    if not reasons:
        raise ReasonsNeeded(what)
    if len(reasons) > REASONS_MAX:
        raise ReasonsNeeded(f"Keep the reasons under {REASONS_MAX:,} characters.")
    return reasons


def error_count(findings: Iterable[Any] | None) -> int:
    """How many of the checker's findings are errors."""
    return sum(1 for finding in findings or () if getattr(finding, "severity", "") == "error")


def submit(case: Case, person: Person, findings: Sequence[Any]) -> Case:
    """Submit a draft (or returned) case for approval; only with a clean check."""
    can_submit(person, case, error_count(findings)).enforce()
    return _moved(case, CaseStatus.SUBMITTED, LifeEventKind.SUBMITTED, person.recorded_as)


def approve(
    case: Case, person: Person, drafters: Iterable[str], policy: Policy, note: str = ""
) -> Case:
    """Approve a submitted case (not by anyone who drafted or edited it, under the policy)."""
    can_approve(person, case, drafters, policy).enforce()
    note = (note or "").strip()[:REASONS_MAX]
    return _moved(case, CaseStatus.APPROVED, LifeEventKind.APPROVED, person.recorded_as, note)


def return_for_amendment(
    case: Case, person: Person, drafters: Iterable[str], policy: Policy, reasons: str
) -> Case:
    """Return a submitted case to its officer with the approver's reasons (required)."""
    can_approve(person, case, drafters, policy).enforce()
    text = _reasons(reasons, "Say what needs changing: the officer sees these reasons.")
    return _moved(case, CaseStatus.RETURNED, LifeEventKind.RETURNED, person.recorded_as, text)


def reopen(case: Case, person: Person, reason: str) -> Case:
    """Reopen an issued or closed case as a draft (a reason is required); the issued letters
    stay recorded exactly as they were."""
    can_reopen(person, case).enforce()
    text = _reasons(reason, "Say why the case is reopened: it is kept in the case's history.")
    return _moved(case, CaseStatus.DRAFT, LifeEventKind.REOPENED, person.recorded_as, text)


def close(case: Case, person: Person) -> Case:
    """Close an issued case (it stays read-only)."""
    can_close(person, case).enforce()
    return _moved(case, CaseStatus.CLOSED, LifeEventKind.CLOSED, person.recorded_as)


def assign(case: Case, person: Person, to_mailbox: str, to: Person | None = None) -> Case:
    """Give the case to an officer (``to_mailbox``: "Name <email>" or a local user's name)."""
    mailbox = (to_mailbox or "").strip()
    if not mailbox:
        raise ReasonsNeeded("Choose who the case is given to.")
    if to is None and email_of(mailbox):
        to = Person(email=email_of(mailbox))
    can_assign(person, case, to).enforce()
    return _moved(
        case, None, LifeEventKind.ASSIGNED, person.recorded_as, to=mailbox, assigned_to=mailbox
    )


def guard_edit(before: Case, after: Case, by: str = "") -> Case:
    """The case to store when ``after`` is saved over ``before`` (see the module's notes).

    Raises CaseLocked when what an issued or closed case says would change; a changed submitted
    or approved case comes back as a draft with a "withdrawn" event by ``by``.
    """
    if says(before) == says(after):
        return after
    if is_read_only(before):
        from foi_core.storage.errors import CaseLocked

        raise CaseLocked(
            f"This case was {before.status.value} and is read-only, so the change was not "
            "saved. Reopen it on the Letter page, with a reason, to change it; the issued letter "
            "is kept as it was."
        )
    if before.status in AWAITING_APPROVAL and after.status is before.status:
        stage = "submitted for approval" if before.status is CaseStatus.SUBMITTED else "approved"
        return _moved(
            after,
            CaseStatus.DRAFT,
            LifeEventKind.WITHDRAWN,
            by,
            f"Changed after it was {stage}, so it is a draft again and needs approving afresh.",
        )
    return after


def assigned_to(case_assigned: str, person: Person) -> bool:
    """True when a case's assigned officer (a recorded mailbox) is this person."""
    return bool(case_assigned) and person.is_recorded_as(case_assigned)


def last_event(case: Case, *kinds: LifeEventKind) -> LifeEvent | None:
    """The latest life event of one of ``kinds`` (any kind when none are given)."""
    for event in reversed(case.life):
        if not kinds or event.kind in kinds:
            return event
    return None


def approvers(case: Case) -> set[str]:
    """The mailboxes of everyone who approved the case (at any time in its life)."""
    return {event.by for event in case.life if event.kind is LifeEventKind.APPROVED and event.by}
