"""The s17 lint: checks a Case against what a lawful, defensible refusal notice needs.

Each rule is one small function registered under its id in ``RULE_FUNCTIONS``. The words a user
sees (title, message, fix, provision, step, severity) are data in
``foi_core/knowledge/rules.yaml``; the functions only decide *whether* a rule fires and for which
claim or item, and supply the placeholders ``{citation}``, ``{items}`` and ``{detail}``.

Use: ``findings = check(case, profile)``; ``has_errors(findings)`` says whether a letter should
be held back. Findings come in rules.yaml order and name the claim (``claim_id``) or the item
(``item``) they are about, and the step (``step``) that fixes them.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import Literal

from pydantic import BaseModel, ConfigDict

from foi_core.deadlines import (
    ICO_MAX_TOTAL_WORKING_DAYS,
    Deadlines,
    case_deadlines,
)
from foi_core.knowledge import (
    Catalogue,
    Exemption,
    IrrelevantFactor,
    Rule,
    RuleBook,
    load_catalogue,
    load_rule_book,
    load_rules,
)
from foi_core.models import (
    Case,
    ClaimMode,
    ExemptionClaim,
    OrganisationProfile,
    Outcome,
    RequestItem,
    Side,
    field_label,
)
from foi_core.models import today as current_date

__all__ = [
    "RULES",
    "RULE_FUNCTIONS",
    "Finding",
    "check",
    "findings_for",
    "has_errors",
    "item_numbers",
    "plain_items",
]

_SECTION = re.compile(r"^s(\d+[A-Z]?)")

# Outcomes that amount to refusing something, so the s17 notice (and s17(7) rights) apply.
_REFUSAL_OUTCOMES = frozenset(
    {
        Outcome.EXEMPT,
        Outcome.PARTLY_DISCLOSED,
        Outcome.NCND,
        Outcome.ACCESSIBLE_ELSEWHERE,
        Outcome.COST_LIMIT,
        Outcome.VEXATIOUS,
        Outcome.REPEATED,
    }
)

# Outcomes refused by a provision other than a withholding exemption: the notice must still cite
# it, so the item needs a claim of that section (s17(1)(b) for s21; s17(5) for s12 and s14).
_OUTCOME_SECTION: dict[Outcome, str] = {
    Outcome.ACCESSIBLE_ELSEWHERE: "21",
    Outcome.COST_LIMIT: "12",
    Outcome.VEXATIOUS: "14",
    Outcome.REPEATED: "14",
}


class Finding(BaseModel):
    """One problem the checker found, with how to fix it and the step that fixes it."""

    model_config = ConfigDict(frozen=True)

    rule_id: str
    severity: Literal["error", "warning"]
    title: str = ""
    message: str
    fix: str
    provision: str
    step: str
    claim_id: str | None = None
    item: int | None = None


def has_errors(findings: Iterable[Finding]) -> bool:
    """Whether any finding is an error (warnings alone do not block a letter)."""
    return any(finding.severity == "error" for finding in findings)


def findings_for(findings: Iterable[Finding], step: str) -> list[Finding]:
    """The findings that the given step (e.g. 'harm') fixes."""
    return [finding for finding in findings if finding.step == step]


def item_numbers(numbers: Iterable[int]) -> str:
    """'3', '1 and 2', '1, 2 and 5': the item numbers as the rule messages write them."""
    ordered = [str(n) for n in sorted(set(numbers))]
    if len(ordered) <= 1:
        return "".join(ordered)
    return ", ".join(ordered[:-1]) + " and " + ordered[-1]


def plain_items(numbers: Iterable[int]) -> str:
    """'item 3', 'items 1 and 2', 'items 1, 2 and 5'."""
    listed = item_numbers(numbers)
    if not listed:
        return ""
    return ("items " if " and " in listed else "item ") + listed


# --- What a rule function sees and returns -------------------------------------------------------


@dataclass(frozen=True)
class Hit:
    """One firing of a rule: the claim or item it is about and the words for the placeholders."""

    claim: ExemptionClaim | None = None
    item: int | None = None
    items: tuple[int, ...] = ()
    detail: str = ""
    citation: str = ""


@dataclass
class Context:
    """The case under check and everything a rule needs to judge it."""

    case: Case
    profile: OrganisationProfile
    today: dt.date
    catalogue: Catalogue
    rule_book: RuleBook

    def exemption(self, claim: ExemptionClaim) -> Exemption | None:
        """The catalogue entry for a claim's citation (None if it is not in the catalogue)."""
        return self.catalogue.get(claim.citation)

    def section(self, claim: ExemptionClaim) -> str:
        """The section number of a claim, e.g. '31' for s31(1)(a)."""
        exemption = self.exemption(claim)
        if exemption is not None:
            return exemption.section
        match = _SECTION.match(claim.citation)
        return match.group(1) if match else ""

    def known_claims(self) -> Iterator[tuple[ExemptionClaim, Exemption]]:
        """Claims whose citation is in the catalogue, with their entries."""
        for claim in self.case.claims:
            exemption = self.exemption(claim)
            if exemption is not None:
                yield claim, exemption

    def claims_of_section(self, section: str) -> list[ExemptionClaim]:
        return [claim for claim in self.case.claims if self.section(claim) == section]

    def aggregated_claim_ids(self) -> set[str]:
        return {cid for agg in self.case.aggregate_balances for cid in agg.claim_ids}

    def uses_cost_limit(self) -> bool:
        return bool(self.claims_of_section("12")) or bool(self.case.items_with(Outcome.COST_LIMIT))

    def refuses_anything(self) -> bool:
        return bool(self.case.claims) or any(
            item.outcome in _REFUSAL_OUTCOMES for item in self.case.request.items
        )

    @cached_property
    def deadlines(self) -> Deadlines:
        """The case's time limits; any that cannot be worked out are in ``problems``."""
        return case_deadlines(self.case)


