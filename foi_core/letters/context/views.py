"""The pydantic views every letter shares: the header, the claims, the balances and refusals.

Each view's JSON dump is exactly what the template sees; every field is a plain value or a
nested view, so a template can be checked against these models (``foi_core.letters.schema``).
"""

from __future__ import annotations

from typing import TypeVar

from pydantic import BaseModel, ConfigDict


class View(BaseModel):
    """A letter view: unknown fields refused."""

    model_config = ConfigDict(extra="forbid")


# --- The header: who writes to whom, about what ------------------------------------------------


class OrganisationView(View):
    name: str
    unit: str
    address: str
    email: str
    phone: str
    website: str
    review_procedure: str
    ico_details: str
    copyright_notice: str
    signatory_name: str
    signatory_role: str
    has_logo: bool


class RequesterView(View):
    name: str
    contact: str
    address: str


class ItemView(View):
    number: str  # as the requester numbered it (3a), else the item number
    text: str


class HeaderContext(View):
    """What the page header, the address block and the sign-off need."""

    kind: str
    document_title: str
    draft: bool
    draft_marker: str
    organisation: OrganisationView
    requester: RequesterView
    our_ref: str
    their_ref: str
    date: str
    received: str
    items: list[ItemView]
    request_text: str


# --- Requests, claims and refusals ---------------------------------------------------------------


class SearchView(View):
    label: str
    text: str


class LetterParagraph(View):
    """One paragraph of composed prose: ``style`` is "text", "detail" (indented, the
    requester's or officer's own words set apart) or "bullet"."""

    text: str
    style: str = "text"  # "text", "detail", "bullet" or "lead" (bold, before a list)


class AnswerView(View):
    """The answer to one question (or neighbouring questions answered alike)."""

    label: str
    numbers: list[int]
    paragraphs: list[LetterParagraph]  # what the letter prints, in order
    discretionary: str  # given outside the Act, after the fixed "discretionary_lead"
    answer: str  # the officer's answer and where to find it, for an organisation's own template
    where_to_find: str


class LetterClaimView(View):
    """One use of an exemption in the response letter, its parts printed once each in the
    letter's sections: the list of exemptions, harm, public interest, personal data, balance."""

    id: str
    heading: str  # "Section 31(1)(a), (b) and (c) – Law enforcement"
    short: str  # "Section 31(1)(a), (b) and (c)" (with its questions when a section is reused)
    citations: str  # "section 31(1)(a), (b) and (c)": the provisions relied on
    reference_note: str  # NCND: "neither confirm nor deny, by reference to section 31(1)(a)"
    questions: str
    line: str  # its line in the list of exemptions: heading, reference note and questions
    ncnd: bool
    explanation: str  # absolute or qualified, said for every claim of the same kind at once
    harm: list[LetterParagraph]
    factors: list[LetterParagraph]
    personal: list[LetterParagraph]
    balance: list[LetterParagraph]
    conclusion: str  # the balance's conclusion, shared with claims that reached the same one


class FactorView(View):
    side: str
    text: str
    rationale: str
    weight: str
    library_id: str


class HarmView(View):
    shown: bool
    interest: str
    causal_chain: str
    likelihood: str
    likelihood_sentence: str
    mosaic: str
    precedent: str
    evidence: str


class PitView(View):
    shown: bool
    for_heading: str
    against_heading: str
    factors_for: list[FactorView]
    factors_against: list[FactorView]


class BalanceView(View):
    shown: bool
    conclusion: str
    conclusion_sentence: str
    reasoning: str
    decided_by: str
    decided_on: str


class LegitimateInterestsView(View):
    shown: bool
    legitimate_interest: str
    necessity: str
    balancing: str
    lawful: str
    conclusion_sentence: str


class QpView(View):
    shown: bool
    name: str
    role: str
    opinion_date: str
    limb: str
    reasons: str
    sentence: str


TextView = TypeVar("TextView", HarmView, BalanceView, LegitimateInterestsView, QpView)


def not_recorded(view: type[TextView]) -> TextView:
    """The view of a part of a claim that is not recorded: not shown, every text empty."""
    return view(shown=False, **dict.fromkeys(view.model_fields.keys() - {"shown"}, ""))


class ClaimView(View):
    id: str
    citation: str
    cited: str
    heading: str
    title: str
    kind: str
    ncnd: bool
    mode_label: str
    reference_note: str
    questions: str
    classification: str
    test: str
    explanation: str
    in_the_alternative: bool
    alternative_note: str
    notes: str
    harm: HarmView
    pit: PitView
    balance: BalanceView
    legitimate_interests: LegitimateInterestsView
    qp_opinion: QpView


class ClaimLineView(View):
    """A claim named in a list: heading, NCND reference and questions (the extension letter)."""

    heading: str
    reference_note: str
    questions: str


class AggregateView(View):
    citations: str
    questions: str
    statement: str
    conclusion: str
    conclusion_sentence: str
    reasoning: str
    decided_by: str
    decided_on: str


class CostLineView(View):
    activity: str
    description: str
    records: str
    minutes_each: str
    total: str


class CostView(View):
    shown: bool
    questions: str
    citation: str
    lines: list[CostLineView]
    total_hours: str
    total_cost: str
    hourly_rate: str
    limit_pounds: str
    limit_hours: str
    exceeds_limit: bool
    method: str
    s16_advice: str
    reasons: str


class RefusalView(View):
    """A s14 refusal: which questions, the provision, and any reasons recorded on the claim."""

    shown: bool
    questions: str
    citation: str
    reasons: str
