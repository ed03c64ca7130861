"""Officer actions on the Balance step: the conclusion of each public interest test, a combined
balance, the s36 opinion, the s40 legitimate interests record, the s12 cost estimate and the
s10(3) extension record.

Each action takes the case as loaded and what the officer typed, checks it, and returns an
``ActionResult``: the new case (re-check marks applied) or the problems, each named by the field
the Balance page shows it under (``balance.<claim id>.decided_on``, ``agg.reasoning``,
``aggregate.items``, ``qp.<claim id>.name``, ``li.<claim id>.necessity``, ``cost.lines.<row>``,
``cost.hourly_rate``, ``ext.estimated_date`` ...). Nothing typed raises: the models refuse NUL
characters and impossible values, and their errors come back as field problems.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

from pydantic import BaseModel, ValidationError

from foi_core.actions.result import ActionResult, Problems
from foi_core.deadlines import case_deadlines, describe_date
from foi_core.models import (
    AggregateBalance,
    Balance,
    Case,
    Conclusion,
    CostActivity,
    CostEstimate,
    CostLine,
    ExemptionClaim,
    ExtensionStatus,
    FieldProblem,
    LegitimateInterests,
    Outcome,
    PITExtension,
    PublicInterestTest,
    QualifiedPersonOpinion,
    explain_errors,
    field_label,
)
from foi_core.models import today as engine_today
from foi_core.plain import items_text
from foi_core.workflow import apply_step_edit, claims_needing_pit

if TYPE_CHECKING:
    from foi_core.knowledge import Catalogue

STEP = "balance"
M = TypeVar("M", bound=BaseModel)


# --- What the step covers ------------------------------------------------------------------------


def _catalogue(catalogue: Catalogue | None) -> Catalogue:
    if catalogue is not None:
        return catalogue
    from foi_core.knowledge import load_catalogue

    return load_catalogue()


def claims_of_section(
    case: Case, section: str, catalogue: Catalogue | None = None
) -> list[ExemptionClaim]:
    """Claims under the catalogue's section ``section`` (e.g. "40")."""
    cat = _catalogue(catalogue)
    return [
        claim
        for claim in case.claims
        if (exemption := cat.get(claim.citation)) is not None and exemption.section == section
    ]


def cost_estimate_applies(case: Case, catalogue: Catalogue | None = None) -> bool:
    """True when an item is refused for cost or a claim relies on s12."""
    return bool(case.items_with(Outcome.COST_LIMIT) or claims_of_section(case, "12", catalogue))


def shared_items(claims: Iterable[ExemptionClaim]) -> list[int]:
    """The items every one of the claims covers."""
    sets = [set(claim.items) for claim in claims]
    return sorted(set.intersection(*sets)) if sets else []


def combinable_claims(case: Case, catalogue: Catalogue | None = None) -> list[ExemptionClaim]:
    """Qualified claims that share at least one item with another qualified claim."""
    qualified = [claim for claim in claims_needing_pit(case, catalogue) if claim.items]
    return [
        claim
        for claim in qualified
        if any(other.id != claim.id and set(other.items) & set(claim.items) for other in qualified)
    ]


def extension_dates(case: Case) -> tuple[dt.date | None, dt.date | None]:
    """(the response's due date, the default estimated decision date 20 working days later);
    either is None when it cannot be counted."""
    deadlines = case_deadlines(case)  # never raises: what cannot be counted is None
    return deadlines.due, deadlines.default_extension_due


# --- Shared checks -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Decision:
    """A conclusion as typed: the choice, the reasons, who decided and when."""

    conclusion: Conclusion | None = None
    reasoning: str | None = ""
    decided_by: str | None = ""
    decided_on: dt.date | None = None

    def values(self) -> dict[str, Any]:
        return {
            "conclusion": self.conclusion,
            "reasoning": typed(self.reasoning),
            "decided_by": typed(self.decided_by),
            "decided_on": self.decided_on,
        }


DECISION_FIELDS = ("conclusion", "reasoning", "decided_by", "decided_on")


def typed(text: str | None) -> str:
    """Text from a box, without surrounding white space ("" for an empty box)."""
    return (text or "").strip()


