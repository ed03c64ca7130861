"""Rules about the public interest test: factors on both sides, the balance (or a combined
balance), no test on an absolute exemption, and factors the law says are irrelevant."""

from __future__ import annotations

from collections.abc import Iterator

from foi_core.knowledge import IrrelevantFactor
from foi_core.models import ClaimMode, ExemptionClaim, Side

from .context import Context, Hit, rule


def _pit_empty(claim: ExemptionClaim) -> bool:
    return claim.pit is None or (not claim.pit.factors and claim.pit.balance is None)


@rule("qualified-without-factors-both-sides")
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


@rule("qualified-without-balance")
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


@rule("pit-on-absolute")
def _pit_on_absolute(ctx: Context) -> Iterator[Hit]:
    for claim, exemption in ctx.known_claims():
        if not exemption.absolute or _pit_empty(claim):
            continue
        if claim.mode is ClaimMode.NCND and exemption.ncnd_pit_optional:
            continue  # e.g. s40(5B): a PIT may be recorded (Dunhill, FTT 2025)
        yield Hit(claim=claim)


@rule("ncnd-without-pit")
def _ncnd_without_pit(ctx: Context) -> Iterator[Hit]:
    for claim, exemption in ctx.known_claims():
        if claim.mode is ClaimMode.NCND and exemption.pit_required and _pit_empty(claim):
            yield Hit(claim=claim)


@rule("irrelevant-factor-used")
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
