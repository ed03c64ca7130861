"""Rules about the claims themselves: citations, the harm test, NCND consistency, and which
exemptions can stand together."""

from __future__ import annotations

import re
from collections.abc import Iterator

from foi_core.models import ClaimMode, ExemptionClaim, Outcome

from .context import Context, Hit, blank, rule

# --- Citations and the catalogue --------------------------------------------------------------


def _limbs(ctx: Context, citation: str) -> list[str]:
    """Catalogue citations below this one, e.g. s31 -> s31(1)(a), s31(1)(b) ..."""
    return [e.citation for e in ctx.catalogue.exemptions if e.citation.startswith(citation + "(")]


@rule("citation-without-subsection")
def _citation_without_subsection(ctx: Context) -> Iterator[Hit]:
    for claim in ctx.case.claims:
        limbs = _limbs(ctx, claim.citation)
        if limbs:
            shown = ", ".join(limbs[:6]) + (" ..." if len(limbs) > 6 else "")
            yield Hit(claim=claim, detail=f"The Act's limbs here are {shown}.")


@rule("claim-outside-catalogue")
def _claim_outside_catalogue(ctx: Context) -> Iterator[Hit]:
    for claim in ctx.case.claims:
        if ctx.exemption(claim) is None and not _limbs(ctx, claim.citation):
            same_section = ctx.catalogue.by_section(ctx.section(claim))
            detail = (
                "Provisions of that section in the catalogue: "
                + ", ".join(e.citation for e in same_section)
                + "."
                if same_section
                else ""
            )
            yield Hit(claim=claim, detail=detail)


# --- Harm ---------------------------------------------------------------------------------------


@rule("prejudice-without-interest")
def _prejudice_without_interest(ctx: Context) -> Iterator[Hit]:
    for claim, exemption in ctx.known_claims():
        if exemption.needs_harm_test and (claim.harm is None or blank(claim.harm.interest)):
            yield Hit(claim=claim, detail=f"The interest this limb protects: {exemption.interest}")


@rule("prejudice-without-causal-chain")
def _prejudice_without_causal_chain(ctx: Context) -> Iterator[Hit]:
    for claim, exemption in ctx.known_claims():
        if claim.mode is ClaimMode.NCND:
            continue  # the harm of confirming or denying: ncnd-without-harm
        if exemption.needs_harm_test and (claim.harm is None or blank(claim.harm.causal_chain)):
            yield Hit(claim=claim)


@rule("prejudice-without-likelihood")
def _prejudice_without_likelihood(ctx: Context) -> Iterator[Hit]:
    for claim, exemption in ctx.known_claims():
        if exemption.needs_harm_test and (claim.harm is None or claim.harm.likelihood is None):
            yield Hit(claim=claim)


@rule("ncnd-without-harm")
def _ncnd_without_harm(ctx: Context) -> Iterator[Hit]:
    overall = not blank(ctx.case.overall_harm)
    for claim in ctx.case.claims:
        if claim.mode is not ClaimMode.NCND or overall:
            continue
        own_harm = claim.harm is not None and not blank(claim.harm.causal_chain)
        li_balance = claim.legitimate_interests is not None and not blank(
            claim.legitimate_interests.balancing
        )
        if not own_harm and not li_balance:
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
    """The rule book's leak phrases that ``text`` uses as statements (not after 'whether')."""
    found = []
    for phrase in ctx.rule_book.leaks(text):
        pattern = re.compile(r"\b" + re.escape(phrase) + r"\b", re.IGNORECASE)
        if any(not _NEUTRAL_BEFORE.search(text[: m.start()]) for m in pattern.finditer(text)):
            found.append(phrase)
    return found


@rule("ncnd-text-leaks-holding")
def _ncnd_text_leaks_holding(ctx: Context) -> Iterator[Hit]:
    for hit, where, text in _ncnd_texts(ctx):
        if blank(text):
            continue
        phrases = _leak_phrases(ctx, text)
        if phrases:
            quoted = ", ".join(f"'{phrase}'" for phrase in phrases)
            yield Hit(
                claim=hit.claim,
                item=hit.item,
                items=hit.items,
                detail=f"{quoted} in {where}",
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