RuleFunction = Callable[[Context], Iterable[Hit]]

RULE_FUNCTIONS: dict[str, RuleFunction] = {}


def _rule(rule_id: str) -> Callable[[RuleFunction], RuleFunction]:
    def register(function: RuleFunction) -> RuleFunction:
        if rule_id in RULE_FUNCTIONS:
            raise ValueError(f"rule {rule_id} is registered twice")
        RULE_FUNCTIONS[rule_id] = function
        return function

    return register


def _blank(text: str | None) -> bool:
    return not (text or "").strip()


def _missing(labels: dict[str, str | None]) -> str:
    """'the name and the date' for the labels whose values are blank."""
    gaps = [label for label, value in labels.items() if _blank(value)]
    if len(gaps) <= 1:
        return "".join(gaps)
    return ", ".join(gaps[:-1]) + " and " + gaps[-1]


def _record_gaps(
    claim: ExemptionClaim, record: BaseModel | None, absent: str, parts: dict[str, str]
) -> Iterator[Hit]:
    """A hit when the claim's ``record`` is missing (``absent``) or has blank parts.

    ``parts`` maps the plain name of each part the record needs to its field.
    """
    if record is None:
        yield Hit(claim=claim, detail=absent)
        return
    gaps = _missing({label: str(getattr(record, field) or "") for label, field in parts.items()})
    if gaps:
        yield Hit(claim=claim, detail=f"Missing: {gaps}.")


