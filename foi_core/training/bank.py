"""The scenario bank: the built-in scenarios (one YAML file each in ``scenarios/``), validated
at load, and the case a trainee starts an attempt from.

>>> sorted(load_scenarios())[:1]  # doctest: +SKIP
['doorbell-footage-first-week']

Every problem raises ``KnowledgeError`` naming the file and the field, e.g.
``scenarios/anpr.yaml: rubric.items.0.outcomes: Field required``. ``bank_problems`` lists what
a scenario that parses still gets wrong (an unknown citation, a mode the model answer does not
use, a model answer the check refuses or the feedback
marks down: it must score 100).
"""

from __future__ import annotations

import functools
from pathlib import Path

from pydantic import ValidationError

from foi_core.checker import check
from foi_core.knowledge import Catalogue, load_catalogue
from foi_core.knowledge.yamlio import KnowledgeError, describe, read_yaml
from foi_core.models import (
    Case,
    CaseKind,
    CaseStatus,
    ClaimMode,
    ExemptionClaim,
    Request,
    RequestItem,
)
from foi_core.models.base import new_id
from foi_core.models.training import TrainingLink
from foi_core.reasoning import provision_of

from .scenario import ExpectedClaim, Scenario

SCENARIOS_DIR = Path(__file__).resolve().parent / "scenarios"


def load_scenarios_from(folder: Path | str) -> dict[str, Scenario]:
    """Every ``*.yaml`` scenario in ``folder`` by id, validated (uncached)."""
    folder = Path(folder)
    found: dict[str, Scenario] = {}
    for path in sorted(folder.glob("*.yaml")):
        label = f"scenarios/{path.name}"
        raw = read_yaml(path, label)
        if not isinstance(raw, dict):
            raise KnowledgeError(f"{label}: expected a mapping of the scenario's fields")
        try:
            loaded = Scenario.model_validate(raw)
        except ValidationError as error:
            raise KnowledgeError(f"{label}: {describe(error)}") from None
        if loaded.id != path.stem:
            raise KnowledgeError(
                f"{label}: id: {loaded.id!r} must equal the file name ({path.stem!r})"
            )
        problems = bank_problems(loaded)
        if problems:
            raise KnowledgeError(f"{label}: {'; '.join(problems)}")
        found[loaded.id] = loaded
    return found


@functools.cache
def _built_in() -> dict[str, Scenario]:
    return load_scenarios_from(SCENARIOS_DIR)


def load_scenarios() -> dict[str, Scenario]:
    """The built-in scenarios by id (read and validated once a process)."""
    return dict(_built_in())


def scenario(scenario_id: str) -> Scenario:
    """The built-in scenario ``scenario_id`` (KeyError with a plain message if there is none)."""
    try:
        return _built_in()[scenario_id]
    except KeyError:
        raise KeyError(f"there is no training scenario called {scenario_id!r}") from None


# --- What a claim cites, and whether it meets what the rubric expects ---------------------------


def claim_cites(claim: ExemptionClaim) -> list[str]:
    """Every provision ``claim`` cites: its limbs and, for an NCND use, the NCND provisions."""
    found = list(claim.citations)
    if claim.mode is ClaimMode.NCND:
        found += [c for c in _ncnd_cited(tuple(claim.citations)) if c not in found]
    return found


@functools.lru_cache(maxsize=4096)
def _ncnd_cited(citations: tuple[str, ...]) -> tuple[str, ...]:
    """What an NCND use of ``citations`` relies on (``provision_of(...).cited``), remembered."""
    claim = ExemptionClaim(
        citation=citations[0], further_limbs=list(citations[1:]), mode=ClaimMode.NCND
    )
    return tuple(provision_of(claim).cited)


def same_section(citation: str, other: str) -> bool:
    """Whether two citations name the same section ('s31(1)(a)' and 's31(3)')."""
    return _section(citation) == _section(other)


def _section(citation: str) -> str:
    return citation.split("(", 1)[0]


