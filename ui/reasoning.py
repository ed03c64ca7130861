"""Helpers for the reasoning pages (harm, public interest, balance, check, letter).

Plain functions over the Case and the catalogue, so pages stay short scripts and tests can call
these directly. Nothing here renders text typed by a user as Markdown or HTML.
"""

from __future__ import annotations

import datetime as dt
import functools

import pandas as pd
import streamlit as st

from foi_core.knowledge import Catalogue, Exemption, load_catalogue
from foi_core.models import (
    LIKELIHOOD_LABELS,
    WEIGHT_POINTS,
    Case,
    ClaimMode,
    CostActivity,
    CostEstimate,
    ExemptionClaim,
    Likelihood,
    PublicInterestTest,
    Side,
    Weight,
)
from foi_core.plain import items_text
from foi_core.reasoning import claims_needing_pit, irrelevant_in, provision_of
from ui.nav import PAGES_BY_STEP

LIKELIHOOD_MEANINGS: dict[Likelihood, str] = {
    Likelihood.WOULD: (
        "More probable than not (over 50%). Needs strong evidence; carries more weight in the "
        "public interest test."
    ),
    Likelihood.WOULD_BE_LIKELY: (
        "A real and significant risk, more than hypothetical or remote, even if below 50%."
    ),
}

WEIGHT_LABELS: dict[Weight, str] = {
    Weight.LOW: "Low",
    Weight.MODERATE: "Moderate",
    Weight.HIGH: "High",
}

COST_ACTIVITY_LABELS: dict[CostActivity, str] = {
    CostActivity.DETERMINE: "Determining whether it is held",
    CostActivity.LOCATE: "Locating it",
    CostActivity.RETRIEVE: "Retrieving it",
    CostActivity.EXTRACT: "Extracting it",
}


def catalogue() -> Catalogue:
    """The exemption catalogue (loaded once per server process)."""
    return load_catalogue()


def claim_title(claim: ExemptionClaim, exemption: Exemption | None) -> str:
    """A heading for a claim, e.g. 's31(3) Law enforcement (neither confirm nor deny, with
    s31(1)(a)), items 1 to 16', naming every limb cited together. Built from catalogue text,
    citations (checked by the model) and numbers only, so it is safe as Markdown."""
    title = exemption.title if exemption is not None else "provision not in the catalogue"
    provision = provision_of(claim)
    cited = ", ".join(provision.cited)
    limbs = ", ".join(provision.limbs)
    mode = ""
    if claim.mode is ClaimMode.NCND:
        mode = " (neither confirm nor deny"
        mode += f", with {limbs})" if limbs and limbs != cited else ")"
    alternative = ", in the alternative" if claim.in_the_alternative else ""
    return f"{cited} {title}{mode}{alternative}: {items_text(claim.items)}"


def pit_claims(case: Case, cat: Catalogue | None = None) -> list[ExemptionClaim]:
    """Claims under a qualified exemption (each needs its own public interest test)."""
    return claims_needing_pit(case, cat or catalogue())


def side_label(side: Side, claim: ExemptionClaim) -> str:
    """'For disclosure' / 'For maintaining the exemption', worded for NCND claims."""
    if claim.mode is ClaimMode.NCND:
        return (
            "For confirming or denying"
            if side is Side.FOR
            else "Against confirming or denying (maintaining the exclusion)"
        )
    return (
        "For disclosure" if side is Side.FOR else "Against disclosure (maintaining the exemption)"
    )


def irrelevant_messages(text: str, claim: ExemptionClaim, side: Side = Side.AGAINST) -> list[str]:
    """Plain-English warnings for irrelevant considerations the text relies on, judged as the
    check judges them (``foi_core.reasoning.irrelevant_in``)."""
    return list(_cached_irrelevant_messages(text or "", claim.citations[0], side))


@functools.lru_cache(maxsize=4096)
def _cached_irrelevant_messages(text: str, citation: str, side: Side) -> tuple[str, ...]:
    """The same, remembered per text, provision and side (reruns repeat texts)."""
    claim = ExemptionClaim(citation=citation)
    return tuple(
        f"This looks like an irrelevant factor: {factor.label}. {factor.explanation}"
        for factor in irrelevant_in(text, claim, side)
    )


