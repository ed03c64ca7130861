"""Rules that a refusal holds together: the conclusion matches the outcome and its own
reasoning, decisions belong to this request, each claim records what its test asks, and nothing
copied from an earlier case goes out unchecked."""

from __future__ import annotations

from collections.abc import Iterator

from foi_core.knowledge import law_at
from foi_core.knowledge.language import argued_side
from foi_core.models import WITHHELD_OUTCOMES, ClaimMode, Conclusion, ExemptionClaim, Side
from foi_core.plain import plain_date
from foi_core.reasoning import publication_gaps, records_missing
from foi_core.steps import STEPS_BY_KEY

from .context import Context, Hit, rule

_ARGUES = {Side.FOR: Conclusion.DISCLOSE, Side.AGAINST: Conclusion.MAINTAIN}


def _supports_withholding(ctx: Context, claim: ExemptionClaim) -> bool:
    """A claim that can carry a refusal: absolute, procedural, or balanced towards maintaining."""
    provision = ctx.provision(claim)
    if provision.absolute or provision.procedural or not provision.entries:
        return True
    conclusions = [claim.pit.balance.conclusion] if claim.pit and claim.pit.balance else []
    conclusions += [
        agg.conclusion for agg in ctx.case.aggregate_balances if claim.id in agg.claim_ids
    ]
    return not conclusions or Conclusion.MAINTAIN in conclusions


@rule("balance-disclose-but-withheld")
def _balance_disclose_but_withheld(ctx: Context) -> Iterator[Hit]:
    for claim in ctx.case.claims:
        if _supports_withholding(ctx, claim):
            continue
        stranded = []
        for number in claim.items:
            item = ctx.case.request.item(number)
            others = [c for c in ctx.case.claims_for_item(number) if c.id != claim.id]
            if item.outcome in WITHHELD_OUTCOMES and not any(
                c.mode is claim.mode and _supports_withholding(ctx, c) for c in others
            ):
                stranded.append(number)
        if stranded:
            action = "neither confirmed nor denied" if claim.mode is ClaimMode.NCND else "withheld"
            yield Hit(claim=claim, items=tuple(stranded), detail=action)


@rule("reasoning-contradicts-conclusion")
def _reasoning_contradicts_conclusion(ctx: Context) -> Iterator[Hit]:
    for claim in ctx.case.claims:
        balance = claim.pit.balance if claim.pit else None
        if balance is None:
            continue
        side = _side(balance.reasoning)
        if side is not None and _ARGUES[side] is not balance.conclusion:
            yield Hit(claim=claim, detail=_contradiction(side))
    for agg in ctx.case.aggregate_balances:
        side = _side(agg.reasoning)
        if side is not None and _ARGUES[side] is not agg.conclusion:
            yield Hit(
                items=tuple(agg.items),
                citation="the combined balance",
                detail=_contradiction(side),
            )


def _side(reasoning: str) -> Side | None:
    """The side a balance's reasoning argues (foi_core.knowledge.language decides)."""
    side = argued_side(reasoning)
    return None if side is None else Side(side)


def _contradiction(side: Side) -> str:
    if side is Side.FOR:
        return "the reasoning argues for disclosure but the conclusion maintains the exemption"
    return "the reasoning argues for maintaining the exemption but the conclusion is to disclose"


@rule("decision-before-request")
def _decision_before_request(ctx: Context) -> Iterator[Hit]:
    received = ctx.case.request.received
    for claim in ctx.case.claims:
        dated = []
        if claim.pit and claim.pit.balance and claim.pit.balance.decided_on:
            dated.append(("the balance", claim.pit.balance.decided_on))
        if claim.qp_opinion and claim.qp_opinion.opinion_date:
            dated.append(("the qualified person's opinion", claim.qp_opinion.opinion_date))
        for what, day in dated:
            if day < received:
                yield Hit(claim=claim, detail=f"{what} is dated {plain_date(day)}")
    for agg in ctx.case.aggregate_balances:
        if agg.decided_on and agg.decided_on < received:
            yield Hit(
                items=tuple(agg.items),
                citation="the combined balance",
                detail=f"the combined balance is dated {plain_date(agg.decided_on)}",
            )


@rule("step-needs-recheck")
def _step_needs_recheck(ctx: Context) -> Iterator[Hit]:
    for key in ctx.case.recheck_steps:
        step = STEPS_BY_KEY.get(key)
        if step is not None and key not in ("check", "letter"):
            yield Hit(step=key, detail=step.title)


@rule("exemption-record-missing")
def _exemption_record_missing(ctx: Context) -> Iterator[Hit]:
    for claim in ctx.case.claims:
        for prompt in records_missing(claim, ctx.case, ctx.catalogue):
            yield Hit(claim=claim, detail=prompt.question)


@rule("s22-publication-missing")
def _s22_publication_missing(ctx: Context) -> Iterator[Hit]:
    for claim in ctx.case.claims:
        gaps = publication_gaps(claim, ctx.case, ctx.catalogue)
        if gaps:
            yield Hit(claim=claim, detail="; ".join(gaps))


@rule("ncnd-provision-used-to-withhold")
def _ncnd_provision_used_to_withhold(ctx: Context) -> Iterator[Hit]:
    for claim in ctx.case.claims:
        typed = ctx.provision(claim).ncnd_typed
        if typed and claim.mode is ClaimMode.WITHHOLD:
            yield Hit(claim=claim, citation=", ".join(typed))


@rule("limbs-from-different-sections")
def _limbs_from_different_sections(ctx: Context) -> Iterator[Hit]:
    for claim in ctx.case.claims:
        sections = {e.section for e in ctx.provision(claim).entries}
        if len(sections) > 1:
            yield Hit(claim=claim, detail=", ".join(claim.citations))


@rule("combined-balance-before-dbt")
def _combined_balance_before_dbt(ctx: Context) -> Iterator[Hit]:
    if not ctx.case.aggregate_balances:
        return
    day = ctx.case.response_date or ctx.today
    if not law_at(day).combined_balance_allowed:
        for agg in ctx.case.aggregate_balances:
            yield Hit(items=tuple(agg.items), detail=plain_date(day))
