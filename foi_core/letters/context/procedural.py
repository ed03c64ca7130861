"""The procedural refusals: the s12 cost limit (with the estimate) and s14 (vexatious, repeated)."""

from __future__ import annotations

from foi_core.bounds import today
from foi_core.knowledge import law_at
from foi_core.models import Case, CostEstimate, Outcome
from foi_core.reasoning import provision_of

from ..text import hours_text, minutes_text, pounds, printable, provision, questions_label
from .citations import citations, section
from .views import CostLineView, CostView, RefusalView
from .wording import say


def refuses_for_cost(case: Case) -> bool:
    """An item is refused under s12, or a s12 claim is recorded."""
    return bool(case.items_with(Outcome.COST_LIMIT)) or any(
        section(c.citation) == "12" for c in case.claims
    )


def _cost_lines(estimate: CostEstimate) -> list[CostLineView]:
    return [
        CostLineView(
            activity=say("cost_activities", line.activity.value),
            description=printable(line.description),
            records=f"{line.records:,}",
            minutes_each=minutes_text(line.minutes_each),
            total=hours_text(line.minutes / 60),
        )
        for line in estimate.lines
    ]


def cost_view(case: Case, shown: bool, for_letter: bool = False) -> CostView:
    """The s12 refusal: which questions, the provision, and the estimate when recorded.

    ``for_letter``: the requester's numbering, the limit and hourly rate in force at the
    letter's date (``law_at``), and no notes (internal)."""
    estimate = case.cost_estimate
    s12_claims = [c for c in case.claims if section(c.citation) == "12"]
    numbers = {i.number for i in case.items_with(Outcome.COST_LIMIT)}
    numbers |= {n for c in s12_claims for n in c.items}
    labels = {i.number: i.shown_number for i in case.request.items} if for_letter else None
    common = {
        "shown": shown,
        "questions": questions_label(numbers, shown=labels),
        "citation": citations(s12_claims) or "section 12",
        "reasons": ""
        if for_letter
        else " ".join(printable(c.notes) for c in s12_claims if c.notes.strip()),
    }
    if estimate is None:
        return CostView(
            **common,
            lines=[],
            total_hours="",
            total_cost="",
            hourly_rate="",
            limit_pounds="",
            limit_hours="",
            exceeds_limit=False,
            method="",
            s16_advice="",
        )
    if for_letter:
        limit = law_at(case.response_date or today()).cost_limit
        rate, limit_pounds = float(limit.hourly_rate_pounds), float(limit.limit_pounds)
    else:
        rate, limit_pounds = estimate.hourly_rate, estimate.limit_pounds
    total_cost = estimate.total_hours * rate
    return CostView(
        **common,
        lines=_cost_lines(estimate),
        total_hours=hours_text(estimate.total_hours),
        total_cost=pounds(round(total_cost, 2)),
        hourly_rate=pounds(rate),
        limit_pounds=pounds(limit_pounds),
        limit_hours=hours_text(limit_pounds / rate),
        exceeds_limit=total_cost > limit_pounds,
        method=printable(estimate.method),
        s16_advice=printable(estimate.s16_advice),
    )


def refusal_view(
    case: Case, outcome: Outcome, citation: str, for_letter: bool = False
) -> RefusalView:
    """A s14 refusal: which questions, the provision, and its reasons: in the letter the answers
    to the catalogue's prompts that reach the requester; in the record the claims' notes too."""
    claims = [c for c in case.claims if c.citation == citation]
    numbers = {i.number for i in case.items_with(outcome)} | {n for c in claims for n in c.items}
    labels = {i.number: i.shown_number for i in case.request.items} if for_letter else None
    reasons = [
        printable(claim.records[prompt.id])
        for claim in claims
        for entry in provision_of(claim).entries
        for prompt in entry.record_prompts
        if prompt.in_letter and claim.records.get(prompt.id, "").strip()
    ]
    if not for_letter:
        reasons += [printable(c.notes) for c in claims if c.notes.strip()]
    return RefusalView(
        shown=bool(numbers),
        questions=questions_label(numbers, shown=labels),
        citation="section " + provision(citation),
        reasons=" ".join(reasons),
    )
