"""A trainer's own scenario: drafted from an issued case, then its rubric edited (no Streamlit).

``scenario_from_case`` turns an issued request into a draft scenario with the requester and
their personal data removed (``foi_core.personal_data``): the model answer is the case itself as
a training draft with a fictional requester, the rubric accepts what the case decided (each
item's outcome, each provision relied on with its mode, likelihood and balance, the case's own
reasoning as the why), the case file says what the original reasoning relied on for each
withheld item (to be rewritten as background facts), and the learning objectives are starters
to rewrite.

The edit helpers (``add_outcome``, ``remove_outcome``, ``add_alternative``,
``remove_alternative``, ``add_wrong_claim``, ``remove_wrong_claim``, ``add_key_consideration``,
``remove_key_consideration``, ``set_details``) live in ``rubric_edits`` and are re-exported
here: each returns a ``RubricEdit``, the new validated scenario or problems by field.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from foi_core.models import (
    WITHHELD_OUTCOMES,
    Case,
    CaseKind,
    CaseStatus,
    ExemptionClaim,
    FieldProblem,
    Outcome,
    Requester,
)
from foi_core.people import Person
from foi_core.people.rules import can_run_training
from foi_core.personal_data import mask_requester, without_personal_data

from .dashboard import section_of
from .rubric_edits import (
    RubricEdit,
    add_alternative,
    add_key_consideration,
    add_outcome,
    add_wrong_claim,
    phrases,
    remove_alternative,
    remove_key_consideration,
    remove_outcome,
    remove_wrong_claim,
    set_details,
)
from .scenario import (
    SCENARIO_ID,
    CaseFileEntry,
    ExpectedClaim,
    ItemRubric,
    Level,
    Rubric,
    Scenario,
)

FICTIONAL_REQUESTER = "A requester"
QUALIFIED_PERSON = "The qualified person"
WHY_MAX = 2_000
TEXT_MAX = 5_000


class AuthoringError(ValueError):
    """A scenario that cannot be drafted; ``problems`` name the fields to put right."""

    def __init__(self, problems: Iterable[FieldProblem]) -> None:
        self.problems = list(problems)
        super().__init__(" ".join(problem.message for problem in self.problems))


def _shorten(text: str, limit: int) -> str:
    text = text.strip()
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


# --- Drafting from an issued case -------------------------------------------------------------


def _reasoning(claim: ExemptionClaim, case: Case) -> str:
    """The case's own reasoning for a claim, in a few sentences (already masked)."""
    parts = []
    if claim.harm and claim.harm.causal_chain.strip():
        parts.append(f"Harm: {claim.harm.causal_chain.strip()}")
    balance = _balance(claim, case)
    if balance is not None and balance[1].strip():
        parts.append(f"Balance: {balance[1].strip()}")
    if claim.legitimate_interests and claim.legitimate_interests.balancing.strip():
        parts.append(f"Legitimate interests: {claim.legitimate_interests.balancing.strip()}")
    if not parts:
        parts.append(f"The original response relied on {', '.join(claim.citations)}.")
    return _shorten(" ".join(parts), WHY_MAX)


def _balance(claim: ExemptionClaim, case: Case) -> tuple[Any, str] | None:
    """The claim's own balance (conclusion, reasoning), or a combined one covering it."""
    if claim.pit and claim.pit.balance:
        return claim.pit.balance.conclusion, claim.pit.balance.reasoning
    for combined in case.aggregate_balances:
        if claim.id in combined.claim_ids:
            return combined.conclusion, combined.reasoning
    return None


def _relied_on(claims: Sequence[ExemptionClaim], case: Case) -> str:
    """What the reasoning for an item relied on, as facts (no provision named)."""
    facts = []
    for claim in claims:
        harm = claim.harm
        if harm is not None:
            for label, text in (
                ("The harm feared", harm.causal_chain),
                ("Evidence of harm", harm.evidence),
                ("What else is known (mosaic)", harm.mosaic),
                ("Earlier decisions", harm.precedent),
            ):
                if text.strip():
                    facts.append(f"{label}: {text.strip()}")
        balance = _balance(claim, case)
        if balance is not None and balance[1].strip():
            facts.append(f"The balance reached: {balance[1].strip()}")
    if not facts:
        return (
            "The original reasoning recorded nothing more for this item. Write the background "
            "facts a trainee may look up (what is held, what is already public, what the "
            "operational lead said about harm)."
        )
    return _shorten("\n".join(dict.fromkeys(facts)), TEXT_MAX)


def _model_answer(masked: Case, scenario_id: str) -> Case:
    """The masked case as a training draft: fictional requester, no life, letters or staff."""
    document = masked.model_dump(mode="json")
    document.update(
        id=f"model-{scenario_id}",
        status=CaseStatus.DRAFT.value,
        kind=CaseKind.TRAINING.value,
        linked_case=None,
        assigned_to="",
        demo=False,
        life=[],
        review=None,
        ico=None,
        issued_letters=[],
        recheck_steps=[],
        requester=Requester(name=FICTIONAL_REQUESTER).model_dump(mode="json"),
    )
    for key in ("copied_from", "export", "training"):
        document.pop(key, None)
    document["request"]["our_ref"] = f"TRAIN-{scenario_id.upper()}"[:40]
    document["request"]["their_ref"] = ""
    for claim in document["claims"]:
        balance = (claim.get("pit") or {}).get("balance")
        if balance:
            balance["decided_by"] = ""
        if claim.get("qp_opinion") and claim["qp_opinion"].get("name"):
            claim["qp_opinion"]["name"] = QUALIFIED_PERSON
    for combined in document["aggregate_balances"]:
        combined["decided_by"] = ""
    return Case.model_validate(document)


