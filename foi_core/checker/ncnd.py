"""NCND across the whole letter: the answer to a neither-confirm-nor-deny question must not be
given away by what the letter says about the other questions, nor by the searches it lists."""

from __future__ import annotations

from collections.abc import Iterator

from foi_core.knowledge.language import mentions, subject_terms
from foi_core.models import ClaimMode, Outcome

from .context import Context, Hit, blank, rule


def _other_texts(ctx: Context, ncnd_number: int) -> Iterator[tuple[str, str]]:
    """(where, text) for our own words in the letter that are about other questions."""
    case = ctx.case
    for item in case.request.items:
        if item.number == ncnd_number or item.outcome is Outcome.NCND:
            continue
        label = item.shown_number
        yield f"the answer to question {label}", item.answer
        yield f"where to find question {label}", item.where_to_find
        yield f"the information given for question {label}", item.discretionary
    for claim in case.claims:
        if claim.mode is ClaimMode.NCND or ncnd_number in claim.items:
            continue
        where = f"the reasoning for {claim.citation}"
        harm = claim.harm
        if harm is not None:
            for text in (harm.interest, harm.causal_chain, harm.mosaic, harm.precedent):
                yield where, text
        if claim.pit is not None:
            for factor in claim.pit.factors:
                yield where, factor.text
            if claim.pit.balance is not None:
                yield where, claim.pit.balance.reasoning


@rule("ncnd-subject-named-elsewhere")
def _ncnd_subject_named_elsewhere(ctx: Context) -> Iterator[Hit]:
    for item in ctx.case.items_with(Outcome.NCND):
        terms = subject_terms(item.text)
        if not terms:
            continue
        for where, text in _other_texts(ctx, item.number):
            if blank(text):
                continue
            named = mentions(text, terms)
            if named:
                quoted = " and ".join(f"'{term}'" for term in named)
                yield Hit(item=item.number, detail=f"{where} mentions {quoted}")


@rule("ncnd-searches-listed")
def _ncnd_searches_listed(ctx: Context) -> Iterator[Hit]:
    case = ctx.case
    ncnd_items = case.items_with(Outcome.NCND)
    for item in ncnd_items:
        if not blank(item.searches):
            yield Hit(item=item.number, detail="so the letter would list them")
    answered = [i for i in case.request.items if i.outcome is not None]
    if ncnd_items and len(ncnd_items) == len(answered) and not blank(case.request.searches):
        yield Hit(
            items=tuple(i.number for i in ncnd_items),
            detail="and the letter would list the searches made for the request as a whole",
        )
