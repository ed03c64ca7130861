"""A complaint to the Information Commissioner (ICO) about an issued response (FOIA s50).

>>> complaint = open_complaint(original, person, "IC-123456-A1B2", received_on)
>>> complaint = add_exchange(complaint, ExchangeKind.COMMISSIONER_REQUEST, on, due, "Asked for ...")
>>> complaint = record_decision(complaint, "IC-123456-A1B2", on, IcoDecision.UPHELD, ["Disclose"])

The decision notice's outcome is in the complainant's sense (``decision_label``): "upheld" means
the Commissioner agreed with the complainant, the opposite of an internal review's "upheld".
Steps a notice orders are due 35 calendar days after it (failure can be certified to the High
Court under s54); an appeal goes to the First-tier Tribunal (Information Rights) under s57.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from foi_core.models import (
    Case,
    CaseKind,
    CaseStatus,
    ExchangeKind,
    IcoComplaint,
    IcoDecision,
    IcoExchange,
    IcoStep,
    TribunalAppeal,
    new_id,
)
from foi_core.people.model import Person
from foi_core.people.rules import can_handle_complaint

from .errors import AftercareProblem, happened, unique_ref

STEP_CALENDAR_DAYS = 35

DECISION_LABELS: dict[IcoDecision, str] = {
    IcoDecision.UPHELD: "Upheld: the Commissioner agreed with the complainant",
    IcoDecision.PARTLY_UPHELD: "Partly upheld: the Commissioner partly agreed with the complainant",
    IcoDecision.NOT_UPHELD: "Not upheld: the Commissioner agreed with our response",
}

EXCHANGE_LABELS: dict[ExchangeKind, str] = {
    ExchangeKind.COMMISSIONER_REQUEST: "The Commissioner's request",
    ExchangeKind.OUR_SUBMISSION: "Our submission",
}


def decision_label(decision: IcoDecision | str | None) -> str:
    """The notice's outcome in the complainant's sense."""
    if decision is None or decision == "":
        return "No decision notice yet"
    return DECISION_LABELS[IcoDecision(decision)]


def exchange_label(kind: ExchangeKind | str) -> str:
    return EXCHANGE_LABELS[ExchangeKind(kind)]


def step_due(notice_on: dt.date) -> dt.date:
    """A step's deadline: 35 calendar days after the decision notice."""
    return notice_on + dt.timedelta(days=STEP_CALENDAR_DAYS)


def _complaint(case: Case) -> IcoComplaint:
    if case.kind is not CaseKind.ICO_COMPLAINT or case.ico is None:
        raise AftercareProblem.at("ico", "This case is not an ICO complaint.")
    return case.ico


def _with(case: Case, complaint: IcoComplaint) -> Case:
    updated = case.model_copy(deep=True)
    updated.ico = IcoComplaint.model_validate(complaint.model_dump())
    return updated


def open_complaint(
    original: Case,
    person: Person,
    ico_reference: str,
    received_on: dt.date,
    *,
    taken_refs: Iterable[str] = (),
) -> Case:
    """A new ICO complaint case linked to ``original`` (``NotAllowed`` through
    ``can_handle_complaint``). It keeps the original's request and reasoning for reference
    (read with the original's record); the complaint case writes no letter of its own."""
    can_handle_complaint(person, original).enforce()
    happened(received_on, "received_on", "we heard of the complaint")
    data = original.model_dump()
    data.update(
        id=new_id(),
        status=CaseStatus.DRAFT,
        title=f"ICO complaint: {original.title or original.request.our_ref}",
        kind=CaseKind.ICO_COMPLAINT,
        linked_case=original.id,
        assigned_to=person.recorded_as,
        life=[],
        review=None,
        ico=IcoComplaint(ico_reference=ico_reference.strip(), received_on=received_on).model_dump(),
        issued_letters=[],
        recheck_steps=[],
        export=None,
    )
    data["request"]["our_ref"] = unique_ref(f"{original.request.our_ref}-ICO", taken_refs)
    return Case.model_validate(data)


def add_exchange(
    case: Case, kind: ExchangeKind | str, on: dt.date, due: dt.date | None, summary: str
) -> Case:
    """A copy with one more exchange: a request from the Commissioner, or our submission."""
    complaint = _complaint(case)
    happened(on, "exchange_on", "of the letter or e-mail")
    if due is not None and due < on:
        raise AftercareProblem.at(
            "exchange_due", "The reply cannot be due before it was asked for."
        )
    if not summary.strip():
        raise AftercareProblem.at("exchange_summary", "Say briefly what was asked or sent.")
    exchange = IcoExchange(kind=ExchangeKind(kind), on=on, due=due, summary=summary)
    exchanges = sorted([*complaint.exchanges, exchange], key=lambda e: e.on)
    return _with(case, complaint.model_copy(update={"exchanges": exchanges}))


