"""Marking an attempt against a scenario's rubric: each item's outcome and exemptions (in their
mode, likelihood and balance), and the key considerations its reasoning makes.

Every finding here is a ``Mark`` (kind, item, claim, citation, message); ``feedback`` adds the
checker's findings, orders and scores them. Whether a claim meets what the rubric expects is
decided once, in ``bank.satisfies`` / ``bank.other_mode``.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from foi_core.knowledge import load_catalogue, load_language
from foi_core.knowledge.matcher import find_spans, tokens
from foi_core.letters.text import questions_label
from foi_core.models import (
    LIKELIHOOD_LABELS,
    OUTCOME_LABELS,
    Case,
    Conclusion,
    ExemptionClaim,
    Outcome,
    RequestItem,
)
from foi_core.plain import join_words
from foi_core.reasoning import CLAIM_OUTCOMES, provision_of

from .bank import claim_cites, other_mode, same_section, satisfies
from .mistakes import MistakeKind
from .scenario import ConsiderationStep, ExpectedClaim, ItemRubric, KeyConsideration, Scenario

CONCLUSION_LABELS: dict[Conclusion, str] = {
    Conclusion.MAINTAIN: "maintain the exemption",
    Conclusion.DISCLOSE: "disclose",
}
MODE_WORDS = {"withhold": "to withhold", "ncnd": "to neither confirm nor deny"}


@dataclass(frozen=True)
class Mark:
    """One mistake found by marking (worded; ``feedback`` adds its meaning and step)."""

    kind: MistakeKind
    message: str
    item: int | None = None
    claim_id: str | None = None
    citation: str | None = None
    step: str | None = None


def question(case: Case, numbers: list[int] | int, capital: bool = True) -> str:
    """'Question 2', 'Questions 3a and 3b': items as the letter names them."""
    listed = [numbers] if isinstance(numbers, int) else numbers
    shown = {item.number: item.shown_number for item in case.request.items}
    return questions_label(listed, capital=capital, shown=shown)


def outcome_label(outcome: Outcome | None) -> str:
    return OUTCOME_LABELS[outcome] if outcome is not None else "no answer"


def _item(case: Case, number: int) -> RequestItem | None:
    return next((item for item in case.request.items if item.number == number), None)


def conclusion_of(case: Case, claim: ExemptionClaim) -> Conclusion | None:
    """The balance a claim reached: its own, else a combined balance covering it."""
    if claim.pit is not None and claim.pit.balance is not None:
        return claim.pit.balance.conclusion
    for agg in case.aggregate_balances:
        if claim.id in agg.claim_ids:
            return agg.conclusion
    return None


def cited_text(claim: ExemptionClaim) -> str:
    return join_words(claim_cites(claim))


# --- Items and their exemptions ---------------------------------------------------------------


def mark_items(scenario: Scenario, attempt: Case) -> list[Mark]:
    """Each rubric item's outcome and exemptions compared with the attempt's; a claim's
    likelihood and balance are judged once, however many items it covers."""
    marks: list[Mark] = []
    judged: set[str] = set()
    for entry in scenario.rubric.items:
        marks += list(_mark_item(entry, attempt, judged))
    return marks


def exemptions_judged(entry: ItemRubric, outcome: Outcome | None) -> bool:
    """Whether an item's exemptions are marked: its answer is right, or it withholds, neither
    confirms nor denies or refuses (a wrong answer that needs no exemption is marked alone)."""
    return outcome in entry.outcomes or outcome in CLAIM_OUTCOMES


def _mark_item(entry: ItemRubric, attempt: Case, judged_claims: set[str]) -> Iterator[Mark]:
    number = entry.item
    item = _item(attempt, number)
    outcome = item.outcome if item is not None else None
    where = question(attempt, number) if item is not None else f"Question {number}"
    claims = attempt.claims_for_item(number)
    judged = exemptions_judged(entry, outcome)
    modes: list[Mark] = []
    used: set[str] = set()
    for expected in entry.needs if judged else []:
        found = [claim for claim in claims if satisfies(claim, expected)]
        if found:
            used.update(claim.id for claim in found)
            if found[0].id not in judged_claims:
                judged_claims.add(found[0].id)
                yield from _mark_claim(found[0], expected, attempt)
            continue
        switched = [claim for claim in claims if other_mode(claim, expected)]
        wanted = " or ".join(expected.any_of)
        if switched:
            used.update(claim.id for claim in switched)
            claim = switched[0]
            modes.append(
                Mark(
                    MistakeKind.WRONG_MODE,
                    f"{where}: you used {cited_text(claim)} {MODE_WORDS[claim.mode.value]}; "
                    f"this item needs {wanted} {MODE_WORDS[expected.mode.value]}. {expected.why}",
                    number,
                    claim.id,
                    claim.citation,
                )
            )
        else:
            use = "to refuse it" if _procedural(expected) else MODE_WORDS[expected.mode.value]
            yield Mark(
                MistakeKind.MISSED_EXEMPTION,
                f"{where} needs {wanted} {use}, and your answer "
                f"does not rely on it. {expected.why}",
                number,
                None,
                expected.any_of[0],
            )
    yield from modes
    if outcome not in entry.outcomes and not modes:
        acceptable = join_words([f"'{OUTCOME_LABELS[o]}'" for o in entry.outcomes], "or")
        given = f"you answered '{outcome_label(outcome)}'" if outcome else "you gave no answer"
        yield Mark(
            MistakeKind.WRONG_OUTCOME,
            f"{where}: {given}; the right answer is {acceptable}. {entry.why}".strip(),
            number,
        )
    for claim in claims if judged else []:
        if claim.id not in used and not _also_acceptable(claim, entry):
            yield _unsupported(where, number, claim, entry)


def _also_acceptable(claim: ExemptionClaim, entry: ItemRubric) -> bool:
    """Whether the rubric accepts ``claim`` as an extra provision for the item."""
    return any(
        citation == extra or ("(" not in extra and same_section(citation, extra))
        for citation in claim_cites(claim)
        for extra in entry.also_acceptable
    )


def _procedural(expected: ExpectedClaim) -> bool:
    catalogue = load_catalogue()
    entries = [catalogue.get(citation) for citation in expected.any_of]
    return all(entry is not None and entry.kind == "procedural" for entry in entries)


def _mark_claim(claim: ExemptionClaim, expected: ExpectedClaim, attempt: Case) -> Iterator[Mark]:
    where, number = question(attempt, claim.items), min(claim.items)
    harm = claim.harm
    likelihood = harm.likelihood if harm is not None else None
    if (
        expected.likelihoods
        and provision_of(claim).harm_test
        and likelihood is not None
        and likelihood not in expected.likelihoods
    ):
        wanted = join_words([f"'{LIKELIHOOD_LABELS[x]}'" for x in expected.likelihoods], "or")
        yield Mark(
            MistakeKind.WRONG_LIKELIHOOD,
            f"{where}: under {cited_text(claim)} you said prejudice "
            f"'{LIKELIHOOD_LABELS[likelihood]}' occur; the facts support {wanted}.",
            number,
            claim.id,
            claim.citation,
        )
    reached = conclusion_of(attempt, claim)
    if expected.balance is not None and reached is not None and reached != expected.balance:
        yield Mark(
            MistakeKind.WRONG_BALANCE,
            f"{where}: your public interest balance under {cited_text(claim)} comes down on "
            f"'{CONCLUSION_LABELS[reached]}'; the weight of the factors here favours "
            f"'{CONCLUSION_LABELS[expected.balance]}'.",
            number,
            claim.id,
            claim.citation,
        )


def _unsupported(where: str, number: int, claim: ExemptionClaim, entry: ItemRubric) -> Mark:
    cited = claim_cites(claim)
    why = next(
        (
            wrong.why
            for wrong in entry.wrong
            for citation in cited
            if citation == wrong.citation
            or ("(" not in wrong.citation and same_section(citation, wrong.citation))
        ),
        "",
    )
    if not why:
        why = f"Nothing in the case file supports {cited_text(claim)} for this item."
    return Mark(
        MistakeKind.UNSUPPORTED_EXEMPTION,
        f"{where}: {cited_text(claim)} does not apply here. {why}",
        number,
        claim.id,
        claim.citation,
    )


# --- Key considerations ------------------------------------------------------------------------


def step_text(attempt: Case, step: ConsiderationStep, numbers: list[int]) -> str:
    """The attempt's reasoning at ``step`` for ``numbers`` (every item when empty)."""
    wanted = set(numbers) or {item.number for item in attempt.request.items}
    claims = [claim for claim in attempt.claims if wanted & set(claim.items)]
    parts: list[str] = []
    if step is ConsiderationStep.ITEMS:
        for item in attempt.request.items:
            if item.number in wanted:
                parts += [item.answer, item.where_to_find, item.discretionary, item.held_by]
                parts += [item.searches, item.notes]
    elif step is ConsiderationStep.HARM:
        parts.append(attempt.overall_harm)
        for claim in claims:
            harm = claim.harm
            if harm is not None:
                parts += [harm.interest, harm.causal_chain, harm.mosaic, harm.precedent]
                parts += [harm.evidence, *harm.prompt_answers.values()]
            parts += list(claim.records.values())
            if claim.legitimate_interests is not None:
                li = claim.legitimate_interests
                parts += [li.legitimate_interest, li.necessity, li.balancing]
    elif step is ConsiderationStep.PUBLIC_INTEREST:
        for claim in claims:
            if claim.pit is not None:
                parts += [f"{f.text}. {f.rationale}" for f in claim.pit.factors]
    else:
        parts += _balance_texts(attempt, claims, wanted)
    return "\n\n".join(part for part in parts if part and part.strip())


