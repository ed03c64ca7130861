"""The data a letter template sees, built from a Case, the OrganisationProfile and the catalogue.

Every context is a pydantic model whose JSON dump is exactly the dictionary handed to the
template, so an issued letter can store the context it was rendered from. All user text passes
through ``printable`` (see ``foi_core.letters.text``), the only alteration made to it. Computed
sentences come from ``wording.yaml``; fixed paragraphs live in the .docx templates.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import functools
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TypeVar

import yaml
from pydantic import BaseModel, ConfigDict

from foi_core.bounds import today
from foi_core.knowledge import Exemption, load_catalogue
from foi_core.models import (
    LIKELIHOOD_LABELS,
    OUTCOME_LABELS,
    Case,
    ClaimMode,
    ExemptionClaim,
    OrganisationProfile,
    Outcome,
    RequestItem,
    Side,
)
from foi_core.personal_data import without_personal_data

from .errors import LetterDataError
from .text import (
    hours_text,
    join_words,
    letter_date,
    minutes_text,
    pounds,
    printable,
    provision,
    questions_label,
)

WORDING_PATH = Path(__file__).resolve().parent / "wording.yaml"
DRAFT_MARKER = "DRAFT – NOT FOR ISSUE"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"

_SIDE_LABEL = {Side.FOR: "For", Side.AGAINST: "Against"}


@functools.cache
def wording() -> dict:
    """The default computed wording (wording.yaml), loaded once."""
    with WORDING_PATH.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def _say(*path: str, **values: str) -> str:
    """The wording at ``path`` with its {placeholders} filled in."""
    node: object = wording()
    for key in path:
        node = node[key]  # type: ignore[index]
    return " ".join(str(node).split()).format(**values)


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


class _View(BaseModel):
    model_config = ConfigDict(extra="forbid")


# --- Views shared by every letter ---------------------------------------------------------------


class OrganisationView(_View):
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


class RequesterView(_View):
    name: str
    contact: str
    address: str


class ItemView(_View):
    number: int
    text: str


class HeaderContext(_View):
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


# --- The response letter ----------------------------------------------------------------------


class SearchView(_View):
    label: str
    text: str


class AnswerView(_View):
    label: str
    lead: str
    answer: str
    where_lead: str
    where_to_find: str
    refusal: str


class FactorView(_View):
    side: str
    text: str
    rationale: str
    weight: str
    library_id: str


class HarmView(_View):
    shown: bool
    interest: str
    causal_chain: str
    likelihood: str
    likelihood_sentence: str
    mosaic: str
    precedent: str
    evidence: str


class PitView(_View):
    shown: bool
    for_heading: str
    against_heading: str
    factors_for: list[FactorView]
    factors_against: list[FactorView]


class BalanceView(_View):
    shown: bool
    conclusion: str
    conclusion_sentence: str
    reasoning: str
    decided_by: str
    decided_on: str


class LegitimateInterestsView(_View):
    shown: bool
    legitimate_interest: str
    necessity: str
    balancing: str
    lawful: str
    conclusion_sentence: str


class QpView(_View):
    shown: bool
    name: str
    role: str
    opinion_date: str
    limb: str
    reasons: str
    sentence: str


_TextView = TypeVar("_TextView", HarmView, BalanceView, LegitimateInterestsView, QpView)


def _not_recorded(view: type[_TextView]) -> _TextView:
    """The view of a part of a claim that is not recorded: not shown, every text empty."""
    return view(shown=False, **dict.fromkeys(view.model_fields.keys() - {"shown"}, ""))


class ClaimView(_View):
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


class AggregateView(_View):
    citations: str
    questions: str
    statement: str
    conclusion: str
    conclusion_sentence: str
    reasoning: str
    decided_by: str
    decided_on: str


class CostLineView(_View):
    activity: str
    description: str
    records: str
    minutes_each: str
    total: str


class CostView(_View):
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


class RefusalView(_View):
    """A s14 refusal: which questions, the provision, and any reasons recorded on the claim."""

    shown: bool
    questions: str
    citation: str
    reasons: str


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


# --- The PIT extension letter and the reasoning record -------------------------------------------


class PitExtensionContext(HeaderContext):
    engaged_claims: list[ClaimView]
    estimated_date: str
    original_due: str
    reason: str
    decision_maker: str


class RecordItemView(_View):
    number: int
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


class FindingView(_View):
    severity: str
    rule_id: str
    message: str
    fix: str
    provision: str
    step: str


class AuditView(_View):
    at: str
    actor: str
    action: str
    summary: str


class DatedView(_View):
    label: str
    value: str


class IssuedView(_View):
    kind: str
    issued_at: str
    template_name: str
    template_sha256: str
    document_sha256: str
    draft: str


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


# --- Building ----------------------------------------------------------------------------------


def _exemption(claim: ExemptionClaim) -> Exemption | None:
    return load_catalogue().get(claim.citation)


def _section(citation: str) -> str:
    digits = provision(citation)
    return digits.split("(", 1)[0]


def _is_procedural(claim: ExemptionClaim) -> bool:
    entry = _exemption(claim)
    if entry is not None:
        return entry.kind == "procedural"
    return _section(claim.citation) in {"12", "14"}


def _substantive_citation(claim: ExemptionClaim, entry: Exemption | None) -> str:
    """'section 31(1)(a)' (or the catalogue's cite_as, e.g. for s40(2))."""
    return entry.letter_citation if entry else "section " + provision(claim.citation)


def _cited(claim: ExemptionClaim, entry: Exemption | None) -> str:
    """The provision the letter relies on: the NCND provision for an NCND claim."""
    if claim.mode is ClaimMode.NCND and entry is not None and entry.ncnd_provision:
        return "section " + provision(entry.ncnd_provision)
    return _substantive_citation(claim, entry)


def _organisation(profile: OrganisationProfile) -> OrganisationView:
    return OrganisationView(
        name=printable(profile.name),
        unit=printable(profile.unit),
        address=printable(profile.address),
        email=printable(profile.email),
        phone=printable(profile.phone),
        website=printable(profile.website),
        review_procedure=printable(profile.review_procedure),
        ico_details=printable(profile.ico_details),
        copyright_notice=printable(profile.copyright_notice),
        signatory_name=printable(profile.signatory_name),
        signatory_role=printable(profile.signatory_role),
        has_logo=bool(profile.logo_png_base64.strip()),
    )


def logo_png(profile: OrganisationProfile) -> bytes | None:
    """The profile's logo as PNG bytes, None without one; LetterDataError if it is not a PNG."""
    encoded = profile.logo_png_base64.strip()
    if not encoded:
        return None
    try:
        data = base64.b64decode(encoded, validate=True)
    except (binascii.Error, ValueError):
        raise LetterDataError(
            "The organisation logo is not valid base64 text; upload the PNG file again."
        ) from None
    if not data.startswith(PNG_SIGNATURE):
        raise LetterDataError("The organisation logo is not a PNG image; upload a .png file.")
    return data


def _header(kind: str, title: str, case: Case, profile: OrganisationProfile, draft: bool) -> dict:
    request = case.request
    date = case.response_date or today()
    return {
        "kind": kind,
        "document_title": f"{DRAFT_MARKER}: {title}" if draft else title,
        "draft": draft,
        "draft_marker": DRAFT_MARKER if draft else "",
        "organisation": _organisation(profile),
        "requester": RequesterView(
            name=printable(case.requester.name),
            contact=printable(case.requester.contact),
            address=printable(case.requester.address),
        ),
        "our_ref": printable(request.our_ref),
        "their_ref": printable(request.their_ref),
        "date": letter_date(date),
        "received": letter_date(request.received),
        "items": [ItemView(number=i.number, text=printable(i.text)) for i in request.items],
        "request_text": printable(request.text),
    }


def _factor(factor) -> FactorView:
    return FactorView(
        side=_SIDE_LABEL[factor.side],
        text=printable(factor.text),
        rationale=printable(factor.rationale),
        weight=factor.weight.value,
        library_id=factor.library_id or "",
    )


def _claim_view(claim: ExemptionClaim, name_questions: bool = False) -> ClaimView:
    """The letter's view of one claim; ``name_questions`` adds the questions to its headings
    (used when two claims rely on the same provision for different questions)."""
    entry = _exemption(claim)
    ncnd = claim.mode is ClaimMode.NCND
    mode_key = "ncnd" if ncnd else "withhold"
    act = _say("acts", mode_key)
    cited = _cited(claim, entry)
    title = entry.title if entry else "Provision not in our catalogue"
    questions = questions_label(claim.items)
    short = f"{_capital(cited)} ({questions})" if name_questions else _capital(cited)
    heading = f"{short} – {title}"
    substantive = _substantive_citation(claim, entry)
    reference_note = (
        _say("ncnd_reference", provision=substantive) if ncnd and cited != substantive else ""
    )

    if entry is None:
        classification, explanation = "not recorded", _say("classification", "unknown")
    elif entry.kind == "procedural":
        classification, explanation = "procedural", ""
    elif entry.absolute:
        classification = "absolute"
        explanation = _say("classification", "absolute")
    else:
        classification = "qualified"
        explanation = _say("classification", f"qualified_{mode_key}")
    if entry is not None and entry.kind != "procedural":
        test_sentence = _say("tests", entry.test, act=act)
        explanation = f"{explanation} {test_sentence}".strip()

    harm = claim.harm
    harm_view = _not_recorded(HarmView)
    if harm is not None:
        harm_view = HarmView(
            shown=any(
                [
                    harm.interest.strip(),
                    harm.causal_chain.strip(),
                    harm.likelihood,
                    harm.mosaic.strip(),
                    harm.precedent.strip(),
                    harm.evidence.strip(),
                ]
            ),
            interest=printable(harm.interest),
            causal_chain=printable(harm.causal_chain),
            likelihood=LIKELIHOOD_LABELS[harm.likelihood] if harm.likelihood else "",
            likelihood_sentence=(
                _capital(_say("likelihood", harm.likelihood.value, act=act))
                if harm.likelihood
                else ""
            ),
            mosaic=printable(harm.mosaic),
            precedent=printable(harm.precedent),
            evidence=printable(harm.evidence),
        )

    pit = claim.pit
    factors_for = [_factor(f) for f in pit.factors_for] if pit else []
    factors_against = [_factor(f) for f in pit.factors_against] if pit else []
    pit_view = PitView(
        shown=bool(factors_for or factors_against),
        for_heading=_say("pit_headings", f"{mode_key}_for", heading=short),
        against_heading=_say("pit_headings", f"{mode_key}_against", heading=short),
        factors_for=factors_for,
        factors_against=factors_against,
    )

    balance = pit.balance if pit else None
    balance_view = _not_recorded(BalanceView)
    if balance is not None:
        balance_view = BalanceView(
            shown=True,
            conclusion=balance.conclusion.value,
            conclusion_sentence=_say("conclusion", f"{balance.conclusion.value}_{mode_key}"),
            reasoning=printable(balance.reasoning),
            decided_by=printable(balance.decided_by),
            decided_on=letter_date(balance.decided_on),
        )

    li = claim.legitimate_interests
    if li is None:
        li_view = _not_recorded(LegitimateInterestsView)
    else:
        if li.disclosure_lawful is None:
            lawful, key = "not decided", "undecided"
        elif li.disclosure_lawful:
            lawful, key = "yes", "lawful"
        else:
            lawful, key = "no", f"unlawful_{mode_key}"
        li_view = LegitimateInterestsView(
            shown=True,
            legitimate_interest=printable(li.legitimate_interest),
            necessity=printable(li.necessity),
            balancing=printable(li.balancing),
            lawful=lawful,
            conclusion_sentence=_say("s40_conclusion", key, citation=cited),
        )

    qp = claim.qp_opinion
    if qp is None:
        qp_view = _not_recorded(QpView)
    else:
        who = ", ".join(t for t in (printable(qp.name), printable(qp.role)) if t)
        who = who or "the qualified person"
        limb = printable(qp.limb) or substantive
        qp_view = QpView(
            shown=True,
            name=printable(qp.name),
            role=printable(qp.role),
            opinion_date=letter_date(qp.opinion_date),
            limb=printable(qp.limb),
            reasons=printable(qp.reasons),
            sentence=_say(
                "qp_opinion",
                who=who,
                date=letter_date(qp.opinion_date) or "a date not recorded",
                act=act,
                limb=limb,
            ),
        )

    return ClaimView(
        id=claim.id,
        citation=claim.citation,
        cited=cited,
        heading=heading,
        title=title,
        kind=entry.kind if entry else "unknown",
        ncnd=ncnd,
        mode_label="neither confirm nor deny" if ncnd else "withhold",
        reference_note=reference_note,
        questions=questions,
        classification=classification,
        test=entry.test if entry else "",
        explanation=explanation,
        in_the_alternative=claim.in_the_alternative,
        alternative_note=(
            _say("in_the_alternative", citation=cited) if claim.in_the_alternative else ""
        ),
        notes=printable(claim.notes),
        harm=harm_view,
        pit=pit_view,
        balance=balance_view,
        legitimate_interests=li_view,
        qp_opinion=qp_view,
    )


def _claim_views(claims: Sequence[ExemptionClaim]) -> dict[str, ClaimView]:
    """Views by claim id; a provision relied on more than once names its questions."""
    cited = [(_cited(c, _exemption(c)), c.mode) for c in claims]
    return {
        c.id: _claim_view(c, name_questions=cited.count(key) > 1)
        for c, key in zip(claims, cited, strict=True)
    }


def _citations(claims: Iterable[ExemptionClaim], ncnd: bool | None = None) -> str:
    """'sections 24(2) and 31(3)' for the given claims (deduplicated, in order)."""
    cited: list[str] = []
    for claim in claims:
        if ncnd is not None and (claim.mode is ClaimMode.NCND) != ncnd:
            continue
        text = _cited(claim, _exemption(claim))
        if text not in cited:
            cited.append(text)
    if len(cited) > 1 and all(c.startswith("section ") for c in cited):
        return "sections " + join_words([c.removeprefix("section ") for c in cited])
    return join_words(cited)


def _answer_parts(case: Case, item: RequestItem) -> tuple[str, str, str]:
    """(lead, where_lead, refusal): our sentences around the officer's answer for one item."""
    claims = case.claims_for_item(item.number)
    s21 = [c for c in claims if _section(c.citation) == "21"]
    procedural = [c for c in claims if _is_procedural(c)]
    exemptions = [c for c in claims if c not in s21 and c not in procedural]
    withheld = [c for c in exemptions if c.mode is ClaimMode.WITHHOLD]
    ncnd = [c for c in exemptions if c.mode is ClaimMode.NCND]
    s21_citation = _citations(s21) or "section 21"
    outcome = item.outcome

    lead = ""
    if outcome is None:
        lead = _say("answers", "undecided")
    elif outcome is Outcome.NOT_HELD:
        lead = _say("answers", "not_held")
    elif outcome is Outcome.ACCESSIBLE_ELSEWHERE:
        lead = _say("answers", "accessible_elsewhere", citation=s21_citation)

    where_lead = ""
    if item.where_to_find.strip():
        if outcome is Outcome.ACCESSIBLE_ELSEWHERE:
            where_lead = _say("answers", "where_to_find")
        elif s21:
            where_lead = _say("answers", "where_to_find_s21", citation=s21_citation)
        else:
            where_lead = _say("answers", "where_to_find")

    something_given = bool(item.answer.strip() or item.where_to_find.strip())
    refusals: list[str] = []
    if withheld:
        key = "exempt_rest" if something_given else "exempt"
        refusals.append(_say("answers", key, citations=_citations(withheld)))
    if ncnd:
        key = "ncnd_rest" if something_given else "ncnd"
        refusals.append(_say("answers", key, citations=_citations(ncnd)))
    procedural_keys = {
        Outcome.COST_LIMIT: ("cost_limit", "12", "section 12"),
        Outcome.VEXATIOUS: ("vexatious", "14", "section 14(1)"),
        Outcome.REPEATED: ("repeated", "14", "section 14(2)"),
    }
    if outcome in procedural_keys:
        key, section, fallback = procedural_keys[outcome]
        own = [c for c in procedural if _section(c.citation) == section]
        refusals.append(_say("answers", key, citation=_citations(own) or fallback))
    return lead, where_lead, " ".join(refusals)


def _answers(case: Case) -> list[AnswerView]:
    """One answer per item; neighbouring items with the same wording and no own text share one."""
    groups: list[tuple[list[int], tuple[str, str, str], RequestItem]] = []
    for item in case.request.items:
        parts = _answer_parts(case, item)
        plain = not (item.answer.strip() or item.where_to_find.strip())
        if groups and plain:
            numbers, previous_parts, previous = groups[-1]
            previous_plain = not (previous.answer.strip() or previous.where_to_find.strip())
            if previous_plain and previous_parts == parts and previous.outcome == item.outcome:
                numbers.append(item.number)
                continue
        groups.append(([item.number], parts, item))
    answers = []
    for numbers, (lead, where_lead, refusal), item in groups:
        answers.append(
            AnswerView(
                label=questions_label(numbers, capital=True),
                lead=lead,
                answer=printable(item.answer),
                where_lead=where_lead,
                where_to_find=printable(item.where_to_find),
                refusal=refusal,
            )
        )
    return answers


def _aggregates(case: Case) -> list[AggregateView]:
    views = []
    for agg in case.aggregate_balances:
        claims = [case.claim(cid) for cid in agg.claim_ids]
        ncnd = any(c.mode is ClaimMode.NCND for c in claims)
        mode_key = "ncnd" if ncnd else "withhold"
        items = agg.items or sorted({n for c in claims for n in c.items})
        questions = questions_label(items) or "the questions concerned"
        citations = _citations(claims)
        views.append(
            AggregateView(
                citations=citations,
                questions=questions,
                statement=_say("aggregate", questions=questions, citations=citations),
                conclusion=agg.conclusion.value,
                conclusion_sentence=_say("conclusion", f"{agg.conclusion.value}_{mode_key}"),
                reasoning=printable(agg.reasoning),
                decided_by=printable(agg.decided_by),
                decided_on=letter_date(agg.decided_on),
            )
        )
    return views


def _cost(case: Case, shown: bool) -> CostView:
    estimate = case.cost_estimate
    s12_claims = [c for c in case.claims if _section(c.citation) == "12"]
    numbers = {i.number for i in case.items_with(Outcome.COST_LIMIT)}
    numbers |= {n for c in s12_claims for n in c.items}
    reasons = " ".join(printable(c.notes) for c in s12_claims if c.notes.strip())
    if estimate is None:
        return CostView(
            shown=shown,
            questions=questions_label(numbers),
            citation=_citations(s12_claims) or "section 12",
            lines=[],
            total_hours="",
            total_cost="",
            hourly_rate="",
            limit_pounds="",
            limit_hours="",
            exceeds_limit=False,
            method="",
            s16_advice="",
            reasons=reasons,
        )
    lines = [
        CostLineView(
            activity=_say("cost_activities", line.activity.value),
            description=printable(line.description),
            records=f"{line.records:,}",
            minutes_each=minutes_text(line.minutes_each),
            total=hours_text(line.minutes / 60),
        )
        for line in estimate.lines
    ]
    return CostView(
        shown=shown,
        questions=questions_label(numbers),
        citation=_citations(s12_claims) or "section 12",
        lines=lines,
        total_hours=hours_text(estimate.total_hours),
        total_cost=pounds(round(estimate.total_cost, 2)),
        hourly_rate=pounds(estimate.hourly_rate),
        limit_pounds=pounds(estimate.limit_pounds),
        limit_hours=hours_text(estimate.limit_hours),
        exceeds_limit=estimate.exceeds_limit,
        method=printable(estimate.method),
        s16_advice=printable(estimate.s16_advice),
        reasons=reasons,
    )


def _refusal(case: Case, outcome: Outcome, citation: str) -> RefusalView:
    claims = [c for c in case.claims if c.citation == citation]
    numbers = {i.number for i in case.items_with(outcome)} | {n for c in claims for n in c.items}
    return RefusalView(
        shown=bool(numbers),
        questions=questions_label(numbers),
        citation="section " + provision(citation),
        reasons=" ".join(printable(c.notes) for c in claims if c.notes.strip()),
    )


def _late_apology(case: Case) -> str:
    """An apology when the letter goes out after the time limit (s10(1), or the s10(3) date)."""
    from foi_core.deadlines import DeadlineError, case_deadlines

    try:
        deadlines = case_deadlines(case)
    except DeadlineError:
        return ""
    final_due = deadlines.final_due
    sent = case.response_date or today()
    if final_due is None or sent <= final_due:
        return ""
    return _say("late_apology", due=letter_date(final_due))


def build_letter_context(
    case: Case, profile: OrganisationProfile, draft: bool = False
) -> LetterContext:
    """The response letter's context: sections appear only when the case needs them."""
    header = _header("response", "Response to your request for information", case, profile, draft)
    exemption_claims = [c for c in case.claims if not _is_procedural(c)]
    views = _claim_views(exemption_claims)
    claims = [views[c.id] for c in exemption_claims]
    withheld = [v for v in claims if not v.ncnd]
    ncnd = [v for v in claims if v.ncnd]
    ncnd_numbers = {n for c in exemption_claims if c.mode is ClaimMode.NCND for n in c.items}
    harm_claims = [v for v in claims if v.harm.shown]
    overall_harm = printable(case.overall_harm)
    harm_modes = {v.ncnd for v in harm_claims} or ({bool(ncnd)} if overall_harm.strip() else set())
    if harm_modes == {True}:
        harm_heading = "Harm in confirming or denying"
    elif harm_modes == {False}:
        harm_heading = "Evidence of harm"
    else:
        harm_heading = "Evidence of harm, and harm in confirming or denying"
    balance_claims = [v for v in claims if v.balance.shown]
    aggregates = _aggregates(case)
    refuses_for_cost = bool(case.items_with(Outcome.COST_LIMIT)) or any(
        _section(c.citation) == "12" for c in case.claims
    )
    item_searches = [
        SearchView(label=questions_label([i.number], capital=True), text=printable(i.searches))
        for i in case.request.items
        if i.searches.strip()
    ]
    searches = printable(case.request.searches)
    return LetterContext(
        **header,
        searches=searches,
        item_searches=item_searches,
        show_searches=bool(searches.strip() or item_searches),
        answers=_answers(case),
        late_apology=_late_apology(case),
        applicant_blind=any(_section(c.citation) != "21" for c in exemption_claims),
        show_exemptions=bool(claims),
        claims=claims,
        withheld_claims=withheld,
        ncnd_claims=ncnd,
        ncnd_questions=questions_label(ncnd_numbers),
        any_qualified=any(v.classification == "qualified" for v in claims),
        any_absolute=any(v.classification == "absolute" for v in claims),
        any_notes=any(v.notes.strip() for v in claims),
        show_harm=bool(harm_claims or overall_harm.strip()),
        harm_heading=harm_heading,
        overall_harm=overall_harm,
        harm_claims=harm_claims,
        pit_claims=[v for v in claims if v.pit.shown],
        s40_claims=[v for v in claims if v.legitimate_interests.shown],
        show_balance=bool(balance_claims or aggregates),
        balance_claims=balance_claims,
        aggregates=aggregates,
        has_ncnd=bool(ncnd),
        cost=_cost(case, shown=refuses_for_cost),
        vexatious=_refusal(case, Outcome.VEXATIOUS, "s14(1)"),
        repeated=_refusal(case, Outcome.REPEATED, "s14(2)"),
    )


def build_pit_extension_context(case: Case, profile: OrganisationProfile) -> PitExtensionContext:
    """The s17(2) extension letter's context (the case must have a PIT extension recorded)."""
    from foi_core.deadlines import due_date

    extension = case.pit_extension
    if extension is None:
        raise LetterDataError(
            "This case has no public interest test extension recorded, so there is no extension "
            "letter to write. Record the estimated decision date first."
        )
    header = _header(
        "pit_extension", "We need more time to consider the public interest", case, profile, False
    )
    qualified = [
        claim
        for claim in case.claims
        if not _is_procedural(claim) and ((entry := _exemption(claim)) is None or entry.qualified)
    ]
    return PitExtensionContext(
        **header,
        engaged_claims=list(_claim_views(qualified).values()),
        estimated_date=letter_date(extension.estimated_date),
        original_due=letter_date(due_date(case.request.received)),
        reason=printable(extension.reason),
        decision_maker=printable(extension.decision_maker),
    )


def _record_claim(claim: ExemptionClaim, view: ClaimView) -> RecordClaimView:
    entry = _exemption(claim)
    questions = {p.id: p.question for p in entry.harm_prompts} if entry else {}
    answers = claim.harm.prompt_answers if claim.harm else {}
    prompt_answers = [
        SearchView(label=printable(questions.get(key, key)), text=printable(value))
        for key, value in answers.items()
    ]
    factors = [_factor(f) for f in claim.pit.factors] if claim.pit else []
    return RecordClaimView(
        **view.model_dump(),
        mode=claim.mode.value,
        prompt_answers=prompt_answers,
        all_factors=factors,
    )


def _timeline(case: Case) -> tuple[list[DatedView], list[str], list[str]]:
    from foi_core.deadlines import case_deadlines

    rows: list[DatedView] = []

    def add(label: str, value: str) -> None:
        if value:
            rows.append(DatedView(label=label, value=value))

    deadlines = case_deadlines(case)
    add("Request received", letter_date(case.request.received))
    add("Clock started (day 0)", letter_date(deadlines.clock_start))
    add("Clock stopped", "yes" if deadlines.clock_stopped else "")
    add("Due (section 10(1))", letter_date(deadlines.due))
    add("Extended date (section 10(3))", letter_date(deadlines.extended_due))
    if case.clarification is not None:
        add("Clarification asked", letter_date(case.clarification.asked_on))
        add("Clarification received", letter_date(case.clarification.received_on))
    if case.fees_notice is not None:
        add("Fees notice issued", letter_date(case.fees_notice.issued_on))
        add("Fee paid", letter_date(case.fees_notice.paid_on))
    extension = case.pit_extension
    if extension is not None:
        add(
            "Public interest extension: estimated decision date",
            letter_date(extension.estimated_date),
        )
        add("Public interest extension: decided by", printable(extension.decision_maker))
        add("Public interest extension: reason", printable(extension.reason))
        add("Public interest extension: status", extension.status.value)
        add("Public interest extension: notified", letter_date(extension.notified_on))
        add("Public interest extension: completed", letter_date(extension.completed_on))
    add("Response date", letter_date(case.response_date))
    add("Internal review requested", letter_date(case.review_requested_on))
    add("Internal review due", letter_date(deadlines.review_due))
    notes = [printable(n) for n in deadlines.notes]
    warnings = [printable(w) for w in deadlines.warnings]
    return rows, notes, warnings


def build_record_context(
    case: Case,
    profile: OrganisationProfile,
    findings: Sequence[object] = (),
    audit: Iterable[object] = (),
    generated_at: dt.datetime | None = None,
) -> RecordContext:
    """The reasoning record's context: every step, who decided and when, findings, audit.

    The record is the authority's internal record: it leaves out the requester's name, contact
    details and address (blank here, and masked wherever they were typed into free text).
    """
    case = without_personal_data(case)
    header = _header("reasoning_record", "Reasoning record", case, profile, False)
    generated = generated_at or dt.datetime.now(dt.UTC)
    timeline, notes, warnings = _timeline(case)
    estimate = case.cost_estimate
    return RecordContext(
        **header,
        case_title=printable(case.title),
        status=case.status.value,
        decision_maker=printable(case.decision_maker),
        generated_at=f"{letter_date(generated.date())} at {generated:%H:%M} UTC",
        searches=printable(case.request.searches),
        record_items=[
            RecordItemView(
                number=item.number,
                text=printable(item.text),
                outcome=OUTCOME_LABELS[item.outcome] if item.outcome else "Not decided",
                answer=printable(item.answer),
                where_to_find=printable(item.where_to_find),
                searches=printable(item.searches),
                notes=printable(item.notes),
            )
            for item in case.request.items
        ],
        record_claims=[
            _record_claim(claim, view)
            for claim, view in zip(case.claims, _claim_views(case.claims).values(), strict=True)
        ],
        overall_harm=printable(case.overall_harm),
        aggregates=_aggregates(case),
        cost=_cost(case, shown=estimate is not None),
        cost_recorded=estimate is not None,
        timeline=timeline,
        deadline_notes=notes,
        deadline_warnings=warnings,
        findings=[
            FindingView(
                severity=str(getattr(f, "severity", "")),
                rule_id=str(getattr(f, "rule_id", "")),
                message=printable(str(getattr(f, "message", ""))),
                fix=printable(str(getattr(f, "fix", ""))),
                provision=printable(str(getattr(f, "provision", ""))),
                step=str(getattr(f, "step", "")),
            )
            for f in findings
        ],
        issued=[
            IssuedView(
                kind=letter.kind,
                issued_at=f"{letter_date(letter.issued_at.date())} {letter.issued_at:%H:%M}",
                template_name=printable(letter.template_name),
                template_sha256=letter.template_sha256,
                document_sha256=letter.document_sha256,
                draft="yes" if letter.draft else "no",
            )
            for letter in case.issued_letters
        ],
        audit=[_audit_view(entry) for entry in audit],
    )


def _field(entry: object, name: str) -> object:
    """An audit entry's field, whether the entry is an object or a mapping."""
    if isinstance(entry, dict):
        return entry.get(name)
    return getattr(entry, name, None)


def _audit_view(entry: object) -> AuditView:
    at = _field(entry, "at")
    if isinstance(at, dt.datetime):
        at_text = f"{letter_date(at.date())} {at:%H:%M}"
    elif isinstance(at, dt.date):
        at_text = letter_date(at)
    else:
        at_text = printable(str(at or ""))
    return AuditView(
        at=at_text,
        actor=printable(str(_field(entry, "actor") or "")),
        action=printable(str(_field(entry, "action") or "")),
        summary=printable(str(_field(entry, "summary") or "")),
    )
