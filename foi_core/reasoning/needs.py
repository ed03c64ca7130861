"""The legal predicates: which items and claims need which parts of the reasoning, and whether
each part is complete. The checker, the stepper, the letter and the pages all ask these.

Decided from the case and the exemption catalogue (``provisions.provision_of``), never from
hard-coded section numbers.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from foi_core.models import (
    WITHHELD_OUTCOMES,
    Case,
    ClaimMode,
    ExemptionClaim,
    Outcome,
    RequestItem,
    Side,
)

from .provisions import provision_of

if TYPE_CHECKING:
    from foi_core.knowledge import Catalogue, IrrelevantFactor, RecordPrompt

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


def items_needing_claims(case: Case) -> list[RequestItem]:
    """Items withheld, neither confirmed nor denied, or refused: each needs a provision."""
    return [item for item in case.request.items if item.outcome in CLAIM_OUTCOMES]


# --- Harm ---------------------------------------------------------------------------------------


def harm_gaps(claim: ExemptionClaim, case: Case, catalogue: Catalogue | None = None) -> list[str]:
    """What the harm step still needs for ``claim`` ([] when complete or not needed).

    A prejudice-style limb needs the interest, the causal chain and the likelihood; an NCND use
    needs the harm of confirming or denying (its own causal chain, the case's overall harm, or
    for s40 the legitimate interests balance).
    """
    provision = provision_of(claim, catalogue)
    harm = claim.harm
    gaps: list[str] = []
    if provision.harm_test and (harm is None or not harm.interest.strip()):
        gaps.append("the interest harmed")
    chain = harm is not None and bool(harm.causal_chain.strip())
    if claim.mode is ClaimMode.NCND:
        li = claim.legitimate_interests
        covered = chain or bool(case.overall_harm.strip())
        covered = covered or (li is not None and bool(li.balancing.strip()))
        if not covered:
            gaps.append("the harm of confirming or denying")
    elif provision.harm_test and not chain:
        gaps.append("how disclosure would cause the harm")
    if provision.harm_test and (harm is None or harm.likelihood is None):
        gaps.append("the likelihood")
    return gaps


def records_missing(
    claim: ExemptionClaim, case: Case, catalogue: Catalogue | None = None
) -> list[RecordPrompt]:
    """The catalogue's required record prompts for the claim's limbs that are not answered.

    Only for withholding: for an NCND use, recording (let alone printing) which investigation
    the information was held for would answer the question; its harm of confirming or denying
    stands in.
    """
    provision = provision_of(claim, catalogue)
    if claim.mode is ClaimMode.NCND:
        return []
    missing: list[RecordPrompt] = []
    for entry in provision.entries:
        for prompt in entry.record_prompts:
            answered = bool(claim.records.get(prompt.id, "").strip())
            if prompt.required and not answered and prompt not in missing:
                missing.append(prompt)
    return missing


def needs_publication_plan(claim: ExemptionClaim, catalogue: Catalogue | None = None) -> bool:
    """Whether the claim rests on an intention to publish (s22, s22A)."""
    return any(e.section in {"22", "22A"} for e in provision_of(claim, catalogue).entries)


def publication_gaps(
    claim: ExemptionClaim, case: Case, catalogue: Catalogue | None = None
) -> list[str]:
    """What a s22 claim's publication record lacks, including an intention settled only after
    the request arrived ([] when complete or not needed)."""
    if not needs_publication_plan(claim, catalogue):
        return []
    plan = claim.publication
    if plan is None:
        return ["who intends to publish", "when", "when the intention was settled"]
    gaps = []
    if not plan.publisher.strip():
        gaps.append("who intends to publish")
    if not plan.intended.strip():
        gaps.append("when")
    if plan.settled_on is None:
        gaps.append("when the intention was settled")
    elif plan.settled_on > case.request.received:
        gaps.append("an intention settled by the time the request arrived")
    return gaps


def claims_needing_harm(case: Case, catalogue: Catalogue | None = None) -> list[ExemptionClaim]:
    """Claims the harm step covers: prejudice-style limbs, NCND uses, and limbs whose catalogue
    entry asks for particular records (s24(1) why exemption is required, s30 the investigation,
    s22 the publication plan ...)."""
    result = []
    for claim in case.claims:
        provision = provision_of(claim, catalogue)
        if (
            provision.harm_test
            or claim.mode is ClaimMode.NCND
            or any(e.record_prompts for e in provision.entries)
            or needs_publication_plan(claim, catalogue)
        ):
            result.append(claim)
    return result


# --- Public interest and balance ------------------------------------------------------------------


def claims_needing_pit(case: Case, catalogue: Catalogue | None = None) -> list[ExemptionClaim]:
    """Claims under a qualified exemption: a public interest test is required.

    A citation the catalogue does not know is treated as needing one, so nothing is skipped by
    mistake (the checker reports the unknown citation).
    """
    return [claim for claim in case.claims if provision_of(claim, catalogue).pit_required]


def absolute_claims(case: Case, catalogue: Catalogue | None = None) -> list[ExemptionClaim]:
    """Claims under an absolute exemption (no public interest test)."""
    return [claim for claim in case.claims if provision_of(claim, catalogue).absolute]


def pit_empty(claim: ExemptionClaim) -> bool:
    """No factor and no balance recorded."""
    return claim.pit is None or (not claim.pit.factors and claim.pit.balance is None)


def pit_sides_missing(claim: ExemptionClaim) -> list[str]:
    """'for' and/or 'against' when no factor on that side is recorded."""
    pit = claim.pit
    missing = []
    if pit is None or not pit.factors_for:
        missing.append("for")
    if pit is None or not pit.factors_against:
        missing.append("against")
    return missing


def balanced(case: Case, claim: ExemptionClaim) -> bool:
    """Whether a claim is balanced (its own conclusion or a combined balance covering it)."""
    if claim.pit is not None and claim.pit.balance is not None:
        return True
    return any(claim.id in agg.claim_ids for agg in case.aggregate_balances)


def irrelevant_in(
    text: str,
    claim: ExemptionClaim,
    side: Side = Side.AGAINST,
    catalogue: Catalogue | None = None,
) -> list[IrrelevantFactor]:
    """The irrelevant considerations ``text`` relies on, judged as the check judges a factor of
    ``claim``: only the case for maintaining the exemption (a factor against disclosure, or the
    balance's reasoning) can rely on one, and what is irrelevant depends on the exemption (distress
    is the very interest s38 protects)."""
    if side is Side.FOR or not text.strip():
        return []
    section = provision_of(claim, catalogue).section or None
    return resolve_catalogue(catalogue).detect_irrelevant(text, section)


def provision_relied_on(claim: ExemptionClaim) -> str:
    """The provision a claim relies on first: the NCND provision (e.g. s31(3)) for an NCND use,
    else the claim's citation."""
    return provision_of(claim).cited[0]


def claims_needing_qp_opinion(
    case: Case, catalogue: Catalogue | None = None
) -> list[ExemptionClaim]:
    """Claims whose exemption rests on a qualified person's opinion (s36)."""
    return [claim for claim in case.claims if provision_of(claim, catalogue).qualified_person]