def decision_problems(prefix: str, decision: Decision, today: dt.date | None = None) -> Problems:
    """What a conclusion needs: a choice, the reasons, and a date that is not in the future."""
    problems = Problems()
    if decision.conclusion is None:
        problems.add(f"{prefix}.conclusion", "Choose a conclusion.")
    if not typed(decision.reasoning):
        problems.add(
            f"{prefix}.reasoning",
            "Explain how you weighed the factors; the letter must give the reasons.",
        )
    if decision.decided_on is not None and decision.decided_on > (today or engine_today()):
        problems.add(f"{prefix}.decided_on", "The decision date cannot be in the future.")
    return problems


def build(
    model: type[M], values: dict[str, Any], fields: dict[str, str], problems: Problems
) -> M | None:
    """``model(**values)``, or None with its errors added to ``problems`` at the page's field
    names (``fields`` maps a model field to one); a field that already has a problem is skipped."""
    try:
        return model(**values)
    except ValidationError as error:
        problems.add_unnamed(
            FieldProblem(field=fields.get(p.field.split(".", 1)[0], "case"), message=p.message)
            for p in explain_errors(error)
        )
        return None


def _fields(prefix: str, names: Iterable[str]) -> dict[str, str]:
    return {name: f"{prefix}.{name}" for name in names}


def _claim(case: Case, claim_id: str) -> ExemptionClaim | None:
    return next((claim for claim in case.claims if claim.id == claim_id), None)


_GONE = "This exemption claim is no longer in the case; reload the page."


def _done(case: Case, edited: Case, summary: str, message: str = "Saved.") -> ActionResult:
    return ActionResult.done(apply_step_edit(case, edited, STEP), summary, message)


def _set(
    case: Case, problems: Problems, summary: str, name: str, part: Any, claim_id: str = ""
) -> ActionResult:
    """Refused with ``problems`` (or when ``part`` could not be built), else the case with
    ``part`` as its field ``name`` (of the claim ``claim_id`` when given)."""
    if part is None or problems:
        return ActionResult.refused(problems)
    edited = case.model_copy(deep=True)
    setattr(edited.claim(claim_id) if claim_id else edited, name, part)
    return _done(case, edited, summary)


# --- The conclusion of each public interest test -------------------------------------------------


def set_balance(
    case: Case, claim_id: str, decision: Decision, *, today: dt.date | None = None
) -> ActionResult:
    """Record the conclusion of one claim's public interest test (its factors are kept)."""
    prefix = f"balance.{claim_id}"
    claim = _claim(case, claim_id)
    if claim is None:
        return ActionResult.problem("case", _GONE)
    problems = decision_problems(prefix, decision, today)
    balance = build(Balance, decision.values(), _fields(prefix, DECISION_FIELDS), problems)
    factors = claim.pit.factors if claim.pit else []
    pit = PublicInterestTest(factors=factors, balance=balance) if balance else None
    return _set(case, problems, f"Conclusion saved for {claim.citation}", "pit", pit, claim_id)


# --- Combined balance (DBT v IC [2025] UKSC 27) --------------------------------------------------


def add_combined_balance(
    case: Case,
    claim_ids: Sequence[str],
    items: Iterable[int],
    decision: Decision,
    *,
    today: dt.date | None = None,
    catalogue: Catalogue | None = None,
) -> ActionResult:
    """Add a combined balance of qualified claims over the items they all cover (every item
    they share when ``items`` is empty)."""
    problems = Problems()
    combinable = {claim.id: claim for claim in combinable_claims(case, catalogue)}
    wanted = list(dict.fromkeys(claim_ids))
    if any(cid not in combinable for cid in wanted):
        problems.add(
            "aggregate.claim_ids",
            "Choose qualified exemption claims that share items with another qualified claim.",
        )
    chosen = [combinable[cid] for cid in wanted if cid in combinable]
    common = shared_items(chosen)
    numbers = sorted(set(items)) or common
    uncovered = [n for n in numbers if n not in common]
    if uncovered:
        problems.add(
            "aggregate.items",
            f"Not every chosen claim covers {items_text(uncovered)}: a combined balance is only "
            "for information that all the exemptions apply to.",
        )
    elif len(chosen) >= 2 and not common:
        problems.add("aggregate.items", "The chosen claims share no items.")
    problems.extend(decision_problems("agg", decision, today))
    fields = {
        **_fields("agg", DECISION_FIELDS),
        **_fields("aggregate", ("claim_ids", "items")),
    }
    values = {"claim_ids": wanted, "items": numbers, **decision.values()}
    aggregate = build(AggregateBalance, values, fields, problems)
    added = [*case.aggregate_balances, aggregate] if aggregate else None
    return _set(case, problems, "Combined balance saved", "aggregate_balances", added)