def record_decision(
    case: Case,
    reference: str,
    on: dt.date,
    decision: IcoDecision | str,
    steps: Sequence[str | IcoStep] = (),
) -> Case:
    """A copy with the decision notice: reference, date, outcome and the steps it orders, in
    order, each due 35 calendar days after the notice unless an ``IcoStep`` gives its own."""
    complaint = _complaint(case)
    happened(on, "notice_on", "of the decision notice")
    if not decision:
        raise AftercareProblem.at("decision", "Choose the Commissioner's decision.")
    ordered: list[IcoStep] = []
    for step in steps:
        if isinstance(step, str):
            if step.strip():
                ordered.append(IcoStep(text=step.strip(), due=step_due(on)))
        else:
            ordered.append(
                step if step.due is not None else step.model_copy(update={"due": step_due(on)})
            )
    updated = complaint.model_copy(
        update={
            "decision_notice_reference": reference.strip(),
            "decision_notice_on": on,
            "decision": IcoDecision(decision),
            "steps": ordered,
        }
    )
    return _with(case, updated)


def mark_step_done(case: Case, index: int, done_on: dt.date | None) -> Case:
    """A copy with step ``index`` marked done on ``done_on`` (None: not done)."""
    complaint = _complaint(case)
    if not 0 <= index < len(complaint.steps):
        raise AftercareProblem.at(f"steps.{index}", "There is no such step.")
    if done_on is not None:
        happened(done_on, f"steps.{index}", "the step was done")
    steps = list(complaint.steps)
    steps[index] = steps[index].model_copy(update={"done_on": done_on})
    return _with(case, complaint.model_copy(update={"steps": steps}))


def record_appeal(
    case: Case,
    appellant: str,
    lodged_on: dt.date | None,
    reference: str = "",
    outcome: str = "",
    decided_on: dt.date | None = None,
) -> Case:
    """A copy with the appeal to the First-tier Tribunal (Information Rights)."""
    complaint = _complaint(case)
    if complaint.decision is None:
        raise AftercareProblem.at(
            "appeal", "An appeal is against a decision notice: record the notice first."
        )
    happened(lodged_on, "appeal_lodged_on", "the appeal was lodged")
    if decided_on is not None:
        happened(decided_on, "appeal_decided_on", "the Tribunal decided")
    notice_on = complaint.decision_notice_on
    if notice_on is not None and lodged_on < notice_on:
        raise AftercareProblem.at(
            "appeal_lodged_on", "An appeal cannot be lodged before the decision notice."
        )
    appeal = TribunalAppeal(
        appellant=appellant,
        lodged_on=lodged_on,
        reference=reference,
        outcome=outcome,
        decided_on=decided_on,
    )
    return _with(case, complaint.model_copy(update={"appeal": appeal}))


@dataclass(frozen=True)
class Deadline:
    """What is due next: the date, what it is for, and whether it has passed."""

    due: dt.date
    what: str
    overdue: bool


def open_deadlines(case: Case, today: dt.date) -> list[Deadline]:
    """Every deadline still open (steps not done, requests not yet answered), earliest first."""
    complaint = _complaint(case)
    found: list[Deadline] = []
    for number, step in enumerate(complaint.steps, start=1):
        if step.due is not None and step.done_on is None:
            found.append(Deadline(step.due, f"Step {number}: {step.text}", step.due < today))
    for exchange in complaint.exchanges:
        if exchange.kind is not ExchangeKind.COMMISSIONER_REQUEST or exchange.due is None:
            continue
        answered = any(
            e.kind is ExchangeKind.OUR_SUBMISSION and e.on >= exchange.on
            for e in complaint.exchanges
        )
        if not answered:
            found.append(
                Deadline(exchange.due, "Reply to the Commissioner's request", exchange.due < today)
            )
    return sorted(found, key=lambda d: d.due)


def next_deadline(case: Case, today: dt.date) -> Deadline | None:
    """The earliest open deadline (None when nothing is due)."""
    found = open_deadlines(case, today)
    return found[0] if found else None