def _balance_texts(attempt: Case, claims: list[ExemptionClaim], wanted: set[int]) -> list[str]:
    parts: list[str] = []
    for claim in claims:
        if claim.pit is not None and claim.pit.balance is not None:
            parts.append(claim.pit.balance.reasoning)
        if claim.qp_opinion is not None:
            parts.append(claim.qp_opinion.reasons)
        if claim.legitimate_interests is not None:
            parts.append(claim.legitimate_interests.balancing)
    ids = {claim.id for claim in claims}
    parts += [agg.reasoning for agg in attempt.aggregate_balances if ids & set(agg.claim_ids)]
    if attempt.cost_estimate is not None:
        estimate = attempt.cost_estimate
        parts += [estimate.method, estimate.s16_advice]
        parts += [line.description for line in estimate.lines]
    if attempt.pit_extension is not None:
        parts.append(attempt.pit_extension.reason)
    return parts


def recognised(point: KeyConsideration, text: str) -> bool:
    """Whether ``text`` makes the point: any of its phrases, matched by word families."""
    if not text:
        return False
    words = tokens(text)
    language = load_language()
    return any(find_spans(pattern, words) for pattern in language.patterns(point.recognised_by))


def mark_considerations(scenario: Scenario, attempt: Case) -> tuple[list[Mark], list[str]]:
    """The key considerations the attempt misses (as marks) and the titles of those it makes."""
    missed: list[Mark] = []
    made: list[str] = []
    for point in scenario.rubric.key_considerations:
        if recognised(point, step_text(attempt, point.step, point.items)):
            made.append(point.title)
            continue
        said = "your reasoning does not make this point"
        said = f"{question(attempt, point.items)}: {said}" if point.items else said.capitalize()
        missed.append(
            Mark(
                MistakeKind.MISSED_KEY_CONSIDERATION,
                f"{said}: {point.title}. {point.why}",
                min(point.items) if point.items else None,
                step=point.step.value,
            )
        )
    return missed, made