def remove_combined_balance(case: Case, aggregate_id: str) -> ActionResult:
    """Remove one combined balance."""
    edited = case.model_copy(deep=True)
    edited.aggregate_balances = [a for a in case.aggregate_balances if a.id != aggregate_id]
    return _done(case, edited, "Combined balance removed")


# --- s36: the qualified person's opinion ---------------------------------------------------------

QP_FIELDS = ("name", "role", "opinion_date", "limb", "reasons")


def set_qp_opinion(
    case: Case,
    claim_id: str,
    *,
    name: str | None,
    role: str | None = "",
    opinion_date: dt.date | None = None,
    limb: str | None = "",
    reasons: str | None = "",
) -> ActionResult:
    """Record the s36 opinion: it needs the qualified person's name and must come before the
    response is issued."""
    prefix = f"qp.{claim_id}"
    claim = _claim(case, claim_id)
    if claim is None:
        return ActionResult.problem("case", _GONE)
    problems = Problems()
    if not typed(name):
        problems.add(f"{prefix}.name", "Enter the qualified person's name.")
    if opinion_date is not None and case.response_date and opinion_date > case.response_date:
        problems.add(
            f"{prefix}.opinion_date", "The opinion must be given before the response is issued."
        )
    values = {
        "name": typed(name),
        "role": typed(role),
        "opinion_date": opinion_date,
        "limb": typed(limb),
        "reasons": typed(reasons),
    }
    opinion = build(QualifiedPersonOpinion, values, _fields(prefix, QP_FIELDS), problems)
    summary = f"Qualified person's opinion saved for {claim.citation}"
    return _set(case, problems, summary, "qp_opinion", opinion, claim_id)


# --- s40(2): legitimate interests ----------------------------------------------------------------

LI_FIELDS = {
    "legitimate_interest": "legitimate_interest",
    "necessity": "necessity",
    "balancing": "balancing",
    "disclosure_lawful": "lawful",
}


def set_legitimate_interests(
    case: Case,
    claim_id: str,
    *,
    legitimate_interest: str | None,
    necessity: str | None,
    balancing: str | None,
    disclosure_lawful: bool | None,
) -> ActionResult:
    """Record the s40(2) legitimate interests test: interest, necessity, balance, result."""
    prefix = f"li.{claim_id}"
    claim = _claim(case, claim_id)
    if claim is None:
        return ActionResult.problem("case", _GONE)
    problems = Problems()
    values = {
        "legitimate_interest": typed(legitimate_interest),
        "necessity": typed(necessity),
        "balancing": typed(balancing),
        "disclosure_lawful": disclosure_lawful,
    }
    fields = {name: f"{prefix}.{slot}" for name, slot in LI_FIELDS.items()}
    record = build(LegitimateInterests, values, fields, problems)
    summary = f"Legitimate interests saved for {claim.citation}"
    return _set(case, problems, summary, "legitimate_interests", record, claim_id)


# --- s12: the cost estimate ----------------------------------------------------------------------


@dataclass(frozen=True)
class CostRow:
    """One line of the estimate as typed (row ``index`` on the page)."""

    index: int
    activity: CostActivity | None = None
    description: str | None = ""
    records: float | None = 0
    minutes_each: float | None = 0
    remove: bool = False

    @property
    def has_figures(self) -> bool:
        return bool(typed(self.description) or self.records or self.minutes_each)


NO_ACTIVITY = (
    "Choose an activity. Only determining whether it is held, locating, retrieving and "
    "extracting can be counted (Fees Regulations, reg 4(3))."
)
COST_FIELDS = _fields("cost", ("hourly_rate", "limit_pounds", "method", "s16_advice"))


