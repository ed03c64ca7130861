"""Rules about the claims themselves: citations, the harm test, NCND consistency, and which
exemptions can stand together."""

from __future__ import annotations

import re
from collections.abc import Iterator

from foi_core.knowledge import holding_giveaways
from foi_core.models import ClaimMode, ExemptionClaim, Outcome
from foi_core.reasoning import harm_gaps

from .context import Context, Hit, blank, rule

# --- Citations and the catalogue --------------------------------------------------------------


def _limbs(ctx: Context, citation: str) -> list[str]:
    """Catalogue citations below this one, e.g. s31 -> s31(1)(a), s31(1)(b) ..."""
    return [e.citation for e in ctx.catalogue.exemptions if e.citation.startswith(citation + "(")]


@rule("citation-without-subsection")
def _citation_without_subsection(ctx: Context) -> Iterator[Hit]:
    for claim in ctx.case.claims:
        for citation in ctx.provision(claim).unknown:
            limbs = _limbs(ctx, citation)
            if limbs:
                shown = ", ".join(limbs[:6]) + (" ..." if len(limbs) > 6 else "")
                yield Hit(
                    claim=claim, citation=citation, detail=f"The Act's limbs here are {shown}."
                )


@rule("claim-outside-catalogue")
def _claim_outside_catalogue(ctx: Context) -> Iterator[Hit]:
    for claim in ctx.case.claims:
        for citation in ctx.provision(claim).unknown:
            if _limbs(ctx, citation):
                continue  # citation-without-subsection says which limb to choose
            section = citation.removeprefix("s").split("(", 1)[0]
            same_section = ctx.catalogue.by_section(section)
            detail = (
                "Provisions of that section in the catalogue: "
                + ", ".join(e.citation for e in same_section)
                + "."
                if same_section
                else ""
            )
            yield Hit(claim=claim, citation=citation, detail=detail)


# --- Harm (the gaps are decided in foi_core.reasoning) -----------------------------------------


def _claims_missing(ctx: Context, gap: str) -> Iterator[ExemptionClaim]:
    for claim in ctx.case.claims:
        if gap in harm_gaps(claim, ctx.case, ctx.catalogue):
            yield claim


@rule("prejudice-without-interest")
def _prejudice_without_interest(ctx: Context) -> Iterator[Hit]:
    for claim in _claims_missing(ctx, "the interest harmed"):
        yield Hit(
            claim=claim, detail=f"The interest this limb protects: {ctx.provision(claim).interest}"
        )


@rule("prejudice-without-causal-chain")
def _prejudice_without_causal_chain(ctx: Context) -> Iterator[Hit]:
    for claim in _claims_missing(ctx, "how disclosure would cause the harm"):
        yield Hit(claim=claim)


@rule("prejudice-without-likelihood")
def _prejudice_without_likelihood(ctx: Context) -> Iterator[Hit]:
    for claim in _claims_missing(ctx, "the likelihood"):
        yield Hit(claim=claim)


@rule("ncnd-without-harm")
def _ncnd_without_harm(ctx: Context) -> Iterator[Hit]:
    for claim in _claims_missing(ctx, "the harm of confirming or denying"):
        yield Hit(claim=claim)


# --- NCND consistency -------------------------------------------------------------------------


def _ncnd_texts(ctx: Context) -> Iterator[tuple[Hit, str, str]]:
    """(hit, where, text) for every piece of text that an NCND answer must keep neutral."""
    for item in ctx.case.items_with(Outcome.NCND):
        for label, text in (
            ("answer", item.answer),
            ("notes", item.notes),
            ("where to find it", item.where_to_find),
        ):
            yield Hit(item=item.number), f"the {label} for item {item.number}", text
    ncnd_claims = [claim for claim in ctx.case.claims if claim.mode is ClaimMode.NCND]
    for claim in ncnd_claims:
        hit = Hit(claim=claim)
        if claim.harm is not None:
            harm = claim.harm
            for label, text in (
                ("harm", harm.interest),
                ("harm", harm.causal_chain),
                ("harm", harm.mosaic),
                ("harm", harm.precedent),
                ("harm", harm.evidence),
                *(("harm", answer) for answer in harm.prompt_answers.values()),
            ):
                yield hit, f"the {label} for {claim.citation}", text
        if claim.pit is not None:
            for factor in claim.pit.factors:
                yield hit, f"a public interest factor for {claim.citation}", factor.text
            if claim.pit.balance is not None:
                yield hit, f"the balance for {claim.citation}", claim.pit.balance.reasoning
        if claim.legitimate_interests is not None:
            li = claim.legitimate_interests
            for text in (li.legitimate_interest, li.necessity, li.balancing):
                yield hit, f"the legitimate interests record for {claim.citation}", text
        yield hit, f"the notes for {claim.citation}", claim.notes
    if ncnd_claims:
        yield Hit(), "the overall harm", ctx.case.overall_harm
        ncnd_ids = {claim.id for claim in ncnd_claims}
        for agg in ctx.case.aggregate_balances:
            if ncnd_ids & set(agg.claim_ids):
                yield Hit(items=tuple(agg.items)), "the combined balance", agg.reasoning


