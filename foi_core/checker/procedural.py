"""Rules about records particular provisions need: the s12 cost estimate and advice, the s36
qualified person's opinion and the s40(2) legitimate interests assessment."""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import BaseModel

from foi_core.models import ExemptionClaim, Outcome
from foi_core.plain import plain_date

from .context import Context, Hit, blank, rule


def _missing(labels: dict[str, str | None]) -> str:
    """'the name and the date' for the labels whose values are blank."""
    gaps = [label for label, value in labels.items() if blank(value)]
    if len(gaps) <= 1:
        return "".join(gaps)
    return ", ".join(gaps[:-1]) + " and " + gaps[-1]


def _record_gaps(
    claim: ExemptionClaim, record: BaseModel | None, absent: str, parts: dict[str, str]
) -> Iterator[Hit]:
    """A hit when the claim's ``record`` is missing (``absent``) or has blank parts.

    ``parts`` maps the plain name of each part the record needs to its field.
    """
    if record is None:
        yield Hit(claim=claim, detail=absent)
        return
    gaps = _missing({label: str(getattr(record, field) or "") for label, field in parts.items()})
    if gaps:
        yield Hit(claim=claim, detail=f"Missing: {gaps}.")


# --- The qualified person (s36) and legitimate interests (s40(2)) ---------------------------


@rule("s36-without-opinion")
def _s36_without_opinion(ctx: Context) -> Iterator[Hit]:
    for claim in ctx.claims_of_section("36"):
        yield from _record_gaps(
            claim,
            claim.qp_opinion,
            absent="No opinion is recorded.",
            parts={
                "the qualified person's name": "name",
                "the date of the opinion": "opinion_date",
                "the reasons": "reasons",
            },
        )


@rule("s36-opinion-after-response")
def _s36_opinion_after_response(ctx: Context) -> Iterator[Hit]:
    response = ctx.case.response_date
    if response is None:
        return
    for claim in ctx.claims_of_section("36"):
        opinion = claim.qp_opinion
        if opinion is not None and opinion.opinion_date and opinion.opinion_date > response:
            yield Hit(
                claim=claim,
                detail=f"The opinion is dated {plain_date(opinion.opinion_date)}; the response "
                f"is dated {plain_date(response)}.",
            )


def _s40_claims(ctx: Context) -> Iterator[ExemptionClaim]:
    for claim in ctx.case.claims:
        if claim.citation.startswith("s40(2)"):
            yield claim


@rule("s40-without-legitimate-interests")
def _s40_without_li(ctx: Context) -> Iterator[Hit]:
    for claim in _s40_claims(ctx):
        yield from _record_gaps(
            claim,
            claim.legitimate_interests,
            absent="No legitimate interests assessment is recorded.",
            parts={
                "the legitimate interest": "legitimate_interest",
                "whether disclosure is necessary": "necessity",
                "the balancing against the data subjects' rights": "balancing",
            },
        )


# --- Cost limit (s12) ---------------------------------------------------------------------------


def _cost_hit(ctx: Context) -> Hit:
    claims = ctx.claims_of_section("12")
    items = {item.number for item in ctx.case.items_with(Outcome.COST_LIMIT)}
    for claim in claims:
        items.update(claim.items)
    return Hit(claim=claims[0] if claims else None, items=tuple(sorted(items)))


@rule("s12-without-estimate")
def _s12_without_estimate(ctx: Context) -> Iterator[Hit]:
    estimate = ctx.case.cost_estimate
    if ctx.uses_cost_limit() and (estimate is None or not estimate.lines):
        yield _cost_hit(ctx)


@rule("s12-without-advice")
def _s12_without_advice(ctx: Context) -> Iterator[Hit]:
    estimate = ctx.case.cost_estimate
    if ctx.uses_cost_limit() and (estimate is None or blank(estimate.s16_advice)):
        yield _cost_hit(ctx)


@rule("s12-estimate-under-limit")
def _s12_under_limit(ctx: Context) -> Iterator[Hit]:
    estimate = ctx.case.cost_estimate
    if not ctx.uses_cost_limit() or estimate is None or not estimate.lines:
        return
    if not estimate.exceeds_limit:
        hit = _cost_hit(ctx)
        yield Hit(
            claim=hit.claim,
            items=hit.items,
            detail=f"{estimate.total_hours:.1f} hours, £{estimate.total_cost:,.2f}, against "
            f"a limit of {estimate.limit_hours:g} hours, £{estimate.limit_pounds:,.2f}",
        )
