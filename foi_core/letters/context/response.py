"""The response letter's context: sections appear only when the case needs them."""

from __future__ import annotations

from foi_core.bounds import today
from foi_core.deadlines import case_deadlines
from foi_core.models import Case, ClaimMode, OrganisationProfile, Outcome

from ..text import letter_date, printable, questions_label
from .answers import answers
from .citations import is_procedural, section
from .claims import aggregate_views, claim_views
from .header import header_context
from .procedural import cost_view, refusal_view, refuses_for_cost
from .views import (
    AggregateView,
    AnswerView,
    ClaimView,
    CostView,
    HeaderContext,
    RefusalView,
    SearchView,
)
from .wording import say


class LetterContext(HeaderContext):
    """Everything the response letter template uses."""

    searches: str
    item_searches: list[SearchView]
    show_searches: bool
    answers: list[AnswerView]
    late_apology: str
    applicant_blind: bool
    show_exemptions: bool
    claims: list[ClaimView]
    withheld_claims: list[ClaimView]
    ncnd_claims: list[ClaimView]
    ncnd_questions: str
    any_qualified: bool
    any_absolute: bool
    any_notes: bool
    show_harm: bool
    harm_heading: str
    overall_harm: str
    harm_claims: list[ClaimView]
    pit_claims: list[ClaimView]
    s40_claims: list[ClaimView]
    show_balance: bool
    balance_claims: list[ClaimView]
    aggregates: list[AggregateView]
    has_ncnd: bool
    cost: CostView
    vexatious: RefusalView
    repeated: RefusalView


def late_apology(case: Case) -> str:
    """An apology when the letter goes out after the time limit (s10(1), or the s10(3) date)."""
    final_due = case_deadlines(case).final_due  # None when it cannot be counted
    sent = case.response_date or today()
    if final_due is None or sent <= final_due:
        return ""
    return say("late_apology", due=letter_date(final_due))


def _item_searches(case: Case) -> list[SearchView]:
    """The searches recorded for each item (the items without any left out)."""
    return [
        SearchView(label=questions_label([i.number], capital=True), text=printable(i.searches))
        for i in case.request.items
        if i.searches.strip()
    ]


def _harm_heading(harm_claims: list[ClaimView], has_ncnd: bool, overall_harm: str) -> str:
    """The harm section's heading: harm in disclosing, in confirming or denying, or both."""
    modes = {v.ncnd for v in harm_claims} or ({has_ncnd} if overall_harm.strip() else set())
    if modes == {True}:
        return "Harm in confirming or denying"
    if modes == {False}:
        return "Evidence of harm"
    return "Evidence of harm, and harm in confirming or denying"


def build_letter_context(
    case: Case, profile: OrganisationProfile, draft: bool = False
) -> LetterContext:
    """The response letter's context: sections appear only when the case needs them."""
    header = header_context(
        "response", "Response to your request for information", case, profile, draft
    )
    exemption_claims = [c for c in case.claims if not is_procedural(c)]
    views = claim_views(exemption_claims)
    claims = [views[c.id] for c in exemption_claims]
    ncnd = [v for v in claims if v.ncnd]
    ncnd_numbers = {n for c in exemption_claims if c.mode is ClaimMode.NCND for n in c.items}
    harm_claims = [v for v in claims if v.harm.shown]
    overall_harm = printable(case.overall_harm)
    balance_claims = [v for v in claims if v.balance.shown]
    aggregates = aggregate_views(case)
    item_searches = _item_searches(case)
    searches = printable(case.request.searches)
    return LetterContext(
        **dict(header),
        searches=searches,
        item_searches=item_searches,
        show_searches=bool(searches.strip() or item_searches),
        answers=answers(case),
        late_apology=late_apology(case),
        applicant_blind=any(section(c.citation) != "21" for c in exemption_claims),
        show_exemptions=bool(claims),
        claims=claims,
        withheld_claims=[v for v in claims if not v.ncnd],
        ncnd_claims=ncnd,
        ncnd_questions=questions_label(ncnd_numbers),
        any_qualified=any(v.classification == "qualified" for v in claims),
        any_absolute=any(v.classification == "absolute" for v in claims),
        any_notes=any(v.notes.strip() for v in claims),
        show_harm=bool(harm_claims or overall_harm.strip()),
        harm_heading=_harm_heading(harm_claims, bool(ncnd), overall_harm),
        overall_harm=overall_harm,
        harm_claims=harm_claims,
        pit_claims=[v for v in claims if v.pit.shown],
        s40_claims=[v for v in claims if v.legitimate_interests.shown],
        show_balance=bool(balance_claims or aggregates),
        balance_claims=balance_claims,
        aggregates=aggregates,
        has_ncnd=bool(ncnd),
        cost=cost_view(case, shown=refuses_for_cost(case)),
        vexatious=refusal_view(case, Outcome.VEXATIOUS, "s14(1)"),
        repeated=refusal_view(case, Outcome.REPEATED, "s14(2)"),
    )