def _plain_date(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


# --- Citations and the catalogue --------------------------------------------------------------


def _limbs(ctx: Context, citation: str) -> list[str]:
    """Catalogue citations below this one, e.g. s31 -> s31(1)(a), s31(1)(b) ..."""
    return [e.citation for e in ctx.catalogue.exemptions if e.citation.startswith(citation + "(")]


@_rule("citation-without-subsection")
def _citation_without_subsection(ctx: Context) -> Iterator[Hit]:
    for claim in ctx.case.claims:
        limbs = _limbs(ctx, claim.citation)
        if limbs:
            shown = ", ".join(limbs[:6]) + (" ..." if len(limbs) > 6 else "")
            yield Hit(claim=claim, detail=f"The Act's limbs here are {shown}.")


@_rule("claim-outside-catalogue")
def _claim_outside_catalogue(ctx: Context) -> Iterator[Hit]:
    for claim in ctx.case.claims:
        if ctx.exemption(claim) is None and not _limbs(ctx, claim.citation):
            same_section = ctx.catalogue.by_section(ctx.section(claim))
            detail = (
                "Provisions of that section in the catalogue: "
                + ", ".join(e.citation for e in same_section)
                + "."
                if same_section
                else ""
            )
            yield Hit(claim=claim, detail=detail)


# --- Public interest test -----------------------------------------------------------------------


def _pit_empty(claim: ExemptionClaim) -> bool:
    return claim.pit is None or (not claim.pit.factors and claim.pit.balance is None)


@_rule("qualified-without-factors-both-sides")
def _qualified_without_factors(ctx: Context) -> Iterator[Hit]:
    for claim, exemption in ctx.known_claims():
        if not exemption.pit_required:
            continue
        if claim.mode is ClaimMode.NCND and _pit_empty(claim):
            continue  # ncnd-without-pit reports the missing NCND test as a whole
        factors = claim.pit.factors if claim.pit else []
        sides = {factor.side for factor in factors}
        missing = [
            label
            for side, label in ((Side.FOR, "for"), (Side.AGAINST, "against"))
            if side not in sides
        ]
        if missing:
            yield Hit(claim=claim, detail=f"No factor {' or '.join(missing)} is recorded.")


@_rule("qualified-without-balance")
def _qualified_without_balance(ctx: Context) -> Iterator[Hit]:
    aggregated = ctx.aggregated_claim_ids()
    for claim, exemption in ctx.known_claims():
        if not exemption.pit_required:
            continue
        if claim.mode is ClaimMode.NCND and _pit_empty(claim):
            continue
        has_balance = claim.pit is not None and claim.pit.balance is not None
        if not has_balance and claim.id not in aggregated:
            yield Hit(claim=claim)


@_rule("pit-on-absolute")
def _pit_on_absolute(ctx: Context) -> Iterator[Hit]:
    for claim, exemption in ctx.known_claims():
        if not exemption.absolute or _pit_empty(claim):
            continue
        if claim.mode is ClaimMode.NCND and exemption.ncnd_pit_optional:
            continue  # e.g. s40(5B): a PIT may be recorded (Dunhill, FTT 2025)
        yield Hit(claim=claim)


@_rule("ncnd-without-pit")
def _ncnd_without_pit(ctx: Context) -> Iterator[Hit]:
    for claim, exemption in ctx.known_claims():
        if claim.mode is ClaimMode.NCND and exemption.pit_required and _pit_empty(claim):
            yield Hit(claim=claim)


@_rule("irrelevant-factor-used")
def _irrelevant_factor_used(ctx: Context) -> Iterator[Hit]:
    for claim in ctx.case.claims:
        texts: list[str] = []
        if claim.pit is not None:
            texts += [f"{f.text} {f.rationale}" for f in claim.pit.factors_against]
            if claim.pit.balance is not None:
                texts.append(claim.pit.balance.reasoning)
        seen: set[str] = set()
        for text in texts:
            for irrelevant in ctx.catalogue.detect_irrelevant(text):
                if irrelevant.id not in seen:
                    seen.add(irrelevant.id)
                    yield Hit(claim=claim, detail=_irrelevant_detail(irrelevant))
    for agg in ctx.case.aggregate_balances:
        for irrelevant in ctx.catalogue.detect_irrelevant(agg.reasoning):
            citations = " and ".join(
                claim.citation for claim in ctx.case.claims if claim.id in agg.claim_ids
            )
            yield Hit(
                items=tuple(agg.items),
                citation=f"the combined balance ({citations})",
                detail=_irrelevant_detail(irrelevant),
            )


def _irrelevant_detail(irrelevant: IrrelevantFactor) -> str:
    return irrelevant.label.lower()


# --- Harm ---------------------------------------------------------------------------------------


@_rule("prejudice-without-interest")
def _prejudice_without_interest(ctx: Context) -> Iterator[Hit]:
    for claim, exemption in ctx.known_claims():
        if exemption.needs_harm_test and (claim.harm is None or _blank(claim.harm.interest)):
            yield Hit(claim=claim, detail=f"The interest this limb protects: {exemption.interest}")


@_rule("prejudice-without-causal-chain")
def _prejudice_without_causal_chain(ctx: Context) -> Iterator[Hit]:
    for claim, exemption in ctx.known_claims():
        if claim.mode is ClaimMode.NCND:
            continue  # the harm of confirming or denying: ncnd-without-harm
        if exemption.needs_harm_test and (claim.harm is None or _blank(claim.harm.causal_chain)):
            yield Hit(claim=claim)


@_rule("prejudice-without-likelihood")
def _prejudice_without_likelihood(ctx: Context) -> Iterator[Hit]:
    for claim, exemption in ctx.known_claims():
        if exemption.needs_harm_test and (claim.harm is None or claim.harm.likelihood is None):
            yield Hit(claim=claim)


@_rule("ncnd-without-harm")
def _ncnd_without_harm(ctx: Context) -> Iterator[Hit]:
    overall = not _blank(ctx.case.overall_harm)
    for claim in ctx.case.claims:
        if claim.mode is not ClaimMode.NCND or overall:
            continue
        own_harm = claim.harm is not None and not _blank(claim.harm.causal_chain)
        li_balance = claim.legitimate_interests is not None and not _blank(
            claim.legitimate_interests.balancing
        )
        if not own_harm and not li_balance:
            yield Hit(claim=claim)


# --- NCND consistency -------------------------------------------------------------------------


def _ncnd_texts(ctx: Context) -> Iterator[tuple[Hit, str, str]]:
    """(hit, where, text) for every piece of text that an NCND answer must keep neutral."""
    for item in ctx.case.items_with(Outcome.NCND):
        for label, text in (
            ("answer", item.answer),
            ("notes", item.notes),
            ("where to find it", item.where_to_find),
        ):
            yield Hit(item=item.number), f"the {label} for item {item.number}", text
    ncnd_claims = [claim for claim in ctx.case.claims if claim.mode is ClaimMode.NCND]
    for claim in ncnd_claims:
        hit = Hit(claim=claim)
        if claim.harm is not None:
            harm = claim.harm
            for label, text in (
                ("harm", harm.interest),
                ("harm", harm.causal_chain),
                ("harm", harm.mosaic),
                ("harm", harm.precedent),
                ("harm", harm.evidence),
                *(("harm", answer) for answer in harm.prompt_answers.values()),
            ):
                yield hit, f"the {label} for {claim.citation}", text
        if claim.pit is not None:
            for factor in claim.pit.factors:
                yield hit, f"a public interest factor for {claim.citation}", factor.text
            if claim.pit.balance is not None:
                yield hit, f"the balance for {claim.citation}", claim.pit.balance.reasoning
        if claim.legitimate_interests is not None:
            li = claim.legitimate_interests
            for text in (li.legitimate_interest, li.necessity, li.balancing):
                yield hit, f"the legitimate interests record for {claim.citation}", text
        yield hit, f"the notes for {claim.citation}", claim.notes
    if ncnd_claims:
        yield Hit(), "the overall harm", ctx.case.overall_harm
        ncnd_ids = {claim.id for claim in ncnd_claims}
        for agg in ctx.case.aggregate_balances:
            if ncnd_ids & set(agg.claim_ids):
                yield Hit(items=tuple(agg.items)), "the combined balance", agg.reasoning


# "confirming or denying whether we hold ..." is neutral: a phrase straight after these words
# asks the question rather than answering it.
_NEUTRAL_BEFORE = re.compile(r"\b(whether|if)( or not)?\s+$", re.IGNORECASE)


def _leak_phrases(ctx: Context, text: str) -> list[str]:
    """The rule book's leak phrases that ``text`` uses as statements (not after 'whether')."""
    found = []
    for phrase in ctx.rule_book.leaks(text):
        pattern = re.compile(r"\b" + re.escape(phrase) + r"\b", re.IGNORECASE)
        if any(not _NEUTRAL_BEFORE.search(text[: m.start()]) for m in pattern.finditer(text)):
            found.append(phrase)
    return found


@_rule("ncnd-text-leaks-holding")
def _ncnd_text_leaks_holding(ctx: Context) -> Iterator[Hit]:
    for hit, where, text in _ncnd_texts(ctx):
        if _blank(text):
            continue
        phrases = _leak_phrases(ctx, text)
        if phrases:
            quoted = ", ".join(f"'{phrase}'" for phrase in phrases)
            yield Hit(
                claim=hit.claim,
                item=hit.item,
                items=hit.items,
                detail=f"{quoted} in {where}",
            )


# --- Combinations of exemptions ----------------------------------------------------------------


def _overlapping_pairs(
    ctx: Context, first: str, second: str, mode: ClaimMode
) -> Iterator[tuple[ExemptionClaim, ExemptionClaim, list[int]]]:
    for a in ctx.claims_of_section(first):
        for b in ctx.claims_of_section(second):
            if a.mode is mode and b.mode is mode:
                shared = sorted(set(a.items) & set(b.items))
                if shared:
                    yield a, b, shared


@_rule("s30-and-s31-same-items")
def _s30_and_s31(ctx: Context) -> Iterator[Hit]:
    # s31 covers only information not exempt under s30, so both cannot withhold the same
    # information; both may be relied on to neither confirm nor deny (s30(3), s31(3)).
    for s30, s31, shared in _overlapping_pairs(ctx, "30", "31", ClaimMode.WITHHOLD):
        yield Hit(
            claim=s31,
            items=tuple(shared),
            citation=f"{s30.citation} and {s31.citation}",
        )


@_rule("s23-s24-not-in-alternative")
def _s23_s24_alternative(ctx: Context) -> Iterator[Hit]:
    for s23, s24, shared in _overlapping_pairs(ctx, "23", "24", ClaimMode.WITHHOLD):
        if not (s23.in_the_alternative and s24.in_the_alternative):
            unmarked = [c.citation for c in (s23, s24) if not c.in_the_alternative]
            yield Hit(
                claim=s24 if not s24.in_the_alternative else s23,
                items=tuple(shared),
                citation=f"{s23.citation} and {s24.citation}",
                detail=f"Not marked 'in the alternative': {' and '.join(unmarked)}.",
            )


# --- Particular exemptions ------------------------------------------------------------------------


@_rule("s35-not-government-department")
def _s35(ctx: Context) -> Iterator[Hit]:
    if ctx.profile.is_government_department:
        return
    for claim in ctx.claims_of_section("35"):
        yield Hit(claim=claim)


@_rule("s36-without-opinion")
def _s36_without_opinion(ctx: Context) -> Iterator[Hit]:
    for claim in ctx.claims_of_section("36"):
        yield from _record_gaps(
            claim,
            claim.qp_opinion,
            absent="No opinion is recorded.",
            parts={
                "the qualified person's name": "name",
                "the date of the opinion": "opinion_date",
                "the reasons": "reasons",
            },
        )


@_rule("s36-opinion-after-response")
def _s36_opinion_after_response(ctx: Context) -> Iterator[Hit]:
    response = ctx.case.response_date
    if response is None:
        return
    for claim in ctx.claims_of_section("36"):
        opinion = claim.qp_opinion
        if opinion is not None and opinion.opinion_date and opinion.opinion_date > response:
            yield Hit(
                claim=claim,
                detail=f"The opinion is dated {_plain_date(opinion.opinion_date)}; the response "
                f"is dated {_plain_date(response)}.",
            )


def _s40_claims(ctx: Context) -> Iterator[ExemptionClaim]:
    for claim in ctx.case.claims:
        if claim.citation.startswith("s40(2)"):
            yield claim


@_rule("s40-without-legitimate-interests")
def _s40_without_li(ctx: Context) -> Iterator[Hit]:
    for claim in _s40_claims(ctx):
        yield from _record_gaps(
            claim,
            claim.legitimate_interests,
            absent="No legitimate interests assessment is recorded.",
            parts={
                "the legitimate interest": "legitimate_interest",
                "whether disclosure is necessary": "necessity",
                "the balancing against the data subjects' rights": "balancing",
            },
        )


# --- Cost limit and s21 -------------------------------------------------------------------------


def _cost_hit(ctx: Context) -> Hit:
    claims = ctx.claims_of_section("12")
    items = {item.number for item in ctx.case.items_with(Outcome.COST_LIMIT)}
    for claim in claims:
        items.update(claim.items)
    return Hit(claim=claims[0] if claims else None, items=tuple(sorted(items)))


@_rule("s12-without-estimate")
def _s12_without_estimate(ctx: Context) -> Iterator[Hit]:
    estimate = ctx.case.cost_estimate
    if ctx.uses_cost_limit() and (estimate is None or not estimate.lines):
        yield _cost_hit(ctx)


@_rule("s12-without-advice")
def _s12_without_advice(ctx: Context) -> Iterator[Hit]:
    estimate = ctx.case.cost_estimate
    if ctx.uses_cost_limit() and (estimate is None or _blank(estimate.s16_advice)):
        yield _cost_hit(ctx)


@_rule("s12-estimate-under-limit")
def _s12_under_limit(ctx: Context) -> Iterator[Hit]:
    estimate = ctx.case.cost_estimate
    if not ctx.uses_cost_limit() or estimate is None or not estimate.lines:
        return
    if not estimate.exceeds_limit:
        hit = _cost_hit(ctx)
        yield Hit(
            claim=hit.claim,
            items=hit.items,
            detail=f"{estimate.total_hours:.1f} hours, £{estimate.total_cost:,.2f}, against "
            f"a limit of {estimate.limit_hours:g} hours, £{estimate.limit_pounds:,.2f}",
        )


@_rule("s21-without-location")
def _s21_without_location(ctx: Context) -> Iterator[Hit]:
    s21_items = {n for claim in ctx.claims_of_section("21") for n in claim.items}
    for item in ctx.case.request.items:
        relies_on_s21 = item.outcome is Outcome.ACCESSIBLE_ELSEWHERE or item.number in s21_items
        if relies_on_s21 and _blank(item.where_to_find):
            yield Hit(item=item.number)


# --- Time limits ----------------------------------------------------------------------------------


def _uncountable(ctx: Context, extension: bool) -> Iterator[Hit]:
    """A hit for each date the time limits could not be counted from (beyond the calendar)."""
    case = ctx.case
    dates = {
        "request.received": case.request.received,
        "clarification.received_on": case.clarification and case.clarification.received_on,
        "review_requested_on": case.review_requested_on,
        "pit_extension.estimated_date": case.pit_extension and case.pit_extension.estimated_date,
    }
    for problem in ctx.deadlines.problems:
        if problem.field.startswith("pit_extension") != extension:
            continue
        day = dates.get(problem.field)
        when = f", {_plain_date(day)}" if day else ""
        yield Hit(detail=f"the {field_label(problem.field)}{when}. {problem.message}")


@_rule("deadline-cannot-be-counted")
def _deadline_cannot_be_counted(ctx: Context) -> Iterator[Hit]:
    yield from _uncountable(ctx, extension=False)


@_rule("extension-cannot-be-counted")
def _extension_cannot_be_counted(ctx: Context) -> Iterator[Hit]:
    yield from _uncountable(ctx, extension=True)


@_rule("response-after-deadline")
def _response_after_deadline(ctx: Context) -> Iterator[Hit]:
    deadlines = ctx.deadlines
    if deadlines.due is None:
        return
    responded = ctx.case.response_date
    when = responded or ctx.today
    if when <= deadlines.due:
        return
    extension = ctx.case.pit_extension
    deadline = _plain_date(deadlines.due)
    if extension is not None and deadlines.extended_due is not None:
        notified_in_time = extension.notified_on is None or extension.notified_on <= deadlines.due
        if notified_in_time and when <= deadlines.extended_due:
            return
        if notified_in_time:
            deadline = f"{_plain_date(deadlines.extended_due)} (the extended date)"
        else:
            deadline += (
                " (the extension was notified on "
                f"{_plain_date(extension.notified_on)}, after the 20 working days)"
            )
    if responded is not None:
        detail = f"{deadline}: it is dated {_plain_date(responded)}"
    else:
        detail = f"{deadline}: no response is recorded and today is {_plain_date(ctx.today)}"
    yield Hit(detail=detail)


@_rule("pit-extension-past-40-days")
def _pit_extension_past_40(ctx: Context) -> Iterator[Hit]:
    deadlines = ctx.deadlines
    if deadlines.extension_total_working_days is None:
        return
    total = deadlines.extension_total_working_days
    if total > ICO_MAX_TOTAL_WORKING_DAYS:
        yield Hit(
            detail=f"{_plain_date(deadlines.extended_due)}, {total} working days after the "
            f"clock started on {_plain_date(deadlines.clock_start)}"
        )


# --- Notice contents ----------------------------------------------------------------------------


@_rule("no-review-rights")
def _no_review_rights(ctx: Context) -> Iterator[Hit]:
    if ctx.refuses_anything() and _blank(ctx.profile.review_procedure):
        yield Hit()


@_rule("no-ico-rights")
def _no_ico_rights(ctx: Context) -> Iterator[Hit]:
    if ctx.refuses_anything() and _blank(ctx.profile.ico_details):
        yield Hit()


# --- Items --------------------------------------------------------------------------------------


@_rule("item-without-outcome")
def _item_without_outcome(ctx: Context) -> Iterator[Hit]:
    for item in ctx.case.request.items:
        if item.outcome is None:
            yield Hit(item=item.number)


def _item_covered(ctx: Context, item: RequestItem) -> bool:
    claims = ctx.case.claims_for_item(item.number)
    if item.outcome is Outcome.NCND:
        return any(claim.mode is ClaimMode.NCND for claim in claims)
    if item.outcome in (Outcome.EXEMPT, Outcome.PARTLY_DISCLOSED):
        return any(claim.mode is ClaimMode.WITHHOLD for claim in claims)
    section = _OUTCOME_SECTION.get(item.outcome) if item.outcome else None
    if section is not None:
        return any(ctx.section(claim) == section for claim in claims)
    return True


@_rule("withheld-item-without-claim")
def _withheld_item_without_claim(ctx: Context) -> Iterator[Hit]:
    for item in ctx.case.request.items:
        if item.outcome is not None and not _item_covered(ctx, item):
            yield Hit(item=item.number, detail=f"Its outcome is: {_outcome_label(item.outcome)}.")


def _outcome_label(outcome: Outcome) -> str:
    from foi_core.models import OUTCOME_LABELS

    return OUTCOME_LABELS[outcome].lower()


@_rule("disclosed-item-without-answer")
def _disclosed_item_without_answer(ctx: Context) -> Iterator[Hit]:
    for item in ctx.case.request.items:
        nothing_given = _blank(item.answer) and (
            item.outcome is Outcome.DISCLOSED or _blank(item.where_to_find)
        )
        if item.outcome in (Outcome.DISCLOSED, Outcome.PARTLY_DISCLOSED) and nothing_given:
            yield Hit(item=item.number)


# --- Running the rules ----------------------------------------------------------------------------


def _finding(rule: Rule, hit: Hit) -> Finding:
    claim = hit.claim
    numbers: tuple[int, ...] = hit.items
    if not numbers and hit.item is not None:
        numbers = (hit.item,)
    if not numbers and claim is not None:
        numbers = tuple(claim.items)
    citation = hit.citation or (claim.citation if claim is not None else "")
    values = {"citation": citation, "items": item_numbers(numbers), "detail": hit.detail}
    item = hit.item if hit.item is not None else (numbers[0] if len(numbers) == 1 else None)
    return Finding(
        rule_id=rule.id,
        severity=rule.severity,
        title=rule.title,
        message=_one_item_grammar(rule.render_message(**values)),
        fix=_one_item_grammar(rule.render_fix(**values)),
        provision=rule.provision,
        step=rule.step,
        claim_id=claim.id if claim is not None else None,
        item=item,
    )


_ONE_ITEM = re.compile(r"\b([Ii])tems (\d+)(?![\d,]| and)( are| have)?\b")
_VERB = {" are": " is", " have": " has"}


def _one_item_grammar(text: str) -> str:
    """'Items 3 have no outcome' -> 'Item 3 has no outcome' (messages are written for lists)."""
    return _ONE_ITEM.sub(
        lambda m: f"{m.group(1)}tem {m.group(2)}{_VERB.get(m.group(3) or '', '')}", text
    )


def check(
    case: Case,
    profile: OrganisationProfile | None = None,
    today: dt.date | None = None,
) -> list[Finding]:
    """Every finding for ``case``, in the order the rules are listed in rules.yaml.

    ``profile`` defaults to the default OrganisationProfile; ``today`` (used for an unanswered
    case's deadline) defaults to the current date.
    """
    book = load_rule_book()
    ctx = Context(
        case=case,
        profile=profile if profile is not None else OrganisationProfile(),
        today=today or current_date(),
        catalogue=load_catalogue(),
        rule_book=book,
    )
    findings: list[Finding] = []
    for rule in book.rules:
        function = RULE_FUNCTIONS.get(rule.id)
        if function is None:
            raise LookupError(
                f"rules.yaml lists rule '{rule.id}' but the checker has no logic for it"
            )
        findings.extend(_finding(rule, hit) for hit in function(ctx))
    return findings


# Rule metadata from rules.yaml, in file order (also used to run the rules in that order).
RULES: list[Rule] = load_rules()
