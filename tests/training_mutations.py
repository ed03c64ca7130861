"""Seeding mistakes into a scenario's model answer, for the feedback tests.

``seeded(scenario)`` returns every mistake that can be seeded into that scenario's model answer:
a ``Seeded`` (name, the kind the feedback must name, the item it must name or None, the items
it touches, and ``apply``: the model answer's document -> the mutated document). ``attempt(s)``
builds the attempt a list of them makes. Each ``apply`` is a no-op where its target is gone, so
mutations touching different items can be stacked.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from foi_core.knowledge import load_catalogue
from foi_core.models import Case, ClaimMode, Outcome
from foi_core.reasoning import CLAIM_OUTCOMES, provision_of
from foi_core.training.bank import satisfies
from foi_core.training.mistakes import MistakeKind
from foi_core.training.scenario import ConsiderationStep, Scenario

Doc = dict[str, Any]
NEUTRAL = "As explained above."


@dataclass(frozen=True)
class Seeded:
    name: str
    kind: MistakeKind
    item: int | None
    touches: frozenset[int]
    apply: Callable[[Doc], None]


def attempt(scenario: Scenario, mutations: Iterable[Seeded]) -> Case:
    """The model answer with ``mutations`` applied in order, as a Case."""
    doc = scenario.model_answer.model_dump(mode="json")
    for mutation in mutations:
        mutation.apply(doc)
    return Case.model_validate(doc)


def _claim(doc: Doc, claim_id: str) -> Doc | None:
    return next((c for c in doc["claims"] if c["id"] == claim_id), None)


def _item(doc: Doc, number: int) -> Doc:
    return next(i for i in doc["request"]["items"] if i["number"] == number)


def _drop_claim_from_item(doc: Doc, claim_id: str, number: int) -> None:
    claim = _claim(doc, claim_id)
    if claim is None:
        return
    claim["items"] = [n for n in claim["items"] if n != number]
    if claim["items"]:
        return
    doc["claims"] = [c for c in doc["claims"] if c["id"] != claim_id]
    for agg in doc["aggregate_balances"]:
        agg["claim_ids"] = [cid for cid in agg["claim_ids"] if cid != claim_id]
    doc["aggregate_balances"] = [a for a in doc["aggregate_balances"] if len(a["claim_ids"]) >= 2]


def _matches(scenario: Scenario) -> Iterator[tuple[int, Any, Any]]:
    """(item, expected claim, the model's claim that satisfies it)."""
    model = scenario.model_answer
    for entry in scenario.rubric.items:
        for expected in entry.needs:
            claim = next(c for c in model.claims_for_item(entry.item) if satisfies(c, expected))
            yield entry.item, expected, claim


# --- One generator per kind ---------------------------------------------------------------------


def _wrong_outcome(scenario: Scenario) -> Iterator[Seeded]:
    for entry in scenario.rubric.items:
        wrong = next(
            (o for o in (Outcome.NOT_HELD, Outcome.DISCLOSED) if o not in entry.outcomes), None
        )
        if wrong is None:
            continue

        def apply(doc: Doc, number: int = entry.item, outcome: Outcome = wrong) -> None:
            item = _item(doc, number)
            item["outcome"] = outcome.value
            if outcome is Outcome.DISCLOSED and not item["answer"]:
                item["answer"] = "Here is the information you asked for."

        yield Seeded(f"item {entry.item} {wrong.value}", MistakeKind.WRONG_OUTCOME, entry.item,
                     frozenset({entry.item}), apply)  # fmt: skip


def _missed_exemption(scenario: Scenario) -> Iterator[Seeded]:
    model = scenario.model_answer
    for number, expected, _claim_found in _matches(scenario):
        doomed = [c.id for c in model.claims_for_item(number) if satisfies(c, expected)]

        def apply(doc: Doc, number: int = number, doomed: list[str] = doomed) -> None:
            for claim_id in doomed:
                _drop_claim_from_item(doc, claim_id, number)

        touched = frozenset({number})
        yield Seeded(f"item {number} without {expected.any_of[0]}",
                     MistakeKind.MISSED_EXEMPTION, number, touched, apply)  # fmt: skip


def _unsupported_citation(scenario: Scenario, number: int) -> str | None:
    catalogue = load_catalogue()
    entry = next(e for e in scenario.rubric.items if e.item == number)
    expected = {c for need in entry.needs for c in need.any_of}
    candidates = [wrong.citation for wrong in entry.wrong] + ["s43(2)", "s38(1)(a)", "s22"]
    for citation in candidates:
        found = catalogue.get(citation)
        if found is None:
            section = citation.removeprefix("s")
            found = next((e for e in catalogue.exemptions if e.section == section), None)
        if found is None or found.kind == "procedural" or found.citation in expected:
            continue
        if any(c.split("(")[0] == found.citation.split("(")[0] for c in expected):
            continue
        return found.citation
    return None


def _unsupported(scenario: Scenario) -> Iterator[Seeded]:
    for entry in scenario.rubric.items:
        if scenario.model_answer.request.item(entry.item).outcome not in CLAIM_OUTCOMES:
            continue
        citation = _unsupported_citation(scenario, entry.item)
        if citation is None:
            continue

        def apply(doc: Doc, number: int = entry.item, citation: str = citation) -> None:
            doc["claims"].append(
                {"id": f"seeded-{number}", "citation": citation, "items": [number]}
            )

        yield Seeded(f"item {entry.item} also {citation}", MistakeKind.UNSUPPORTED_EXEMPTION,
                     entry.item, frozenset({entry.item}), apply)  # fmt: skip


def _wrong_mode(scenario: Scenario) -> Iterator[Seeded]:
    every = [item.number for item in scenario.model_answer.request.items]
    for number, expected, claim in _matches(scenario):
        if claim.items != [number] or provision_of(claim).procedural:
            continue
        ncnd = expected.mode is ClaimMode.WITHHOLD

        def apply(doc: Doc, number: int = number, claim_id: str = claim.id, ncnd: bool = ncnd):
            found = _claim(doc, claim_id)
            if found is None:
                return
            found["mode"] = "ncnd" if ncnd else "withhold"
            item = _item(doc, number)
            item["outcome"] = "ncnd" if ncnd else "exempt"
            if ncnd:
                item["answer"] = item["where_to_find"] = item["searches"] = ""

        # Neither confirming nor denying reaches the whole letter (what other answers say).
        touched = frozenset(every) if ncnd else frozenset({number})
        yield Seeded(f"item {number} {claim.citation} mode switched", MistakeKind.WRONG_MODE,
                     number, touched, apply)  # fmt: skip


def _claim_mutation(
    name: str, kind: MistakeKind, claim: Any, change: Callable[[Doc], None]
) -> Seeded:
    def apply(doc: Doc) -> None:
        found = _claim(doc, claim.id)
        if found is not None:
            change(found)

    return Seeded(f"{claim.citation} {name}", kind, min(claim.items), frozenset(claim.items), apply)


def _harm_incomplete(scenario: Scenario) -> Iterator[Seeded]:
    for claim in scenario.model_answer.claims:
        if claim.items and provision_of(claim).harm_test:

            def change(found: Doc) -> None:
                found["harm"]["likelihood"] = None

            yield _claim_mutation("without likelihood", MistakeKind.HARM_INCOMPLETE, claim, change)


def _wrong_likelihood(scenario: Scenario) -> Iterator[Seeded]:
    for _number, expected, claim in _matches(scenario):
        if len(expected.likelihoods) != 1 or not provision_of(claim).harm_test:
            continue
        other = "would" if expected.likelihoods[0].value != "would" else "would_be_likely_to"

        def change(found: Doc, other: str = other) -> None:
            found["harm"]["likelihood"] = other

        yield _claim_mutation("other likelihood", MistakeKind.WRONG_LIKELIHOOD, claim, change)


def _pit_one_sided(scenario: Scenario) -> Iterator[Seeded]:
    for claim in scenario.model_answer.claims:
        pit = claim.pit
        if claim.items and pit is not None and pit.factors_for and pit.factors_against:

            def change(found: Doc) -> None:
                found["pit"]["factors"] = [f for f in found["pit"]["factors"] if f["side"] != "for"]

            yield _claim_mutation("without factors for", MistakeKind.PIT_ONE_SIDED, claim, change)


def _pit_on_absolute(scenario: Scenario) -> Iterator[Seeded]:
    for claim in scenario.model_answer.claims:
        provision = provision_of(claim)
        if not claim.items or not provision.absolute or claim.pit is not None:
            continue
        if claim.mode is ClaimMode.NCND:
            continue

        def change(found: Doc) -> None:
            found["pit"] = {
                "factors": [
                    {"side": "for", "text": "Openness about policing is in the public interest."},
                    {"side": "against", "text": "The information is protected by law."},
                ],
                "balance": {"conclusion": "maintain", "reasoning": NEUTRAL},
            }

        yield _claim_mutation("with a PIT", MistakeKind.PIT_ON_ABSOLUTE, claim, change)


def _irrelevant_factor(scenario: Scenario) -> Iterator[Seeded]:
    for claim in scenario.model_answer.claims:
        if not claim.items or claim.pit is None or not claim.pit.factors_against:
            continue

        def change(found: Doc) -> None:
            found["pit"]["factors"].append(
                {"side": "against", "text": "Disclosure would embarrass the force."}
            )

        yield _claim_mutation("embarrassment", MistakeKind.IRRELEVANT_FACTOR, claim, change)


def _wrong_balance(scenario: Scenario) -> Iterator[Seeded]:
    model = scenario.model_answer
    for _number, expected, claim in _matches(scenario):
        if expected.balance is None:
            continue
        flipped = "disclose" if expected.balance.value == "maintain" else "maintain"
        if claim.pit is not None and claim.pit.balance is not None:

            def change(found: Doc, flipped: str = flipped) -> None:
                found["pit"]["balance"]["conclusion"] = flipped

            yield _claim_mutation("balance flipped", MistakeKind.WRONG_BALANCE, claim, change)
        else:
            agg = next(a for a in model.aggregate_balances if claim.id in a.claim_ids)

            def apply(doc: Doc, agg_id: str = agg.id, flipped: str = flipped) -> None:
                for found in doc["aggregate_balances"]:
                    if found["id"] == agg_id:
                        found["conclusion"] = flipped

            touched = {n for c in model.claims if c.id in agg.claim_ids for n in c.items}
            yield Seeded("combined balance flipped", MistakeKind.WRONG_BALANCE,
                         min(claim.items), frozenset(touched), apply)  # fmt: skip


def _ncnd_leak(scenario: Scenario) -> Iterator[Seeded]:
    for item in scenario.model_answer.items_with(Outcome.NCND):

        def apply(doc: Doc, number: int = item.number) -> None:
            found = _item(doc, number)
            if found["outcome"] == "ncnd":
                found["searches"] = "We searched the records of the unit that holds these files."

        yield Seeded(f"item {item.number} searches listed", MistakeKind.NCND_LEAK, item.number,
                     frozenset({item.number}), apply)  # fmt: skip


def _s17_defect(scenario: Scenario) -> Iterator[Seeded]:
    for claim in scenario.model_answer.claims:
        provision = provision_of(claim)
        if not claim.items or provision.ncnd_typed or "(" not in claim.citation:
            continue
        if load_catalogue().get("s" + provision.section) is not None:
            continue  # the section alone is a citation (s21): nothing to seed

        def change(found: Doc, section: str = "s" + provision.section) -> None:
            found["further_limbs"] = [*found["further_limbs"], section]

        yield _claim_mutation("section without limb", MistakeKind.S17_DEFECT, claim, change)


def _text_fields(doc: Doc, step: ConsiderationStep, numbers: set[int]) -> Iterator[tuple[Doc, str]]:
    """(container, key) of every text the feedback reads at ``step`` for ``numbers``."""
    claims = [c for c in doc["claims"] if numbers & set(c["items"])]
    if step is ConsiderationStep.ITEMS:
        for item in doc["request"]["items"]:
            if item["number"] in numbers:
                for key in ("answer", "where_to_find", "discretionary", "held_by", "searches",
                            "notes"):  # fmt: skip
                    yield item, key
    elif step is ConsiderationStep.HARM:
        yield doc, "overall_harm"
        for claim in claims:
            if claim["harm"]:
                for key in ("interest", "causal_chain", "mosaic", "precedent", "evidence"):
                    yield claim["harm"], key
                for key in claim["harm"]["prompt_answers"]:
                    yield claim["harm"]["prompt_answers"], key
            for key in claim["records"]:
                yield claim["records"], key
            if claim["legitimate_interests"]:
                for key in ("legitimate_interest", "necessity", "balancing"):
                    yield claim["legitimate_interests"], key
    elif step is ConsiderationStep.PUBLIC_INTEREST:
        for claim in claims:
            for factor in (claim["pit"] or {}).get("factors", []):
                yield factor, "text"
                yield factor, "rationale"
    else:
        ids = {c["id"] for c in claims}
        for claim in claims:
            if claim["pit"] and claim["pit"]["balance"]:
                yield claim["pit"]["balance"], "reasoning"
            if claim["qp_opinion"]:
                yield claim["qp_opinion"], "reasons"
            if claim["legitimate_interests"]:
                yield claim["legitimate_interests"], "balancing"
        for agg in doc["aggregate_balances"]:
            if ids & set(agg["claim_ids"]):
                yield agg, "reasoning"
        estimate = doc["cost_estimate"]
        if estimate:
            yield estimate, "method"
            yield estimate, "s16_advice"
            for line in estimate["lines"]:
                yield line, "description"
        if doc["pit_extension"]:
            yield doc["pit_extension"], "reason"


def _missed_key_consideration(scenario: Scenario) -> Iterator[Seeded]:
    every = {item.number for item in scenario.model_answer.request.items}
    for point in scenario.rubric.key_considerations:
        numbers = set(point.items) or every

        def apply(doc: Doc, step: ConsiderationStep = point.step, numbers: set[int] = numbers):
            for container, key in list(_text_fields(doc, step, numbers)):
                if container.get(key):
                    container[key] = NEUTRAL

        item = min(point.items) if point.items else None
        yield Seeded(f"without '{point.id}'", MistakeKind.MISSED_KEY_CONSIDERATION, item,
                     frozenset(numbers), apply)  # fmt: skip


GENERATORS = (
    _wrong_outcome,
    _missed_exemption,
    _unsupported,
    _wrong_mode,
    _harm_incomplete,
    _wrong_likelihood,
    _pit_one_sided,
    _pit_on_absolute,
    _irrelevant_factor,
    _missed_key_consideration,
    _wrong_balance,
    _ncnd_leak,
    _s17_defect,
)


def seeded(scenario: Scenario) -> list[Seeded]:
    """Every mistake that can be seeded into ``scenario``'s model answer."""
    return [mutation for generate in GENERATORS for mutation in generate(scenario)]


def first_of_each_kind(scenario: Scenario) -> list[Seeded]:
    """One seeded mistake of each kind that applies (the first found)."""
    chosen: dict[MistakeKind, Seeded] = {}
    for mutation in seeded(scenario):
        chosen.setdefault(mutation.kind, mutation)
    return list(chosen.values())


def copy_doc(doc: Doc) -> Doc:
    return copy.deepcopy(doc)
