"""s36: the qualified person's opinion for each claim that rests on one."""

from __future__ import annotations

import streamlit as st

from foi_core.actions.balance import set_qp_opinion
from foi_core.knowledge import Catalogue
from foi_core.models import Case, ExemptionClaim, QualifiedPersonOpinion
from ui import FieldProblems, date_field, field_key
from ui.actions import save_result
from ui.balance.common import section, typed, typed_values
from ui.fields import reach_note
from ui.layout import locked
from ui.reasoning import claim_title, parse_date


def draw(case: Case, claims: list[ExemptionClaim], cat: Catalogue, problems: FieldProblems) -> None:
    """One form per claim."""
    if claims:
        section(
            "Qualified person's opinion (s36)",
            "Section 36 is engaged only by the reasonable opinion of the qualified person, given "
            "before the response is issued. Record who gave it, when, the limb relied on and why.",
        )
    for claim in claims:
        opinion_form(case, claim, cat, problems)


def opinion_form(
    case: Case, claim: ExemptionClaim, cat: Catalogue, problems: FieldProblems
) -> None:
    opinion = claim.qp_opinion or QualifiedPersonOpinion()
    prefix = f"qp.{claim.id}"
    with st.form(f"qp-{claim.id}", enter_to_submit=False):
        st.markdown(f"**{claim_title(claim, cat.get(claim.citation))}**")
        left, right = st.columns(2)
        with left:
            st.text_input("Name", value=opinion.name, key=field_key(f"{prefix}.name"))
            reach_note("claims[].qp_opinion.name")
            problems.slot(f"{prefix}.name")
            st.text_input("Role", value=opinion.role, key=field_key(f"{prefix}.role"))
            reach_note("claims[].qp_opinion.role")
            problems.slot(f"{prefix}.role")
        with right:
            date_field("Date of the opinion", opinion.opinion_date, f"{prefix}.opinion_date")
            problems.slot(f"{prefix}.opinion_date")
            st.text_input(
                "Limb relied on",
                value=opinion.limb or claim.citation,
                key=field_key(f"{prefix}.limb"),
            )
            reach_note("claims[].qp_opinion.limb")
            problems.slot(f"{prefix}.limb")
        st.text_area(
            "Reasons for the opinion", value=opinion.reasons, key=field_key(f"{prefix}.reasons")
        )
        reach_note("claims[].qp_opinion.reasons")
        problems.slot(f"{prefix}.reasons")
        submitted = st.form_submit_button("Save the opinion", disabled=locked())
    if submitted:
        day = parse_date(typed(f"{prefix}.opinion_date"))
        values = typed_values(prefix, ("name", "role", "limb", "reasons"))
        save_result(set_qp_opinion(case, claim.id, opinion_date=day, **values), problems)
