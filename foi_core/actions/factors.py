"""Public interest actions: factors added (written or from the library), edited and removed.

A claim's balance is kept whenever its factors change; the later steps are marked re-check.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from pydantic import ValidationError

from foi_core.actions.result import ActionResult, Problems
from foi_core.models import (
    Case,
    ClaimMode,
    ExemptionClaim,
    Factor,
    PublicInterestTest,
    Side,
    Weight,
    explain_errors,
)
from foi_core.reasoning import resolve_catalogue
from foi_core.workflow import apply_step_edit

if TYPE_CHECKING:
    from foi_core.knowledge import Catalogue, LibraryFactor


def library_choices(
    claim: ExemptionClaim, side: Side, catalogue: Catalogue | None = None
) -> list[LibraryFactor]:
    """Library factors to offer for a claim and side, leaving out those already picked.

    An NCND claim is offered the exemption's confirm-or-deny wordings first, then the rest; a
    claim that withholds is offered the disclosure wordings only. General factors for disclosure
    come after the exemption's own factors.
    """
    ncnd = claim.mode is ClaimMode.NCND
    offered = resolve_catalogue(catalogue).factors_for_claim(claim.citation, ncnd=ncnd)[
        "for" if side is Side.FOR else "against"
    ]
    if not ncnd:
        offered = [factor for factor in offered if not factor.ncnd]
    used = {f.library_id for f in (claim.pit.factors if claim.pit else []) if f.library_id}
    return [factor for factor in offered if factor.id not in used]


def set_factors(case: Case, claim_id: str, factors: list[Factor], summary: str) -> ActionResult:
    """The claim's factors replaced (its balance kept)."""
    edited = case.model_copy(deep=True)
    claim = edited.claim(claim_id)
    pit = claim.pit or PublicInterestTest()
    claim.pit = PublicInterestTest(factors=factors, balance=pit.balance)
    return ActionResult.done(apply_step_edit(case, edited, "public_interest"), summary, "Saved.")


def _factors(case: Case, claim_id: str) -> list[Factor]:
    pit = case.claim(claim_id).pit
    return list(pit.factors) if pit else []


def write_factor(
    case: Case, claim_id: str, side: Side, text: str, weight: Weight, rationale: str = ""
) -> ActionResult:
    """A factor written by the officer added (text and rationale trimmed; the text is needed)."""
    try:
        factor = Factor(
            side=side, text=(text or "").strip(), weight=weight, rationale=(rationale or "").strip()
        )
    except ValidationError as error:
        return ActionResult.refused(explain_errors(error))
    citation = case.claim(claim_id).citation
    return set_factors(
        case, claim_id, [*_factors(case, claim_id), factor], f"Factor added for {citation}"
    )


def pick_library_factors(
    case: Case,
    claim_id: str,
    chosen: Mapping[Side, Iterable[str]],
    catalogue: Catalogue | None = None,
) -> ActionResult:
    """Library factors added by id for each side (from those offered), each with a moderate
    weight and the library's rationale; at least one is needed."""
    claim = case.claim(claim_id)
    new = [
        Factor(side=side, text=offer.text, rationale=offer.rationale, library_id=offer.id)
        for side in (Side.FOR, Side.AGAINST)
        for offer in library_choices(claim, side, catalogue)
        if offer.id in set(chosen.get(side) or ())
    ]
    if not new:
        return ActionResult.problem("library", "Choose at least one factor from the lists first.")
    return set_factors(
        case,
        claim_id,
        [*_factors(case, claim_id), *new],
        f"Library factors added for {claim.citation}",
    )


def edit_factor(
    case: Case, claim_id: str, factor_id: str, text: str, weight: Weight | None, rationale: str
) -> ActionResult:
    """A recorded factor's text, weight and rationale changed (the text is still needed).

    Problems are named ``<factor id>.<field>``.
    """
    factors = _factors(case, claim_id)
    factor = next(f for f in factors if f.id == factor_id)
    try:
        edited = Factor.model_validate(
            {
                **factor.model_dump(),
                "text": (text or "").strip(),
                "weight": weight or factor.weight,
                "rationale": (rationale or "").strip(),
            }
        )
    except ValidationError as error:
        problems = Problems()
        for problem in explain_errors(error):
            problems.add(
                f"{factor_id}.{problem.field}", problem.message + " Write the factor, or remove it."
            )
        return ActionResult.refused(problems)
    citation = case.claim(claim_id).citation
    kept = [edited if f.id == factor_id else f for f in factors]
    return set_factors(case, claim_id, kept, f"Factor saved for {citation}")


def remove_factor(case: Case, claim_id: str, factor_id: str) -> ActionResult:
    """A recorded factor removed."""
    kept = [f for f in _factors(case, claim_id) if f.id != factor_id]
    citation = case.claim(claim_id).citation
    return set_factors(case, claim_id, kept, f"Factor removed from {citation}")
