"""Which items and claims need which parts of the reasoning (from the case and the catalogue,
never from hard-coded section numbers)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from foi_core.models import WITHHELD_OUTCOMES, Case, ClaimMode, ExemptionClaim, Outcome, RequestItem

if TYPE_CHECKING:
    from foi_core.knowledge import Catalogue, Exemption

# Items with these outcomes need a provision (an exemption or a procedural refusal) on the
# Exemptions step.
CLAIM_OUTCOMES = WITHHELD_OUTCOMES | {Outcome.COST_LIMIT, Outcome.VEXATIOUS, Outcome.REPEATED}
# Items with these outcomes need the answer typed in.
ANSWER_OUTCOMES = frozenset({Outcome.DISCLOSED, Outcome.PARTLY_DISCLOSED})


def resolve_catalogue(catalogue: Catalogue | None) -> Catalogue:
    """The catalogue given, else the process-wide one."""
    if catalogue is not None:
        return catalogue
    from foi_core.knowledge import load_catalogue

    return load_catalogue()


def exemption_for(claim: ExemptionClaim, catalogue: Catalogue | None = None) -> Exemption | None:
    """The catalogue entry for a claim's citation (None for a citation the catalogue lacks)."""
    return resolve_catalogue(catalogue).get(claim.citation)


def claims_needing_harm(case: Case, catalogue: Catalogue | None = None) -> list[ExemptionClaim]:
    """Claims whose exemption has a prejudice-style test (harm must be shown)."""
    cat = resolve_catalogue(catalogue)
    result = []
    for claim in case.claims:
        exemption = cat.get(claim.citation)
        if exemption is not None and exemption.needs_harm_test:
            result.append(claim)
    return result


def claims_needing_pit(case: Case, catalogue: Catalogue | None = None) -> list[ExemptionClaim]:
    """Claims under a qualified exemption: a public interest test is required.

    A citation the catalogue does not know is treated as needing one, so nothing is skipped by
    mistake (the checker reports the unknown citation).
    """
    cat = resolve_catalogue(catalogue)
    result = []
    for claim in case.claims:
        exemption = cat.get(claim.citation)
        if exemption is None or exemption.pit_required:
            result.append(claim)
    return result


def absolute_claims(case: Case, catalogue: Catalogue | None = None) -> list[ExemptionClaim]:
    """Claims under an absolute exemption (no public interest test)."""
    cat = resolve_catalogue(catalogue)
    return [
        claim
        for claim in case.claims
        if (exemption := cat.get(claim.citation)) is not None and exemption.absolute
    ]


def provision_relied_on(claim: ExemptionClaim, exemption: Exemption | None) -> str:
    """The provision a claim relies on: the NCND provision (e.g. s31(3)) for an NCND claim whose
    exemption has one, else the claim's citation."""
    if claim.mode is ClaimMode.NCND and exemption is not None and exemption.ncnd_provision:
        return exemption.ncnd_provision
    return claim.citation


def claims_needing_qp_opinion(
    case: Case, catalogue: Catalogue | None = None
) -> list[ExemptionClaim]:
    """Claims whose exemption rests on a qualified person's opinion (s36)."""
    cat = resolve_catalogue(catalogue)
    return [
        claim
        for claim in case.claims
        if (exemption := cat.get(claim.citation)) is not None
        and exemption.test == "qualified_person"
    ]


def items_needing_claims(case: Case) -> list[RequestItem]:
    """Items withheld, neither confirmed nor denied, or refused: each needs a provision."""
    return [item for item in case.request.items if item.outcome in CLAIM_OUTCOMES]


def harm_complete(claim: ExemptionClaim, exemption: Exemption) -> bool:
    """Whether a claim's harm is set out (interest, causal chain, likelihood if asked)."""
    harm = claim.harm
    if harm is None or not harm.interest.strip() or not harm.causal_chain.strip():
        return False
    return not (exemption.test in ("prejudice", "endangerment") and harm.likelihood is None)


def pit_complete(claim: ExemptionClaim) -> bool:
    """Whether a claim's public interest test has factors on both sides."""
    pit = claim.pit
    return pit is not None and bool(pit.factors_for) and bool(pit.factors_against)


def balanced(case: Case, claim: ExemptionClaim) -> bool:
    """Whether a claim is balanced (its own conclusion or a combined balance covering it)."""
    if claim.pit is not None and claim.pit.balance is not None:
        return True
    return any(claim.id in agg.claim_ids for agg in case.aggregate_balances)
