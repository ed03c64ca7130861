"""s40(2): the legitimate interests test for each claim under s40 (for NCND, asked of confirming
or denying under the NCND provision, e.g. s40(5B))."""

from __future__ import annotations

import streamlit as st

from foi_core.actions.balance import set_legitimate_interests
from foi_core.knowledge import Catalogue
from foi_core.models import Case, ClaimMode, ExemptionClaim, LegitimateInterests
from foi_core.reasoning import provision_relied_on
from ui import FieldProblems, field_key
from ui.actions import save_result
from ui.balance.common import section, typed, typed_values
from ui.fields import reach_note
from ui.layout import locked
from ui.reasoning import claim_title

LAWFUL_CHOICES = [None, True, False]


def draw(case: Case, claims: list[ExemptionClaim], cat: Catalogue, problems: FieldProblems) -> None:
    """One form per s40 claim."""
    if claims:
        section(
            "Personal data: legitimate interests (s40(2))",
            "Disclosing personal data is lawful only if it passes the legitimate interests test "
            "(Article 6(1)(f) UK GDPR): a legitimate interest, necessity, then the balance "
            "against the rights of the people the data is about.",
        )
    for claim in claims:
        li_form(case, claim, cat, problems)


def lawful_labels(claim: ExemptionClaim, cat: Catalogue) -> dict[bool | None, str]:
    """The results, worded for the claim: about disclosing under its own citation, or (for
    NCND) about confirming or denying under its NCND provision."""
    if claim.mode is ClaimMode.NCND:
        provision = provision_relied_on(claim)
        return {
            None: "Not decided yet",
            True: f"Confirming or denying would be lawful ({provision} does not apply)",
            False: (
                "Confirming or denying would not be lawful "
                f"(neither confirm nor deny under {provision})"
            ),
        }
    return {
        None: "Not decided yet",
        True: f"Disclosure would be lawful ({claim.citation} does not apply)",
        False: f"Disclosure would not be lawful (withhold under {claim.citation})",
    }


def li_form(case: Case, claim: ExemptionClaim, cat: Catalogue, problems: FieldProblems) -> None:
    record = claim.legitimate_interests or LegitimateInterests()
    prefix = f"li.{claim.id}"
    ncnd = claim.mode is ClaimMode.NCND
    # For NCND the questions are asked of confirming or denying that the information is held.
    act = "confirming or denying" if ncnd else "disclosure"
    labels = lawful_labels(claim, cat)
    questions = {
        "legitimate_interest": (
            f"1. Legitimate interest: what legitimate interest is there in {act}?",
            record.legitimate_interest,
        ),
        "necessity": (
            f"2. Necessity: is {act} to the world necessary to meet that interest, or "
            "would something less intrusive do?",
            record.necessity,
        ),
        "balancing": (
            "3. Balancing: does the interest override the rights and freedoms of the people "
            "the information is about?",
            record.balancing,
        ),
    }
    with st.form(f"li-{claim.id}", enter_to_submit=False):
        st.markdown(f"**{claim_title(claim, cat.get(claim.citation))}**")
        if ncnd:
            provision = provision_relied_on(claim)
            st.caption(
                "For neither confirm nor deny, ask these questions of confirming or denying "
                f"that the information is held ({provision}), not of disclosing it."
            )
        for name, (label, value) in questions.items():
            st.text_area(label, value=value, key=field_key(f"{prefix}.{name}"))
            reach_note(f"claims[].legitimate_interests.{name}")
            problems.slot(f"{prefix}.{name}")
        st.radio(
            "Result",
            LAWFUL_CHOICES,
            index=LAWFUL_CHOICES.index(record.disclosure_lawful),
            format_func=labels.__getitem__,
            key=field_key(f"{prefix}.lawful"),
        )
        problems.slot(f"{prefix}.lawful")
        submitted = st.form_submit_button("Save the legitimate interests record", disabled=locked())
    if submitted:
        answers = typed_values(prefix, tuple(questions))
        lawful = typed(f"{prefix}.lawful")
        result = set_legitimate_interests(case, claim.id, disclosure_lawful=lawful, **answers)
        save_result(result, problems)