def satisfies(claim: ExemptionClaim, expected: ExpectedClaim) -> bool:
    """Whether ``claim`` is what ``expected`` asks for: one of its provisions, in its mode."""
    cited = claim_cites(claim)
    return claim.mode == expected.mode and any(c in expected.any_of for c in cited)


def other_mode(claim: ExemptionClaim, expected: ExpectedClaim) -> bool:
    """Whether ``claim`` relies on the expected section but in the other mode."""
    cited = claim_cites(claim)
    return claim.mode != expected.mode and any(
        same_section(c, wanted) for c in cited for wanted in expected.any_of
    )


# --- Validation ----------------------------------------------------------------------------------


def _known(citation: str, catalogue: Catalogue, whole_section: bool = False) -> bool:
    if catalogue.get(citation) is not None or catalogue.is_ncnd_provision(citation):
        return True
    section = citation.removeprefix("s")
    return whole_section and any(e.section == section for e in catalogue.exemptions)


def bank_problems(scenario: Scenario) -> list[str]:
    """What is wrong with a scenario that parses ([] when it is sound)."""
    catalogue = load_catalogue()
    model = scenario.model_answer
    problems: list[str] = []
    for entry in scenario.rubric.items:
        where = f"rubric item {entry.item}"
        for expected in entry.needs:
            unknown = [c for c in expected.any_of if not _known(c, catalogue)]
            if unknown:
                problems.append(f"{where}: needs cites {unknown}, unknown to the catalogue")
            claims = model.claims_for_item(entry.item)
            if not any(satisfies(claim, expected) for claim in claims):
                problems.append(
                    f"{where}: the model answer does not use {' or '.join(expected.any_of)} "
                    f"in the mode {expected.mode.value!r}"
                )
        for extra in entry.also_acceptable:
            if not _known(extra, catalogue, whole_section=True):
                problems.append(
                    f"{where}: also_acceptable cites {extra!r}, unknown to the catalogue"
                )
        for wrong in entry.wrong:
            if not _known(wrong.citation, catalogue, whole_section=True):
                problems.append(
                    f"{where}: wrong cites {wrong.citation!r}, unknown to the catalogue"
                )
        outcome = model.request.item(entry.item).outcome
        if outcome not in entry.outcomes:
            problems.append(
                f"{where}: the model answer's outcome {outcome} is not among {entry.outcomes}"
            )
    for finding in check(model, today=model.response_date):
        if finding.severity == "error":
            problems.append(f"model_answer: the check finds {finding.rule_id}: {finding.message}")
    if not problems:
        from .feedback import feedback  # it marks with this module's predicates

        result = feedback(scenario, model)
        problems += [
            f"model_answer: the feedback finds {m.kind.value}: {m.message}" for m in result.mistakes
        ]
    return problems


# --- Starting an attempt -------------------------------------------------------------------------


def starting_case(
    scenario: Scenario, trainee: str, attempt: int = 1, session_id: str | None = None
) -> Case:
    """The draft a trainee starts from: the request and its items as received, nothing decided.

    A fresh id and reference ("TR-" and the id), the model answer's title, dates, request text,
    item wording and (fictional) requester; no outcomes, answers, searches, claims or balances.
    """
    model = scenario.model_answer
    case_id = new_id()
    items = [
        RequestItem(number=item.number, label=item.label, text=item.text)
        for item in model.request.items
    ]
    request = Request(
        our_ref=f"TR-{case_id[:8].upper()}",
        their_ref=model.request.their_ref,
        received=model.request.received,
        text=model.request.text,
        items=items,
    )
    return Case(
        id=case_id,
        status=CaseStatus.DRAFT,
        kind=CaseKind.TRAINING,
        assigned_to=trainee,
        title=model.title,
        request=request,
        requester=model.requester.model_copy(),
        training=TrainingLink(
            scenario_id=scenario.id, session_id=session_id, trainee=trainee, attempt=attempt
        ),
    )
