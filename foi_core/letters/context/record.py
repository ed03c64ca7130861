"""The reasoning record's context: every step, who decided and when, findings, audit.

The record is the authority's internal record: it leaves out the requester's name, contact
details and address (blank here, and masked wherever they were typed into free text).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from foi_core.models import OUTCOME_LABELS, Case, ExemptionClaim, OrganisationProfile
from foi_core.personal_data import without_personal_data

from ..text import letter_date, printable
from .answers import shown_numbers
from .citations import exemption
from .claim_parts import factor_view
from .claims import aggregate_views, claim_views
from .header import header_context
from .procedural import cost_view
from .trail import (
    AuditRow,
    AuditView,
    DatedView,
    FindingView,
    IssuedView,
    audit_view,
    finding_views,
    issued_views,
    timeline,
)
from .views import (
    AggregateView,
    ClaimView,
    CostView,
    FactorView,
    HeaderContext,
    SearchView,
    View,
)

if TYPE_CHECKING:
    from foi_core.checker import Finding


class RecordItemView(View):
    number: str  # as the requester numbered it
    text: str
    outcome: str
    answer: str
    where_to_find: str
    searches: str
    notes: str


class RecordClaimView(ClaimView):
    mode: str
    prompt_answers: list[SearchView]
    all_factors: list[FactorView]


class RecordContext(HeaderContext):
    case_title: str
    status: str
    decision_maker: str
    generated_at: str
    searches: str
    record_items: list[RecordItemView]
    record_claims: list[RecordClaimView]
    overall_harm: str
    aggregates: list[AggregateView]
    cost: CostView
    cost_recorded: bool
    timeline: list[DatedView]
    deadline_notes: list[str]
    deadline_warnings: list[str]
    findings: list[FindingView]
    issued: list[IssuedView]
    audit: list[AuditView]


def _record_items(case: Case) -> list[RecordItemView]:
    return [
        RecordItemView(
            number=item.shown_number,
            text=printable(item.text),
            outcome=OUTCOME_LABELS[item.outcome] if item.outcome else "Not decided",
            answer=printable(item.answer),
            where_to_find=printable(item.where_to_find),
            searches=printable(item.searches),
            notes=printable(item.notes),
        )
        for item in case.request.items
    ]


def _record_claim(claim: ExemptionClaim, view: ClaimView) -> RecordClaimView:
    """The letter's view of the claim, plus its mode, harm prompt answers and every factor."""
    entry = exemption(claim)
    questions = {p.id: p.question for p in entry.harm_prompts} if entry else {}
    answers = claim.harm.prompt_answers if claim.harm else {}
    prompt_answers = [
        SearchView(label=printable(questions.get(key, key)), text=printable(value))
        for key, value in answers.items()
    ]
    factors = [factor_view(f) for f in claim.pit.factors] if claim.pit else []
    return RecordClaimView(
        **view.model_dump(),
        mode=claim.mode.value,
        prompt_answers=prompt_answers,
        all_factors=factors,
    )


def build_record_context(
    case: Case,
    profile: OrganisationProfile,
    findings: Sequence[Finding] = (),
    audit: Iterable[AuditRow] = (),
    generated_at: dt.datetime | None = None,
) -> RecordContext:
    """The reasoning record's context: every step, who decided and when, findings, audit.

    The requester is left out (see the module docstring).
    """
    case = without_personal_data(case)
    header = header_context("reasoning_record", "Reasoning record", case, profile, False)
    generated = generated_at or dt.datetime.now(dt.UTC)
    dates, notes, warnings = timeline(case)
    estimate = case.cost_estimate
    views = claim_views(case.claims, shown_numbers(case)).values()
    return RecordContext(
        **dict(header),
        case_title=printable(case.title),
        status=case.status.value,
        decision_maker=printable(case.decision_maker),
        generated_at=f"{letter_date(generated.date())} at {generated:%H:%M} UTC",
        searches=printable(case.request.searches),
        record_items=_record_items(case),
        record_claims=[
            _record_claim(claim, view) for claim, view in zip(case.claims, views, strict=True)
        ],
        overall_harm=printable(case.overall_harm),
        aggregates=aggregate_views(case),
        cost=cost_view(case, shown=estimate is not None),
        cost_recorded=estimate is not None,
        timeline=dates,
        deadline_notes=notes,
        deadline_warnings=warnings,
        findings=finding_views(findings),
        issued=issued_views(case),
        audit=[audit_view(entry) for entry in audit],
    )
