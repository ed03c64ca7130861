"""The conclusion of each qualified claim's public interest test, with a plain summary of the
weights and the factors as a table."""

from __future__ import annotations

import streamlit as st

from foi_core.actions.balance import set_balance
from foi_core.knowledge import Catalogue
from foi_core.models import Case, ClaimMode, ExemptionClaim
from foi_core.reasoning import provision_of
from ui import FieldProblems
from ui.actions import save_result
from ui.balance.common import decision_fields, read_decision
from ui.layout import locked
from ui.preview import letter_preview
from ui.reasoning import claim_title, weights_summary, weights_table


def draw(case: Case, claims: list[ExemptionClaim], cat: Catalogue, problems: FieldProblems) -> None:
    """One form per qualified claim."""
    if claims:
        st.markdown("### Conclusions")
    for claim in claims:
        ncnd = claim.mode is ClaimMode.NCND
        pit = claim.pit
        with st.container(border=True):
            st.markdown(f"#### {claim_title(claim, provision_of(claim, cat).entry)}")
            st.caption(weights_summary(pit, ncnd))
            if pit is not None and pit.factors:
                st.dataframe(weights_table(pit), hide_index=True, width="stretch")
            prefix = f"balance.{claim.id}"
            with st.form(f"balance-{claim.id}", enter_to_submit=False):
                saved = pit.balance if pit is not None else None
                decision_fields(problems, prefix, saved, ncnd, case.decision_maker)
                submitted = st.form_submit_button(
                    "Save the conclusion", type="primary", disabled=locked()
                )
            if submitted:
                save_result(set_balance(case, claim.id, read_decision(prefix)), problems)
            letter_preview(case, claim_id=claim.id)