def points(pit: PublicInterestTest | None) -> tuple[int, int]:
    """Weight points for and against (low 1, moderate 2, high 3)."""
    if pit is None:
        return 0, 0
    return (
        sum(WEIGHT_POINTS[f.weight] for f in pit.factors_for),
        sum(WEIGHT_POINTS[f.weight] for f in pit.factors_against),
    )


def weights_counts(pit: PublicInterestTest | None, ncnd: bool = False) -> str:
    """'2 factor(s) for disclosure, 4 point(s); 1 factor(s) for maintaining the exemption, 3
    point(s).' (worded for confirming or denying when ``ncnd``)."""
    points_for, points_against = points(pit)
    count_for = len(pit.factors_for) if pit else 0
    count_against = len(pit.factors_against) if pit else 0
    if not count_for and not count_against:
        return "No factors recorded yet."
    for_words = "for confirming or denying" if ncnd else "for disclosure"
    against_words = "for maintaining the exclusion" if ncnd else "for maintaining the exemption"
    return (
        f"{count_for} factor(s) {for_words}, {points_for} point(s); "
        f"{count_against} factor(s) {against_words}, {points_against} point(s)."
    )


def weights_summary(pit: PublicInterestTest | None, ncnd: bool = False) -> str:
    """The counts and points, and which way they lean, in plain words."""
    counts = weights_counts(pit, ncnd)
    if pit is None or not pit.factors:
        return counts
    points_for, points_against = points(pit)
    if points_against > points_for:
        lean = "The weights lean towards maintaining the " + (
            "exclusion." if ncnd else "exemption."
        )
    elif points_for > points_against:
        lean = "The weights lean towards " + ("confirming or denying." if ncnd else "disclosure.")
    else:
        lean = "The weights are even: when the public interest is evenly balanced, disclose."
    return f"{counts} {lean} Points are a summary only; the conclusion is your judgement."


def weights_table(pit: PublicInterestTest | None) -> pd.DataFrame:
    """A table of the factors with their side, weight and points (for st.dataframe)."""
    rows = [
        {
            "Side": "For" if factor.side is Side.FOR else "Against",
            "Factor": factor.text,
            "Weight": WEIGHT_LABELS[factor.weight],
            "Points": WEIGHT_POINTS[factor.weight],
        }
        for factor in (pit.factors if pit else [])
    ]
    return pd.DataFrame(rows, columns=["Side", "Factor", "Weight", "Points"])


def cost_totals(estimate: CostEstimate) -> str:
    """'Total 57.2 hours (£1,430.00) against the limit of 18 hours (£450.00): over the limit.'"""
    hours, cost = estimate.total_hours, estimate.total_cost
    verdict = "over the limit" if estimate.exceeds_limit else "within the limit"
    return (
        f"Total {hours:,.1f} hours (£{cost:,.2f}) against the limit of "
        f"{estimate.limit_hours:,.1f} hours (£{estimate.limit_pounds:,.2f}): {verdict}."
    )


def step_page(step_key: str) -> str:
    """The page file that handles a step."""
    return PAGES_BY_STEP[step_key].file


def link_to_step(step_key: str, case: Case, label: str) -> None:
    """A link to the page for ``step_key`` that keeps the case in the URL."""
    page = step_page(step_key)
    st.page_link(page, label=label, icon=":material/arrow_forward:", query_params={"case": case.id})


def next_step_link(step_key: str, case: Case) -> None:
    """A 'Next' link at the foot of a page, to the following step (none after the last)."""
    from foi_core.steps import STEP_KEYS, STEPS_BY_KEY

    later = STEP_KEYS[STEP_KEYS.index(step_key) + 1 :]
    if later:
        link_to_step(later[0], case, f"Next: {STEPS_BY_KEY[later[0]].title}")


def safe_file_name(text: str) -> str:
    """A file name made from a reference: letters, digits, dots, dashes and underscores only."""
    cleaned = "".join(ch if ch.isalnum() or ch in "._-" else "-" for ch in text.strip())
    return cleaned.strip("-.") or "letter"


def likelihood_label(value: Likelihood | None) -> str:
    return LIKELIHOOD_LABELS[value] if value is not None else "not stated"


def parse_date(value: object) -> dt.date | None:
    """A date from a date_input value (which may be None or a tuple when cleared)."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return None
