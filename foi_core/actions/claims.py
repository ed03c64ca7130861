"""Exemptions actions: provisions added, changed and removed, suggestions dismissed."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from pydantic import ValidationError

from foi_core.actions.result import ActionResult, Problems
from foi_core.models import Case, ClaimMode, ExemptionClaim, Outcome, explain_errors
from foi_core.workflow import apply_step_edit, items_needing_claims, remove_claim
from foi_core.workflow.needs import resolve_catalogue

if TYPE_CHECKING:
    from foi_core.knowledge import Catalogue, Suggestion


@dataclass(frozen=True)
class ClaimChoice:
    """The items a provision covers, what it is used to do, and whether it is in the
    alternative."""

    items: Sequence[int]
    mode: ClaimMode = ClaimMode.WITHHOLD
    in_the_alternative: bool = False


def default_mode(case: Case) -> ClaimMode:
    """What a new provision is used for: NCND when every item needing one is NCND."""
    needing = items_needing_claims(case)
    return ClaimMode.NCND if all(i.outcome is Outcome.NCND for i in needing) else ClaimMode.WITHHOLD


def _choice_problems(citation: str, choice: ClaimChoice, catalogue: Catalogue) -> Problems:
    """No item chosen, or NCND under a provision without an NCND provision."""
    problems = Problems()
    if not choice.items:
        problems.add("items", "Choose at least one item.")
    exemption = catalogue.get(citation)
    if choice.mode is ClaimMode.NCND and exemption is not None and not exemption.ncnd_provision:
        problems.add("mode", f"{citation} has no provision to neither confirm nor deny.")
    return problems


def _saved(case: Case, edited: Case, summary: str) -> ActionResult:
    return ActionResult.done(apply_step_edit(case, edited, "exemptions"), summary, summary + ".")


def add_claim(
    case: Case, citation: str, choice: ClaimChoice, catalogue: Catalogue | None = None
) -> ActionResult:
    """A provision added (once per case; to change one, edit it)."""
    problems = Problems()
    if any(claim.citation == citation for claim in case.claims):
        problems.add("citation", f"{citation} is already listed above; edit it there.")
    problems.extend(_choice_problems(citation, choice, resolve_catalogue(catalogue)))
    if problems:
        return ActionResult.refused(problems)
    try:
        claim = ExemptionClaim(
            citation=citation,
            items=list(choice.items),
            mode=choice.mode,
            in_the_alternative=choice.in_the_alternative,
        )
    except ValidationError as error:
        return ActionResult.refused(explain_errors(error))
    edited = case.model_copy(deep=True)
    edited.claims = [*case.claims, claim]
    return _saved(case, edited, f"Added {citation}")


def update_claim(
    case: Case, claim_id: str, choice: ClaimChoice, catalogue: Catalogue | None = None
) -> ActionResult:
    """A provision's items, mode and 'in the alternative' changed."""
    claim = case.claim(claim_id)
    problems = _choice_problems(claim.citation, choice, resolve_catalogue(catalogue))
    if problems:
        return ActionResult.refused(problems)
    data = case.model_dump()
    for raw in data["claims"]:
        if raw["id"] == claim_id:
            raw.update(
                items=list(choice.items),
                mode=choice.mode,
                in_the_alternative=choice.in_the_alternative,
            )
    try:
        edited = Case.model_validate(data)
    except ValidationError as error:
        return ActionResult.refused(explain_errors(error))
    return _saved(case, edited, f"{claim.citation} updated")


def drop_claim(case: Case, claim_id: str) -> ActionResult:
    """A provision removed (combined balances lose it; later steps re-check)."""
    citation = case.claim(claim_id).citation
    return _saved(case, remove_claim(case, claim_id), f"Removed {citation}")


def open_suggestions(case: Case, catalogue: Catalogue | None = None) -> list[Suggestion]:
    """Provisions the request's words suggest, less those chosen or dismissed already."""
    text = "\n".join([case.request.text, *(item.text for item in case.request.items)])
    chosen = {claim.citation for claim in case.claims}
    return [
        suggestion
        for suggestion in resolve_catalogue(catalogue).suggest(text)
        if suggestion.citation not in chosen
        and suggestion.citation not in case.dismissed_suggestions
    ]


def dismiss_suggestion(case: Case, citation: str) -> ActionResult:
    """A suggested provision no longer offered for this case (nothing to re-check)."""
    edited = case.model_copy(deep=True)
    edited.dismissed_suggestions = [*case.dismissed_suggestions, citation]
    return ActionResult.done(edited, f"Suggestion {citation} dismissed")