def cost_lines(rows: Iterable[CostRow], problems: Problems) -> list[CostLine]:
    """The lines that count (an activity chosen, not removed); a line the model refuses adds a
    problem at ``cost.lines.<row>`` naming the figure."""
    lines = []
    for row in rows:
        if row.activity is None or row.remove:
            continue
        values = {
            "activity": row.activity,
            "description": typed(row.description),
            "records": 0 if row.records is None else row.records,
            "minutes_each": 0 if row.minutes_each is None else row.minutes_each,
        }
        try:
            lines.append(CostLine(**values))
        except ValidationError as error:
            messages = [
                f"{field_label(p.field).capitalize()}: {p.message}" for p in explain_errors(error)
            ]
            problems.add(f"cost.lines.{row.index}", " ".join(messages))
    return lines


def preview_cost_estimate(
    rows: Iterable[CostRow], hourly_rate: float | None, limit_pounds: float | None
) -> CostEstimate | Problems:
    """The estimate as it stands while the officer types (for the running totals), or the
    problems that stop it being counted."""
    problems = Problems()
    lines = cost_lines(rows, problems)
    values = {"lines": lines, "hourly_rate": hourly_rate, "limit_pounds": limit_pounds}
    estimate = build(CostEstimate, values, COST_FIELDS, problems)
    return problems if estimate is None or problems else estimate


def set_cost_estimate(
    case: Case,
    rows: Sequence[CostRow],
    *,
    hourly_rate: float | None,
    limit_pounds: float | None,
    method: str | None = "",
    s16_advice: str | None = "",
) -> ActionResult:
    """Record the s12 estimate: every line with figures needs a countable activity."""
    problems = Problems()
    for row in rows:
        if row.activity is None and row.has_figures and not row.remove:
            problems.add(f"cost.lines.{row.index}", NO_ACTIVITY)
    lines = cost_lines(rows, problems)
    values = {
        "lines": lines,
        "hourly_rate": hourly_rate,
        "limit_pounds": limit_pounds,
        "method": typed(method),
        "s16_advice": typed(s16_advice),
    }
    estimate = build(CostEstimate, values, COST_FIELDS, problems)
    return _set(case, problems, "Cost estimate saved", "cost_estimate", estimate)


# --- s10(3): extending the time to consider the public interest ---------------------------------

EXTENSION_FIELDS = _fields(
    "ext", ("estimated_date", "decision_maker", "reason", "status", "notified_on", "completed_on")
)


def set_pit_extension(
    case: Case,
    *,
    estimated_date: dt.date | None,
    decision_maker: str | None = "",
    reason: str | None = "",
    status: ExtensionStatus | None = None,
    notified_on: dt.date | None = None,
    today: dt.date | None = None,
) -> ActionResult:
    """Record a s10(3) extension: the estimated decision date must come after the due date; the
    date the decision was made is kept once set, and is today when the status first says so."""
    problems = Problems()
    due, _ = extension_dates(case)
    if estimated_date is None:
        problems.add("ext.estimated_date", "Enter the estimated decision date.")
    elif due is not None and estimated_date <= due:
        problems.add(
            "ext.estimated_date",
            f"The estimated date must be after the due date ({describe_date(due)}).",
        )
    status = status or ExtensionStatus.PLANNED
    before = case.pit_extension
    completed_on = (
        before.completed_on
        if before and before.completed_on
        else ((today or engine_today()) if status is ExtensionStatus.COMPLETED else None)
    )
    values = {
        "estimated_date": estimated_date,
        "decision_maker": typed(decision_maker),
        "reason": typed(reason),
        "status": status,
        "notified_on": notified_on,
        "completed_on": completed_on,
    }
    extension = build(PITExtension, values, EXTENSION_FIELDS, problems)
    return _set(case, problems, "Extension record saved", "pit_extension", extension)


def remove_pit_extension(case: Case) -> ActionResult:
    """Remove the extension record."""
    edited = case.model_copy(deep=True)
    edited.pit_extension = None
    return _done(case, edited, "Extension record removed", "Extension record removed.")
