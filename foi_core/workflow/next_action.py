"""What the officer should do next on a case, in one line: the step to open and why.

The stepper and the Check page both call ``next_action``, so they never disagree. It follows the
step statuses (``statuses``) and, once nothing stops the letter, the case's life (submit for
approval, wait for the approver, issue), as ``foi_core.people.rules`` decides. An issued or
closed case has nothing to do: its next action has no step.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from foi_core.models import Case, CaseKind, CaseStatus
from foi_core.people.rules import Policy, is_read_only, needs_approval

from .statuses import Status, StepStatus, step_statuses

# Statuses that ask the officer to do something on that step.
_WORK = (Status.TO_DO, Status.RECHECK)


@dataclass(frozen=True)
class NextAction:
    """The step to open next (None when there is nothing to do) and a plain line saying why, in
    our own words; ``about`` names the part of the case it is about in the case's own words (a
    citation as typed, an item), to be shown escaped."""

    step: str | None
    text: str
    about: str = ""


def next_action(
    case: Case,
    findings: Sequence[Any] | None = None,
    policy: Policy | None = None,
    statuses: Sequence[StepStatus] | None = None,
) -> NextAction:
    """The one next thing to do on ``case``: the first step with something to fix or re-check,
    then the check's own errors, then the letter's life. ``findings`` are the checker's (worked
    out when not given); ``policy`` the unit's (strict when not given)."""
    if is_read_only(case):
        state = "Closed" if case.status is CaseStatus.CLOSED else "Issued"
        return NextAction(
            None, f"{state}: nothing to do; reopen it on the Letter page to change it"
        )
    policy = policy if policy is not None else Policy()
    if findings is None and statuses is None:
        from foi_core.checker import check

        findings = check(case)
    statuses = list(statuses) if statuses is not None else step_statuses(case, findings)
    for status in statuses:
        if status.key == "check" or status.status not in _WORK:
            continue
        if status.status is Status.RECHECK:
            why = "an earlier answer changed: check this step still holds"
            return NextAction(status.key, f"Next: {status.step.title} — {why}")
        why = status.reason or "something is missing"
        about = _about(case, findings or (), status.key)
        return NextAction(status.key, f"Next: {status.step.title} — {why}", about)
    check = next(status for status in statuses if status.key == "check")
    if check.status is Status.ATTENTION:
        return NextAction("check", f"Next: Check — {check.reason}")
    return _letter_action(case, policy)


def _about(case: Case, findings: Sequence[Any], step: str) -> str:
    """The claim's citation or the item the step's first error is about ("" if neither)."""
    first = next(
        (f for f in findings if getattr(f, "step", "") == step and f.severity == "error"), None
    )
    if first is None:
        return ""
    claim_id = getattr(first, "claim_id", None)
    claims = {claim.id: claim.citation for claim in case.claims}
    if claim_id in claims:
        return claims[claim_id]
    item = getattr(first, "item", None)
    return f"item {item}" if item is not None else ""


def _letter_action(case: Case, policy: Policy) -> NextAction:
    """Nothing stops the letter: what the case's life asks for next."""
    if case.kind is CaseKind.ICO_COMPLAINT:
        return NextAction(None, "Nothing stops this record: keep it up to date on the ICO page")
    if needs_approval(case, policy):
        if case.status is CaseStatus.DRAFT:
            return NextAction("letter", "Next: submit for approval on the Letter page")
        if case.status is CaseStatus.RETURNED:
            return NextAction(
                "letter",
                "Next: the approver returned it: make the changes they asked for, then submit "
                "it again on the Letter page",
            )
        if case.status is CaseStatus.SUBMITTED:
            return NextAction("letter", "Waiting for approval: an approver approves or returns it")
    return NextAction("letter", "Next: Letter — read the letter through, then issue it")
