"""Step statuses, derived from the check so that the stepper and the checker never disagree.

A step is "to do" while the check has errors that it fixes and "done" when it has none; "not
needed" when nothing in the case calls for it (``foi_core.reasoning`` decides); "re-check" when
an earlier answer changed after it was completed (or it was copied from an earlier case); and
"blocked", with what to finish first, while an earlier step has errors. So a case with check
errors never looks finished, and a case without errors has no step left to do or blocked. The
letter step is "ready" once nothing stops the letter, and "done" once issued; the check step of
an issued or closed case is "done" (read-only: nothing is to be fixed there until reopened).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from foi_core.models import Case, CaseStatus, Outcome
from foi_core.reasoning import (
    claims_needing_harm,
    claims_needing_pit,
    claims_needing_qp_opinion,
    items_needing_claims,
    resolve_catalogue,
)
from foi_core.steps import STEPS, Step

if TYPE_CHECKING:
    from foi_core.knowledge import Catalogue


class Status(StrEnum):
    """How far a step has got."""

    DONE = "done"
    TO_DO = "to do"
    ATTENTION = "needs attention"
    NOT_NEEDED = "not needed"
    BLOCKED = "blocked"
    RECHECK = "re-check"
    READY = "ready"


# What each status word means and whether it stops the letter (shown as help on the stepper).
STATUS_MEANINGS: dict[Status, str] = {
    Status.TO_DO: "Something this step needs is missing. It stops the letter until it is done.",
    Status.BLOCKED: (
        "An earlier step still has something missing. You can look and edit here, but finish "
        "that step first for this one to count. It stops the letter."
    ),
    Status.RECHECK: (
        "An earlier answer changed after this step was finished (or the case was copied). "
        "Read it again and confirm it still holds: it stops the letter until you do."
    ),
    Status.ATTENTION: (
        "The check found errors. Each one links to the step that fixes it; they stop the letter."
    ),
    Status.READY: "Nothing stops the letter: read it through, then submit or issue it.",
    Status.DONE: ("Nothing is missing. Any warnings are worth reading but do not stop the letter."),
    Status.NOT_NEEDED: "Nothing in this case calls for this step. It does not stop the letter.",
}


@dataclass(frozen=True)
class StepStatus:
    """The status of one step, with a short plain-English reason."""

    step: Step
    status: Status
    reason: str = ""

    @property
    def key(self) -> str:
        return self.step.key


def _needed(case: Case, cat: Catalogue) -> dict[str, str | None]:
    """Per step: None when the step applies, else why it is not needed."""
    items = case.request.items
    settled = bool(items) and all(item.outcome is not None for item in items)
    no_claims = settled and not items_needing_claims(case) and not case.claims
    cost = case.items_with(Outcome.COST_LIMIT) or case.cost_estimate is not None
    return {
        "exemptions": "no item is withheld or refused" if no_claims else None,
        "harm": (
            "no provision chosen needs a harm test"
            if (settled or case.claims) and not claims_needing_harm(case, cat)
            else None
        ),
        "public_interest": (
            "no provision chosen needs a public interest test"
            if (settled or case.claims) and not claims_needing_pit(case, cat)
            else None
        ),
        "balance": (
            "nothing to balance"
            if (settled or case.claims)
            and not claims_needing_pit(case, cat)
            and not claims_needing_qp_opinion(case, cat)
            and not cost
            else None
        ),
    }


def _summary(errors: Sequence[Any]) -> str:
    first = getattr(errors[0], "title", "") or getattr(errors[0], "message", "")
    more = len(errors) - 1
    return first[:1].lower() + first[1:] + (f" (and {more} more)" if more else "")


def step_statuses(
    case: Case, findings: Sequence[Any] | None = None, catalogue: Catalogue | None = None
) -> list[StepStatus]:
    """The status of every step, in order. ``findings`` are the checker's findings for ``case``
    (anything with ``.step``, ``.severity`` and ``.title``); they are worked out when not given.
    """
    cat = resolve_catalogue(catalogue)
    if findings is None:
        from foi_core.checker import check

        findings = check(case)
    errors: dict[str, list[Any]] = {}
    warnings: dict[str, list[Any]] = {}
    for finding in findings:
        target = errors if getattr(finding, "severity", "error") == "error" else warnings
        target.setdefault(getattr(finding, "step", "") or "check", []).append(finding)
    needed = _needed(case, cat)
    issued = any(letter.kind == "response" and not letter.draft for letter in case.issued_letters)

    statuses: list[StepStatus] = []
    blocking: str | None = None
    for step in STEPS:
        own, noted = errors.get(step.key, []), warnings.get(step.key, [])
        if step.key == "check":
            statuses.append(_check_status(step, findings, case))
            continue
        if step.key == "letter":
            statuses.append(_letter_status(step, own, errors, issued))
            continue
        if not own and needed.get(step.key):
            statuses.append(StepStatus(step, Status.NOT_NEEDED, needed[step.key] or ""))
            continue
        if step.key in case.recheck_steps:
            status = StepStatus(step, Status.RECHECK, "an earlier answer changed: check it")
        elif blocking is not None:
            status = StepStatus(step, Status.BLOCKED, f"finish {blocking} first")
        elif own:
            status = StepStatus(step, Status.TO_DO, _summary(own))
        elif noted:
            status = StepStatus(step, Status.DONE, f"done; {len(noted)} warning(s) to read")
        else:
            status = StepStatus(step, Status.DONE, "nothing missing")
        statuses.append(status)
        if own and status.status is not Status.RECHECK and blocking is None:
            blocking = step.title
    return statuses


def _check_status(step: Step, findings: Sequence[Any], case: Case) -> StepStatus:
    if case.status in (CaseStatus.ISSUED, CaseStatus.CLOSED):  # read-only: nothing to fix now
        return StepStatus(step, Status.DONE, f"{case.status.value}: reopen the case to change it")
    errors = [f for f in findings if getattr(f, "severity", "error") == "error"]
    if errors:
        return StepStatus(step, Status.ATTENTION, f"{len(errors)} error(s) to fix")
    if findings:
        return StepStatus(step, Status.DONE, f"no errors; {len(findings)} warning(s)")
    return StepStatus(step, Status.DONE, "no problems found")


def _letter_status(
    step: Step, own: list[Any], errors: dict[str, list[Any]], issued: bool
) -> StepStatus:
    if issued:
        return StepStatus(step, Status.DONE, "letter issued")
    if own:
        return StepStatus(step, Status.TO_DO, _summary(own))
    if any(errors.values()):
        return StepStatus(step, Status.BLOCKED, "the check still has errors to fix")
    return StepStatus(step, Status.READY, "nothing stops the letter: review and issue it")


def next_step(statuses: Sequence[StepStatus]) -> str:
    """The key of the first step that needs the officer (else the letter step)."""
    for status in statuses:
        if status.status in (Status.TO_DO, Status.ATTENTION, Status.RECHECK):
            return status.key
    return "letter"