# "confirming or denying whether we hold ..." is neutral: a phrase straight after these words
# asks the question rather than answering it.
_NEUTRAL_BEFORE = re.compile(r"\b(whether|if)( or not)?\s+$", re.IGNORECASE)


def _leak_phrases(ctx: Context, text: str) -> list[str]:
    """What in ``text`` gives away whether information is held, in any wording
    (``holding_giveaways``), then the rule book's own leak phrases used as statements."""
    found = holding_giveaways(text)
    for phrase in ctx.rule_book.leaks(text):
        pattern = re.compile(r"\b" + re.escape(phrase) + r"\b", re.IGNORECASE)
        stated = any(not _NEUTRAL_BEFORE.search(text[: m.start()]) for m in pattern.finditer(text))
        if stated and not any(f"'{phrase}" in description for description in found):
            found.append(f"'{phrase}' says whether information is held")
    return found


@rule("ncnd-text-leaks-holding")
def _ncnd_text_leaks_holding(ctx: Context) -> Iterator[Hit]:
    for hit, where, text in _ncnd_texts(ctx):
        if blank(text):
            continue
        giveaways = _leak_phrases(ctx, text)
        if giveaways:
            yield Hit(
                claim=hit.claim,
                item=hit.item,
                items=hit.items,
                detail=f"{'; '.join(giveaways)}, in {where}",
            )


# --- Combinations of exemptions ----------------------------------------------------------------


def _overlapping_pairs(
    ctx: Context, first: str, second: str, mode: ClaimMode
) -> Iterator[tuple[ExemptionClaim, ExemptionClaim, list[int]]]:
    for a in ctx.claims_of_section(first):
        for b in ctx.claims_of_section(second):
            if a.mode is mode and b.mode is mode:
                shared = sorted(set(a.items) & set(b.items))
                if shared:
                    yield a, b, shared


@rule("s30-and-s31-same-items")
def _s30_and_s31(ctx: Context) -> Iterator[Hit]:
    # s31 covers only information not exempt under s30, so both cannot withhold the same
    # information; both may be relied on to neither confirm nor deny (s30(3), s31(3)).
    for s30, s31, shared in _overlapping_pairs(ctx, "30", "31", ClaimMode.WITHHOLD):
        yield Hit(
            claim=s31,
            items=tuple(shared),
            citation=f"{s30.citation} and {s31.citation}",
        )


@rule("s23-s24-not-in-alternative")
def _s23_s24_alternative(ctx: Context) -> Iterator[Hit]:
    for s23, s24, shared in _overlapping_pairs(ctx, "23", "24", ClaimMode.WITHHOLD):
        if not (s23.in_the_alternative and s24.in_the_alternative):
            unmarked = [c.citation for c in (s23, s24) if not c.in_the_alternative]
            yield Hit(
                claim=s24 if not s24.in_the_alternative else s23,
                items=tuple(shared),
                citation=f"{s23.citation} and {s24.citation}",
                detail=f"Not marked 'in the alternative': {' and '.join(unmarked)}.",
            )


# --- Particular exemptions ------------------------------------------------------------------------


@rule("s35-not-government-department")
def _s35(ctx: Context) -> Iterator[Hit]:
    if ctx.profile.is_government_department:
        return
    for claim in ctx.claims_of_section("35"):
        yield Hit(claim=claim)