def _rubric(model: Case) -> Rubric:
    entries = []
    for item in model.request.items:
        needs = [
            ExpectedClaim(
                any_of=list(claim.citations),
                mode=claim.mode,
                likelihoods=[claim.harm.likelihood] if claim.harm and claim.harm.likelihood else [],
                balance=(_balance(claim, model) or (None, ""))[0],
                why=_reasoning(claim, model),
            )
            for claim in model.claims_for_item(item.number)
            if not claim.in_the_alternative
        ]
        entries.append(
            ItemRubric(
                item=item.number,
                outcomes=[item.outcome] if item.outcome else [Outcome.DISCLOSED],
                needs=needs,
                why=_shorten(item.notes, WHY_MAX),
            )
        )
    return Rubric(items=entries)  # key considerations: the trainer writes them


def _case_file(model: Case) -> list[CaseFileEntry]:
    entries = [
        CaseFileEntry(
            title=f"Item {item.number}: what the original reasoning relied on",
            text=_relied_on(
                [c for c in model.claims_for_item(item.number) if not c.in_the_alternative], model
            ),
        )
        for item in model.request.items
        if item.outcome in WITHHELD_OUTCOMES
    ]
    if not entries:
        searches = model.request.searches.strip() or "Write what is held and where it was found."
        entries.append(CaseFileEntry(title="What is held", text=_shorten(searches, TEXT_MAX)))
    return entries


def _objectives(model: Case) -> list[str]:
    sections = _sections(model)
    named = ", ".join(s for s in sections if s != "s1")
    objectives = ["Decide each item's outcome and explain it in plain English."]
    if named:
        objectives.append(
            f"Apply {named}: the harm where the test asks for it, and a public interest test "
            "with factors on both sides where the exemption is qualified."
        )
    return objectives


def _sections(model: Case) -> list[str]:
    found = {section_of(c) for claim in model.claims for c in claim.citations}
    return sorted(found, key=lambda s: (len(s), s)) or ["s1"]


def draft_problems(case: Case, scenario_id: str, title: str, taken: Iterable[str] = ()) -> list:
    """Why a scenario cannot be drafted from ``case`` with this id and title ([] when it can)."""
    problems = []
    if case.status not in (CaseStatus.ISSUED, CaseStatus.CLOSED) or case.kind != CaseKind.REQUEST:
        problems.append(
            FieldProblem(
                field="case",
                message="Only an issued request makes a scenario: its reasoning is finished.",
            )
        )
    if not SCENARIO_ID.match(scenario_id or ""):
        problems.append(
            FieldProblem(
                field="id",
                message="Use lower-case letters, digits and hyphens, for example 'anpr-cameras'.",
            )
        )
    elif scenario_id in set(taken):
        problems.append(FieldProblem(field="id", message="A scenario already has this id."))
    if not (title or "").strip():
        problems.append(FieldProblem(field="title", message="Give the scenario a title."))
    elif len(title.strip()) > 200:
        problems.append(FieldProblem(field="title", message="Keep the title to 200 characters."))
    return problems


def scenario_from_case(
    case: Case,
    scenario_id: str,
    title: str,
    level: Level | str,
    trainer: Person,
    *,
    taken: Iterable[str] = (),
) -> Scenario:
    """A draft scenario from an issued case (see the module's notes). Raises ``NotAllowed`` for
    someone who may not run training, ``AuthoringError`` (problems by field) for bad input:
    a case that is not an issued request, an id that is malformed or ``taken``, no title."""
    can_run_training(trainer).enforce()
    problems = draft_problems(case, scenario_id, title, taken)
    if problems:
        raise AuthoringError(problems)
    requester = case.requester
    masked = without_personal_data(case)
    model = _model_answer(masked, scenario_id)
    first_item = masked.request.items[0].text if masked.request.items else ""
    summary = masked.title.strip() or first_item
    return Scenario(
        id=scenario_id,
        title=mask_requester(title.strip(), requester),
        level=Level(level),
        sections=_sections(model),
        summary=_shorten(summary or "A request to the force.", 600),
        learning_objectives=_objectives(model),
        case_file=_case_file(model),
        model_answer=model,
        rubric=_rubric(model),
        source=None,
        built_in=False,
    )


__all__ = [
    "FICTIONAL_REQUESTER",
    "AuthoringError",
    "RubricEdit",
    "add_alternative",
    "add_key_consideration",
    "add_outcome",
    "add_wrong_claim",
    "draft_problems",
    "phrases",
    "remove_alternative",
    "remove_key_consideration",
    "remove_outcome",
    "remove_wrong_claim",
    "scenario_from_case",
    "set_details",
]
