"""The procedural refusals: the s12 cost limit (with the estimate) and s14 (vexatious, repeated)."""

from __future__ import annotations

from foi_core.models import Case, CostEstimate, Outcome

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


def cost_view(case: Case, shown: bool) -> CostView:
    """The s12 refusal: which questions, the provision, and the estimate when recorded."""
    estimate = case.cost_estimate
    s12_claims = [c for c in case.claims if section(c.citation) == "12"]
    numbers = {i.number for i in case.items_with(Outcome.COST_LIMIT)}
    numbers |= {n for c in s12_claims for n in c.items}
    common = {
        "shown": shown,
        "questions": questions_label(numbers),
        "citation": citations(s12_claims) or "section 12",
        "reasons": " ".join(printable(c.notes) for c in s12_claims if c.notes.strip()),
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
    return CostView(
        **common,
        lines=_cost_lines(estimate),
        total_hours=hours_text(estimate.total_hours),
        total_cost=pounds(round(estimate.total_cost, 2)),
        hourly_rate=pounds(estimate.hourly_rate),
        limit_pounds=pounds(estimate.limit_pounds),
        limit_hours=hours_text(estimate.limit_hours),
        exceeds_limit=estimate.exceeds_limit,
        method=printable(estimate.method),
        s16_advice=printable(estimate.s16_advice),
    )


def refusal_view(case: Case, outcome: Outcome, citation: str) -> RefusalView:
    """A s14 refusal: which questions, the provision, and any reasons recorded on the claim."""
    claims = [c for c in case.claims if c.citation == citation]
    numbers = {i.number for i in case.items_with(outcome)} | {n for c in claims for n in c.items}
    return RefusalView(
        shown=bool(numbers),
        questions=questions_label(numbers),
        citation="section " + provision(citation),
        reasons=" ".join(printable(c.notes) for c in claims if c.notes.strip()),
    )
