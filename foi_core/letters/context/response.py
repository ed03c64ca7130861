"""The response letter's context: sections appear only when the case needs them.

It carries letter fields only (``foi_core.letters.reach``): evidence, notes, factor rationales,
worksheet answers and who decided stay in the reasoning record.
"""

from __future__ import annotations

from foi_core.bounds import today
from foi_core.deadlines import case_deadlines
from foi_core.knowledge import law_at
from foi_core.models import Case, ClaimMode, OrganisationProfile, Outcome, RequestItem
from foi_core.reasoning.searches import searches_once

from ..text import letter_date, printable, questions_label
from .answers import answers, shown_numbers
from .citations import is_procedural, section
from .claims import aggregate_views
from .header import header_context
from .procedural import cost_view, refusal_view, refuses_for_cost
from .prose import (
    claim_sections,
    classification_sentences,
    conclusions,
    ncnd_caveat,
    ncnd_numbers,
    s40_intro,
)
from .views import (
    AggregateView,
    AnswerView,
    CostView,
    HeaderContext,
    LetterClaimView,
    RefusalView,
    SearchView,
)
from .wording import say


class LetterContext(HeaderContext):
    """Everything the response letter template uses."""

    clarification: str
    searches: str
    item_searches: list[SearchView]
    show_searches: bool
    answers: list[AnswerView]
    late_apology: str
    applicant_blind: bool
    show_exemptions: bool
    claims: list[LetterClaimView]
    any_withheld: bool
    withheld_classes: list[str]
    ncnd_questions: str
    ncnd_classes: list[str]
    harm_heading: str  # empty: no harm section
    overall_harm: str
    show_factors: bool
    s40_intro: str  # empty: no personal information section
    show_balance: bool
    conclusions: list[str]
    aggregates: list[AggregateView]
    ncnd_caveat: str
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


def clarification_note(case: Case) -> str:
    """When we asked for clarification and the clock ran from its receipt (s1(3), s10(6))."""
    asked = case.clarification
    if asked is None or asked.received_on is None:
        return ""
    return say(
        "clarification", asked=letter_date(asked.asked_on), received=letter_date(asked.received_on)
    )


def harm_heading(claims: list[LetterClaimView], overall_harm: str, case: Case) -> str:
    """The harm section's heading: harm in disclosing, in confirming or denying, or both."""
    modes = {c.ncnd for c in claims if c.harm}
    if not modes and overall_harm.strip():
        modes = {bool(ncnd_numbers(case))}
    if not modes:
        return ""
    if modes == {True}:
        return "Harm in confirming or denying"
    if modes == {False}:
        return "Evidence of harm"
    return "Evidence of harm, and harm in confirming or denying"


def _item_searches(case: Case, items: list[RequestItem]) -> list[SearchView]:
    """The searches of the items whose searches differ from the request's."""
    shown = shown_numbers(case)
    return [
        SearchView(
            label=questions_label([i.number], capital=True, shown=shown),
            text=printable(i.searches),
        )
        for i in items
    ]


def build_letter_context(
    case: Case, profile: OrganisationProfile, draft: bool = False
) -> LetterContext:
    """The response letter's context: sections appear only when the case needs them."""
    header = header_context(
        "response", "Response to your request for information", case, profile, draft
    )
    shown = shown_numbers(case)
    law = law_at(case.response_date or today())
    exemption_claims = [c for c in case.claims if not is_procedural(c)]
    general, differing = searches_once(case)  # asked once: items only where they differ
    item_searches = _item_searches(case, differing)
    searches = printable(general)
    claims = claim_sections(case, exemption_claims, shown)
    overall_harm = printable(case.overall_harm)
    aggregates = aggregate_views(case, for_letter=True)
    return LetterContext(
        **dict(header),
        clarification=clarification_note(case),
        searches=searches,
        item_searches=item_searches,
        show_searches=bool(searches.strip() or item_searches),
        answers=answers(case, shown),
        late_apology=late_apology(case),
        applicant_blind=any(section(c.citation) != "21" for c in exemption_claims),
        show_exemptions=bool(exemption_claims),
        claims=claims,
        any_withheld=any(not c.ncnd for c in claims),
        withheld_classes=classification_sentences(claims, ncnd=False),
        ncnd_classes=classification_sentences(claims, ncnd=True),
        ncnd_questions=questions_label(
            {n for c in exemption_claims if c.mode is ClaimMode.NCND for n in c.items}, shown=shown
        ),
        harm_heading=harm_heading(claims, overall_harm, case),
        overall_harm=overall_harm,
        show_factors=any(c.factors for c in claims),
        s40_intro=s40_intro(claims, law),
        show_balance=bool(aggregates or any(c.balance or c.conclusion for c in claims)),
        conclusions=conclusions(claims),
        aggregates=aggregates,
        ncnd_caveat=ncnd_caveat(case, shown),
        cost=cost_view(case, shown=refuses_for_cost(case), for_letter=True),
        vexatious=refusal_view(case, Outcome.VEXATIOUS, "s14(1)", for_letter=True),
        repeated=refusal_view(case, Outcome.REPEATED, "s14(2)", for_letter=True),
    )
