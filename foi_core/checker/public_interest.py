"""Rules about the public interest test: factors on both sides, the balance (or a combined
balance), no test on an absolute exemption, and factors the law says are irrelevant."""

from __future__ import annotations

from collections.abc import Iterator

from foi_core.knowledge import IrrelevantFactor
from foi_core.models import ClaimMode
from foi_core.reasoning import balanced, irrelevant_in, pit_empty, pit_sides_missing

from .context import Context, Hit, rule


@rule("qualified-without-factors-both-sides")
def _qualified_without_factors(ctx: Context) -> Iterator[Hit]:
    for claim in ctx.case.claims:
        if not ctx.provision(claim).pit_required or not ctx.provision(claim).entries:
            continue
        if claim.mode is ClaimMode.NCND and pit_empty(claim):
            continue  # ncnd-without-pit reports the missing NCND test as a whole
        missing = pit_sides_missing(claim)
        if missing:
            yield Hit(claim=claim, detail=f"No factor {' or '.join(missing)} is recorded.")


@rule("qualified-without-balance")
def _qualified_without_balance(ctx: Context) -> Iterator[Hit]:
    for claim in ctx.case.claims:
        if not ctx.provision(claim).pit_required or not ctx.provision(claim).entries:
            continue
        if claim.mode is ClaimMode.NCND and pit_empty(claim):
            continue
        if not balanced(ctx.case, claim):
            yield Hit(claim=claim)


@rule("pit-on-absolute")
def _pit_on_absolute(ctx: Context) -> Iterator[Hit]:
    for claim, exemption in ctx.known_claims():
        if not ctx.provision(claim).absolute or pit_empty(claim):
            continue
        if claim.mode is ClaimMode.NCND and exemption.ncnd_pit_optional:
            continue  # e.g. s40(5B): a PIT may be recorded (Dunhill, FTT 2025)
        yield Hit(claim=claim)


@rule("ncnd-without-pit")
def _ncnd_without_pit(ctx: Context) -> Iterator[Hit]:
    for claim in ctx.case.claims:
        provision = ctx.provision(claim)
        ncnd = claim.mode is ClaimMode.NCND
        if ncnd and provision.entries and provision.pit_required and pit_empty(claim):
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
            for irrelevant in irrelevant_in(text, claim, catalogue=ctx.catalogue):
                if irrelevant.id not in seen:
                    seen.add(irrelevant.id)
                    yield Hit(claim=claim, detail=_irrelevant_detail(irrelevant))
    for agg in ctx.case.aggregate_balances:
        weighed = [claim for claim in ctx.case.claims if claim.id in agg.claim_ids]
        found = [
            irrelevant
            for irrelevant in ctx.catalogue.detect_irrelevant(agg.reasoning)
            if not any(irrelevant.relevant_for(ctx.section(claim)) for claim in weighed)
        ]
        for irrelevant in found:
            citations = " and ".join(claim.citation for claim in weighed)
            yield Hit(
                items=tuple(agg.items),
                citation=f"the combined balance ({citations})",
                detail=_irrelevant_detail(irrelevant),
            )


def _irrelevant_detail(irrelevant: IrrelevantFactor) -> str:
    return irrelevant.label.lower()
